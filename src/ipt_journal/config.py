"""Settings kept apart from the journal, so `ipt crisis` can read them when the journal
cannot be opened: a small JSON file in the user config folder (or $IPT_CONFIG)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ipt_journal.errors import InputError, JournalError

ENV_CONFIG = "IPT_CONFIG"
SETTINGS = {
    "country": "Two-letter country code (US, CA, GB, IE, ...) for the crisis lines ipt shows.",
}


def config_path() -> Path:
    chosen = os.environ.get(ENV_CONFIG)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("ipt-journal", appauthor=False)) / "config.json"


def load(path: Path | None = None) -> dict:
    path = path or config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise JournalError(f"Cannot read the settings file {path}: {exc}.", "Fix or delete it.") from None
    return data if isinstance(data, dict) else {}


def country_or_none() -> str | None:
    """The country setting, or None whatever goes wrong: crisis help must never fail."""
    try:
        value = load().get("country")
    except Exception:  # noqa: BLE001 - any failure here just means "no country"
        return None
    return value if isinstance(value, str) else None


def check_key(key: str) -> None:
    if key not in SETTINGS:
        raise InputError(f"There is no setting called {key!r}. Settings: {', '.join(SETTINGS)}.")


def normalise(key: str, value: str) -> str:
    check_key(key)
    if key == "country":
        code = value.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise InputError(
                f"The country must be a two-letter code such as US, GB or IE, got {value!r}.",
                _country_hint(value),
            )
        return code
    return value


def save(data: dict, path: Path | None = None) -> Path:
    """Write atomically, readable only by you."""
    path = path or config_path()
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


# Names people type for the countries ipt has crisis lines for, besides their own names.
COUNTRY_ALIASES = {
    "usa": "US",
    "america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
}


def _country_hint(value: str) -> str | None:
    """'Did you mean GB?' for a country's name."""
    from ipt_journal.safety import CRISIS_LINES
    from ipt_journal.suggest import close_matches

    names = {lines.name.lower(): code for code, lines in CRISIS_LINES.items()} | COUNTRY_ALIASES
    matches = close_matches(value, names)
    if not matches:
        return None
    code = names[matches[0]]
    return f"Did you mean {code} ({CRISIS_LINES[code].name})? For example: ipt config set country {code}"
