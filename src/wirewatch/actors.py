"""Actors: who acts and who is acted on, normalised to ACLED-style canonical names.

Two kinds of mention are found in a sentence: named groups from the actor dictionary
(`data/actors.json`: "HTS", "Hayat Tahrir al-Sham" -> "Hayat Tahrir al-Sham") and generic role nouns
("troops", "police", "gunmen", "protesters", "villagers") whose canonical name is built from the
country they belong to ("Syrian troops" -> "Military Forces of Syria (2000-)"). Backers written in
the text ("Tehran-backed", "backed by Turkey") are kept with the actor.

Communities that fight are identity militias named by the community ("Pokot raiders" -> "Pokot
Ethnic Militia (Kenya)"), or ACLED's unidentified communal militia when the text names none. Local
notes rarely name their own country, so `country_clue` reads it from the story's vocabulary (parties,
currencies, administrative units), and `local_name` applies ACLED's country conventions for actors
the text leaves unnamed ("Unidentified Gang (Mexico)").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pycountry

from wirewatch import actor_dictionary as ad

# Role nouns, by the kind of actor they make. Order within a kind does not matter; the longest
# match wins because the alternation is sorted by length.
ROLE_WORDS: dict[str, list[str]] = {
    "military": [
        "army",
        "military forces",
        "armies",
        "troops",
        "soldiers?",
        "military",
        "armed forces",
        "regime forces",
        "government forces",
        "government troops",
        "pro-government forces",
        "security forces",
        "security personnel",
        "forces",
        "jets",
        "warplanes?",
        "air force",
        "navy",
        "marines",
        "servicem[ae]n",
        "national guard",
        "gendarm(?:es|erie)",
        "border guards?",
        "special forces",
        "regime",
        "commandos",
        "paratroopers",
        "infantry",
        "artillery units?",
        "military police",
    ],
    "police": [
        "police",
        "policem[ae]n",
        "police officers?",
        "officers?",
        "policewom[ae]n",
        "cops",
        "constables?",
        "riot police",
        "anti-riot police",
        "police forces",
        "law enforcement",
    ],
    "rebel": [
        "rebels?",
        "insurgents?",
        "militants?",
        "jihadists?",
        "jihadis",
        "fighters",
        "guerrill?as?",
        "separatists?",
        "extremists?",
        "terrorists?",
        "gunm[ae]n",
        "armed m[ae]n",
        "assailants?",
        "attackers?",
        "bandits?",
        "militias?",
        "militiam[ae]n",
        "armed group",
        "unknown gunmen",
        "unidentified gunmen",
        "unidentified assailants",
        "suspected militants",
        "armed assailants",
        "perpetrators?",
        "suspects?",
        "kidnappers?",
        "abductors?",
        "robbers?",
        "(?:unknown|unidentified) part(?:y|ies)",
        "(?:unknown|unidentified) armed groups?",
    ],
    "protester": [
        "protesters?",
        "protestors?",
        "demonstrators?",
        "marchers",
        "strikers",
        "activists?",
    ],
    "rioter": [
        "rioters?",
        "mobs?",
        "angry residents",
        "angry villagers",
        "angry youths?",
        "angry crowds?",
    ],
    "civilian": [
        "civilians?",
        "people",
        "persons?",
        "residents?",
        "villagers?",
        "m[ae]n",
        "wom[ae]n",
        "child(?:ren)?",
        "boys?",
        "girls?",
        "farmers?",
        "herders?",
        "pastoralists?",
        "students?",
        "journalists?",
        "teachers?",
        "workers?",
        "traders?",
        "families",
        "passengers?",
        "worshipp?ers?",
        "refugees?",
        "teenagers?",
        "youths?",
        "individuals?",
        "locals?",
        "pupils?",
        "doctors?",
        "groups",
        "supporters",
        "members",
        "nationals",
        "tribesm[ae]n",
        "clans?",
        "communities",
        "prisoners",
        "inmates",
        "migrants?",
        "labou?rers",
        "herdsm[ae]n",
        "fishermen",
        "vendors",
        "drivers",
        "motorists",
        "settlers",
        "passers-by",
        "bystanders",
        "citizens",
        "persons",
    ],
}

_KIND_INTER = {"military": 1, "police": 1, "rebel": 3, "protester": 6, "rioter": 5, "civilian": 7}
_BACKED = re.compile(
    r"\b(?P<backer>[A-Z][\w'’]+(?:[- ][A-Z][\w'’]+)?)-(?:backed|allied|supported|aligned)\b"
)
_BACKED_BY = re.compile(r"\bbacked by (?:the )?(?P<backer>[A-Z][\w'’]+(?: [A-Z][\w'’]+)?)")

# ACLED's short English country names where ISO's differ.
_COUNTRY_NAMES = {
    "SY": "Syria",
    "IR": "Iran",
    "RU": "Russia",
    "TR": "Turkey",
    "PS": "Palestine",
    "KR": "South Korea",
    "KP": "North Korea",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "MD": "Moldova",
    "LA": "Laos",
    "VN": "Vietnam",
    "TW": "Taiwan",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "GB": "United Kingdom",
    "US": "United States",
    "FM": "Micronesia",
    "SZ": "eSwatini",
    "MK": "North Macedonia",
    "BN": "Brunei",
    "CZ": "Czech Republic",
    "XK": "Kosovo",
}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a sentence; `kind` says what it can do (an armed side, a victim...)."""

    start: int
    end: int
    text: str
    kind: str  # military, police, rebel, militia, protester, rioter, civilian, monitor, external
    name: str | None  # canonical name for named groups; None until a country is known
    inter: int | None
    country: str | None  # ISO2
    backers: tuple[str, ...] = ()

    @property
    def armed(self) -> bool:
        return self.kind in {"military", "police", "rebel", "militia", "external"}


# Criminal armed groups: ACLED's "Unidentified Gang (Mexico)", not an unidentified armed group.
_GANG = re.compile(
    r"\b(?:(?:suspected|alleged|armed|rival|local|criminal)\s+)?(?:gang(?:s|sters?| members?)?|"
    r"criminal (?:groups?|gangs?|cells?|organi[sz]ations?)|criminals|cartel (?:members|gunmen)|"
    r"hitm[ae]n|sicarios?|narcos|drug traffickers)\b",
    re.IGNORECASE,
)


_GANG_NAME = "Unidentified Gang ({country})"

# "members of Los Viagras", "alleged members of Los Pinas Cartel": a Latin American criminal
# group the dictionary lacks, which ACLED names "Los Viagras Gang". Only as the group of its
# members, so that a town ("Los Mochis") is never taken for one.
_LOS_GANG = re.compile(
    r"\bLos\s+(?P<los>[A-Z][a-z]+(?:\s+(?!(?:Gangs?|Cartel)\b)[A-Z][a-z]+)?)"
    r"(?:\s+(?:[Gg]angs?|[Cc]artel))?\b"
)
_LOS_MEMBERS = re.compile(
    r"\b(?:members?|leaders?|gunmen|hitm[ae]n|cells?)\s+(?:of|from)\s+(?:the\s+)?$", re.I
)


