"""Orchestration: ingest -> nlp -> extract -> resolve -> store. (Being written: interface fixed.)"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from wirewatch.models import Document, Event


def extract_documents(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
    """Events of each document, merged within the document only (no store, no cross-story merge).

    Every event's `sources` holds the document's `doc_id` and `ref` (the input's own id).
    """
    raise NotImplementedError


def extract(text: str, published: date | str | None = None) -> list[Event]:
    """Events of one story text, for use from Python."""
    raise NotImplementedError
