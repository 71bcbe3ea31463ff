"""Resolves the place names of a story (found by `wirewatch.toponyms`) to gazetteer entries, or
says why not.

Evidence for a story's country comes first: countries and regions named outright, demonyms, the
dateline, and admin chains ("Debiro (Biu LGA, Borno)", "Cienaga, Magdalena department") where a
name and the area after it agree. Each name's votes never vouch for itself: a loose
(transliteration) match, a small town abroad or an alternate name needs support from the rest of
the story, else it stays unresolved with a reason ("Miharati" is not Thailand's Maha Rat).

Candidates are then ranked with general features: population, feature kind, the story's country
focus, the dateline, containment (an admin chain, or a region named elsewhere), cue words ("Hama
province", "Idlib city"), and a second pass with proximity to the story's other places (the
"Paris" of a story about Lamar County is Paris, Texas). A region that follows a town contradicts
that town's namesakes elsewhere ("Orikhove, Luhansk" is not the Orikhove of Crimea). A small
namesake of a city of millions needs local support ("London" is not London, Ohio, because the
story is American), and a loose match must start like the name it stands for.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib.resources
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from wirewatch.actors import country_clue
from wirewatch.gazetteer import Candidate, Gazetteer, normalise
from wirewatch.models import Document, Place, PlaceMention
from wirewatch.toponyms import NON_NAMES, REGION_CUES, Span, find_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Articles of Arabic romanisation, dropped when comparing admin names ("al-Hasakeh").
ARTICLES = frozenset(["al", "el", "ar", "as", "ash", "ad", "az", "an", "at", "ez", "es", "en"])

_DATELINE = re.compile(r"^\s*(?:date \S+\s+)?([A-Z][A-Za-z.' -]{1,40}?)(?:,| \(|\s+[-–—])")


DEMONYM_WEIGHT = 0.5
CLUE_WEIGHT = 1.0

# Feature codes of the world regions, oceans and seas of `data/regions.json`: no population,
# but as well known as a country when named in full. So are the seats of government (BLDG) that
# news names for their governments ("the White House said"): their town is the place.
# How alike a spelling must be to a city's to stand for it without support from the story
# ("Quamishli"/"Qamishli" 0.94; "Idleb"/"Idlib" 0.8 does not need it, naming a province).
NEAR_SPELLING = 0.9
# How near a region's middle a town filed under another region may lie and still be taken as
# inside the region the story names (a county of Kenya's is some 60 km across).
BESIDE_KM = 40.0
# How far from the middle of the district named after it a town may lie and still be taken
# as in it (the district's own point may be far from its edge; a namesake 400 km off is not).
DISTRICT_KM = 160.0
MACRO_CODES = frozenset(["RGN", "OCN", "SEA", "GULF", "PEN", "DSRT", "BLDG"])
# What a name loses when the story points to another country and nothing else in it to its own.
ALONE_PENALTY = 3.0
# How much smaller than a region of its own country and name a town must be for the bare name
# to mean the region.
HAMLET_RATIO = 100
# A capital this big is known by its bare name in any country's news ("London-based", "from
# Paris"): it keeps its rank in a foreign story unless a namesake has local support there.
WORLD_CITY_POPULATION = 1_000_000


def _feature_prior(c: Candidate) -> float:
    code = c.place.feature_code or ""
    pop = c.place.population
    base = math.log10(pop + 10)
    if code in MACRO_CODES:
        return 7.0 + (4.0 if c.exact else 0.0)
    if code.startswith("PCL") or code == "CONT":
        return base + (4.0 if c.exact else 0.0)
    if code == "ADM1":
        return base - 0.3 + (1.0 if c.main else 0.0)
    if code == "ADM2":
        return base - 1.5
    if code == "PPLC":
        base += 1.0
    return base + (0.7 if c.main else 0.0)


def _prior(c: Candidate) -> float:
    return _feature_prior(c) - (0.0 if c.exact else 2.5)


def _skeleton(name: str) -> str:
    """A spelling-blind form of an admin name: "Idleb"/"Idlib", "Ar-Raqqa"/"Ar-Raqqah" agree."""
    words = [w for w in normalise(name).split() if w not in ARTICLES and w not in REGION_CUES]
    text = "".join(words).replace("q", "k").replace("c", "k")
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", text))


_INITIAL_CLASSES = {**dict.fromkeys("aeiouy", "a"), **dict.fromkeys("ckq", "k")}


def _initials(name: str) -> tuple[str, str]:
    words = [w for w in normalise(name).split() if w not in ARTICLES] or [""]
    first, last = words[0][:1], words[-1][:1]
    return _INITIAL_CLASSES.get(first, first), _INITIAL_CLASSES.get(last, last)


def _same_initial(a: str, b: str) -> bool:
    """Whether two spellings start alike (vowels, and c/k/q, count as one), at their first or
    last word: a transliteration keeps its first sound ("Bou Kamal" and "Abu Kamal" agree on
    "Kamal"), so a loose match that does not ("European" to Ripon, "Latin" to Alton) is another
    word that shares consonants by chance."""
    (a1, a2), (b1, b2) = _initials(a), _initials(b)
    return a1 == b1 or (a2 == b2 and (" " in a.strip() or " " in b.strip()))


def same_admin(admin: str | None, name: str) -> bool:
    """Whether a text name is an admin area's name, spelling aside; `placing` uses it too, to
    tell "Ghatail (Tangail, Dhaka)"'s area names from places."""
    if not admin:
        return False
    if normalise(admin) == normalise(name):
        return True
    a, b = _skeleton(admin), _skeleton(name)
    return len(a) >= 2 and a == b


