"""The pick-several list behind `prompts.checkbox`: what each key does, and its screen.
Part of prompts.py's seam (wizards ask through `prompts.checkbox`, never through this).

questionary's checkbox takes Space as "tick" even while a filter is being typed, so typing
"Mary Jane" ticked the highlighted row at the space and left the filter "MaryJane", which
matched nothing and put the whole list back, where the next Space ticked the top row: a
person the user never picked was saved. Built here on prompt_toolkit's public API instead:

- typing finds: the list narrows to the rows containing what was typed, and once
  something is typed a space is part of it (names have spaces);
- Space ticks (or unticks) the highlighted row only while nothing is typed; Tab does at
  any time; Enter with something typed ticks the row it found. A row ticked after typing
  clears what was typed, so the next name can be typed;
- what was typed that matches nothing shows "no match", and no key ticks anything then;
- Enter with nothing typed is "done"; what is ticked is always listed under the rows.

`Checklist` holds the state and the rules (no terminal needed, so they are tested
directly); `ask` draws it and wires the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

HINT = "(Space ticks, type to find one, Enter when done)"
SELECTED, UNSELECTED, POINTER = "●", "○", "»"  # questionary's marks, as in every other list


@dataclass
class Checklist:
    labels: Sequence[str]
    ticked: set[int] = field(default_factory=set)  # indexes into labels
    most: int | None = None
    too_many: str = ""
    typed: str = ""
    pointer: int = 0  # index into matches()
    problem: str = ""  # said under the list until the next key

    def matches(self) -> list[int]:
        wanted = self.typed.strip().casefold()
        return [i for i, label in enumerate(self.labels) if wanted in label.casefold()]

    def highlighted(self) -> int | None:
        found = self.matches()
        return found[min(self.pointer, len(found) - 1)] if found else None

    def type(self, text: str) -> None:
        for character in text:
            if character == " " and not self.typed:
                self.toggle()  # Space with nothing typed: tick
            elif character.isprintable():
                self.typed += character
                self.pointer, self.problem = 0, ""

    def backspace(self) -> None:
        self.typed, self.pointer, self.problem = self.typed[:-1], 0, ""

    def clear(self) -> None:
        self.typed, self.pointer, self.problem = "", 0, ""

    def move(self, step: int) -> None:
        found = self.matches()
        if found:
            self.pointer = (min(self.pointer, len(found) - 1) + step) % len(found)
        self.problem = ""

    def toggle(self) -> None:
        """Tick or untick the highlighted row; with nothing highlighted (no match), nothing."""
        row = self.highlighted()
        if row is None:
            self.problem = self.no_match()
            return
        self.ticked ^= {row}
        self.problem = ""
        if self.typed:  # the list comes back whole, the ticked row highlighted, for the next name
            self.typed = ""
            self.pointer = row

    def toggle_all(self) -> None:
        everything = set(range(len(self.labels)))
        self.ticked = set() if self.ticked == everything else everything
        self.problem = ""

    def enter(self) -> bool:
        """True when the answer is complete; otherwise Enter ticked a found row, or said why not."""
        if self.typed:
            self.toggle()
            return False
        if self.most is not None and len(self.ticked) > self.most:
            self.problem = self.too_many or f"Tick {self.most} at most."
            return False
        return True

    def no_match(self) -> str:
        return f'No match for "{self.typed}": nothing is ticked. Backspace or Esc to change it.'

    def status(self) -> str:
        """The line under the rows: what the next key does, or what went wrong."""
        if self.problem:
            return self.problem
        if self.typed:
            row = self.highlighted()
            if row is None:
                return self.no_match()
            verb = "unticks" if row in self.ticked else "ticks"
            return f"Enter or Tab {verb} {self.labels[row]}; Esc clears what you typed."
        return ""

    def answer(self) -> str:
        """What is ticked, in list order, as the echo and the line under the rows say it."""
        return ", ".join(self.labels[i] for i in sorted(self.ticked)) or "none"


def ask(message: str, labels: Sequence[str], ticked: set[int], most: int | None, too_many: str) -> list[int]:
    """Show the list in the terminal until Enter is pressed with nothing typed; the indexes
    ticked, in list order. Ctrl-C raises KeyboardInterrupt (nothing saved)."""
    from prompt_toolkit.application import Application, get_app
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.layout import ConditionalContainer, Dimension, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from questionary.constants import DEFAULT_STYLE

    from ipt_journal.prompts import fit, fit_choice

    state = Checklist(labels, set(ticked), most, too_many)

    # Three parts, so a list taller than the terminal scrolls between the question and what
    # is ticked, and both stay in sight.
    def head() -> StyleAndTextTuples:
        width = get_app().output.get_size().columns
        if get_app().is_done:
            # What was ticked follows the question, as questionary's prompts echo their answer.
            answer = state.answer()
            question = f" {fit(message, width, answer)} "
            return [("class:qmark", "?"), ("class:question", question), ("class:answer", answer)]
        question = f" {fit(message, width, HINT)} "
        # The hint on a line of its own when it does not fit after the question, and broken
        # between words when it does not fit on one line either (a terminal breaks anywhere).
        hint = fit(HINT, width - 1, first=0) if question.endswith("\n ") else HINT
        lines: StyleAndTextTuples = [
            ("class:qmark", "?"),
            ("class:question", question),
            ("class:instruction", hint),
        ]
        if state.typed:
            lines += [("", "\n"), ("class:text", "  Find: "), ("class:answer", state.typed)]
        return lines

    def rows() -> StyleAndTextTuples:
        width = get_app().output.get_size().columns
        lines: StyleAndTextTuples = []
        row = state.highlighted()
        for index in state.matches():
            mark = SELECTED if index in state.ticked else UNSELECTED
            if index == row:  # the cursor's row, which the window scrolls to
                lines += [("class:pointer", f" {POINTER} "), ("[SetCursorPosition]", "")]
            else:
                lines.append(("", "   "))
            style = "class:selected" if index in state.ticked else "class:highlighted" if index == row else ""
            # Wrapped between words under its own words, past the pointer and the mark.
            label = fit_choice(f"{mark} {labels[index]}", len(POINTER) + 2, 2, width)
            lines += [(style, label), ("", "\n")]
        return lines[:-1]

    def foot() -> StyleAndTextTuples:
        width = get_app().output.get_size().columns
        lines: StyleAndTextTuples = []
        status = state.status()
        if status:
            lines += [("class:instruction", fit(status, width, first=0, indent=2)), ("", "\n")]
        return [*lines, ("class:text", fit(f"Ticked: {state.answer()}", width, first=0, indent=2))]

    def rows_height() -> Dimension:
        shown = len(state.matches())
        return Dimension(min=min(shown, 3), preferred=shown)

    showing = ~is_done
    layout = HSplit(
        [
            Window(FormattedTextControl(head), wrap_lines=True, dont_extend_height=True),
            ConditionalContainer(
                Window(FormattedTextControl(rows, show_cursor=False), wrap_lines=True, height=rows_height),
                filter=showing,
            ),
            ConditionalContainer(
                Window(FormattedTextControl(foot), wrap_lines=True, dont_extend_height=True), filter=showing
            ),
        ]
    )

    keys = KeyBindings()

    @keys.add(Keys.ControlC, eager=True)
    @keys.add(Keys.ControlQ, eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        if state.enter():
            event.app.exit(result=sorted(state.ticked))

    actions = {
        Keys.ControlI: state.toggle,  # Tab
        Keys.ControlA: state.toggle_all,
        Keys.Backspace: state.backspace,
        Keys.Escape: state.clear,
        Keys.ControlU: state.clear,
        Keys.Up: lambda: state.move(-1),
        Keys.ControlP: lambda: state.move(-1),
        Keys.Down: lambda: state.move(1),
        Keys.ControlN: lambda: state.move(1),
    }
    for key, action in actions.items():
        keys.add(key, eager=True)(lambda _event, action=action: action())

    @keys.add(Keys.Any)
    def _typed(event: KeyPressEvent) -> None:
        if len(event.data) == 1:  # a character, not an unbound key's escape sequence (F1, Home)
            state.type(event.data)

    @keys.add(Keys.BracketedPaste)
    def _pasted(event: KeyPressEvent) -> None:
        state.type(" ".join(event.data.split()))  # pasted lines are found as one; a paste never ticks

    application: Application[list[int]] = Application(
        layout=Layout(layout),
        key_bindings=keys,
        style=DEFAULT_STYLE,
    )
    return application.run()
