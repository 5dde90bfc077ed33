"""Finding things: checkin list's filters, and ipt search over every note."""

import datetime as dt
import json
import sqlite3

import pytest

from support import assert_user_error


@pytest.fixture
def week(people):
    """Four check-ins across March with people, tags and notes to filter on."""
    people.ok(
        "checkin",
        "--date",
        "2026-03-02",
        "--mood",
        "3",
        "--with",
        "Jo:-1",
        "--tag",
        "family",
        "--note",
        "An argument about money",
    )
    people.ok(
        "checkin",
        "--date",
        "2026-03-09",
        "--mood",
        "8",
        "--with",
        "Sam:+2",
        "--tag",
        "family",
        "--note",
        "Walking by the river with Sam",
    )
    people.ok(
        "checkin",
        "--date",
        "2026-03-16",
        "--mood",
        "5",
        "--with",
        "Sam:0",
        "--with",
        "Alex:+1",
        "--tag",
        "work",
        "--note",
        "Lunch; we argued a little",
    )
    people.ok("checkin", "--date", "2026-03-23", "--mood", "6", "--note", "Quiet week (alone)")
    return people


def days(ipt, *args):
    return [c["day"] for c in json.loads(ipt.ok("checkin", "list", "--json", *args).stdout)]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--with", "sam"], ["2026-03-16", "2026-03-09"]),
        (["--tag", "family"], ["2026-03-09", "2026-03-02"]),
        (["--since", "2026-03-09", "--until", "2026-03-16"], ["2026-03-16", "2026-03-09"]),
        (["--mood-below", "5"], ["2026-03-02"]),
        (["--mood-above", "5"], ["2026-03-23", "2026-03-09"]),
        (["--contains", "walk"], ["2026-03-09"]),
        (["--contains", "argu"], ["2026-03-16", "2026-03-02"]),
        (["--with", "Sam", "--tag", "family"], ["2026-03-09"]),
        (["--with", "Sam", "--mood-below", "6", "--contains", "lunch"], ["2026-03-16"]),
        (["--tag", "family", "--since", "2026-03-05", "--mood-above", "8"], []),
        (["--limit", "1", "--mood-above", "2"], ["2026-03-23"]),
        (["--contains", '"(alone'], ["2026-03-23"]),
        (["--contains", "*** ---"], []),
    ],
)
def test_each_filter_and_their_combinations(week, args, expected):
    assert days(week, *args) == expected


def test_filters_refuse_unknown_people_and_bad_days(week):
    assert_user_error(week("checkin", "list", "--with", "Sma"), "Did you mean Sam?")
    assert_user_error(week("checkin", "list", "--since", "soon"), "--since must be a real day")
    assert_user_error(week("checkin", "list", "--limit", "0"), "--limit must be 1 or more")


def test_piped_list_is_one_plain_row_per_checkin(week):
    out = week.ok("checkin", "list", "--with", "Sam").stdout.splitlines()
    assert out == [
        "#3  2026-03-16  mood 5  with Sam (+0), Alex (+1)  tags work  Lunch; we argued a little",
        "#2  2026-03-09  mood 8  with Sam (+2)  tags family  Walking by the river with Sam",
    ]


def test_search_finds_every_kind_of_note_with_its_id_day_and_highlight(week):
    week.ok("homework", "add", "Talk to Jo about the argument", "--with", "Jo")
    week.ok(
        "exercise",
        "start",
        "active-listening",
        "--answer",
        "said=There was an argument at work",
        "--answer",
        "heard=Work is hard",
        "--answer",
        "reflection=You feel unheard",
        "--answer",
        "check=Did I get it?",
    )
    out = week.ok("search", "argument").stdout.splitlines()
    assert out[0].startswith("homework #1  ") and "[argument]" in out[0]
    assert out[1].startswith(f"exercise #1  {dt.date.today()}  There was an [argument] at work")
    assert out[2:] == ["check-in #1  2026-03-02  An [argument] about money #family"]
    # Words match their other forms.
    assert (
        week.ok("search", "argue").stdout.splitlines()[0]
        == "check-in #3  2026-03-16  Lunch; we [argued] a little #work"
    )
    only = json.loads(week.ok("search", "argument", "--kind", "exercise", "--json").stdout)
    assert only == [
        {
            "kind": "exercise",
            "id": 1,
            "day": str(dt.date.today()),
            "snippet": "There was an argument at work Work is hard You feel unheard Did I get it?",
        }
    ]


