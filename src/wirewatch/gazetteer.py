"""The offline gazetteer: an indexed SQLite file of GeoNames places, looked up by normalised name.

News spells the same place many ways ("Bou Kamal", "Abu Kamal", "Al Bukamal"; "Deir ez-Zor",
"Dayr az Zawr"). Rather than list spellings by hand, every name is stored under two keys: an exact
key (case, diacritics, apostrophes and punctuation folded) and a loose key (Arabic articles dropped,
common transliteration pairs merged, vowels and doubled letters removed). Look-ups try the exact key
first and fall back to the loose key, which is ambiguous and must be ranked with context.

The file is built by `scripts/build_gazetteer.py` (see `wirewatch.gazetteer_build`). GeoNames data
is CC BY 4.0 (https://www.geonames.org/).
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import GazetteerError
from wirewatch.models import Place

SCHEMA_VERSION = "2"
BUILD_HINT = (
    "Run `make install`, or build it with `python scripts/build_gazetteer.py` "
    "(or `wirewatch gazetteer build`)."
)

# Letters NFKD does not take apart.
_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "ı": "i", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h"}
)
# Apostrophes and the ayn/hamza marks of Arabic romanisation vanish rather than split a word.
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be\u0060\u00b4'ʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Articles and particles of Arabic (and a few other) romanisations, dropped from the loose key only.
_ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ar",
        "as",
        "az",
        "ash",
        "at",
        "an",
        "ez",
        "es",
        "ed",
        "er",
        "et",
        "en",
        "ech",
        "eth",
        "ul",
        "ud",
    ]
)
# Transliteration pairs merged in the loose key: digraphs first, then single letters.
_DIGRAPHS = (
    ("ou", "u"),
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "s"),
    ("zh", "z"),
    ("dj", "j"),
    ("ck", "k"),
)
_SINGLE = str.maketrans({"q": "k", "c": "k", "x": "k"})
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLES = re.compile(r"(.)\1+")
_GEMINATE = re.compile(r"([b-df-hj-np-tv-z])\1(?=[aeiou])")


@functools.lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """The exact look-up key: what two spellings differing only in case or accents share.

    Cached: the geoparser asks again for the same few thousand names in every story."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_FOLD)
    text = _APOSTROPHES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def loose_key(name: str) -> str:
    """The fallback key: consonant skeleton after dropping articles; '' when too short to trust."""
    tokens = [t for t in normalise(name).split() if t not in _ARTICLES]
    if not tokens:
        return ""
    text = "".join(tokens)
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = _DOUBLES.sub(r"\1", text.translate(_SINGLE))
    text = _DOUBLES.sub(r"\1", _VOWELS.sub("", text))
    return text if len(text) >= 3 else ""


def _loose_variants(name: str) -> list[str]:
    """The loose key, and the key with "th" read as "dh" where the name has one.

    Arabic dhal is written "dh", "th" and "z" ("Dhi Qar", "Thi Qar"); the stored key merges
    "dh" into "d" and "th" into "t", so a "th" spelling of a "dh" name needs a second key."""
    keys = [k for k in (loose_key(name),) if k]
    if "th" in normalise(name):
        alt = loose_key(normalise(name).replace("th", "dh"))
        if alt and alt not in keys:
            keys.append(alt)
    return keys


# Loose matches less alike than this are dropped: "Bou Kamal"/"Abu Kamal" score 0.88,
# "Idleb"/"Idlib" 0.8, "Sud-Kivu"/"Shady Cove" 0.38, "Tarasso"/"Tauris" 0.62.
MIN_SIMILARITY = 0.7


