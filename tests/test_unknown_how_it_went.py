"""Imported time with people keeps its how-it-went unknown (defect 3 of the trial): it counts
as contact, stays out of every how-it-went figure, shows as unknown, and survives export and
import. An activity naming someone who has died stays a tag."""

import datetime as dt
import json
import sqlite3

from support import flat, older_journal

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"
TODAY = dt.date.today()


def day(days_ago: int) -> str:
    return (TODAY - dt.timedelta(days=days_ago)).isoformat()


def daylio(tmp_path, *rows):
    path = tmp_path / "daylio.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


def sam_and_mum(people, tmp_path):
    """Sam rated 0 in three check-ins of his own, then three imported days with Partner (Sam)
    and Mum, who has died."""
    people.ok("inventory", "add", "--name", "Mum", "--relationship", "parent", "--status", "deceased")
    for ago, mood in ((40, 5), (38, 5), (36, 5)):
        people.ok("checkin", "--date", day(ago), "--mood", str(mood), "--with", "Sam:0")
    for ago in (30, 28, 26):
        people.ok("checkin", "--date", day(ago), "--mood", "4")
    path = daylio(
        tmp_path,
        f"{day(3)},x,x,20:00,rad,Partner | Mum,,",
        f"{day(5)},x,x,20:00,good,Partner,,",
        f"{day(7)},x,x,20:00,awful,Partner | work,,",
    )
    return people.ok("import", "--from", "daylio", str(path), "--person-map", "Partner=Sam")


def test_imported_time_together_is_stored_as_unknown_and_the_summary_says_so(people, tmp_path):
    out = flat(sam_and_mum(people, tmp_path).stdout)
    assert "time with people: Sam 3 (how it went: unknown, the file does not say)" in out
    assert people.rows(
        "SELECT c.day, i.quality FROM interactions i JOIN checkins c ON c.id = i.checkin_id "
        "WHERE c.uid LIKE 'daylio-%' ORDER BY c.day"
    ) == [(day(7), None), (day(5), None), (day(3), None)]


def test_an_activity_naming_someone_who_died_stays_a_tag(people, tmp_path):
    out = flat(sam_and_mum(people, tmp_path).stdout)
    assert "mum: kept as a tag, not time with Mum, who has died" in out
    assert people.rows(
        "SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE p.name = 'Mum'"
    ) == [(0,)]
    assert people.rows("SELECT tag FROM checkin_tags WHERE tag = 'mum'") == [("mum",)]
    # Mapped by name on purpose, it is still not time with them.
    path = daylio(tmp_path, f"{day(2)},x,x,20:00,meh,Mother,,")
    out = flat(people.ok("import", "--from", "daylio", str(path), "--person-map", "Mother=Mum").stdout)
    assert "mother: kept as a tag, not time with Mum, who has died" in out
    assert people.rows("SELECT count(*) FROM interactions WHERE person_id = 4") == [(0,)]


def test_unknown_how_it_went_counts_as_contact_but_in_no_how_it_went_figure(people, tmp_path):
    sam_and_mum(people, tmp_path)
    data = json.loads(people.ok("report", "--weeks", "8", "--json").stdout)
    [sam] = [p for p in data["people"] if p["name"] == "Sam"]
    assert sam["interactions"] == 6 and sam["mean_quality"] == 0  # the three he rated
    [mood] = [p for p in data["insight"]["moods"] if p["name"] == "Sam"]
    assert mood["neither"] == {"checkins": 3, "mean_mood": 5.0}  # not 6: the imported stay out
    assert mood["badly"]["checkins"] == 0 and mood["well"]["checkins"] == 0
    assert mood["interactions"] == 6 and mood["unknown"] == 3
    [change] = [c for c in data["insight"]["changes"] if c["name"] == "Sam"]
    assert change["quality"] == "too few" and change["late_quality"] is None and change["late"] == 3
    out = flat(people.ok("report", "--weeks", "8").stdout)
    assert "left out of these figures: Sam 3" in out
    assert "Sam 3× +0.0 3× too few about as often" in out  # the imported half: contact only


