"""What ipt takes from Typer's private parts (cli/framework.py), pinned: an upgrade that
changes one of these fails here first. pyproject.toml caps typer for the same reason."""

import pytest
import typer

from ipt_journal.cli import framework
from ipt_journal.cli.completion import COMPLETE_VAR


def _param_type(annotation):
    demo = typer.Typer()

    @demo.command()
    def run(value: annotation = 1) -> None:  # type: ignore[valid-type]
        pass

    return typer.main.get_command(demo).params[0].type


def test_typer_builds_int_and_float_options_from_the_types_numbers_subclasses():
    # cli/numbers.py swaps exactly these classes for its strict ones.
    assert type(_param_type(int)) is framework.IntParamType
    assert type(_param_type(float)) is framework.FloatParamType
    assert issubclass(framework.IntParamType, framework.ParamType)


def test_a_bad_number_fails_with_the_error_typer_exports():
    # StrictInt and StrictFloat fail through ParamType.fail: Typer shows it as a usage error.
    with pytest.raises(typer.BadParameter, match="'x' is not a valid int"):
        framework.IntParamType().convert("x", None, None)


def test_an_unknown_command_raises_the_usage_error_ipt_adds_its_suggestion_to(ipt):
    result = ipt("chekin")
    assert result.exit_code == 2
    assert "No such command 'chekin'" in result.stderr
    assert "Did you mean 'checkin'" in result.stderr
    assert issubclass(typer.BadParameter, framework.UsageError)


def test_completion_scripts_come_from_typers_templates():
    framework.switch_on_completion()
    bash = framework.completion_script("bash", prog_name="ipt", complete_var=COMPLETE_VAR)
    assert f"{COMPLETE_VAR}=complete_bash" in bash
    assert "complete -o default -F" in bash
    assert "compdef" in framework.completion_script("zsh", prog_name="ipt", complete_var=COMPLETE_VAR)
    fish = framework.completion_script("fish", prog_name="ipt", complete_var=COMPLETE_VAR)
    assert "complete --command ipt" in fish