@functools.lru_cache(maxsize=1)
def _gang_countries() -> frozenset[str]:
    """Where ACLED names criminal groups "Unidentified Gang": the countries of the gang rule."""
    rules = ad.dictionary().get("local_names", [])
    return frozenset(c for r in rules if r["name"] == _GANG_NAME for c in r["in"])


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym or adjective ("Syrian", "Iraqi") to ISO2, plus the country names themselves."""
    data = ad.data("demonyms.json")
    table = dict(data.get("demonyms", {}))
    for name, iso2 in data.get("country_aliases", {}).items():
        table.setdefault(name, iso2)
    for record in pycountry.countries:
        for name in (getattr(record, "common_name", None), record.name):
            if name and "," not in name:
                table.setdefault(str(name), str(record.alpha_2))
    for iso2, name in _COUNTRY_NAMES.items():
        table.setdefault(name, iso2)
    return table


# Capitalised words that look like a community's name before "youths", "fighters" but are not.
_NOT_ETHNIC = frozenset(
    [
        "the",
        "some",
        "armed",
        "several",
        "local",
        "rival",
        "unknown",
        "unidentified",
        "suspected",
        "many",
        "two",
        "three",
        "four",
        "five",
        "government",
        "rebel",
        "islamist",
        "militant",
        "opposition",
        "security",
        "police",
        "army",
        "state",
        "tribal",
        "resistance",
        "popular",
        "national",
        "coalition",
        "allied",
        "joint",
        "special",
        "village",
        "armed",
        "other",
        "its",
        "their",
    ]
)


@functools.lru_cache(maxsize=1)
def _clue_patterns() -> dict[str, re.Pattern[str]]:
    clues: dict[str, list[str]] = ad.data("demonyms.json").get("country_clues", {})

    def group(p: str) -> str:  # a leading "(?i)" becomes a scoped "(?i:...)" inside the union
        return f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})"

    # Every clue is a word or starts one: the leading \b lets the union skip the middle of words
    # (half the time on a long story).
    return {
        iso2: re.compile(r"\b(?:" + "|".join(group(p) for p in pats) + ")")
        for iso2, pats in clues.items()
    }


@functools.lru_cache(maxsize=16)
def country_clue(text: str) -> str | None:
    """The country a story's own vocabulary points to, when it names no place we can place.

    Local notes rarely name their country: a Kenyan one says "Vihiga county", "ODM supporters",
    "Sh50,000"; a Bangladeshi one "upazila", "Chhatra League", "Tk 5,000". Each distinct clue
    (`demonyms.json` `country_clues`) is one vote; a tie says nothing.
    """
    votes: Counter[str] = Counter()
    for iso2, pattern in _clue_patterns().items():
        votes[iso2] = len({m.group(0).lower() for m in pattern.finditer(text)})
    ranked = [kv for kv in votes.most_common(2) if kv[1] > 0]
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


@functools.lru_cache(maxsize=1)
def _place_patterns() -> dict[str, re.Pattern[str]]:
    places: dict[str, list[str]] = ad.data("demonyms.json").get("country_places", {})
    return {iso2: re.compile("|".join(f"(?:{p})" for p in pats)) for iso2, pats in places.items()}


def country_hint(text: str) -> str | None:
    """The country of the towns and neighbourhoods a story names, for a story nothing placed.

    Terse local notes name an estate or constituency ("Dandora", "Rachuonyo") that a
    population-filtered gazetteer lacks. Such names are weaker than `country_clue`: a Nairobi
    dateline in a Somali story is common, so they only speak where no place was placed and no
    clue spoke. Same voting as `country_clue`.
    """
    votes: Counter[str] = Counter()
    for iso2, pattern in _place_patterns().items():
        votes[iso2] = len({m.group(0).lower() for m in pattern.finditer(text)})
    ranked = [kv for kv in votes.most_common(2) if kv[1] > 0]
    if not ranked:
        return country_named(text)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


# Country words too common in other senses, or named mostly as someone else's backer or currency
# ("US dollar", "a UK-based group"), to tell where a story happens.
_NOT_WHERE = frozenset({"US", "U.S.", "USA", "UK", "U.K.", "Pole", "Dane", "Turk", "Chad", "Guam"})


@functools.lru_cache(maxsize=1)
def _named_pattern() -> re.Pattern[str]:
    names = sorted((n for n in demonyms() if n not in _NOT_WHERE), key=len, reverse=True)
    return re.compile(r"\b(?P<name>" + "|".join(re.escape(n) for n in names) + r")(?:s|'s|’s)?\b")


def country_named(text: str) -> str | None:
    """The one country a story names or whose people it names ("Kenyan nurses held
    demonstrations", "interference in Kenyan affairs"), when no place was placed: the weakest
    hint, after places and clues. Two countries named ("Ugandan police attack Kenyan
    fishermen") say nothing."""
    table = demonyms()
    named = {
        table[m.group("name")]
        for m in _named_pattern().finditer(text)
        if not _RAIDERS_FROM.search(text, max(0, m.start() - 120), m.start())
        and not _RAIDERS.match(text, m.end())
        and not _FOREIGNERS.match(text, m.end())
        and not _cross_border_group(text, m.end())
    }
    return named.pop() if len(named) == 1 else None


_GAP = re.compile(r"\s+")


def _cross_border_group(text: str, end: int) -> bool:
    """A group that fights across borders, named by its home country's word ("two men, suspected
    to be Somali al Shabaab"), came from there; like raiders, it does not place the attack."""
    gap = _GAP.match(text, end)
    if gap is None:
        return False
    pattern, by_alias = _group_pattern()
    hit = pattern.match(text, gap.end())
    group = by_alias.get(_alias_key(hit.group(0))) if hit is not None else None
    return group is not None and len(group.get("operates_in", [])) > 1


# "Chinese nationals", "an Italian missionary", "the British High Commission": foreigners, their
# missions and firms are where a story happens to them, not where they come from.
_FOREIGN_NOUNS = (
    r"(?:nationals?|citizens?|diplomats?|tourists?|missionar(?:y|ies)|expatriates?|embassy|"
    r"Embassy|[Hh]igh [Cc]ommission|consulate|investors?|company|firm|envoy|ambassador|"
    r"aid workers?|engineers?)"
)
_FOREIGNERS = re.compile(rf"\s+(?:[a-z-]+\s+)?{_FOREIGN_NOUNS}\b")
_FOREIGNER = re.compile(rf"\b{_FOREIGN_NOUNS}$")
# "Toposa raiders from Sudan", "Ethiopian raiders": the country raiders cross a border from is
# where they come from, not where the raid is; `country_named` leaves it out.
_RAIDER_WORDS = (
    r"(?:raiders|bandits|rustlers|tribesm[ae]n|herders|herdsmen|pastoralists|militias?|"
    r"militiamen|gunmen|armed men|assailants|attackers|pirates)"
)
_RAIDERS_FROM = re.compile(
    rf"\b{_RAIDER_WORDS}\s+(?:(?:who\s+(?:are|were)\s+)?(?:suspected|believed|said|thought|"
    r"alleged)\s+to\s+(?:be|have\s+come)\s+)?(?:from|of)\s+(?:neighbou?ring\s+|the\s+)?$",
    re.I,
)
# Herders or tribesmen named by a country ("Kenyan herders") are as often its victims as raiders.
_RAIDERS = re.compile(
    r"\s+(?:[A-Za-z-]+\s+)?(?:raiders|bandits|rustlers|militias?|militiamen|gunmen|armed men|"
    r"assailants|attackers|pirates|militants|insurgents|jihadists)\b",
    re.I,
)


def _demonym(word: str) -> str | None:
    table = demonyms()
    return table.get(word) or next((v for k, v in table.items() if k.lower() == word.lower()), None)


def country_name(iso2: str | None) -> str | None:
    """ACLED's English name of a country from its ISO2 code."""
    if not iso2:
        return None
    if iso2 in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[iso2]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return None
    return str(getattr(record, "common_name", None) or record.name)


def iso2_of(iso3: str | None) -> str | None:
    record = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return str(record.alpha_2) if record is not None else None


def iso3_of(iso2: str | None) -> str | None:
    record = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    return str(record.alpha_3) if record is not None else None


def _alias_key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


@functools.lru_cache(maxsize=1)
def _group_pattern() -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    by_alias: dict[str, dict[str, Any]] = {}
    parts: list[str] = []
    aliases = [(a, g) for g in ad.dictionary()["groups"] for a in g["aliases"]]
    for alias, group in sorted(aliases, key=lambda ag: len(ag[0]), reverse=True):
        by_alias[_alias_key(alias)] = group
        escaped = re.escape(alias).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]")
        # Acronyms (all capitals) match case-sensitively, so "sna" inside prose never matches.
        parts.append(escaped if alias.isupper() else f"(?i:{escaped})")
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b"), by_alias


@functools.lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    alternatives = []
    for kind, words in ROLE_WORDS.items():
        alternatives.append(f"(?P<{kind}>" + "|".join(sorted(words, key=len, reverse=True)) + ")")
    adjectives = "|".join(sorted((re.escape(d) for d in demonyms()), key=len, reverse=True))
    # Up to two words may stand between the adjective and the role ("Kenyan riot police"), but
    # never a preposition: "killed in Somalia by members of Al Shabaab" names no Somali members.
    return re.compile(
        r"(?:\b(?P<adj>"
        + adjectives
        + r")(?:'s)?\s+"
        + r"(?:(?!(?:by|of|in|at|on|from|to|with|for|near|as|the)\s)[a-z-]+\s+){0,2}?)?"
        + r"\b(?:"
        + "|".join(alternatives)
        + r")\b",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=1)
def _of_country_pattern() -> re.Pattern[str]:
    """ "military forces of Artsakh", "the security forces of Azerbaijan", "police of Kenya"."""
    names = "|".join(sorted((re.escape(d) for d in demonyms()), key=len, reverse=True))
    return re.compile(
        r"\b(?P<role>(?:military|armed|security|defen[cs]e|government) forces|army|police(?: forces)?)"
        r" of (?:the )?(?P<country>" + names + r")\b",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=1)
def _people_pattern() -> re.Pattern[str]:
    """Plural demonyms used as nouns: "Palestinians", "Indian nationals", "Afghans"."""
    plurals = sorted(
        {d + "s" for d in demonyms() if d[:1].isupper() and d.endswith(("an", "i", "ian"))},
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?P<people>" + "|".join(re.escape(p) for p in plurals) + r")\b")


@functools.lru_cache(maxsize=1)
def _person_pattern() -> re.Pattern[str]:
    """One person named by a demonym alone ("shot and injured a Palestinian"): a civilian of that
    country. A demonym before a noun ("a Palestinian flag", "a Palestinian teenager") is not."""
    nouns = sorted(
        (d for d in demonyms() if d[:1].isupper() and d.endswith(("an", "i", "ian"))),
        key=len,
        reverse=True,
    )
    return re.compile(
        r"\b(?:an?|one|another)\s+(?P<person>" + "|".join(re.escape(n) for n in nouns) + r")\b"
        r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|near|who|and|or|was|were|is|with|from|by|during|"
        r"after|while|as|to|for|of|outside|inside|when|but)\b)"
    )


# "Pokot raiders", "Fulani herdsmen", "Degodia clan militia": a community's armed men, named by it.
_ETHNIC = re.compile(
    r"\b(?P<group>[A-Z][a-z]{2,})(?:\s+(?:ethnic|clan|community|tribal))?\s+"
    r"(?:militia(?:men|s)?|raiders|herds?m[ae]n|herders|warriors|clansm[ae]n|tribesm[ae]n|gunm[ae]n|"
    r"bandits|youths?|fighters)\b"
)


@functools.lru_cache(maxsize=1)
def _known_ethnic() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Named communities (`demonyms.json` `ethnic_groups`) as the sides of communal violence:
    "a Pokot raid", "Orma ethnic group", and both sides of "clashes between Borana and Gabra"."""
    names = "|".join(
        sorted((re.escape(n) for n in ad.data("demonyms.json").get("ethnic_groups", [])), key=len)[
            ::-1
        ]
    )
    # A named community's armed men ("Pokot assailants"), or the community itself as the subject
    # of an attack ("Degodia attack Garre civilians") or the owner of a raid ("a Pokot raid on
    # a Turkana village"): only the name is the mention then, the raid stays the event's trigger.
    single = re.compile(
        rf"\b(?P<group>{names})s?(?:(?:\s+(?:ethnic|clan|community|tribal))?\s+"
        r"(?:clans?|communit(?:y|ies)|groups?|ethnic groups?|tribes?|elders|men|herders|"
        r"youths?|assailants|attackers|militants|raiders|gunmen|bandits|warriors)\b|"
        r"(?=\s+(?:attack(?:ed|s)?|raid(?:ed|s)?|targeted|ambushed)\b))"
    )
    sides = (
        r"(?:\s+(?:clans|communities|groups|ethnic groups|tribes|militias|raiders|herders|youths))"
    )
    pair = re.compile(
        rf"\bbetween\s+(?P<sa>(?:members\s+of\s+)?(?:the\s+)?(?P<a>{names})s?)\s+and\s+"
        rf"(?P<sb>(?:the\s+)?(?P<b>{names})s?{sides}?)\b|"
        rf"\b(?P<sa2>(?P<a2>{names})s?)\s+and\s+(?P<sb2>(?:the\s+)?(?P<b2>{names})s?{sides})\b|"
        # Any two names the text itself calls communal militias: "Fellata and Rizeigat militias".
        r"\b(?P<sa3>(?P<a3>[A-Z][a-z]{2,}))\s+and\s+(?P<sb3>(?P<b3>[A-Z][a-z]{2,})\s+"
        r"(?i:ethnic|communal|tribal|clan)\s+(?i:militias|clans|communities|groups))\b|"
        # Any two names the text calls clans: "militias from the Hawadle and Jarer Weyne clans".
        r"\b(?P<sa4>(?:(?:armed\s+)?(?:militias?|militiamen|fighters|members)\s+(?:from|of)\s+)?"
        r"(?:[Tt]he\s+)?(?P<a4>(?!The\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+and\s+"
        r"(?P<sb4>(?:the\s+)?(?P<b4>(?!The\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:sub-?)?clans)\b"
    )
    return single, pair


@functools.lru_cache(maxsize=1)
def _ethnic_names() -> frozenset[str]:
    return frozenset(ad.data("demonyms.json").get("ethnic_groups", []))


@functools.lru_cache(maxsize=1)
def _ethnic_spellings() -> dict[str, str]:
    return dict(ad.data("demonyms.json").get("ethnic_spellings", {}))


def _ethnic_militia(word: str) -> str:
    """ACLED names a community's militia in one spelling whatever the text's ("Kipsigis" and
    "Kipsigi" raiders are both the "Kipsigi Ethnic Militia"); `demonyms.json` `ethnic_spellings`."""
    return f"{_ethnic_spellings().get(word, word)} Ethnic Militia ({{country}})"


_HOME = re.compile(r"\b(?P<name>(?:South |North |Central )?[A-Z][a-z]+)\s+$")


def _home(sentence: str, start: int) -> str | None:
    """The country a militia comes from when the text says so right before its name: the
    "Ethiopian Merrile militia" raiding Kenya is ACLED's "Merrile Ethnic Militia (Ethiopia)"."""
    lead = _HOME.search(sentence, max(0, start - 30), start)
    if lead is None:
        return None
    name = lead.group("name")
    return _demonym(name) or (_demonym(name.split()[-1]) if " " in name else None)


# Raiders, rustlers and rival communities the text does not name: an unidentified identity militia.
_UNNAMED_COMMUNAL = re.compile(
    r"\b(?:(?:cattle|livestock|camel|armed|suspected)\s+)?(?:raiders|rustlers)\b|"
    r"\b(?:rival|neighbou?ring|two|warring)\s+(?:ethnic\s+)?(?:communities|clans|ethnic groups|tribes)\b|"
    r"\b(?:ethnic|communal|tribal|clan)\s+militia(?:s|men)?\b|"
    r"\barmed\s+(?:herders|pastoralists|herdsmen)\b",
    re.I,
)
_UNNAMED_COMMUNAL_NAME = "Unidentified Ethnic Militia ({country})"


def _backers(sentence: str, start: int) -> tuple[str, ...]:
    """Backers written just before an actor: "Tehran-backed Iraqi militias"."""
    window = sentence[max(0, start - 40) : start + 40]
    found = [m.group("backer") for m in _BACKED.finditer(window)]
    found += [m.group("backer") for m in _BACKED_BY.finditer(sentence[start : start + 80])]
    return tuple(dict.fromkeys(found))


_MEMBERSHIP = [
    r"(?:sect\s+|gang\s+|party\s+)?(?:members?|adherents|supporters|loyalists|operatives|cadres)",
    r"sect",
    r"gangs?",
]


@functools.lru_cache(maxsize=1)
def _trailing_role() -> re.Pattern[str]:
    """An armed role noun right after a group's name ("LNA forces", "GNA air force", "Houthi
    fighters"): it is part of the group's mention, not a second, unnamed actor. So are the
    words that name its membership ("Al Shabaab members", "Mungiki sect", "Mungiki gang"): the
    members are the group, not a crowd of civilians or a second, unnamed gang."""
    words = [w for k in ("military", "police", "rebel") for w in ROLE_WORDS[k]] + _MEMBERSHIP
    alternation = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(r"(?:'s)?[\s-]+(?:" + alternation + r")\b", re.I)


_STRIKE = re.compile(r"\b(?:air force|jets|warplanes?|artillery)\b", re.I)
# "Kotwali police area", "under Konta police station limits": a jurisdiction naming where, not
# the police as a side.
_JURISDICTION = re.compile(r"\s+(?:station\s+)?(?:area|limits|jurisdiction)\b", re.I)
# "MS-13 members", "RSS members": a named organisation the dictionary lacks is no crowd of civilians.
_ORG_BEFORE = re.compile(r"\b(?:[A-Z][\w-]*[A-Z0-9]|[A-Z]{2,})[\w-]*\s+$")
_FACTION = re.compile(r"-(?P<faction>[A-Z][a-z]+)\b")
_TITLE_BEFORE = re.compile(r"\b(?!(?:An?|The|One)\s)[A-Z][\w-]*\s+$")
_ANTI = re.compile(r"\banti-?\s?$", re.I)


def find_actors(sentence: str, offset: int = 0) -> list[ActorMention]:
    """Actor mentions in one sentence, in text order, named groups before overlapping role nouns."""
    pattern, by_alias = _group_pattern()
    mentions: list[ActorMention] = []
    blocked: list[tuple[int, int]] = []
    for m in pattern.finditer(sentence):
        group = by_alias.get(_alias_key(m.group(0)))
        # "anti-Houthi National Resistance forces": the Houthis are who they fight, not an actor here.
        if group is None or _ANTI.search(sentence, 0, m.start()):
            continue
        end = m.end()
        name = str(group["name"])
        faction = _FACTION.match(sentence, end) if group.get("factions") else None
        if faction is not None:
            # ACLED names a faction inside its family's brackets: "Raia Mutomboki-Lukoba" is
            # "Mayi Mayi Militia (Raia Mutomboki-Lukoba)".
            end = faction.end()
            name = f"{name[:-1]}-{faction.group('faction')})"
        tail = _trailing_role().match(sentence, end)
        if tail is not None and _STRIKE.search(tail.group(0)):
            # "LNA air force targeted...": the words name the strike, the event's trigger; they are
            # kept out of the mention (and of any other) so the group stays before its trigger.
            blocked.append((tail.start(), tail.end()))
        elif tail is not None:
            end = tail.end()
        mentions.append(
            ActorMention(
                offset + m.start(),
                offset + end,
                sentence[m.start() : end],
                group["kind"],
                name,
                group["inter"],
                None if "{country}" in group["name"] else group["country"],
                _backers(sentence, m.start()),
            )
        )

    def free(a: int, b: int) -> bool:
        taken = any(x.start - offset < b and a < x.end - offset for x in mentions)
        return not taken and not any(x < b and a < y for x, y in blocked)

    def add(
        m: re.Match[str],
        kind: str,
        name: str | None,
        inter: int | None,
        country: str | None,
        backed: bool = True,
    ) -> None:
        backers = _backers(sentence, m.start()) if backed else ()
        mentions.append(
            ActorMention(
                offset + m.start(),
                offset + m.end(),
                m.group(0),
                kind,
                name,
                inter,
                country,
                backers,
            )
        )

    for m in _of_country_pattern().finditer(sentence):
        if free(m.start(), m.end()):
            kind = "police" if "police" in m.group("role").lower() else "military"
            add(m, kind, None, 1, _demonym(m.group("country")))
    single, pair = _known_ethnic()
    for m in pair.finditer(sentence):
        pairs = [(f"{k}{n}", f"s{k}{n}") for n in ("", "2", "3", "4") for k in ("a", "b")]
        for key, span in pairs:
            a, b = m.span(span)
            if a >= 0 and free(a, b):
                name = _ethnic_militia(m.group(key))
                mentions.append(
                    ActorMention(offset + a, offset + b, m.group(span), "militia", name, 4, None)
                )
    for m in single.finditer(sentence):
        if free(m.start(), m.end()):
            add(m, "militia", _ethnic_militia(m.group("group")), 4, _home(sentence, m.start()))
    for m in _ETHNIC.finditer(sentence):
        word = m.group("group")
        # A capitalised word opening the sentence ("Masked gunmen", "Cattle raiders") is no name.
        opening = not sentence[: m.start()].strip() or sentence[: m.start()].rstrip()[-1:] in ".:;"
        if (
            free(m.start(), m.end())
            and word not in demonyms()
            and word.lower() not in _NOT_ETHNIC
            and not (opening and word not in _ethnic_names())
        ):
            add(m, "militia", _ethnic_militia(word), 4, _home(sentence, m.start()))
    for m in _UNNAMED_COMMUNAL.finditer(sentence):
        if free(m.start(), m.end()):
            # "Ethiopian raiders", "suspected South Sudanese raiders"
            add(m, "militia", _UNNAMED_COMMUNAL_NAME, 4, _home(sentence, m.start()))
    for m in _people_pattern().finditer(sentence):
        if free(m.start(), m.end()):
            add(m, "civilian", None, 7, _demonym(m.group("people")[:-1]), backed=False)
    for m in _person_pattern().finditer(sentence):
        a, b = m.span("person")
        if free(a, b):
            mentions.append(
                ActorMention(
                    offset + a,
                    offset + b,
                    m.group("person"),
                    "civilian",
                    None,
                    7,
                    _demonym(m.group("person")),
                )
            )
    for m in _LOS_GANG.finditer(sentence):
        if free(m.start(), m.end()) and _LOS_MEMBERS.search(sentence, 0, m.start()):
            add(m, "rebel", f"Los {m.group('los')} Gang", 3, None, backed=False)
    for m in _GANG.finditer(sentence):
        if free(m.start(), m.end()):
            add(m, "rebel", _GANG_NAME, 3, None)
    for m in _role_pattern().finditer(sentence):
        if free(m.start(), m.end()):
            kind = next(k for k in ROLE_WORDS if m.group(k))
            if kind == "police" and _JURISDICTION.match(sentence, m.end()):
                continue
            capitalised = m.group(0) == "Officer" and m.start() > 0
            if m.group(0) in {"officer", "Officer"} and (
                capitalised or _TITLE_BEFORE.search(sentence, 0, m.start())
            ):
                # "the Presiding Officer", "an ODM officer": an office, not the police.
                continue
            if (
                kind == "civilian"
                and m.group(0).lower() == "members"
                and _ORG_BEFORE.search(sentence, 0, m.start())
            ):
                continue
            adj = m.group("adj")
            add(m, kind, None, _KIND_INTER[kind], _demonym(adj) if adj else None)
    mentions.sort(key=lambda a: a.start)
    # "Movement of forces:" heads a note: it is the kind of event, the forces are no one's.
    mentions = [
        m
        for m in mentions
        if not (
            _LABEL_BEFORE.search(sentence, 0, m.start - offset)
            and sentence.startswith(":", m.end - offset)
        )
    ]
    mentions = _affiliated(sentence, offset, _possessed(sentence, offset, mentions))
    return _under_operation(sentence, offset, [_from_abroad(sentence, offset, m) for m in mentions])


# "opposition rebels under OPS", "factions that operate under OPS": armed groups fighting as part
# of a named foreign operation.
_UNDER = re.compile(
    r"\s*,?\s*(?:(?:who|that|which)\s+)?(?:both\s+)?(?:operat(?:e|es|ing)|fight(?:s|ing)?)?\s*"
    r"under\s+(?:the\s+)?(?:banner\s+of\s+(?:the\s+)?|umbrella\s+of\s+(?:the\s+)?)?",
    re.I,
)


def _under_operation(
    sentence: str, offset: int, mentions: list[ActorMention]
) -> list[ActorMention]:
    """ACLED codes the armed groups of a foreign-led operation as the operation ("Operation
    Peace Spring" for the Syrian factions Turkey fields in it): an armed mention the text puts
    "under" a named operation is that operation, and the operation is named once."""
    out: list[ActorMention] = []
    dropped: set[int] = set()
    for i, mention in enumerate(mentions):
        if i in dropped:
            continue
        nxt = next((m for m in mentions[i + 1 :] if m.kind == "external" and m.name), None)
        if mention.armed and mention.kind != "external" and nxt is not None:
            between = sentence[mention.end - offset : nxt.start - offset]
            if _UNDER.fullmatch(between):
                out.append(
                    replace(
                        mention, kind=nxt.kind, name=nxt.name, inter=nxt.inter, country=nxt.country
                    )
                )
                dropped.add(mentions.index(nxt))
                continue
        out.append(mention)
    return out


@functools.lru_cache(maxsize=1)
def _origin_pattern() -> re.Pattern[str]:
    """ "bandits from Ethiopia", "raiders believed to be from neighbouring Uganda", "armed
    assailants of Somali origin": where an armed group comes from, said right after it."""
    names = "|".join(sorted((re.escape(d) for d in demonyms()), key=len, reverse=True))
    return re.compile(
        r"\s+(?:(?:who\s+(?:are|were)\s+)?(?:suspected|believed|said|thought|alleged)\s+to\s+"
        r"(?:be|have\s+come)\s+)?(?:from|of)\s+(?:neighbou?ring\s+|the\s+)?"
        r"(?P<country>" + names + r")(?:\s+origin)?\b"
    )


def _from_abroad(sentence: str, offset: int, mention: ActorMention) -> ActorMention:
    """An unplaced armed group the text says came from a country is that country's: ACLED
    codes "suspected bandits from Ethiopia" raiding Kenya as "Unidentified Armed Group
    (Ethiopia)", and "Toposa raiders from Sudan" as the Toposa militia of Sudan."""
    if mention.kind not in {"rebel", "militia"} or mention.country is not None:
        return mention
    if mention.name is not None and "{country}" not in mention.name:
        return mention
    m = _origin_pattern().match(sentence, mention.end - offset)
    if m is None:
        return mention
    iso2 = _demonym(m.group("country"))
    return replace(mention, country=iso2) if iso2 else mention


_LABEL_BEFORE = re.compile(r"\bMovement of $")
_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s|')\s+$")


def _possessed(sentence: str, offset: int, mentions: list[ActorMention]) -> list[ActorMention]:
    """A named unit is the actor of the force that owns it and of the members it has: "members
    of the regime's Air Force Intelligence" are the Air Force Intelligence Directorate, not the
    regime's forces at large nor civilians."""
    dropped: set[int] = set()
    for i in range(len(mentions) - 1):
        mention, nxt = mentions[i], mentions[i + 1]
        if nxt.name is None or not nxt.armed:
            continue
        between = sentence[mention.end - offset : nxt.start - offset]
        if mention.name is None and mention.kind == nxt.kind and _POSSESSIVE.fullmatch(between):
            dropped.add(i)  # "the regime's Air Force Intelligence"
            members = mentions[i - 1] if i > 0 else None
            if (
                members is not None
                and members.text.lower() in {"members", "member"}
                and _MEMBERS_OF.fullmatch(sentence[members.end - offset : mention.start - offset])
            ):
                dropped.add(i - 1)
        elif mention.text.lower() in {"members", "member"} and _MEMBERS_OF.fullmatch(between):
            dropped.add(i)  # "members of the Air Force Intelligence"
    return [m for k, m in enumerate(mentions) if k not in dropped]


# "gunmen with suspected links to Al Shabaab", "militants loyal to the Islamic State": what joins
# an unnamed armed mention to the named group it belongs to.
_AFFILIATION = re.compile(
    r"\s*,?\s*(?:who\s+(?:are|were)\s+)?(?:"
    r"(?:suspected|believed|alleged|said|thought)\s+to\s+be\s+(?:(?:members|part|fighters)\s+of\s+)?|"
    r"(?:(?:suspected|alleged)(?:ly)?\s+)?(?:(?:with|having)\s+(?:suspected\s+|alleged\s+|close\s+)?"
    r"(?:links|ties)\s+to|linked\s+to|affiliated\s+(?:to|with)|belonging\s+to|loyal\s+to|"
    r"allied\s+to|members\s+of|from)\s+|"
    # "a gang of 100 Mungiki members": a count of the group's own men.
    r"of\s+(?:about\s+|around\s+|some\s+|over\s+|more\s+than\s+|at\s+least\s+)?[\d,]+\s+"
    r")(?:the\s+)?",
    re.I,
)


# "forces from Ash Shubaji Martyrs Battalion of the 6th Southern Resistance Brigade": unnamed
# forces drawn from a unit of a named group, a few words of unit name between.
_UNIT_OF = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,8}", re.I)
_FORCES = re.compile(r"(?i)(?:forces|fighters|troops|units?|elements|members)")


