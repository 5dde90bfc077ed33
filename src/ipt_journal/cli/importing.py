"""`ipt import`: a JSON export of ipt, a Daylio export, or any CSV with a date and a mood."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.importers import Outcome

SOURCES = ("json", "daylio", "csv")
NOTE_PREVIEW = 40


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="The file to import; - reads standard input.", show_default=False
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="json|daylio|csv",
            help="What the file is: an ipt JSON export, Daylio's CSV export, or any CSV.",
        ),
    ] = "json",
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="day=COL,mood=COL,...",
            help="For --from csv: the columns holding day and mood, and optionally time, note, tags.",
            show_default=False,
        ),
    ] = None,
    mood_map: Annotated[
        str | None,
        typer.Option(
            "--mood-map",
            metavar="'LABEL=N,...'",
            help="Moods written as words, each given a mood from 0 (worst) to 10 (best).",
            show_default=False,
        ),
    ] = None,
    mood_scale: Annotated[
        str | None,
        typer.Option(
            "--mood-scale",
            metavar="LOW-HIGH",
            help="For --from csv: the scale of numeric moods, such as 1-5. [default: 0-10]",
            show_default=False,
        ),
    ] = None,
    person_map: Annotated[
        str | None,
        typer.Option(
            "--person-map",
            metavar="'ACTIVITY=NAME,...'",
            help="Activities or tags that mean time with a person of your inventory.",
            show_default=False,
        ),
    ] = None,
    date_format: Annotated[
        str | None,
        typer.Option(
            "--date-format",
            metavar="FORMAT",
            help="For --from csv: how dates are written, such as '%d/%m/%Y'. [default: YYYY-MM-DD]",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be added, change nothing.")
    ] = False,
) -> None:
    """Merge a file into the journal. The whole file is checked first and everything is
    added in one go; importing the same file twice adds nothing the second time.
    JSON exports of ipt merge by their records' ids. Daylio and CSV rows become check-ins;
    activities and tags that name a person of your inventory become time with them."""
    from ipt_journal.errors import InputError

    kind = source.lower()
    if kind not in SOURCES:
        raise InputError(f"--from must be json, daylio or csv, got {source!r}.")
    if kind == "json":
        given = [
            flag
            for flag, value in (
                ("--columns", columns),
                ("--mood-map", mood_map),
                ("--mood-scale", mood_scale),
                ("--person-map", person_map),
                ("--date-format", date_format),
            )
            if value is not None
        ]
        if given:
            raise InputError(
                f"{', '.join(given)} applies to --from daylio or csv, not to an ipt JSON export."
            )
        _import_json(ctx, file, dry_run)
        return
    from ipt_journal import importers
    from ipt_journal.importers import common

    mapping = importers.Mapping(
        mood_map=common.parse_map(mood_map, "--mood-map", common.mood_value),
        person_map=common.parse_map(person_map, "--person-map", lambda _label, name: name),
    )
    if kind == "daylio":
        from ipt_journal.importers import daylio

        for flag, value in (
            ("--columns", columns),
            ("--mood-scale", mood_scale),
            ("--date-format", date_format),
        ):
            if value is not None:
                raise InputError(f"{flag} applies to --from csv; a Daylio export's columns are known.")
        mapping.defaults = daylio.DEFAULT_MOODS
        read = daylio.read(file)
    else:
        from ipt_journal.importers import csvmap

        mapping.scale = common.parse_scale(mood_scale)
        read = csvmap.read(file, csvmap.parse_columns(columns), date_format)
    outcome = importers.import_source(session(ctx).journal(), read, mapping, dry_run)
    _say(outcome)


def _say(outcome: "Outcome") -> None:
    from ipt_journal import importers
    from ipt_journal.safekeeping.files import shown_name
    from ipt_journal.text.safe_text import on_one_line

    note = messages.note
    count = messages.count
    name = shown_name(outcome.path)
    if not outcome.rows:
        note(f"{name} has a header but no rows: there is nothing to import.")
        return
    if outcome.dry_run:
        note(f"{name} ({outcome.kind}): {count(outcome.rows, 'row')}. This import would add:")
    else:
        note(f"Imported {name} ({outcome.kind}, {count(outcome.rows, 'row')}):")
    note(f"check-ins: {outcome.added} added", indent="  ")
    if outcome.people:
        times = ", ".join(f"{name} {n}" for name, n in outcome.people.items())
        note(f"time with people: {times} (how it went: unknown, the file does not say)", indent="  ")
    if outcome.tags:
        shown = ", ".join(f"{tag} {n}" for tag, n in list(outcome.tags.items())[:12])
        more = f" and {len(outcome.tags) - 12} more" if len(outcome.tags) > 12 else ""
        note(f"tags ({len(outcome.tags)}): {shown}{more}", indent="  ")
    for tag, name in outcome.remembered.items():
        note(f"{tag}: kept as a tag, not time with {name}, who has died", indent="  ")
    for reason, rows in outcome.skipped.items():
        note(f"skipped: {count(rows, 'row')}: {reason}", indent="  ")
    if outcome.first_day and outcome.last_day:
        note(f"dates: {outcome.first_day.isoformat()} to {outcome.last_day.isoformat()}", indent="  ")
    if outcome.moods:
        labels = ", ".join(
            f"{m.label} ({count(m.rows, 'row')}) as {m.mood}"
            + (f" ({m.how})" if m.how == "--mood-map" else "")
            if m.mood is not None
            else f"{m.label} ({count(m.rows, 'row')})"
            for m in outcome.moods
        )
        note(f"moods found: {labels}", indent="  ")
    if outcome.dry_run and outcome.first_rows:
        note("First rows to be added:")
        for row in outcome.first_rows:
            parts = [f"{row.day.isoformat()}{' ' + row.time if row.time else ''}", f"mood {row.mood}"]
            if row.people:
                parts.append("with " + ", ".join(row.people))
            if row.tags:
                parts.append("tags " + ", ".join(row.tags))
            if row.note:
                text = on_one_line(row.note)
                parts.append(repr(text if len(text) <= NOTE_PREVIEW else text[:NOTE_PREVIEW] + "..."))
            note("; ".join(parts), indent="  ")
    if outcome.dry_run:
        note("Nothing was changed (--dry-run).")
    elif not outcome.added and set(outcome.skipped) == {importers.ALREADY_THERE}:
        note("Nothing was added: the journal already has every row of this file.")
    elif not outcome.added:
        note("Nothing was added.")


def _import_json(ctx: typer.Context, file: Path, dry_run: bool) -> None:
    from ipt_journal.errors import InputError
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.safekeeping import files, portable, portable_read

    handle = files.open_user_file(file, portable.MAX_IMPORT_BYTES)
    try:
        doc = portable_read.read(handle, file)
    except InputError:
        handle.seek(0)
        if file.suffix.lower() == ".csv" or handle.read(3) == "\ufeff".encode():
            raise InputError(
                f"{files.shown_name(file) if str(file) == files.STDIN else file} is not an ipt export; "
                "it looks like a CSV file.",
                "Import a Daylio export with: ipt import --from daylio FILE; other CSV files with: "
                "ipt import --from csv FILE --columns day=...,mood=...",
            ) from None
        raise
    journal = session(ctx).journal()
    counts = journal.merge(doc, dry_run=True)
    if not dry_run and any(changed["updated"] or changed.get("deleted") for changed in counts.values()):
        kept = safekeeping.backup(journal)  # before existing records are overwritten or deleted
        messages.note(f"Your journal as it was is kept at {kept}.")
    if not dry_run and counts:
        counts = journal.merge(doc)
        if any(changed.get("deleted") for changed in counts.values()):
            journal.fold_wal()  # the deleted text leaves the -wal and the search index too
    if not any(
        changed["added"] or changed["updated"] or changed.get("deleted") for changed in counts.values()
    ):
        messages.note("Nothing to import: the journal already has everything in this file.")
    else:
        messages.note("This import would change:" if dry_run else "Imported:")
    for table, changed in counts.items():
        skipped = f", {changed['skipped']} kept (yours is newer)" if changed["skipped"] else ""
        if changed.get("deleted since"):
            skipped += f", skipped: {changed['deleted since']} deleted since"
        if changed.get("deleted"):
            skipped += f", {changed['deleted']} deleted (deleted in the file's journal)"
        messages.note(
            f"  {table.replace('_', ' ')}: {changed['added']} added, {changed['updated']} updated{skipped}"
        )
    _say_odd_days(doc.odd_days, dry_run)
    if dry_run:
        messages.note("Nothing was changed (--dry-run).")


def _say_odd_days(odd: list[str], dry_run: bool) -> None:
    """Records whose day ipt would not take today (before 1900, more than a year ahead, a
    check-in in the future): an older ipt let them in, so they move with the rest."""
    from ipt_journal.safekeeping.portable import ODD_DAYS

    if not odd:
        return
    messages.note(
        f"{len(odd)} record{'s' if len(odd) != 1 else ''} in the file carr{'ies' if len(odd) == 1 else 'y'} "
        f"a day ipt would not take today; {'they would be' if dry_run else 'they were'} imported as "
        "they are, so nothing is lost. Check and correct them:"
    )
    for problem in odd[:ODD_DAYS]:
        messages.note(f"  {problem}")
    if len(odd) > ODD_DAYS:
        messages.note(f"  and {len(odd) - ODD_DAYS} more")