# What may stand between a place and the larger area it lies in: "X, Y", "X (Y", "X (Y LGA, Z",
# "X in Y", "Zap (Amadiya) region of Dahuk", "Jampur union, Sonargaon upazila (Narayanganj".
_GAP = re.compile(
    r"^(?:[\s,(/]*(?:(?:lga|district|province|department|municipality|county|state|region|"
    r"governorate|division|city|town|village|area|upazila|tehsil|taluka|township|sub-county|"
    r"subcounty|constituency|commune|raion|rayon|union|ward)\b[\s,()]*)*(?:in\s+(?:the\s+)?)?|"
    r"\)?\s*(?:region|district|province|governorate|area)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


# The commas of an enumeration, and the word that closes it: "Copenhagen, Hamburg and Mannheim".
_COMMA = re.compile(r"\s*,\s*")
_LIST_END = re.compile(r",?\s+(?:and|or)\s+")


def _listed(spans: list[Span], text: str) -> set[int]:
    """Spans of an enumeration of three names or more ("shows in Copenhagen, Hamburg, Brasoc
    and Mannheim"): the name after a comma may be a peer, not the area the one before lies in,
    so it cannot put that one elsewhere (it may still confirm it: "New Haven, Conn., Sioux
    Falls, S.D. and Surprise, Ariz.")."""
    out: set[int] = set()
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and _COMMA.fullmatch(text, spans[j].end, spans[j + 1].start):
            j += 1
        if (
            j > i
            and j + 1 < len(spans)
            and _LIST_END.fullmatch(text, spans[j].end, spans[j + 1].start)
        ):
            out.update(range(i, j + 2))
        i = j + 1
    return out


# The rest of a name the gazetteer knows only the head of: "Mafraq" of "Mafraq ar Ruwayk area
# (Marib)". The bracket after it still names the area the whole lies in.
_NAME_TAIL = re.compile(
    r"^[\s-]+(?:al|ar|as|ad|an|at|ash|az|el|ad|de|da|del|la|bin|bani)[\s-]+[A-Z][\w'’]*"
    r"(?:\s+[A-Z][\w'’]*)?(?=[\s,(])"
)


def _followers(spans: list[Span], text: str) -> list[list[int]]:
    """For each span, the spans that may name the areas it lies in (up to three, chained)."""
    out: list[list[int]] = []
    for i in range(len(spans)):
        chain: list[int] = []
        k = i
        while k + 1 < len(spans) and len(chain) < 3:
            gap = text[spans[k].end : spans[k + 1].start]
            tail = _NAME_TAIL.match(gap)
            if tail and k == i and gap[tail.end() :].strip():
                gap = gap[tail.end() :]
            if not gap.strip() or not _GAP.match(gap):
                break  # (a bare space joins the words of one name: "Washington Post")
            k += 1
            chain.append(k)
        out.append(chain)
    return out


class _Story:
    """What the story says about countries: counts, dateline, names mentioned."""

    def __init__(self) -> None:
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.voters: defaultdict[str, set[str]] = defaultdict(set)  # country -> names behind it
        self.admin1s: Counter[tuple[str, str]] = Counter()
        self.weak: dict[str, set[str]] = {}  # country -> names of weak spans that may lie there
        self.names: set[str] = set()
        self.dateline_country: str | None = None
        self.dateline_end = -1  # where a dateline at the top of the text ends
        # Towns the first pass resolved with confidence: (lat, lon, name), for proximity.
        self.anchors: list[tuple[float, float, str]] = []
        self.cells: dict[tuple[int, int], set[str]] = {}  # grid cell -> names with a sense there

    @property
    def focus(self) -> str | None:
        if not any(self.countries.values()):
            return None
        return sorted(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _contained(c: Candidate, follower_texts: list[str], gaz: Gazetteer, own: str = "") -> bool:
    """Whether a name that follows this one ("X, Y", "X (Y, Z)") names the area it lies in, or
    names the town again ("Washington, D.C.", "Farah (Farah)")."""
    p = c.place
    for name in follower_texts:
        if not c.exact and normalise(name) == normalise(own):
            continue  # "Busoni (Busoni, Kirundo)": a loose reading (Busan) of the name is not
            # confirmed by the name said again, whose consonants are its own
        if same_admin(p.admin1, name) or same_admin(p.admin2, name):
            return True
        if (p.feature_code or "").startswith("PPL") and normalise(p.name) == normalise(name):
            return True
        if p.country and gaz.country_code(name) == p.country:
            return True
        if any(_holds(a.place, p) for a in gaz.candidates(name, False)):
            return True  # "Hays (Al Hudaydah)": an alternate name of its region
    return False


def _holds(area: Place, p: Place) -> bool:
    """Whether a region or district of the gazetteer is the one a place lies in (by the names
    the gazetteer gives both, so any alternate name of the area counts)."""
    if area.country != p.country or not p.admin1 or area is p:
        return False
    if area.feature_code == "ADM1":
        return area.admin1 == p.admin1
    if area.feature_code == "ADM2":
        return area.admin1 == p.admin1 and bool(p.admin2) and area.admin2 == p.admin2
    return False


def _contradicted(
    c: Candidate, follower_texts: list[str], gaz: Gazetteer, area: Span | None, text: str = ""
) -> bool:
    """Whether the name that follows puts the place elsewhere in its own country: "Orikhove,
    Luhansk" is not the Orikhove of Crimea, nor "Rass Al Ain in Fes" a town 200 km from Fes."""
    p = c.place
    if (
        p.feature_code == "ADM1"
        and area is not None
        and any(a.exact and a.place.feature_code == "ADM1" for a in area.cands)
        and all(a.place.country != p.country for a in area.cands if a.exact)
    ):
        return True  # "Karak area in Dar'a": the region of another country named right after
        # it (Syria's Daraa) puts it there, not in Jordan's Karak governorate
    if not p.country or (p.feature_code or "").startswith(("ADM1", "PCL")):
        return False
    regions = gaz.admin1_names(p.country)
    if any(normalise(name) in regions and not _beside(p, name, gaz) for name in follower_texts[:1]):
        return True
    for name in follower_texts[:1]:  # an alternate name of another region of its country
        areas = [a.place for a in gaz.candidates(name, False) if a.place.country == p.country]
        if (
            any(a.feature_code == "ADM1" for a in areas)
            and not any(_holds(a, p) for a in areas)
            and not _beside(p, name, gaz)
        ):
            return True
    if area is None:
        return False
    if area.cands and all(a.place.country != p.country for a in area.cands if a.exact):
        return any(a.exact for a in area.cands)  # "Santhia (Pabna, Rajshahi)" is not in Italy
    towns = [
        a.place
        for a in area.cands
        if a.exact and a.place.country == p.country and (a.place.feature_code or "") != "ADM1"
    ]
    # A district counts as a town, farther off: "firing in Rampur, Kaushambi (UP)" is no
    # Rampur 400 km from Kaushambi district (but "Oklahoma City, Tulsa and suburbs" are peers).
    kinds = ("PPL",) if _LIST_END.match(text, area.end) else ("PPL", "ADM2")
    if not towns or any(not (t.feature_code or "").startswith(kinds) for t in towns):
        return False
    if any(_holds(t, p) for t in towns):
        return False
    return all(
        _km(t.latitude, t.longitude, p.latitude, p.longitude)
        > (DISTRICT_KM if t.feature_code == "ADM2" else 100)
        for t in towns
    )


def _beside(p: Place, region: str, gaz: Gazetteer) -> bool:
    """Whether a town lies close to the middle of the region said to hold it, though the
    gazetteer files it under another one ("Thika town (Kiambu county)": GeoNames keeps Thika in
    Kenya's former Nairobi Area). Admin codes lag boundary changes; coordinates do not."""
    return any(
        a.place.country == p.country
        and a.place.feature_code == "ADM1"
        and _km(a.place.latitude, a.place.longitude, p.latitude, p.longitude) <= BESIDE_KM
        for a in gaz.candidates(region, False)
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance: the same as geo_eval's, kept here so scoring needs no import."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _contains(c: Candidate, inner: list[Span]) -> bool:
    """Whether this area candidate holds a candidate of a name just before it ("Y" of "X, Y")."""
    code = c.place.feature_code or ""
    if not code.startswith(("ADM", "PCL")):
        return False
    for span in inner:
        for a in span.cands:
            if a.place.country != c.place.country:
                continue
            if (
                code.startswith("PCL")
                or same_admin(a.place.admin1 if code == "ADM1" else a.place.admin2, c.place.name)
                or _holds(c.place, a.place)
            ):
                return True
    return False


@dataclasses.dataclass(frozen=True)
class _Namesakes:
    """What else one name may mean: `countries` whose own (main) name it is, and the regions
    (country, admin1) that hold a town of that name."""

    countries: frozenset[str | None]
    towns: frozenset[tuple[str | None, str | None]]


def _score(
    c: Candidate,
    span: Span,
    story: _Story,
    gaz: Gazetteer,
    regions: dict[tuple[str | None, str], int],
    contained: bool,
    contains: bool,
    names: _Namesakes,
) -> float:
    p = c.place
    code = p.feature_code or ""
    s = _prior(c)
    region_pop = regions.get((p.country, normalise(p.admin1 or "")))
    if code.startswith("PPL") and region_pop is not None and p.population * 30 >= region_pop:
        s += 1.5  # the namesake city of a region also named here: the city, unless cued
        # (not a hamlet of a state: "Florida" is not Florida's village of 3,000)
    if not c.main and not code.startswith("PCL") and names.countries:
        s -= 3.0  # "Mexico" is the country, though Mexico City is also called so; "Canada"
        # is the country, not La Cañada's alternate name, whatever the story's focus
    elif (
        not c.main
        and code.startswith("PPL")
        and p.population * 30 < regions.get((p.country, normalise(span.text)), 0)
    ):
        s -= 3.0  # "Montana" is the state, not an alternate name of Montana City (but "New
        # York" and "Oklahoma" may be their cities, of a size with the state)
    elif (
        code.startswith("PPL")
        and not (span.cue_town or span.cue_region)
        and p.population * HAMLET_RATIO < regions.get((p.country, normalise(span.text)), 0)
    ):
        s -= 3.0  # "England and Wales", "a man in Florida won": a hamlet named like a region
        # of its own country (Wales, England; Florida, New York) is the region, unless cued
    if not c.main and code.startswith("PCL") and (p.country, normalise(span.text)) in regions:
        s -= 5.0  # a part's own name that is also an alias of its country ("England", "Gaza
        # Strip", "West Bank") names the part
    total = sum(story.countries.values())
    alone = not (story.voters.get(p.country or "", set()) - {normalise(span.text)})
    if p.country and total > 0 and alone:
        s -= ALONE_PENALTY  # the story points elsewhere, and nothing else in it points here
    if p.country and total > 0 and not alone:  # (a name's own vote earns it nothing)
        share = story.countries.get(p.country, 0.0) / total
        s += 2.5 * share + (0.5 if story.countries.get(p.country, 0.0) else 0.0)
        if p.country == story.focus:
            s += 1.0
    if p.country and p.country == story.dateline_country:
        s += 0.5
    if span.end <= story.dateline_end and code.startswith("PPL"):
        s += 1.5  # a dateline names the town the story was filed from ("WASHINGTON (AP)")
    if (
        p.admin1
        and normalise(p.admin1) in story.names
        and normalise(p.admin1) != normalise(span.text)
    ):
        s += 3.0  # its region is named elsewhere in the story
    if p.admin1 and p.country and story.admin1s:
        top = story.admin1s.most_common(1)[0][0]
        if (p.country, p.admin1) == top and code != "ADM1":
            s += 1.5
    if story.anchors:  # near the story's other places: the local "Paris", "Columbus"
        key = normalise(span.text)
        near = min(
            (_km(lat, lon, p.latitude, p.longitude) for lat, lon, k in story.anchors if k != key),
            default=None,
        )
        if near is not None:
            s += 2.0 if near <= 100 else 1.0 if near <= 300 else 0.0
    if story.cells and p.precision < 3 and c.main:  # another name may lie by it: "Bogata"
        key = normalise(span.text)
        y, x = math.floor(p.latitude), math.floor(p.longitude)
        others = set().union(
            *(story.cells.get((y + dy, x + dx), set()) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        )
        others.discard(key)
        s += min(len(others), 3) * 0.4
    if contained:
        s += 5.0
    if contains:
        s += 3.0
    if span.cue_region:  # "X district" is the district of a province of the same name
        if code in ("ADM1", "ADM2"):  # (a district's prior is lower: it weighs more)
            s += {"ADM1": 3.0, "ADM2": 7.0}[code] if span.cue_district else 5.0 - (code == "ADM2")
    elif code == "ADM1" and (p.country, p.admin1) in names.towns:
        s -= 0.8  # a bare name shared by a region and its main city is the city (but the
        # "Wyoming" of Michigan is no city of the state of Wyoming)
    if span.cue_town and code.startswith("PPL"):
        s += 3.0
    return s


# Words after a name that make it part of a street's or building's name: such names honour
# people and far-away places as often as the town they stand in.
_FACILITY = re.compile(
    r"(?:'s|’s)?\s+(?:Road|Street|St|Avenue|Ave|Drive|Lane|Boulevard|Blvd|Farms?|Chapel|"
    r"Cent(?:er|re)|Hospital|School|Church|Palace|Hotel|Stadium|Arena|Club|Restaurant|Mall)\b"
)


# "of" and a capitalised word after a name: the name heads a longer one ("Coast of Zwara").
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def _world_city(c: Candidate) -> bool:
    """A capital of a million people or more under its own name: news the world over names
    London, Paris and Cairo without saying which country they are in."""
    return (
        c.exact
        and c.main
        and c.place.feature_code == "PPLC"
        and c.place.population >= WORLD_CITY_POPULATION
    )


def _local(c: Candidate, span: Span, story: _Story) -> bool:
    """Whether the story says a place is the one meant: its region is named, another of the
    story's places lies within 300 km, or it is a city of the story's own country."""
    p = c.place
    if (
        p.admin1
        and normalise(p.admin1) in story.names
        and normalise(p.admin1) != normalise(span.text)
    ):
        return True
    if p.country and p.country == story.focus and p.population >= 100_000:
        return True
    key = normalise(span.text)
    return any(
        k != key and _km(lat, lon, p.latitude, p.longitude) <= 300 for lat, lon, k in story.anchors
    )


def _overshadowed(c: Candidate, giant: int, span: Span, story: _Story, held: bool) -> float:
    """A penalty for a small town whose name is also a city of millions ("London" of 2,000
    people in Ohio), unless the story puts it there: its region named, or another of the
    story's places within 100 km. A story's country alone is weak evidence: American news
    speaks of London and Rome too."""
    p = c.place
    if giant < 1_000_000 or p.population * 50 >= giant or held:
        return 0.0
    if p.admin1 and normalise(p.admin1) in story.names:
        return 0.0
    key = normalise(span.text)
    for lat, lon, k in story.anchors:
        if k != key and _km(lat, lon, p.latitude, p.longitude) <= 100:
            return 0.0
    return 3.0


# Words after a country's name that make it a currency or an economy ("the high US dollar
# exchange rate" in a Lebanese story). Such mentions keep a score below any ranked one (whose
# confidence is at least 0.5), and `focus_country` passes over them.
_ECONOMY = re.compile(r"\s+(?:dollars?|currency|exchange rate|pounds?|lira|treasury)\b", re.I)
ECONOMY_SCORE = 0.2
# Words after a country's name that make it the owner of a force or an office ("US military
# forces", "Turkey-backed"): it weighs as a demonym does, not as a place named.
_FORCES = re.compile(
    r"(?:\s+|-)(?:military|forces|troops|army|soldiers|navy|air\s+force|warplanes|drones?|"
    r"backed|led)\b",
    re.I,
)

# Nouns after a name that make it a place, not an adjective: "in Sharan area", "in Aleppo
# countryside", "on Karak outskirts".
_AREA_AFTER = re.compile(r"\s+(?:area|areas|countryside|outskirts|vicinity|environs)\b")
# A lower-case word after a name that makes the name a modifier ("Tarapur tea garden", "Kalia
# tea estate"), unless it is a function word or a cue to a place's kind.
_MODIFIES = re.compile(
    r"\s+(?!(?:on|in|at|and|or|of|near|to|from|by|with|after|before|during|under|over|where|"
    r"which|who|that|as|is|was|were|are|has|had|have|for|since|when|while|but|the|a|an|"
    r"upazila|union|ward|village|town|city|area|areas|district|sub|police|thana|bazar|market|"
    r"bazaar|municipality|pourashava|constituency|county|commune|arrondissement|raion|"
    r"hromada|settlement|oblast|region|province|outskirts|residents|villagers|locals)\b)"
    r"(?![a-z]+(?:ed|ing)\b)[a-z]"
)
# Prepositions right before a name that make it the place itself, whatever follows it.
_PLACED_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|around|into)\s+(?:the\s+)?$", re.I)


def _minor(p: Place) -> bool:
    """A village-level place folded in from sources other than GeoNames (`minor_places`): no
    GeoNames id, no population, a village's precision, and a union's, ward's or settlement's
    kind (GeoNames' own places all have an id; the regions derived from them are ADM1/ADM2)."""
    return (
        p.geonameid is None
        and p.population == 0
        and p.precision == 2
        and (p.feature_code or "") in ("PPL", "ADM3", "ADM4")
    )


def _minor_doubtful(span: Span, c: Candidate, text: str) -> bool:
    """Whether a village-level place of the minor sources is more likely some other thing of
    its name: a part of a longer name ("Chatra" of "Chatra Dal", "Birni" of "Birni Lafia",
    "Jahangirnagar" of "Jahangirnagar University"), or a word that qualifies the noun after
    it ("workers of Tarapur tea garden"). A union or ward shares its name with many others;
    only a place's syntax makes it the place."""
    if not _minor(c.place):
        return False
    return span.fragment or _modifier(span, text)


def _modifier(span: Span, text: str) -> bool:
    """Whether a name qualifies the noun after it ("Tarapur tea garden"), with no cue word
    ("Tarapur union") that makes it a place's. After "in", "at" or "near" the name is the
    place and the word after it a verb ("a mob in Likuyani lynched a thief")."""
    return (
        bool(_MODIFIES.match(text, span.end))
        and not (span.cue_town or span.cue_region)
        and not _PLACED_BEFORE.search(text, max(0, span.start - 12), span.start)
    )


# Characters either side of a name searched for the same word in lower case.
_WINDOW = 5_000


def _acceptable(span: Span, c: Candidate, story: _Story, text: str, contained: bool) -> bool:
    """Weak spans (ORG/PERSON/plain capitalised words) need more evidence to count as places.

    A loose (transliteration) match needs the story to point at its country already: a loose
    match elsewhere is more likely a different place the gazetteer lacks than the one meant.
    """
    code = c.place.feature_code or ""
    country = c.place.country
    # Support from the rest of the story: a name's own vote does not vouch for itself.
    known = bool(country and story.voters.get(country, set()) - {normalise(span.text)})
    # The story's country as the rest of it tells: "Amara city" voting for Ethiopia's Amhara
    # (an alternate name) must not make Iraq's Amarah foreign.
    focus = story.focus
    if focus is not None and not (story.voters.get(focus, set()) - {normalise(span.text)}):
        focus = None
    local = bool(country) and country == focus
    # Foreign to the country the story's places point to: a demonym alone ("Turkish forces
    # shelled Abboush in al-Hasakeh", "Syrian mercenaries in Misrata") names whose actors
    # they are as often as where, and does not make the places named beside it foreign.
    named = _named_focus(story, normalise(span.text))
    foreign = named not in (None, country)
    if span.in_chain and span.locative and code == "ADM1" and c.exact and _one_area(span):
        return True  # "Karak area in Dar'a": a region named as the area of the place before it
        # is that region, whatever country a namesake of that place would make the story's
    if _minor_doubtful(span, c, text):
        return False
    if (
        focus not in (None, country)
        and code.startswith("PPL")
        and c.place.population < 10000
        and _modifier(span, text)
    ):
        return False  # "workers of Tarapur tea garden" in a Bangladeshi story: no hamlet of
        # India's, but a garden's name
    if contained and (c.exact or code.startswith("PPL")):
        return True  # "Biu (Borno)": the area it lies in is named right after it
    if (
        span.camp
        and c.exact
        and code.startswith("PPL")
        and (local or (c.main and _one_country_exact(span)))
    ):
        return True  # "Sudanese refugees clashed in the Kakuma refugee camp": a camp takes its
        # town's name, and its refugees' countries are not the story's
    if span.strong and c.exact and code in MACRO_CODES and not span.fragment:
        return True  # "the tropical Atlantic": an ocean or world region lies in no country
    if (
        _acronym(span)
        and not (known or local)
        and not code.startswith(("PCL", "CONT"))
        and not (code.startswith("PPL") and c.place.population >= 1000000)
    ):
        # "AL" (the Awami League) of a Bangladeshi story is no Norwegian town: short capitals
        # are acronyms, but for countries ("UK", "DRC"), cities known by theirs ("LA", "NYC")
        # and places of the story's own country
        return False
    if span.fragment and c.exact and code.startswith(("PCL", "CONT")) and span.text[:1].isupper():
        return True  # "Air Zimbabwe", "US Special Forces": a country inside a longer name
    if (
        span.road
        and c.exact
        and (c.main or code in ("ADM1", "ADM2"))
        and (local or (not foreign and _one_country_exact(span)))
        and (code.startswith("ADM") or c.place.population >= 1000)
    ):
        return True  # "the Garsen-Lamu road": a road is named after the towns it links
    if not c.main and _OF_NAME.match(text, span.end):
        return False  # "Coast of Zwara", "Gate of Tripoli": the head of a longer name, not
        # the region (Tanzania's Pwani) that an alternate name of it matches
    if span.fragment and _FACILITY.match(text, span.end):
        return False  # "Kingsley Road", "Wilson's Farm": a street or building named after it
    if span.fragment:  # part of a longer capitalised run: "Ibrahim" of "Ibrahim Gokcek"
        if not c.exact:
            return False
        hyphened = text[span.end : span.end + 1] == "-" or text[span.start - 1 : span.start] == "-"
        if (
            c.main
            and c.place.population >= 100000
            and (known or (focus in (None, country) and not hyphened))
        ):
            # (a part of a longer name is weak evidence: any other country the story points
            # to, even by a demonym only, makes it foreign; and one side of a hyphenated name
            # the gazetteer lacks, "Sava" of "Mayo-Sava", needs the story's support)
            return True  # "Manila Cathedral", "Toronto Police Services Board"
        if not (c.main or code.startswith("ADM")):
            return False  # "Kalan" ("big") of "Dhandari Kalan": an alternate name of Raya
        return local and (c.place.population >= 5000 or code.startswith("ADM") or span.locative)
    if not c.exact and not _same_initial(span.text, c.place.name):
        return False
    if not c.exact and focus is None and c.similarity < 0.8:
        return False  # with no country to go by, only a near-identical spelling will do
    if not c.exact:
        if span.cue_region and code in ("ADM1", "ADM2") and focus in (None, country):
            return True  # "Idleb province": the cue word confirms the kind
        if span.in_chain and code == "ADM1" and focus in (None, country):
            return True  # "(Chawkay district, Kunar)": the end of an admin chain is a region
        if not code.startswith("PPL"):  # "Tokoro" is no spelling of the Atakora named beside it
            return False
        if (
            c.similarity >= NEAR_SPELLING
            and c.place.population >= 100000
            and (span.locative or span.cue_town)
            and not foreign
        ):
            return True  # "in Quamishli city": a city under a spelling one letter from its own
        if span.strong:
            return known and (c.place.population >= 1000 or local)
        placed = span.locative or span.near or span.dwellers or span.target or span.in_chain
        city = c.similarity >= NEAR_SPELLING and c.place.population >= 100000
        return local and c.place.population >= 1000 and (placed or city)  # ("the Prime
        # Minister" is no spelling of Periam: an unlabelled word wants a place's syntax, or
        # to be a city's name but for a letter, "Qamishli", to be read as a variant)
    if c.exact and not c.main and not known and foreign and c.place.population < 1000000:
        return False  # "Colonia" in a Mexican story is no alternate name of Cologne
    if foreign and not known and code.startswith("PPL") and c.place.population < 5000:
        return False  # "Kazi" of a Bangladeshi story is no hamlet of Tibet, nor an Afghan
        # "Chora" a village of Greece
    settled = foreign and story.countries.get(focus or "", 0.0) >= 1.5
    if settled and not known and code.startswith("PPL") and c.place.population < 50000:
        return False  # "Chora district" in an Afghan story is no village in Greece
    if span.strong:
        if span.label == "LOC" and code.startswith("PPL") and not (c.main and local):
            return c.place.population >= 100000  # LOC names regions: "Middle East" is no hamlet
            # (but a town of the story's country under its own name is that town: "New Quay")
        # A small place abroad known only by an alternate name ("Guru" for Iran's Garuk) is
        # more likely a place the gazetteer lacks than that one; but in a story that points to
        # no country, "in Braytal" (Brital's spelling) is known in one country only.
        return (
            c.main
            or known
            or not code.startswith("PPL")
            or c.place.population >= 100000
            or ((span.locative or span.near) and named is None and _one_country_exact(span))
        )
    key = normalise(span.text)
    if span.text.isupper() and len(key) == 2 and code.startswith(("PCL", "CONT")):
        return True  # "US", "UK", "EU" written as such
    if key in NON_NAMES or len(key) < 3:
        return False
    # The word also occurs in lower case nearby: a common word, not a name. (Looked for within a
    # window, so that a book-length input costs no more per name than a story.)
    window = text[max(0, span.start - _WINDOW) : span.end + _WINDOW]
    if re.search(r"(?<![A-Za-z])" + re.escape(key) + r"(?![A-Za-z])", window):
        return False
    if code.startswith("PCL") or (c.exact and (code in MACRO_CODES or code == "CONT")):
        return True  # (and a continent, also named for its union: "the European Union")
    if span.locative and c.main and c.place.population >= 100000:
        return True  # "outskirts of Kharkiv": a big place after a locative cue, whatever the label
    if (
        span.cue_region
        and code in ("ADM1", "ADM2")
        and (local or (not foreign and _one_area(span)))
    ):
        return True  # "(Poonch district, J&K)": the cue word says what kind of place it is
    adjective = re.match(r"\s+[a-z]", text[span.end : span.end + 3]) and not (
        span.cue_town or span.cue_region or _AREA_AFTER.match(text, span.end)
    )  # ("Ghoryan district", "Sharan area": a cue word makes the name a place's, whatever its
    # label)
    if span.label == "NORP" and (adjective or not span.locative) and not span.dwellers:
        return False  # "Kikuyu elders", "in Arab neighbourhoods"; but "schools in Mtwapa."
    if (span.locative or span.dwellers) and c.main and not foreign and c.place.population >= 5000:
        return True  # "clashes in Moyale", "Keroka residents" in a story that points to no
        # other country
    if span.in_chain and code == "ADM1" and (c.main or _one_area(span)) and not foreign:
        return True  # "(Nyamurenza, Ngozi)": the last name of an admin chain is its region
    if (
        span.target
        and (c.main or code in ("ADM1", "ADM2"))
        and not foreign
        and _one_country_exact(span)
        and (code.startswith("ADM") or c.place.population >= 5000)
    ):
        return True  # "militants attacked Garba Tula", "entering Bekaa": a town of one country
        # only, as the object of a verb that takes places (a person's name rarely is one)
    if not known:  # only a big city under its own name stands without support from the story
        if (
            c.main
            and c.place.population >= 500000
            and span.label != "PERSON"
            and (code != "ADM1" or _one_area(span))
        ):  # ("the Eastern bypass" of a Kenyan story is no region of Ghana's or Zambia's)
            return True
        # ...or, in a story that points to no country at all, a sizeable town whose every exact
        # reading lies in one country ("Narok residents": only Kenya has a Narok).
        readings = {x.place.country for x in span.cands if x.exact}
        if (span.locative or span.near) and named is None and len(readings) == 1:
            # "explosions near Novoluhanske": a name known in one country only, after a
            # locative, is that place whatever its size (no country is assumed for others),
            # even under a former or alternate name ("near Kominternove", now Pikuzy)
            return len(span.cands) == 1 or code.startswith("PPL")
        return (
            named in (None, country)
            and c.main
            and c.place.population >= 20000
            and span.label in {"PROPN", "GPE"}
            and len(readings) == 1
        )
    if span.locative and local:
        return True
    # cities500 holds a town of unknown population (0) because it is the seat of an admin area
    # ("between Harim and Sarmada towns"): under its own name in the story's own country, it is
    # a town, not a hamlet.
    seat = local and c.main and c.place.population == 0 and code.startswith("PPL")
    if span.label == "PROPN":
        return c.place.population >= 1000 or code.startswith("ADM") or seat
    if span.label == "PERSON":  # people are often named after places: want a strong hint
        focus_multiword = local and len(span.text.split()) > 1
        return c.place.population >= 20000 or code == "ADM1" or focus_multiword
    return code.startswith("ADM") or c.place.population >= (1000 if local else 50000) or seat


def _named_focus(story: _Story, own: str) -> str | None:
    """The story's country as its names other than `own` tell: when only demonyms back the
    leading country, the next one some name backs (else none)."""
    focus = story.focus
    others = story.voters.get(focus, set()) - {own} if focus is not None else set()
    if not others:
        return None
    if others - {"@demonym"}:
        return focus
    named = [
        (weight, iso)
        for iso, weight in story.countries.items()
        if weight and story.voters.get(iso, set()) - {own, "@demonym"}
    ]
    return min(named, key=lambda wi: (-wi[0], wi[1]))[1] if named else None


def _acronym(span: Span) -> bool:
    return span.text.isupper() and len([ch for ch in span.text if ch.isalpha()]) <= 3


def _one_country_exact(span: Span) -> bool:
    """Whether every exact reading of a name lies in one country."""
    return len({c.place.country for c in span.cands if c.exact}) == 1


def _one_area(span: Span) -> bool:
    """Whether a name's exact regions and districts all lie in one country ("Sud-Kivu", an
    alternate name of South Kivu alone, is safe to take; "Central" is not)."""
    return (
        len(
            {
                c.place.country
                for c in span.cands
                if c.exact and (c.place.feature_code or "") in ("ADM1", "ADM2")
            }
        )
        == 1
    )


def _dateline(doc: Document, gaz: Gazetteer) -> str | None:
    line = doc.dateline
    if not line:
        m = _DATELINE.match(doc.text)
        line = m.group(1) if m else None
    if not line:
        return None
    cands = gaz.candidates(line.split(",")[0].strip().title(), False)
    return cands[0].place.country if cands else None


def _precision(place: Place, span: Span) -> Place:
    code = place.feature_code or ""
    if span.near and code.startswith("PPL") and place.precision < 2:
        return dataclasses.replace(place, precision=2)
    return place


def _one_country(cands: list[Candidate]) -> bool:
    """Whether a name's regions all lie in one country ("Borno" yes, "North East" no)."""
    return len({c.place.country for c in cands if c.place.feature_code == "ADM1"}) == 1


def _city_reading(exact: list[Candidate]) -> Candidate | None:
    """The city of 50,000 or more a name stands for under its own name, when what it may mean
    in its country (the city, its province) outweighs its namesakes elsewhere five times over
    (Dar'a of Syria, not Dara of Senegal)."""
    mains = [x for x in exact if x.main and x.place.country]
    if not mains:
        return None
    top = max(mains, key=lambda x: x.place.population)
    if top.place.population < 50000:
        return None
    home = sum(x.place.population for x in exact if x.place.country == top.place.country)
    abroad = sum(x.place.population for x in exact if x.place.country != top.place.country)
    return top if home >= 5 * abroad else None


def _vote(
    spans: list[Span], follow: list[list[int]], story: _Story, gaz: Gazetteer, text: str
) -> None:
    """First pass: the context-free best exact sense of each name votes for its country."""
    for i, span in enumerate(spans):
        if _ECONOMY.match(text, span.end):
            continue  # "US dollar": a currency says nothing of where the story is
        if _FORCES.match(text, span.end):
            country = next(
                (
                    c.place.country
                    for c in span.cands
                    if c.exact and (c.place.feature_code or "").startswith("PCL")
                ),
                None,
            )
            if country:  # "a drone strike by US military forces ... in Chawkay, Kunar": whose
                story.countries[country] += DEMONYM_WEIGHT  # forces, as a demonym says,
                story.voters[country].add("@demonym")  # not where they struck
                continue
        exact = [c for c in span.cands if c.exact]
        if exact:
            story.names.add(normalise(span.text))
        texts = [spans[j].alias or spans[j].text for j in follow[i]]
        held = [c for c in span.cands if texts and _contained(c, texts, gaz, span.text)]
        if held:  # "Biu (Borno)": a name and its area agree on a country
            country = max(held, key=_prior).place.country or ""
            story.countries[country] += 1.0
            story.voters[country].add(normalise(span.text))
            continue
        if not exact:
            continue
        best = max(exact, key=_prior)
        if not best.place.country:
            continue
        country = best.place.country
        code = best.place.feature_code or ""
        if span.fragment:
            continue  # "Bus" of "Old Bus Stand", "US" of "US dollar": no sign of where it is
        if span.strong or code.startswith("PCL") or (code == "ADM1" and _one_country(exact)):
            story.voters[country].add(normalise(span.text))
        if span.strong:
            # An alternate name of a small place abroad ("Ash-Shajara" of Jordan, in a story
            # about Dar'a) is weaker evidence than a place's own name.
            weight = 1.0 if best.main or best.place.population >= 100000 else 0.5
            story.countries[country] += 1.5 if code.startswith("PCL") else weight
            if best.place.admin1 and len(span.cands) == 1:
                story.admin1s[(country, best.place.admin1)] += 1
        elif code.startswith("PCL"):
            story.countries[country] += 1.5
        elif code == "ADM1" and best.main and not span.fragment and _one_country(exact):
            story.countries[country] += 0.7  # "Pernambuco", "Borno": regions name their country
        elif span.locative and _city_reading(exact) is not None:
            city = _city_reading(exact)
            assert city is not None and city.place.country
            story.countries[city.place.country] += 0.7  # "in Dar'a countryside": a city
            story.voters[city.place.country].add(normalise(span.text))
        elif not span.fragment:
            story.weak.setdefault(country, set()).add(normalise(span.text))
    story.countries.pop("", None)
    for iso, names in story.weak.items():
        if len(names) >= 2 and not story.countries.get(iso, 0.0):
            story.countries[iso] += 0.5  # several unlabelled names agreeing on one country
            story.voters[iso].update(names)


# A bare direction right after a capitalised word ends that word's name: "Gatundu South".
_DIRECTION_WORD = re.compile(r"(?:North|South|East|West|Central)")
_WORD_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]$")


def _split_off(span: Span, text: str) -> bool:
    """Whether a span is a piece split off a longer name the gazetteer lacks, and so no place:
    "Al" of "Al-msabha village", "South" of "Gatundu South" (not Lebanon's South)."""
    if normalise(span.text) in ARTICLES and text[span.end : span.end + 1] == "-":
        return True
    return bool(_DIRECTION_WORD.fullmatch(span.text)) and bool(
        _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    )


def geoparse(doc: Document, sdoc: Doc, gaz: Gazetteer, offset: int = 0) -> list[PlaceMention]:
    """Place mentions of one story; `offset` is where `sdoc`'s text starts in `doc.text`."""
    text = doc.text
    story = _Story()
    story.dateline_country = _dateline(doc, gaz)
    top = _DATELINE.match(text)
    if top and not doc.dateline:
        story.dateline_end = top.end(1)
    if story.dateline_country:
        story.countries[story.dateline_country] += 1
        story.voters[story.dateline_country].add("@dateline")
    clue = country_clue(text)
    if clue:  # "Amal Movement", "Bank Audi", "GSU camp": actors named as only one country's
        story.countries[clue] += CLUE_WEIGHT  # press names them say where the story is (so
        story.voters[clue].add("@clue")  # "Tripoli" is Lebanon's; "Mokowe" is Kenya's)
    clues = region_clues(text)  # "the OSCE SMM observed ... near Serhiivka": the Serhiivka
    story.names.update(region for _, region in clues)  # of Donetsk oblast, not of Odesa
    for iso in {iso for iso, _ in clues}:
        story.countries[iso] += CLUE_WEIGHT
        story.voters[iso].add("@clue")
    spans, demonyms = find_spans(sdoc, text, offset, gaz)
    spans = [s for s in spans if not _split_off(s, text)]
    for iso in demonyms:  # "a Russian patrol near Ras al-Ain": demonyms name actors as often
        story.countries[iso] += DEMONYM_WEIGHT  # as the story's country, and weigh less
        story.voters[iso].add("@demonym")
    follow = _followers(spans, text)
    for i in _listed(spans, text):
        spans[i].listed = True
    before: list[list[Span]] = [[] for _ in spans]
    for i, chain in enumerate(follow):
        for j in chain:
            before[j].append(spans[i])
            spans[j].in_chain = True
    _vote(spans, follow, story, gaz, text)
    mentions = _resolve_all(doc, spans, follow, before, story, story, gaz)
    # Second pass: what the first resolved ("Gainesville", "Hall County" in the US) tells the
    # story's country, so that an ambiguous "Georgia" follows the places around it. It only
    # re-ranks: which names count as places is still decided on the first pass's evidence.
    ranked = copy.deepcopy(story)
    for m in mentions:
        if m.place is not None and m.place.country and m.score >= 0.7:
            ranked.countries[m.place.country] += 0.5
            ranked.voters[m.place.country].add(normalise(m.text))
        if m.place is not None and m.place.precision < 3 and m.score >= 0.8:
            ranked.anchors.append((m.place.latitude, m.place.longitude, normalise(m.text)))
    for span in spans:  # where each name's likeliest senses lie, on a one-degree grid
        key = normalise(span.text)
        for c in sorted(span.cands, key=_prior, reverse=True)[:8]:
            if c.exact and c.main and c.place.precision < 3:
                cell = (math.floor(c.place.latitude), math.floor(c.place.longitude))
                ranked.cells.setdefault(cell, set()).add(key)
    mentions = _resolve_all(doc, spans, follow, before, story, ranked, gaz)
    mentions = _place_streets(mentions, text)
    mentions = _place_initials(mentions, text, offset, offset + len(sdoc.text))
    mentions = _place_hamlets(mentions, text, offset, offset + len(sdoc.text))
    return _place_sites(mentions, text, offset, offset + len(sdoc.text))


@functools.lru_cache(maxsize=1)
def _region_patterns() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    data = json.loads(
        (importlib.resources.files("wirewatch") / "data" / "region_clues.json").read_text("utf-8")
    )
    return tuple(
        (re.compile(c["pattern"]), c["country"], tuple(normalise(a) for a in c["admin1"]))
        for c in data["clues"]
    )


@functools.lru_cache(maxsize=16)
def region_clues(text: str) -> tuple[tuple[str, str], ...]:
    """(country, normalised admin1) of the regions a story's bodies and forces tie it to
    (`data/region_clues.json`): an OSCE monitors' report of shelling "near Serhiivka" names one
    of a dozen Serhiivkas of Ukraine, and the one meant lies on the Donbas contact line. A clue
    counts as the region named in the story, so it re-ranks namesakes and nothing more.

    Cached: a long story is geoparsed piece by piece, and each piece asks about the whole story.
    """
    out: list[tuple[str, str]] = []
    for pattern, iso, regions in _region_patterns():
        if pattern.search(text):
            out.extend((iso, region) for region in regions if (iso, region) not in out)
    return tuple(out)


# A village the gazetteer lacks, told with the area it lies in: "Umemger village of Guma LGA",
# "the village of Kafr Nabudah in Hama", "Rathbeggan, near Dunshaughlin".
_HAMLET = re.compile(
    r"(?:\b(?:village|hamlet|settlement)\s+of\s+)?(?<![\w'’-])([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"(?:\s+(?:village|hamlet|settlement))?(?:,?\s+(?:near|in|of|outside)\s+(?:the\s+)?|,\s*)$"
)
_HAMLET_CUE = re.compile(r"\b(?:village|hamlet|settlement)\b|\bnear\s+(?:the\s+)?$", re.I)


def _place_hamlets(
    mentions: list[PlaceMention], text: str, start: int, end: int
) -> list[PlaceMention]:
    """A village the gazetteer lacks, named with the town or district it lies in or near
    ("Umemger village of Guma LGA", "Rathbeggan, near Dunshaughlin"), is put near that place
    (precision 2), as ACLED codes an unlisted village to the nearest place it can: the word
    "village" (or "near") must say what it is, else "Mr Smith, in London" would be a place."""
    resolved = [m for m in mentions if m.place is not None]
    added: list[PlaceMention] = []
    for area in resolved:
        code = (area.place.feature_code or "") if area.place is not None else ""
        if area.place is None or not (code.startswith("PPL") or code in ("ADM1", "ADM2")):
            continue
        lead = _HAMLET.search(text, max(start, area.start - 60), area.start)
        if lead is None or not _HAMLET_CUE.search(lead.group()):
            continue
        first, last = lead.start(1), lead.end(1)
        if lead.group(1).split()[0] in _ARTICLE or any(
            m.start < last and first < m.end for m in [*resolved, *added]
        ):
            continue
        place = dataclasses.replace(area.place, precision=2)
        added.append(PlaceMention(area.doc_id, first, last, text[first:last], place, SITE_SCORE))
    return _with_added(mentions, added)


def _with_added(mentions: list[PlaceMention], added: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions with new places added; an unresolved mention that a new one covers gives way."""
    if not added:
        return mentions
    kept = [
        m
        for m in mentions
        if m.place is not None or not any(a.start < m.end and m.start < a.end for a in added)
    ]
    return sorted([*kept, *added], key=lambda m: m.start)


# Short capitals that may stand for a name: "T&T", "NJ", "N.B.", "DRC".
_INITIALS = re.compile(r"(?<![\w&.])(?:[A-Z]&[A-Z]|[A-Z]{2,4}|(?:[A-Z]\.){2,3})(?![\w&])")
_MINOR_WORDS = frozenset(["and", "of", "the", "&"])


def _initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _MINOR_WORDS]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _place_initials(
    mentions: list[PlaceMention], text: str, start: int, end: int
) -> list[PlaceMention]:
    """Initials of a place the story names in full stand for it: "T&T" after "Trinidad and
    Tobago", "NJ" after "New Jersey", "N.B." after "New Brunswick". Only initials of a name
    resolved in the same story count: alone, "SA" or "BC" may be many things."""
    full: dict[str, PlaceMention] = {}
    for m in mentions:
        key = _initials_of(m.text) if m.place is not None and m.score >= 0.7 else ""
        if key:
            full.setdefault(key, m)
    if not full:
        return mentions
    resolved = [m for m in mentions if m.place is not None]
    added: list[PlaceMention] = []
    for found in _INITIALS.finditer(text, start, end):
        named = full.get(re.sub(r"[.&]", "", found.group()))
        if named is None or any(m.start < found.end() and found.start() < m.end for m in resolved):
            continue
        added.append(
            PlaceMention(
                named.doc_id, found.start(), found.end(), found.group(), named.place, named.score
            )
        )
    return _with_added(mentions, added)


# A street's name after the name it honours ("Royal Street", "Hubbard streets", "Haifa Street").
_STREET = re.compile(
    r"(?:^|\s)(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Lane|Highway|"
    r"streets|avenues|roads)$"
)
_STREET_AFTER = re.compile(r"\s+(?:Street|Avenue|Road|Boulevard|streets|avenues|roads)\b")


def _place_streets(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """A street named after a town ("Royal Street", "Kingsley Road") lies in the story's town,
    not in the namesake: it takes the nearest town the story names with confidence ("Atlantic
    Avenue in Garden City"), or stays unplaced when there is none."""

    def street(m: PlaceMention) -> bool:
        return bool(_STREET.search(m.text) or _STREET_AFTER.match(text, m.end))

    towns = [
        m
        for m in mentions
        if m.place is not None
        and (m.place.feature_code or "").startswith("PPL")
        and m.score >= 0.7
        and m.place.population >= 5000  # a town with streets of its own, not "Elysian Fields"
        and not street(m)
    ]
    out: list[PlaceMention] = []
    for m in mentions:
        if m.place is None or not street(m):
            out.append(m)
            continue
        near = min(towns, key=lambda t: abs(t.start - m.start), default=None)
        if near is not None and near.place is not None:
            out.append(dataclasses.replace(m, place=near.place, score=min(m.score, near.score)))
    return out


# What names a street, a building or a venue as its last word ("Frenchmen Street", "Alder Hey
# Children's Hospital", "Meydan Racecourse"): places within a town that a gazetteer of towns lacks.
# The kinds in the first group are places by nature; those in the second also name the bodies
# housed there ("Harvard University", "the Supreme Court") and want a cue.
_STREET_HEADS = (
    r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Parade|Square|Airport|"
    r"Stadium|Racecourse|Cemetery|Graveyard"
)
_SITE_HEAD = re.compile(
    rf"\b(?:(?P<street>{_STREET_HEADS}|street|avenue|road)|(?P<site>Hospital|"
    r"Arena|University|College|Church|Chapel|Cathedral|Mosque|Temple|Synagogue|Cent(?:re|er)|"
    r"Theat(?:re|er)|Prison|Jail|Castle|Palace|Hotel|Museum|Library|Courthouse|Mall|"
    r"Barracks|Court|Hall))(?![\w\'’-])"
)
# One word of such a name, read leftwards from its last word: "Third", "14th", "St", "Children's".
# ("Vatican-owned" qualifies the name; it is no word of it.)
_SITE_WORD = re.compile(r"(?<![\w\'’.&-])(?:[A-Z](?:[\w\'’.&]|-(?![a-z]))*|\d+(?:st|nd|rd|th))\s+$")
# A building named at all is somewhere: "at the Colony Theatre", "to the Karl Bremer Hospital";
# without such a cue "Harvard University researchers" or "the Carter Center said" name bodies.
_SITE_CUE = re.compile(
    r"\b(?:at|in|inside|outside|near|to|into|from|on|of|by|opposite|behind)\s+(?:the\s+)?$", re.I
)
# Between a site and the town it is in: "Hospital in Rome", "Centre, Dublin".
_SITE_TOWN = re.compile(r"(?:\s*\([^()]{1,12}\))?(?:\s+(?:in|at|near)\s+|,\s*(?:in\s+)?)$")
_ARTICLE = frozenset(["The", "A", "An", "THE"])
SITE_SCORE = 0.3
# A site whose kind comes first: "Hotel Kyjev", "Museum of Ice Cream", "Palais des Nations".
_SITE_FIRST = re.compile(
    r"\b(?:Hotel|Palais|Museum|University|Basilica|Cathedral)\s+(?:(?:of(?:\s+the)?|de|des|du)\s+)?"
    r"[A-Z][\w\'’-]*(?:\s+[A-Z][\w\'’-]*){0,3}"
)
_SENTENCE_END = re.compile(r"[.!?;]\s")


def _main_town(towns: list[PlaceMention], focus: str | None, text: str) -> PlaceMention | None:
    """The town a story is about: its dateline's, else the town of its country it names most
    often, if at least twice (or it is the only one) and a town of 10,000 or more (a surname or
    a song title read as a hamlet, "Earlston", "Luck", is named once; the last town named before
    a site often is one)."""
    top = _DATELINE.match(text)
    for t in towns:
        if top is not None and t.start == top.start(1) and t.end == top.end(1):
            return t
    counts: Counter[int] = Counter()
    first: dict[int, PlaceMention] = {}
    for t in towns:
        if t.place is None or t.place.country != focus or t.score < 0.7:
            continue
        key = t.place.geonameid or id(t.place)
        counts[key] += 1
        first.setdefault(key, t)
    order = list(first)
    best = max(order, key=lambda k: (counts[k], -order.index(k)), default=None)
    if best is None or (counts[best] < 2 and len(counts) > 1):
        return None  # (the only town a story names is its town, named once or more)
    town = first[best]
    return town if town.place is not None and town.place.population >= 10_000 else None


def _site_names(
    text: str, start: int, end: int, towns: list[PlaceMention]
) -> Iterator[tuple[int, int, PlaceMention | None, bool]]:
    """Names of sites: (start, end, the town owning it if "Y's X", whether it wants a cue).
    The kind ends the name ("Meydan Racecourse") or, before "of", begins it ("Museum of Ice
    Cream", "Palais des Nations", "Hotel Kyjev")."""
    for head in _SITE_HEAD.finditer(text, start, end):
        after = re.match(r"\s+([A-Z]\w*)", text[head.end() : head.end() + 20])
        if after is not None and after.group(1).lower() not in NON_NAMES:
            continue  # "Wall Street Journal", "Hospital Board": part of a longer name (but
            # "on 14th St. Thursday")
        first, town = head.start(), None
        words = 0
        while words < 5:
            word = _SITE_WORD.search(text, max(start, first - 40), first)
            if word is None or word.group().split()[0] in _ARTICLE:
                break
            owner = re.match(r"(.+?)['’]s\s+$", word.group())
            if owner is not None:
                town = next(
                    (
                        t
                        for t in towns
                        if t.start == word.start() and t.end == word.start() + len(owner.group(1))
                    ),
                    None,
                )
                if town is not None:
                    break  # "Seoul's Jamsil Stadium": the owner is the town
            first, words = word.start(), words + 1
        if not words or REGION_CUES.intersection(text[first : head.start()].lower().split()):
            continue  # ("Henry County Courthouse" is the county's, wherever the story's town)
        yield first, head.end(), town, head.group("site") is not None
    for named in _SITE_FIRST.finditer(text, start, end):
        if not REGION_CUES.intersection(named.group().lower().split()):
            yield named.start(), named.end(), None, True


def _place_sites(
    mentions: list[PlaceMention], text: str, start: int, end: int
) -> list[PlaceMention]:
    """Streets, buildings and venues the gazetteer lacks ("Desire Street", "Central Mental
    Hospital in Dundrum", "Derry's Altnagelvin Hospital") are put at the town they stand in, as
    ACLED codes an event at a hospital to its town: the town named with them ("X in Y", "X, Y",
    "Y's X") as a point in it; else a town named later in the same sentence, else the story's
    own town (`_main_town`), as a place near that town (precision 2). A low score says the point
    is the town's, not the site's. Names with no town to go by stay unplaced, and a site named
    after a county ("Henry County Courthouse") is left to the county."""
    towns = [
        m
        for m in mentions
        if m.place is not None and (m.place.feature_code or "").startswith("PPL")
    ]
    if not towns:
        return mentions
    main = _main_town(towns, focus_country(mentions), text)
    resolved = [m for m in mentions if m.place is not None]
    added: list[PlaceMention] = []
    for first, last, town, site in _site_names(text, start, end, towns):
        if any(m.start < last and first < m.end for m in resolved):
            continue  # "Dhaka Medical College Hospital" is placed by its town already
        cued = _SITE_CUE.search(text, max(start, first - 20), first) is not None
        if town is None:
            town = next(
                (
                    t
                    for t in towns
                    if t.start > last and _SITE_TOWN.fullmatch(text, last, t.start) is not None
                ),
                None,
            )
        if site and not (cued or town is not None):
            continue
        place: Place | None = None
        if town is not None and town.place is not None:
            place = town.place
        else:
            near: PlaceMention | None = None
            later = next((t for t in towns if t.start > last), None)
            if later is not None and not _SENTENCE_END.search(text, last, later.start):
                near = later  # "Alder Hey Children's Hospital, where he is treated in Liverpool"
            else:
                near = main
            if near is not None and near.place is not None:
                place = dataclasses.replace(near.place, precision=2)
        if place is not None:
            doc_id = mentions[0].doc_id
            added.append(PlaceMention(doc_id, first, last, text[first:last], place, SITE_SCORE))
    return _with_added(mentions, added)


def _resolve_all(
    doc: Document,
    spans: list[Span],
    follow: list[list[int]],
    before: list[list[Span]],
    story: _Story,
    ranked: _Story,
    gaz: Gazetteer,
) -> list[PlaceMention]:
    mentions: list[PlaceMention] = []
    for i, span in enumerate(spans):
        texts = [spans[j].alias or spans[j].text for j in follow[i]]
        # "Durgapur upazila (Sujanagar, Pabna, Rajshahi)": a name the gazetteer lacks says
        # nothing of the area; the first of the chain it knows does.
        known = [j for j in follow[i] if spans[j].cands]
        # "Monsey (Karimama, Alibori)": a name known only by loose spellings (Karimama as
        # China's Karamay) says less of the area than the exact one after it
        known = [j for j in known if spans[j].exact] or known
        area = spans[(known or follow[i])[0]] if follow[i] else None
        mention = _resolve(doc, span, story, ranked, gaz, texts, before[i], area)
        if (mention is None or mention.place is None) and span.alt:
            parts = [_resolve(doc, p, story, ranked, gaz, texts, before[i], area) for p in span.alt]
            found = [m for m in parts if m is not None and m.place is not None]
            if found:
                mentions.extend(sorted(found, key=lambda m: m.start))
                continue
        if mention is not None:
            mentions.append(mention)
    return mentions


def _resolve(
    doc: Document,
    span: Span,
    story: _Story,
    ranked: _Story,
    gaz: Gazetteer,
    texts: list[str],
    inner: list[Span],
    area: Span | None,
) -> PlaceMention | None:
    """The best acceptable sense of one span; unresolved (with why) for GPE/LOC/FAC names."""
    held = {id(c) for c in span.cands if texts and _contained(c, texts, gaz, span.text)}
    ok = [
        c
        for c in span.cands
        if _acceptable(span, c, story, doc.text, id(c) in held)
        and (
            id(c) in held
            or not _contradicted(c, texts, gaz, None if span.listed else area, doc.text)
        )
    ]
    if not ok:
        if not span.strong or _acronym(span):
            return None  # an acronym whose readings were all turned down names no place
        reason = "no gazetteer entry" if not span.cands else "candidates rejected as unlikely"
        return PlaceMention(
            doc.doc_id, span.start, span.end, span.text, None, 0.0, f"{reason} for {span.text!r}"
        )
    regions = {
        (c.place.country, normalise(c.place.name)): c.place.population
        for c in ok
        if c.place.feature_code == "ADM1"
    }
    names = _Namesakes(
        frozenset(
            c.place.country
            for c in ok
            if c.main and c.exact and (c.place.feature_code or "").startswith("PCL")
        ),
        frozenset(
            (c.place.country, c.place.admin1)
            for c in span.cands
            if c.exact and (c.place.feature_code or "").startswith("PPL")
        ),
    )
    giant = max((c.place.population for c in ok if c.exact and c.main), default=0)
    unrivalled = any(_world_city(c) for c in ok) and not any(
        _local(c, span, ranked) or id(c) in held for c in ok if not _world_city(c)
    )
    scored = sorted(
        (
            (
                _score(c, span, ranked, gaz, regions, id(c) in held, _contains(c, inner), names)
                - _overshadowed(c, giant, span, ranked, id(c) in held)
                + (ALONE_PENALTY if unrivalled and _world_city(c) else 0.0),
                c,
            )
            for c in ok
        ),
        key=lambda sc: (-sc[0], sc[1].place.geonameid or 0),
    )
    top, best = scored[0]
    margin = top - scored[1][0] if len(scored) > 1 else 5.0
    confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)
    if (best.place.feature_code or "").startswith("PCL") and _ECONOMY.match(doc.text, span.end):
        confidence = ECONOMY_SCORE  # "US dollar": a toponym, but no sign of the story's country
    return PlaceMention(
        doc.doc_id,
        span.start,
        span.end,
        doc.text[span.start : span.end],
        _precision(best.place, span),
        confidence,
    )


def focus_country(mentions: Iterable[PlaceMention]) -> str | None:
    """The story's main country (ISO2): the country its resolved places most often lie in."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.place is not None and m.place.country and m.score > ECONOMY_SCORE:
            counts[m.place.country] += 2 if (m.place.feature_code or "").startswith("PCL") else 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def geoparse_documents(
    docs: Iterable[Document], gaz: Gazetteer | None = None, batch_size: int = 32
) -> Iterator[PlaceMention]:
    """Place mentions of many stories, parsing them in batches with `wirewatch.nlp.parse_many`."""
    from wirewatch.nlp import MAX_CHARS_PER_PIECE, parse_many

    gazetteer = gaz if gaz is not None else Gazetteer.load()
    docs = list(docs)
    for doc, sdoc in zip(docs, parse_many((d.text for d in docs), batch_size), strict=True):
        yield from geoparse(doc, sdoc, gazetteer)
        if len(doc.text) > MAX_CHARS_PER_PIECE:  # the tail beyond the parser's limit
            for start in range(MAX_CHARS_PER_PIECE, len(doc.text), MAX_CHARS_PER_PIECE):
                piece = next(parse_many([doc.text[start:]], 1))
                yield from geoparse(doc, piece, gazetteer, offset=start)