def _affiliated(sentence: str, offset: int, mentions: list[ActorMention]) -> list[ActorMention]:
    """An unnamed armed mention that the text ties to a named group right after it is that
    group: ACLED names "gunmen with suspected links to Al Shabaab" Al Shabaab, and "forces from
    a battalion of the Southern Resistance" the Southern Resistance."""
    out = list(mentions)
    dropped: set[int] = set()
    for i, mention in enumerate(mentions):
        if (mention.name is not None and mention.name != _GANG_NAME) or mention.country:
            continue
        unit = mention.kind == "military" and bool(_FORCES.fullmatch(mention.text))
        if mention.kind != "rebel" and not unit:
            continue
        # "believed to be members of Al Shabaab": the word "members" is no mention of its own.
        j = i + 1
        while j < len(mentions) and mentions[j].text.lower() in {"members", "member"}:
            j += 1
        if j >= len(mentions):
            continue
        group = mentions[j]
        if group.name is None or group.kind not in {"rebel", "militia"}:
            continue
        between = sentence[mention.end - offset : group.start - offset]
        if (
            _AFFILIATION.fullmatch(between)
            if mention.kind == "rebel"
            else _UNIT_OF.fullmatch(between) and "," not in between
        ):
            out[i] = replace(
                mention, kind=group.kind, name=group.name, inter=group.inter, country=group.country
            )
            dropped.update(range(i + 1, j))
    return [m for k, m in enumerate(out) if k not in dropped]


