"""ipt installs like a real tool: a wheel built with the lowest hatchling pyproject.toml
allows installs and runs, the sdist is clean, and the README reads well on an index page."""

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from support import assert_user_error

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
NOT_SHIPPED = (
    ".venv*",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "dist",
    "build",
    "out",
    "mutants",
    "*.db*",
)
# Everything the sdist may hold (`*` stays within a folder, `**/` spans any depth): a file
# that fits none of these is shipped by mistake, a secret or a stray output as like as not.
SHIPPED = (
    "PKG-INFO",
    "pyproject.toml",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    ".gitignore",  # hatchling ships it whatever the exclude list says
    "src/ipt_journal/**/*.py",
    "tests/**/*.py",
    "docs/*.md",
    "scripts/*.py",
    "benchmarks/*.py",
)


def shipped(name: str) -> bool:
    for pattern in SHIPPED:
        regex = re.escape(pattern).replace(r"\*\*/", "(?:[^/]+/)*").replace(r"\*", "[^/]*")
        if re.fullmatch(regex, name):
            return True
    return False


def lowest(name: str) -> str:
    for line in (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{name}=="):
            return line.split("==")[1]
    raise AssertionError(f"{name} is not in .ci/lowest.txt")


def registry_env() -> dict:
    """pip, and only pip, reaches the package registry: without the tests' network guard."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


# The whole file on one worker: one wheel built for the module is built once, not once per worker.
pytestmark = pytest.mark.xdist_group("packaging")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The project built by the lowest allowed hatchling, in a venv of its own."""
    tmp = tmp_path_factory.mktemp("packaging")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, f"hatchling=={lowest('hatchling')}"], check=True, env=registry_env())
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SHIPPED))
    subprocess.run([str(python), "-m", "hatchling", "build"], cwd=source, check=True, capture_output=True)
    (wheel,) = (source / "dist").glob("*.whl")
    (sdist,) = (source / "dist").glob("*.tar.gz")
    return {"venv": venv, "pip": pip, "wheel": wheel, "sdist": sdist, "tmp": tmp}


def test_a_wheel_built_with_the_lowest_hatchling_installs_and_runs(built):
    with zipfile.ZipFile(built["wheel"]) as wheel:
        metadata = next(wheel.read(n).decode() for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert "License-File: LICENSE" in metadata and "License-Expression: MIT" in metadata
    for version in ("3.11", "3.12", "3.13"):
        assert f"Classifier: Programming Language :: Python :: {version}" in metadata
    assert "Project-URL: Source, " in metadata
    subprocess.run([*built["pip"], str(built["wheel"])], check=True, env=registry_env())
    ipt = built["venv"] / "bin" / "ipt"
    journal = built["tmp"] / "journal.db"
    version = subprocess.run([str(ipt), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("ipt-journal ")
    saved = subprocess.run(
        [str(ipt), "--db", str(journal), "checkin", "--mood", "6", "--note", "from the wheel"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert saved.returncode == 0, saved.stderr
    listed = subprocess.run(
        [str(ipt), "--db", str(journal), "checkin", "list", "--json"], capture_output=True, text=True
    )
    assert "from the wheel" in listed.stdout


def test_the_sdist_ships_only_what_is_on_its_list(built):
    with tarfile.open(built["sdist"]) as sdist:
        names = [member.name.split("/", 1)[1] for member in sdist.getmembers() if member.isfile()]
    assert [name for name in names if not shipped(name)] == []
    assert {"LICENSE", "README.md", "pyproject.toml", "src/ipt_journal/cli/__init__.py"} <= set(names)
    assert "tests/test_packaging.py" in names and "docs/user-guide.md" in names
    assert "tests/no_network/sitecustomize.py" in names and "scripts/make_reference.py" in names


@pytest.mark.parametrize(
    "name",
    [
        ".ci/run",
        "benchmarks/out/report.txt",
        "journal.db",
        "export.csv",
        "mutants/x.py",
        "src/ipt_journal/notes.txt",
        "docs/draft.docx",
        "tests/journal.db",
        ".venv/bin/python",
    ],
)
def test_the_list_refuses_what_should_not_ship(name):
    assert not shipped(name)


@pytest.mark.parametrize(
    "name", ["src/ipt_journal/cli/search.py", "src/ipt_journal/a/b/c.py", "tests/no_network/network_guard.py"]
)
def test_the_list_takes_the_package_at_any_depth(name):
    assert shipped(name)


def test_readme_links_work_on_a_package_index_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    source = PROJECT["project"]["urls"]["Source"]
    links = re.findall(r"\]\(([^)\s]+)\)", readme)
    assert links
    for link in links:
        assert link.startswith(("https://", "#")), link
        if "/blob/" in link:
            assert link.startswith(f"{source}/blob/main/"), link
            assert (ROOT / link.split("/blob/main/", 1)[1].split("#")[0]).exists(), link


def test_the_encryption_extra_hint_speaks_to_pip_and_pipx(ipt, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # installed without the extra
    result = ipt("encrypt", "--yes")
    assert_user_error(result, "pip install '.[encryption]'", "pipx install --force '.[encryption]'", code=1)