@pytest.mark.parametrize(
    "query, found",
    [
        ('"by the river"', ["2026-03-09"]),
        ("money OR lunch", ["2026-03-16", "2026-03-02"]),
        ("argu* NOT money", ["2026-03-16"]),
        ('"by the river', ["2026-03-09"]),  # a stray quote: read as plain words
        ("river AND", ["2026-03-09"]),
        ("((", []),
        ("'; DROP TABLE checkins; --", []),
    ],
)
def test_search_syntax_and_odd_characters(week, query, found):
    hits = json.loads(week.ok("search", query, "--json").stdout)
    assert [hit["day"] for hit in hits] == found
    assert week.count("checkins") == 4


def test_search_follows_edits_and_deletes(week):
    week.ok("checkin", "edit", "2", "--note", "Swimming instead")
    assert json.loads(week.ok("search", "river", "--json").stdout) == []
    assert len(json.loads(week.ok("search", "swimming", "--json").stdout)) == 1
    week.ok("checkin", "delete", "2", "--yes")
    assert json.loads(week.ok("search", "swimming", "--json").stdout) == []
    # The merged index holds no trace of the deleted words.
    conn = sqlite3.connect(week.path)
    assert conn.execute("SELECT count(*) FROM checkins_fts_data").fetchone()[0] <= 3
    assert b"swimming" not in week.path.read_bytes().lower()


def test_search_says_when_nothing_is_found_and_refuses_unknown_kinds(week):
    assert "Nothing found" in week.ok("search", "zebra").stdout
    assert_user_error(week("search", "x", "--kind", "checkin"), "--kind must be one of", "'check-in'")


def test_a_long_list_goes_through_the_pager_in_a_terminal(people, tmp_path, monkeypatch):
    from terminal import Terminal

    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"cat > {paged}")
    for offset in range(45):  # more than the terminal's 40 lines
        day = dt.date(2026, 1, 15) + dt.timedelta(days=offset)
        people.ok("checkin", "--date", day.isoformat(), "--mood", "5", "--note", f"day {offset}")
    code, output = Terminal(people.path, "checkin", "list", "--all").finish()
    assert code == 0 and "2026-02-28" in paged.read_text() and "2026-02-28" not in output
    paged.unlink()
    code, output = Terminal(people.path, "--no-pager", "checkin", "list", "--all").finish()
    assert code == 0 and "2026-02-28" in output and not paged.exists()
    code, output = Terminal(people.path, "checkin", "list", "--limit", "5").finish()
    assert code == 0 and "2026-02-28" in output and not paged.exists()  # it fits the screen


def test_search_finds_life_events_sessions_and_things_to_bring(week):
    week.ok(
        "event",
        "add",
        "--date",
        "2026-02",
        "--kind",
        "conflict",
        "--person",
        "Jo",
        "--note",
        "The inheritance row",
    )
    week.ok(
        "session", "add", "--date", "2026-03-03", "--with", "Dr Lee", "--worked-on", "The inheritance and Jo"
    )
    week.ok("bring", "Why does the inheritance still sting?")
    out = week.ok("search", "inheritance").stdout.splitlines()
    kinds = sorted(line.split(" #")[0] for line in out)
    assert kinds == ["bring", "event", "session"], out
    # known only by its month: the month, as `ipt event list` says it, never a made-up 1st
    assert any(line.startswith("event #1  2026-02  The [inheritance] row") for line in out), out
    events = json.loads(week.ok("search", "inheritance", "--kind", "event", "--json").stdout)
    assert [(hit["id"], hit["day"]) for hit in events] == [(1, "2026-02")]
    only = json.loads(week.ok("search", "inheritance", "--kind", "session", "--json").stdout)
    assert [hit["kind"] for hit in only] == ["session"]


def test_a_tag_written_in_the_note_is_shown_once(people):
    """A one-line check-in keeps "#home" in its note and also tags it: one "#home" shown."""
    people.ok("checkin", "6", "good talk about money #home", "--date", "2026-03-02")
    people.ok(
        "checkin", "--mood", "5", "--note", "film night #movies", "--tag", "movies", "--tag", "movies / tv",
        "--date", "2026-03-03",
    )  # fmt: skip
    assert people.rows("SELECT tag FROM checkin_tags ORDER BY checkin_id, tag") == [
        ("home",),
        ("movies",),
        ("movies / tv",),
    ]
    found = people.ok("search", "money").stdout
    assert found.count("#home") == 1 and "about [money] #home" in found, found
    (snippet,) = [hit["snippet"] for hit in json.loads(people.ok("search", "money", "--json").stdout)]
    assert snippet == "good talk about money #home"
    # a tag the note does not hold is still shown, and found
    films = people.ok("search", "tv").stdout
    assert "film night #movies" in films and "#movies / [tv]" in films and films.count("#movies") == 2, films
