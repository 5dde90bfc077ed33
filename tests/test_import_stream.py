"""Imports stream (issue 22, point 14): a file is read a row or a record at a time, checked
whole before anything is written, and a bad file stops at its first few problems."""

from __future__ import annotations

import json
import tracemalloc

from support import assert_user_error

COLUMNS = ("--from", "csv", "--columns", "day=Date,mood=Mood,note=Note")


def _csv(path, rows: int, start_year: int = 2001) -> None:
    with path.open("w") as out:
        out.write("Date,Mood,Note\n")
        for n in range(rows):
            out.write(f"{start_year + n % 20}-{1 + n % 12:02d}-{1 + n % 28:02d},{n % 11},row {n}\n")


def _peak_of_import(ipt, path) -> int:
    tracemalloc.start()
    try:
        result = ipt("import", *COLUMNS, str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    return peak


def test_memory_does_not_grow_with_the_rows(ipt, tmp_path):
    """Each row more costs its sort key (8 bytes) and its share of sorting, never the row:
    read whole, a row cost over 2 KB (a million took 2.3 GB)."""
    warm, small, large = tmp_path / "warm.csv", tmp_path / "small.csv", tmp_path / "large.csv"
    _csv(warm, 10, start_year=1930)  # the modules and models are loaded before anything is measured
    _csv(small, 2_000, start_year=1950)
    _csv(large, 8_000, start_year=1980)
    ipt.ok("import", *COLUMNS, str(warm))
    small_peak = _peak_of_import(ipt, small)
    large_peak = _peak_of_import(ipt, large)
    assert ipt.count("checkins") == 10_010
    assert (large_peak - small_peak) / 6_000 < 300, (small_peak, large_peak)
    # and nothing the size of the largest file: reading one whole took a 64 MB buffer
    assert large_peak < 8 * 2**20, large_peak


def test_rows_are_written_oldest_first_whatever_the_file_order(ipt, tmp_path):
    source = tmp_path / "moods.csv"
    source.write_text("Date,Mood,Note\n2024-03-02,5,b\n2024-03-03,6,c\n2024-03-01,4,a\n2024-03-02,5,b\n")
    result = ipt("import", *COLUMNS, str(source))
    assert result.exit_code == 0, result.output
    assert "check-ins: 4 added" in result.stdout
    assert ipt.rows("SELECT day, note FROM checkins ORDER BY id") == [
        ("2024-03-01", "a"),
        ("2024-03-02", "b"),
        ("2024-03-02", "b"),
        ("2024-03-03", "c"),
    ]
    again = ipt("import", *COLUMNS, str(source))  # the twin rows keep their uids
    assert "check-ins: 0 added" in again.stdout and ipt.count("checkins") == 4


def test_a_file_of_bad_rows_stops_at_the_first_five_and_writes_nothing(ipt, tmp_path):
    source = tmp_path / "moods.csv"
    good = "".join(f"2024-01-{1 + n % 28:02d},5,fine\n" for n in range(3000))
    bad = "".join(f"2024-13-{n % 28 + 1:02d},5,{'x' * 500}\n" for n in range(100_000))
    source.write_text("Date,Mood,Note\n" + good + bad)
    result = ipt("import", *COLUMNS, str(source))
    assert_user_error(result, "moods.csv has problems on the first 5 rows (reading stopped there)")
    assert "line 3002, column Date" in result.stderr and "line 3006, column Date" in result.stderr
    assert "line 3007" not in result.stderr
    assert len(result.stderr) < 2000
    assert ipt.count("checkins") == 0


def test_two_bad_rows_are_both_named(ipt, tmp_path):
    source = tmp_path / "moods.csv"
    source.write_text("Date,Mood,Note\n2024-01-01,5,ok\n1850-01-01,5,old\n2024-01-02,5,a\x1b[2Jb\n")
    result = ipt("import", *COLUMNS, str(source))
    assert_user_error(
        result,
        "moods.csv has problems on 2 rows",
        "line 3, column Date",
        "line 4, column Note",
        "control character",
    )
    assert "reading stopped" not in result.stderr
    assert ipt.count("checkins") == 0


def test_nul_esc_and_old_days_in_a_daylio_export_are_named_by_line_and_column(ipt, tmp_path):
    ipt.ok("inventory", "list")
    header = "full_date,date,weekday,time,mood,activities,note_title,note\n"
    for row, where in (
        ("2024-01-02,January 2,Tuesday,21:00,good,work,,a\x00b\n", "line 2, column note"),
        ("2024-01-02,January 2,Tuesday,21:00,good,w\x1bork,,ok\n", "line 2, column activities"),
        ("1899-12-31,December 31,Sunday,21:00,good,work,,ok\n", "line 2, column full_date"),
    ):
        source = tmp_path / "daylio.csv"
        source.write_text(header + row)
        assert_user_error(ipt("import", "--from", "daylio", str(source)), where, "Nothing was imported")
    assert ipt.count("checkins") == 0


def test_a_json_list_of_empty_records_is_refused_at_the_first(ipt, tmp_path):
    ipt.ok("inventory", "list")
    source = tmp_path / "export.json"
    empties = ",".join(["{}"] * 2_000_000)
    source.write_text(f'{{"format": "ipt-journal-export", "format_version": 1, "checkins": [{empties}]}}')
    tracemalloc.start()
    try:
        result = ipt("import", str(source))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_user_error(result, "The file is not a valid export: checkins[0].uid: Field required")
    assert peak < 30 * 2**20, peak  # decoded whole, the file took 150 MB
    assert ipt.count("checkins") == 0


def test_a_json_record_on_one_giant_line_is_refused_after_8_mb(ipt, tmp_path):
    ipt.ok("inventory", "list")
    source = tmp_path / "export.json"
    note = "x" * (9 * 2**20)
    checkin = {"uid": "a", "day": "2024-01-01", "mood": 5, "note": note, "created_at": "s", "updated_at": "s"}
    source.write_text(
        json.dumps({"format": "ipt-journal-export", "format_version": 1, "checkins": [checkin]})
    )
    assert_user_error(ipt("import", str(source)), "holds a record larger than 8 MB", "Nothing was imported")
    assert ipt.count("checkins") == 0


def test_a_json_export_whose_format_comes_last_is_still_checked_whole(ipt, tmp_path):
    ipt.ok("checkin", "--mood", "6", "--date", "2024-02-01", "--note", "kept")
    exported = json.loads(ipt.ok("export", "--format", "json").stdout)
    reordered = {name: exported[name] for name in reversed(list(exported))}
    reordered["checkins"].append(dict(reordered["checkins"][0], mood=11, uid="other"))
    source = tmp_path / "export.json"
    source.write_text(json.dumps(reordered))
    assert_user_error(ipt("import", str(source)), "checkins[1].mood", "Nothing was imported")
    reordered["checkins"].pop()
    reordered["checkins"][0]["note"] = "changed"
    reordered["checkins"][0]["updated_at"] = "9999"
    source.write_text(json.dumps(reordered))
    result = ipt("import", str(source))
    assert result.exit_code == 0, result.output
    assert ipt.rows("SELECT note FROM checkins") == [("changed",)]


def test_errors_about_standard_input_name_the_input(ipt):
    assert_user_error(ipt("import", "-", input="[1, 2]"), "The input is not an ipt-journal export")
    assert_user_error(ipt("import", "-", input='{"format": "x"'), "The input is not")
    assert_user_error(
        ipt("import", "-", input='{"format": "ipt-journal-export", "format_version": 1, "checkins": [{}]}'),
        "The input is not a valid export: checkins[0]",
    )
