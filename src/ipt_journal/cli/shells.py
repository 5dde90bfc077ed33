"""How ipt talks to bash, zsh and fish when Tab is pressed: the scripts `ipt completion SHELL`
prints, and the answers ipt gives them.

A name or a tag is whatever a person (or an imported Daylio file) wrote, so a completion
value may hold `$(...)`, backticks, quotes or spaces. Nothing on either side ever evaluates
one: the zsh script adds values with `compadd` (which quotes them as it inserts them) instead
of Typer's `eval`; bash inserts replies as they are, so ipt sends bash each reply already
quoted as one shell word (`safe_text.bash_word`: a control or invisible character
as a visible escape the shell reads back, `$'\\u200b'`); fish quotes what it inserts itself. Every
value and description passes `safe_text.for_terminal`, so no control character reaches a
terminal and no completion line can be split in two.

These are ipt's own completion classes, registered under Click's public
`add_completion_class` (the Click bundled in Typer); Typer's are left untouched.
"""

import os
import sys
from typing import Any

from typer._click.shell_completion import CompletionItem, ShellComplete, add_completion_class

from ipt_journal.text.safe_text import bash_word, for_terminal

# bash: the line up to the cursor, the word readline is completing ($2: after the last
# COMP_WORDBREAKS character such as ':' or '=', and after an opening quote), the kind of
# completion (COMP_TYPE) and the terminal's width. Replies are inserted as they are, and
# listed in ipt's order (nosort: +2 before -2). bash cannot show a description beside a
# value, so, as cobra's bash completion does, ipt sends several replies each with its words
# ("+2  (very well)"), one a line: bash lists them and inserts only what they all begin
# with; a single reply comes bare. A single reply ending in ':' (a name for --with
# NAME:HOW) takes no space after it, so the next Tab offers how it went.
BASH_SCRIPT = r"""
%(complete_func)s() {
    # mapfile, not COMPREPLY=( $(...) ): a reply is never split or expanded as a pattern.
    local -a lines
    mapfile -t lines < <(env _IPT_LINE="${COMP_LINE:0:COMP_POINT}" _IPT_WORD="$2" \
                         _IPT_COMP_TYPE="$COMP_TYPE" _IPT_COLUMNS="${COLUMNS:-80}" \
                         %(complete_var)s=complete_bash %(prog_name)s 2>/dev/null)
    # No empty reply: "nothing" is one empty line, and bash would insert it with a space
    # instead of offering file names (-o default).
    COMPREPLY=()
    local line
    for line in "${lines[@]}"; do
        [[ -n $line ]] && COMPREPLY+=("$line")
    done
    if [[ ${#COMPREPLY[@]} -gt 1 ]]; then  # file names (-o default, when ipt has none) stay sorted
        compopt -o nosort 2>/dev/null
    fi
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *: ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

# zsh: one "value<TAB>description" line per value, added with compadd, which quotes each
# value as it inserts it; nothing is evaluated.
ZSH_SCRIPT = r"""
#compdef %(prog_name)s

