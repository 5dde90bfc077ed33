"""The docs say what the code does."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_readme_has_exactly_two_setup_commands():
    install, test = readme_commands()
    assert install.endswith("pip install . && ipt")
    assert "'.[test]'" in test and "pytest" in test


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_command_reference_is_up_to_date():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_reference.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_user_guide_covers_every_command():
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    for command in re.findall(r"^## `ipt (.+)`$", reference, flags=re.M):
        assert f"ipt {command}" in guide, command


def test_lowest_versions_file_pins_each_lower_bound_of_pyproject():
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    requirements = (
        project["dependencies"]
        + [r for extra in project["optional-dependencies"].values() for r in extra]
        + pyproject["build-system"]["requires"]  # the build backend too: a wheel is built with it
    )
    bounds = {}
    for requirement in requirements:
        name, lowest = re.match(r"([\w-]+)>=([\d.]+)", requirement).groups()
        bounds[name] = lowest
    pinned = {}
    for line in (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name] = version.removesuffix(".*")
    assert pinned == bounds
