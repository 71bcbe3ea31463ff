"""Scores the geoparser on the GeoWebNews and LGL gold sets (Gritta et al. 2019 re-hosting).

Recall counts gold toponyms with coordinates that a *resolved* predicted mention overlaps;
precision counts resolved predictions that overlap a gold toponym a human called locational;
accuracy is the share of found toponyms placed within 161 km (100 miles, the field's usual
threshold) of the gold point. GeoWebNews also annotates demonyms, metonyms and non-toponyms; those
marked `nonLocational=Yes` are never expected, but a prediction on them is not counted as wrong
unless the type is Demonym, Non_Toponym, Language or Homonym (we do not place those).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import EvaluateError
from wirewatch.gazetteer import Gazetteer
from wirewatch.models import Document, PlaceMention, stable_id

KINDS = ("geowebnews", "lgl")
WRONG_TYPES = frozenset({"Demonym", "Non_Toponym", "Language", "Homonym"})


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    latitude: float | None
    longitude: float | None
    scored: bool  # expected to be found and placed
    wrong_if_found: bool  # a prediction here is a false positive


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, for scoring how far a resolved point is from the gold one."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _float(el: ET.Element | None) -> float | None:
    if el is None or not (el.text or "").strip():
        return None
    return float(el.text or "")


def read_gold(path: Path, kind: str) -> Iterator[tuple[Document, list[GoldToponym]]]:
    """Stories and their gold toponyms from a GeoWebNews or LGL XML file."""
    if kind not in KINDS:
        raise EvaluateError(f"Unknown gold kind {kind!r}; use one of {', '.join(KINDS)}.")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluateError(f"Cannot read gold file {path}: {exc}") from exc
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        ref = art.get("docid") or art.get("file") or str(i)
        gold: list[GoldToponym] = []
        for top in art.iter("toponym"):
            start, end = int(top.findtext("start") or 0), int(top.findtext("end") or 0)
            if kind == "geowebnews":
                lat, lon = _float(top.find("latitude")), _float(top.find("longitude"))
                locational = (top.findtext("nonLocational") or "").strip() == "No"
                gtype = (top.findtext("type") or "").strip()
                name = top.findtext("extractedName") or text[start:end]
                gold.append(
                    GoldToponym(
                        start,
                        end,
                        name,
                        lat,
                        lon,
                        locational and lat is not None,
                        gtype in WRONG_TYPES,
                    )
                )
            else:
                tag = top.find("gaztag")
                lat = _float(tag.find("lat")) if tag is not None else None
                lon = _float(tag.find("lon")) if tag is not None else None
                name = top.findtext("phrase") or text[start:end]
                gold.append(GoldToponym(start, end, name, lat, lon, lat is not None, False))
        yield Document(doc_id=stable_id(kind, ref), text=text, ref=ref), gold


def score(
    pairs: list[tuple[list[GoldToponym], list[PlaceMention]]], gaz: Gazetteer | None = None
) -> dict[str, float | int]:
    """The figures for predictions against gold, story by story.

    Gold toponyms that are demonyms ("Russian hackers" is a toponym in GeoWebNews) are left out of
    recall when `gaz` is given: wirewatch never places adjectives, by design, and says so in
    `demonyms_excluded` rather than hiding it.
    """
    n_gold = found = correct = n_pred = good_pred = excluded = 0
    errors: list[float] = []
    for gold, preds in pairs:
        resolved = [m for m in preds if m.place is not None]
        n_pred += len(resolved)
        for m in resolved:
            hits = [g for g in gold if g.start < m.end and m.start < g.end]
            if hits and not all(g.wrong_if_found for g in hits):
                good_pred += 1
        for g in gold:
            if not g.scored or g.latitude is None or g.longitude is None:
                continue
            if gaz is not None and gaz.demonym(g.name) and not gaz.country_code(g.name):
                excluded += 1
                continue
            n_gold += 1
            over = [m for m in resolved if g.start < m.end and m.start < g.end]
            if not over:
                continue
            found += 1
            place = over[0].place
            assert place is not None
            km = haversine_km(g.latitude, g.longitude, place.latitude, place.longitude)
            errors.append(km)
            correct += km <= 161
    return {
        "gold": n_gold,
        "found": found,
        "predicted": n_pred,
        "recall": round(found / n_gold, 4) if n_gold else 0.0,
        "precision": round(good_pred / n_pred, 4) if n_pred else 0.0,
        "acc_at_161": round(correct / found, 4) if found else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else 0.0,
        "demonyms_excluded": excluded,
    }


def evaluate_geoparsing(
    path: Path, kind: str, limit: int | None = None, gaz: Gazetteer | None = None
) -> dict[str, float | int]:
    """Geoparse every story of a gold file and score it (`limit`: first N stories only)."""
    from wirewatch.geoparse import geoparse
    from wirewatch.nlp import parse_many

    gazetteer = gaz if gaz is not None else Gazetteer.load()
    stories = list(read_gold(path, kind))[:limit]
    pairs: list[tuple[list[GoldToponym], list[PlaceMention]]] = []
    sdocs = parse_many(doc.text for doc, _ in stories)
    for (doc, gold), sdoc in zip(stories, sdocs, strict=True):
        pairs.append((gold, geoparse(doc, sdoc, gazetteer)))
    return score(pairs, gazetteer)
