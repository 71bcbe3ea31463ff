"""Typed values that pass between the pipeline stages.

Every stage takes and returns these frozen dataclasses, never bare dicts, so that a field added in
one stage is seen by mypy in every other. Serialisation to plain dicts lives here too, because the
store, the exports and the HTTP API must all agree on one shape.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One story, as read by `ingest`.

    `doc_id` is a hash of the normalised text, so the same story read twice (from a feed and from a
    folder, say) gets the same id and re-ingesting it changes nothing.
    """

    doc_id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    language: str = "en"
    origin: str | None = None
    ref: str | None = None  # the id the input gave the story (JSON lines "id"), kept for scoring


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was dropped on purpose, with the reason a user can act on."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words behind one field of an event: a span of a document's text."""

    doc_id: str
    start: int
    end: int
    text: str
    field: str = "event"


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry that a mention resolved to.

    `precision` follows ACLED's geo_precision: 1 town or village, 2 part of a district or near a
    town, 3 a province, region or country.
    """

    name: str
    latitude: float
    longitude: float
    geonameid: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None
    population: int = 0
    precision: int = 1


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in a document and what it resolved to (or why it did not)."""

    doc_id: str
    start: int
    end: int
    text: str
    place: Place | None
    score: float = 0.0
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised actor: ACLED-style canonical name, `inter` code and backers from the text."""

    name: str
    inter: int | None = None
    country: str | None = None
    backers: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says a figure or a fact. Two sources with different figures give two claims."""

    claimant: str | None
    number: int | None
    text: str
    doc_id: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    doc_id: str
    ref: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None


# ACLED's columns, in the order of ACLED's own exports, so that ACLED tooling reads our CSV.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, in ACLED's terms, with the evidence for every field."""

    event_id: str
    event_date: date | None
    time_precision: int = 1
    event_type: str | None = None
    sub_event_type: str | None = None
    plover_type: str | None = None
    cameo_root: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    actor1_backers: tuple[str, ...] = ()
    actor2_backers: tuple[str, ...] = ()
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int = 0
    fatalities_estimated: bool = False
    claims: tuple[Claim, ...] = ()
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    notes: str = ""
    confidence: float = 0.5

    def place_fields(self) -> dict[str, Any]:
        """The fields that move together when one event takes another's (finer) place."""
        return {
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "geonameid": self.geonameid,
            "admin1": self.admin1,
            "admin2": self.admin2,
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, nested values as dicts."""
        out = dataclasses.asdict(self)
        out["event_date"] = self.event_date.isoformat() if self.event_date else None
        out["actor1_backers"] = list(self.actor1_backers)
        out["actor2_backers"] = list(self.actor2_backers)
        out["sources"] = [
            {**dataclasses.asdict(s), "published": s.published.isoformat() if s.published else None}
            for s in self.sources
        ]
        out["claims"] = [dataclasses.asdict(c) for c in self.claims]
        out["evidence"] = [dataclasses.asdict(e) for e in self.evidence]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Inverse of `to_dict`, tolerant of missing optional keys."""
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in names}
        raw_date = kwargs.get("event_date")
        kwargs["event_date"] = date.fromisoformat(raw_date) if raw_date else None
        kwargs["actor1_backers"] = tuple(kwargs.get("actor1_backers") or ())
        kwargs["actor2_backers"] = tuple(kwargs.get("actor2_backers") or ())
        kwargs["claims"] = tuple(Claim(**c) for c in kwargs.get("claims") or ())
        kwargs["evidence"] = tuple(Evidence(**e) for e in kwargs.get("evidence") or ())
        kwargs["sources"] = tuple(
            Source(
                doc_id=s["doc_id"],
                ref=s.get("ref"),
                publisher=s.get("publisher"),
                url=s.get("url"),
                published=date.fromisoformat(s["published"]) if s.get("published") else None,
            )
            for s in kwargs.get("sources") or ()
        )
        return cls(**kwargs)

    @property
    def interaction(self) -> int | None:
        """ACLED's interaction code: the two inter codes joined, smaller first."""
        codes = sorted(c for c in (self.inter1, self.inter2) if c is not None)
        if not codes:
            return None
        return int("".join(str(c) for c in codes)) if len(codes) == 2 else codes[0] * 10

    def to_acled_row(self) -> dict[str, Any]:
        """The event in ACLED's export columns (the rest of our fields follow in the CSV)."""
        disorder = {
            "Battles": "Political violence",
            "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence",
            "Riots": "Political violence",
            "Protests": "Demonstrations",
            "Strategic developments": "Strategic developments",
        }
        return {
            "event_id_cnty": self.event_id,
            "event_date": self.event_date.isoformat() if self.event_date else "",
            "year": self.event_date.year if self.event_date else "",
            "time_precision": self.time_precision,
            "disorder_type": disorder.get(self.event_type or "", ""),
            "event_type": self.event_type or "",
            "sub_event_type": self.sub_event_type or "",
            "actor1": self.actor1 or "",
            "assoc_actor_1": self.assoc_actor_1 or "",
            "inter1": self.inter1 if self.inter1 is not None else "",
            "actor2": self.actor2 or "",
            "assoc_actor_2": self.assoc_actor_2 or "",
            "inter2": self.inter2 if self.inter2 is not None else "",
            "interaction": self.interaction if self.interaction is not None else "",
            "civilian_targeting": "Civilian targeting" if self.inter2 == 7 else "",
            "iso": self.iso3 or "",
            "region": "",
            "country": self.country or "",
            "admin1": self.admin1 or "",
            "admin2": self.admin2 or "",
            "admin3": "",
            "location": self.location or "",
            "latitude": self.latitude if self.latitude is not None else "",
            "longitude": self.longitude if self.longitude is not None else "",
            "geo_precision": self.geo_precision if self.geo_precision is not None else "",
            "source": "; ".join(sorted({s.publisher for s in self.sources if s.publisher})),
            "source_scale": "",
            "notes": self.notes,
            "fatalities": self.fatalities,
            "tags": "unspecified fatalities" if self.fatalities_estimated else "",
            "timestamp": "",
        }


def stable_id(*parts: str, length: int = 16) -> str:
    """A short, deterministic id from text parts (documents, events)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]
