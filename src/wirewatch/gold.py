"""Readers for the gold data that `wirewatch evaluate` scores against.

Each gold set arrives in its own shape (ACLED's CSV, the hand-coded seed story, WikiEvents' token
offsets); the readers turn them into small typed records so that the scorer never touches a raw
row. They read from wherever the caller points and copy nothing: ACLED's terms forbid
redistributing its rows, so gold data must stay outside the repository.
"""

from __future__ import annotations

import csv
import importlib
import inspect
import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from wirewatch.errors import EvaluateError
from wirewatch.models import Document, Event, stable_id

# The three political-violence types; together with the countries below they make the "violent-me"
# subset, the conflicts this project is judged on first.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
VIOLENT_ME_COUNTRIES = frozenset(
    {
        "Syria",
        "Iraq",
        "Yemen",
        "Lebanon",
        "Palestine",
        "Israel",
        "Libya",
        "Ukraine",
        "Sudan",
        "Myanmar",
    }
)

Subset = Literal["modern", "violent-me", "all"]
GoldKind = Literal["acled", "seed", "wikievents", "geowebnews", "lgl"]


@dataclass(frozen=True, slots=True)
class AcledGold:
    """One ACLED row: its notes are the story, every other column is the answer."""

    ref: str  # record_id when the file has one (unique across re-hosts), else event_id_cnty
    event_id_cnty: str
    schema: str  # "modern" or "legacy"; legacy rows use event types that no longer exist
    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    notes: str

    @property
    def violent_me(self) -> bool:
        """Modern-schema political violence in the conflicts the project is judged on first."""
        return (
            self.schema == "modern"
            and self.event_type in VIOLENT_TYPES
            and self.country in VIOLENT_ME_COUNTRIES
        )


@dataclass(frozen=True, slots=True)
class SeedGold:
    """One hand-coded event of the seed story (see ../shared/seed/expected.md)."""

    id: str
    core: bool
    event_date: date
    date_accept: tuple[date, date] | None
    time_precision: int
    event_type: str | None  # None: the event is right in PLOVER terms only
    sub_event_type: str | None
    plover: str | None
    actor1: str | None
    location: str
    location_accept: tuple[str, ...]
    country: str | None
    latitude: float
    longitude: float
    fatalities: int | None


@dataclass(frozen=True, slots=True)
class WikiMention:
    """A gold event mention: its type, trigger word and the index of its sentence."""

    id: str
    event_type: str
    trigger: str
    sent_idx: int


@dataclass(frozen=True, slots=True)
class WikiDoc:
    """A WikiEvents document: its text, its tokens and where each sentence starts and ends.

    Sentences are kept as token ranges, not character offsets, because the offsets in the file do
    not fit its own `text` and the engine reads a normalised copy anyway: `sentence_spans` turns
    them into character spans of whichever text the engine actually read.
    """

    doc_id: str
    text: str
    tokens: tuple[str, ...]
    sentences: tuple[tuple[int, int], ...]  # first and last token index of each sentence
    mentions: tuple[WikiMention, ...]


def _int_or_none(raw: str | None) -> int | None:
    raw = (raw or "").strip()
    return int(float(raw)) if raw else None


def _float_or_none(raw: str | None) -> float | None:
    raw = (raw or "").strip()
    return float(raw) if raw else None


