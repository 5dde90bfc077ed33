"""Write docs/reference.md from the commands' own --help, so the two never disagree.

python scripts/make_reference.py          # rewrite the file
python scripts/make_reference.py --check  # exit 1 if it is stale (the tests do this)
"""

import sys
from pathlib import Path

import typer

from ipt_journal.cli import app

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference.md"
HEADER = """# Command reference

Generated from `ipt --help` and each command's `--help` by
`python scripts/make_reference.py`; do not edit by hand.
"""


def _sections(command, path: list[str], parent=None):
    ctx = command.make_context(
        path[-1], [], parent=parent, resilient_parsing=True, terminal_width=80, max_content_width=80
    )
    yield f"\n## `{' '.join(path)}`\n\n```text\n{command.get_help(ctx)}\n```\n"
    for name in command.list_commands(ctx) if hasattr(command, "list_commands") else []:
        sub = command.get_command(ctx, name)
        if not sub.hidden:  # the one-line check-in is documented under `ipt checkin`
            yield from _sections(sub, [*path, name], ctx)


def render() -> str:
    return HEADER + "".join(_sections(typer.main.get_command(app), ["ipt"]))


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if REFERENCE.read_text(encoding="utf-8") != text:
            print(f"{REFERENCE} is stale: run python scripts/make_reference.py", file=sys.stderr)
            return 1
        return 0
    REFERENCE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
