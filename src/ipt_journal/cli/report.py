"""`ipt report`: mood by week and relationship patterns in the terminal or as JSON, or the
clinician report as a Markdown or HTML document."""

from typing import Annotated

import typer

from ipt_journal.cli.context import ForceOpt, named_file, session
from ipt_journal.text import messages

FORMATS = ("markdown", "html")


def report(
    ctx: typer.Context,
    weeks: Annotated[
        int | None,
        typer.Option(
            "--weeks",
            "-w",
            metavar="N",
            help="How many ISO weeks back (1 to 520), this one included. [default: 12]",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DAY",
            help="Start on this day instead, e.g. 2026-03-01 or '8 weeks ago'.",
            show_default=False,
        ),
    ] = None,
    course: Annotated[
        bool, typer.Option("--course", help="The whole course, from its first day.", show_default=False)
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="markdown|html",
            help="A document to print or send to your clinician, instead of tables.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The document's file; - for stdout. [default: stdout]",
            callback=named_file,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Your mood week by week and how it goes with the people you see; with --format, one
    document for your clinician (course, goals, questionnaires, mood, people, events,
    sessions, homework, safety notes, things to bring)."""
    import datetime as dt

    from ipt_journal.errors import InputError
    from ipt_journal.insight.clinician_report import window_for
    from ipt_journal.text.dates import check_weeks, parse_day

    kind = format.strip().lower() if format is not None else None
    if kind is not None and kind not in FORMATS:
        raise InputError(f"--format must be markdown or html, got {format!r}.")
    if kind is None and output is not None:
        raise InputError("--output needs --format markdown or --format html.")
    if kind is not None and as_json:
        raise InputError("Choose --json or --format, not both.")
    check_weeks(weeks)
    today = dt.date.today()
    day = parse_day(since, "--since") if since else None
    journal = session(ctx).journal()
    start, window = window_for(journal, today, day, weeks, course)
    if kind is not None:
        write_document(journal, kind, output, force, start, today, window)
        return
    from ipt_journal.cli.crisis import crisis_if_due
    from ipt_journal.insight.report import build_report
    from ipt_journal.render.report import report as render_report

    result = build_report(journal, start, today)
    if as_json:
        data = result.as_json()
        crisis_if_due(journal, result.item9_days, data)
        messages.print_json(data)
    else:
        render_report(result)
        crisis_if_due(journal, result.item9_days)


def write_document(journal, kind: str, output: str | None, force: bool, start, today, window: str) -> None:
    """The clinician report as Markdown or HTML, to `output` (privately, whole, never over an
    existing file without --force) or stdout."""
    import sys

    from ipt_journal import config
    from ipt_journal.clinical import safety
    from ipt_journal.documents import NOT_ENCRYPTED, clinician
    from ipt_journal.documents import html as html_document
    from ipt_journal.documents import markdown as markdown_document
    from ipt_journal.insight.clinician_report import build_document
    from ipt_journal.safekeeping import files

    doc = build_document(journal, start, today, window)
    content = clinician.blocks(doc, safety.resources(config.country_or_none()))
    renderer = html_document if kind == "html" else markdown_document
    text = renderer.render(doc.title, content)
    where = files.write_user_file(output or files.STDOUT, text.encode(), force, journal.path)
    if output not in (None, files.STDOUT):
        messages.note(f"Wrote {where} (readable only by you).", stream=sys.stderr)
    messages.note(NOT_ENCRYPTED, stream=sys.stderr)
    if doc.item9_days:
        messages.note(
            "This report includes safety notes: the days a PHQ-9 had an answer above 0 to its "
            "last question. Crisis lines, any time: ipt crisis",
            stream=sys.stderr,
        )
