"""Finds the spans of a story that may name places, before any of them is resolved.

spaCy's small English model is a poor judge of place names: it tags "Pernambuco", "Debiro" and
"Kharkiv" as PERSON, cuts "Sao Sebastiao da Boa Vista" short of "Vista" and swallows
"Cienaga, Magdalena department" into one ORG. So recognition is driven by the gazetteer: every run
of capitalised words (joined by name particles such as "al", "da", "de") is looked up whole, then
cut into its longest parts the gazetteer knows, whatever spaCy's label. The label is kept only as
evidence: a GPE/LOC/FAC span is "strong", others need support from the story (see geoparse).
GPE/LOC/FAC entities are still tried whole first, so "Bay of Bengal" or "South Korea" stay whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wirewatch.gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# Entity types whose capitalised words are never place names ("May", "First").
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
REGION_CUES = frozenset(
    [
        "province",
        "provinces",
        "governorate",
        "governorates",
        "region",
        "regions",
        "state",
        "oblast",
        "district",
        "districts",
        "county",
        "prefecture",
        "department",
        "territory",
        "municipality",
        "lga",
        "upazila",
        "tehsil",
        "taluka",
        "township",
        "constituency",
        "subcounty",
        "commune",
        "raion",
        "rayon",
    ]
)
# Cue words of areas below a province (GeoNames' ADM2 in most countries; "county" is left out,
# being a province in Kenya and Liberia and a district in the US).
DISTRICT_CUES = frozenset(
    [
        "district",
        "districts",
        "lga",
        "upazila",
        "tehsil",
        "taluka",
        "subcounty",
        "raion",
        "rayon",
        "township",
        "constituency",
        "commune",
    ]
)
TOWN_CUES = frozenset(
    ["city", "town", "village", "suburb", "neighbourhood", "neighborhood", "camp", "hill"]
)
NEAR_AFTER = frozenset(
    ["countryside", "countrysides", "outskirts", "crossing", "area", "areas", "border"]
)
NEAR_BEFORE = (
    "near",
    "nearby",
    "close to",
    "outside",
    "outskirts of",
    "countryside of",
    "countryside around",
    "around",
    "east of",
    "west of",
    "north of",
    "south of",
    "edge of",
    "vicinity of",
)
# Words before a name that say it is a place ("in Kharkiv", "outskirts of Kharkiv").
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|around|into|to|towards?|from|of|across|inside|village|town|city|"
    r"through|throughout)"
    r"|,)\s*(?:\((?:or\s+)?(?:near|around|in)\)\s*)?$",
    re.IGNORECASE,
)
# Verbs whose object is a place as often as anyone: "militants attacked Garba Tula",
# "prevented anyone from entering Bekaa". Weaker than "in X" (people are attacked too), so the
# geoparser asks more of such a name (see `Span.target`).
_TARGET = re.compile(
    r"\b(?:attack(?:s|ed|ing)?|raid(?:s|ed|ing)?|storm(?:s|ed|ing)|shell(?:s|ed|ing)|"
    r"bomb(?:s|ed|ing)|overr[au]n|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|besieg(?:e|es|ed|ing)|"
    r"enter(?:s|ed|ing)?|leav(?:e|es|ing)|reach(?:es|ed|ing)?|surround(?:s|ed|ing)|"
    r"invad(?:e|es|ed|ing)|recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook)\s+$",
    re.IGNORECASE,
)
# A bracket right after a word opens, in news and ACLED notes, the area a place lies in far
# more often than anything else: "Sitakunda town (Chittagong)", "Dumba (Mobbar LGA, Borno)";
# what follows is a place even when the name before it is one the gazetteer lacks. (Acronyms
# in brackets, "(BCL)", are turned down by the geoparser's acronym rule.)
_AREA_BRACKET = re.compile(r"(?:[A-Z][\w'’.-]*|[a-z]+)\s*\(\s*$")
# A name inside a hyphenated road's name: "the Kahnuj-Ghale Ganj road", "Garsen-Lamu road",
# "Eldoret-Malaba highway" join the two towns the road links.
_ROAD_AFTER = re.compile(
    r"(?:\s*[-–]\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2})*\s+(?:[Rr]oad|[Hh]ighway|[Ee]xpressway|"
    r"[Mm]otorway|[Rr]ailway|route)\b"
)
_ROAD_BEFORE = re.compile(r"[A-Za-z'’]\s*[-–]\s*$")
# What follows a demonym that makes its people foreigners where the story is: "Somali refugees"
# in Dadaab, "Ethiopian migrants" in Yemen, "Syrian nationals" deported from Lebanon.
_FOREIGNERS = re.compile(
    r"\s+(?:refugees?|migrants?|asylum[- ]seekers?|nationals?|exiles?|diaspora|immigrants?|"
    r"expatriates?|expats?|returnees|deportees)\b",
    re.IGNORECASE,
)
# What follows a demonym that makes it an actor's sponsor ("Saudi-led", "Iranian-backed").
_SPONSOR = re.compile(r"\s*[-–]\s*(?:led|backed|allied|aligned|funded|supported|sponsored)\b")
# Words after a name that make it the place people live in: "Keroka residents", "Kibwezi
# villagers" (a locative cue as surely as "in Keroka").
# Nouns a place name qualifies in local news: "Keroka residents", "Mombasa traders", "a Wajir
# shop". (Not "students", "fans", "police": those follow a college's, a club's, a force's name.)
_DWELLERS = frozenset(
    [
        "residents",
        "villagers",
        "locals",
        "inhabitants",
        "townspeople",
        "traders",
        "youths",
        "hawkers",
        "vendors",
        "fishermen",
        "herders",
        "shop",
        "shops",
        "market",
        "marketplace",
    ]
)
# Nouns after a name that make it a people's, not a place's: "Kisii and Kikuyu people", "Garre
# clansmen" (but "in Kikuyu tribe land" keeps its cue; "the Ohio community" is a town's, so
# "community" says nothing).
_PEOPLE = re.compile(
    r"(?:(?:,|\s+and)\s+[A-Z][\w'’-]*)*\s+"
    r"(?:people|tribe|tribes|tribesmen|clan|clans|clansmen|ethnic\s+group)\b"
)
# A camp named for the town it lies by: "the Kakuma refugee camp", "Dadaab refugee complex",
# "Ifo IDP camp". The name is the camp's place as surely as "in Kakuma" would say (ACLED codes
# the camp, which lies at its namesake town), whether or not "in the" comes before it.
_CAMP_AFTER = re.compile(
    r"\s+(?:refugees?|idps?|displacement|displaced(?:\s+persons?)?|transit)\s+"
    r"(?:camps?|complex|settlements?|site)\b",
    re.IGNORECASE,
)
DIRECTIONS = re.compile(
    r"^(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\b|^(?:central|rural)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_COMPASS = re.compile(r"(?:North|South|East|West|NORTH|SOUTH|EAST|WEST)")
# Lower-case words that may join the capitalised words of one name.
PARTICLES = frozenset(
    [
        "al",
        "el",
        "az",
        "ez",
        "ar",
        "ash",
        "de",
        "du",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "di",
        "la",
        "le",
        "imeni",
        "i",  # Persian ezafe: "Dara i Pech", "Pul i Khumri", "Dasht e Archi"
        "e",
        "ye",
        "wa",  # Arabic "and": "Khabb wa ash Shaaf" (Yemen), "Tala wa Barfak" (Afghanistan)
    ]
)
_HYPHEN_ONLY = frozenset(["as", "an", "at", "ad", "en", "es", "et"])
NON_NAMES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "god",
        "university",
        "college",
        "school",
        "hospital",
        "airport",
        "church",
        "mosque",
        "street",
        "road",
        "avenue",
        "square",
        "park",
        "bridge",
        "station",
        "court",
        "police",
        "army",
        "council",
        "party",
        "club",
        "hall",
        "center",
        "centre",
        "market",
        "bus",
        "north",
        "south",
        "east",
        "west",
        "central",
        "president",
        "minister",
    ]
)
# AP-style abbreviations of US states, recognised only when written with a dot ("Calif.",
# "W.Va", "D.C."): bare "Miss" or "Ind" are words and names too.
US_STATES = {
    "Ala": "Alabama",
    "Ariz": "Arizona",
    "Ark": "Arkansas",
    "Calif": "California",
    "Colo": "Colorado",
    "Conn": "Connecticut",
    "Del": "Delaware",
    "DC": "Washington",
    "Fla": "Florida",
    "Ga": "Georgia",
    "Ill": "Illinois",
    "Ind": "Indiana",
    "Kan": "Kansas",
    "Kans": "Kansas",
    "Ky": "Kentucky",
    "La": "Louisiana",
    "Md": "Maryland",
    "Mass": "Massachusetts",
    "Mich": "Michigan",
    "Minn": "Minnesota",
    "Miss": "Mississippi",
    "Mo": "Missouri",
    "Mont": "Montana",
    "Neb": "Nebraska",
    "Nebr": "Nebraska",
    "Nev": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "Okla": "Oklahoma",
    "Ore": "Oregon",
    "Pa": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "Tenn": "Tennessee",
    "Tex": "Texas",
    "Vt": "Vermont",
    "Va": "Virginia",
    "Wash": "Washington",
    "WVa": "West Virginia",
    "Wis": "Wisconsin",
    "Wyo": "Wyoming",
}
# Canadian Press abbreviations of provinces and territories ("Kamloops, B.C.", "Red Deer,
# Alta."), recognised with their dots as US_STATES are. "BC" is written bare as well ("BC
# Hydro", "FrontCounter BC"); as an acronym, geoparse takes it only in a story that points to
# Canada by other names (and never after a year: "500 BC").
CA_PROVINCES = {
    "BC": "British Columbia",
    "Alta": "Alberta",
    "Sask": "Saskatchewan",
    "Man": "Manitoba",
    "Ont": "Ontario",
    "Que": "Quebec",
    "NS": "Nova Scotia",
    "NB": "New Brunswick",
    "PEI": "Prince Edward Island",
    "Nfld": "Newfoundland and Labrador",
    "NL": "Newfoundland and Labrador",
    "NWT": "Northwest Territories",
}
_BARE_PROVINCES = frozenset(["BC"])
_YEAR_BEFORE = re.compile(r"\d\s*$")
_MAX_RUN = 6  # longer capitalised runs are titles or organisations; only their parts are tried


@dataclass
class Span:
    """A name that may be a place, with what its surroundings say about it."""

    start: int
    end: int
    text: str  # the name to look up (cue words and "the" stripped)
    strong: bool
    label: str
    cue_region: bool = False
    cue_district: bool = False  # the cue names a second-level area: "Rajshahi district"
    cue_town: bool = False
    near: bool = False
    locative: bool = False  # "in X", "near X", "village of X"
    dwellers: bool = False  # "X residents", "X villagers": a place people live in
    in_chain: bool = False  # follows another name as its area: "Ngozi" of "X (Y, Ngozi)"
    listed: bool = False  # one of an enumeration: "Copenhagen, Hamburg, Brasoc and Mannheim"
    fragment: bool = False  # part of a longer capitalised run ("Ibrahim" of "Ibrahim Gokcek")
    target: bool = False  # the object of a verb that takes places: "attacked Garba Tula"
    road: bool = False  # one end of a hyphenated road's name: "Kahnuj" of "Kahnuj-Ghale Ganj road"
    camp: bool = False  # names a camp after its town: "Kakuma" of "the Kakuma refugee camp"
    cands: tuple[Candidate, ...] = ()
    alias: str | None = None  # the full name an abbreviation stands for ("California")
    alt: list[Span] = field(default_factory=list)  # exact parts to try if this one fails

    @property
    def exact(self) -> bool:
        return any(c.exact for c in self.cands)


def _capitalised(name: str) -> bool:
    """Whether a name starts with a capital, after any particle: "Kyiv", "al-Hasakeh"."""
    words = [w for w in re.split(r"[\s\-']+", name) if w]
    while len(words) > 1 and words[0].lower() in PARTICLES | _HYPHEN_ONLY:
        words.pop(0)
    return bool(words) and words[0][:1].isupper()


def make_span(
    text: str, start: int, end: int, strong: bool, label: str, strip: bool = True
) -> Span | None:
    """A span over text[start:end], leading "the" and "'s" dropped; with `strip`, cue words too."""
    name = text[start:end]
    m = _LEADING.match(name)
    if m:
        start += m.end()
        name = name[m.end() :]
    if name.endswith(("'s", "’s")):
        name, end = name[:-2], end - 2
    span = Span(start, end, name.strip(), strong, label)
    if not strip:
        return span if _capitalised(span.text) else None
    words = span.text.split()
    while len(words) > 1 and words[-1].lower() in REGION_CUES | TOWN_CUES | NEAR_AFTER:
        cue = words.pop().lower()
        span.cue_region |= cue in REGION_CUES
        span.cue_district |= cue in DISTRICT_CUES
        span.cue_town |= cue in TOWN_CUES
        span.near |= cue in NEAR_AFTER
    while len(words) > 1 and DIRECTIONS.match(words[0]):
        words.pop(0)
        span.near = True
    if len(words) != len(span.text.split()):
        first = name.find(words[0])
        span.start = start + max(first, 0)
        span.text = " ".join(words)
        span.end = span.start + len(span.text) if first >= 0 else end
    if not _capitalised(span.text):
        return None
    return span


def add_cues(span: Span, text: str) -> None:
    """Cue words around a span: "Hama province", "Idlib city", "northern Hama", "near Aleppo"."""
    before = text[max(0, span.start - 30) : span.start].lower()
    after = text[span.end : span.end + 25].lower()
    after_words = re.findall(r"[a-z]+", after)[:2]
    if after_words:
        span.cue_region |= after_words[0] in REGION_CUES
        span.cue_district |= after_words[0] in DISTRICT_CUES
        span.cue_town |= after_words[0] in TOWN_CUES
        span.near |= after_words[0] in NEAR_AFTER
    raw = text[max(0, span.start - 30) : span.start]
    span.locative |= bool(_LOCATIVE.search(before)) or bool(_AREA_BRACKET.search(raw))
    span.target |= bool(_TARGET.search(before))
    hyphenated = text[span.end : span.end + 1] in ("-", "–") or bool(_ROAD_BEFORE.search(raw))
    span.road |= hyphenated and bool(_ROAD_AFTER.match(text, span.end))
    span.dwellers |= bool(after_words) and after_words[0] in _DWELLERS
    if _CAMP_AFTER.match(text, span.end):
        span.cue_town = span.locative = span.camp = True
    before = before.rstrip()
    if DIRECTIONS.search(before.split()[-1] if before.split() else ""):
        span.near = True
    span.near |= before.endswith(NEAR_BEFORE)


def _a_people(span: Span, text: str) -> bool:
    """Whether a name is a people's ("Kikuyu people"), with no cue that makes it a place."""
    return bool(_PEOPLE.match(text, span.end)) and not _LOCATIVE.search(
        text[max(0, span.start - 30) : span.start]
    )


