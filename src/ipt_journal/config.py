"""Settings kept apart from the journal, so `ipt crisis` can read them when the journal
cannot be opened: a small JSON file in the user config folder (or $IPT_CONFIG)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ipt_journal.errors import InputError, JournalError

ENV_CONFIG = "IPT_CONFIG"
SETTINGS = {
    "country": "Country for the crisis lines ipt shows: a two-letter code (US, GB, AU, ...) or a name.",
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
        from ipt_journal.clinical.safety import country_code

        code = country_code(value)
        if code is None:
            raise InputError(
                f"The country must be a two-letter code (ISO 3166-1) such as US, GB or AU, got {value!r}.",
                _country_hint(value)
                or "Use the country's two-letter ISO 3166 code, for example DE for Germany or JP for "
                "Japan, or its English name, such as United Kingdom (UK) or India.",
            )
        return code
    return value


def save(data: dict, path: Path | None = None) -> Path:
    """Write atomically, readable only by you."""
    path = path or config_path()
    from ipt_journal.safekeeping.files import write_atomically
    from ipt_journal.store.core import make_private_dirs

    make_private_dirs(path.parent)  # 0700 whatever the umask, ~/.config too if it is missing

    write_atomically(path, (json.dumps(data, indent=2, sort_keys=True)).encode())
    return path


def _country_hint(value: str) -> str | None:
    """'Did you mean GB?' for a country's name."""
    import difflib

    from ipt_journal.clinical.safety import COUNTRY_ALIASES, CRISIS_LINES

    names = COUNTRY_ALIASES
    # Only a near spelling: 'Deutschland' is not a slip for 'England'.
    matches = difflib.get_close_matches(" ".join(value.split()).casefold(), names, n=1, cutoff=0.8)
    if not matches:
        return None
    code = names[matches[0]]
    return f"Did you mean {code} ({CRISIS_LINES[code].name})? For example: ipt config set country {code}"
