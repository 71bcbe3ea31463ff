"""The actor dictionary (`data/actors.json`) and the time-dependent parts of ACLED's names.

ACLED's canonical names change with time in two ways, both kept here so `actors.py` only finds
mentions: state forces carry the period of the regime ("Military Forces of Kenya (2013-)"), and
some groups are renamed when the state they belong to changes (Yemen's Houthi authorities, the
Afghan Taliban after August 2021). Periods follow one convention, written in the file's `_source`:
a name is given as ACLED would have exported it on `periods_as_of`, or on the event's own date when
that is later. Regimes that had ended by then carry their closed label ("(2002-2013)"), the one
still in power its open label ("(2013-)").
"""

from __future__ import annotations

import functools
import json
from datetime import date
from importlib import resources
from typing import Any

# Countries whose state forces ACLED names with the article: "Military Forces of the Philippines".
# In brackets ("Civilians (Philippines)") the article is never used.
_WITH_ARTICLE = frozenset({"PH", "CD", "US", "CI", "CF", "GB", "AE", "NL"})


def data(name: str) -> Any:
    """A packaged JSON data file."""
    return json.loads(resources.files("wirewatch").joinpath("data", name).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, Any]:
    return dict(data("actors.json"))


@functools.lru_cache(maxsize=1)
def _as_of() -> date:
    return date.fromisoformat(str(dictionary().get("periods_as_of", "2020-05-01")))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def regime(iso2: str, when: date | None) -> list[Any] | None:
    """The `state_forces` entry (start, end, label[, faction]) in power on `when` (today if None)."""
    periods = dictionary()["state_forces"].get(iso2)
    if not periods:
        return None
    if when is None:
        return list(periods[-1])
    for entry in periods:
        start, end = _day(entry[0]), _day(entry[1])
        if start is not None and start <= when and (end is None or when < end):
            return list(entry)
    return None


def period(iso2: str, when: date | None) -> str | None:
    """The bracketed period of a state's forces, by the `periods_as_of` convention.

    "(2013-2022)" is written "(2013-)" when the regime still held power on the reference day
    (the later of `periods_as_of` and the event date): that is the label ACLED exported then.
    """
    entry = regime(iso2, when)
    if entry is None:
        return None
    label = str(entry[2])
    end = _day(entry[1])
    reference = max(when or date.today(), _as_of())
    if end is None or end > reference:
        return label.split("-")[0] + "-"
    return label


def faction(iso2: str, when: date | None) -> str | None:
    """The name ACLED adds after a government's period ("(2022-) Presidential Leadership Council")."""
    entry = regime(iso2, when)
    return str(entry[3]) if entry is not None and len(entry) > 3 and entry[3] else None


def state_name(prefix: str, cname: str, iso2: str | None, when: date | None) -> str:
    """ "Military Forces of the Philippines (2016-)": prefix, country, period and faction."""
    article = "the " if iso2 in _WITH_ARTICLE else ""
    name = f"{prefix} of {article}{cname}"
    p = period(iso2 or "", when)
    if p:
        name += f" ({p})"
        f = faction(iso2 or "", when)
        if f:
            name += f" {f}"
    return name


def group_name(group: dict[str, Any], when: date | None) -> str:
    """A group's name on a date: `renamed` lists [from-date, name] for names that changed."""
    name = str(group["name"])
    for since, later in group.get("renamed", []):
        if when is not None and when >= date.fromisoformat(since):
            name = str(later)
    return name


def theatre(forces: str | None, country: str | None) -> dict[str, Any] | None:
    """A foreign state's forces fighting in another country under an operation's name
    (Saudi forces in Yemen are ACLED's "Operation Restoring Hope")."""
    if not forces or not country or forces == country:
        return None
    for entry in dictionary().get("theatres", []):
        if forces in entry["forces"] and entry["in"] == country:
            return dict(entry)
    return None