%(complete_func)s() {
  local -a lines values shown
  local line
  lines=("${(@f)$(env _IPT_LINE="${words[1,$CURRENT]}" \
                     %(complete_var)s=complete_zsh %(prog_name)s 2>/dev/null)}")
  for line in "${lines[@]}"; do
    [[ -z $line ]] && continue
    values+=("${line%%%%$'\t'*}")
    if [[ $line == *$'\t'* && -n ${line#*$'\t'} ]]; then
      shown+=("${line%%%%$'\t'*}  -- ${line#*$'\t'}")
    else
      shown+=("${line%%%%$'\t'*}")
    fi
  done
  if (( ${#values} )); then
    local suffix=()
    (( ${#values} == 1 )) && [[ ${values[1]} == *: ]] && suffix=(-S '')
    compadd -l -d shown "${suffix[@]}" -a values
  else
    _files
  fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  %(complete_func)s "$@"
else
  compdef %(complete_func)s %(prog_name)s
fi
"""

# fish: "value<TAB>description" lines; fish escapes what it inserts. Where ipt has nothing to
# offer (a file name for -o), the condition fails and fish completes file names.
FISH_SCRIPT = (
    "complete --command %(prog_name)s --no-files --arguments "
    '"(env _IPT_LINE=(commandline -cp) %(complete_var)s=complete_fish %(prog_name)s 2>/dev/null)" '
    '--condition "env _IPT_LINE=(commandline -cp) _IPT_FISH_ASKS=any '
    '%(complete_var)s=complete_fish %(prog_name)s >/dev/null 2>&1"'
)


def split_line(line: str) -> tuple[list[str], str, str, str | None]:
    """A command line up to the cursor, as the shell will read it: the finished words, the
    word being typed (unquoted), that word as typed (quotes and backslashes included), and the
    quote left open in it, if any."""
    words: list[str] = []
    word, raw = "", ""
    quote: str | None = None
    started = False
    chars = iter(line)
    for char in chars:
        if quote == "'":
            raw += char
            if char == "'":
                quote = None
            else:
                word += char
        elif quote == '"':
            raw += char
            if char == '"':
                quote = None
            elif char == "\\":
                following = next(chars, "")
                raw += following
                word += following if following in '$`"\\\n' else char + following
            else:
                word += char
        elif char in " \t\n":
            if started:
                words.append(word)
            word, raw, started = "", "", False
        else:
            started = True
            raw += char
            if char in "'\"":
                quote = char
            elif char == "\\":
                following = next(chars, "")
                raw += following
                word += following
            else:
                word += char
    return words, word, raw, quote


def _unquote(raw: str) -> str:
    """What a piece of a word, as typed, stands for (an open quote is closed first)."""
    words, word, _raw, _quote = split_line(raw)
    return "".join(words) + word


def _inside_quote(quote: str, text: str) -> str:
    """`text` written inside an open quote that readline will close. A control or invisible
    character leaves the quote for a visible escape and comes back: 'work'$'\\u200b''place'."""
    if quote == "'":
        written = text.replace("'", "'\\''")
    else:
        escaped = "".join("\\" + char if char in '$`"\\' else char for char in text)
        written = escaped.replace("!", "\"'!'\"")  # history expansion would act on a bare !
    return "".join(
        char if for_terminal(char, one_line=True) == char else quote + bash_word(char) + quote
        for char in written
    )


def bash_reply(value: str, typed: str, raw: str, quote: str | None, readline_word: str) -> str | None:
    """The text bash should put in place of `readline_word` so that the word being typed
    becomes `value`, quoted: None when `value` does not continue what was typed. A control
    or invisible character in it is written as a visible escape in ANSI-C quotes
    ($'work\\u200b'), which the shell reads back as the character stored, so what is
    completed matches (a bare \\u200b would match nothing)."""
    kept = raw[: len(raw) - len(readline_word)] if raw.endswith(readline_word) else ""
    before = _unquote(kept)
    if not value.startswith(before):
        return None
    rest = value[len(before) :]
    if quote is not None:
        return _inside_quote(quote, rest) if rest else None
    if rest.endswith(":") and len(rest) > 1:  # NAME: stays open for how it went (no space)
        return bash_word(rest[:-1]) + ":"
    return bash_word(rest) if rest else None


def _common_start(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def _cells(text: str) -> int:
    """Terminal columns `text` takes (East Asian wide characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# COMP_TYPE for readline's menu-complete (%) and insert-completions (*): each reply is
# inserted as it is, so it must be the bare value.
_INSERTED_AS_IS = {"37", "42"}


def bash_lines(replies: list[tuple[str, str]], columns: int, comp_type: str = "") -> list[str]:
    """What ipt sends bash for these (reply, description) pairs. Several replies go with
    their descriptions, `+2  (very well)`, padded so that bash lists one a line (past half
    the width) and cut to the width; bash then inserts only their common beginning, which
    is kept the same as the bare replies' (else they go bare). One reply goes bare."""
    bare = [reply for reply, _about in replies]
    if len(replies) < 2 or comp_type in _INSERTED_AS_IS or not any(about for _reply, about in replies):
        return bare
    longest = max(_cells(reply) for reply in bare)
    width = max(columns - 1, 20)
    lines = []
    for reply, about in replies:
        line = reply + " " * (longest - _cells(reply))
        if about:
            room = width - _cells(line) - 4  # two spaces and the brackets
            if room >= 4:
                line += f"  ({about if _cells(about) <= room else about[: room - 1] + '…'})"
        lines.append(line + " " * max(0, width // 2 + 1 - _cells(line)))
    if _common_start(lines) != _common_start(bare):
        return bare
    return lines


def _click_args(words: list[str], typed: str) -> tuple[list[str], str, str]:
    """The arguments and the incomplete word Click completes, and what stays before the
    value (`--tag=`, when the option and its value are one word: `--tag=mo`)."""
    if typed.startswith("-") and "=" in typed:
        option, value = typed.split("=", 1)
        return [*words, option], option + "=", value
    return words, "", typed


def _clean(item: CompletionItem) -> tuple[str, str]:
    value = for_terminal(str(item.value), one_line=True)
    about = for_terminal(str(item.help or ""), one_line=True)
    return value, about


class _IptComplete(ShellComplete):
    def source_vars(self) -> dict[str, Any]:
        return {
            "complete_func": self.func_name,
            "complete_var": self.complete_var,
            "prog_name": self.prog_name,
        }

    def get_completion_args(self) -> tuple[list[str], str]:
        words, typed, _raw, _quote = split_line(os.environ.get("_IPT_LINE", ""))
        return words[1:], typed

    def format_completion(self, item: CompletionItem) -> str:
        value, about = _clean(item)
        return f"{value}\t{about}" if about else value

    def items(self) -> list[CompletionItem]:
        """What completes the typed word, whole: `--tag=movies / tv` for `--tag=mo`. zsh and
        fish insert a value as it is given (quoting only what their syntax needs), so a value
        holding a control or invisible character is left out: raw it would hide or reorder
        the command line, and as an escape it would match nothing (bash gets it ANSI-C
        quoted instead, BashComplete)."""
        words, typed = self.get_completion_args()
        args, stays, incomplete = _click_args(words, typed)
        return [
            CompletionItem(stays + str(item.value), item.type, help=item.help)
            for item in self.get_completions(args, incomplete)
            if for_terminal(str(item.value), one_line=True) == str(item.value)
        ]


class BashComplete(_IptComplete):
    name = "bash"
    source_template = BASH_SCRIPT

    def complete(self) -> str:
        words, typed, raw, quote = split_line(os.environ.get("_IPT_LINE", ""))
        args, stays, incomplete = _click_args(words[1:], typed)
        replies: dict[str, str] = {}  # each reply once, with its description
        for item in self.get_completions(args, incomplete):
            # The value as stored: bash_reply quotes it so that it matches, visibly.
            reply = bash_reply(stays + str(item.value), typed, raw, quote, os.environ.get("_IPT_WORD", ""))
            if reply is not None:
                replies.setdefault(reply, _clean(item)[1])
        try:
            columns = int(os.environ.get("_IPT_COLUMNS", ""))
        except ValueError:
            columns = 80
        return "\n".join(bash_lines(list(replies.items()), columns, os.environ.get("_IPT_COMP_TYPE", "")))


class ZshComplete(_IptComplete):
    name = "zsh"
    source_template = ZSH_SCRIPT

    def complete(self) -> str:
        return "\n".join(self.format_completion(item) for item in self.items())


class FishComplete(_IptComplete):
    name = "fish"
    source_template = FISH_SCRIPT

    def complete(self) -> str:
        items = self.items()
        if os.environ.get("_IPT_FISH_ASKS") == "any":  # the condition: exit 1 lets fish offer files
            sys.exit(0 if items else 1)
        return "\n".join(self.format_completion(item) for item in items)


SHELL_CLASSES: dict[str, type[_IptComplete]] = {
    "bash": BashComplete,
    "zsh": ZshComplete,
    "fish": FishComplete,
}


def register() -> None:
    """ipt's completion classes answer the shells' requests (instead of Typer's)."""
    for name, cls in SHELL_CLASSES.items():
        add_completion_class(cls, name)


def script(shell: str, complete_var: str) -> str:
    cls = SHELL_CLASSES[shell]
    return cls(None, {}, "ipt", complete_var).source().strip()  # type: ignore[arg-type]