def load_acled_gold(path: str | Path) -> list[AcledGold]:
    """Rows of an ACLED CSV (our combined schema, or ACLED's own export without `schema`)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise EvaluateError(f"Cannot read the ACLED gold file {path}: {exc}.") from exc
    if rows and ("notes" not in rows[0] or "event_date" not in rows[0]):
        raise EvaluateError(
            f"{path} is not an ACLED CSV: it needs at least the columns event_date and notes."
        )
    out: list[AcledGold] = []
    for line, row in enumerate(rows, start=2):
        notes = (row.get("notes") or "").strip()
        if not notes:
            continue
        try:
            out.append(
                AcledGold(
                    ref=row.get("record_id") or row.get("event_id_cnty") or f"row{line}",
                    event_id_cnty=row.get("event_id_cnty") or "",
                    schema=row.get("schema") or "modern",
                    event_date=date.fromisoformat(row["event_date"].strip()),
                    time_precision=_int_or_none(row.get("time_precision")) or 1,
                    event_type=row.get("event_type") or "",
                    sub_event_type=row.get("sub_event_type") or "",
                    actor1=row.get("actor1") or "",
                    actor2=row.get("actor2") or "",
                    country=row.get("country") or "",
                    admin1=row.get("admin1") or "",
                    location=row.get("location") or "",
                    latitude=_float_or_none(row.get("latitude")),
                    longitude=_float_or_none(row.get("longitude")),
                    geo_precision=_int_or_none(row.get("geo_precision")),
                    fatalities=_int_or_none(row.get("fatalities")),
                    notes=notes,
                )
            )
        except ValueError as exc:
            raise EvaluateError(
                f"{path}, line {line}: cannot read the row ({exc}); event_date must be ISO "
                "(YYYY-MM-DD) and latitude/longitude/fatalities numbers."
            ) from exc
    return out


def select_acled(
    rows: Sequence[AcledGold],
    subset: Subset = "modern",
    *,
    sample: int | None = None,
    seed: int = 0,
    limit: int | None = None,
) -> list[AcledGold]:
    """The rows a run scores: a subset, then a seeded random sample (file order kept), then a cap.

    The sample is drawn with its own `random.Random(seed)`, so the same file, subset and seed give
    the same rows on every machine — which is what lets the accuracy gate pin floors.
    """
    if subset == "modern":
        chosen = [r for r in rows if r.schema == "modern"]
    elif subset == "violent-me":
        chosen = [r for r in rows if r.violent_me]
    elif subset == "all":
        chosen = list(rows)
    else:
        raise EvaluateError(f"Unknown subset {subset!r}: use modern, violent-me or all.")
    if sample is not None and sample < len(chosen):
        picked = sorted(random.Random(seed).sample(range(len(chosen)), sample))
        chosen = [chosen[i] for i in picked]
    if limit is not None:
        chosen = chosen[:limit]
    return chosen


def _parse_date(raw: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(raw))
    except ValueError as exc:
        raise EvaluateError(f"{where}: {raw!r} is not an ISO date (YYYY-MM-DD).") from exc


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluateError(f"Cannot read {path}: {exc}.") from exc
    out: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluateError(f"{path}, line {number}: not JSON ({exc.msg}).") from exc
        if not isinstance(value, dict):
            raise EvaluateError(f"{path}, line {number}: expected a JSON object per line.")
        out.append(value)
    return out


def load_seed_gold(path: str | Path) -> list[SeedGold]:
    """The hand-coded events of the seed story (expected.jsonl)."""
    path = Path(path)
    out: list[SeedGold] = []
    for number, raw in enumerate(_read_jsonl(path), start=1):
        where = f"{path}, line {number}"
        try:
            accept = raw.get("date_accept")
            out.append(
                SeedGold(
                    id=str(raw["id"]),
                    core=bool(raw.get("core", False)),
                    event_date=_parse_date(raw["event_date"], where),
                    date_accept=(
                        (_parse_date(accept[0], where), _parse_date(accept[1], where))
                        if accept
                        else None
                    ),
                    time_precision=int(raw.get("time_precision") or 1),
                    event_type=raw.get("event_type"),
                    sub_event_type=raw.get("sub_event_type"),
                    plover=raw.get("plover"),
                    actor1=raw.get("actor1"),
                    location=str(raw["location"]),
                    location_accept=tuple(raw.get("location_accept") or ()),
                    country=raw.get("country"),
                    latitude=float(raw["latitude"]),
                    longitude=float(raw["longitude"]),
                    fatalities=(
                        int(raw["fatalities"]) if raw.get("fatalities") is not None else None
                    ),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluateError(
                f"{where}: not a seed gold event ({exc!r}); it needs id, event_date, location, "
                "latitude and longitude."
            ) from exc
    return out


# Tokens in the files are at most two characters apart; a wider gap means a wrong match.
_MAX_TOKEN_GAP = 10


def _align_from(text: str, tokens: Sequence[str], first: int) -> list[tuple[int, int]] | None:
    spans = [(0, 0)] * first
    pos = len(text) - len(text.lstrip())
    for token in tokens[first:]:
        start = text.find(token, pos, pos + _MAX_TOKEN_GAP + len(token))
        if start < 0:
            return None
        spans.append((start, start + len(token)))
        pos = start + len(token)
    return spans


def align_tokens(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the tokens in `text`, found one after another.

    WikiEvents' own offsets are into a text with a separator after each sentence that the `text`
    field lacks ("…in SyriaThe desert…"), so they drift by one per sentence. Ingest may also have
    cut a dateline off the front, so the first few tokens may be missing (they get empty spans).
    """
    for first in range(min(len(tokens), 40)):
        spans = _align_from(text, tokens, first)
        if spans is not None:
            return spans
    raise EvaluateError("Cannot align the WikiEvents tokens with the document text.")


