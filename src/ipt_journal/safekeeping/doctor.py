"""`ipt doctor`: health checks that work even when the journal cannot be opened normally:
integrity, links, schema, permissions, where the journal lives, its backups, temporary
files an interrupted ipt left behind, and the drafts kept from a failed editor."""

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import InputError, JournalError
from ipt_journal.safekeeping import editing, files, keychain
from ipt_journal.safekeeping.backups import backups_folder, check_file
from ipt_journal.store import SCHEMA_VERSION, SQLITE_HEADER, connect, is_encrypted

if TYPE_CHECKING:
    from collections.abc import Callable

# Folders that sync to someone's cloud; a journal there is only as private as that account.
# Whole folder names as the sync programs create them (lower-cased).
SYNCED_FOLDER_NAMES = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "icloud",
    "icloud drive",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "pcloud",
    "pclouddrive",
    "pcloud drive",
    "box",
    "box sync",
    "mega",
    "megasync",
    "seafile",
    "syncthing",
    "synologydrive",
    "synology drive",
    "yandex.disk",
    "yandexdisk",
)
# How a sync program names a second account's folder: "Dropbox (Work)", "OneDrive - Org",
# and on macOS "OneDrive-Personal". Never a part of a word: /home/megan and mega-man are
# not MEGA, boxes is not Box.
_ACCOUNT_SUFFIXES = (" (", " - ")
_DASHED = ("onedrive",)
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "sshfs",
    "fuse.sshfs",
    "9p",
    "davfs",
    "fuse.rclone",
    "afpfs",
    "ncpfs",
}


class Finding(NamedTuple):
    ok: bool
    what: str
    detail: str
    fixable: bool = False


def doctor(
    journal_path: Path, fix: bool = False, passphrase: "Callable[[], str] | None" = None
) -> list[Finding]:
    """Health checks that work even when the journal cannot be opened normally. `passphrase`
    is asked for only when the journal is encrypted."""
    findings = [Finding(True, "location", str(journal_path))]
    if not journal_path.exists():
        findings.append(
            Finding(False, "journal", "there is no journal file here yet; any ipt command makes one")
        )
        # A journal moved or wiped may still have text beside where it was.
        if editing.kept_drafts(journal_path):
            findings.append(_drafts(journal_path))
        return findings
    if fix:  # repair only ipt's own files: another program's is named and left as it is
        from ipt_journal.store.recognise import refuse_unless_journal_file

        refuse_unless_journal_file(journal_path)
    foreign = None if fix else _another_programs_database(journal_path)  # --fix refused it above
    if foreign:
        # Nothing else applies to another program's database: no permissions, backups or
        # encryption of ipt's to suggest (nor a --fix that would then refuse it).
        findings.append(Finding(False, "journal", foreign.message))
        if editing.kept_drafts(journal_path):
            findings.append(_drafts(journal_path))
        return findings
    findings += _permissions(journal_path, fix)
    encrypted = is_encrypted(journal_path)
    rollback = Path(f"{journal_path}-journal")
    try:
        if rollback.is_file() and rollback.stat().st_size > 0:
            raise JournalError(
                f"a write was interrupted and its rollback file {rollback.name} is still beside the "
                "journal; the next ipt command that opens it (ipt report, say) finishes undoing that "
                "write, then run ipt doctor again"
            )
        key = passphrase() if encrypted and passphrase else None
        version = check_file(journal_path, key)
        findings.append(Finding(True, "integrity", "SQLite's integrity check is ok"))
        findings.append(
            Finding(
                True,
                "schema",
                f"version {version} of {SCHEMA_VERSION}"
                + ("" if version == SCHEMA_VERSION else " (upgraded the next time ipt opens it)"),
            )
        )
        conn = connect(journal_path, key, read_only=True, timeout=5)
        try:
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
        findings.append(
            Finding(
                not broken,
                "links",
                "every record points at records that exist"
                if not broken
                else f"{len(broken)} records point at missing ones",
            )
        )
    except (InputError, JournalError) as exc:
        findings.append(Finding(False, "integrity", exc.message))
    kept = "; its passphrase is kept in your system keyring" if keychain.is_kept(journal_path) else ""
    findings.append(
        Finding(True, "encryption", "encrypted with SQLCipher" + kept)
        if encrypted
        else Finding(
            True, "encryption", "not encrypted: use full-disk encryption and a screen lock, or ipt encrypt"
        )
    )
    findings.append(_where_it_syncs(journal_path))
    backups = sorted(backups_folder(journal_path).glob("journal-*.db"))
    plain = [backup for backup in backups if encrypted and not is_encrypted(backup)]
    findings.append(
        Finding(
            not plain,
            "backups",
            f"{len(backups)} in {backups_folder(journal_path)}"
            + (f", newest {backups[-1].name}" if backups else "; make one with: ipt backup")
            + (
                f"; {len(plain)} of them NOT encrypted, though the journal is: delete them, "
                "or keep them as safe as the journal"
                if plain
                else ""
            ),
        )
    )
    findings.append(_leftovers(journal_path, fix))
    findings.append(_drafts(journal_path))
    return findings


def _another_programs_database(journal_path: Path) -> JournalError | None:
    """Why the file is another program's database, or None for a journal, an encrypted
    one, or a file that is no database at all (a damaged journal, perhaps: the integrity
    check says what it can)."""
    from ipt_journal.store.recognise import Unreadable, refuse_unless_journal_file

    try:
        refuse_unless_journal_file(journal_path)
    except Unreadable:
        return None  # the integrity check below says it is damaged
    except JournalError as exc:
        with open(journal_path, "rb") as handle:
            return exc if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER else None
    return None


