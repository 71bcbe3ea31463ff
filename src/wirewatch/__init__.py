"""wirewatch: news stories about armed conflict in, a sourced, geocoded event dataset out.

The public Python API; the CLI only calls these::

    import wirewatch
    events = wirewatch.extract(text, published="2024-12-02")
    with wirewatch.Store("events.db") as store:
        wirewatch.run(["stories/"], store)
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Document", "Event", "Store", "__version__", "extract", "extract_documents", "run"]

if TYPE_CHECKING:
    from wirewatch.models import Document, Event
    from wirewatch.pipeline import extract, extract_documents, run
    from wirewatch.store import Store


def __getattr__(name: str) -> Any:
    """Import lazily, so `import wirewatch` stays fast and loads no NLP model."""
    if name in {"extract", "extract_documents", "run"}:
        from wirewatch import pipeline

        return getattr(pipeline, name)
    if name == "Store":
        from wirewatch.store import Store

        return Store
    if name in {"Document", "Event"}:
        from wirewatch import models

        return getattr(models, name)
    raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")


class _Package(types.ModuleType):
    """The package object, guarding the API name `extract` against the submodule of that name.

    Importing `wirewatch.extract` (the rule engine) makes the import system bind the module to the
    package's `extract` attribute, which would shadow the function `wirewatch.extract(text, ...)`
    for the rest of the process. The submodule stays reachable through `sys.modules` and
    `from wirewatch.extract import ...`.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)

    def __getattribute__(self, name: str) -> Any:
        if name == "extract":
            from wirewatch import pipeline

            return pipeline.extract
        return super().__getattribute__(name)


sys.modules[__name__].__class__ = _Package
