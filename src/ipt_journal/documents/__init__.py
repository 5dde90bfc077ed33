"""Documents written to files: the clinician report (Markdown, HTML) and the readable journal.

Loaded only by the commands that write one (`ipt report --format`, `ipt export`), so the
terminal report starts without them.
"""

NOT_ENCRYPTED = (
    "Exports are not encrypted: anyone who can read the file can read your journal. "
    "Keep it somewhere private, and delete it when you no longer need it."
)
