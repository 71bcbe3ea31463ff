"""Field-by-field scoring of predicted events against gold data.

The scores are recall-shaped on purpose: for each gold event we find the best predicted event of
the same story and ask, field by field, whether it is right. A missed event therefore counts as
wrong on every field, so a system cannot look accurate by coding little. Three gold sets, three
rules of "right", each documented where it is scored: ACLED rows (one event per notes text), the
hand-coded seed story, and WikiEvents' attack/death mentions.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.gold import (
    AcledGold,
    SeedGold,
    WikiDoc,
    acled_documents,
    load_acled_gold,
    load_predictions,
    load_seed_gold,
    load_wikievents,
    seed_document,
    select_acled,
    sentence_spans,
    sniff_gold,
    wikievents_documents,
)
from wirewatch.models import Document, Event, stable_id

__all__ = [
    "Measure",
    "Report",
    "acled_documents",
    "best_match",
    "group_by_story",
    "haversine_km",
    "is_background",
    "load_acled_gold",
    "load_predictions",
    "load_seed_gold",
    "load_wikievents",
    "normalise_actor",
    "same_place_name",
    "score_acled",
    "score_seed",
    "score_wikievents",
    "seed_document",
    "select_acled",
    "sniff_gold",
    "wikievents_documents",
]

PLACE_KM = 25.0  # ACLED rows: a predicted place this close to the gold coordinates is right
SEED_PLACE_KM = 10.0  # the seed: expected.md allows 10 km around its (±0.05°) coordinates
BACKGROUND_NAMES = ("gaza", "israel", "lebanon")
BACKGROUND_COUNTRIES = frozenset({"israel", "lebanon", "palestine", "isr", "lbn", "pse"})


@dataclass(frozen=True, slots=True)
class Measure:
    """One score: `hits` of `total`. `lower_is_better` marks counts of mistakes (a ceiling)."""

    name: str
    hits: int
    total: int
    description: str = ""
    lower_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Report:
    """The scores of one gold set (or subset), printable as a table and as JSON."""

    name: str
    title: str
    counts: tuple[tuple[str, int], ...]
    measures: tuple[Measure, ...]
    details: tuple[tuple[str, str], ...] = field(default=())

    def measure(self, name: str) -> Measure:
        for m in self.measures:
            if m.name == name:
                return m
        raise KeyError(name)

    def scores(self) -> dict[str, float]:
        """Ratios by measure name, leaving out measures with nothing to score."""
        return {m.name: m.ratio for m in self.measures if m.ratio is not None}

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "counts": dict(self.counts),
            "measures": {
                m.name: {
                    "hits": m.hits,
                    "total": m.total,
                    "ratio": None if m.ratio is None else round(m.ratio, 4),
                    "lower_is_better": m.lower_is_better,
                    "description": m.description,
                }
                for m in self.measures
            },
            "details": dict(self.details),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        width = max([len(m.name) for m in self.measures] + [7])
        lines = [f"{self.name} — {self.title}"]
        lines.append("  " + ", ".join(f"{k}: {v}" for k, v in self.counts))
        lines.append(f"  {'measure':<{width}}  {'hits':>6}  {'total':>6}  {'score':>7}  meaning")
        for m in self.measures:
            score = "—" if m.ratio is None else f"{100 * m.ratio:.1f}%"
            mark = " (lower is better)" if m.lower_is_better else ""
            lines.append(
                f"  {m.name:<{width}}  {m.hits:>6}  {m.total:>6}  {score:>7}  {m.description}{mark}"
            )
        for key, value in self.details:
            lines.append(f"  {key}: {value}")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Field comparisons


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _distance(event: Event, lat: float | None, lon: float | None) -> float:
    if event.latitude is None or event.longitude is None or lat is None or lon is None:
        return math.inf
    return haversine_km(event.latitude, event.longitude, lat, lon)


_SPACES = re.compile(r"\s+")
_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")


def normalise_actor(name: str | None, *, lenient: bool = False) -> str:
    """Case and spacing folded; `lenient` also drops the regime period "(2000-)".

    The period is the hardest part of ACLED's canonical names for a text-only system (a story
    rarely says which regime), so the lenient score shows how much of the miss is only that.
    """
    text = _SPACES.sub(" ", (name or "").strip()).casefold()
    return _PERIOD.sub("", text).strip() if lenient else text


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|at|ad|adh|an|az|ul)[\s\-]+(?=\w)")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


def _skeletons(name: str) -> set[str]:
    """A place name reduced so spellings of one name meet: "Tall Rif'at" and "Tel Rifaat" agree.

    Accents, case and punctuation go, then a final h after a vowel ("Hamah"), vowels (the letters
    transliterations disagree on most) and doubled letters. Names with an Arabic article give two
    keys, with and without it, since spellings differ on where it ends ("Albu Kamal", "Al Bukamal").
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = _FINAL_H.sub("", text.strip())
    keys: set[str] = set()
    for variant in {text, _ARTICLE.sub("", text)}:
        letters = re.sub(r"[^a-z0-9]", "", variant)
        consonants = re.sub(r"[aeiouy]", "", letters) or letters
        if consonants:
            keys.add(re.sub(r"(.)\1+", r"\1", consonants))
    return keys


