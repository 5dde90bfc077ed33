"""The folders are the map: what sits at the top of the package, and docs/architecture.md
naming only files that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ipt_journal"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# Shared by everything; anything else belongs in a package by concern.
TOP_LEVEL = {
    "__init__.py",
    "__main__.py",
    "config.py",
    "entry.py",
    "editor.py",
    "errors.py",
    "output.py",
    "paths.py",
    "prompts.py",
    "questions.py",
    "remind.py",
}


def test_the_top_level_holds_only_what_everything_shares():
    assert {path.name for path in PACKAGE.glob("*.py")} == TOP_LEVEL


def test_every_package_has_a_docstring_saying_what_lives_there():
    for init in PACKAGE.glob("*/__init__.py"):
        text = init.read_text()
        assert text.startswith('"""'), init


def test_architecture_opens_with_the_map_of_every_package():
    text = ARCHITECTURE.read_text()
    opening = text[: text.index("## Layers")]
    packages = sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))
    for package in packages:
        assert f"| `{package}/` |" in opening, package


def test_every_path_architecture_names_exists():
    named = set(re.findall(r"`([\w/.<>-]+(?:\.py|/))`", ARCHITECTURE.read_text()))
    assert len(named) > 40
    every_module = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}
    every_folder = {p.relative_to(PACKAGE).as_posix() + "/" for p in PACKAGE.rglob("*") if p.is_dir()}
    missing = []
    for name in named:
        if "<" in name:  # a pattern such as render/<family>.py
            continue
        if (ROOT / name).exists() or name in every_module or name in every_folder:
            continue
        if "/" not in name and any(module.endswith("/" + name) for module in every_module):
            continue  # a module named inside its package's paragraph or table
        missing.append(name)
    assert missing == []


def test_wizards_ask_but_import_no_command_typer_or_rich():
    banned = re.compile(r"^\s*(from|import) (ipt_journal\.cli\b|typer\b|rich\b)", re.M)
    modules = list((PACKAGE / "wizards").glob("*.py"))
    assert len(modules) > 5
    assert [(m.name, banned.search(m.read_text())) for m in modules if banned.search(m.read_text())] == []
