"""Files ipt writes outside SQLite: the one careful way to write them, and the one set of
checks for a file a person names on the command line.

`write_atomically` is the only code that puts a file in place: a temporary file beside the
target, mode 0600 from the start, flushed to disk, renamed over the target, and the folder
flushed too so the rename survives a power cut. Settings, exports, reports and backups all
end there.

`write_user_file` is how a command writes to a path the person chose (`-o PATH`): `-` means
standard output; an existing file is refused unless `force`; anything that is not a regular
file (a folder, a FIFO, a device, a link) is refused even then; and the journal, its -wal,
-shm and -journal files and the backups ipt keeps are never written over.

Temporary files carry a recognisable name, `.ipt-tmp.<pid>.<target>.<random>`, so a later
run can tell its own leftovers (from a `kill -9` or a power cut) from anything else, and
remove those whose process is gone (`leftovers`, `shred`).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ipt_journal.errors import InputError

TEMP_PREFIX = ".ipt-tmp."
BACKUP_FOLDER = "backups"
STDOUT = "-"
JOURNAL_SUFFIXES = ("", "-wal", "-shm", "-journal")


def temp_beside(target: Path) -> Path:
    """A new, empty, 0600 temporary file in `target`'s folder, named so ipt knows it."""
    import tempfile  # only when writing: most commands never do

    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f"{TEMP_PREFIX}{os.getpid()}.{target.name}.")
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return Path(name)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries, so a rename into it is on disk (where the system allows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot flush a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def replace(temp: Path, target: Path) -> None:
    """Rename the flushed `temp` over `target`, then flush the folder."""
    os.replace(temp, target)
    fsync_folder(target.parent)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all, readable only by you."""
    temp = temp_beside(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def protected_paths(journal_path: Path | None) -> list[Path]:
    """The files a named output must never replace: the journal and its companions, and the
    folder of backups beside it (every file in it)."""
    if journal_path is None:
        return []
    real = journal_path.resolve()
    paths = [Path(f"{real}{suffix}") for suffix in JOURNAL_SUFFIXES]
    return [*paths, real.parent / BACKUP_FOLDER]


def check_target(path: Path, force: bool = False, journal_path: Path | None = None) -> None:
    """Refuse, with a sentence, a path a command must not write: see the module's notes."""
    parent = path.parent
    real = parent.resolve() / path.name
    for protected in protected_paths(journal_path):
        if real == protected or protected in real.parents:
            raise InputError(
                f"{path} is your journal or one of its own files; ipt never writes an export over it.",
                "Choose another name.",
            )
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise InputError(f"Cannot write {path}: the folder {parent} {what}.", "Create the folder first.")
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder.", "Give a file name inside it.")
    if not stat.S_ISREG(info.st_mode):
        kind = "a link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        raise InputError(f"{path} is {kind}; ipt only writes regular files.", "Choose another name.")
    if not force:
        raise InputError(
            f"{path} already exists; ipt does not overwrite files.", "Use --force to replace it."
        )


def write_user_file(
    target: Path | str, data: bytes, force: bool = False, journal_path: Path | None = None
) -> str:
    """Write `data` where the person asked: `-` is standard output, anything else is checked
    with `check_target` and written atomically. Returns where it went, for a message."""
    if str(target) == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return "standard output"
    path = Path(target)
    check_target(path, force, journal_path)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}. Nothing was written.") from None
    return str(path)


def read_user_file(path: Path, limit: int) -> str:
    """The UTF-8 text of a regular file a person named (see `read_user_bytes`)."""
    try:
        return read_user_bytes(path, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.") from None


def read_user_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file a person named, refused clearly when it is anything else
    (a folder, a FIFO, /dev/zero) or larger than `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputError(f"{path} is not a regular file; ipt reads only files.")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise InputError(f"{path} is {_size(info.st_size)}; ipt reads files up to {_size(limit)}.")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if len(data) > limit:
        raise InputError(f"{path} is larger than {_size(limit)}; ipt reads files up to that size.")
    return data


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count} bytes"


# ------------------------------------------------------------------ leftovers


def leftovers(journal_path: Path, all_of_them: bool = False) -> list[Path]:
    """ipt's temporary files beside the journal and in its backups folder whose process has
    ended (every one, with `all_of_them`): what a `kill -9` or a power cut left behind.
    Earlier versions' names (.journal.db.k3j2x.tmp) count only for this journal's own name,
    so another program's files in a shared folder are never taken for ipt's."""
    backups = journal_path.parent / BACKUP_FOLDER
    legacy = {journal_path.parent: f".{journal_path.name}.*.tmp", backups: ".journal-*.db.*.tmp"}
    found = []
    for folder, old_name in legacy.items():
        if not folder.is_dir():
            continue
        for path in folder.glob(f"{TEMP_PREFIX}*"):
            pid = path.name[len(TEMP_PREFIX) :].split(".", 1)[0]
            if all_of_them or not (pid.isascii() and pid.isdigit() and _alive(int(pid))):
                found.append(path)
        found += folder.glob(old_name)
    return sorted(found)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def shred(paths: Iterable[Path]) -> list[Path]:
    """Overwrite each file with zeros, then delete it: a plaintext copy should not linger in
    the file system's free space where it can be helped (copy-on-write disks and SSDs may
    still keep old blocks; full-disk encryption covers those)."""
    removed = []
    for path in paths:
        try:
            size = path.lstat().st_size if path.is_file() and not path.is_symlink() else 0
            if size:
                with open(path, "r+b") as handle:
                    while size > 0:
                        step = min(size, 1 << 20)
                        handle.write(b"\0" * step)
                        size -= step
                    handle.flush()
                    os.fsync(handle.fileno())
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