# "National Resistance forces claimed to have shelled", "the army said it had killed": a
# claimant telling its own deed.
_OWN_DEED = re.compile(
    r"\s*(?:claimed|claims|said|says|announced|stated)\s+"
    r"(?:to\s+have\s+|(?:that\s+)?(?:it|they)\s+had\s+)(?!been\b)",
    re.I,
)


# "heavy artillery fire by an unknown party was reported": the agent of a deed inside what is
# reported, not the one reporting ("was reported by the monitors").
_AGENT_BY = re.compile(
    r"(?<!reported )(?<!said )(?<!claimed )(?<!announced )(?<!confirmed )(?<!stated )"
    r"\bby\s+(?:the\s+|an?\s+)?$",
    re.I,
)


def claims_own_deed(text: str, start: int, end: int) -> bool:
    """Whether the actor at `start`-`end`, though inside a claim, is the event's agent: it claims
    a deed of its own ("forces claimed to have shelled"), or it is the "by" agent of the deed
    the claim reports ("fire by an unknown party was reported"). The claim may not hide it."""
    return bool(_OWN_DEED.match(text, end) or _AGENT_BY.search(text, max(0, start - 40), start))


@functools.lru_cache(maxsize=1)
def _group_by_name() -> dict[str, dict[str, Any]]:
    return {str(g["name"]): g for g in ad.dictionary()["groups"]}


