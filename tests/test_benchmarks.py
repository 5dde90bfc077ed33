"""The benchmark's journal generator keeps working as the schema grows."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from make_journal import build  # noqa: E402


def test_ten_year_journal_is_what_the_docs_say_and_ipt_reads_it(ipt, tmp_path):
    path = tmp_path / "heavy.db"
    counts = build(path, scale=1, seed=1)
    assert counts["checkins"] == 3650 and counts["people"] == 150 and counts["measures"] == 1000
    assert 13_000 < counts["interactions"] < 16_000
    assert counts["incidents"] == (counts["interactions"] + 3) // 4  # one interaction in four
    assert build(tmp_path / "again.db", scale=1, seed=1) == counts  # seeded: the same every time
    data = json.loads(ipt.ok("--db", str(path), "report", "--json").stdout)
    assert data["journal_checkins"] == 3650 and data["course"]["planned_weeks"] == 12
    assert 30 <= len(data["people"]) <= 80
    assert data["incidents"] and all(person["incidents"] for person in data["incidents"])
