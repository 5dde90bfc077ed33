"""Help that teaches, --plain output for screen readers, and ipt doctor --json."""

import json
import re
from pathlib import Path

import pytest

from ipt_journal.cli.examples import EXAMPLES
from support import flat

REFERENCE = (Path(__file__).resolve().parent.parent / "docs" / "reference.md").read_text(encoding="utf-8")
SECTIONS = re.findall(r"^## `(ipt[^`]*)`\n\n```text\n(.*?)\n```", REFERENCE, flags=re.M | re.S)
BOX_AND_BLOCKS = re.compile("[\u2500-\u259f]")  # box drawing, block elements


def test_the_reference_covers_every_command():
    assert len(SECTIONS) == len(EXAMPLES)


@pytest.mark.parametrize("path, text", SECTIONS, ids=[path for path, _ in SECTIONS])
def test_every_help_ends_with_examples_and_shows_no_parser_text(path, text):
    tail = text.rstrip().split("\n\n")[-1]
    assert tail.lstrip().startswith(("Example:", "Examples:")), path
    assert all(line.startswith("    ipt") for line in tail.splitlines()[1:]), tail
    usage = text.split("\n\n")[0]
    assert not re.search(r"\{[a-z_]+\}", usage), usage  # a Python parameter name
    for raw in ("RANGE", "<=x", "x>=", "<float", "<int"):
        assert raw not in text, (path, raw)
    for line in text.splitlines():
        assert not line.rstrip().endswith(("...", "e.g.")) or "[ARGS]..." in line, (path, line)


def test_help_examples_run_as_written_for_a_few(ipt):
    added = ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    assert "Added Sam (partner, inner circle)." in flat(added.stdout)
    ipt.ok("checkin", "--mood", "6", "--with", "Sam:+1", "--note", "Dinner with Sam")
    ipt.ok("checkin", "--mood", "4", "--note", "A phone call with Jo")
    assert ipt.rows("SELECT mood, note FROM checkins ORDER BY id") == [
        (6, "Dinner with Sam"),
        (4, "A phone call with Jo"),
    ]
    listed = ipt.ok("checkin", "list", "--with", "Sam", "--since", "last monday").stdout
    assert "Dinner with Sam" in listed and "phone call" not in listed, listed
    found = ipt.ok("search", '"phone call" OR letter', "--kind", "check-in").stdout
    assert "phone call" in found and "Dinner" not in found, found


@pytest.fixture
def filled(people):
    people.ok("start", "--start-date", "2026-01-05")
    people.ok("checkin", "--date", "2026-01-12", "--mood", "3", "--with", "Sam:+1", "--tag", "t")
    people.ok("checkin", "--date", "2026-01-19", "--mood", "8", "--with", "Jo:-1")
    people.ok("measure", "phq9", "--date", "2026-01-12", "--answers", "1,1,1,1,1,1,1,1,0")
    people.ok("safety-plan", "add", "2", "--text", "a hot shower")
    return people


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "list"],
        ["inventory", "list"],
        ["inventory", "show", "Sam"],
        ["measure", "history"],
        ["report", "--since", "2026-01-01"],
        ["course"],
        ["safety-plan"],
        ["goals", "list"],
        [],
    ],
)
def test_plain_output_has_no_box_or_block_characters(filled, args):
    out = filled.ok("--plain", *args).stdout
    assert out.strip() and not BOX_AND_BLOCKS.search(out), out


def test_term_dumb_is_plain_too(filled, monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    assert not BOX_AND_BLOCKS.search(filled.ok("report", "--since", "2026-01-01").stdout)
    monkeypatch.setenv("TERM", "xterm")
    assert BOX_AND_BLOCKS.search(filled.ok("report", "--since", "2026-01-01").stdout)  # bars and rules


def test_doctor_json(ipt):
    ipt.ok("checkin", "--mood", "5")
    data = json.loads(ipt.ok("doctor", "--json").stdout)
    assert data["ok"] is True and data["journal"] == str(ipt.path)
    assert data["findings"] and all({"what", "ok", "fixable", "detail"} == set(f) for f in data["findings"])
    ipt.path.chmod(0o644)
    result = ipt("doctor", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and any(f["fixable"] and not f["ok"] for f in data["findings"])


@pytest.mark.parametrize(
    "args, message",
    [
        (["breathe", "--minutes", "40"], "--minutes must be from 0.1 to 30, got 40."),
        (["report", "--weeks", "0"], "--weeks must be a whole number from 1 to 520, got 0."),
    ],
)
def test_ranges_are_checked_in_words(ipt, args, message):
    result = ipt(*args)
    assert result.exit_code == 2 and message in result.stderr


def _helps(command, path, parent=None, width=80):
    """Every command's --help at `width` columns, the way make_reference.py builds them."""
    ctx = command.make_context(
        path[-1], [], parent=parent, resilient_parsing=True, terminal_width=width, max_content_width=width
    )
    yield " ".join(path), command, command.get_help(ctx)
    for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
        yield from _helps(command.get_command(ctx, name), [*path, name], ctx, width)


def _command_lists(text: str) -> list[list[str]]:
    """The blocks of a help that list commands (Commands:, or the sections of `ipt --help`)."""
    blocks = []
    for block in text.split("\n\n"):
        lines = block.splitlines()
        header = lines[0] if lines else ""
        if header.endswith(":") and not header.startswith(" ") and len(lines) > 1:
            if header not in ("Options:", "Arguments:", "Example:", "Examples:"):
                blocks.append(lines[1:])
    return blocks


@pytest.mark.parametrize("width", [80, 200])
def test_every_command_summary_is_whole_and_on_one_line(width):
    import typer

    from ipt_journal.cli import app

    listed = 0
    for path, command, text in _helps(typer.main.get_command(app), ["ipt"], width=width):
        for lines in _command_lists(text):
            for line in lines:
                listed += 1
                # A summary that wraps starts a line with the indent of the text, not a name.
                assert line.startswith("  ") and not line.startswith("   "), (path, line)
                assert not line.rstrip().endswith(("...", "e.g.")), (path, line)
        for sub in getattr(command, "commands", {}).values():
            summary = sub.get_short_help_str(45)  # the length Click cuts to; Tab completion shows it
            assert not summary.endswith("..."), (path, sub.name, summary)
    assert listed > 80


def test_option_help_says_what_it_means():
    assert "One line per..." not in REFERENCE
    timeline = dict(SECTIONS)["ipt timeline"]
    assert "--by month|quarter|year" in timeline and "One line per month, quarter or year" in flat(timeline)
    for path, text in SECTIONS:
        for line in text.splitlines():
            # "  --date DAY  [default: today]": a default alone does not say what the flag is for
            assert not re.match(r"^\s+(-\w, )?--\S+( \S+)?\s{2,}\[default", line), (path, line)
