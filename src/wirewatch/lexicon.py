"""The trigger lexicon and the taxonomy crosswalk, loaded from the package's data files.

Triggers are grouped in classes ("air", "kill", "protest"...). A class is not an ACLED type: the
coder in `extract.py` decides the type from the classes present and the actors around them
(a killing of soldiers is a battle, of villagers violence against civilians).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

# Classes by family: one clause gives at most one event per family.
FAMILIES: dict[str, tuple[str, ...]] = {
    "violent": (
        "chemical",
        "suicide",
        "air",
        "shelling",
        "ied",
        "grenade",
        "explosion",
        "recapture",
        "capture",
        "clash",
        "abduct",
        "sexual",
        "attack",
        "kill",
    ),
    "demonstration": ("excessive", "riot", "protest", "intervention"),
    "strategic": (
        "disrupt",
        "arrest",
        "loot",
        "agreement",
        "base",
        "transfer",
        "group_change",
        "mobilize",
        "displacement",
        "note_label",
    ),
    "political": ("consult", "support", "aid", "accuse", "threaten", "sanction"),
}
FAMILY_OF = {cls: fam for fam, classes in FAMILIES.items() for cls in classes}


@dataclass(frozen=True, slots=True)
class Trigger:
    cls: str
    start: int
    end: int
    text: str

    @property
    def family(self) -> str:
        return FAMILY_OF.get(self.cls, "political")


def _load(name: str) -> Any:
    return json.loads(resources.files("wirewatch").joinpath("data", name).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def taxonomy() -> dict[str, Any]:
    return dict(_load("taxonomy.json"))


@functools.lru_cache(maxsize=1)
def mob_violence_countries() -> frozenset[str]:
    """Countries (ISO2) where unorganised non-state violence is coded as mob violence (see the
    `conventions` note in `triggers.json`)."""
    conventions: dict[str, Any] = _load("triggers.json").get("conventions", {})
    return frozenset(str(c) for c in conventions.get("mob_violence_countries", []))


@functools.lru_cache(maxsize=1)
def gunmen_stay_armed_countries() -> frozenset[str]:
    """Mob-violence countries whose desks still code a shooting by unidentified people as an
    armed group's attack (see the `conventions` note in `triggers.json`)."""
    conventions: dict[str, Any] = _load("triggers.json").get("conventions", {})
    return frozenset(str(c) for c in conventions.get("gunmen_stay_armed_countries", []))


@functools.lru_cache(maxsize=1)
def gang_rivalry_countries() -> frozenset[str]:
    """Countries whose desks code an attack on a gang member or a trafficker as a fight between
    gangs (see the `conventions` note in `triggers.json`)."""
    conventions: dict[str, Any] = _load("triggers.json").get("conventions", {})
    return frozenset(str(c) for c in conventions.get("gang_rivalry_countries", []))


@functools.lru_cache(maxsize=1)
def road_block_riot_countries() -> frozenset[str]:
    """Countries whose desks code any demonstrators' road block as a violent demonstration (see
    the `conventions` note in `triggers.json`)."""
    conventions: dict[str, Any] = _load("triggers.json").get("conventions", {})
    return frozenset(str(c) for c in conventions.get("road_block_riot_countries", []))


@functools.lru_cache(maxsize=1)
def crowd_fight_mob_countries() -> frozenset[str]:
    """Countries whose desks code fights and beatings by unorganised people with no firearm as mob
    violence (see the `conventions` note in `triggers.json`)."""
    conventions: dict[str, Any] = _load("triggers.json").get("conventions", {})
    return frozenset(str(c) for c in conventions.get("crowd_fight_mob_countries", []))


