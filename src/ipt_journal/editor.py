"""Writing a long note in your own editor ($VISUAL, else $EDITOR, else vi).

The text lives only in a private temporary file (0600 in a folder of its own, 0700, inside
a folder ipt owns and sweeps: `files.editing_home`), removed when the editor closes.
Saving an empty file cancels. If the editor fails after the text was changed (vim's :cq, a
crash, a kill), the text is never thrown away unasked: ipt asks in a terminal whether to
use it, and otherwise keeps it as a private draft and says where.
Commands add the flag with `cli.context.EditOpt` and call `edit_text` (one note) or `edit_sections`
(several answers in one file).
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


def _private_folder() -> Path:
    # A folder ipt owns and sweeps (files.editing_folder): after a kill -9 the note is found
    # and removed by the next run instead of lingering in /tmp.
    from ipt_journal.safekeeping.files import editing_folder

    return editing_folder()


def run_editor(text: str, suffix: str = ".md") -> str:
    """`text` opened in the editor; what was saved. The file is gone afterwards."""
    folder = _private_folder()
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
            return _after_an_editor_error(path, text, finished.returncode)
        return path.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _after_an_editor_error(path: Path, started_with: str, code: int) -> str:
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
    draft = keep_draft(path)
    raise InputError(
        f"The editor {how}, so nothing was saved to the journal. What you wrote is kept at {draft} "
        "(readable only by you, not encrypted).",
        "Copy what you need from it (for example with --note), then delete the file.",
    )


def drafts_folder() -> Path:
    """Where text from a failed editor is kept: beside the default journal, private."""
    from ipt_journal.paths import default_journal_path

    return default_journal_path().parent / "drafts"


def keep_draft(path: Path) -> Path:
    """Move the editor's file into the drafts folder (0700), mode 0600; returns where."""
    import datetime as dt

    from ipt_journal.store.core import make_private_dirs

    folder = drafts_folder()
    make_private_dirs(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    draft = folder / f"draft-{stamp}{path.suffix}"
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(path.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())
    return draft


def edit_text(current: str | None = None, what: str = "note") -> str:
    """One note: the current text to start from; the saved text, or EditCancelled if empty."""
    saved = run_editor(current or "").strip()
    if not saved:
        raise EditCancelled(f"The {what} was empty, so nothing was saved.")
    return saved


def edit_sections(sections: list[tuple[str, str, str | list[str] | None]], title: str) -> dict[str, str]:
    """Several answers in one file: each (key, question, current answer) is a '## key: question'
    heading; what is written under it is its answer. Lines starting with '#' alone are notes
    for the writer. Returns key -> text for the answers given (lists one item a line)."""
    lines = [f"{COMMENT} {title}", f"{COMMENT} Write under each question; save an empty file to cancel.", ""]
    for key, question, current in sections:
        lines.append(f"## {key}: {question}")
        if isinstance(current, list):
            lines += current
        elif current:
            lines.append(current)
        lines.append("")
    saved = run_editor("\n".join(lines) + "\n")
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
