"""The helpers other tests lean on can fail: a refused command that wrote something is
caught, a journal SQLite merely rewrote is not."""

import sqlite3

import pytest

from support import Snapshot, assert_user_error, unchanged


def test_a_write_behind_a_refusal_is_caught(people):
    result = people("checkin", "--mood", "12")
    people.ok("checkin", "--mood", "5")  # as if the refused command had saved something
    with pytest.raises(AssertionError, match="journal.db changed"):
        assert_user_error(result, "Mood must be")


def test_a_refusal_on_a_journal_not_yet_made_may_leave_an_empty_one(ipt):
    result = ipt("checkin", "--mood", "12")
    ipt.ok("inventory", "list")  # creates the file, with its migrations and search index
    assert_user_error(result, "Mood must be")


def test_a_rewritten_file_with_the_same_rows_counts_as_unchanged(people):
    before = Snapshot(people.path)
    conn = sqlite3.connect(people.path)
    conn.execute("VACUUM")
    conn.close()
    before.assert_unchanged()
    with pytest.raises(AssertionError, match="changed"), unchanged(people.path):
        people.ok("inventory", "add", "--name", "Robin", "--relationship", "friend", "--closeness", "3")
