"""The first schema migrations (m001-m005: the inventory, check-ins, questionnaires, the
course, practice between sessions), as they shipped: never edited again.

Here is the `migrations` registry every later module adds to, in import order:
`store/migrations.py` imports m006-m010 (`migrations_m006_m010.py`) before its own, so
they are registered, and run, in number order. New migrations go at the end of
`store/migrations.py`, never here.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("ipt_journal")


def run_statements(db: Database, *statements: str) -> None:
    # db.executescript would COMMIT the open transaction first, so run one by one.
    for statement in statements:
        db.execute(statement)


@migrations()
def m001_people_checkins_interactions(db: Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            relationship TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'current',
            closeness INTEGER CHECK (closeness BETWEEN 1 AND 3),
            contact TEXT,
            satisfying TEXT,
            unsatisfying TEXT,
            their_expectations TEXT,
            my_expectations TEXT,
            expectations_met TEXT,
            can_confide INTEGER CHECK (can_confide IN (0, 1)),
            change TEXT,
            problem_area TEXT,
            dispute_stage TEXT,
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX checkins_day ON checkins (day)",
        """
        CREATE TABLE interactions (
            id INTEGER PRIMARY KEY,
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            quality INTEGER NOT NULL CHECK (quality BETWEEN -2 AND 2),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (checkin_id, person_id)
        )
        """,
        "CREATE INDEX interactions_person ON interactions (person_id)",
        """
        CREATE TABLE checkin_tags (
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (checkin_id, tag)
        )
        """,
        "CREATE INDEX checkin_tags_tag ON checkin_tags (tag)",
    )


@migrations()
def m002_measures_course_goals_safety_plan(db: Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            scale TEXT NOT NULL CHECK (scale IN ('phq9', 'gad7')),
            day TEXT NOT NULL,
            answers TEXT NOT NULL,  -- JSON list of every item answer, 0-3, in published order
            total INTEGER NOT NULL, -- their sum, written with them and never alone
            checkin_id INTEGER REFERENCES checkins (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX measures_scale_day ON measures (scale, day)",
        """
        CREATE TABLE courses (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            started_on TEXT NOT NULL,
            planned_weeks INTEGER NOT NULL CHECK (planned_weeks BETWEEN 8 AND 20),
            background TEXT,
            reason TEXT,
            with_therapist INTEGER CHECK (with_therapist IN (0, 1)),
            focus_areas TEXT NOT NULL DEFAULT '',  -- one or two problem areas, comma separated
            dispute_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            dispute_stage TEXT,
            ended_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
            closed_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE goal_history (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            status TEXT NOT NULL,
            changed_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE goal_ratings (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
            created_at TEXT NOT NULL,
            UNIQUE (goal_id, checkin_id)
        )
        """,
        """
        CREATE TABLE safety_plan_items (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 6),
            text TEXT,
            person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (text IS NOT NULL OR person_id IS NOT NULL)
        )
        """,
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            what_changed TEXT,
            what_helped TEXT,
            warning_signs TEXT,
            keep_practising TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )


@migrations()
def m003_coping_log(db: Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE coping_log (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            strategy TEXT NOT NULL,
            day TEXT NOT NULL,
            helpful INTEGER CHECK (helpful BETWEEN 1 AND 5),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX coping_log_day ON coping_log (day)",
    )


@migrations()
def m004_homework(db: Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE homework (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            due TEXT,
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'skipped')),
            outcome TEXT,
            helpful INTEGER CHECK (helpful BETWEEN 1 AND 5),
            closed_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX homework_due ON homework (status, due)",
    )


@migrations()
def m005_exercises(db: Database) -> None:
    run_statements(
        db,
        """
        CREATE TABLE exercises (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            day TEXT NOT NULL,
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            mood_before INTEGER CHECK (mood_before BETWEEN 0 AND 10),
            mood_after INTEGER CHECK (mood_after BETWEEN 0 AND 10),
            answers TEXT NOT NULL,  -- JSON object: field -> text, or list of texts
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX exercises_day ON exercises (day)",
        "ALTER TABLE homework ADD COLUMN exercise_id INTEGER REFERENCES exercises (id) ON DELETE SET NULL",
    )
