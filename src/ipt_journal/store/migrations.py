"""Numbered schema migrations, applied in order when a journal is opened.

Append new migrations at the end and raise `store.SCHEMA_VERSION` to their count;
never edit one that has shipped. Each runs inside the transaction `store.core._migrate`
holds, so a journal is upgraded whole or not at all.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ipt_journal.store.repository import TOMBSTONED_BY_M012

migrations = Migrations("ipt_journal")


def _run(db: Database, *statements: str) -> None:
    # db.executescript would COMMIT the open transaction first, so run one by one.
    for statement in statements:
        db.execute(statement)


@migrations()
def m001_people_checkins_interactions(db: Database) -> None:
    _run(
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
    _run(
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
    _run(
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
    _run(
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
    _run(
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


@migrations()
def m006_clinical_fields(db: Database) -> None:
    """Issue 11: the questionnaires' difficulty answer, the fuller inventory, the
    interpersonal formulation, the ending phase, and the safety plan's reasons for living."""
    _run(
        db,
        # 0 not difficult at all .. 3 extremely difficult; NULL when not answered.
        "ALTER TABLE measures ADD COLUMN difficulty INTEGER CHECK (difficulty BETWEEN 0 AND 3)",
        "ALTER TABLE people ADD COLUMN together TEXT",
        "ALTER TABLE people ADD COLUMN disagreements TEXT",
        "ALTER TABLE people ADD COLUMN resolved TEXT CHECK (resolved IN ('yes', 'partly', 'no'))",
        "ALTER TABLE people ADD COLUMN can_talk_about TEXT",
        "ALTER TABLE people ADD COLUMN cannot_talk_about TEXT",
        "ALTER TABLE courses ADD COLUMN formulation TEXT",
        "ALTER TABLE courses ADD COLUMN formulation_agreed_on TEXT",
        "ALTER TABLE reviews ADD COLUMN relapse_plan TEXT",
        "ALTER TABLE reviews ADD COLUMN feelings_about_ending TEXT",
        # Step 0 of the safety plan: what matters most, the reasons for living. SQLite cannot
        # change a CHECK in place, so the table is rebuilt with its rows and ids.
        """
        CREATE TABLE safety_plan_items_new (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            step INTEGER NOT NULL CHECK (step BETWEEN 0 AND 6),
            text TEXT,
            person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (text IS NOT NULL OR person_id IS NOT NULL)
        )
        """,
        "INSERT INTO safety_plan_items_new SELECT id, uid, step, text, person_id, created_at, updated_at "
        "FROM safety_plan_items",
        "DROP TABLE safety_plan_items",
        "ALTER TABLE safety_plan_items_new RENAME TO safety_plan_items",
    )


@migrations()
def m007_life_events(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,  -- YYYY-MM-DD; the 1st of the month when approximate
            approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),  -- 1: month only
            kind TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX events_day ON events (day)",
        """
        CREATE TABLE event_people (
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, person_id)
        )
        """,
        "CREATE INDEX event_people_person ON event_people (person_id)",
    )


