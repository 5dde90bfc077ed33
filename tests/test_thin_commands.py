"""Commands are thin: every question is asked in wizards/ (or prompts.py), never in cli/."""

import re
from pathlib import Path

CLI = Path(__file__).resolve().parent.parent / "src" / "ipt_journal" / "cli"
ASKS = re.compile(r"\bprompts\.\w+\(|^\s*(from|import) questionary\b")


def test_no_command_module_asks_a_question_itself():
    asking = {
        path.name: [line.strip() for line in path.read_text().splitlines() if ASKS.search(line)]
        for path in CLI.glob("*.py")
    }
    # The one exception: the per-run context's yes/no before a removal, shared by every
    # `remove` command (`Session.confirm`).
    assert {name: lines for name, lines in asking.items() if lines} == {
        "context.py": ["return prompts.confirm(question, default=False)"]
    }
