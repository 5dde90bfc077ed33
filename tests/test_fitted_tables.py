"""Tables that fit the terminal are drawn line by line without Rich's Table when every cell
fits: the screen must be exactly what Rich would have drawn, in colour too."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_journal.render import fit
from ipt_journal.render.common import PlainConsole, SafeConsole
from ipt_journal.render.fit import Column

COLUMNS = [
    Column("Person"),
    Column("Ring", keep=2, right=True),
    Column("Times", right=True),
    Column("Note", keep=1, free_text=True),
    Column("With", names=True),
]


def drawn(rows, title, width, colour, by_hand=True, console_class=SafeConsole):
    buffer = io.StringIO()
    console = console_class(
        file=buffer,
        width=width,
        highlight=False,
        emoji=False,
        force_terminal=colour,
        color_system="standard" if colour else None,
    )
    if by_hand:
        shown = fit.fitted(console, COLUMNS, rows, title)
    else:
        saved, fit._drawn_by_hand = fit._drawn_by_hand, lambda *args: False
        try:
            shown = fit.fitted(console, COLUMNS, rows, title)
        finally:
            fit._drawn_by_hand = saved
    return shown, buffer.getvalue()


cell = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
names = st.lists(st.sampled_from(["Sam", "Alex 002", "Jo", "Zoë", "李"]), max_size=4).map(", ".join)
rows = st.lists(
    st.tuples(
        st.sampled_from(["Sam", "Alex 002", "Jo", "Maria 004", "Zoë", "李 明"]),
        st.sampled_from(["", "1", "2", "3"]),
        st.integers(0, 999).map(str),
        st.one_of(st.sampled_from(["", "a walk", "dinner, then a long talk about money"]), cell),
        names,
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(
    rows=rows,
    title=st.sampled_from([None, "Life events", "Your interpersonal inventory and more"]),
    width=st.integers(30, 130),
    colour=st.booleans(),
)
def test_a_table_drawn_by_hand_is_what_rich_draws(rows, title, width, colour):
    assert drawn(rows, title, width, colour) == drawn(rows, title, width, colour, by_hand=False)


def test_the_usual_table_is_drawn_by_hand_and_the_odd_one_by_rich(monkeypatch):
    plain_rows = [("Sam", "1", "82", "a walk", "Jo, Alex 002"), ("Jo", "2", "3", "", "")]
    calls = []
    real = fit._drawn_by_hand
    monkeypatch.setattr(fit, "_drawn_by_hand", lambda *args: calls.append(real(*args)) or calls[-1])
    shown, screen = drawn(plain_rows, "People", 100, colour=False)
    assert shown and calls == [True]
    assert screen.splitlines()[1:3] == [
        "Person  Ring  Times  Note    With        ",
        "─" * 41,
    ]
    assert screen.splitlines()[3] == "Sam        1     82  a walk  Jo, Alex 002"
    # A note too long for its column is shortened with an ellipsis: Rich does that.
    drawn([("Sam", "1", "82", "a walk " * 30, "")], None, 60, colour=False)
    assert calls[-1] is False


@pytest.mark.parametrize("colour", [False, True])
def test_plain_screens_keep_rich_drawing_them_without_box_lines(colour):
    table_rows = [("Sam", "1", "82", "a walk", "Jo")]
    shown, screen = drawn(table_rows, None, 80, colour, console_class=PlainConsole)
    assert shown and "─" not in screen and "Sam" in screen
