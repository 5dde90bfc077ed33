"""Issue 19, point 9: one name, one thing. The people's fields, the time-of-day reader and
the review's labels are each defined in one place only."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ipt_journal"


def defined_in(pattern: str) -> list[str]:
    found = re.compile(pattern, re.M)
    modules = PACKAGE.rglob("*.py")
    return sorted(p.relative_to(PACKAGE).as_posix() for p in modules if found.search(p.read_text()))


def test_each_shared_name_is_defined_once():
    assert defined_in(r"^PERSON_FIELDS\b.*=") == ["store/people.py"]
    assert defined_in(r"^def parse_time\(") == ["remind.py"]
    assert defined_in(r"^def parse_day\(") == ["text/dates.py"]
    assert defined_in(r"^REVIEW_FIELDS\b.*=") == ["clinical/vocab.py"]
    # The review's labels are read from vocab.REVIEW_FIELDS, never written out again.
    assert defined_in(r'"If they return"') == ["clinical/vocab.py"]
