"""Schema migrations m006-m010 (clinical fields, life events, therapy sessions, search,
"how it went" unknown), as they shipped: never edited again. New migrations go at the end
of `store/migrations.py`.
"""

from sqlite_utils import Database

from ipt_journal.store.migrations_m001_m005 import migrations, run_statements


@migrations()
def m006_clinical_fields(db: Database) -> None:
    """Issue 11: the questionnaires' difficulty answer, the fuller inventory, the
    interpersonal formulation, the ending phase, and the safety plan's reasons for living."""
    run_statements(
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
    run_statements(
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
    run_statements(
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
        run_statements(
            db,
            create,
            f"INSERT INTO {table}__rebuilt SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}__rebuilt RENAME TO {table}",
            *indexes,
        )
    run_statements(
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
            run_statements(db, *fts_statements(source))


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
    run_statements(
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