def spelling_similarity(a: str, b: str) -> float:
    """How alike two spellings are, articles, spaces and case aside (difflib's ratio, 0 to 1)."""

    def letters(name: str) -> str:
        return "".join(t for t in normalise(name).split() if t not in _ARTICLES)

    return difflib.SequenceMatcher(None, letters(a), letters(b)).ratio()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place found for a name, with how it was found (ranking weighs exact over loose)."""

    place: Place
    exact: bool
    main: bool  # the name is the place's main GeoNames name, not an alternate
    # How alike the text's spelling and the place's nearest spelling are (1.0 for exact keys):
    # a loose key shares consonants with many names ("Tarasso" with "Tauris", Tabriz), and only
    # a close spelling is a transliteration.
    similarity: float = 1.0


def packaged_path() -> Path:
    return Path(str(importlib.resources.files("wirewatch") / "data" / "gazetteer.sqlite"))


def _data_json(name: str) -> dict[str, object]:
    text = (importlib.resources.files("wirewatch") / "data" / name).read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


class Gazetteer:
    """Read-only access to the built gazetteer; cheap to load, look-ups cached."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        lex = _data_json("demonyms.json")
        demonyms = lex.get("demonyms", {})
        assert isinstance(demonyms, dict)
        self._demonyms: dict[str, str] = {normalise(k): str(v) for k, v in demonyms.items()}
        self._countries: dict[str, Place] = {}
        self._country_names: dict[str, str] = {}
        for key, iso2, pid in conn.execute("SELECT key, iso2, place FROM countries"):
            place = self._place(pid)
            if place is not None:
                self._countries[iso2] = place
                self._country_names[key] = iso2
        aliases = lex.get("country_aliases", {})
        assert isinstance(aliases, dict)
        for alias, iso2 in aliases.items():
            self._country_names.setdefault(normalise(alias), str(iso2))
        generic = _data_json("generic_names.json").get("names", [])
        assert isinstance(generic, list)
        self._generic: frozenset[str] = frozenset(normalise(str(n)) for n in generic)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Open the gazetteer file (the packaged one by default); say how to build it if absent."""
        target = path if path is not None else packaged_path()
        if not target.is_file():
            raise GazetteerError(f"The gazetteer file {target} is missing. {BUILD_HINT}")
        try:
            conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"The gazetteer file {target} is corrupt ({exc}). {BUILD_HINT}"
            ) from exc
        if row is not None:  # files of schema 2 before loose spellings were kept
            cols = {r[1] for r in conn.execute("PRAGMA table_info(loose)")}
            if "name" not in cols:
                row = None
        if row is None or row[0] != SCHEMA_VERSION:
            raise GazetteerError(
                f"The gazetteer file {target} has an old or unknown schema. {BUILD_HINT}"
            )
        try:
            return cls(conn, target)
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"The gazetteer file {target} is corrupt ({exc}). {BUILD_HINT}"
            ) from exc

    @functools.lru_cache(maxsize=131072)  # noqa: B019 - one gazetteer per process, kept for life
    def _place(self, pid: int) -> Place | None:
        row = self._conn.execute(
            "SELECT geonameid, name, lat, lon, country, iso3, admin1, admin2, fcode, population,"
            " precision FROM places WHERE id = ?",
            (pid,),
        ).fetchone()
        if row is None:
            return None
        return Place(
            name=row[1],
            latitude=row[2],
            longitude=row[3],
            geonameid=row[0],
            country=row[4],
            iso3=row[5],
            admin1=row[6],
            admin2=row[7],
            feature_code=row[8],
            population=row[9],
            precision=row[10],
        )

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process, kept for life
    def candidates(self, name: str, loose: bool = True) -> tuple[Candidate, ...]:
        """Candidates with how they matched: exact keys, else (when `loose`) the loose key."""
        key = normalise(name)
        if not key:
            return ()
        rows = self._conn.execute(
            "SELECT place, main FROM names WHERE key = ? ORDER BY place", (key,)
        ).fetchall()
        if key in self._generic:
            # "Kotwali police station" is the police station of any South Asian city, not the
            # one city GeoNames lists the word for (`data/generic_names.json`)
            rows = [r for r in rows if r[1]]
        exact = True
        alike: dict[int, float] = {}
        words = key.split()
        if not rows and len(words) > 1 and words[0] in _ARTICLES:
            # "Ar-Raqqa", "As-Sweida": the article is often dropped from the stored spellings
            # ("Raqqa"), and the loose key of so short a name is too short to be kept.
            rows = self._conn.execute(
                "SELECT place, 0 FROM names WHERE key = ? ORDER BY place", (" ".join(words[1:]),)
            ).fetchall()
        if not rows and loose and key not in self._generic:
            for lkey in _loose_variants(name):
                for pid, spelling in self._conn.execute(
                    "SELECT place, name FROM loose WHERE key = ? ORDER BY place", (lkey,)
                ):
                    alike[pid] = max(alike.get(pid, 0.0), spelling_similarity(name, spelling))
            single = _GEMINATE.sub(r"\1", key)
            if single != key:
                # "Wassit", "Kirkkuk": a doubled consonant (Arabic shadda) is the commonest
                # slip of English spellings, and the loose key of so short a name is too short
                # to be kept. Only before a vowel: a final one is an abbreviation's ("UConn").
                for (pid,) in self._conn.execute(
                    "SELECT place FROM names WHERE key = ? ORDER BY place", (single,)
                ):
                    alike[pid] = max(alike.get(pid, 0.0), spelling_similarity(name, single))
            rows = [(pid, 0) for pid, sim in alike.items() if sim >= MIN_SIMILARITY]
            exact = False
        out: list[Candidate] = []
        seen: set[int] = set()
        for pid, main in rows:
            if pid in seen:
                continue
            seen.add(pid)
            place = self._place(pid)
            if place is not None:
                out.append(Candidate(place, exact, bool(main), alike.get(pid, 1.0)))
        out.sort(key=lambda c: (not c.main, -c.place.population))
        return tuple(out)

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places a name may mean (exact key first, then loose key), main names and big first."""
        found = [c.place for c in self.candidates(name)]
        if country is not None:
            found = [p for p in found if p.country == country.upper()]
        return found

    def country(self, name_or_iso2: str) -> Place | None:
        """The country a name, alias or ISO 3166 alpha-2 code stands for."""
        text = name_or_iso2.strip()
        if len(text) == 2 and text.isalpha() and text.upper() in self._countries:
            return self._countries[text.upper()]
        iso2 = self._country_names.get(normalise(text))
        return self._countries.get(iso2) if iso2 else None

    def country_code(self, name: str) -> str | None:
        """ISO2 of a country name or alias (never of a two-letter code: "IN" is also a word)."""
        return self._country_names.get(normalise(name))

    def demonym(self, word: str) -> str | None:
        """ISO2 of the country a demonym or adjective ("Syrian", "Iraqi") refers to."""
        return self._demonyms.get(normalise(word))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process, kept for life
    def seat(self, country: str, admin1: str) -> Place | None:
        """The main town of a province: its country's capital when that lies in it, else its
        most populous town. (The cities500 data carry no PPLA codes; the largest town is the
        seat in most provinces, and the one an un-sited provincial event is nearest to.)"""
        return self._main_town("AND admin1 = ?", (country, admin1))

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process, kept for life
    def capital(self, country: str) -> Place | None:
        """A country's capital (GeoNames' PPLC), else its most populous town."""
        return self._main_town("", (country,))

    def _main_town(self, where: str, args: tuple[str, ...]) -> Place | None:
        """The capital among the towns `where` selects (a fixed clause, never user text), else
        the most populous."""
        row = self._conn.execute(
            f"SELECT id FROM places WHERE country = ? {where} AND fcode LIKE 'PPL%'"
            " ORDER BY fcode = 'PPLC' DESC, population DESC, id LIMIT 1",
            args,
        ).fetchone()
        return self._place(row[0]) if row is not None else None

    def admin1_names(self, country: str) -> frozenset[str]:
        """Normalised admin1 names of a country, for containment checks ("Springfield, Illinois")."""
        return _admin1_names(self._conn, country)


@functools.lru_cache(maxsize=512)
def _admin1_names(conn: sqlite3.Connection, country: str) -> frozenset[str]:
    rows = conn.execute(
        "SELECT DISTINCT admin1 FROM places WHERE country = ? AND admin1 IS NOT NULL", (country,)
    ).fetchall()
    return frozenset(normalise(r[0]) for r in rows)