def home_country(mention: ActorMention) -> str | None:
    """The country an actor places a story in that names no place: its own, unless it is a
    group that fights across borders (`actors.json` `operates_in`: Al Shabaab raids Kenya as
    well as Somalia), a community's militia whose home the text gives ("Toposa raiders from
    Sudan" raid Kenya), or foreigners named by their nationality ("Chinese nationals"). Those
    tell who fought, not where: Kenyan police in an Al Shabaab story stay Kenya's."""
    if mention.name is None:
        # "Chinese nationals" kidnapped in a Nigerian note are Nigeria's story, not China's.
        return None if _FOREIGNER.search(mention.text) else mention.country
    group = _group_by_name().get(mention.name)
    if group is not None and len(group.get("operates_in", [])) > 1:
        return None
    if mention.kind == "militia" and "{country}" in mention.name:
        return None
    return mention.country


def _unplaced_country(mention: ActorMention) -> str | None:
    group = _group_by_name().get(mention.name) if mention.name else None
    if group is not None and group.get("unplaced"):
        return str(group["unplaced"])
    return mention.country


def actors_country(actors: list[ActorMention]) -> str | None:
    """The country a story's actors belong to most often, by `home_country`; only when none
    has a home of its own, the country of the groups that cross borders: where their unplaced
    stories happen (`actors.json` `unplaced`: an Al Shabaab story that names no place is a
    Kenyan report, Somali ones name their district), else their own."""
    homes = Counter(h for h in map(home_country, actors) if h)
    if not homes:
        # Raiders "from Sudan" came from there: they never place the raid.
        homes = Counter(
            c
            for a in actors
            if a.kind != "militia" and not _FOREIGNER.search(a.text) and (c := _unplaced_country(a))
        )
    return homes.most_common(1)[0][0] if homes else None


def _community_word(name: str, iso2: str | None) -> str:
    """Where communities are clans (Somalia, Lebanon) or tribes (Yemen), ACLED names their
    militias "Hawadle Clan Militia", "Unidentified Tribal Militia (Yemen)"."""
    for key, word in (("clan_countries", "Clan"), ("tribal_countries", "Tribal")):
        if iso2 in ad.dictionary().get(key, []):
            for plain in (" Ethnic Militia (", " Communal Militia ("):
                name = name.replace(plain, f" {word} Militia (")
    return name


