"""Journal text on its way out: safe on a terminal, in a spreadsheet and in Markdown; and the
one rule for what may come in.

ipt stores what a person typed. What it refuses at the door (`control_character`): NUL and
the other C0/C1 control characters, which nobody types on purpose (tabs and newlines in
multi-line notes aside). What it neutralises on the way out, because old journals and other
programs may hold them anyway:

- `for_terminal`: control characters (ESC starts sequences that move the cursor, clear the
  screen or write the clipboard), bidirectional overrides (which reorder what is shown) and
  invisible characters are shown as visible `\\x1b` / `\\u202e` escapes.
- `csv_cell`: a cell starting with = + - @ (or a tab or carriage return) is a formula to a
  spreadsheet; it gets a leading apostrophe.
- `markdown`: Markdown and HTML syntax in a person's text is escaped, so it stays text.

And `on_one_line`: a note where one line is all there is (a list row, a search hit, a
Markdown list item), its paragraphs kept apart.
"""

from __future__ import annotations

import functools
import re
from typing import TypeVar

# Every Unicode format character (category Cf: bidirectional embeddings, overrides and
# isolates, invisible separators, the deprecated U+206A-206F, the Mongolian vowel separator
# U+180E, tag characters U+E0000-E007F...) can hide or reorder text. The zero-width
# (non-)joiners U+200C and U+200D are left alone: emoji and several scripts need them. The
# list is Python 3.11's unicodedata, written out so nothing is computed at import time.
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
# Patterns as text, compiled on first use (`_compiled`): a command pays only for those it
# uses, and the three with Unicode's invisible characters take 0.3-0.5 ms each to compile.
_compiled = functools.cache(re.compile)
_UNSAFE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]"
_UNSAFE_ONE_LINE = f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]"
_UNSAFE_IN_JSON = f"[\x7f-\x9f{_INVISIBLE}\u2028\u2029]"
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_CONTROL_ONE_LINE = "[\x00-\x1f\x7f-\x9f]"


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def for_terminal(text: str, one_line: bool = False) -> str:
    """`text` with everything that could act on a terminal, or hide or reorder what is shown,
    written as a visible escape instead. `one_line` escapes tabs and newlines too (a Tab
    completion is one line)."""
    return _compiled(_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_escape, text)


PARAGRAPH_BREAK = " \u2014 "  # an em dash between spaces
_PARAGRAPHS = r"\r?\n\s*\n"


def on_one_line(text: str) -> str:
    """`text` on one line: its paragraphs (a blank line between) joined by " — ", other line
    breaks and runs of spaces by one space. A Daylio note's title and text are imported as
    two paragraphs, so they read "Title — Text" instead of running together; the stored
    note keeps its line breaks (`ipt checkin show`, the CSV and JSON exports)."""
    parts = (" ".join(part.split()) for part in _compiled(_PARAGRAPHS).split(text))
    return PARAGRAPH_BREAK.join(part for part in parts if part)


def shell_word(text: str) -> str:
    """`text` as one word a POSIX shell takes literally: the one quoting rule for every command
    ipt suggests (`ipt inventory remove 'O'"'"'$(cmd)'`) and every value Tab completion
    inserts in bash. Control and invisible characters are escaped first, so a suggestion
    never carries them to a terminal."""
    import shlex

    return shlex.quote(for_terminal(text, one_line=True))


def bash_word(text: str) -> str:
    """`text` as one bash word that stands for exactly `text` and shows nothing invisible:
    `shell_word`'s quoting, or, when `text` holds a control or invisible character (a tag
    typed with a zero-width space), ANSI-C quoting with that character as a visible escape
    (`$'work\\u200b'`), which bash and zsh read back as the stored character. For Tab
    completion, where a value that looks right but does not match would fail silently."""
    if not _compiled(_UNSAFE_ONE_LINE).search(text):
        return shell_word(text)
    # Inside $'...': backslash and quote are escaped; ! too (history expansion).
    body = _compiled(_UNSAFE_ONE_LINE).sub(
        _escape, text.replace("\\", "\\\\").replace("'", "\\'").replace("!", "\\x21")
    )
    return f"$'{body}'"


def control_character(text: str, multiline: bool = False) -> str | None:
    """The first control character in `text` that ipt refuses, spelled out, or None.
    `multiline` allows tabs and newlines (notes); single-line text allows neither."""
    found = _compiled(_CONTROL if multiline else _CONTROL_ONE_LINE).search(text)
    if found is None:
        return None
    return _escape(found) if found.group() != "\x00" else "NUL (\\x00)"


# Fields that are one line of text; elsewhere tabs and newlines are part of what was written.
SINGLE_LINE_FIELDS = {
    "what_happened",
    "name",
    "tags",
    "with_names",
    "person",
    "uid",
    "scale",
    "kind",
    "strategy",
}


V = TypeVar("V")  # the value checked, handed back as it came


def refuse_control_characters(value: V, field: str) -> V:
    """NUL and other control characters nobody types on purpose are refused (in lists and
    answers too); see safe_text. Returns `value` unchanged."""
    texts = value if isinstance(value, list) else value.values() if isinstance(value, dict) else [value]
    for text in texts:
        if isinstance(text, (list, dict)):
            refuse_control_characters(text, field)
        elif isinstance(text, str):
            found = control_character(text, multiline=field not in SINGLE_LINE_FIELDS)
            if found:
                what = field.replace("_", " ").capitalize()
                raise ValueError(f"{what} contains a control character ({found}); type it without")
    return value


def json_escaped(text: str) -> str:
    """A JSON document with the characters json leaves raw (C1 controls, bidi overrides,
    invisible marks, line separators) written as \\u escapes: the same data, safe to print."""
    return _compiled(_UNSAFE_IN_JSON).sub(lambda m: f"\\u{ord(m.group()):04x}", text)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: V) -> V | str:
    """A value for a CSV cell: text a spreadsheet would run as a formula is made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# Characters that could make markup, a link, or a table cell in CommonMark and GFM.
_MARKDOWN_SPECIAL = r"([\\`*_\[\]|~#])"
# An ampersand that would start a character reference such as &lt; or &#60;.
_ENTITY = r"&(?=#?\w+;)"
# What would turn a line into a list item or a quote when it starts one.
_LEADING = r"(?m)^(\s*\d*)([-+.)>])(?=\s|$)"
# A line of only = or - turns the line above it into a heading (or draws a rule).
_UNDERLINE = r"(?m)^([ \t]*)([=-])(?=[=\- \t]*$)"


def markdown(text: object) -> str:
    """A person's text as Markdown (and HTML) that shows as written and runs nothing: HTML
    escaped, markup characters backslashed, line breaks kept."""
    value = for_terminal(str(text)).replace("\t", " ")
    value = _compiled(_ENTITY).sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;")
    value = _compiled(_LEADING).sub(r"\1\\\2", _compiled(_MARKDOWN_SPECIAL).sub(r"\\\1", value))
    value = _compiled(_UNDERLINE).sub(r"\1\\\2", value)
    return value.replace("\n", "  \n")
