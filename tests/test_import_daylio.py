"""ipt import --from daylio: a Daylio CSV export becomes check-ins, once, or not at all."""

import pytest

from support import assert_user_error, flat

HEADER_8 = "full_date,date,weekday,time,mood,activities,note_title,note"
HEADER_7 = "year,date,weekday,time,mood,activities,note"


def write(tmp_path, *lines, name="daylio_export.csv", newline="\n", bom=False):
    path = tmp_path / name
    text = newline.join(lines) + newline
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def nothing_written(ipt) -> bool:
    """No check-in in the journal (a refused file may leave no journal at all)."""
    return not ipt.path.exists() or ipt.count("checkins") == 0


def checkins(ipt):
    return ipt.rows("SELECT day, mood, note FROM checkins ORDER BY id")


def tags_of(ipt):
    return ipt.rows(
        "SELECT c.day, t.tag FROM checkin_tags t JOIN checkins c ON c.id = t.checkin_id "
        "ORDER BY c.id, t.rowid"
    )


@pytest.fixture
def current(tmp_path):
    """The current 8-column layout, newest first, with two entries on one day."""
    return write(
        tmp_path,
        HEADER_8,
        '2024-05-14,May 14,Tuesday,20:47,rad,friends | walk,"",""',
        '2024-05-14,May 14,Tuesday,8:02 am,meh,work,"Morning","Slept badly"',
        '2024-05-13,May 13,Monday,10:00 pm,awful,,"",""',
        '2024-05-12,May 12,Sunday,9:15 pm,good,family | sam,"",""',
        '2024-05-11,May 11,Saturday,11:00 am,bad,"","",""',
    )


def test_current_layout_with_default_moods(ipt, current):
    result = ipt.ok("import", "--from", "daylio", str(current))
    assert checkins(ipt) == [
        ("2024-05-11", 3, None),
        ("2024-05-12", 7, None),
        ("2024-05-13", 1, None),
        ("2024-05-14", 5, "Morning\n\nSlept badly"),
        ("2024-05-14", 9, None),
    ]
    assert tags_of(ipt) == [
        ("2024-05-12", "family"),
        ("2024-05-12", "sam"),
        ("2024-05-14", "work"),
        ("2024-05-14", "friends"),
        ("2024-05-14", "walk"),
    ]
    out = flat(result.stdout)
    assert "check-ins: 5 added" in out
    assert "dates: 2024-05-11 to 2024-05-14" in out
    assert "rad (1 row) as 9" in out and "awful (1 row) as 1" in out


def test_two_entries_on_one_day_stay_separate_checkins_in_time_order(ipt, current, local_zone):
    local_zone("UTC-2")  # the entries' times are local, two hours ahead of UTC
    ipt.ok("import", "--from", "daylio", str(current))
    same_day = ipt.rows("SELECT mood, created_at FROM checkins WHERE day = '2024-05-14' ORDER BY id")
    assert same_day == [(5, "2024-05-14T06:02:00Z"), (9, "2024-05-14T18:47:00Z")]


def test_an_activity_naming_a_person_becomes_time_with_them(people, current):
    result = people.ok("import", "--from", "daylio", str(current), "--person-map", "friends=Alex")
    with_whom = people.rows(
        "SELECT c.day, p.name, i.quality FROM interactions i JOIN checkins c ON c.id = i.checkin_id "
        "JOIN people p ON p.id = i.person_id ORDER BY c.id"
    )
    # Daylio never asks how it went: unknown, not an invented "neither" (0).
    assert with_whom == [("2024-05-12", "Sam", None), ("2024-05-14", "Alex", None)]
    assert ("2024-05-12", "sam") not in tags_of(people)  # a person, not a tag
    assert "time with people: Sam 1, Alex 1" in flat(result.stdout) or "Alex 1, Sam 1" in flat(result.stdout)


def test_a_person_map_to_someone_not_in_the_inventory_writes_nothing(people, current):
    result = people("import", "--from", "daylio", str(current), "--person-map", "friends=Robin")
    assert_user_error(result, "Robin, who is not in your inventory", "ipt inventory add --name Robin ")
    assert people.count("checkins") == 0