@functools.lru_cache(maxsize=1)
def _ethnic_homes() -> dict[str, list[list[str]]]:
    return dict(ad.data("demonyms.json").get("ethnic_homes", {}))


def _ethnic_home(name: str, when: date | None) -> str | None:
    """The country a cross-border community's militia is ACLED's actor of, wherever it raids
    (`demonyms.json` `ethnic_homes`): Toposa raiders in Turkana are the "Toposa Ethnic Militia
    (Sudan)" before South Sudan's independence and "(South Sudan)" after. None for the
    communities ACLED names by the country of the event."""
    if not name.endswith(" Ethnic Militia ({country})"):
        return None
    spans = _ethnic_homes().get(name.removesuffix(" Ethnic Militia ({country})"))
    if spans is None:
        return None
    home: str | None = None
    for since, iso2 in spans:  # [from-date, ISO2], oldest first
        if when is None or when >= date.fromisoformat(since):
            home = str(iso2)
    return home


def _group_canonical(
    mention: ActorMention, name: str, country: str | None, when: date | None
) -> tuple[str, int | None]:
    """A named group's canonical name: its period, its country, its name on that date."""
    group = _group_by_name().get(name)
    if group is not None:
        name = ad.group_name(group, when)
    if "{period}" in name:
        period = ad.period(mention.country or "", when)
        faction = ad.faction(mention.country or "", when) if name.endswith("({period})") else None
        name = name.replace(" ({period})", f" ({period})" if period else "")
        return (f"{name} {faction}" if faction else name), mention.inter
    if "{country}" in name:
        iso2 = mention.country or _ethnic_home(name, when) or country
        if name == _GANG_NAME and iso2 is not None and iso2 not in _gang_countries():
            # "Unidentified Gang" is ACLED's name for criminal groups in the Americas only.
            name = "Unidentified Armed Group ({country})"
        name = _community_word(name, iso2)
        cname = country_name(iso2)
        if cname is None:
            return name.replace(" ({country})", ""), mention.inter
        return name.replace("{country}", cname), mention.inter
    return name, mention.inter


def canonical(
    mention: ActorMention, country: str | None, when: date | None
) -> tuple[str, int | None]:
    """ACLED-style name and inter code of a mention, given the event's country and date."""
    if mention.name:
        return _group_canonical(mention, mention.name, country, when)
    iso2 = mention.country or country
    cname = country_name(iso2) if iso2 else None
    if mention.kind in {"military", "police"}:
        operation = ad.theatre(mention.country, country)
        if operation is not None:
            return str(operation["name"]), int(operation["inter"])
        prefix = "Military Forces" if mention.kind == "military" else "Police Forces"
        if cname is None:
            return prefix, 1
        return ad.state_name(prefix, cname, iso2, when), 1
    label = {
        "rebel": "Unidentified Armed Group",
        "protester": "Protesters",
        "rioter": "Rioters",
        "civilian": "Civilians",
    }.get(mention.kind, mention.text)
    inter = _KIND_INTER.get(mention.kind, mention.inter)
    return (f"{label} ({cname})" if cname else label), inter


# A side of an event as the coder names it: its canonical name and ACLED `inter` code.
NamedSide = tuple[str | None, int | None]

# "12 Taliban militants were killed and 6 were wounded during clashes with ANDSF forces", "were
# killed by an Afghan military airstrike": what lies between the side that suffered and the side
# that did it when a report leads with the casualties.
_SUFFERED_BY = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:including|among them)\s[^,]*?\s+)?"
    r"(?:(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(?:killed|wounded|injured|hurt)|"
    r"(?:is|are|was|were)\s+(?:reported\s+)?dead)\b"
    r"(?:,?\s+(?:and\s+|while\s+)?(?:\d+|\w+)(?:-\d+)?\s+(?:\w+\s+){0,2}?(?:(?:were|was)\s+)?"
    r"(?:\w+\s+)?(?:killed|wounded|injured|hurt|arrested|captured)\b)*"
    r",?\s+(?:by|(?:during|in|following|after)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:clash(?:es)?|encounters?|fighting|fights?|firefights?|gunfights?|gun\s?battles?|"
    r"shoot-?outs?|confrontations?|exchanges?\s+of\s+fire|attacks?|ambush(?:es)?|operations?|"
    r"raids?|air\s?strikes?)\s+(?:with|by|of))\s+(?:an?\s+|the\s+)?",
    re.I,
)


def suffered_first(
    actor1: ActorMention | None, actor2: ActorMention | None, text: str, start: int = 0
) -> bool:
    """Whether the clause's first side is told as the casualties of its second ("8 Taliban
    militants were killed by Afghan military airstrikes"): ACLED's actor1 is the side that did
    the killing, whichever the sentence names first. `text` is the clause, `start` its offset."""
    if actor1 is None or actor2 is None or actor1.end > actor2.start:
        return False
    between = text[actor1.end - start : actor2.start - start]
    return _SUFFERED_BY.fullmatch(between) is not None


# "Iraqi forces repelled an IS attack", "pro-Hadi forces thwarted a Houthi attack": the side named
# second, as the attack's owner, began the fight. "repelled an attack by/of X" is left to the
# clause's own reading: desks differ on it.
_REPELLED = re.compile(
    r"(?:\s+(?:force|troops|fighters|units?)|['’]s\s+(?:[\w'-]+\s+){0,4}?(?:division|brigade|"
    r"battalion|regiment|unit|forces))?"
    r"\s*,?\s+(?:(?:reportedly|allegedly|also|successfully|reported(?:ly)?\s+to\s+have|"
    r"claimed\s+to\s+have|have|has|had)\s+)*(?:repell?(?:ed|ing)?|repuls(?:ed|ing|e)|"
    r"thwart(?:ed|ing)?|foil(?:ed|ing)?|fought\s+off|beat\s+back|pushed\s+back)\s+"
    r"(?:an?|the|two|several|multiple)\s+(?:(?:attempted|planned|major|large|dawn|night|"
    r"fresh|new|renewed)\s+)?",
    re.I,
)
_ATTACK_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:attacks?|assaults?|offensives?|ambush(?:es)?|raids?|incursions?|"
    r"infiltration(?:\s+attempts?)?|advances?)\b",
    re.I,
)


def repelled_first(
    actor1: ActorMention | None, actor2: ActorMention | None, text: str, start: int = 0
) -> bool:
    """Whether the clause's first side is told as the one that beat off the second's attack
    ("Afghan forces repelled a Taliban attack on their convoy"): ACLED's actor1 is the side that
    attacked. Only the form where the attack is the second side's own ("a Taliban attack")
    counts; `text` is the clause, `start` its offset."""
    if actor1 is None or actor2 is None or actor1.end > actor2.start or not actor2.armed:
        return False
    m = _REPELLED.match(text, actor1.end - start)
    if m is None:
        return False
    if m.end() == actor2.start - start:
        return _ATTACK_AFTER.match(text, actor2.end - start) is not None
    # "thwarted a Houthi attack ..., forcing the Houthi forces to retreat": the clause's second
    # side may be a later mention of the attack's owner.
    owner = re.compile(r"([\w'’-]+)(?:\s+[\w'’-]+){0,2}?" + _ATTACK_AFTER.pattern, re.I)
    word = owner.match(text, m.end())
    return word is not None and actor2.text.split()[0].lower() == word.group(1).lower()


# ACLED's modern event types in which actor1 is the side that uses force.
_FORCE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


# Livelihood communities whose members, when they attack, are a communal militia in ACLED's
# coding ("suspected pastoralists killed a farmer over a land dispute", "a farmer with an
# artisanal gun shot a herder"), not an unidentified armed group nor the victims: the agent's
# words and the attack verb that follows them.
_COMMUNITY_AGENT = re.compile(
    r"[^,.;]{0,30}?\b(?P<who>pastoralists?|herders?|herdsm[ae]n|farmers?|tribesm[ae]n|clansm[ae]n)\b"
    r"(?:\s+(?:(?:armed|equipped)\s+)?with\s+[^,.;]{0,40}?)?\s+(?:\w+\s+)?"
    r"(?:attacked|killed|shot|stabbed|hacked|assaulted|raided|invaded|beat|burn(?:ed|t)|"
    r"set\s+fire|wounded|injured)\b",
    re.I,
)