def loose_ok(span: Span) -> bool:
    """Loose keys only for names that look like transliterations, never acronyms or short words."""
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) >= 5 and not span.text.isupper() and "." not in span.text


# Capitalised words that make a DATE or TIME entity what it is. Other capitalised words spaCy
# puts in one ("Dahuk" of "region of Dahuk", read as a date) are names like any other.
_DATE_TEXT = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun day days week weekend year "
    "years new eve holiday holidays eid ramadan ramazan christmas easter ashura nowruz "
    "hijri gregorian ad bc bce ce am pm gmt utc"
)
_DATE_WORDS = frozenset(_DATE_TEXT.split())


def _dateish(tok: Token) -> bool:
    if tok.ent_type_ in ("DATE", "TIME"):
        return tok.pos_ != "PROPN" or tok.lower_.rstrip(".") in _DATE_WORDS
    return tok.ent_type_ in _NOT_NAMES


def _name_like(tok: Token) -> bool:
    return (
        tok.text[:1].isupper()
        and not _dateish(tok)
        and (not tok.is_stop or (tok.pos_ == "PROPN" and not tok.is_sent_start))
        and tok.lower_ not in NON_NAMES
        and any(ch.isalpha() for ch in tok.text)
        and (tok.pos_ == "PROPN" or bool(tok.ent_type_) or not tok.is_sent_start)
    )


