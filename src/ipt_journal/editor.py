"""Writing a long note in your own editor ($VISUAL, else $EDITOR, else vi).

The text lives only in a private temporary file (0600 in a folder of its own, 0700),
removed when the editor closes whatever happened. Saving an empty file cancels.
Commands add the flag with `cli.context.EditOpt` and call `edit_text` (one note) or `edit_sections`
(several answers in one file).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from ipt_journal.errors import InputError, IptError

COMMENT = "#"


class EditCancelled(IptError):
    """The person saved an empty file: nothing is written."""

    exit_code = 1


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def _private_folder() -> Path:
    # The per-user runtime folder lives in memory where the system has one.
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = runtime if runtime and os.path.isdir(runtime) else None
    return Path(tempfile.mkdtemp(prefix="ipt-edit-", dir=base))  # mode 0700


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
            raise InputError(f"The editor exited with an error ({finished.returncode}). Nothing was saved.")
        return path.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