def same_place_name(predicted: str | None, accepted: Iterable[str]) -> bool:
    if not predicted:
        return False
    keys = _skeletons(predicted)
    return any(keys & _skeletons(a) for a in accepted if a)


def is_background(event: Event) -> bool:
    """Whether an event sits in the Gaza/Lebanon war that the seed story only mentions.

    The seed coder does not code that war as new events, so any prediction there is a mistake.
    """
    names = " ".join(x for x in (event.location, event.admin1, event.admin2) if x).casefold()
    if any(word in names for word in BACKGROUND_NAMES):
        return True
    return any(
        (code or "").casefold() in BACKGROUND_COUNTRIES for code in (event.country, event.iso3)
    )


# ---------------------------------------------------------------------------------------------
# Matching predictions to gold


def group_by_story(events: Iterable[Event]) -> dict[str, list[Event]]:
    """Events indexed by every story they cite, by `Source.ref` and by `Source.doc_id`.

    An event merged from several stories is a candidate for each of them.
    """
    out: dict[str, list[Event]] = {}
    for event in events:
        keys = {k for s in event.sources for k in (s.ref, s.doc_id) if k}
        for key in keys:
            out.setdefault(key, []).append(event)
    return out


def _candidates(
    predictions: Mapping[str, Sequence[Event]], keys: Iterable[str | None]
) -> list[Event]:
    seen: set[int] = set()
    out: list[Event] = []
    for key in keys:
        for event in predictions.get(key or "", ()) if key else ():
            if id(event) not in seen:
                seen.add(id(event))
                out.append(event)
    return out


def best_match(gold: AcledGold, candidates: Sequence[Event]) -> Event | None:
    """The candidate that agrees with the gold event most: type, then sub-type, date, place."""
    typed = [e for e in candidates if e.event_type]
    if not typed:
        return None

    def key(e: Event) -> tuple[bool, bool, bool, float]:
        return (
            e.event_type == gold.event_type,
            e.sub_event_type == gold.sub_event_type,
            e.event_date == gold.event_date,
            -_distance(e, gold.latitude, gold.longitude),
        )

    return max(typed, key=key)


def _acled_doc_id(row: AcledGold) -> str:
    return acled_documents([row])[0].doc_id


def score_acled(
    gold: Sequence[AcledGold],
    predictions_by_ref: Mapping[str, Sequence[Event]],
    *,
    name: str = "acled",
    title: str = "ACLED rows",
) -> Report:
    """Field-by-field recall over ACLED rows (one gold event per notes text).

    A story is *found* when the engine gave it at least one event with an ACLED event type
    (PLOVER-only events are not ACLED events). Legacy-schema rows (2015–16) use types that ACLED
    has since retired, so they count for every measure except the two type measures.
    """
    hits = dict.fromkeys(
        (
            "found",
            "event_type",
            "sub_event_type",
            "date",
            "place_25km",
            "fatalities",
            "actor1",
            "actor1_lenient",
        ),
        0,
    )
    modern = sum(1 for row in gold if row.schema == "modern")
    with_place = sum(1 for row in gold if row.latitude is not None and row.longitude is not None)
    with_deaths = sum(1 for row in gold if row.fatalities is not None)
    with_actor = sum(1 for row in gold if row.actor1)
    n_pred = 0
    for row in gold:
        cands = _candidates(predictions_by_ref, (row.ref, row.event_id_cnty))
        if not cands:  # predictions that lost the story's ref: look for its doc_id
            cands = _candidates(predictions_by_ref, (_acled_doc_id(row),))
        n_pred += len(cands)
        match = best_match(row, cands)
        if match is None:
            continue
        hits["found"] += 1
        if row.schema == "modern":
            hits["event_type"] += match.event_type == row.event_type
            hits["sub_event_type"] += (
                match.event_type == row.event_type and match.sub_event_type == row.sub_event_type
            )
        hits["date"] += match.event_date == row.event_date
        hits["place_25km"] += _distance(match, row.latitude, row.longitude) <= PLACE_KM
        hits["fatalities"] += row.fatalities is not None and match.fatalities == row.fatalities
        if row.actor1:
            hits["actor1"] += normalise_actor(match.actor1) == normalise_actor(row.actor1)
            hits["actor1_lenient"] += normalise_actor(
                match.actor1, lenient=True
            ) == normalise_actor(row.actor1, lenient=True)
    n = len(gold)
    measures = (
        Measure("found", hits["found"], n, "stories with at least one ACLED-typed event"),
        Measure("event_type", hits["event_type"], modern, "event_type right (modern rows)"),
        Measure(
            "sub_event_type", hits["sub_event_type"], modern, "type and sub-type right (modern)"
        ),
        Measure("date", hits["date"], n, "event_date exact"),
        Measure("place_25km", hits["place_25km"], with_place, f"within {PLACE_KM:g} km of gold"),
        Measure("fatalities", hits["fatalities"], with_deaths, "fatalities exact"),
        Measure("actor1", hits["actor1"], with_actor, "actor1 exact canonical name"),
        Measure("actor1_lenient", hits["actor1_lenient"], with_actor, "actor1 ignoring (period)"),
    )
    counts = (
        ("gold events", n),
        ("modern rows", modern),
        ("legacy rows", n - modern),
        ("violent-me rows", sum(1 for row in gold if row.violent_me)),
        ("predicted events", n_pred),
    )
    return Report(name=name, title=title, counts=counts, measures=measures)


