"""Whom a check-in was with, from its flags: `--with NAME:HOW[:WHAT HAPPENED]` and
`--what-happened NAME:WORDS` (issue 23: what happened with each person, in one line)."""

import re
from typing import Annotated

import typer

from ipt_journal.errors import InputError

WhatHappenedOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--what-happened",
        metavar="NAME:WORDS",
        help=(
            "One line on what happened with someone named in --with: 'Tom:argued about the move' "
            "(the same as --with 'Tom:-1:argued about the move'); 'Tom:' in an edit clears it; "
            "repeat per person."
        ),
        show_default=False,
    ),
]
_NUMBER = re.compile(r"[+-]?[0-9]+")  # int() would take "١" and "1_0"
# NAME:HOW:WORDS. The name is the shortest start followed by :number:, so a name may hold a
# colon ("A:B:+1:...") and so may the words ("at 3:30").
_WITH_WORDS = re.compile(r"(?P<name>.+?):\s*(?P<how>[+-]?[0-9]+)\s*:(?P<words>.*)\Z", re.DOTALL)


def parse_with(text: str) -> dict:
    """'Sam:+1' -> {'name': 'Sam', 'quality': 1}; 'Tom:-1:argued' adds 'what_happened'.
    Names may hold a colon: in NAME:HOW the last one splits, in NAME:HOW:WORDS the first
    colon followed by a number and a colon."""
    found = _WITH_WORDS.match(text)
    # Words that are a bare number are read as HOW after a name with a colon ("Room:1:+1").
    if found and found["name"].strip() and not _NUMBER.fullmatch(found["words"].strip()):
        return {
            "name": found["name"].strip(),
            "quality": int(found["how"]),
            "what_happened": found["words"].strip(),
        }
    name, colon, quality = text.rpartition(":")
    if not colon or not name.strip():
        raise InputError(
            f"Write --with as NAME:HOW, with HOW from -2 (very badly) to +2 (very well), got {text!r}.",
            "For example: --with 'Sam:+1', or with what happened: --with 'Sam:+1:dinner together'",
        )
    if not _NUMBER.fullmatch(quality.strip()):
        raise InputError(
            f"How it went with {name.strip()} must be a whole number from -2 (very badly) "
            f"to +2 (very well), got {quality.strip()!r}."
        )
    return {"name": name.strip(), "quality": int(quality.strip())}


def add_what_happened(people: list[dict] | None, given: list[str], replace: bool = False) -> None:
    """Each --what-happened NAME:WORDS onto the --with entry it names (the longest name that
    starts it, so a name with a colon still works); with `replace` (an edit) over the words
    there were. 'NAME:' with no words removes them. Checked before anything is written."""
    if not given:
        return
    if not people:
        raise InputError(
            "--what-happened goes with --with: name the person and how it went there too.",
            "For example: --with 'Tom:-1' --what-happened 'Tom:argued about the move'",
        )
    for text in given:
        matches = [p for p in people if text.casefold().startswith(p["name"].casefold() + ":")]
        if not matches:
            name = text.partition(":")[0].strip()
            raise InputError(
                f"--what-happened names {name!r}, who is not in this check-in's --with.",
                "Write it as NAME:WORDS with a name from --with, e.g. --what-happened 'Tom:argued'",
            )
        person = max(matches, key=lambda p: len(p["name"]))
        if person.get("what_happened") and not replace:
            raise InputError(f"What happened with {person['name']} is given twice; give it once.")
        person["what_happened"] = text[len(person["name"]) + 1 :].strip()
