"""ipt import --from csv: any spreadsheet with a date and a mood, mapped by --columns."""

from support import assert_user_error, flat


def write(tmp_path, text, name="moods.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def checkins(ipt):
    return ipt.rows("SELECT day, mood, note FROM checkins ORDER BY id")


def test_a_one_to_five_scale_becomes_zero_to_ten(ipt, tmp_path):
    path = write(
        tmp_path,
        "Date,Mood,Notes\n2024-03-01,1,\n2024-03-02,2,\n2024-03-03,3,ok\n2024-03-04,4,\n2024-03-05,5,\n",
    )
    result = ipt.ok(
        "import",
        "--from",
        "csv",
        str(path),
        "--columns",
        "day=Date,mood=Mood,note=Notes",
        "--mood-scale",
        "1-5",
    )
    assert [mood for _, mood, _ in checkins(ipt)] == [0, 3, 5, 8, 10]
    assert ("2024-03-03", 5, "ok") in checkins(ipt)
    assert "3 (1 row) as 5" in flat(result.stdout)


def test_moods_as_words_need_a_map_and_say_so(ipt, tmp_path):
    path = write(
        tmp_path,
        "day,feeling,tags\n2024-03-01,Low,work|Sam\n2024-03-02,fine,\n2024-03-03,low ,gym; work\n",
    )
    args = ("import", "--from", "csv", str(path), "--columns", "day=day,mood=feeling,tags=tags")
    assert_user_error(ipt(*args), "'Low' (2 rows), 'fine' (1 row)", "--mood-map 'Low=N,fine=N'")
    assert not ipt.path.exists() or ipt.count("checkins") == 0
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok(*args, "--mood-map", "low=3,fine=6")
    assert [mood for _, mood, _ in checkins(ipt)] == [3, 6, 3]
    # the mood words are kept beside the number, as a tag first in each check-in
    assert ipt.rows("SELECT tag FROM checkin_tags ORDER BY rowid") == [
        ("low",),
        ("work",),
        ("fine",),
        ("low",),
        ("gym",),
        ("work",),
    ]
    assert ipt.rows("SELECT p.name FROM interactions i JOIN people p ON p.id = i.person_id") == [("Sam",)]


def test_spreadsheet_dates_times_and_semicolons(ipt, tmp_path, local_zone):
    local_zone("UTC")  # the times are stored in UTC; here local time is UTC
    path = write(
        tmp_path,
        'Datum;Stimmung;Zeit;Notiz\r\n14/05/2024;7;21:30;"Essen; dann Spaziergang"\r\n'
        "14/05/2024;4;08:00;\r\n",
    )
    ipt.ok(
        "import",
        "--from",
        "csv",
        str(path),
        "--columns",
        "day=Datum,mood=Stimmung,time=Zeit,note=Notiz",
        "--date-format",
        "%d/%m/%Y",
    )
    assert ipt.rows("SELECT day, mood, note, created_at FROM checkins ORDER BY id") == [
        ("2024-05-14", 4, None, "2024-05-14T08:00:00Z"),
        ("2024-05-14", 7, "Essen; dann Spaziergang", "2024-05-14T21:30:00Z"),
    ]


def test_timestamps_in_the_date_column_and_rows_without_a_mood(ipt, tmp_path):
    path = write(tmp_path, "when,mood\n2024-03-01 21:05:00,6\n2024-03-02T08:00:00Z,\n2024-03-03,7\n")
    result = ipt.ok("import", "--from", "csv", str(path), "--columns", "day=when,mood=mood")
    assert checkins(ipt) == [("2024-03-01", 6, None), ("2024-03-03", 7, None)]
    assert "skipped: 1 row: no mood in the mood column" in flat(result.stdout)
    again = ipt.ok("import", "--from", "csv", str(path), "--columns", "day=when,mood=mood")
    assert ipt.count("checkins") == 2
    assert "skipped: 2 rows: already in the journal" in flat(again.stdout)


def test_problems_name_the_file_line_and_column(ipt, tmp_path):
    path = write(tmp_path, "Date,Mood\n2024-03-01,3\n01.03.2024,4\n")
    assert_user_error(
        ipt("import", "--from", "csv", str(path), "--columns", "day=Date,mood=Mood"),
        "moods.csv, line 3, column Date: '01.03.2024' is not a date",
        "--date-format",
    )
    path = write(tmp_path, "Date,Mood\n2024-03-01,3\n2024-03-02,7\n")
    assert_user_error(
        ipt("import", "--from", "csv", str(path), "--columns", "day=Date,mood=Mood", "--mood-scale", "1-5"),
        "line 3, column Mood: the mood 7 is outside the scale 1-5",
    )
    assert not ipt.path.exists() or ipt.count("checkins") == 0


def test_column_mapping_mistakes(ipt, tmp_path):
    path = write(tmp_path, "Date,Mood\n2024-03-01,3\n")
    assert_user_error(ipt("import", "--from", "csv", str(path)), "--from csv needs --columns")
    assert_user_error(
        ipt("import", "--from", "csv", str(path), "--columns", "day=Date"), "must name the mood column"
    )
    assert_user_error(
        ipt("import", "--from", "csv", str(path), "--columns", "day=Date,mood=Feeling"),
        "has no column 'Feeling' (for mood). Its columns are: Date, Mood.",
    )
    assert_user_error(
        ipt("import", "--from", "csv", str(path), "--columns", "day=Date,mood=Mood,energy=E"),
        "'energy' is not a field",
    )
    assert_user_error(
        ipt("import", "--from", "csv", str(path), "--columns", "day=Date,mood=Mood", "--mood-scale", "5-1"),
        "--mood-scale must be LOW-HIGH",
    )