@functools.lru_cache(maxsize=1)
def _compiled() -> re.Pattern[str]:
    """One alternation with a named group per class, so a sentence is scanned once."""
    classes: dict[str, list[str]] = _load("triggers.json")["classes"]
    parts = [
        f"(?P<{cls}>" + "|".join(sorted(pats, key=len, reverse=True)) + ")"
        for cls, pats in classes.items()
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def note_labels() -> dict[str, str]:
    """ACLED's note labels ("Movement of forces:") and the sub-event type each names, lowercased."""
    conventions: dict[str, Any] = _load("triggers.json").get("conventions", {})
    return {str(k).lower(): str(v) for k, v in conventions.get("note_labels", {}).items()}


@functools.lru_cache(maxsize=1)
def _all_classes() -> dict[str, re.Pattern[str]]:
    classes: dict[str, list[str]] = _load("triggers.json")["classes"]
    compiled = {
        cls: re.compile(r"\b(?:" + "|".join(pats) + r")\b", re.IGNORECASE)
        for cls, pats in classes.items()
    }
    labels = sorted(note_labels(), key=len, reverse=True)
    if labels:
        # A label only where a note opens with it: "Property destruction: On 6 May ...".
        compiled["note_label"] = re.compile(
            r"^\s*(?:" + "|".join(re.escape(x) for x in labels) + r")(?=\s*:)", re.IGNORECASE
        )
    return compiled


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Every trigger in `text`. Overlapping matches of other classes are kept ("shot down" is both
    a killing word and a disrupted-weapons phrase); the coder chooses between them."""
    found: list[Trigger] = []
    for cls, pattern in _all_classes().items():
        for m in pattern.finditer(text):
            found.append(Trigger(cls, offset + m.start(), offset + m.end(), m.group(0)))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    return found


@functools.lru_cache(maxsize=1)
def _stems() -> tuple[dict[int, frozenset[str]], re.Pattern[str] | None]:
    """Literal word starts of the trigger patterns, for a pre-filter by set look-up; patterns that
    open with no literal (an optional group) go to a small fallback expression."""
    classes: dict[str, list[str]] = _load("triggers.json")["classes"]
    stems: dict[int, set[str]] = {}
    rest: list[str] = []
    for pattern in (p for pats in classes.values() for p in pats):
        literal = re.match(r"[A-Za-z]+", pattern)
        head = literal.group(0).lower() if literal else ""
        # A quantifier right after the literal makes its last letter optional.
        if head and re.match(r"[?*{]", pattern[len(head) : len(head) + 1]):
            head = head[:-1]
        if len(head) >= 3:
            stems.setdefault(min(len(head), 6), set()).add(head[:6])
        else:
            rest.append(pattern)
    fallback = re.compile(r"\b(?:" + "|".join(rest) + r")\b", re.I) if rest else None
    return {k: frozenset(v) for k, v in stems.items()}, fallback


def has_trigger(text: str) -> bool:
    """Cheap pre-filter: can this text hold an event at all? (No false negatives.)"""
    stems, fallback = _stems()
    for word in set(re.findall(r"[a-z]+", text.lower())):
        if any(word[:k] in group for k, group in stems.items()):
            return True
    return fallback is not None and fallback.search(text) is not None


def plover_of(sub_event_type: str | None) -> str | None:
    if not sub_event_type:
        return None
    value = taxonomy()["sub_event_to_plover"].get(sub_event_type)
    return str(value) if value else None


def cameo_of(sub_event_type: str | None, plover: str | None) -> str | None:
    if sub_event_type and sub_event_type in taxonomy()["sub_event_to_cameo"]:
        return str(taxonomy()["sub_event_to_cameo"][sub_event_type])
    if plover:
        value = taxonomy()["plover_to_cameo"].get(plover)
        return str(value) if value else None
    return None


def event_type_of(sub_event_type: str) -> str:
    for event_type, subs in taxonomy()["acled"].items():
        if sub_event_type in subs:
            return str(event_type)
    raise KeyError(sub_event_type)


def ascii_name(name: str) -> str:
    """A place name as ACLED writes it: diacritics and Arabic ayn/hamza marks dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u02bb\u02bc\u02bf\u02be\u2018ʿʾ]", "'", text)
    return text.encode("ascii", "ignore").decode("ascii") or name