def _joins(sdoc: Doc, i: int) -> bool:
    """Whether token i may join two parts of one name: a hyphen written without spaces, or a
    particle; "as", "an", "at", "ad", "en" are English or French words too, so only before a
    hyphen ("as-Suwayda")."""
    tok = sdoc[i]
    if tok.text in ("'s", "’s"):  # "Cox's Bazar", "Martha's Vineyard"
        return i > 0 and not sdoc[i - 1].whitespace_
    if tok.text in ("-", "'"):
        return not tok.whitespace_ and (i == 0 or not sdoc[i - 1].whitespace_)
    if tok.lower_ in _HYPHEN_ONLY:
        return i + 1 < len(sdoc) and sdoc[i + 1].text == "-" and not tok.whitespace_
    return tok.lower_ in PARTICLES


def _runs(sdoc: Doc, skip: set[int]) -> list[list[int]]:
    """Runs of capitalised tokens, with particles and hyphens inside them ("al-Hasakeh")."""
    runs: list[list[int]] = []
    run: list[int] = []
    n = len(sdoc)
    i = 0
    while i < n:
        tok = sdoc[i]
        if i not in skip and _name_like(tok):
            run.append(i)
            i += 1
            continue
        if _joins(sdoc, i) and i not in skip:  # a particle or hyphen inside a name
            j = i
            while j < n and j not in skip and _joins(sdoc, j):
                j += 1
            if j < n and j not in skip and _name_like(sdoc[j]) and (run or tok.text != "-"):
                run.extend(range(i, j))
                i = j
                continue
        if run:
            runs.append(run)
            run = []
        i += 1
    if run:
        runs.append(run)
    return runs


