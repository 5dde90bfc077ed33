"""The in-flight list: the temporary files ipt is writing outside the journal's own folders
(beside `backup PATH`, `export -o PATH`, `report -o PATH`, a CSV export's folder), written
down before each exists in `.ipt-in-flight` (0600) in the journal's folder: a process
number, a folder and a file name per line, never journal text. After a `kill -9` the next
run finds what the ended process left there (`files.leftovers`) and crosses it off once
removed. Several ipt may run at once, so the list changes only under a lock."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ipt_journal.safekeeping import files


def _own_folders(journal_path: Path) -> set[Path]:
    folder = journal_path.resolve().parent
    return {folder, folder / files.BACKUP_FOLDER}


def record(target: Path, journal_path: Path | None) -> tuple[Path, str] | None:
    """Write down, before it exists, the temporary file this process is about to make beside
    `target`: its process, its folder and the name it will start with."""
    if journal_path is None or not journal_path.parent.is_dir():
        return None
    folder = target.parent.resolve()
    if folder in _own_folders(journal_path) or "\n" in str(folder) or "\n" in target.name:
        return None  # the journal's folders are swept anyway; a newline cannot be listed
    line = f"{os.getpid()}\t{folder}\t{target.name}"
    try:
        _edit(journal_path, lambda lines: [*lines, line])
    except OSError:
        return None  # a read-only journal folder (read-only media): the output is still written
    return journal_path, line


def _edit(journal_path: Path, change: Callable[[list[str]], list[str]]) -> list[str]:
    """Change the in-flight list under a lock (several ipt may run at once); an empty list is
    removed. Returns the lines as they were."""
    import fcntl

    path = journal_path.parent / files.IN_FLIGHT
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with open(fd, "r+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            if os.fstat(handle.fileno()).st_nlink == 0:
                continue  # another ipt removed the list meanwhile: open the new one
            os.fchmod(handle.fileno(), 0o600)
            lines = [line for line in handle.read().split("\n") if line]
            changed = change(lines)
            if not changed:
                os.unlink(path)
            elif changed != lines:
                handle.seek(0)
                handle.truncate()
                handle.write("".join(f"{line}\n" for line in changed))
                handle.flush()
                os.fsync(handle.fileno())
            return lines


def leftovers(journal_path: Path, all_of_them: bool) -> list[Path]:
    """The temporary files the in-flight list names whose process has ended (every one, with
    `all_of_them`); lines left with no file and no process are crossed off."""
    if not (journal_path.parent / files.IN_FLIGHT).is_file():
        return []
    found: list[Path] = []

    def sweep(lines: list[str]) -> list[str]:
        kept = []
        for line in lines:
            pid, folder, name = (line.split("\t") + ["", ""])[:3]
            alive = pid.isascii() and pid.isdigit() and files._alive(int(pid))
            if alive and not all_of_them:
                kept.append(line)
                continue
            left = sorted(Path(folder).glob(f"{_glob_literal(f'{files.TEMP_PREFIX}{pid}.{name}.')}*"))
            for path in left:
                if path.is_symlink():
                    continue
                found.extend(sorted(path.iterdir()) if path.is_dir() else [path] if path.is_file() else [])
            if left or alive:
                kept.append(line)  # crossed off once the files are gone
        return kept

    try:
        _edit(journal_path, sweep)
    except OSError:
        return found
    return found


def _glob_literal(text: str) -> str:
    import glob

    return glob.escape(text)


def cross_off(journal_path: Path, line: str) -> None:
    """The temporary file is renamed into place or removed: its line goes."""
    try:
        _edit(journal_path, lambda lines: [kept for kept in lines if kept != line])
    except OSError:
        pass  # the next run crosses it off once its process has ended
