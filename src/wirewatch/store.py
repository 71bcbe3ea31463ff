"""Where documents and events live between runs.

The store is what makes re-running a batch harmless: documents are keyed by the hash of their text
and events by their id, so the same input adds nothing the second time. A batch (its documents and
the events taken from them) is written in one transaction, so a crash never leaves events whose
documents are missing.

Each event is kept whole as JSON (`data`, the `Event.to_dict()` shape) so nothing is lost, and its
most-queried fields are copied into indexed columns so the filters stay fast. Sources, evidence and
claims also get their own tables so they can be joined and counted.

The SQL is kept to what SQLite and PostgreSQL share (`ON CONFLICT`, `LIMIT`/`OFFSET`, `lower()`,
`SAVEPOINT`); everything SQLite-specific sits in `_SQLite`, so a PostgreSQL back end is one more
such class.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.models import Document, Event

# Each migration is a list of statements, applied in order, once. Never edit a released one:
# append a new one, so that existing databases are brought forward step by step.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            ref TEXT,
            origin TEXT,
            url TEXT,
            title TEXT,
            publisher TEXT,
            published TEXT,
            dateline TEXT,
            language TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            event_date TEXT,
            event_type TEXT,
            sub_event_type TEXT,
            country TEXT,
            admin1 TEXT,
            location TEXT,
            actor1 TEXT,
            actor2 TEXT,
            latitude REAL,
            longitude REAL,
            fatalities INTEGER,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX events_type ON events (event_type)",
        "CREATE INDEX events_country ON events (country)",
        "CREATE INDEX events_place ON events (latitude, longitude)",
        """CREATE TABLE event_sources (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            PRIMARY KEY (event_id, doc_id)
        )""",
        "CREATE INDEX event_sources_doc ON event_sources (doc_id)",
        """CREATE TABLE evidence (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            field TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX evidence_event ON evidence (event_id)",
        """CREATE TABLE claims (
            event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
            claimant TEXT,
            number INTEGER,
            text TEXT NOT NULL,
            doc_id TEXT NOT NULL
        )""",
        "CREATE INDEX claims_event ON claims (event_id)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_EVENT_COLUMNS = (
    "event_id", "event_date", "event_type", "sub_event_type", "country", "admin1", "location",
    "actor1", "actor2", "latitude", "longitude", "fatalities", "data",
)  # fmt: skip
_DOCUMENT_COLUMNS = (
    "doc_id", "ref", "origin", "url", "title", "publisher", "published", "dateline", "language",
    "text", "ingested_at",
)  # fmt: skip

BBox = tuple[float, float, float, float]


class _SQLite:
    """Everything about the store that only SQLite does: connecting, pragmas, paging."""

    placeholder = "?"

    @staticmethod
    def connect(path: str) -> sqlite3.Connection:
        target = path
        if path != ":memory:":
            file = Path(path)
            if file.is_dir():
                raise StoreError(
                    f"cannot open the database {path}: it is a folder; give a file path"
                )
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create the folder for the database {path} ({exc.strerror}); "
                    "choose a path you may write to"
                ) from exc
            target = str(file)
        try:
            # Autocommit: the store opens its own transactions, explicitly, with BEGIN.
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the database {path} ({exc}); check the path and its permissions"
            ) from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            # Reading the schema is what tells a SQLite file from anything else.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise StoreError(
                    f"{path} is not a SQLite database (SQLite says: {exc}); give another path, "
                    "or move that file away and run again"
                ) from exc
            raise StoreError(
                f"cannot open the database {path} ({exc}); check that you may write to it"
            ) from exc
        return conn

    @staticmethod
    def limit_clause(limit: int | None, offset: int) -> tuple[str, list[Any]]:
        if limit is None and not offset:
            return "", []
        # SQLite needs a LIMIT before OFFSET; -1 means none (PostgreSQL would say LIMIT ALL).
        return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


