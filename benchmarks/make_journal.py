"""Build a realistic, heavy ipt journal, the same every time (seeded).

    python benchmarks/make_journal.py PATH [--scale N] [--seed S]

Scale 1 is ten years of daily use: 3,650 check-ins with about 15,000 interactions (one in
four with a line on what happened, an incident) over 150 people (a few close people seen often, most rarely), 500 PHQ-9 and 500 GAD-7
results, 1,500 exercises, 1,000 homework items, 1,000 coping-strategy logs, a course
with goals rated at check-ins, 120 life events (a third known only by the month), a
weekly therapy session with two things brought to each, a safety plan, and the
role-dispute pathway (its stage and confidants every week, a step for every tenth
exercise). Scale N
spans N times as many years with N times the records, ending
today, so that a report over the last weeks reads as much as at scale 1 while the file
is N times larger. The people stay 150 at every scale: nobody keeps a
thousand people in an inventory.

`ipt --db PATH ...` opens the result. When a new table appears, fill it here too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

from ipt_journal.clinical.coping import STRATEGIES
from ipt_journal.clinical.exercises import CATALOGUE
from ipt_journal.store import open_journal

PEOPLE = 150
DAYS_PER_SCALE = 3650
MEASURES_PER_SCALE = 500  # of each questionnaire
COPING_PER_SCALE = 1000
HOMEWORK_PER_SCALE = 1000
EXERCISES_PER_SCALE = 1500
EVENTS_PER_SCALE = 120  # life events: about one a month
SESSIONS_PER_SCALE = 521  # therapy sessions: weekly, with two things to bring to each
EVENT_KINDS = (
    *("loss", "separation", "move", "new-job-or-role", "conflict", "illness", "birth", "other"),
    # treatment alongside IPT, marked on the charts
    *("medication-started", "dose-changed", "medication-stopped", "doctor-visit", "sick-leave"),
    "hospital-stay",
)
FIRST_NAMES = (
    "Sam Alex Jo Maria Ana Kim Lee Noor Omar Priya Ravi Sara Tom Uma Vic Wen Yara Zoe Ben Cleo "
    "Dev Eli Fay Gus Hana Ivo Jin Kai Lia Max Nia Oli Pia Quin Rosa Sol Tess Ugo Vera Will"
).split()
RELATIONSHIPS = (
    "partner",
    "parent",
    "child",
    "sibling",
    "other-family",
    "friend",
    "colleague",
    "manager",
    "neighbour",
    "other",
)
TAGS = ("work", "family", "sleep", "exercise", "weekend", "conflict", "rest", "outdoors")
NOTES = (
    "Long day at work, quiet evening.",
    "Talked things through at dinner; felt heard for once.",
    "Argued about money again. Went to bed upset.",
    "Walk in the park with a friend, felt lighter.",
    "Tired, stayed in, did not answer messages.",
    "Good call with family, made plans for the weekend.",
)

INCIDENTS = (
    "argued about the move",
    "a long talk over dinner",
    "they cancelled at the last minute",
    "laughed a lot, felt close",
    "short messages, felt brushed off",
)


def build(path: Path, scale: int = 1, seed: int = 1) -> dict:
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first (the generator never overwrites).")
    rnd = random.Random(seed)
    journal = open_journal(path)
    conn = journal.conn
    today = dt.date.today()
    days = DAYS_PER_SCALE * scale
    start = today - dt.timedelta(days=days - 1)
    stamp = "2026-01-01T20:00:00Z"
    counts = {}

    with journal.writing():
        people = []
        for number in range(1, PEOPLE + 1):
            closeness = 1 if number <= 5 else 2 if number <= 30 else 3
            name = f"{FIRST_NAMES[(number - 1) % len(FIRST_NAMES)]} {number:03d}"
            people.append(
                (
                    f"p{number}",
                    name,
                    RELATIONSHIPS[0] if number == 1 else rnd.choice(RELATIONSHIPS),
                    "current",
                    closeness,
                    stamp,
                    stamp,
                )
            )
        conn.executemany(
            "INSERT INTO people (uid, name, relationship, status, closeness, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            people,
        )
        # Close people are seen far more often than distant ones.
        weights = [1 / rank**1.6 for rank in range(1, PEOPLE + 1)]

        mood = 5.0
        checkins, interactions, tags = [], [], []
        for offset in range(days):
            checkin_id = offset + 1
            day = (start + dt.timedelta(days=offset)).isoformat()
            mood = min(10.0, max(0.0, mood + rnd.gauss(0, 1.2) + (5 - mood) * 0.1))
            checkins.append((checkin_id, f"c{checkin_id}", day, round(mood), rnd.choice(NOTES), stamp, stamp))
            seen = set(rnd.choices(range(1, PEOPLE + 1), weights=weights, k=rnd.randint(4, 9)))
            interactions += [(checkin_id, person, rnd.randint(-2, 2), stamp, stamp) for person in seen]
            tags += [(checkin_id, tag) for tag in rnd.sample(TAGS, rnd.randint(0, 2))]
        conn.executemany(
            "INSERT INTO checkins (id, uid, day, mood, note, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            checkins,
        )
        conn.executemany(
            "INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            interactions,
        )
        conn.executemany("INSERT INTO checkin_tags (checkin_id, tag) VALUES (?, ?)", tags)
        # What happened with someone (issue 23): one line for about one interaction in four.
        conn.executemany(
            "INSERT INTO incidents (uid, checkin_id, person_id, what_happened, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                # Not from `rnd`: the records after these stay as they were before incidents.
                (f"n{k}", checkin_id, person, INCIDENTS[k // 4 % len(INCIDENTS)], stamp, stamp)
                for k, (checkin_id, person, *_) in enumerate(interactions)
                if k % 4 == 0
            ],
        )

        measures = []
        every = days / (MEASURES_PER_SCALE * scale)
        for scale_key, items in (("phq9", 9), ("gad7", 7)):
            for number in range(MEASURES_PER_SCALE * scale):
                day = (start + dt.timedelta(days=int(number * every))).isoformat()
                answers = [rnd.choice((0, 0, 1, 1, 2, 3)) for _ in range(items)]
                if scale_key == "phq9":
                    answers[8] = 0  # keep crisis text out of benchmark output
                measures.append(
                    (f"{scale_key}{number}", scale_key, day, json.dumps(answers), sum(answers), stamp, stamp)
                )
        conn.executemany(
            "INSERT INTO measures (uid, scale, day, answers, total, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            measures,
        )

        strategies = tuple(STRATEGIES)
        conn.executemany(
            "INSERT INTO coping_log (uid, strategy, day, helpful, note, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"cope{n}",
                    rnd.choice(strategies),
                    (start + dt.timedelta(days=rnd.randrange(days))).isoformat(),
                    rnd.choice((None, 1, 2, 3, 4, 5)),
                    None,
                    stamp,
                    stamp,
                )
                for n in range(COPING_PER_SCALE * scale)
            ],
        )

        exercises = []
        for n in range(EXERCISES_PER_SCALE * scale):
            kind = rnd.choice(tuple(CATALOGUE))
            answers = {
                field.key: ["one line", "another line"] if field.kind == "list" else f"{field.key} answer"
                for field in CATALOGUE[kind].fields
            }
            done_on = (start + dt.timedelta(days=rnd.randrange(days))).isoformat()
            exercises.append(
                (
                    f"ex{n}",
                    kind,
                    done_on,
                    rnd.choice((None, 1, 2, 3)),
                    rnd.randint(2, 6),
                    rnd.randint(3, 8),
                    json.dumps(answers),
                    stamp,
                    stamp,
                )
            )
        conn.executemany(
            "INSERT INTO exercises (uid, kind, day, person_id, mood_before, mood_after, answers, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            exercises,
        )

        homework = []
        for n in range(HOMEWORK_PER_SCALE * scale):
            set_on = start + dt.timedelta(days=int(n * days / (HOMEWORK_PER_SCALE * scale)))
            due = set_on + dt.timedelta(days=7)
            status = (
                "open" if due >= today - dt.timedelta(days=14) else rnd.choice(("done", "done", "skipped"))
            )
            homework.append(
                (
                    f"hw{n}",
                    f"Homework {n}",
                    due.isoformat(),
                    rnd.randint(1, 30),
                    status,
                    rnd.choice((None, 3, 4, 5)) if status == "done" else None,
                    None if status == "open" else due.isoformat(),
                    f"{set_on.isoformat()}T20:00:00Z",
                    stamp,
                )
            )
        conn.executemany(
            "INSERT INTO homework "
            "(uid, text, due, person_id, status, helpful, closed_on, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            homework,
        )

        course_start = (today - dt.timedelta(weeks=9)).isoformat()
        conn.execute(
            "INSERT INTO courses (uid, started_on, planned_weeks, with_therapist, focus_areas, "
            "dispute_person_id, dispute_stage, formulation, formulation_agreed_on, created_at, updated_at) "
            "VALUES ('course', ?, 12, 1, 'role-dispute', 1, 'renegotiation', "
            "'Low since the arguments about money began', ?, ?, ?)",
            (course_start, course_start, stamp, stamp),
        )
        # The pathways (issue 23): every week of the span has the dispute's stage and the
        # confidants recorded, and every tenth exercise did a pathway step.
        stages = ("renegotiation", "impasse", "dissolution")
        first_monday = start - dt.timedelta(days=start.weekday())
        conn.executemany(
            "INSERT INTO pathway_weeks (uid, week, dispute_stage, confidants, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (f"pw{n}", (first_monday + dt.timedelta(weeks=n)).isoformat(), rnd.choice(stages),
                 rnd.randint(0, 4), stamp, stamp)
                for n in range(days // 7)
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO pathway_steps (uid, area, step, day, exercise_id, created_at, updated_at) "
            "VALUES (?, 'role-dispute', ?, ?, ?, ?, ?)",
            [
                (f"ps{n}", rnd.choice(("expectations", "pattern", "unspoken", "conversation", "rehearse")),
                 exercises[n][2], n + 1, stamp, stamp)
                for n in range(0, len(exercises), 10)
            ],
        )  # fmt: skip
        goals = ["Talk about money without shouting", "See a friend every week", "Sleep before midnight"]
        for number, text in enumerate(goals, start=1):
            conn.execute(
                "INSERT INTO goals (id, uid, text, status, set_on, created_at, updated_at) "
                "VALUES (?, ?, ?, 'open', ?, ?, ?)",
                (number, f"g{number}", text, course_start, stamp, stamp),
            )
            conn.execute(
                "INSERT INTO goal_history (goal_id, text, status, changed_at) VALUES (?, ?, 'open', ?)",
                (number, text, stamp),
            )
        course_checkins = [c[0] for c in checkins if c[2] >= course_start]
        conn.executemany(
            "INSERT INTO goal_ratings (goal_id, checkin_id, rating, created_at) VALUES (?, ?, ?, ?)",
            [
                (goal, cid, min(10, 2 + i // 10), stamp)
                for goal in (1, 2, 3)
                for i, cid in enumerate(course_checkins)
            ],
        )
        events, event_people = [], []
        for n in range(EVENTS_PER_SCALE * scale):
            day = start + dt.timedelta(days=int(n * days / (EVENTS_PER_SCALE * scale)))
            approximate = n % 3 == 0
            if approximate:
                day = day.replace(day=1)
            events.append(
                (
                    n + 1,
                    f"ev{n}",
                    day.isoformat(),
                    int(approximate),
                    rnd.choice(EVENT_KINDS),
                    "Life event",
                    stamp,
                    stamp,
                )
            )
            event_people += [
                (n + 1, person) for person in set(rnd.choices(range(1, 31), k=rnd.randint(0, 3)))
            ]
        conn.executemany(
            "INSERT INTO events (id, uid, day, approximate, kind, note, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
        conn.executemany("INSERT INTO event_people (event_id, person_id) VALUES (?, ?)", event_people)
        sessions, bring = [], []
        for n in range(SESSIONS_PER_SCALE * scale):  # weekly, the whole span
            day = start + dt.timedelta(days=7 * n + 2)
            if day > today:
                break
            sessions.append(
                (n + 1, f"ts{n}", day.isoformat(), "Dr Lee", "Expectations", "One I-statement", stamp, stamp)
            )
            for k in range(2):  # two things noted in the days before, discussed in the session
                noted = (day - dt.timedelta(days=1 + 2 * k)).isoformat()
                bring.append((f"b{n}-{k}", "A question", noted, "note", n + 1, stamp, stamp))
        bring += [
            (f"open{k}", "Still to ask", today.isoformat(), "checkin", None, stamp, stamp) for k in range(3)
        ]
        conn.executemany(
            "INSERT INTO therapy_sessions (id, uid, day, with_whom, worked_on, agreed, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            sessions,
        )
        conn.executemany(
            "INSERT INTO bring_items (uid, text, added_on, source, discussed_session_id, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            bring,
        )
        plan = [
            (1, "Staying in bed, not answering texts", None),
            (2, "A hot shower, then music", None),
            (3, "Walk by the river", 2),
            (4, "Call any time", 1),
            (4, "Text first", 3),
            (5, "My GP's surgery", None),
            (6, "Give the pills to Sam to keep", None),
        ]
        conn.executemany(
            "INSERT INTO safety_plan_items (uid, step, text, person_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(f"s{i}", step, text, person, stamp, stamp) for i, (step, text, person) in enumerate(plan)],
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for table in (
        "people",
        "checkins",
        "interactions",
        "checkin_tags",
        "incidents",
        "measures",
        "goal_ratings",
        "coping_log",
        "exercises",
        "homework",
        "events",
        "therapy_sessions",
        "bring_items",
        "pathway_steps",
        "pathway_weeks",
    ):
        counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    journal.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=int, default=1, help="1 is ten years of daily use")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = build(args.path, args.scale, args.seed)
    print(f"{args.path}: " + ", ".join(f"{count} {table}" for table, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
