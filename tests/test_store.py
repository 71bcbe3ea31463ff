"""The store on real SQLite files: round trips, idempotence, filters, transactions, bad files."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from wirewatch.errors import StoreError
from wirewatch.models import Claim, Document, Event, Evidence, Source
from wirewatch.store import SCHEMA_VERSION, Store


def make_doc(text: str = "Jets struck rebel-held lines in Hama.", **kw: object) -> Document:
    from wirewatch.ingest import document_from_text

    return document_from_text(text, **kw)  # type: ignore[arg-type]


def make_event(event_id: str = "e1", **kw: object) -> Event:
    base: dict[str, object] = {
        "event_id": event_id,
        "event_date": date(2024, 12, 2),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Syria",
        "actor2": "Hayat Tahrir al-Sham",
        "country": "Syria",
        "admin1": "Hama",
        "location": "Hama",
        "latitude": 35.13,
        "longitude": 36.75,
        "fatalities": 400,
        "claims": (
            Claim("Syrian military", 400, "killed 400 insurgents", doc_id="d1", start=5, end=26),
            Claim("war monitor", 120, "killed 120 fighters", doc_id="d2"),
        ),
        "sources": (
            Source("d1", ref="S1", publisher="AP", url="https://x/a", published=date(2024, 12, 2)),
            Source("d2", publisher="Reuters"),
        ),
        "evidence": (
            Evidence("d1", 0, 26, "jets on Sunday pounded", field="event"),
            Evidence("d1", 30, 34, "Hama", field="location"),
        ),
        "notes": 'Said <script>alert("x")</script>, "quoted".',
        "confidence": 0.8,
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "sub" / "w.db") as opened:
        yield opened


def test_schema_is_versioned_and_wal(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with Store(store.path) as again:  # reopening applies nothing twice
        assert again.schema_version == SCHEMA_VERSION


def test_event_round_trip_with_children(store: Store) -> None:
    event = make_event()
    assert store.upsert_events([event]) == 1
    assert store.get_event("e1") == event
    assert store.get_event("nope") is None
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM event_sources").fetchone()[0] == 2
    assert conn.execute('SELECT "end", field FROM evidence ORDER BY start').fetchall() == [
        (26, "event"),
        (34, "location"),
    ]
    claims = conn.execute("SELECT claimant, number FROM claims ORDER BY number").fetchall()
    assert claims == [("war monitor", 120), ("Syrian military", 400)]


def test_documents(store: Store) -> None:
    doc = make_doc(published=date(2024, 12, 2), title="T", publisher="AP", ref="r", origin="f")
    assert not store.has_document(doc.doc_id)
    assert store.add_document(doc) is True
    assert store.add_document(doc) is False
    assert store.has_document(doc.doc_id)
    assert store.document(doc.doc_id) == doc
    assert store.document("missing") is None
    assert store.count_documents() == 1


def test_rerunning_a_batch_adds_nothing(store: Store) -> None:
    doc = make_doc()
    events = [make_event("e1"), make_event("e2", event_date=date(2024, 12, 1))]
    for expected_new in (2, 0):
        with store.transaction():
            store.add_document(doc)
            assert store.upsert_events(events) == expected_new
    assert store.count_events() == 2 and store.count_documents() == 1
    changed = make_event("e1", fatalities=5, claims=(), evidence=())
    assert store.upsert_events([changed]) == 0
    assert store.get_event("e1") == changed
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM claims WHERE event_id = 'e1'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM event_sources").fetchone()[0] == 4


def test_filters(store: Store) -> None:
    store.upsert_events(
        [
            make_event("a", event_date=date(2024, 11, 29), event_type="Battles"),
            make_event("b", event_date=date(2024, 12, 2)),
            make_event(
                "c",
                event_date=date(2024, 12, 5),
                country="Ukraine",
                actor1="Military Forces of Russia",
                actor2="Civilians (Ukraine)",
                latitude=49.99,
                longitude=36.23,
            ),
            make_event("d", event_date=None, latitude=None, longitude=None, actor1="100%_odd"),
            make_event("e", event_date=date(2024, 12, 2), latitude=-17.0, longitude=179.5),
        ]
    )

    def ids(**kw: object) -> list[str]:
        return [e.event_id for e in store.events(**kw)]  # type: ignore[arg-type]

    assert ids() == ["a", "b", "e", "c", "d"]
    assert ids(since=date(2024, 12, 1), until=date(2024, 12, 2)) == ["b", "e"]
    assert ids(event_type="battles") == ["a"]
    assert ids(country="ukraine") == ["c"]
    assert ids(actor="russia") == ["c"]
    assert ids(actor="tahrir") == ["a", "b", "e", "d"]
    assert ids(actor="%_") == ["d"]
    assert ids(bbox=(36.0, 35.0, 37.0, 36.0)) == ["a", "b"]
    assert ids(bbox=(179.0, -20.0, -179.0, -10.0)) == ["e"]
    assert ids(limit=2) == ["a", "b"]
    assert ids(limit=2, offset=2) == ["e", "c"]
    assert ids(offset=3) == ["c", "d"]
    assert [e.event_id for e in store.candidates(date(2024, 12, 2), date(2024, 12, 5))] == [
        "b",
        "e",
        "c",
    ]
    with pytest.raises(ValueError, match="bbox"):
        store.events(bbox=(0.0, 10.0, 1.0, 5.0))


def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_document(make_doc())
        store.upsert_events([make_event()])
        raise RuntimeError("engine crashed mid-batch")
    assert store.count_events() == 0 and store.count_documents() == 0
    with store.transaction():
        store.upsert_events([make_event("kept")])
        with pytest.raises(RuntimeError), store.transaction():
            store.upsert_events([make_event("dropped")])
            raise RuntimeError
    assert [e.event_id for e in store.events()] == ["kept"]


def test_not_a_sqlite_file(tmp_path: Path) -> None:
    bogus = tmp_path / "events.db"
    bogus.write_text("this is a CSV, not a database\n" * 50)
    with pytest.raises(StoreError, match=r"W401.*events\.db.*not a SQLite database"):
        Store(bogus)


def test_path_that_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="choose a path"):
        Store(blocker / "w.db")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="upgrade wirewatch"):
        Store(path)


def test_in_memory_store() -> None:
    with Store(":memory:") as store:
        store.upsert_events([make_event()])
        assert store.count_events() == 1