# ---------------------------------------------------------------------------------------------
# The seed story


def _seed_type_ok(gold: SeedGold, event: Event) -> bool:
    """Type agreement under expected.md's rules.

    PLOVER-only gold rows (no ACLED type) are right on the PLOVER type. Deployments coded as
    Strategic developments with PLOVER MOBILIZE may also be coded as MOBILIZE with no ACLED type.
    """
    if gold.event_type is None:
        return gold.plover is not None and event.plover_type == gold.plover
    if event.event_type == gold.event_type:
        return True
    return (
        gold.event_type == "Strategic developments"
        and gold.plover == "MOBILIZE"
        and event.event_type is None
        and event.plover_type == "MOBILIZE"
    )


def _seed_date_ok(gold: SeedGold, event: Event) -> bool:
    if event.event_date is None:
        return False
    if gold.date_accept is not None:
        first, last = gold.date_accept
        return first <= event.event_date <= last
    return event.event_date == gold.event_date


def _seed_place_ok(gold: SeedGold, event: Event) -> bool:
    names = (gold.location, *gold.location_accept)
    if same_place_name(event.location, names):
        return True
    return _distance(event, gold.latitude, gold.longitude) <= SEED_PLACE_KM


def seed_matches(gold: SeedGold, event: Event) -> bool:
    return _seed_type_ok(gold, event) and _seed_date_ok(gold, event) and _seed_place_ok(gold, event)


def _assign(gold: Sequence[SeedGold], preds: Sequence[Event]) -> dict[int, int]:
    """A one-to-one matching of gold to predictions with as many pairs as possible.

    One predicted event must not be credited for two gold events (an Idlib air strike would
    otherwise find both S3 and S4). Core events are placed first, and augmenting paths never
    unmatch a placed gold event, so core events get the predictions when there is a choice.
    """
    edges = [[j for j, e in enumerate(preds) if seed_matches(g, e)] for g in gold]
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(len(gold)), key=lambda k: not gold[k].core):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score_seed(
    gold: Sequence[SeedGold], predictions: Sequence[Event], *, name: str = "seed"
) -> Report:
    """Found events of the seed story (type, date and place all right) and background mistakes."""
    pairs = _assign(gold, predictions)
    core = [i for i, g in enumerate(gold) if g.core]
    plover_only = [i for i, g in enumerate(gold) if g.event_type is None]
    with_deaths = [i for i in pairs if gold[i].fatalities is not None]
    deaths_total = sum(1 for g in gold if g.fatalities is not None)
    background = [e for e in predictions if is_background(e)]
    measures = (
        Measure("core_found", sum(1 for i in core if i in pairs), len(core), "core events found"),
        Measure("found", len(pairs), len(gold), "all coded events found"),
        Measure(
            "plover_only_found",
            sum(1 for i in plover_only if i in pairs),
            len(plover_only),
            "PLOVER-only events found",
        ),
        Measure(
            "sub_event_type",
            sum(
                1
                for i, j in pairs.items()
                if gold[i].sub_event_type
                and predictions[j].sub_event_type == gold[i].sub_event_type
            ),
            sum(1 for g in gold if g.sub_event_type),
            "found, with the sub-type right",
        ),
        Measure(
            "fatalities",
            sum(1 for i in with_deaths if predictions[pairs[i]].fatalities == gold[i].fatalities),
            deaths_total,
            "found, with fatalities exact",
        ),
        Measure(
            "background",
            len(background),
            len(predictions),
            "predictions in Gaza/Israel/Lebanon",
            lower_is_better=True,
        ),
    )
    found = [gold[i].id for i in sorted(pairs)]
    missed = [g.id for i, g in enumerate(gold) if i not in pairs]
    details = (
        ("found", " ".join(found) or "none"),
        ("missed", " ".join(missed) or "none"),
        ("background", "; ".join(_describe(e) for e in background) or "none"),
    )
    counts = (("gold events", len(gold)), ("predicted events", len(predictions)))
    return Report(name, "the seed story, coded by hand", counts, measures, details)