def _communal_militia(
    agent: str | None, country: str | None, when: date | None
) -> tuple[str, int | None]:
    """The militia a community's attackers (`agent`, the word that names them) make: where the
    dictionary says which community herds (`actors.json` `herder_communities`: Fulani
    pastoralists in Benin or Nigeria), herders who attack are that community's militia;
    otherwise ACLED's unidentified communal militia of the date (Ethnic before 2016, Communal
    since). Farmers and herders who fight each other are told apart by the other side, so a
    battle's side is never named by the herding community."""
    community = ad.dictionary().get("herder_communities", {}).get(country or "")
    herders = agent is not None and re.match(r"(?i)(?:pastoral|herd)", agent) is not None
    name = f"{community} Ethnic Militia ({{country}})" if community and herders else None
    militia = ActorMention(0, 0, "", "militia", name or _UNNAMED_COMMUNAL_NAME, 4, None)
    return canonical(militia, country, when)


def civilians_as_targets(
    actor1: NamedSide,
    actor2: NamedSide,
    event_type: str | None,
    country: str | None,
    when: date | None,
    agent: str | None = None,
) -> tuple[NamedSide, NamedSide]:
    """ACLED's codebook never makes civilians the side that uses force: they are actor2 of the
    violence done to them. A story that names only its victims ("two people were injured when
    their car hit a landmine") has an unidentified armed group as its agent; one that names the
    other side too ("villagers ... engaged by a local militia") has that side as actor1. A
    battle has no civilian side at all. `agent` is actor1's mention and the words after it:
    farmers or herders who attack are a communal militia, not victims nor unidentified."""
    name1 = actor1[0]
    attack = _COMMUNITY_AGENT.match(agent) if agent is not None else None
    community = attack is not None
    who = attack.group("who") if attack is not None else None
    unidentified = name1 is not None and name1.startswith("Unidentified Armed Group")
    if community and unidentified and event_type in _FORCE_TYPES and event_type != "Battles":
        return _communal_militia(who, country, when), actor2
    if event_type not in _FORCE_TYPES or name1 is None or not name1.startswith("Civilians"):
        return actor1, actor2
    armed2 = actor2[0] is not None and not actor2[0].startswith("Civilians")
    if event_type == "Battles":
        # Both sides of a battle are armed: the side told as civilians ("two families
        # exchanged fire", "herders clashed") is a communal militia, never a target.
        if armed2:
            return actor2, (None, None)
        return _communal_militia(None, country, when), (None, None)
    if armed2:
        return actor2, actor1
    if community:
        return _communal_militia(who, country, when), actor2
    return canonical(ActorMention(0, 0, "", "rebel", None, None, None), country, when), actor1


# Developments whose doer ACLED codes as an unidentified armed group when the report names none:
# property burned or wrecked by no one named, a bomb found and defused.
_ANONYMOUS_DEEDS = frozenset({"Looting/property destruction", "Disrupted weapons use"})


def unnamed_agent(
    actor1: NamedSide, sub_event_type: str | None, country: str | None, when: date | None
) -> NamedSide:
    """ACLED never leaves actor1 empty: "a car was set on fire", "a bomb was discovered" are the
    deeds of an "Unidentified Armed Group (country)" (the most common doer of both in its data).
    Other events with no side named are left for the coder's own defaults."""
    if actor1[0] is not None or sub_event_type not in _ANONYMOUS_DEEDS:
        return actor1
    return canonical(ActorMention(0, 0, "", "rebel", None, 3, None), country, when)


_CROWD_KINDS = frozenset({"civilian", "protester", "rioter"})


def foreign_crowd(
    actor1: NamedSide,
    mention: ActorMention | None,
    actors: Sequence[ActorMention],
    trigger_start: int,
    country: str | None,
    when: date | None,
) -> NamedSide:
    """Demonstrators the text names by a nationality not the event's are that country's
    protesters: ACLED codes "500 Venezuelan migrants protested in Bogota" as "Protesters
    (Venezuela)" and "Sudanese refugees rioted at Kakuma" as "Rioters (Sudan)". Only the clause's
    subject counts (its first actor, before the trigger): "youths attacked Chinese workers" is
    a Kenyan riot."""
    name = actor1[0]
    if mention is not None or name is None or not name.startswith(("Protesters", "Rioters")):
        return actor1
    subject = next((a for a in actors if a.start < trigger_start), None)
    if (
        subject is None
        or subject.kind not in _CROWD_KINDS
        or subject.name is not None
        or subject.country in {None, country}
    ):
        return actor1
    kind = "protester" if name.startswith("Protesters") else "rioter"
    crowd = ActorMention(0, 0, "", kind, None, _KIND_INTER[kind], subject.country)
    return canonical(crowd, country, when)


