"""The one module that reaches into Typer's private parts.

Typer 0.27 bundles its own copy of Click as `typer._click` and exports none of the pieces
below publicly: the number types its options are made of (cli/numbers.py subclasses them),
the error Click raises for an unknown command (cli/__init__.py adds a suggestion to it)
and the classes its root group's methods are typed with,
and shell completion's registration and scripts (cli/completion.py). Nothing is patched:
these are imported or subclassed here, and only here. tests/test_framework.py pins each
behaviour ipt relies on, so an upgrade that changes one fails there; pyproject.toml caps
typer for the same reason.
"""

from typer._click.core import Command, Context
from typer._click.exceptions import UsageError
from typer._click.formatting import HelpFormatter
from typer._click.shell_completion import CompletionItem
from typer._click.types import FloatParamType, IntParamType, ParamType

__all__ = [
    "Command",
    "CompletionItem",
    "Context",
    "HelpFormatter",
    "FloatParamType",
    "IntParamType",
    "ParamType",
    "UsageError",
    "completion_script",
    "switch_on_completion",
]


def switch_on_completion() -> None:
    """Register Typer's bash, zsh and fish completion classes (only when the shell asks)."""
    from typer._completion_classes import completion_init

    completion_init()


def completion_script(shell: str, prog_name: str, complete_var: str) -> str:
    """The script a shell sources to complete `prog_name`."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)