def _describe(event: Event) -> str:
    kind = event.event_type or event.plover_type or "?"
    when = event.event_date.isoformat() if event.event_date else "?"
    return f"{kind} at {event.location or '?'} on {when}"


# ---------------------------------------------------------------------------------------------
# WikiEvents


def _event_spans(event: Event, doc_id: str) -> list[tuple[int, int]]:
    """The event's own evidence (field "event"), or all of its evidence when it has none."""
    spans = [ev for ev in event.evidence if not ev.doc_id or ev.doc_id == doc_id]
    own = [ev for ev in spans if ev.field == "event"]
    return [(ev.start, ev.end) for ev in (own or spans)]


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def score_wikievents(
    docs: Sequence[WikiDoc],
    predictions_by_ref: Mapping[str, Sequence[Event]],
    *,
    documents: Sequence[Document] | None = None,
    name: str = "wikievents",
) -> Report:
    """Sentence-level recall of gold attacks and deaths.

    WikiEvents codes triggers, not whole events, and one attack often has several triggers; so a
    gold mention is found when any predicted event's evidence overlaps the trigger's sentence.
    Evidence offsets point into the text the engine read (`documents`, by default built the way
    `wirewatch evaluate` builds them), so the sentences are located in that text.
    """
    read = {d.ref: d for d in (documents or wikievents_documents(docs))}
    attack_hits = attack_total = die_hits = die_total = 0
    n_pred = on_gold = 0
    for doc in docs:
        document = read.get(doc.doc_id)
        text = document.text if document is not None else doc.text
        doc_id = document.doc_id if document is not None else stable_id(doc.text)
        bounds = sentence_spans(doc, text)
        preds = _candidates(predictions_by_ref, (doc.doc_id, doc_id))
        spans_of = [_event_spans(e, doc_id) for e in preds]
        all_spans = [s for spans in spans_of for s in spans]
        wanted = [
            bounds[m.sent_idx]
            for m in doc.mentions
            if m.event_type.startswith(("Conflict.Attack.", "Life.Die."))
        ]
        for m in doc.mentions:
            start, end = bounds[m.sent_idx]
            hit = _overlaps(all_spans, start, end)
            if m.event_type.startswith("Conflict.Attack."):
                attack_total += 1
                attack_hits += hit
            elif m.event_type.startswith("Life.Die."):
                die_total += 1
                die_hits += hit
        n_pred += len(preds)
        on_gold += sum(1 for spans in spans_of if any(_overlaps(spans, a, b) for a, b in wanted))
    measures = (
        Measure("attack_recall", attack_hits, attack_total, "Conflict.Attack.* sentences hit"),
        Measure("die_recall", die_hits, die_total, "Life.Die.* sentences hit"),
        Measure(
            "recall",
            attack_hits + die_hits,
            attack_total + die_total,
            "attack or death sentences hit",
        ),
        Measure("precision", on_gold, n_pred, "predictions on an attack/death sentence"),
    )
    counts = (
        ("documents", len(docs)),
        ("gold attack mentions", attack_total),
        ("gold death mentions", die_total),
        ("predicted events", n_pred),
    )
    return Report(name, "WikiEvents dev, attacks and deaths", counts, measures)


def reports_to_json(reports: Sequence[Report]) -> str:
    return json.dumps({"reports": [r.to_dict() for r in reports]}, indent=2, ensure_ascii=False)


def write_predictions(path: str | Path, events: Iterable[Event]) -> int:
    """Write events as JSON lines (the shape `--pred` reads back); returns how many."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for event in events:
            fh.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count