class Store:
    """The event database. Use as a context manager, or call `close()`.

    Safe to share between threads (one connection, serialised by a lock), which is what a small
    HTTP server needs; a large deployment wants the PostgreSQL back end instead.
    """

    def __init__(self, path: str | Path = "wirewatch.db") -> None:
        self.path = str(path)
        self._dialect = _SQLite
        self._conn = self._dialect.connect(self.path)
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self._migrate()
        except StoreError:
            self._conn.close()
            raise
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(
                f"cannot set up the database {self.path} ({exc}); check that it is a wirewatch "
                "database and that you may write to it"
            ) from exc

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One batch, all or nothing; nested calls become savepoints inside the outer one."""
        with self._lock:
            name = f"sp{self._depth}"
            self._run("BEGIN" if self._depth == 0 else f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._run("ROLLBACK")
                else:
                    self._run(f"ROLLBACK TO SAVEPOINT {name}")
                    self._run(f"RELEASE SAVEPOINT {name}")
                raise
            self._depth -= 1
            self._run("COMMIT" if self._depth == 0 else f"RELEASE SAVEPOINT {name}")

    @property
    def schema_version(self) -> int:
        row = self._one("SELECT max(version) FROM schema_version")
        return int(row[0]) if row and row[0] is not None else 0

    # -- documents -----------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self._one("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]) is not None

    def add_document(self, doc: Document) -> bool:
        """Store a document; False when it is already there (same text, same id)."""
        row = {
            "doc_id": doc.doc_id,
            "ref": doc.ref,
            "origin": doc.origin,
            "url": doc.url,
            "title": doc.title,
            "publisher": doc.publisher,
            "published": doc.published.isoformat() if doc.published else None,
            "dateline": doc.dateline,
            "language": doc.language,
            "text": doc.text,
            "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        names = ", ".join(_DOCUMENT_COLUMNS)
        marks = ", ".join("?" for _ in _DOCUMENT_COLUMNS)
        with self.transaction():
            cursor = self._run(
                f"INSERT INTO documents ({names}) VALUES ({marks}) ON CONFLICT (doc_id) DO NOTHING",
                [row[c] for c in _DOCUMENT_COLUMNS],
            )
            return cursor.rowcount == 1

    def document(self, doc_id: str) -> Document | None:
        row = self._one(
            "SELECT doc_id, text, published, title, url, publisher, dateline, language, origin, "
            "ref "
            "FROM documents WHERE doc_id = ?",
            [doc_id],
        )
        if row is None:
            return None
        return Document(
            doc_id=row[0],
            text=row[1],
            published=date.fromisoformat(row[2]) if row[2] else None,
            title=row[3],
            url=row[4],
            publisher=row[5],
            dateline=row[6],
            language=row[7] or "und",
            origin=row[8],
            ref=row[9],
        )

    def count_documents(self) -> int:
        row = self._one("SELECT count(*) FROM documents")
        return int(row[0]) if row else 0

    # -- events --------------------------------------------------------------------------------

    def upsert_events(self, events: Iterable[Event]) -> int:
        """Insert or replace events by id, rewriting their sources, evidence and claims.

        Returns how many were new, so a re-run of the same batch reports 0.
        """
        new = 0
        names = ", ".join(_EVENT_COLUMNS)
        marks = ", ".join("?" for _ in _EVENT_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _EVENT_COLUMNS if c != "event_id")
        upsert = (
            f"INSERT INTO events ({names}) VALUES ({marks}) "
            f"ON CONFLICT (event_id) DO UPDATE SET {updates}"
        )
        with self.transaction():
            for event in events:
                if self._one("SELECT 1 FROM events WHERE event_id = ?", [event.event_id]) is None:
                    new += 1
                self._run(upsert, _event_row(event))
                self._write_children(event)
        return new

    def get_event(self, event_id: str) -> Event | None:
        row = self._one("SELECT data FROM events WHERE event_id = ?", [event_id])
        return _event_from_json(row[0]) if row else None

    def events(
        self,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        country: str | None = None,
        actor: str | None = None,
        bbox: BBox | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events matching every filter given, by date then id.

        `since`/`until` are inclusive; `actor` is a case-insensitive substring of actor1 or actor2;
        `bbox` is (west, south, east, north) in degrees, as GeoJSON orders it, and may cross the
        antimeridian (west > east).
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        if offset < 0:
            raise ValueError(f"offset must be 0 or more, not {offset}")
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("event_date >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("event_date <= ?")
            params.append(until.isoformat())
        if event_type:
            where.append("lower(event_type) = lower(?)")
            params.append(event_type)
        if country:
            where.append("lower(country) = lower(?)")
            params.append(country)
        if actor:
            pattern = "%" + _escape_like(actor.lower()) + "%"
            where.append("(lower(actor1) LIKE ? ESCAPE '\\' OR lower(actor2) LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        if bbox is not None:
            clause, values = _bbox_clause(bbox)
            where.append(clause)
            params += values
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date IS NULL, event_date, event_id"
        paging, paging_params = self._dialect.limit_clause(limit, offset)
        return [_event_from_json(r[0]) for r in self._all(sql + paging, params + paging_params)]

    def candidates(self, start: date, end: date) -> list[Event]:
        """Events dated from `start` to `end` inclusive: what a new event may be merged with."""
        return self.events(since=start, until=end)

    def count_events(self) -> int:
        row = self._one("SELECT count(*) FROM events")
        return int(row[0]) if row else 0

    # -- internals -----------------------------------------------------------------------------

    def _write_children(self, event: Event) -> None:
        for table in ("event_sources", "evidence", "claims"):
            self._run(f"DELETE FROM {table} WHERE event_id = ?", [event.event_id])
        for doc_id in dict.fromkeys(s.doc_id for s in event.sources):
            self._run(
                "INSERT INTO event_sources (event_id, doc_id) VALUES (?, ?)",
                [event.event_id, doc_id],
            )
        for ev in event.evidence:
            self._run(
                'INSERT INTO evidence (event_id, doc_id, start, "end", field, text) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [event.event_id, ev.doc_id, ev.start, ev.end, ev.field, ev.text],
            )
        for claim in event.claims:
            self._run(
                "INSERT INTO claims (event_id, claimant, number, text, doc_id) "
                "VALUES (?, ?, ?, ?, ?)",
                [event.event_id, claim.claimant, claim.number, claim.text, claim.doc_id],
            )

    def _migrate(self) -> None:
        with self.transaction():
            self._run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.schema_version
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"the database {self.path} has schema version {current}, newer than this "
                    f"wirewatch knows ({SCHEMA_VERSION}); upgrade wirewatch"
                )
            for version, statements in enumerate(MIGRATIONS, start=1):
                if version <= current:
                    continue
                for statement in statements:
                    self._run(statement)
                self._run("INSERT INTO schema_version (version) VALUES (?)", [version])

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self._conn.execute(sql, params)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "readonly" in str(exc) or "disk" in str(exc):
                    raise StoreError(
                        f"cannot write to the database {self.path} ({exc}); check that no other "
                        "process holds it, that the disk has room and that you may write to it"
                    ) from exc
                raise

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._run(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._run(sql, params).fetchall()


def _event_row(event: Event) -> list[Any]:
    data = event.to_dict()
    return [
        event.event_id,
        data["event_date"],
        event.event_type,
        event.sub_event_type,
        event.country,
        event.admin1,
        event.location,
        event.actor1,
        event.actor2,
        event.latitude,
        event.longitude,
        event.fatalities,
        json.dumps(data, ensure_ascii=False, sort_keys=True),
    ]


def _event_from_json(raw: str) -> Event:
    return Event.from_dict(json.loads(raw))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _bbox_clause(bbox: BBox) -> tuple[str, list[Any]]:
    if len(bbox) != 4:
        raise ValueError(f"bbox must be (west, south, east, north), not {bbox!r}")
    west, south, east, north = (float(v) for v in bbox)
    if south > north:
        raise ValueError(f"bbox south ({south}) is north of its north ({north}); swap them")
    lat = "latitude BETWEEN ? AND ?"
    if west <= east:
        return f"({lat} AND longitude BETWEEN ? AND ?)", [south, north, west, east]
    # Crosses the antimeridian: two longitude ranges.
    return f"({lat} AND (longitude >= ? OR longitude <= ?))", [south, north, west, east]