def _leftovers(journal_path: Path, fix: bool) -> Finding:
    left = files.leftovers(journal_path) + editing.editing_leftovers(journal_path)
    if not left:
        return Finding(True, "leftovers", "no temporary files left by an interrupted ipt")
    if fix:
        removed = files.sweep(journal_path) + editing.sweep_editing(journal_path)
        return Finding(True, "leftovers", f"removed {len(removed)} temporary files an interrupted ipt left")
    return Finding(
        False,
        "leftovers",
        f"{len(left)} temporary files left by an interrupted ipt (copies of journal text), such as {left[0]}",
        fixable=True,
    )


def _drafts(journal_path: Path) -> Finding:
    """Text kept from a failed editor: never removed by --fix, only named (it is not encrypted)."""
    drafts = editing.kept_drafts(journal_path)
    if not drafts:
        return Finding(True, "drafts", "no drafts kept from a failed editor")
    folder = editing.drafts_folder(journal_path)
    count = f"{len(drafts)} draft{'s' if len(drafts) != 1 else ''}"
    return Finding(
        False,
        "drafts",
        f"{count} kept from a failed editor in {folder} (readable only by you, not encrypted): "
        f"{', '.join(path.name for path in drafts[:3])}{', ...' if len(drafts) > 3 else ''}; copy what "
        "you need into the journal, then delete them",
    )


def _permissions(journal_path: Path, fix: bool) -> list[Finding]:
    findings = []
    checks = [(journal_path, 0o600)]
    checks += [(Path(f"{journal_path}{suffix}"), 0o600) for suffix in ("-wal", "-shm")]
    checks.append((journal_path.parent, 0o700))
    # The editor's folders and the drafts in them: journal text outside the journal.
    checks += [(editing.editing_home(journal_path), 0o700), (editing.drafts_folder(journal_path), 0o700)]
    checks += [(draft, 0o600) for draft in editing.kept_drafts(journal_path)]
    for path, wanted in checks:
        if not path.exists():
            continue
        info = path.stat()
        mode = stat.S_IMODE(info.st_mode)
        if not mode & ~wanted:
            continue
        ours = info.st_uid == os.getuid() and (
            path != journal_path.parent or _made_by_ipt(path, journal_path)
        )
        if ours and _read_only_media(path):  # no chmod works there: never offered as a fix
            findings.append(
                Finding(
                    False,
                    "permissions",
                    f"{path} is {oct(mode)}: others can read it; it is on read-only media, so ipt "
                    f"cannot change it there (copy the journal somewhere private, or chmod {oct(wanted)[2:]} "
                    "where it is writable)",
                )
            )
        elif fix and ours:
            os.chmod(path, wanted)
            findings.append(Finding(True, "permissions", f"{path} was {oct(mode)}, now {oct(wanted)}"))
        elif ours:
            findings.append(
                Finding(
                    False,
                    "permissions",
                    f"{path} is {oct(mode)}: others can read it; it should be {oct(wanted)}",
                    fixable=True,
                )
            )
        else:
            findings.append(
                Finding(
                    False,
                    "permissions",
                    f"{path} is {oct(mode)}: others may see the journal's files. ipt did not create "
                    f"this folder and leaves it be; to restrict it: chmod {oct(wanted)[2:]} '{path}' "
                    "(or keep the journal in a private folder)",
                )
            )
    if not findings:
        findings.append(Finding(True, "permissions", "only you can read the journal and its folder"))
    return findings


def _read_only_media(path: Path) -> bool:
    """The file system holding `path` is mounted read-only (a CD, a locked USB stick)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _made_by_ipt(folder: Path, journal_path: Path) -> bool:
    """A folder that is ipt's alone: it holds nothing but the journal, its companion files,
    the backups folder and ipt's temporary files (and has no sticky bit). $HOME, /tmp or a
    Documents folder are someone else's to set."""
    if folder.stat().st_mode & stat.S_ISVTX:
        return False
    own = {f"{journal_path.name}{suffix}" for suffix in files.JOURNAL_SUFFIXES}
    own |= {files.BACKUP_FOLDER, files.IN_FLIGHT, editing.EDITING, editing.DRAFTS}
    try:
        return all(
            entry.name in own or entry.name.startswith(files.TEMP_PREFIX) for entry in folder.iterdir()
        )
    except OSError:
        return False


def _where_it_syncs(journal_path: Path) -> Finding:
    parts = [part.lower() for part in journal_path.resolve().parts]
    for name in SYNCED_FOLDER_NAMES:
        forms = tuple(name + suffix for suffix in _ACCOUNT_SUFFIXES) + (
            (f"{name}-",) if name in _DASHED else ()
        )
        if any(part == name or part.startswith(forms) for part in parts):
            return Finding(
                False,
                "sync",
                f"the journal seems to be in a cloud-synced folder ({name}); "
                "the copy there is only as private as that account",
            )
    fstype = _filesystem_type(journal_path.resolve())
    if fstype in NETWORK_FILESYSTEMS:
        return Finding(
            False,
            "sync",
            f"the journal is on a network file system ({fstype}); SQLite can "
            "lose data there when two computers write",
        )
    return Finding(True, "sync", "on a local disk, not in a folder known to sync")


def _filesystem_type(path: Path) -> str | None:
    """The type of the file system holding `path`, from /proc/mounts where there is one."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        mount = parts[1] if len(parts) >= 3 else ""
        inside = str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")
        if mount and inside and len(mount) > len(best):
            best, best_type = mount, parts[2]
    return best_type
