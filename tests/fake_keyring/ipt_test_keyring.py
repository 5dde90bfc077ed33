"""A keyring backend for the tests: passwords in the JSON file named by IPT_TEST_KEYRING, so
every process a test starts sees the same ones. Chosen with
PYTHON_KEYRING_BACKEND=ipt_test_keyring.FileKeyring (this folder on PYTHONPATH)."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1

    @staticmethod
    def _file() -> Path:
        return Path(os.environ["IPT_TEST_KEYRING"])

    def _load(self) -> dict:
        try:
            return json.loads(self._file().read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(f"{service} {username}")

    def set_password(self, service, username, password):
        self._file().write_text(json.dumps({**self._load(), f"{service} {username}": password}))

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service} {username}", None) is None:
            raise PasswordDeleteError("not there")
        self._file().write_text(json.dumps(data))


class LockedKeyring(FileKeyring):
    """A keyring that reads but refuses to remove (a locked or read-only keyring)."""

    def delete_password(self, service, username):
        from keyring.errors import KeyringLocked

        raise KeyringLocked("the keyring is locked")


class UnreadableKeyring(FileKeyring):
    """A keyring that cannot be read just now (locked, or its service not running)."""

    def get_password(self, service, username):
        from keyring.errors import KeyringLocked

        raise KeyringLocked("the keyring is locked")


class RefusingKeyring(FileKeyring):
    """A keyring that refuses with PasswordDeleteError, as macOS's and Windows' do for any
    failed delete, though the entry is still there."""

    def delete_password(self, service, username):
        raise PasswordDeleteError("keyring is locked")
