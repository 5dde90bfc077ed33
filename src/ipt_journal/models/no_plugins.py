"""No pydantic plugin ever sees a record; imported by models/base.py before any model.

A pydantic plugin sees every value validated, so one installed for another program (an
observability SDK, say) would see journal text. PYDANTIC_DISABLE_PLUGINS=__all__ makes
pydantic (2.7 and later) load none.

Pydantic still imports importlib.metadata to read that variable, with the first validation:
about 12 ms on every command that validates (measured: `python -X importtime`, the best of
ten runs, after typer, rich and pydantic are loaded), against a check-in's 230 ms. So the
lookup is answered here before it is made: a stand-in for its private module
`pydantic.plugin._loader` whose `get_plugins` finds none. Should pydantic ask that module
for anything else, the real one answers. tests/test_no_plugins.py fails when pydantic
changes what it takes from the module, or when the stand-in is no longer used.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"


def _no_plugins() -> tuple[()]:
    return ()


def _from_the_real_module(attribute: str) -> Any:
    if attribute.startswith("__"):  # the import system asking what kind of module this is
        raise AttributeError(attribute)
    sys.modules.pop(LOADER, None)
    return getattr(importlib.import_module(LOADER), attribute)


def disable() -> None:
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    if LOADER in sys.modules:
        return
    loader = types.ModuleType(LOADER)
    setattr(loader, "get_plugins", _no_plugins)  # noqa: B010  (a module made here, not pydantic's)
    setattr(loader, "__getattr__", _from_the_real_module)  # noqa: B010
    sys.modules[LOADER] = loader


disable()
