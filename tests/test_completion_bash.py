"""Tab completion in a real bash, the way a person presses Tab (issue 24, point 6): several
values are listed with their words, one a line (`+2  (very well)`), and only what they all
begin with is inserted; an opening quote is kept and never doubled; a name or tag holding an
invisible character completes to a visible escape that matches what is stored."""

import shutil
import time

import pytest

from test_completion_shells import Shell

ZWSP = "\u200b"  # a zero-width space: invisible, and kept in what a person typed


@pytest.fixture
def bash(ipt, tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed (.ci/run installs it)")
    for name, relationship in (
        ("Mary Ann", "friend"),
        ("Tom", "sibling"),
        ("Sam Lee", "partner"),
        ("Sam Lowe", "colleague"),
        (f"Ze{ZWSP}d", "friend"),
        ("Ria\u202eevil", "friend"),
    ):
        ipt.ok("inventory", "add", "--name", name, "--relationship", relationship, "--closeness", "2")
    for day, tag in (
        ("2026-03-02", "movies / tv"),
        ("2026-03-03", f"work{ZWSP}place"),
        ("2026-03-04", "gym"),
    ):
        ipt.ok("checkin", "--date", day, "--mood", "5", "--tag", tag)
    home = tmp_path / "home"
    home.mkdir()
    shell = Shell("bash", home, ipt.path)
    shell.journal = ipt
    # Ctrl-T writes down the command line as it stands (readline's buffer).
    shell.child.sendline(f'bind -x \'"\\C-t": printf %s "$READLINE_LINE" > {home}/line.txt\'')
    shell.child.expect_exact("READY> ")
    yield shell
    shell.close()


def listed(shown: str) -> list[str]:
    """The lines bash listed, without the line typed before or after them."""
    lines = [line.rstrip() for line in shown.replace("\x07", "").split("\r\n")]
    return [line for line in lines[1:] if line and not line.startswith("READY>")]


def line_after_tab(bash: Shell, typed: str) -> str:
    """What the command line reads after one Tab (then the line is abandoned)."""
    written = bash.home / "line.txt"
    written.unlink(missing_ok=True)
    bash.child.send(typed)
    answered = bash.answers.count()
    bash.child.send("\t")
    bash.answers.wait(bash.child, answered)
    bash.child.send("\x14")
    deadline = time.monotonic() + 10
    while not (written.exists() and written.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    bash.child.send("\x03")
    bash.child.expect_exact("READY> ")
    return written.read_text()


def test_how_it_went_is_listed_with_its_words_one_a_line_in_order(bash):
    shown = bash.listing("ipt checkin --with Tom:", "very badly")
    assert listed(shown) == [
        "+2  (very well)",
        "+1  (well)",
        "0   (neither well nor badly)",
        "-1  (badly)",
        "-2  (very badly)",
    ]


def test_names_are_listed_with_their_relationship(bash):
    assert listed(bash.listing("ipt checkin --with 'Sam L", "colleague")) == [
        "Sam Lee:   (partner)",
        "Sam Lowe:  (colleague)",
    ]


def test_only_the_common_beginning_is_inserted_never_a_description(bash):
    # "Sam Lee" and "Sam Lowe": Tab inserts 'Sam L, then o and Tab the one name, bare.
    assert line_after_tab(bash, "ipt checkin --with Sa") == "ipt checkin --with 'Sam L"
    assert bash.run("ipt checkin --with Sa", tabs=1, then="o\t-1") == ["checkin", "--with", "Sam Lowe:-1"]


def test_one_value_left_is_inserted_bare(bash):
    assert bash.run("ipt checkin --with Tom:+", then="2") == ["checkin", "--with", "Tom:+2"]
    assert bash.run("ipt checkin --with To", then="-2") == ["checkin", "--with", "Tom:-2"]
    assert bash.run("ipt checkin list --tag mo") == ["checkin", "list", "--tag", "movies / tv"]


def test_menu_complete_inserts_bare_values(bash):
    bash.child.sendline("bind '\"\\t\": menu-complete'")
    bash.child.expect_exact("READY> ")
    assert bash.run("ipt checkin --with Tom:") == ["checkin", "--with", "Tom:+2"]


@pytest.mark.parametrize("quote", ["'", '"'])
def test_an_opening_quote_is_kept_and_the_name_completes_whole(bash, quote):
    # One quote, closed by bash after the name; the sign typed after it joins the same word.
    assert (
        line_after_tab(bash, f"ipt checkin --with {quote}Mary")
        == f"ipt checkin --with {quote}Mary Ann:{quote}"
    )
    assert bash.run(f"ipt checkin --with {quote}Mary", then="+2") == ["checkin", "--with", "Mary Ann:+2"]
    assert bash.run(f"ipt checkin --with={quote}Ma", then="-1") == ["checkin", "--with=Mary Ann:-1"]
    # Or Tab again: how it went, inside the quote, which closes after the one chosen.
    assert bash.run(f"ipt checkin --with {quote}Mary", then="\t+2\t") == ["checkin", "--with", "Mary Ann:+2"]


@pytest.mark.parametrize("quote", ["'", '"'])
def test_an_opening_quote_then_how_it_went_is_listed(bash, quote):
    shown = bash.listing(f"ipt checkin --with {quote}Mary Ann:", "very badly")
    assert listed(shown)[0] == "Mary Ann:+2  (very well)" and len(listed(shown)) == 5
    assert bash.run(f"ipt checkin --with {quote}Mary Ann:-", then=f"2{quote}") == [
        "checkin",
        "--with",
        "Mary Ann:-2",
    ]


@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_quoted_tag_completes_whole(bash, quote):
    assert line_after_tab(bash, f"ipt checkin list --tag {quote}movies") == (
        f"ipt checkin list --tag {quote}movies / tv{quote} "
    )
    assert bash.run(f"ipt checkin list --tag {quote}movies") == ["checkin", "list", "--tag", "movies / tv"]
    assert bash.run(f"ipt checkin list --tag={quote}mo") == ["checkin", "list", "--tag=movies / tv"]
    assert bash.run("ipt checkin list --tag=mo") == ["checkin", "list", "--tag=movies / tv"]


def _stored(bash, sql: str) -> list[str]:
    return [row[0] for row in bash.journal.rows(sql)]


@pytest.mark.parametrize(
    "typed", ["ipt checkin list --tag wo", "ipt checkin list --tag 'wo", 'ipt checkin list --tag "w']
)
def test_an_invisible_character_completes_to_what_matches_and_shows_as_an_escape(bash, typed):
    (tag,) = _stored(bash, "SELECT tag FROM checkin_tags WHERE tag LIKE 'work%'")
    assert tag == f"work{ZWSP}place"
    line = line_after_tab(bash, typed)
    assert ZWSP not in line and "\\u200b" in line  # seen, as an escape
    assert bash.run(typed)[-1] == tag  # and the shell hands ipt exactly what is stored


def test_a_name_with_an_invisible_or_reordering_character(bash):
    assert bash.run("ipt inventory show Z") == ["inventory", "show", f"Ze{ZWSP}d"]
    line = line_after_tab(bash, "ipt inventory show Ri")
    assert "\u202e" not in line and "\\u202e" in line
    assert bash.run("ipt inventory show Ri") == ["inventory", "show", "Ria\u202eevil"]
    assert "Ria\u202eevil" in _stored(bash, "SELECT name FROM people")


def test_where_ipt_has_nothing_to_offer_bash_offers_file_names_sorted(bash):
    # ipt answers nothing for a file name: bash's own file names, in order, never a space.
    for name in ("xc.md", "xa.md", "xb.md"):
        (bash.home / name).write_text("")
    shown = " ".join(listed(bash.listing("ipt report --format markdown -o x", "xc.md")))
    assert shown.index("xa.md") < shown.index("xb.md") < shown.index("xc.md")
    assert bash.run("ipt backup xb") == ["backup", "xb.md"]
