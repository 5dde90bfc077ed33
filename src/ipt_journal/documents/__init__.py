"""Documents written to files: the clinician report (Markdown, HTML) and the readable journal.

Loaded only by the commands that write one (`ipt report --format`, `ipt export`), so the
terminal report starts without them.
"""
