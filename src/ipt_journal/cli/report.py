"""`ipt report`: mood by week and relationship patterns in the terminal or as JSON, or the
clinician report as a Markdown or HTML document."""

from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import ForceOpt, named_file, session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from datetime import date as _date

    from ipt_journal.store import Journal

FORMATS = ("markdown", "html")


def report(
    ctx: typer.Context,
    weeks: Annotated[
        int | None,
        typer.Option(
            "--weeks",
            "-w",
            metavar="N",
            help="How many ISO weeks back (1 to 520), this one included. [default: the course "
            "while it runs and for 12 weeks after it, else 12]",
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
        bool,
        typer.Option(
            "--course", help="The whole course, from its first day and baseline.", show_default=False
        ),
    ] = False,
    last_session: Annotated[
        bool,
        typer.Option(
            "--since-last-session",
            help="From the day of your latest session: the document for the next appointment.",
            show_default=False,
        ),
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
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include",
            metavar="SECTION",
            help="Add a section to the document: inventory, exercises, incidents (what happened with "
            "people), notes, safety-plan; repeatable. [default: inventory, exercises and incidents]",
            show_default=False,
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="SECTION",
            help="Leave a section out of the document (as --include); repeatable.",
            show_default=False,
        ),
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(
            "--for",
            metavar="NAME",
            help="Who the document is for, printed under its title, e.g. 'Dr Lee'.",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Your mood week by week and how it goes with the people you see; with --format, one
    document for your clinician: page one a session summary (safety, focus, questionnaires,
    the focal relationships, what to bring up, what happened since the last session), then
    the case (events, inventory, every answer, sessions, exercises, the review)."""
    import datetime as dt

    from ipt_journal.errors import InputError
    from ipt_journal.insight.report import window_for
    from ipt_journal.text.dates import check_weeks, parse_day

    kind = format.strip().lower() if format is not None else None
    if kind is not None and kind not in FORMATS:
        raise InputError(f"--format must be markdown or html, got {format!r}.")
    if kind is None and output is not None:
        raise InputError("--output needs --format markdown or --format html.")
    if kind is not None and as_json:
        raise InputError("Choose --json or --format, not both.")
    if kind is None and (include or exclude or recipient is not None):
        raise InputError("--include, --exclude and --for shape a document: add --format markdown or html.")
    # Only a document has sections: the report on screen need not load the clinician case.
    sections = chosen_sections(include or [], exclude or []) if kind is not None else frozenset()
    check_weeks(weeks)
    today = dt.date.today()
    day = parse_day(since, "--since") if since else None
    journal = session(ctx).journal()
    start, window = window_for(journal, today, day, weeks, course, last_session)
    if kind is not None:
        write_document(journal, kind, output, force, start, today, window, sections, recipient)
        return
    from ipt_journal.cli.crisis import crisis_if_due
    from ipt_journal.insight.course_work import build_course_work
    from ipt_journal.insight.pathways import dispute_weeks
    from ipt_journal.insight.report import build_report
    from ipt_journal.render.report import report as render_report

    result = build_report(journal, start, today)
    stages = dispute_weeks(journal, start)  # the role dispute's stage, a line over the weeks
    work = build_course_work(journal, start, today)  # the pathway, the midpoint review
    if as_json:
        data = result.as_json()
        data["window"] = window
        data["dispute_stage_by_week"] = [{"week": w.week, "stage": w.dispute_stage} for w in stages]
        data["course_work"] = work.as_json()
        crisis_if_due(journal, result.item9_days, data)
        messages.print_json(data)
    else:
        render_report(result)
        if not work.is_empty or stages:
            from ipt_journal.render.pathways import course_work_lines, say_lines, stage_line

            say_lines(
                (course_work_lines(work) if not work.is_empty else [])
                + (stage_line(stages) if stages else [])
            )
        messages.note(window_note(window))
        crisis_if_due(journal, result.item9_days)


def window_note(window: str) -> str:
    from ipt_journal.insight.report_window import HOW_TO_CHANGE

    return f"This covers {window}; {HOW_TO_CHANGE}."


def chosen_sections(include: list[str], exclude: list[str]) -> frozenset[str]:
    """The sections that leave, from the default, --include and --exclude (comma lists too)."""
    from ipt_journal.errors import InputError
    from ipt_journal.insight.clinician_case import DEFAULT_SECTIONS, SECTIONS

    def names(values: list[str], flag: str) -> set[str]:
        found = {part.strip().lower() for value in values for part in value.split(",") if part.strip()}
        unknown = sorted(found - set(SECTIONS))
        if unknown:
            raise InputError(f"{flag} takes {', '.join(SECTIONS)}; got {', '.join(map(repr, unknown))}.")
        return found

    added, removed = names(include, "--include"), names(exclude, "--exclude")
    both = sorted(added & removed)
    if both:
        raise InputError(f"{', '.join(both)} is both included and excluded: choose one.")
    return frozenset((DEFAULT_SECTIONS | added) - removed)


def write_document(
    journal: "Journal",
    kind: str,
    output: str | None,
    force: bool,
    start: "_date",
    today: "_date",
    window: str,
    sections: frozenset[str],
    recipient: str | None,
) -> None:
    """The clinician report as Markdown or HTML, to `output` (privately, whole, never over an
    existing file without --force) or stdout."""
    import sys

    from ipt_journal import config
    from ipt_journal.clinical import safety
    from ipt_journal.documents import NOT_ENCRYPTED, clinician
    from ipt_journal.documents import html as html_document
    from ipt_journal.documents import markdown as markdown_document
    from ipt_journal.insight.clinician_case import SECTIONS
    from ipt_journal.insight.clinician_report import build_document
    from ipt_journal.insight.report_window import HOW_TO_CHANGE
    from ipt_journal.safekeeping import files

    if kind == "html" and output in (None, files.STDOUT) and sys.stdout.isatty():
        from ipt_journal.errors import InputError

        # An HTML page is for a browser: on a terminal its text would be shown raw (and a
        # screen is no place for a document); piped or redirected, it goes out as asked.
        raise InputError(
            "ipt report --format html writes a document for a browser, not for this terminal.",
            "Save it with -o: ipt report --format html -o report.html (or pipe it: ... | your-program)",
        )
    # Said before anything is written, so the person knows what leaves.
    leaving = [name for name in SECTIONS if name in sections]
    staying = [name for name in SECTIONS if name not in sections]
    messages.note(f"The document covers {window}; {HOW_TO_CHANGE}.", stream=sys.stderr)
    messages.note(
        f"It includes: page one, figures, events, sessions, the review{''.join(', ' + n for n in leaving)}."
        + (f" Left out: {', '.join(staying)} (add with --include)." if staying else ""),
        stream=sys.stderr,
    )
    doc = build_document(journal, start, today, window, sections, recipient)
    content = clinician.blocks(doc, safety.resources(config.country_or_none()))
    renderer = html_document if kind == "html" else markdown_document
    text = renderer.render(doc.title, content, recipient)
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