def _label(sdoc: Doc, run: list[int]) -> str:
    labels = [sdoc[i].ent_type_ for i in run if sdoc[i].ent_type_]
    for label in labels:
        if label in STRONG_LABELS:
            return label
    return labels[0] if labels and labels[0] in WEAK_LABELS else "PROPN"


def _cuttable(sdoc: Doc, i: int, step: int) -> bool:
    """Whether a name part may end (step -1: start) next to token i: beside another capitalised
    word, or a hyphen between two ("Pokot-Turkana"), never beside a particle ("da Boa Vista")."""
    if _name_like(sdoc[i]) or sdoc[i].text in ("'s", "’s"):
        return True  # "Syria's Idlib" parts into "Syria" and "Idlib"
    k = i + step
    return sdoc[i].text == "-" and 0 <= k < len(sdoc) and _name_like(sdoc[k])


def _parts(
    sdoc: Doc,
    run: list[int],
    base: int,
    strong: bool,
    label: str,
    whole_or_cut: Callable[[int, int, bool, str], Span | None],
) -> list[Span]:
    """The longest parts of a run the gazetteer knows exactly, cut only between two capitalised
    words: "Sao Sebastiao da Boa Vista" never yields "Boa Vista", nor "al-Hasakeh" "Hasakeh"."""
    out: list[Span] = []
    pieces: list[tuple[int, int]] = [(0, len(run))]
    while pieces:
        lo, hi = pieces.pop()
        for size in range(min(hi - lo, _MAX_RUN), 0, -1):
            found = None
            for a in range(lo, hi - size + 1):
                b = a + size - 1
                first, last = sdoc[run[a]], sdoc[run[b]]
                if not _name_like(first) or not _name_like(last):
                    continue
                if first.lower_ in PARTICLES or last.lower_ in PARTICLES:
                    continue  # "Al" of "Al Zayaynya" is an article, not the Norwegian town
                if (a > 0 and not _cuttable(sdoc, run[a - 1], -1)) or (
                    b + 1 < len(run) and not _cuttable(sdoc, run[b + 1], 1)
                ):
                    continue
                found = whole_or_cut(first.idx + base, last.idx + len(last) + base, strong, label)
                if found is not None:
                    found.fragment = True
                    if found.cands:
                        out.append(found)
                    pieces.extend(((lo, a), (b + 1, hi)))
                    break
            if found is not None:
                break
    return out


