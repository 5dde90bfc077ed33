"""Numbered schema migrations, applied in order when a journal is opened.

Append new migrations at the end and raise `store.SCHEMA_VERSION` to their count;
never edit one that has shipped. Each runs inside the transaction `store.core._migrate`
holds, so a journal is upgraded whole or not at all.
"""

from sqlite_utils import Database

# m001-m005 and m006-m010, imported first so they are registered (and run) before the
# migrations below; `_run` is the name the migrations here call.
from ipt_journal.store import migrations_m006_m010  # noqa: F401
from ipt_journal.store.migrations_m001_m005 import migrations
from ipt_journal.store.migrations_m001_m005 import run_statements as _run
from ipt_journal.store.repository import TOMBSTONED_BY_M012


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
def m015_what_happened_with_each_person(db: Database) -> None:
    """Issue 23, point 1: beside how time with someone went, one line on what happened,
    kept as an interpersonal incident of that check-in and person. Its own table (not a
    column on interactions) because an incident has its own id (a communication analysis
    starts from it), a stable uid for export and import, a tombstone when deleted, and its
    own search index; interactions are rewritten whole when a check-in is edited."""
    from ipt_journal.store.search import SOURCES, fts_statements

    _run(
        db,
        """
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            what_happened TEXT NOT NULL CHECK (length(what_happened) BETWEEN 1 AND 200),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (checkin_id, person_id)
        )
        """,
        "CREATE INDEX incidents_person ON incidents (person_id)",
        *tombstone_triggers("incidents"),
        *(
            statement
            for source in SOURCES
            if source.table == "incidents"
            for statement in fts_statements(source)
        ),
    )


@migrations()
def m016_time_of_day_as_lived(db: Database) -> None:
    """Issue 24, point 4: a check-in's time of day kept as the person's clock said it (HH:MM),
    not only as created_at in UTC: a time read back through another time zone (a journal
    moved abroad) would shift, and could even land on another day. Filled in from created_at
    in this computer's zone where that falls on the check-in's own day (back-dated entries
    have no time of their own)."""
    _run(
        db,
        "ALTER TABLE checkins ADD COLUMN local_time TEXT CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]')",
        "UPDATE checkins SET local_time = strftime('%H:%M', created_at, 'localtime') "
        "WHERE date(created_at, 'localtime') = day",
    )


@migrations()
def m017_work_and_social_adjustment(db: Database) -> None:
    """Issue 23: the WSAS (work and social functioning) is stored beside the PHQ-9 and GAD-7.
    measures.scale's CHECK names the scales, so the table is rebuilt as m010 rebuilds one
    (foreign keys off, ids and rows kept), with its indexes and its deletion triggers (m012)
    made again. Its answers are 0-8, and the work item may be null (not applicable)."""
    import re

    master = "SELECT sql FROM sqlite_master WHERE tbl_name = 'measures' AND sql IS NOT NULL AND type = "
    create = db.execute(master + "'table'").fetchone()[0]
    indexes = [row[0] for row in db.execute(master + "'index'").fetchall()]
    create = re.sub(r"^CREATE TABLE \"?\w+\"?", "CREATE TABLE measures__rebuilt", create)
    create, changed = re.subn(
        r"CHECK \(scale IN \('phq9', 'gad7'\)\)", "CHECK (scale IN ('phq9', 'gad7', 'wsas'))", create, count=1
    )
    if not changed:  # a table this migration does not know: stop before changing anything
        raise RuntimeError("measures.scale's CHECK is not the one m002 made")
    _run(
        db,
        create,
        "INSERT INTO measures__rebuilt SELECT * FROM measures",
        "DROP TABLE measures",
        "ALTER TABLE measures__rebuilt RENAME TO measures",
        *indexes,
        *tombstone_triggers("measures"),
    )


@migrations()
def m018_search_finds_checkins_by_tag_goals_keep_their_day(db: Database) -> None:
    """Issue 24, point 3: `ipt search` finds a check-in by its tags ("movies / tv"), as the
    same hit as its note. The check-ins' index is built again with the tags in its body,
    with triggers on checkin_tags that index the check-in again when its tags change.
    Point 5: a goal keeps the day it was set (`ipt goals add --date`, a course's first day),
    which may be before the day it was typed; goals already there get the local day they
    were typed."""
    from ipt_journal.store.search import SOURCES, drop_fts_statements, fts_statements

    _run(
        db,
        "ALTER TABLE goals ADD COLUMN set_on TEXT",
        "UPDATE goals SET set_on = date(created_at, 'localtime')",
    )

    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    for source in SOURCES:
        if source.children and source.table in tables:
            _run(db, *drop_fts_statements(source), *fts_statements(source))


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


@migrations()
def m020_days_to_remember_and_the_dispute_s_stage_now(db: Database) -> None:
    """Issue 23, what a trial found left: the days a person names as ones that may be hard
    without someone who died (holidays, birthdays: 'Christmas 12-25; her birthday 03-14'),
    reminded every year. And the course's dispute stage becomes the latest week's recorded
    during the course, as store/pathways.py keeps it from now on (and the dispute person's,
    when their inventory entry is a role dispute)."""
    _run(db, "ALTER TABLE people ADD COLUMN holidays TEXT")
    course = db.execute(
        "SELECT id, started_on, focus_areas, dispute_person_id FROM courses ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if course is None or "role-dispute" not in course[2].split(","):
        return
    latest = db.execute(
        "SELECT dispute_stage FROM pathway_weeks WHERE dispute_stage IS NOT NULL "
        "AND week >= date(?, 'weekday 0', '-6 days') ORDER BY week DESC LIMIT 1",
        (course[1],),
    ).fetchone()
    if latest is None:
        return
    # The rows' updated_at stays: nothing was typed, so an import's newer copy still wins.
    db.execute("UPDATE courses SET dispute_stage = ? WHERE id = ?", (latest[0], course[0]))
    db.execute(
        "UPDATE people SET dispute_stage = ? WHERE id = ? AND problem_area = 'role-dispute'",
        (latest[0], course[3]),
    )
