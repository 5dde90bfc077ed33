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
remove those whose process is gone (`leftovers`, `shred`). A temporary file outside the
journal's own folders (beside `backup PATH`, `export -o PATH`, `report -o PATH`) is written
down first in a small private list in the journal's folder (`.ipt-in-flight`, 0600), so
that a later run finds it there too.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ipt_journal.errors import InputError
from ipt_journal.safekeeping import in_flight

TEMP_PREFIX = ".ipt-tmp."
BACKUP_FOLDER = "backups"
STDOUT = "-"
STDIN = "-"  # as a file to read (`ipt import -`)
JOURNAL_SUFFIXES = ("", "-wal", "-shm", "-journal")
IN_FLIGHT = ".ipt-in-flight"


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


@contextmanager
def temp_output(target: Path, journal_path: Path | None = None) -> Iterator[Path]:
    """A temporary file beside `target` (`temp_beside`) for as long as the block runs; gone
    afterwards unless the block renamed it into place. Outside the journal's own folders it
    is first written down in the journal's in-flight list, so a `kill -9` cannot hide it."""
    recorded = in_flight.record(target, journal_path)
    try:
        temp = temp_beside(target)
        try:
            yield temp
        finally:
            temp.unlink(missing_ok=True)
    finally:
        if recorded is not None:
            in_flight.cross_off(*recorded)


@contextmanager
def temp_folder(folder: Path, journal_path: Path | None = None) -> Iterator[Path]:
    """A new private folder (0700) inside `folder`, named like ipt's temporary files and
    written down in the in-flight list like them; removed with what is left in it."""
    import shutil
    import tempfile

    recorded = in_flight.record(folder / "staging", journal_path)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}.staging.", dir=folder))
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        if recorded is not None:
            in_flight.cross_off(*recorded)


def write_atomically(path: Path, data: bytes | Iterable[bytes], journal_path: Path | None = None) -> Path:
    """Write `data` (bytes, or pieces of it written as they come) to `path` whole or not at
    all, readable only by you."""
    with temp_output(path, journal_path) as temp:
        with open(temp, "wb") as handle:
            for piece in (data,) if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        replace(temp, path)
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
    target: Path | str, data: bytes | Iterable[bytes], force: bool = False, journal_path: Path | None = None
) -> str:
    """Write `data` where the person asked: `-` is standard output, anything else is checked
    with `check_target` and written atomically. `data` may come in pieces (an export streamed
    from the journal): each is written as it comes, and a file still appears only whole.
    Returns where it went, for a message."""
    if str(target) == STDOUT:
        sys.stdout.flush()
        for piece in (data,) if isinstance(data, bytes) else data:
            sys.stdout.buffer.write(piece)
        sys.stdout.flush()
        return "standard output"
    path = Path(target)
    check_target(path, force, journal_path)
    try:
        write_atomically(path, data, journal_path)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}. Nothing was written.") from None
    return str(path)


def read_user_file(path: Path, limit: int) -> str:
    """The UTF-8 text of a regular file a person named (see `read_user_bytes`)."""
    try:
        return read_user_bytes(path, limit).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{shown_name(path) if str(path) == STDIN else path} is not UTF-8 text.") from None


def shown_name(path: Path) -> str:
    """A file as messages name it: `-` is standard input."""
    return "standard input" if str(path) == STDIN else path.name


def read_user_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file a person named, refused clearly when it is anything else
    (a folder, a FIFO, /dev/zero) or larger than `limit` bytes; `-` reads standard input (up
    to `limit` too), unless it is a terminal, where a person would wait for nothing."""
    if str(path) == STDIN:
        return _read_stdin(limit)
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


def open_user_file(path: Path, limit: int) -> BinaryIO:
    """A regular file a person named, open to be read in pieces (an import streams it), or a
    clear refusal as `read_user_bytes` gives. Standard input cannot be read twice, so it is
    read whole (up to `limit`) and handed back as a file in memory."""
    if str(path) == STDIN:
        return io.BytesIO(_read_stdin(limit))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputError(f"{path} is not a regular file; ipt reads only files.")
    if info.st_size > limit:
        os.close(fd)
        raise InputError(f"{path} is {_size(info.st_size)}; ipt reads files up to {_size(limit)}.")
    return os.fdopen(fd, "rb")


def the_input(path: Path) -> str:
    """How a message names what is imported: "The file" or, for `-`, "The input"."""
    return "The input" if str(path) == STDIN else "The file"


def _read_stdin(limit: int) -> bytes:
    if sys.stdin.isatty():
        raise InputError(
            "`-` reads standard input, which is this terminal: there is no file coming.",
            "Pipe a file in, as in: ipt import - < export.json",
        )
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except OSError as exc:
        raise InputError(f"Cannot read standard input: {exc.strerror or exc}.") from None
    if len(data) > limit:
        raise InputError(f"Standard input is larger than {_size(limit)}; ipt reads up to that size.")
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
    return sorted(found + in_flight.leftovers(journal_path, all_of_them))


def sweep(journal_path: Path) -> list[Path]:
    """Remove (`shred`) what ended ipt runs left behind (`leftovers`), and cross them off the
    in-flight list. Returns what was removed."""
    removed = shred(leftovers(journal_path))
    for folder in {path.parent for path in removed if path.parent.name.startswith(TEMP_PREFIX)}:
        try:
            folder.rmdir()  # a staging folder (CSV export) once its files are gone
        except OSError:
            continue
    if removed:
        in_flight.leftovers(journal_path, all_of_them=False)  # crosses them off
    return removed


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
