"""No pydantic plugin sees a record, and finding none costs no importlib.metadata import
(models/no_plugins.py). These fail when pydantic changes the private module it answers for."""

from pathlib import Path

import pydantic

from support import python_without_the_test_clock


def _pydantic_sources():
    root = Path(pydantic.__file__).parent
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in root.rglob("*.py")
    }


def test_pydantic_takes_only_get_plugins_from_its_loader():
    users = {
        name: [line.strip() for line in text.splitlines() if "_loader" in line]
        for name, text in _pydantic_sources().items()
        if "_loader" in text and name != "plugin/_loader.py"
    }
    assert users == {"plugin/_schema_validator.py": ["from ._loader import get_plugins"]}


def test_the_real_loader_honours_the_variable_ipt_sets():
    # read from pydantic's file: in this process ipt's stand-in may already answer the import
    source = (Path(pydantic.__file__).parent / "plugin" / "_loader.py").read_text(encoding="utf-8")
    assert "def get_plugins()" in source
    assert "os.getenv('PYDANTIC_DISABLE_PLUGINS')" in source and "'__all__'" in source


def test_validating_a_record_finds_no_plugins_without_importlib_metadata():
    out = python_without_the_test_clock(
        "import os, sys\n"
        "from ipt_journal.models import PersonIn, validate\n"
        "person = validate(PersonIn, {'name': 'Sam', 'relationship': 'friend'})\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "print(person.name, os.environ['PYDANTIC_DISABLE_PLUGINS'], 'importlib.metadata' in sys.modules,"
        " list(get_plugins()))"
    )
    assert out.strip() == "Sam __all__ False []"


def test_anything_else_asked_of_the_loader_comes_from_the_real_module():
    out = python_without_the_test_clock(
        "from ipt_journal.models import no_plugins\n"
        "import pydantic.plugin._loader as loader\n"
        "print(loader.PYDANTIC_ENTRY_POINT_GROUP)"
    )
    assert out.strip() == "pydantic"
