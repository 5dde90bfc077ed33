"""An encrypted journal's passphrase kept in the operating system's keyring (macOS Keychain,
Windows Credential Locker, the Secret Service on Linux), only when the person asks for it.

It is opt-in per journal: the settings file lists the journals whose passphrase is kept, so
a journal nobody asked about never loads the `keyring` package (about 140 ms) nor makes a
desktop ask to unlock its keyring. Reading never fails a command: if the keyring cannot
be read, ipt asks for the passphrase as it would otherwise.
"""

from pathlib import Path
from typing import Any, NamedTuple

from ipt_journal import config
from ipt_journal.errors import INSTALL_ENCRYPTION, InputError, JournalError

SERVICE = "ipt-journal"
SETTING = "keyring_journals"  # in the settings file: the journals whose passphrase is kept


def _account(path: Path) -> str:
    return str(path.resolve())


def _kept_for() -> list[str]:
    try:
        kept = config.load().get(SETTING, [])
    except JournalError:
        return []
    return kept if isinstance(kept, list) else []


def is_kept(path: Path) -> bool:
    return _account(path) in _kept_for()


def read(path: Path) -> str | None:
    """The passphrase kept for the journal at `path`, or None."""
    if not is_kept(path):
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(path))
    except Exception:  # noqa: BLE001 - not installed, locked, no backend: ask instead
        return None


def keep(path: Path, passphrase: str) -> None:
    """Keep `passphrase` for the journal at `path`, replacing any kept before."""
    keyring = _keyring()
    hint = "Without one, type the passphrase when ipt asks, or set IPT_JOURNAL_PASSPHRASE."
    try:
        keyring.set_password(SERVICE, _account(path), passphrase)
    except keyring.errors.NoKeyringError:
        raise InputError(
            "No system keyring was found on this computer (macOS Keychain, Windows Credential "
            "Locker, or a Secret Service such as GNOME Keyring or KWallet). Nothing was kept.",
            hint,
        ) from None
    except keyring.errors.KeyringError as exc:
        raise InputError(
            f"Your system keyring did not take the passphrase ({exc}). Nothing was kept.", hint
        ) from None
    _set_kept(path, True)


class Forgetting(NamedTuple):
    """What `forget` did: whether a passphrase was kept, and why the keyring refused to
    remove it (None when it did, or when there was nothing to remove)."""

    was_kept: bool
    refused: str | None = None

    def sentences(self, path: Path) -> tuple[str, str]:
        """What to tell the person when the keyring refused, and how to remove it by hand."""
        return (
            f"ipt no longer uses the passphrase kept in your system keyring, but the keyring did "
            f"not remove it ({self.refused}): it is still there.",
            f"Unlock your keyring and run ipt passphrase forget again, or remove it by hand: "
            f"keyring del {SERVICE} {_shell_word(_account(path))} (or delete the '{SERVICE}' "
            "entry in your keyring app: Passwords and Keys, KWallet, Keychain Access, Credential Manager).",
        )


def forget(path: Path) -> Forgetting:
    """Remove the passphrase kept for the journal at `path`, and stop using it. Says so
    honestly: a keyring that is locked or missing leaves it where it is."""
    if not is_kept(path):
        return Forgetting(False)
    refused = None
    try:
        import keyring
        import keyring.errors

        try:
            keyring.delete_password(SERVICE, _account(path))
        except keyring.errors.PasswordDeleteError as exc:
            # Some keyrings raise this for any failed delete, not only for "not there": ask
            # again, and call it removed only when the entry is really gone.
            if keyring.get_password(SERVICE, _account(path)) is not None:
                refused = str(exc).strip() or type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - locked, no backend, not installed: said, not raised
        refused = str(exc).strip() or type(exc).__name__
    _set_kept(path, False)
    return Forgetting(True, refused)


def _shell_word(text: str) -> str:
    from ipt_journal.text.safe_text import shell_word

    return shell_word(text)


def _set_kept(path: Path, kept: bool) -> None:
    data = config.load()
    journals = set(_kept_for()) - {_account(path)}
    if kept:
        journals.add(_account(path))
    if journals:
        data[SETTING] = sorted(journals)
    else:
        data.pop(SETTING, None)
    config.save(data)


def _keyring() -> Any:
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise InputError(
            "Keeping the passphrase in your system keyring needs the keyring package, which this "
            "ipt was installed without.",
            INSTALL_ENCRYPTION,
        ) from None
    return keyring
