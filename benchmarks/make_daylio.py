"""Write a ten-year Daylio CSV export, the same every time (seeded), for `ipt import --from daylio`.

    python benchmarks/make_daylio.py PATH [--scale N] [--seed S]

3,650 rows at scale 1, one a day ending today, newest first as Daylio writes them, in the
current 8-column layout: Daylio's five default moods, two to four activities a row (some
of them the names of the five closest people of make_journal.py's inventory), and a note
on every row, some with a title and Daylio's HTML.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_journal import FIRST_NAMES  # noqa: E402

DAYS_PER_SCALE = 3650
MOODS = ("rad", "good", "meh", "bad", "awful")
ACTIVITIES = (
    "work",
    "friends",
    "family",
    "walk",
    "reading",
    "good sleep",
    "bad sleep",
    "cooking",
    "movies / tv",
)
PEOPLE = tuple(f"{FIRST_NAMES[number - 1]} {number:03d}" for number in range(1, 6))
NOTES = (
    "Long day at work, quiet evening.",
    'Talked things through at dinner; she said "let\'s try again".',
    "Argued about money <b>again</b>.<br>Went to bed upset.",
    "Walk in the park &amp; coffee, felt lighter.",
    "<ul><li>tired</li><li>stayed in</li></ul>",
)


def write(path: Path, scale: int = 1, seed: int = 1) -> int:
    rnd = random.Random(seed)
    today = dt.date.today()
    rows = DAYS_PER_SCALE * scale
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"])
        for back in range(rows):
            day = today - dt.timedelta(days=back)
            activities = rnd.sample(ACTIVITIES, rnd.randint(1, 3)) + rnd.sample(PEOPLE, rnd.randint(0, 1))
            writer.writerow(
                [
                    day.isoformat(),
                    day.strftime("%B %d"),
                    day.strftime("%A"),
                    f"{rnd.randint(1, 12)}:{rnd.randint(0, 59):02d} {rnd.choice(('am', 'pm'))}",
                    rnd.choice(MOODS),
                    " | ".join(activity.lower() for activity in activities),
                    rnd.choice(("", "", "A day")),
                    rnd.choice(NOTES),
                ]
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"Wrote {write(args.path, args.scale, args.seed)} rows to {args.path}")


if __name__ == "__main__":
    main()
