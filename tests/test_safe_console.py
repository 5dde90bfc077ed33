"""Every screen shows journal text, never runs it: SafeConsole escapes what a terminal would
act on, through Rich's public render hook, in tables, long lines and live displays alike."""

import io

from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from ipt_journal.render.common import PlainConsole, SafeConsole

ESC = "\x1b"


def console(width: int = 40, colour: bool = True, console_class: type[Console] = SafeConsole):
    buffer = io.StringIO()
    made = console_class(
        file=buffer,
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    return made, buffer


def test_text_in_a_table_and_a_line_is_shown_escaped_while_rich_keeps_its_colours():
    shown, buffer = console()
    table = Table("Name")
    table.add_row(Text(f"Sam{ESC}[2J", style="bold"))
    table.add_row("Sa\u202em")
    shown.print(table)
    shown.print(f"note {ESC}]52;c;aGk=", style="underline")
    out = buffer.getvalue()
    assert "Sam\\x1b[2J" in out and "Sa\\u202em" in out and "note \\x1b]52;c;aGk=" in out
    assert "\u202e" not in out and f"{ESC}[2J" not in out and f"{ESC}]52" not in out
    assert f"{ESC}[1m" in out and f"{ESC}[4m" in out  # bold and underlined: Rich's own styles still reach it


def test_a_line_the_escapes_widen_past_the_edge_goes_on_rather_than_being_cropped():
    shown, buffer = console(width=20, colour=False)
    shown.print("a" * 18 + f"{ESC}{ESC}end")  # Rich measures ESC as nothing: it fitted before
    lines = buffer.getvalue().splitlines()
    assert "".join(lines) == "a" * 18 + "\\x1b\\x1bend"
    assert all(len(line) <= 20 for line in lines)


def test_a_live_display_pushed_after_the_console_was_made_is_escaped_too():
    shown, buffer = console()
    with Live(Text(f"breathe{ESC}[2J"), console=shown, auto_refresh=False) as live:
        live.refresh()
    shown.print(f"after{ESC}[H")  # the live display's hook is gone, ours is still there
    out = buffer.getvalue()
    assert "breathe\\x1b[2J" in out and "after\\x1b[H" in out
    assert f"{ESC}[2J" not in out and f"{ESC}[H" not in out


def test_the_plain_console_escapes_too_and_draws_no_box_lines():
    shown, buffer = console(colour=False, console_class=PlainConsole)
    table = Table("Name")
    table.add_row(f"Kim{ESC}[2J")
    shown.print(table)
    out = buffer.getvalue()
    assert "Kim\\x1b[2J" in out and ESC not in out and "━" not in out


def test_only_rich_public_methods_are_overridden():
    # "Never patch a library's private internals": a private Console method (such as
    # _render_buffer) overridden here would break silently on a Rich upgrade.
    for made in (SafeConsole, PlainConsole):
        overridden = [name for name in vars(made) if hasattr(Console, name) and not name.startswith("__")]
        assert overridden and all(not name.startswith("_") for name in overridden), overridden