def test_unknown_how_it_went_is_shown_as_unknown_everywhere(people, tmp_path):
    sam_and_mum(people, tmp_path)
    assert "with Sam (how it went unknown)" in flat(people.ok("checkin", "list").stdout)
    listed = json.loads(people.ok("checkin", "list", "--json").stdout)
    assert listed[0]["people"] == [{"name": "Sam", "quality": None, "what_happened": None, "incident": None}]
    shown = flat(people.ok("inventory", "show", "Sam").stdout)
    assert "how it went unknown" in shown and "it went +0.0 on average" in shown
    circle = flat(people.ok("inventory", "circle").stdout)
    assert "seen (how it went unknown)" in circle


def test_unknown_how_it_went_survives_export_and_import(people, tmp_path):
    sam_and_mum(people, tmp_path)
    exported = tmp_path / "all.json"
    people.ok("export", "--format", "json", "-o", str(exported))
    doc = json.loads(exported.read_text())
    qualities = sorted((i["quality"] is None, i["quality"]) for c in doc["checkins"] for i in c["people"])
    assert qualities == [(False, 0)] * 3 + [(True, None)] * 3
    other = tmp_path / "other" / "journal.db"
    people.ok("--db", str(other), "import", str(exported))
    assert people.rows_in(other, "SELECT quality FROM interactions ORDER BY quality") == [
        (None,),
        (None,),
        (None,),
        (0,),
        (0,),
        (0,),
    ]
    people.ok("--db", str(other), "import", str(exported))  # again: nothing changes
    assert people.rows_in(other, "SELECT count(*) FROM interactions WHERE quality IS NULL") == [(3,)]
    csv_dir = tmp_path / "csv"
    people.ok("export", "--format", "csv", "-o", str(csv_dir))
    assert "Sam (how it went unknown)" in (csv_dir / "checkins.csv").read_text()


def test_m010_makes_old_imported_zeros_unknown_and_keeps_what_people_said(ipt, tmp_path):
    path = older_journal(tmp_path / "v9.db", 9)
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO people (id, uid, name, relationship, created_at, updated_at)
            VALUES (1, 'p1', 'Sam', 'partner', 'x', 'x');
        INSERT INTO checkins (id, uid, day, mood, created_at, updated_at) VALUES
            (1, 'daylio-aa', '2026-01-05', 7, '2026-01-05T20:00:00', '2026-01-05T20:00:00'),
            (2, 'c2', '2026-01-06', 5, '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z'),
            (3, 'csv-bb', '2026-01-07', 6, '2026-01-07T12:00:00', '2026-01-07T12:00:00'),
            (4, 'daylio-cc', '2026-01-08', 6, '2026-01-08T12:00:00', '2026-01-09T10:00:00Z');
        INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at) VALUES
            (1, 1, 0, '2026-01-05T20:00:00', '2026-01-05T20:00:00'),
            (2, 1, 0, '2026-01-06T09:00:00Z', '2026-01-06T09:00:00Z'),
            (3, 1, 0, '2026-01-07T12:00:00', '2026-01-07T12:00:00'),
            (4, 1, 0, '2026-01-09T10:00:00Z', '2026-01-09T10:00:00Z');
        """
    )
    conn.commit()
    conn.close()
    data = json.loads(ipt.ok("--db", str(path), "checkin", "list", "--json").stdout)
    assert {c["id"]: c["people"][0]["quality"] for c in data} == {1: None, 2: 0, 3: None, 4: 0}
    assert ipt.rows_in(
        path, "SELECT \"notnull\" FROM pragma_table_info('interactions') WHERE name = 'quality'"
    ) == [(0,)]
    assert ipt.rows_in(path, "PRAGMA foreign_key_check") == []
    assert ipt.rows_in(path, "SELECT name FROM sqlite_master WHERE name = 'interactions_person'") == [
        ("interactions_person",)
    ]


def test_an_imported_check_in_can_be_edited_and_how_it_went_said_later(people, tmp_path):
    sam_and_mum(people, tmp_path)
    [(checkin_id,)] = people.rows("SELECT id FROM checkins WHERE day = ?", (day(3),))
    out = people.ok("checkin", "edit", str(checkin_id), "--mood", "6").stdout
    assert "with Sam (how it went unknown)" in flat(out)
    assert people.rows("SELECT quality FROM interactions WHERE checkin_id = ?", (checkin_id,)) == [(None,)]
    people.ok("checkin", "edit", str(checkin_id), "--with", "Sam:+1")
    assert people.rows("SELECT quality FROM interactions WHERE checkin_id = ?", (checkin_id,)) == [(1,)]