def sentence_spans(doc: WikiDoc, text: str | None = None) -> list[tuple[int, int]]:
    """Each sentence of `doc` as a character span of `text` (default: the file's own text)."""
    spans = align_tokens(doc.text if text is None else text, doc.tokens)
    return [(spans[first][0], spans[last][1]) for first, last in doc.sentences]


def load_wikievents(path: str | Path) -> list[WikiDoc]:
    """WikiEvents documents, with every event mention tied to its sentence."""
    path = Path(path)
    docs: list[WikiDoc] = []
    for number, raw in enumerate(_read_jsonl(path), start=1):
        try:
            bounds: list[tuple[int, int]] = []
            tokens: list[str] = []
            for sent in raw["sentences"]:
                bounds.append((len(tokens), len(tokens) + len(sent[0]) - 1))
                tokens.extend(str(tok[0]) for tok in sent[0])
            mentions = tuple(
                WikiMention(
                    id=str(m["id"]),
                    event_type=str(m["event_type"]),
                    trigger=str(m["trigger"]["text"]),
                    sent_idx=int(m["trigger"]["sent_idx"]),
                )
                for m in raw.get("event_mentions") or ()
            )
            doc = WikiDoc(
                doc_id=str(raw["doc_id"]),
                text=str(raw["text"]),
                tokens=tuple(tokens),
                sentences=tuple(bounds),
                mentions=mentions,
            )
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise EvaluateError(
                f"{path}, line {number}: not a WikiEvents document ({exc!r}); it needs doc_id, "
                "text, sentences and event_mentions."
            ) from exc
        if any(not 0 <= m.sent_idx < len(bounds) for m in mentions):
            raise EvaluateError(f"{path}, line {number}: a trigger's sent_idx has no sentence.")
        sentence_spans(doc)  # fail here, naming the file, if the tokens do not fit the text
        docs.append(doc)
    return docs


def load_predictions(path: str | Path) -> list[Event]:
    """A wirewatch JSON lines export: one `Event.to_dict()` a line."""
    path = Path(path)
    events: list[Event] = []
    for number, raw in enumerate(_read_jsonl(path), start=1):
        try:
            events.append(Event.from_dict(raw))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluateError(
                f"{path}, line {number}: not a wirewatch event ({exc!r}); --pred takes the JSON "
                "lines that `wirewatch` exports (one Event.to_dict() a line)."
            ) from exc
    return events