def _joined_region(sdoc: Doc, after: int, name: str, gaz: Gazetteer) -> bool:
    """Whether "X and Y province" names one region the gazetteer knows whole.

    Provinces named for two places ("Kohgiluyeh and Boyer-Ahmad", "Sistan and Baluchestan")
    would otherwise be read as two names, neither of them the province; the cue word after
    keeps enumerations of two provinces ("Idlib and Hama provinces") apart."""
    if after >= len(sdoc) or sdoc[after].lower_ not in REGION_CUES:
        return False
    return any(c.place.feature_code in ("ADM1", "ADM2") for c in gaz.candidates(name, False))


def find_spans(sdoc: Doc, text: str, base: int, gaz: Gazetteer) -> tuple[list[Span], list[str]]:
    """Place-name spans (with candidates) in document order, and the demonyms seen (as ISO2).

    Each name is tried whole, then without cue words ("Hama province" -> "Hama"), then as its
    longest parts the gazetteer knows exactly; a name with no exact part keeps its loose matches.
    """
    spans: list[Span] = []
    demonyms: list[str] = []
    skip: set[int] = set()

    def lookup(span: Span) -> bool:
        abbrev = span.text.replace(".", "").replace(" ", "")
        if "." in span.text and abbrev in US_STATES:
            span.alias = US_STATES[abbrev]
            code = "PPLC" if abbrev == "DC" else "ADM1"
            span.cands = tuple(
                c
                for c in gaz.candidates(span.alias, False)
                if c.place.country == "US" and c.place.feature_code == code
            )
            span.strong, span.label = True, "GPE"
            return bool(span.cands)
        if (
            abbrev in CA_PROVINCES
            and ("." in span.text or abbrev in _BARE_PROVINCES)
            and not _YEAR_BEFORE.search(text, max(0, span.start - 3), span.start)
        ):
            span.alias = CA_PROVINCES[abbrev]
            span.cands = tuple(
                c
                for c in gaz.candidates(span.alias, False)
                if c.place.country == "CA" and c.place.feature_code == "ADM1"
            )
            span.strong, span.label = True, "GPE"
            return bool(span.cands)
        iso = gaz.demonym(span.text)
        if iso is not None and gaz.country_code(span.text) is None:
            # "Saudi-led coalition airstrikes in Al Jawf": the sponsor's country is not the
            # story's, nor are "Somali refugees" in Dadaab
            if not _SPONSOR.match(text, span.end) and not _FOREIGNERS.match(text, span.end):
                demonyms.append(iso)
            return True
        if _a_people(span, text):
            return False  # "Kisii and Kikuyu people", "the Turkana community": a people
        span.cands = gaz.candidates(span.text, False)
        return bool(span.cands)

    def whole_or_cut(start: int, end: int, strong: bool, label: str) -> Span | None:
        whole = make_span(text, start, end, strong, label, strip=False)
        cut = make_span(text, start, end, strong, label)
        if whole is not None and lookup(whole):
            if (
                cut is None
                or cut.text == whole.text
                or any(c.main for c in whole.cands)
                or not lookup(cut)
                or not cut.cands
            ):
                return whole
            # "Hays city" is an alternate name of Hays, Kansas only: the cue word may as well
            # qualify the Hays of Yemen, so both readings stay.
            known = {c.place.geonameid or id(c) for c in cut.cands}
            extra = [c for c in whole.cands if (c.place.geonameid or id(c)) not in known]
            cut.cands = (*cut.cands, *extra)
            return cut
        if cut is not None and (whole is None or cut.text != whole.text) and lookup(cut):
            return cut
        return None

    for run in _runs(sdoc, skip):  # a whole capitalised run first: spaCy cuts names short
        compass = run[0] - 1
        if (
            compass >= 0
            and _COMPASS.fullmatch(sdoc[compass].text)
            and len(run) < _MAX_RUN
            and (compass == 0 or not sdoc[compass - 1].text[:1].isupper())
        ):
            # "South Waziristan Agency": a direction that begins a name the gazetteer knows
            # whole (directions are not name words on their own; "Near North Side" is no such)
            first, last = sdoc[compass], sdoc[run[-1]]
            label = _label(sdoc, run)
            start, end = first.idx + base, last.idx + len(last) + base
            found = whole_or_cut(start, end, label in STRONG_LABELS, label)
            if found is not None and found.start == start and any(c.main for c in found.cands):
                spans.append(found)
                skip.update([compass, *run])
                continue
        if 2 <= len(run) <= _MAX_RUN:
            first, last = sdoc[run[0]], sdoc[run[-1]]
            label = _label(sdoc, run)
            start, end = first.idx + base, last.idx + len(last) + base
            found = whole_or_cut(start, end, label in STRONG_LABELS, label)
            if found is not None:
                if found.cands:
                    spans.append(found)
                skip.update(run)
    runs = _runs(sdoc, skip)
    for left, right in itertools.pairwise(runs):
        # "Trinidad and Tobago", "Bosnia and Herzegovina": a country's name joined by "and"
        if right[0] - left[-1] != 2 or sdoc[left[-1] + 1].lower_ != "and":
            continue
        start, end = sdoc[left[0]].idx, sdoc[right[-1]].idx + len(sdoc[right[-1]])
        if skip.intersection(left + right) or (
            gaz.country_code(sdoc.text[start:end]) is None
            and not _joined_region(sdoc, right[-1] + 1, sdoc.text[start:end], gaz)
        ):
            continue
        found = whole_or_cut(start + base, end + base, True, "GPE")
        if found is not None and found.cands:
            spans.append(found)
            skip.update(range(left[0], right[-1] + 1))
    for ent in sdoc.ents:
        if skip.intersection(range(ent.start, ent.end)):
            continue
        label = ent.label_
        if label == "ORG" and gaz.country_code(_LEADING.sub("", ent.text)) is not None:
            label = "GPE"  # "the Democratic People's Republic of Korea": a country's formal name
        if label in STRONG_LABELS:
            found = whole_or_cut(ent.start_char + base, ent.end_char + base, True, label)
            if found is not None:
                if found.cands:
                    spans.append(found)
                skip.update(range(ent.start, ent.end))
    for run in _runs(sdoc, skip):
        label = _label(sdoc, run)
        strong = label in STRONG_LABELS
        first, last = sdoc[run[0]], sdoc[run[-1]]
        start, end = first.idx + base, last.idx + len(last) + base
        found = whole_or_cut(start, end, strong, label) if len(run) <= _MAX_RUN * 2 else None
        if found is not None:
            if found.cands:
                spans.append(found)
            continue
        parts = _parts(sdoc, run, base, strong, label, whole_or_cut)
        whole = make_span(text, start, end, strong, label)
        if whole is not None and loose_ok(whole) and len(run) <= 4 and not _a_people(whole, text):
            whole.cands = gaz.candidates(whole.text, True)
        if whole is not None and (whole.cands or (strong and not parts)):
            whole.alt = parts  # its exact parts stand in if the loose match is rejected
            spans.append(whole)
        else:
            spans.extend(parts)
    for span in spans:
        add_cues(span, text)
        for part in span.alt:
            add_cues(part, text)
    spans.sort(key=lambda s: s.start)
    return spans, demonyms