def test_older_seven_column_layout(ipt, tmp_path):
    path = write(
        tmp_path,
        HEADER_7,
        '2018,18 May,Friday,11:54 pm,good,"clean | cook | music","Went to a party"',
        '2018,17 May,Wednesday,10:21 pm,meh,"cook | stressed ",""',
        '2016,29 February,Monday,09:00,rad,"",""',
    )
    result = ipt.ok("import", "--from", "daylio", str(path))
    assert checkins(ipt) == [
        ("2016-02-29", 9, None),
        ("2018-05-17", 5, None),
        ("2018-05-18", 7, "Went to a party"),
    ]
    assert ("2018-05-17", "stressed") in tags_of(ipt)
    assert "7 columns, year" in flat(result.stdout)


def test_custom_mood_labels_stop_the_import_and_give_the_exact_option(ipt, tmp_path):
    path = write(
        tmp_path,
        HEADER_8,
        '2024-05-14,May 14,Tuesday,20:47,ok but sleepy ,,"",""',
        '2024-05-13,May 13,Monday,20:47,Anxious,,"",""',
        '2024-05-12,May 12,Sunday,20:47,ok but sleepy,,"",""',
        '2024-05-11,May 11,Saturday,20:47,good,,"",""',
    )
    result = ipt("import", "--from", "daylio", str(path))
    assert_user_error(
        result,
        "'ok but sleepy' (2 rows), 'Anxious' (1 row)",
        "Nothing was imported",
        "--mood-map 'ok but sleepy=N,Anxious=N'",
    )
    assert nothing_written(ipt)
    ipt.ok("import", "--from", "daylio", str(path), "--mood-map", "OK but sleepy=4,anxious=3")
    assert [mood for _, mood, _ in checkins(ipt)] == [7, 4, 3, 4]


def test_mood_map_overrides_a_default_and_checks_its_values(ipt, current):
    assert_user_error(
        ipt("import", "--from", "daylio", str(current), "--mood-map", "rad=11"),
        "'rad' must map to a mood from 0 (worst) to 10 (best), got '11'",
    )
    ipt.ok("import", "--from", "daylio", str(current), "--mood-map", "rad=10")
    assert ipt.rows("SELECT max(mood) FROM checkins") == [(10,)]


def test_html_quotes_and_commas_in_notes_become_plain_text(ipt, tmp_path):
    path = write(
        tmp_path,
        HEADER_8,
        '2024-05-14,May 14,Tuesday,20:47,good,,"Dinner, finally",'
        '"She said ""no"", then <b>yes</b>.<br>Next line &amp; more<ul><li>one</li><li>two</li></ul>'
        'I &lt;3 it, a < b"',
    )
    ipt.ok("import", "--from", "daylio", str(path))
    assert checkins(ipt) == [
        (
            "2024-05-14",
            7,
            'Dinner, finally\n\nShe said "no", then yes.\nNext line & more\n- one\n- two\n\nI <3 it, a < b',
        )
    ]


def test_byte_order_mark_and_windows_line_endings(ipt, tmp_path):
    path = write(
        tmp_path,
        HEADER_8,
        '2024-05-14,May 14,Tuesday,20:47,good,work,"","first line\r\nsecond line"',
        '2024-05-13,May 13,Monday,20:47,bad,,"",""',
        newline="\r\n",
        bom=True,
    )
    ipt.ok("import", "--from", "daylio", str(path))
    assert checkins(ipt) == [("2024-05-13", 3, None), ("2024-05-14", 7, "first line\nsecond line")]


def test_importing_the_same_file_twice_adds_nothing_and_keeps_edits(ipt, current):
    ipt.ok("import", "--from", "daylio", str(current))
    ipt.ok("checkin", "edit", "1", "--mood", "4")
    result = ipt.ok("import", "--from", "daylio", str(current))
    assert ipt.count("checkins") == 5
    assert ipt.rows("SELECT mood FROM checkins WHERE id = 1") == [(4,)]  # the edit survives
    out = flat(result.stdout)
    assert "check-ins: 0 added" in out
    assert "skipped: 5 rows: already in the journal" in out


def test_a_longer_export_later_adds_only_the_new_rows(ipt, tmp_path, current):
    ipt.ok("import", "--from", "daylio", str(current))
    lines = current.read_text().splitlines()
    longer = write(
        tmp_path, lines[0], '2024-05-15,May 15,Wednesday,21:00,good,"",""', *lines[1:], name="later.csv"
    )
    assert_user_error(ipt("import", "--from", "daylio", str(longer)), "line 2: the row has 7 columns")
    longer = write(
        tmp_path, lines[0], '2024-05-15,May 15,Wednesday,21:00,good,"","",""', *lines[1:], name="later.csv"
    )
    result = ipt.ok("import", "--from", "daylio", str(longer))
    assert ipt.count("checkins") == 6
    assert "check-ins: 1 added" in flat(result.stdout)