def evidence_fields(
    before: tuple[str | None, str | None], after: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """Which side each mention ends up as once `civilians_as_targets` has moved the civilians:
    the evidence of "villagers engaged by a local militia" labels the militia actor1. None: the
    mention names no side of the coded event (the civilian side of a battle given to the other)."""
    (b1, b2), (a1, a2) = before, after
    if b1 == a1:
        return "actor1", "actor2"
    if b2 is not None and a1 == b2:
        return ("actor2" if a2 == b1 else None), "actor1"
    if a2 == b1:
        return "actor2", None
    return "actor1", "actor2"


def counterpart(
    actor1: str | None,
    actor2: NamedSide,
    event_type: str | None,
    country: str | None,
    text: str,
    when: date | None = None,
) -> NamedSide:
    """The other side of a two-sided war ACLED codes as a fixed pair (`actors.json`
    `counterparts`): a Donbas battle report that names only Ukraine's forces was fought with
    the separatists. Only for a battle, where the codebook always names both sides, and only
    when the story has no actor2 of its own."""
    cname = country_name(country)
    if actor1 is None or actor2[0] is not None or cname is None:
        return actor2
    for rule in ad.dictionary().get("counterparts", []):
        if country not in rule["in"] or event_type not in rule["event_types"]:
            continue
        if not _story_says(str(rule["when"]), text):
            continue
        sides: list[tuple[str, int]] = []
        for side in rule["sides"]:
            if side == "{military}":
                sides.append((ad.state_name("Military Forces", cname, country, when), 1))
            else:
                sides.append((str(side), int(_group_by_name().get(side, {}).get("inter", 2))))
        (one, inter_one), (other, inter_other) = sides
        if actor1 == one:
            return other, inter_other
        if actor1 == other:
            return one, inter_one
    return actor2


_OTHER_SIDE = re.compile(
    r"\b(?:clash(?:ed|es)? with|fought|against|attack(?:ed|ing)?|assault(?:ed|ing)?|kill(?:ed|ing)|"
    r"hack(?:ed|ing)|vandali[sz](?:ed|ing)|beat(?:ing)?|target(?:ed|ing)|demand(?:ed|ing)|over|"
    r"following|after|amid|protesting|denouncing|condemning|in protest)\b"
)
_MEMBERS = r"(?:members?|supporters?|activists?|leaders?|workers?|cadres?|followers?|loyalists?|youths?|men|MPs?|candidates?)"


@functools.lru_cache(maxsize=1)
def _associate_patterns() -> list[tuple[dict[str, Any], re.Pattern[str]]]:
    table = []
    for entry in ad.dictionary().get("associates", []):
        if "members" in entry and not entry.get("alone"):
            org = f"(?:{entry['members']})"
            listed = r"(?:[\w()'-]+,?\s+(?:and\s+)?){0,6}?"  # "members of AL, BCL and ..."
            pattern = (
                rf"{org}(?:['’]s)?\s+{listed}{_MEMBERS}\b"
                rf"|\b{_MEMBERS}\s+(?:\w+\s+){{0,2}}?(?:of|from)\s+(?:the\s+)?{listed}{org}"
                rf"|\b(?:likely|believed to be|suspected(?: to be)?)\s+{listed}{org}"
            )
        else:
            pattern = str(entry.get("members") or entry["pattern"])
        table.append((entry, re.compile(pattern)))
    return table


def associates(text: str, actor1: str | None, country: str | None, when: date | None) -> str | None:
    """ACLED's associated actors of a demonstration: who the protesters or rioters are.

    The codebook keeps "Protesters (Kenya)" as actor1 and names the demonstrators' identity
    ("Students (Kenya)", "Labour Group (Chile)") or the party whose members marched in
    assoc_actor_1 (`actors.json` `associates`). A party counts only when its members demonstrate
    ("BNP activists staged a rally"), not when the rally is against it. Names are listed in the
    order the clause gives them, joined as ACLED joins them.
    """
    cname = country_name(country)
    if actor1 is None or cname is None:
        return None
    kind = actor1.split(" (")[0]
    if kind not in {"Protesters", "Rioters"}:
        return None
    # Who demonstrated is named before what they did and to whom: "students clashed with
    # members of the Chhatra League", "a mob killed a Jubo League leader".
    cut = _OTHER_SIDE.search(text)
    own = text[: cut.start()] if cut is not None and cut.start() > 0 else text
    found: list[tuple[int, str]] = []
    for entry, pattern in _associate_patterns():
        if "in" in entry and country not in entry["in"]:
            continue
        if "for" in entry and kind not in entry["for"]:
            continue
        m = pattern.search(text if entry.get("whole_clause") else own)
        if m is None:
            continue
        name = str(entry["name"])
        for since, renamed in sorted(entry.get("renamed", {}).items()):
            if when is not None and when >= date.fromisoformat(since):
                name = str(renamed)
        found.append((m.start(), name.replace("{country}", cname)))
    names = list(dict.fromkeys(name for _, name in sorted(found)))
    return "; ".join(names) if names else None


# "Four killed during a Pokot raid on a Turkana village", "wounded in a Houthi attack": the dead
# told first, the attack they died in named by its owner.
_DIED_IN = re.compile(
    r"\b(?:killed|dead|died|injured|wounded|hurt|shot)\b[^.;]{0,60}?\b(?:during|in|by|following|"
    r"after)\s+(?:an?|the)\s+(?:(?:suspected|alleged|night|dawn|retaliatory|revenge)\s+)?$",
    re.I,
)


def attack_owner(
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    actors: list[ActorMention],
    text: str,
    start: int = 0,
) -> ActorMention | None:
    """The armed side that owns the attack a clause's dead died in ("Four people were killed
    during a Pokot raid", "two soldiers were wounded in a Taliban attack"), when the clause
    names no agent of its own: the raiders are actor1, the dead actor2. `text` is the clause,
    `start` its offset; None when the clause has its agent or names no such attack."""
    if actor1 is not None:
        return None
    for mention in actors:
        if not mention.armed or mention.start < start:
            continue
        lead = _DIED_IN.search(text, max(0, mention.start - start - 90), mention.start - start)
        if lead is not None and _ATTACK_AFTER.match(text, mention.end - start):
            return mention
    return None


# "an attack attributed to ADF fighters", "attackers assumed to be SLDF", "presumably IS",
# "(JNIM is suspected)": a named group the text holds responsible for the deed.
_BLAME_BEFORE = re.compile(
    r"\b(?:attribut(?:ed|es?)\s+(?:\w+\s+){0,3}?to|blam(?:ed|es?|ing)\s+(?:\w+\s+){0,4}?on|"
    r"claimed\s+by|carried\s+out\s+by|perpetrated\s+by|suspected(?:\s+to\s+(?:be|have\s+been))?|"
    r"presumed|presumably|(?:believed|assumed|thought)\s+to\s+(?:be|have\s+been|include)|"
    r"likely|victims?\s+of|responsibility\s+(?:to|on))\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_BLAME_AFTER = re.compile(
    r"\s*(?:(?:sect|members?|militants?|fighters?|elements?|militia(?:men)?)\s+)?\(?"
    r"(?:(?:is|are|was|were)\s+)?(?:suspected|blamed|believed\s+responsible)\b",
    re.I,
)


def attributed(
    actor1: NamedSide,
    actor2: str | None,
    text: str,
    country: str | None,
    when: date | None,
    mentions: Sequence[ActorMention] | None = None,
) -> NamedSide:
    """ACLED names the group a report holds responsible, not an unidentified one: when the
    clause's agent is unnamed ("2 dismembered bodies found"), and the story blames one named
    armed group for it ("Killings attributed to Mungiki Sect"), that group is actor1. A group
    the story names as the victim (actor2), a community, or a criminal label, is not blamed.
    `mentions` are the story's actor mentions when the caller has them (found once per story,
    not once per event)."""
    name1 = actor1[0]
    if name1 is None or not name1.startswith("Unidentified Armed Group"):
        return actor1
    blamed: dict[str, ActorMention] = {}
    for mention in find_actors(text) if mentions is None else mentions:
        group = mention.name
        if group is None or mention.kind not in {"rebel", "militia"}:
            continue
        if group.startswith(("Unidentified", "Pirates")) or " Ethnic Militia" in group:
            continue
        if _BLAME_BEFORE.search(text, max(0, mention.start - 60), mention.start) or (
            _BLAME_AFTER.match(text, mention.end)
        ):
            blamed.setdefault(group, mention)
    if len(blamed) != 1:
        return actor1
    named = canonical(next(iter(blamed.values())), country, when)
    if actor2 is not None and named[0] == actor2:
        return actor1
    return named


@functools.lru_cache(maxsize=256)
def _story_says(pattern: str, text: str) -> bool:
    """Whether a story matches a convention's pattern; asked once per story, not per actor."""
    return re.search(pattern, text) is not None


def local_name(
    name: str | None, inter: int | None, country: str | None, text: str, when: date | None = None
) -> NamedSide:
    """ACLED's country conventions for an actor the text leaves unnamed (`actors.json`
    `local_names`, "*" for every country): in Mexico a body found bound and tortured is the work
    of an "Unidentified Gang (Mexico)", in Brazil a drive-by execution of "Unidentified Gang
    and/or Police Militia"; anywhere, armed men of two feuding families are a communal militia."""
    cname = country_name(country)
    if name is None or cname is None:
        return name, inter
    for rule in ad.dictionary().get("local_names", []):
        if not ({country, "*"} & set(rule["in"])) or not _story_says(str(rule["when"]), text):
            continue
        for replaces in rule["replaces"]:
            pattern = re.escape(str(replaces).replace("{country}", cname))
            pattern = pattern.replace(re.escape("{period}"), r"\(\d{4}-(?:\d{4})?\)")
            if re.fullmatch(pattern, name):
                group = _group_by_name().get(str(rule["name"]))
                # A dictionary group's name keeps its own conventions: its renaming by date and
                # the clan or tribal word of the country ("Unidentified Clan Militia (Lebanon)").
                new = str(rule["name"]) if group is None else ad.group_name(group, when)
                new = _community_word(new, country).replace("{country}", cname)
                for key, prefix in (
                    ("{military}", "Military Forces"),
                    ("{police}", "Police Forces"),
                ):
                    if key in new:
                        new = new.replace(key, ad.state_name(prefix, cname, country, when))
                return _clan_named(new, cname, text), int(rule["inter"])
    return _clan_named(name, cname, text), inter


# "inter-clan clashes", "militias from rival clans", "suspected clan militiamen".
_CLANS = (
    r"(?i)\binter-?clan\b|\b(?:rival|two|warring|different|several)\s+clans\b|"
    r"\bclan\s+(?:militia(?:s|men)?|clash(?:es)?|fight(?:ing|s)?|conflict|feud|violence)\b"
)


def _clan_named(name: str, cname: str, text: str) -> str:
    """Since ACLED named unidentified identity militias "Communal" (2016), it names them by the
    identity the report gives when that is a clan: "inter-clan clashes" in Ethiopia's Somali
    region or in Cotabato are fought by an "Unidentified Clan Militia (Ethiopia)", not a communal
    one. The older "Unidentified Ethnic Militia" label stays as it was."""
    if name != f"Unidentified Communal Militia ({cname})" or not _story_says(_CLANS, text):
        return name
    return f"Unidentified Clan Militia ({cname})"


_STATE = ("Military Forces of ", "Police Forces of ")


def state_first(
    actor1: NamedSide,
    actor2: NamedSide,
    event_type: str | None,
    country: str | None,
    when: date | None,
) -> tuple[NamedSide, NamedSide]:
    """The pair in the order a coding desk wrote it (`actors.json` `state_first`): where and
    when the desk named the state's forces first in a fight, whoever began it, the story's
    attacker becomes actor2. A fight of the state with itself, or with civilians, is left alone."""
    name1, name2 = actor1[0], actor2[0]
    if name1 is None or name2 is None or when is None or name1.startswith(_STATE):
        return actor1, actor2
    if not name2.startswith(_STATE) or name1.startswith("Civilians"):
        return actor1, actor2
    for rule in ad.dictionary().get("state_first", []):
        if country not in rule["in"] or event_type not in rule["event_types"]:
            continue
        if date.fromisoformat(rule["from"]) <= when < date.fromisoformat(rule["until"]):
            return actor2, actor1
    return actor1, actor2
