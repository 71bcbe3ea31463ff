"""Orchestration: ingest -> nlp -> extract -> resolve -> store.

The CLI, the HTTP API and the batch runner all call these functions; none holds pipeline logic of
its own. One batch of documents is one store transaction, so an interrupted run leaves the store as
it was before the batch, and a document already stored is never processed twice (idempotence).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wirewatch.models import Document, Event, Skipped
from wirewatch.resolve import merge_into

if TYPE_CHECKING:
    from wirewatch.engine import Engine
    from wirewatch.store import Store

log = logging.getLogger(__name__)

BATCH_SIZE = 64
# Stored events this many days either side of a batch's dates are merge candidates.
MERGE_WINDOW_DAYS = 31


@dataclass(slots=True)
class RunReport:
    """What a run did, for the CLI's summary and for callers that check it."""

    documents: int = 0
    new_documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    events_written: int = 0
    seconds: float = 0.0


@functools.lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The rule engine with the packaged gazetteer, built once per process."""
    from wirewatch.extract import RuleEngine

    return RuleEngine()


def extract_documents(
    docs: Iterable[Document], engine: Engine | None = None
) -> Iterator[tuple[Document, list[Event]]]:
    """Events of each document, merged within the document only (no store, no cross-story merge).

    Every event's `sources` holds the document's `doc_id` and `ref` (the input's own id).
    """
    yield from (engine or default_engine()).extract_many(docs)


def extract(
    text: str,
    published: date | str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> list[Event]:
    """Events of one story text, for use from Python: ``wirewatch.extract(text, published=...)``."""
    from wirewatch.ingest import document_from_text

    doc = document_from_text(text, published=published, title=title, url=url, publisher=publisher)
    return next(extract_documents([doc]))[1]


def _batches(items: Iterable[Document | Skipped], size: int) -> Iterator[list[Document | Skipped]]:
    batch: list[Document | Skipped] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    inputs: Sequence[str],
    store: Store,
    *,
    engine: Engine | None = None,
    on_progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> RunReport:
    """Ingest `inputs`, extract events, merge them with the store's and write them.

    `on_progress(n)` is called after each batch with the number of stories it held.
    """
    from wirewatch.ingest import read_inputs

    report = RunReport()
    started = time.perf_counter()
    eng = engine or default_engine()
    seen: set[str] = set()
    for batch in _batches(read_inputs(inputs), batch_size):
        docs: list[Document] = []
        for item in batch:
            if isinstance(item, Skipped):
                report.skipped.append(item)
                log.warning("skipped %s: %s", item.origin, item.reason)
                continue
            report.documents += 1
            if item.doc_id in seen or store.has_document(item.doc_id):
                continue
            seen.add(item.doc_id)
            docs.append(item)
        if docs:
            report.events_written += _process(docs, store, eng)
            report.new_documents += len(docs)
        if on_progress is not None:
            on_progress(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def _process(docs: list[Document], store: Store, engine: Engine) -> int:
    """Extract one batch and write it in one transaction; returns the events written."""
    new_events: list[Event] = []
    for _doc, events in engine.extract_many(docs):
        new_events.extend(events)
    dated = [e.event_date for e in new_events if e.event_date]
    existing: list[Event] = []
    if dated:
        window = timedelta(days=MERGE_WINDOW_DAYS)
        existing = store.candidates(min(dated) - window, max(dated) + window)
    to_write, _unchanged = merge_into(existing, new_events)
    with store.transaction():
        for doc in docs:
            store.add_document(doc)
        store.upsert_events(to_write)
    return len(to_write)