def test_dry_run_writes_nothing_and_says_what_would_be_added(ipt, current):
    result = ipt.ok("import", "--from", "daylio", str(current), "--dry-run")
    assert nothing_written(ipt)
    out = flat(result.stdout)
    assert "5 rows. This import would add: check-ins: 5 added" in out
    assert "tags (5): family 1, sam 1, work 1, friends 1, walk 1" in out
    assert (
        "First rows to be added: 2024-05-11 11:00; mood 3 2024-05-12 21:15; mood 7; tags family, sam" in out
    )
    assert "'Morning — Slept badly'" in out  # the title apart from the text
    assert "Nothing was changed (--dry-run)." in out


def test_an_empty_file_is_a_clear_error(ipt, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert_user_error(ipt("import", "--from", "daylio", str(path)), "empty.csv is empty")
    assert nothing_written(ipt)


def test_a_header_without_rows_has_nothing_to_import(ipt, tmp_path):
    result = ipt.ok("import", "--from", "daylio", str(write(tmp_path, HEADER_8)))
    assert result.stdout.strip() == "daylio_export.csv has a header but no rows: there is nothing to import."
    assert nothing_written(ipt)


def test_a_file_that_is_not_daylio_writes_nothing(ipt, tmp_path):
    path = write(tmp_path, "Date,Mood,Notes", "2024-01-01,5,hello", name="sheet.csv")
    result = ipt("import", "--from", "daylio", str(path))
    assert_user_error(result, "sheet.csv is not a Daylio CSV export", "--from csv")
    assert nothing_written(ipt)


def test_a_bad_row_names_file_line_and_column_and_nothing_is_written(ipt, tmp_path):
    path = write(
        tmp_path,
        HEADER_8,
        '2024-05-14,May 14,Tuesday,20:47,good,,"","a note\nover two lines"',
        '2024-05-13,May 13,Monday,25:99,good,,"",""',
    )
    assert_user_error(
        ipt("import", "--from", "daylio", str(path)),
        "daylio_export.csv, line 4, column time: '25:99' is not a time",
        "Nothing was imported",
    )
    path = write(tmp_path, HEADER_8, '2024-13-01,Jan 1,Monday,20:47,good,,"",""')
    assert_user_error(ipt("import", "--from", "daylio", str(path)), "line 2, column full_date")
    path = write(tmp_path, HEADER_8, '2999-01-01,Jan 1,Monday,20:47,good,,"",""')
    assert_user_error(ipt("import", "--from", "daylio", str(path)), "line 2, column full_date", "future")
    assert nothing_written(ipt)


def test_a_file_that_is_not_utf8_is_refused(ipt, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER_8 + '\n2024-05-14,May 14,Tuesday,20:47,good,caf\xe9,"",""\n').encode("latin-1"))
    assert_user_error(ipt("import", "--from", "daylio", str(path)), "line 2", "not UTF-8")


def test_json_only_options_are_refused_and_unknown_sources_named(ipt, current):
    assert_user_error(ipt("import", str(current), "--mood-map", "x=1"), "--mood-map applies to --from daylio")
    assert_user_error(ipt("import", "--from", "bearable", str(current)), "--from must be json, daylio or csv")
    assert_user_error(
        ipt("import", "--from", "daylio", str(current), "--mood-scale", "1-5"),
        "--mood-scale applies to --from csv",
    )


def test_the_seven_column_layout_with_full_date(ipt, tmp_path):
    """Exports between the two: full_date, but no note_title yet."""
    path = write(
        tmp_path,
        "full_date,date,weekday,time,mood,activities,note",
        '2020-05-30,30 May,Saturday,6:50 pm,rad,friends | gaming,"Awesome"',
        '2020-05-25,25 May,Monday,14:58,meh,work,"Could be better"',
    )
    result = ipt.ok("import", "--from", "daylio", str(path))
    assert checkins(ipt) == [("2020-05-25", 5, "Could be better"), ("2020-05-30", 9, "Awesome")]
    assert "7 columns, full_date" in flat(result.stdout)
