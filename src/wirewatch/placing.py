"""Where an event happened: choosing, among a story's resolved place mentions, the event's place.

The geoparser resolves every toponym of a story; this module picks the one an event sentence puts
the event at: a place in its own clause introduced by "in", "at", "near" and the like, the finest
one, nearest to the trigger; else one of its sentence; else one of the sentence before; else, as
a last resort, a town or area of the story's own country named anywhere in it (any of them is
nearer the event than the country's middle), never one abroad: "killed a fisherman in Kenya. The
suspects had lived in Bombay" happened in Kenya, not Mumbai. Names that only qualify an actor
("Syria's military", "Tehran-backed", "launched by Russia") are skipped but for that last resort.
A name that only says which area an earlier place lies in ("Ghatail town (Tangail, Dhaka)")
yields to that place: ACLED codes the finest one.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from wirewatch.geoparse import focus_country, same_admin
from wirewatch.models import Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span

    from wirewatch.gazetteer import Gazetteer

# The words between the cue and the name are lower case ("in northern", "at the village of"):
# "members of Islami Andolan Bangladesh" puts the country inside a party's name, not after "of".
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|around|into|through|of|across|on|inside|within)\s+(?:the\s+)?"
    r"(?-i:[a-z-]+\s+){0,2}$",
    re.I,
)
# What stands between a place and the larger area after it: "Ghatail (Tangail, Dhaka)",
# "Santhia upazila (Pabna, Rajshahi)", "Kharki of Garmsir district, Helmand".
_AREA_GAP = re.compile(r"^(?:\s*(?:[a-z-]+\s*)?[,(]\s*|\s+(?:of|in)\s+)(?:the\s+)?$", re.I)
# "in Mendhar sector area (Poonch district": the area of a place the gazetteer lacks shares
# its locative.
_PAREN_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|around|inside)\s+(?:the\s+)?[A-Z][^()]{0,40}\(\s*$"
)
# The unit word a note puts after a sub-district's name: "Titas upazila", "Kamukunji ward",
# "Lokossa arrondissement", "Bakhmut raion".
_UNIT_AFTER = re.compile(
    r"\s+(?:upazila|union|ward|sub-?county|constituency|arrondissement|raion|rayon|hromada)\b",
    re.I,
)
# What a protest is about, once named, is no longer where it is.
_GRIEVANCE = re.compile(
    r"\b(?:condemn\w*|denounc\w*|in\s+solidarity\s+with|in\s+support\s+of|demand\w*|"
    r"calling\s+for|to\s+protest|protesting)\b",
    re.I,
)
# A name, then its kind, then the bracket that opens its admin chain: "Gazipur city (".
_BEFORE_BRACKET = re.compile(r"[ \w-]{0,20}\(")
# A little further on, the area a place lies in: "shelled Tall Refaat and its vicinity in
# Aleppo" (but "in Aleppo city" is the city).
_REGION_AFTER = re.compile(r"^[^.;:,()]{0,40}\s(?:in|of)\s+(?:the\s+)?$", re.I)
_TOWN_AFTER = re.compile(r"\s+(?:city|town)\b", re.I)
_OPEN_BRACKET = re.compile(r"\(\s*$")
# A name after "(X, " or "(X LGA, ": the province that closes an admin chain.
_CHAIN_END = re.compile(r"\([^()]{2,60},\s*$")
_STREET = re.compile(
    r"(?:\s*[-–]\s*[A-Z][\w']+)*\s+(?:road|street|avenue|highway|expressway|motorway|railway|"
    r"rail\s+line|(?:railway\s+|bus\s+)?station)\b",
    re.I,
)
# Between a place and the area named right after it, confirming it: "Sucre, Chuquisaca",
# "Zapopan, Jalisco", "Kurigram city (Rangpur".
_CONFIRM_GAP = re.compile(r"^(?:\s+(?:city|town|village|district))?\s*[,(]\s*$", re.I)
# Words after a country's name that make it a currency or an economy, not a place: "the high
# US dollar exchange rate" says nothing of where a Lebanese protest was.
_ECONOMY = re.compile(r"\s+(?:dollars?|currency|exchange rate|pounds?|lira|treasury)\b", re.I)
# A place that opens an armed group's or a force's name: "the positions of the Luhansk People's
# Militia in the area of Donetskyi" happened in Donetskyi.
_ACTOR_NAME = re.compile(
    r"\s+(?:People['’]s|Republic|Army|Militia|Forces|Police|Brigade|Regiment|Resistance|"
    r"Front|Battalion|Division|Corps|Guards?)\b"
)
# Words after a country's name that make it the owner of a force or a weapon.
_OWNER_AFTER = re.compile(
    r"(?:\s+|-)(?:military|forces|troops|army|soldiers|navy|air\s+force|warplanes|jets|"
    r"aircraft|drones?|air\s*strikes?|missiles?|artillery|border\s+guards?|special\s+forces|"
    r"coalition|-led|-backed)\b",
    re.I,
)
# A capitalised word right before or after a country's name makes it part of a longer name,
# unless it is a cue or a direction ("In Syria", "eastern Ukraine" stay places).
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'-]*)\s+(?:of\s+)?$")
_NAME_AFTER = re.compile(r"\s+([A-Z][\w'-]*)")
_CUE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "in at near on from of to the and across inside outside around northern southern "
        "eastern western central north south east west northeastern northwestern southeastern "
        "southwestern monday tuesday wednesday thursday friday saturday sunday january february "
        "march april may june july august september october november december",
    )
)
# A body named after its town ("Chattogram City Corporation", "Dhaka University"): "of" before
# it says whose members someone are, not where.
_OF_ORG = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_ORG_AFTER = re.compile(
    r"\s+(?:City\s+Corporation|Municipal\s+Corporation|Corporation|University|College|"
    r"Polytechnic|Institute|Hospital|Council|Municipality|Press\s+Club|Bar\s+Association|"
    r"Chamber|Union|Company|Board)\b"
)
# A coder's word on the place an event was put at: "coded to Panchagarh", "coordinates for
# the county capital of Marsabit town used", "(assumed to be Abadam LGA, Borno)".
_CODED_AS = re.compile(
    r"\b(?:coordinates\s+(?:for|of)|coded\s+(?:as|to|at)|assumed\s+to\s+be(?:\s+in)?)\s+"
    r"(?:(?:the|state|county|district|provincial|capital|headquarters|town|city|of)\s+){0,5}$",
    re.I,
)
_CODED_WORD = re.compile(r"\b(?:coordinates|coded|assumed)\b", re.I)
_FROM = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+|across\s+the\s+border\s+in\s+)?$",
    re.I,
)
# A country's mission abroad: "the US Embassy", "the British High Commission", "the Embassy
# of Israel" stand in another country.
_MISSION_WORDS = r"(?:[Ee]mbassy|[Hh]igh\s+[Cc]ommission|[Cc]onsulate(?:\s+[Gg]eneral)?|[Mm]ission)"
_MISSION_AFTER = re.compile(rf"\s+{_MISSION_WORDS}\b")
_MISSION_BEFORE = re.compile(rf"\b{_MISSION_WORDS}\s+(?:of|to)\s+(?:the\s+)?$")
MISSION = re.compile(
    rf"\b(?:[A-Z][\w.]*\s+){{1,2}}{_MISSION_WORDS}\b|\b{_MISSION_WORDS}\s+(?:of|to)\s+"
    r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
)
_TO_ABROAD = re.compile(
    r"\b(?:to|into|towards?|back\s+to)\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.I
)
_NON_LOCATIVE = re.compile(r"\b(?:with|from|to|against|by|for)\s+(?:the\s+)?$", re.I)
# "of" after a force says whose it is: "military forces of Armenia fired on the positions of
# the military forces of Azerbaijan located at Zamanly" names the sides, not the place.
_OF_FORCE = re.compile(
    r"\b(?:forces|military|army|troops|soldiers|police|navy|militia|militants|fighters|"
    r"government|authorities)\s+of\s+(?:the\s+)?$",
    re.I,
)
# A village the gazetteer lacks, after a locative cue, then the area it lies in: "located at
# Zamanly, Gadabay", "in Kasitu (Nkhotakota, Central)". The cue is the area's too: ACLED codes
# an unlisted village to the finest area named for it.
_UNPLACED_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|around|inside)\s+(?:the\s+)?(?-i:[a-z-]+\s+){0,2}"
    r"(?:(?:village\s+of\s+)?(?-i:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2})"
    r"(?:\s+(?:village|town|area|settlement|hamlet|union|upazila|sub-district|tehsil|ward|"
    r"locality|commune|municipality))?\s*[,(]\s*){1,2}$",
    re.I,
)


def choose_place(
    start: int,
    end: int,
    sentence: int,
    trigger_start: int,
    places: list[PlaceMention],
    sentences: Sequence[tuple[int, int, Span]],
) -> PlaceMention | None:
    """The best place of the clause [start, end) whose event trigger is at `trigger_start`;
    else of its sentence (index `sentence` in `sentences`); else of the sentence before."""

    def score(p: PlaceMention, base_text: str, base_start: int) -> float:
        before = base_text[max(0, p.start - base_start - 40) : p.start - base_start]
        s = -abs(p.start - trigger_start) / 100.0
        street = _STREET.match(base_text, p.end - base_start) is not None
        if street:
            pass  # "at Dhaka-Tangail highway, Gazipur city": the cue is the road's, not the town's
        elif _OF_ORG.search(before) and _ORG_AFTER.match(base_text, p.end - base_start):
            pass  # "employees of Chattogram City Corporation staged a protest in Bogra city":
            # whose staff they are, not where they are
        elif _OF_FORCE.search(before):
            s -= 0.5
        elif _LOCATIVE.search(before) or (
            _PAREN_LOCATIVE.search(before) and not _named_before_bracket(p, places, before)
        ):
            s += 1.0
        elif _NON_LOCATIVE.search(before):
            s -= 0.5
        elif _unplaced_locative(p, places, base_text, base_start):
            s += 1.0
        if any(
            base_start <= q.start
            and q.end <= p.start
            and q.place is not None
            and (same_admin(q.place.admin1, p.text) or same_admin(q.place.admin2, p.text))
            and (
                _AREA_GAP.match(base_text[q.end - base_start : p.start - base_start])
                or (
                    _REGION_AFTER.match(base_text[q.end - base_start : p.start - base_start])
                    and not _TOWN_AFTER.match(base_text, p.end - base_start)
                )
            )
            and not _STREET.match(base_text, q.end - base_start)  # "Dhaka-Mymensingh railway,
            # Mymensingh city": a road's name says nothing of the town after it
            for q in places
        ) or _bracketed_area(p, places, base_text, base_start):
            s -= 1.0  # "(Tangail, Dhaka)": the later name is the area the first lies in, even
            # when it resolved to that area's namesake city
        chain = _CHAIN_END.search(before)
        if chain is not None:
            opened = p.start - len(before) + chain.start()
            # (the finer name may stand just before the bracket: "Gazipur city (Gazipur Sadar,
            # Dhaka)", "Kaliganj upazila (Gazipur, Dhaka)")
            head = opened - 25
            if any(
                q.place is not None
                and head <= q.start
                and q.end <= p.start
                and (q.start >= opened or _BEFORE_BRACKET.match(base_text[q.end - base_start :]))
                for q in places
            ):
                s -= 1.0  # "(Jamalpur, Mymensingh)": the last name of a chain is the wider
                # area, when a finer one of the chain is known
        first_named = not any(base_start <= q.start < p.start for q in places)
        if (
            first_named
            and p.place is not None
            and any(
                q.start >= p.end
                and (same_admin(p.place.admin1, q.text) or same_admin(p.place.admin2, q.text))
                and _CONFIRM_GAP.match(base_text[p.end - base_start : q.start - base_start])
                for q in places
            )
        ):
            s += 1.0  # "in Zapopan, Jalisco": the story opens on a place and the area it lies
            # in, so that is the place it means, not a neighbourhood's namesake matched elsewhere
            # (but "Sirwah district west of Marib city (Marib)" is in Sirwah)
        cue = _GRIEVANCE.search(base_text, max(0, trigger_start - base_start), p.start - base_start)
        if p.start > trigger_start and cue is not None:
            s -= 1.0  # "staged a protest at SUST, Sylhet city, condemning the aggression on
            # Gaza": what a protest is about, after it says so, is not where it is
        if street:
            s -= 0.7  # "Murree road in Rawalpindi", "Comilla-Sylhet highway in
            # Brahmanbaria": a road named after towns elsewhere
        if _outside_region(p, places, base_start, base_start + len(base_text)):
            s -= 1.5  # "Hamirpur village near Rapar town (Kachchh, Gujarat)": a namesake in
            # another province than the one the sentence names is not the village meant
        if p.place is not None and p.place.precision == 1:
            s += 0.8
        elif (
            p.place is not None
            and _UNIT_AFTER.match(base_text, p.end - base_start)
            and (
                (area := _bracket_after(p, places, base_text, base_start)) is None
                or _near(p.place, area)
            )
        ):
            s += 0.8  # "Titas upazila", "Hemnagar union": the note names the unit itself, as
            # fine as a town to ACLED, which codes the event to it
        elif p.place is not None and p.place.precision == 3:
            s -= 0.6  # a country or province names where, only when nothing finer is said
        return s

    def usable(p: PlaceMention, text: str, start: int) -> bool:
        # "Syria's military", "Tehran-backed militias", "Britain-based monitor" name no event place.
        after = text[p.end - start : p.end - start + 12]
        if re.search(r"\bby\s+(?:the\s+)?$", text[max(0, p.start - start - 8) : p.start - start]):
            return False  # "launched by Russia": an agent, not a place
        if from_abroad(dataclasses.replace(p, start=p.start - start), text):
            return False  # "raiders from Sudan": where they came from
        if _ECONOMY.match(text, p.end - start) or _ACTOR_NAME.match(text, p.end - start):
            return False
        if (
            p.place is not None
            and (p.place.feature_code or "").startswith("PCL")
            and _OWNER_AFTER.match(text, p.end - start)
        ):
            return False  # "wounded by a US drone strike ... in Nahri Saraj district": whose
            # drone, not where it struck
        return (
            p.place is not None
            and not re.match(
                r"(?:'s|’s|(?:-|\s+)(?:backed|based|led|allied|aligned|supported)\b)", after
            )
            and not in_name(p, text, start)
        )

    def in_name(p: PlaceMention, text: str, start: int) -> bool:
        # "Islami Andolan Bangladesh", "Bangladesh Awami League": a country inside a party's or
        # a force's name says whose it is, not where the event was.
        if p.place is None or not (p.place.feature_code or "").startswith("PCL"):
            return False
        before = _NAME_BEFORE.search(text[max(0, p.start - start - 30) : p.start - start])
        after = _NAME_AFTER.match(text, p.end - start)
        return any(m is not None and m.group(1).lower() not in _CUE_WORDS for m in (before, after))

    coded = _coded_place(places, sentences, usable)
    if coded is not None:
        return coded
    own = [p for p in places if start <= p.start < end]
    if own:
        first, text = sentences[sentence][0], str(sentences[sentence][2].text)
        in_clause = [p for p in own if usable(p, text, first)]
        in_clause = [p for p in in_clause if not _destination_abroad(p, text, first, places)]
        if in_clause:
            return max(in_clause, key=lambda p: score(p, text, first))
    for s_idx in (sentence, sentence - 1):
        if s_idx < 0 or s_idx >= len(sentences):
            continue
        s_start, s_end, sent = sentences[s_idx]
        text = str(sent.text)
        near = [p for p in places if s_start <= p.start < s_end and usable(p, text, s_start)]
        if s_idx == sentence:
            near = [p for p in near if not _destination_abroad(p, text, s_start, places)]
        if near and s_idx != sentence:
            # The sentence before: its first places say where the story is ("at X village,
            # Y upazila (Jamalpur, Mymensingh). At least 6 were injured"), not the last one.
            return max(
                near,
                key=lambda p: (
                    score(p, text, s_start)
                    - (p.start - s_start) / 100.0
                    + abs(p.start - trigger_start) / 100.0
                ),
            )
        if near:
            return max(near, key=lambda p: score(p, text, s_start))
    return _elsewhere(trigger_start, places, sentences, usable, score)


def _destination_abroad(p: PlaceMention, text: str, start: int, places: list[PlaceMention]) -> bool:
    """Whether a sentence names a foreign country only as where someone went ("arrested six
    while in transit to Somalia", "crossed back into Somalia with their hostages"): the arrest,
    the kidnapping, happened where the sentence before says, in the story's own country."""
    if p.place is None or not (p.place.feature_code or "").startswith("PCL"):
        return False
    if _TO_ABROAD.search(text, max(0, p.start - start - 30), p.start - start) is None:
        return False
    towns = {
        q.place.country
        for q in places
        if q.place is not None and not (q.place.feature_code or "").startswith("PCL")
    }  # (the countries its towns lie in: "Somalia" named twice outweighs one Kenyan town)
    return bool(towns) and p.place.country not in towns


def from_abroad(mention: PlaceMention, text: str) -> bool:
    """Whether a country is named as where someone came from ("Merrile bandits from
    neighbouring Ethiopia", "fighters crossed from Iraq") or as the owner of a mission ("the US
    Embassy"): the raid, the protest, happened elsewhere, so that country is neither the
    event's place nor the story's own."""
    if mention.place is None or not (mention.place.feature_code or "").startswith("PCL"):
        return False
    return (
        _FROM.search(text, max(0, mention.start - 40), mention.start) is not None
        or _MISSION_AFTER.match(text, mention.end) is not None
        or _MISSION_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None
    )


def without_missions(text: str) -> str:
    """The text with its foreign missions blanked out ("stormed the British High Commission"
    happened in the host country, not in Britain), for guessing the country of a story that
    names no place."""
    return MISSION.sub(lambda m: " " * len(m.group(0)), text)


_coded_memo: tuple[Sequence[tuple[int, int, Span]], list[tuple[int, int, str]]] | None = None


def _coded_sentences(
    sentences: Sequence[tuple[int, int, Span]],
) -> list[tuple[int, int, str]]:
    """The story's sentences that say "coded", "coordinates" or "assumed" (few, usually none).

    Every event of a story asks, so the answer for the story last asked about is kept: reading
    all sentences once per event made a story with hundreds of events quadratic.
    """
    global _coded_memo
    memo = _coded_memo
    if memo is not None and memo[0] is sentences:
        return memo[1]
    found = [
        (s_start, s_end, text)
        for s_start, s_end, sent in sentences
        if _CODED_WORD.search(text := str(sent.text))
    ]
    _coded_memo = (sentences, found)
    return found


def _coded_place(
    places: list[PlaceMention],
    sentences: Sequence[tuple[int, int, Span]],
    usable: Callable[[PlaceMention, str, int], bool],
) -> PlaceMention | None:
    """The place a coder's note says its events were put at ("(coded as Birnin Gwari LGA,
    Kaduna)", "(coordinates for Kapenguria, West Pokot, used)"): where the event happened is
    a village the note also names but no gazetteer holds, so the coder chose this one."""
    for s_start, s_end, text in _coded_sentences(sentences):
        for p in places:
            if (
                s_start <= p.start < s_end
                and _CODED_AS.search(text, max(0, p.start - s_start - 60), p.start - s_start)
                and usable(p, text, s_start)
            ):
                return p
    return None


# What may stand between a name and the bracket after it: its kind ("Titas upazila (").
_KIND_TO_BRACKET = re.compile(r"(?:\s+(?-i:[a-z-]+)){0,2}\s*\(\s*$")
_KIND_TO_BRACKET_AHEAD = re.compile(r"(?:\s+(?-i:[a-z-]+)){0,2}\s*\(\s*")


def _named_before_bracket(p: PlaceMention, places: list[PlaceMention], before: str) -> bool:
    """Whether the name between a locative cue and the bracket p opens is itself a known place
    ("in Titas upazila (Comilla, Chittagong)"): the cue is then that place's, and the bracket
    only says which district it lies in."""
    cue = _PAREN_LOCATIVE.search(before)
    if cue is None:
        return False
    offset = p.start - len(before)
    return any(
        q.place is not None
        and offset + cue.start() <= q.start
        and q.end <= p.start
        and _KIND_TO_BRACKET.match(before, q.end - offset) is not None
        and _near(q.place, p.place)
        for q in places
    )  # (the whole name: "in Madinat as Saleh (" is no place "Madinat"; and one the bracket's
    # district lies far from is a namesake: "Sreepur upazila (Gazipur" is no Sherpur)


# How far from the district a bracket names its finer place may lie and still be in it.
_DISTRICT_KM = 75.0


def _near(a: Place | None, b: Place | None) -> bool:
    """Whether a place may lie in the district named next to it: a gazetteer namesake a
    spelling match found elsewhere in the country (Sherpur for "Sreepur") lies 100 km off."""
    return a is not None and b is not None and _km(a, b) <= _DISTRICT_KM


def _bracket_after(
    p: PlaceMention, places: list[PlaceMention], text: str, start: int
) -> Place | None:
    """The place named first in the bracket right after p ("Titas upazila (Comilla, "), if any."""
    gap = _KIND_TO_BRACKET_AHEAD.match(text, p.end - start)
    if gap is None:
        return None
    at = start + gap.end()
    return next((q.place for q in places if q.start == at), None)


def _unplaced_locative(p: PlaceMention, places: list[PlaceMention], text: str, start: int) -> bool:
    """Whether a locative cue reaches an area over the villages before it that the gazetteer
    lacks, or put in another province ("in Mohammadpur union, Suborno Char upazila (Noakhali,
    Chittagong)": the Mohammadpur found is Dhaka's): the area is then the finest place named."""
    before = text[max(0, p.start - start - 90) : p.start - start]
    cue = _UNPLACED_LOCATIVE.search(before)
    if cue is None:
        return False
    first = p.start - len(before) + cue.start()
    sentence_end = start + len(text)
    return not any(
        first <= q.start < p.start and not _outside_region(q, places, start, sentence_end)
        for q in places
    )


def _outside_region(p: PlaceMention, places: list[PlaceMention], start: int, end: int) -> bool:
    """Whether a town lies outside the one province its sentence names (several provinces say
    nothing: "on the Nihm front (Nihm, Sanaa) and the Sirwah front (Sirwah, Marib)")."""
    if p.place is None or (p.place.feature_code or "").startswith(("ADM1", "PCL")):
        return False
    regions = {
        (q.place.country, q.place.admin1)
        for q in places
        if start <= q.start < end and q.place is not None and q.place.feature_code == "ADM1"
    }
    if len(regions) != 1:
        return False
    return (p.place.country, p.place.admin1) not in regions


def _bracketed_area(p: PlaceMention, places: list[PlaceMention], text: str, start: int) -> bool:
    """Whether a name in brackets lies in the same province as a town or district named just
    before it: "in At Tuhayta district (Al Hudaydah)", "Hays district in western Yemen (Al
    Hudaydah)" name the province by its namesake city, which is not where the event was."""
    if p.place is None or not p.place.admin1 or not _OPEN_BRACKET.search(text, 0, p.start - start):
        return False
    return any(
        q.place is not None
        and q.place.precision <= 2
        and q.place.geonameid != p.place.geonameid
        and q.place.country == p.place.country
        and q.place.admin1 == p.place.admin1
        and 0 <= p.start - q.end <= 60
        for q in places
    )


def _elsewhere(
    trigger_start: int,
    places: list[PlaceMention],
    sentences: Sequence[tuple[int, int, Span]],
    usable: Callable[[PlaceMention, str, int], bool],
    score: Callable[[PlaceMention, str, int], float],
) -> PlaceMention | None:
    """When the event's sentence and the one before name no place: a town or area of the
    story's country named elsewhere in it ("Youths tried to attack an MP at a funeral. Locals
    heckled speakers at the ceremony in Ahero"), else one that only qualified an actor
    ("attacked by Kakamega County soldiers"). Any town of the story's own country is nearer the
    event than the country's middle; names abroad ("the suspects had lived in Bombay") are
    never taken, nor countries and world regions (the caller falls back to the country)."""
    focus = focus_country(places)
    best: tuple[tuple[bool, float], PlaceMention] | None = None
    for s_start, s_end, sent in sentences:
        text = str(sent.text)
        for p in places:
            if not s_start <= p.start < s_end or p.place is None or p.place.country != focus:
                continue
            code = p.place.feature_code or ""
            if not (code.startswith("PPL") or code in ("ADM1", "ADM2")):
                continue
            key = (usable(p, text, s_start), score(p, text, s_start))
            if best is None or key > best[0]:
                best = (key, p)
    return best[1] if best is not None else None


def event_place(place: Place, gaz: Gazetteer, before: str = "") -> Place:
    """Where an event is put when the story names only its province: at the province's seat,
    as ACLED codes it (geo_precision 3 at the provincial capital: "in Farah province" is coded
    at Farah city), not at the middle of the province, which may be a desert 50 km from any
    town. The gazetteer keeps the middle for the geoparser (other gold data expects it).

    A province named after a town of its own ("Machakos County", "Kilifi county") has that
    town for its seat, though a suburb of the capital or another town may be bigger (but a
    hamlet of the province's name, under 10,000 people, is not its seat: Baringo's is
    Kabarnet)."""
    if place.feature_code == "ADM2" and place.country:
        # (but "Kralgund town (Kupwara district", "Pipri, Kaushambi": the area of a village the
        # gazetteer lacks, which may lie anywhere in it, is best put at its middle)
        return place if _AREA_OF.search(before) else _district_seat(place, gaz)
    if place.feature_code != "ADM1" or not place.country or not place.admin1:
        return place
    namesakes = _namesake_towns(place.name, place, gaz)
    if namesakes:
        town = max(namesakes, key=lambda p: (p.population, -(p.geonameid or 0)))
        return dataclasses.replace(town, precision=3)
    seat = gaz.seat(place.country, place.admin1)
    if seat is None:
        return place
    return dataclasses.replace(seat, precision=3)


# A name, its kind perhaps, then what opens the area it lies in: "Kralgund town (", "Pipri, ".
_AREA_OF = re.compile(r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}\s*[,(]\s*$")
_KIND_SUFFIX = re.compile(r"\s+(?:district|division|county|municipality|department|zone)$", re.I)
# How far a district's namesake town may lie from the district's middle and still be its seat.
SEAT_KM = 60.0


def _namesake_towns(name: str, area: Place, gaz: Gazetteer) -> list[Place]:
    """Towns of 10,000 people or more named `name` in the same province as `area`: the seat an
    area named after its main town is coded at."""
    return [
        c.place
        for c in gaz.candidates(name, False)
        if c.exact
        and c.main
        and c.place.country == area.country
        and c.place.admin1 == area.admin1
        and (c.place.feature_code or "").startswith("PPL")
        and c.place.population >= 10000
    ]


def _district_seat(place: Place, gaz: Gazetteer) -> Place:
    """Where an event is put when the story names only its district ("in Thatta district
    (Sindh)", "Kaushambi (UP)"): at the district's namesake town, its headquarters, as ACLED
    codes a district-level event (geo_precision 2), not at the middle of the district. A
    district without a namesake town of 10,000 people near its middle keeps its own point."""
    name = _KIND_SUFFIX.sub("", place.name)
    towns = [t for t in _namesake_towns(name, place, gaz) if _km(t, place) <= SEAT_KM]
    if not towns:
        return place
    town = max(towns, key=lambda p: (p.population, -(p.geonameid or 0)))
    return dataclasses.replace(town, precision=max(2, place.precision))


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def unnamed_place(country: Place, gaz: Gazetteer) -> Place:
    """Where an event is put when its story names no place at all, only implies the country
    (by its actors, its vocabulary): at the capital. The country's middle is seldom any event's
    place (Kenya's lies in empty bush 280 km from Nairobi), while the seat of government is
    where national protests and strikes gather and the likeliest single place of an unplaced
    event. A story that names the country itself ("deployed along Iraq's border") keeps the
    country's point: the event is the country's as a whole."""
    if not (country.feature_code or "").startswith("PCL") or not country.country:
        return country
    capital = gaz.capital(country.country)
    return country if capital is None else dataclasses.replace(capital, precision=3)