def sniff_gold(path: str | Path) -> GoldKind:
    """Which gold set a file is, by suffix and then by the keys of its first record."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return "acled"
    if path.suffix.lower() == ".xml":
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(20_000)
        if "<gaztag" in head:
            return "lgl"
        if "<toponym>" in head or "<toponyms>" in head:
            return "geowebnews"
    try:
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
    except OSError as exc:
        raise EvaluateError(f"Cannot read the gold file {path}: {exc}.") from exc
    try:
        record = json.loads(first) if first else {}
    except json.JSONDecodeError:
        record = {}
    if isinstance(record, dict):
        if "event_mentions" in record and "sentences" in record:
            return "wikievents"
        if "id" in record and "event_date" in record and ("core" in record or "plover" in record):
            return "seed"
    raise EvaluateError(
        f"Cannot tell what gold set {path} is: expected an ACLED .csv, the seed's expected.jsonl, "
        "WikiEvents' dev.jsonl, or a GeoWebNews/LGL geoparsing .xml."
    )


_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")


def seed_story_date(text: str) -> date | None:
    """The story date from the wire header (`date 2024-12-02 …`) on the seed's first line."""
    match = _SEED_HEADER.match(text)
    return date.fromisoformat(match.group(1)) if match else None


# ---------------------------------------------------------------------------------------------
# Gold stories as Documents for the engine


def _ingest() -> ModuleType | None:
    """`wirewatch.ingest`, which is written in parallel with this module and may not exist yet."""
    try:
        return importlib.import_module("wirewatch.ingest")
    except ModuleNotFoundError:
        return None


def _replace(doc: Document, **changes: Any) -> Document:
    fields = {name: getattr(doc, name) for name in Document.__dataclass_fields__}
    return Document(**{**fields, **changes})


def make_document(
    text: str, *, ref: str, published: date | None, origin: str | None = None
) -> Document:
    """A Document through ingest's own constructor when it exists, so ids agree with `ingest`.

    Until `ingest` offers `document_from_text`, the Document is built as the models' docstring
    describes it (id = hash of the text).
    """
    ingest = _ingest()
    maker = getattr(ingest, "document_from_text", None)
    if callable(maker):
        wanted = {"published": published, "ref": ref, "origin": origin}
        params = inspect.signature(maker).parameters
        doc = maker(text, **{k: v for k, v in wanted.items() if k in params})
        if isinstance(doc, Document):
            if doc.ref != ref or (published is not None and doc.published != published):
                doc = _replace(doc, ref=ref, published=published or doc.published)
            return doc
    return Document(doc_id=stable_id(text), text=text, published=published, ref=ref, origin=origin)


def acled_documents(gold_rows: Iterable[AcledGold]) -> list[Document]:
    """One story per row: the notes, dated the day after the event, as a wire story would be."""
    return [
        make_document(
            row.notes,
            ref=row.ref,
            published=row.event_date + timedelta(days=1),
            origin=f"acled:{row.ref}",
        )
        for row in gold_rows
    ]


def seed_document(story: str | Path) -> Document:
    """The seed story as `ingest` reads it, or, before `ingest` exists, with its header's date."""
    story = Path(story)
    reader = getattr(_ingest(), "read_inputs", None)
    if callable(reader):
        for item in reader([story]):
            if isinstance(item, Document):
                return item if item.ref else _replace(item, ref=story.stem)
    try:
        text = story.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluateError(f"Cannot read the seed story {story}: {exc}.") from exc
    return make_document(text, ref=story.stem, published=seed_story_date(text), origin=str(story))


def seed_story_path(gold_path: str | Path) -> Path:
    """The story next to the seed's expected.jsonl (the one .txt file in its folder)."""
    folder = Path(gold_path).resolve().parent
    stories = sorted(folder.glob("*.txt"))
    if len(stories) != 1:
        raise EvaluateError(
            f"Expected exactly one story (.txt) next to {gold_path}, found {len(stories)}; "
            "pass the predictions with --pred instead."
        )
    return stories[0]


def wikievents_documents(docs: Iterable[WikiDoc]) -> list[Document]:
    return [make_document(d.text, ref=d.doc_id, published=None) for d in docs]
