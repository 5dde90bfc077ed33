"""An average near 0 from good and bad times alike is said as mixed, never as "neither well
nor badly" (issue 21: the partner at -1 early and +1 late read "+0.0, neither")."""

import datetime as dt
import json

from support import flat

START = dt.date(2026, 3, 2)


def test_bad_then_good_times_read_mixed_not_neither(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Ana", "--relationship", "sibling", "--closeness", "1")
    for week in range(12):
        day = (START + dt.timedelta(weeks=week)).isoformat()
        went = "-1" if week < 6 else "+1"
        ipt.ok("checkin", "--date", day, "--mood", "5", "--with", f"Sam:{went}", "--with", "Ana:0")
    args = ("report", "--since", START.isoformat())
    markdown = flat(ipt.ok(*args, "--format", "markdown").stdout)
    assert "mixed: 6 well, 6 badly (+0.0)" in markdown
    assert "neither well nor badly (+0.0)" in markdown  # Ana: every time 0, truly neither
    assert markdown.count("neither well nor badly (+0.0)") == 1
    terminal = flat(ipt.ok(*args).stdout)
    assert "+0.0 mixed" in terminal
    people = {p["name"]: p for p in json.loads(ipt.ok(*args, "--json").stdout)["people"]}
    assert (people["Sam"]["went_well"], people["Sam"]["went_badly"]) == (6, 6)
    assert ipt.count("checkins") == 12
