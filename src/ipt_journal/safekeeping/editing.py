"""A journal's editor files: the note open in $EDITOR and the drafts kept from a failed one.

Both live beside the journal they belong to (where its in-flight list is), never beside
another journal: with `--db elsewhere.db`, an encrypted journal on a USB stick say, the text
stays on that disk, and `ipt wipe`, `ipt doctor` and the next run of that journal find it.

- Notes open in the editor: `.ipt-editing/` (0700) beside the journal, one folder (0700) per
  edit named `<pid>.<journal file name>.<random>`, removed when the editor closes. After a
  `kill -9` the next run of that journal removes (`shred`s) what an ended run left.
- Drafts: `drafts/` (0700) beside the journal, one file (0600) per failed edit named
  `<journal file name>-draft-<time>.md`, kept until the person deletes them (or `ipt wipe`).
  Several journals may share a folder, so each finds only the files named for it.

Earlier versions wrote every draft beside the default journal as `draft-<time>.md` and some
notes under `$XDG_RUNTIME_DIR/ipt-journal/.ipt-editing/`: the default journal still counts
those drafts as its own, and every run still sweeps ended edits left there.
"""

from __future__ import annotations

import os
from pathlib import Path

from ipt_journal.safekeeping.files import _alive, shred

EDITING = ".ipt-editing"
DRAFTS = "drafts"
DRAFT_MARK = "-draft-"
LEGACY_DRAFT = "draft-*"  # earlier versions' drafts, all beside the default journal


def editing_home(journal: Path) -> Path:
    """ipt's folder for notes open in the editor, beside `journal`."""
    return journal.parent / EDITING


def editing_folder(journal: Path) -> Path:
    """A new private folder (0700) for one edit of `journal`'s note, named for this process
    and this journal, after removing what ended runs of it left."""
    import tempfile

    from ipt_journal.store.core import make_private_dirs

    home = editing_home(journal)
    sweep_editing(journal)
    make_private_dirs(home)
    if home.is_symlink() or not home.is_dir():
        raise NotADirectoryError(f"{home} is not a folder of ipt's")  # the note goes nowhere else
    os.chmod(home, 0o700)  # made by someone else's umask or an older ipt: private again
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}.{journal.name}.", dir=home))


def _edit_of(folder: Path, journal: Path | None) -> bool:
    """Whether an edit's folder belongs to `journal` (None: a legacy home, every edit counts).
    Folders from before the journal's name was in it (`<pid>.<random>`) count for every
    journal in the folder: nobody can tell whose they were."""
    if journal is None:
        return True
    parts = folder.name.split(".", 1)
    if len(parts) < 2 or "." not in parts[1]:
        return True
    return parts[1].rsplit(".", 1)[0] == journal.name


def _legacy_homes() -> list[Path]:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return [Path(runtime) / "ipt-journal" / EDITING] if runtime and os.path.isabs(runtime) else []


def editing_leftovers(journal: Path) -> list[Path]:
    """The notes of `journal`'s edits whose ipt has ended (a kill -9, a power cut), and those
    an earlier version left in the runtime folder."""
    homes: list[tuple[Path, Path | None]] = [(editing_home(journal), journal)]
    homes += [(home, None) for home in _legacy_homes()]
    found: list[Path] = []
    for home, owner in homes:
        if not home.is_dir() or home.is_symlink():
            continue
        for folder in sorted(home.iterdir()):
            pid = folder.name.split(".", 1)[0]
            if not folder.is_dir() or folder.is_symlink() or not _edit_of(folder, owner):
                continue
            if pid.isascii() and pid.isdigit() and _alive(int(pid)):
                continue  # an edit still open in another ipt
            found += sorted(path for path in folder.iterdir() if not path.is_dir())
    return found


def sweep_editing(journal: Path) -> list[Path]:
    """Remove (`shred`) the notes of `journal`'s ended edits, and their folders."""
    removed = shred(editing_leftovers(journal))
    for folder in {path.parent for path in removed}:
        try:
            folder.rmdir()
        except OSError:
            continue
    return removed


# ------------------------------------------------------------------ drafts


def drafts_folder(journal: Path) -> Path:
    """Where text from a failed editor is kept for `journal`: beside it, private."""
    return journal.parent / DRAFTS


def _is_default(journal: Path) -> bool:
    from ipt_journal.paths import default_journal_path

    try:
        return journal.resolve() == default_journal_path().resolve()
    except (OSError, RuntimeError):
        return False


def kept_drafts(journal: Path) -> list[Path]:
    """The drafts kept for `journal` (the default journal also has earlier versions')."""
    import glob

    folder = drafts_folder(journal)
    if not folder.is_dir() or folder.is_symlink():
        return []
    patterns = [f"{glob.escape(journal.name)}{DRAFT_MARK}*"]
    if _is_default(journal):
        patterns.append(LEGACY_DRAFT)
    found = {path for pattern in patterns for path in folder.glob(pattern)}
    return sorted(path for path in found if path.is_file() and not path.is_symlink())


def keep_draft(path: Path, journal: Path) -> Path:
    """Move the editor's file into `journal`'s drafts folder (0700) as a new file, mode 0600,
    on disk; returns where."""
    from ipt_journal.safekeeping.files import fsync_file, fsync_folder

    draft = _new_draft(journal, path.suffix)
    folder = draft.parent
    if path.is_symlink() or not path.is_file():
        _copy(path, draft)  # what the editor left in its place, read as the text it holds
        return draft
    try:
        # Both folders are beside the journal: a new name for the same file needs no room on
        # a full disk. Never over an existing file (os.link refuses one).
        os.link(path, draft)
    except FileExistsError:
        raise
    except OSError:
        _copy(path, draft)  # a file system without hard links
        return draft
    path.unlink()
    os.chmod(draft, 0o600)  # the editor may have saved it with a mode of its own
    fsync_file(draft)
    fsync_folder(folder)
    return draft


def _new_draft(journal: Path, suffix: str) -> Path:
    """The name of a new draft of `journal`, in its drafts folder (made private)."""
    import datetime as dt

    from ipt_journal.store.core import make_private_dirs

    folder = drafts_folder(journal)
    make_private_dirs(folder)
    if folder.is_symlink() or not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder of ipt's")
    os.chmod(folder, 0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{journal.name}{DRAFT_MARK}{stamp}{suffix}"


def draft_of_text(text: str, journal: Path) -> Path:
    """`text` kept as a new draft of `journal` (0600, on disk): what the editor gave back to
    a command that then failed. Returns where."""
    from ipt_journal.safekeeping.files import fsync_folder

    draft = _new_draft(journal, ".md")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)  # whatever the umask
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_folder(draft.parent)
    return draft


def _copy(path: Path, draft: Path) -> None:
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)  # whatever the umask
        handle.write(path.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())
    from ipt_journal.safekeeping.files import fsync_folder

    fsync_folder(draft.parent)
