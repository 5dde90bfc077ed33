"""Writing a long note in your own editor ($VISUAL, else $EDITOR, else vi).

The text lives only in a private temporary file (0600 in a folder of its own, 0700, beside
the journal it is for: `safekeeping.editing`), removed when the editor closes. Saving an
empty file cancels. If the editor fails after the text was changed (vim's :cq, a crash, a
kill), the text is never thrown away unasked: ipt asks in a terminal whether to use it, and
otherwise keeps it as a private draft beside that journal and says where.
Commands add the flag with `cli.context.EditOpt` and call `edit_text` (one note) or
`edit_sections` (several answers in one file), naming the journal (`Session.journal_path()`).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from ipt_journal.errors import InputError, IptError

COMMENT = "#"


class EditCancelled(IptError):
    """The person saved an empty file: nothing is written."""

    exit_code = 1


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def _private_folder(journal: Path) -> Path:
    # A folder ipt owns and sweeps beside the journal (editing.editing_folder): after a
    # kill -9 the note is found and removed by that journal's next run, not left in /tmp.
    from ipt_journal.safekeeping.editing import editing_folder

    try:
        return editing_folder(journal)
    except OSError as exc:
        raise InputError(
            f"Could not make a private folder for the note beside the journal, in {journal.parent}: "
            f"{exc.strerror or exc}. Nothing was saved.",
            "Write the note with --note instead, or use a journal in a folder you may write.",
        ) from None


# What the editor gave back in this run, and for which journal, until the command ends. If
# it fails after the editor closed (a wrong passphrase, a file that is not a journal, a value
# refused, Ctrl-C at a later question), the error edge keeps the text as a draft
# (`keep_unsaved`, called from cli/__init__.py), so a failure never throws away what was written.
_given_back: list[tuple[Path, str]] = []


def keep_unsaved() -> list[Path]:
    """Keep what the editor gave back this run as drafts beside its journal; where they are."""
    from ipt_journal.safekeeping.editing import draft_of_text

    kept = []
    while _given_back:
        journal, text = _given_back.pop(0)
        try:
            kept.append(draft_of_text(text, journal))
        except OSError:
            continue  # the error being reported already says what was not saved
    return kept


def forget_unsaved() -> None:
    """The command ended well (or a new one starts): nothing to keep."""
    _given_back.clear()


def run_editor(text: str, journal: Path, suffix: str = ".md") -> str:
    """`text` opened in the editor, for a note of `journal`; what was saved. The file is gone
    afterwards (kept as a draft beside the journal if the editor failed after a change)."""
    folder = _private_folder(journal)
    kept = False
    try:
        os.chmod(folder, 0o700)
        path = folder / f"note{suffix}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        command = editor_command()
        try:
            finished = subprocess.run([*command, str(path)])
        except OSError:
            raise InputError(
                f"Could not start the editor {command[0]!r}. Nothing was saved.",
                "Set VISUAL or EDITOR to your editor, e.g. export EDITOR=nano",
            ) from None
        if finished.returncode != 0:
            try:
                written = _after_an_editor_error(path, text, finished.returncode, journal)
            except _NotKept:
                kept = True
                raise
        else:
            written = path.read_text(encoding="utf-8")
        if written.strip() and written != text:
            _given_back.append((journal, written))
        return written
    finally:
        if not kept:
            shutil.rmtree(folder, ignore_errors=True)


class _NotKept(InputError):
    """The draft could not be written: the editor's own file is left where it is."""


def _after_an_editor_error(path: Path, started_with: str, code: int, journal: Path) -> str:
    """The editor failed (vim's :cq, a crash, a kill) perhaps after the person saved: what they
    wrote is never thrown away unasked. Unchanged: nothing to keep. Changed, in a terminal:
    ask whether to use it. Otherwise: keep it as a draft, and say where."""
    how = f"was stopped (signal {-code})" if code < 0 else f"exited with an error ({code})"
    try:
        written = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        written = started_with
    if written == started_with:
        raise InputError(f"The editor {how}. Nothing was saved.")
    if sys.stdin.isatty() and sys.stdout.isatty():
        from ipt_journal import prompts

        if prompts.confirm(f"The editor {how}, after your text was saved. Use what you wrote?", default=True):
            return written
    from ipt_journal.safekeeping.editing import keep_draft

    try:
        draft = keep_draft(path, journal)
    except OSError as exc:
        raise _NotKept(
            f"The editor {how}, so nothing was saved to the journal, and what you wrote could not "
            f"be kept as a draft ({exc.strerror or exc}). It is still at {path} (readable only by "
            "you, not encrypted): copy it now, as the next ipt run removes it.",
        ) from None
    raise InputError(
        f"The editor {how}, so nothing was saved to the journal. What you wrote is kept at {draft} "
        "(readable only by you, not encrypted).",
        "Copy what you need from it (for example with --note), then delete the file.",
    )


def edit_text(journal: Path, current: str | None = None, what: str = "note") -> str:
    """One note of `journal`: the current text to start from; the saved text, or
    EditCancelled if empty."""
    saved = run_editor(current or "", journal).strip()
    if not saved:
        raise EditCancelled(f"The {what} was empty, so nothing was saved.")
    return saved


def edit_sections(
    sections: list[tuple[str, str, str | list[str] | None]], title: str, journal: Path
) -> dict[str, str]:
    """Several answers in one file: each (key, question, current answer) is a '## key: question'
    heading; what is written under it is its answer. Lines starting with '#' alone are notes
    for the writer. Returns key -> text for the answers given (lists one item a line)."""
    lines = [f"{COMMENT} {title}", f"{COMMENT} Write under each question; save an empty file to cancel.", ""]
    for name, question, current in sections:
        lines.append(f"## {name}: {question}")
        if isinstance(current, list):
            lines += current
        elif current:
            lines.append(current)
        lines.append("")
    saved = run_editor("\n".join(lines) + "\n", journal)
    answers: dict[str, list[str]] = {}
    key = None
    for line in saved.splitlines():
        if line.startswith("## ") and ":" in line:
            key = line[3:].split(":", 1)[0].strip()
            answers.setdefault(key, [])
        elif line.startswith(COMMENT):
            continue
        elif key is not None:
            answers[key].append(line)
    given = {k: "\n".join(v).strip() for k, v in answers.items() if "\n".join(v).strip()}
    if not given:
        raise EditCancelled("Nothing was written, so nothing was saved.")
    return given
