"""The one small interface every extraction engine implements.

Engines are compared on the same gold data (`wirewatch evaluate`), so the rest of the pipeline
(resolve, store, export) must not care which engine produced an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from wirewatch.models import Document, Event


class Engine(Protocol):
    """Turns documents into event candidates (before cross-story merging)."""

    name: str

    def extract(self, doc: Document) -> list[Event]:
        """Events of one document, each with evidence spans into `doc.text`."""
        ...

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Batched form of `extract`; engines that batch (spaCy's `pipe`) override it."""
        ...