@migrations()
def m008_therapy_sessions_and_things_to_bring(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE therapy_sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            with_whom TEXT,  -- NULL: a self-guided session
            worked_on TEXT,
            agreed TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX therapy_sessions_day ON therapy_sessions (day)",
        """
        CREATE TABLE bring_items (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            added_on TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'note',  -- note, checkin, exercise, event
            discussed_session_id INTEGER REFERENCES therapy_sessions (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX bring_items_open ON bring_items (discussed_session_id, added_on)",
    )


@migrations()
def m009_search_ids_never_reused_own_strategies(db: Database) -> None:
    """Full-text search over every note, record ids that a delete never frees for reuse, and
    coping strategies of your own.

    Each table of records (those with a uid) is rebuilt with AUTOINCREMENT, the way SQLite's
    documentation describes (new table, copy, drop, rename, indexes again); store.core runs
    migrations with foreign keys off and checks them before committing, so the drop cascades
    nothing. Ids, uids and every row are kept as they were, so exports and backups still match."""
    import re

    from ipt_journal.store.search import SOURCES, fts_statements

    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql LIKE '%id INTEGER PRIMARY KEY,%' AND sql NOT LIKE '%AUTOINCREMENT%' ORDER BY name"
        ).fetchall()
    ]
    for table in tables:
        if "uid" not in db[table].columns_dict:
            continue
        create = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()[0]
        indexes = [
            row[0]
            for row in db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                [table],
            ).fetchall()
        ]
        create = re.sub(r"^CREATE TABLE \"?\w+\"?", f"CREATE TABLE {table}__rebuilt", create)
        create = re.sub(
            r"\bid INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", create, count=1
        )
        _run(
            db,
            create,
            f"INSERT INTO {table}__rebuilt SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}__rebuilt RENAME TO {table}",
            *indexes,
        )
    _run(
        db,
        """
        CREATE TABLE coping_strategies (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            how TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )
    existing = set(db.table_names())
    for source in SOURCES:
        if source.table in existing:
            _run(db, *fts_statements(source))


@migrations()
def m010_how_it_went_can_be_unknown(db: Database) -> None:
    """Time with someone whose how-it-went nobody recorded (imported from an app that has no
    such thing) keeps it unknown: interactions.quality becomes nullable, rebuilt as m009
    rebuilds a table (store.core runs this with foreign keys off, so the drop cascades
    nothing; ids and rows are kept). Interactions that an importer wrote as 0 (an imported
    check-in's, stamped with it and never changed since) become unknown: nobody said 0."""
    import re

    master = "SELECT sql FROM sqlite_master WHERE tbl_name = 'interactions' AND sql IS NOT NULL AND type = "
    create = db.execute(master + "'table'").fetchone()[0]
    indexes = [row[0] for row in db.execute(master + "'index'").fetchall()]
    create = re.sub(r"^CREATE TABLE \"?\w+\"?", "CREATE TABLE interactions__rebuilt", create)
    create = re.sub(r"\bquality INTEGER NOT NULL CHECK", "quality INTEGER CHECK", create, count=1)
    _run(
        db,
        create,
        "INSERT INTO interactions__rebuilt SELECT * FROM interactions",
        "DROP TABLE interactions",
        "ALTER TABLE interactions__rebuilt RENAME TO interactions",
        *indexes,
        """
        UPDATE interactions SET quality = NULL
        WHERE quality = 0 AND created_at = updated_at AND checkin_id IN (
            SELECT id FROM checkins
            WHERE (uid LIKE 'daylio-%' OR uid LIKE 'csv-%') AND created_at = interactions.created_at
        )
        """,
    )


@migrations()
def m011_marked_as_an_ipt_journal(db: Database) -> None:
    """The file says it is an ipt journal (PRAGMA application_id, in the header; inside the
    encryption for SQLCipher), so ipt never mistakes another program's database for one."""
    from ipt_journal.store.recognise import APPLICATION_ID

    db.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")


def tombstone_triggers(table: str) -> list[str]:
    """A deletion (cascades included) leaves the record's uid and when, never its text; a
    record added again with that uid (an import of a copy changed later) lifts it. A later
    migration that rebuilds one of these tables must make its triggers again."""
    return [
        f"CREATE TRIGGER {table}_tombstone AFTER DELETE ON {table} BEGIN "
        "INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) "
        f"VALUES (old.uid, '{table}', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')); END",
        f"CREATE TRIGGER {table}_untombstone AFTER INSERT ON {table} BEGIN "
        "DELETE FROM tombstones WHERE uid = new.uid; END",
    ]


@migrations()
def m012_deletions_remembered(db: Database) -> None:
    """Deletions by uid, with their time, so an import knows a record was deleted after the
    copy in an older export was made, and does not bring it back."""
    _run(
        db,
        """
        CREATE TABLE tombstones (
            uid TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            deleted_at TEXT NOT NULL
        )
        """,
        *(statement for table in TOMBSTONED_BY_M012 for statement in tombstone_triggers(table)),
    )


@migrations()
def m013_staying_well_and_care_for_the_dead(db: Database) -> None:
    """Issue 20. The staying-well plan becomes its own one-row table (IPT's relapse
    prevention is not the Stanley-Brown crisis plan), seeded from the latest review's
    warning signs and relapse plan; entries earlier versions copied into safety-plan
    steps 1 and 2 stay where they are (the review screen offers to move them). People
    get the day they died; safety-plan entries a phone number; the plan its closing
    questions; the course its midpoint reviews; a stopped grief exercise its draft."""
    _run(
        db,
        """
        CREATE TABLE staying_well (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uid TEXT NOT NULL UNIQUE,
            warning_signs TEXT,
            what_i_will_do TEXT,
            whom_i_tell TEXT,
            when_to_contact TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        INSERT INTO staying_well (id, uid, warning_signs, what_i_will_do, created_at, updated_at)
        SELECT 1, lower(hex(randomblob(16))), warning_signs, relapse_plan, created_at, updated_at
        FROM reviews WHERE coalesce(warning_signs, relapse_plan) IS NOT NULL
        ORDER BY day DESC, id DESC LIMIT 1
        """,
        "ALTER TABLE people ADD COLUMN died_on TEXT",
        "ALTER TABLE safety_plan_items ADD COLUMN phone TEXT",
        """
        CREATE TABLE safety_plan_closing (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uid TEXT NOT NULL UNIQUE,
            how_likely TEXT,
            in_the_way TEXT,
            kept_where TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE midpoint_reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            focus_still_right TEXT CHECK (focus_still_right IN ('yes', 'partly', 'no')),
            focus_note TEXT,
            goals_note TEXT,
            next_half TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        # What a stopped exercise had written so far (the grief exercise keeps it): one per kind.
        """
        CREATE TABLE exercise_drafts (
            kind TEXT PRIMARY KEY,
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            answers TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )


@migrations()
def m014_search_the_inventory_course_goals_and_plans(db: Database) -> None:
    """Issue 24: `ipt search` also finds the inventory's answers, the course's reason and
    formulation, goals, the safety plan and the staying-well plan. Each source gets its FTS
    table and triggers (store.search.fts_statements), unless m009 already made it."""
    from ipt_journal.store.search import SOURCES, fts_statements

    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    for source in SOURCES:
        if source.table in tables and source.fts not in tables:
            _run(db, *fts_statements(source))


@migrations()
def m019_problem_area_pathways(db: Database) -> None:
    """Issue 23 point 2: each problem area's pathway keeps which step was done, when, and by
    which exercise (a row per time a step is done; the exercise may later be deleted); and
    what a pathway tracks week by week: the role dispute's stage, and how many people the
    person can confide in (contacts per week come from the check-ins)."""
    _run(
        db,
        """
        CREATE TABLE pathway_steps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            area TEXT NOT NULL,
            step TEXT NOT NULL,
            day TEXT NOT NULL,
            exercise_id INTEGER REFERENCES exercises (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX pathway_steps_area ON pathway_steps (area, step, day)",
        "CREATE INDEX pathway_steps_exercise ON pathway_steps (exercise_id)",
        """
        CREATE TABLE pathway_weeks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            week TEXT NOT NULL UNIQUE,
            dispute_stage TEXT CHECK (dispute_stage IN ('renegotiation', 'impasse', 'dissolution')),
            confidants INTEGER CHECK (confidants BETWEEN 0 AND 1000),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        *tombstone_triggers("pathway_steps"),
        *tombstone_triggers("pathway_weeks"),
    )
