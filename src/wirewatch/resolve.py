"""Merge event candidates that describe the same event, within a story and across stories.

Two candidates are one event when they share a type, their dates fall within each other's
precision window, their places are the same or close, and their actors do not contradict. Sources,
claims and evidence accumulate; differing figures of dead stay side by side as claims, and the
event keeps the most conservative one (ACLED's rule) when stories disagree. Candidates are blocked
by type and date so that merging stays near-linear.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from wirewatch.models import Event
from wirewatch.numbers import (
    coded_figure,
    deathless_paragraphs,
    is_alternative,
    share,
    split_parts,
)

SAME_STORY_KM = 10.0
CROSS_STORY_KM = 25.0
_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def _kind(event: Event) -> tuple[str | None, str | None]:
    return (
        (event.event_type, event.sub_event_type) if event.event_type else (None, event.plover_type)
    )


_PROTEST_SEVERITY = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
)


def _vague(e: Event) -> bool:
    """An event a story places no finer than a country or province (a headline, a summary)."""
    return e.geo_precision == 3 or not any(ev.field == "location" for ev in e.evidence)


def _dated(e: Event) -> bool:
    return any(ev.field == "event_date" for ev in e.evidence)


def _actors_agree(a: Event, b: Event, *, same_story: bool) -> bool:
    """Do the two candidates' attackers not contradict each other?

    Within one story an unnamed attacker ("Unidentified Armed Group", the default of a clause
    that names nobody) is no contradiction, and two sides that swap roles ("troops attacked;
    the militants fired back") are the two sides of one fight.
    """
    if not (a.actor1 and b.actor1) or a.actor1 == b.actor1:
        return True
    if not same_story:
        return False
    if a.actor1.startswith("Unidentified") or b.actor1.startswith("Unidentified"):
        return True
    return a.actor1 == b.actor2 or a.actor2 == b.actor1


def same_event(a: Event, b: Event, km: float, *, same_story: bool = False) -> bool:
    """Could `a` and `b` be reports of one event?

    Within one story a protest and the police's intervention in it are one event, and a headline
    (no date of its own, or only a country) is the event its body tells in detail.
    """
    protests = a.event_type == b.event_type == "Protests"
    if _kind(a) != _kind(b) and not (same_story and protests):
        return False
    if a.event_date and b.event_date:
        window = _WINDOW_DAYS.get(max(a.time_precision, b.time_precision), 1)
        apart = abs((a.event_date - b.event_date).days) > window - (1 if window == 1 else 0)
    else:
        apart = False
    if same_story and (_vague(a) or _vague(b)) and a.country == b.country:
        # A headline or a summary has no date of its own; two days the story names are two
        # events however vaguely either is placed.
        if apart and _dated(a) and _dated(b):
            return False
        return _actors_agree(a, b, same_story=same_story)
    if apart:
        return False
    if a.location != b.location:
        if None in (a.latitude, a.longitude, b.latitude, b.longitude):
            return False
        assert a.latitude is not None and a.longitude is not None
        assert b.latitude is not None and b.longitude is not None
        if haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > km:
            return False
    return _actors_agree(a, b, same_story=same_story)


def combine(kept: Event, other: Event, *, same_story: bool) -> Event:
    """`kept` absorbs `other`: sources, claims and evidence are united, nothing is lost."""
    sources = tuple(dict.fromkeys(kept.sources + other.sources))
    claims = tuple(dict.fromkeys(kept.claims + other.claims))
    evidence = tuple(dict.fromkeys(kept.evidence + other.evidence))
    figures = [f for f in (kept.fatalities, other.fatalities) if f > 0]
    if not figures:
        fatalities = 0
    elif same_story and not any(e.fatalities and is_alternative(e.notes) for e in (kept, other)):
        fatalities = max(figures)
    else:
        fatalities = min(figures)
    estimated = (
        kept.fatalities_estimated if fatalities == kept.fatalities else other.fatalities_estimated
    )
    better_place = other if (other.geo_precision or 9) < (kept.geo_precision or 9) else kept
    sub = kept.sub_event_type
    if kept.event_type == other.event_type == "Protests":
        sub = max(
            (kept.sub_event_type, other.sub_event_type),
            key=lambda s: _PROTEST_SEVERITY.index(s) if s in _PROTEST_SEVERITY else -1,
        )
    dated = (
        kept
        if any(ev.field == "event_date" for ev in kept.evidence)
        or not any(ev.field == "event_date" for ev in other.evidence)
        else other
    )
    # An attacker the story names wins over an unnamed one; but not the side the kept event was
    # done to ("an unidentified group exchanged fire with soldiers ... The army repelled the
    # attack"), nor an actor only supplied by default, with no words of the text behind it.
    named = (
        other
        if not kept.actor1
        or (
            kept.actor1.startswith("Unidentified")
            and other.actor1
            and not other.actor1.startswith("Unidentified")
            and other.actor1 != kept.actor2
            and any(ev.field == "actor1" for ev in other.evidence)
        )
        else kept
    )
    return replace(
        kept,
        sub_event_type=sub,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        sources=sources,
        claims=claims,
        evidence=evidence,
        fatalities=fatalities,
        fatalities_estimated=estimated,
        actor1=named.actor1,
        inter1=named.inter1,
        actor2=kept.actor2 or other.actor2,
        inter2=kept.inter2 if kept.actor2 else other.inter2,
        assoc_actor_1=kept.assoc_actor_1 or other.assoc_actor_1,
        **better_place.place_fields(),
        confidence=max(kept.confidence, other.confidence),
    )


def _merge(events: Iterable[Event], km: float, same_story: bool) -> list[Event]:
    merged: list[Event] = []
    blocks: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
    for event in events:
        block = blocks[
            ("Protests", None) if same_story and event.event_type == "Protests" else _kind(event)
        ]
        for idx in block:
            if same_event(merged[idx], event, km, same_story=same_story):
                merged[idx] = combine(merged[idx], event, same_story=same_story)
                break
        else:
            block.append(len(merged))
            merged.append(event)
    return merged


def merge_within_document(events: Iterable[Event]) -> list[Event]:
    """Collapse repeated mentions of one event in a story (a lede and its later detail)."""
    return _merge(events, SAME_STORY_KM, same_story=True)


_VIOLENT = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)


def apportion(events: list[Event], text: str) -> list[Event]:
    """Apply a coder's note about the dead to the story's events.

    "Unknown fatalities coded as 10" is the figure of the note's one event, whichever of the
    story's candidates that turns out to be: every violent candidate takes it. A note that
    spreads its dead over several ACLED events ("Fatalities split between 3 events") describes
    one of them: each of its events keeps the share one event gets.
    """
    events = lend_deaths(events)
    if not _FORCES.search(text):
        # A peaceful protest has no dead of its own: with no force in the story to have caused
        # any, the deaths it tells are those it is about ("relatives of a woman staged a human
        # chain; they claimed she was killed by her husband").
        events = [
            replace(e, fatalities=0, fatalities_estimated=False)
            if e.sub_event_type == "Peaceful protest" and e.fatalities
            else e
            for e in events
        ]
    quiet = deathless_paragraphs(text)
    if quiet:
        # "No fatalities were reported": the events told in that paragraph have no dead.
        events = [
            replace(e, fatalities=0, fatalities_estimated=False)
            if e.fatalities and any(a <= ev.start < b for ev in e.evidence for a, b in quiet)
            else e
            for e in events
        ]
    events = lend_toll(events, text)
    coded = coded_figure(text)
    if coded is not None:
        events = [
            replace(e, fatalities=coded, fatalities_estimated=True)
            if e.event_type in _VIOLENT or e.sub_event_type == "Excessive force against protesters"
            else e
            for e in events
        ]
    parts = split_parts(text)
    if parts is None:
        return events
    return [
        replace(e, fatalities=share(e.fatalities, parts), fatalities_estimated=True)
        if e.fatalities
        else e
        for e in events
    ]


# Events ACLED codes without dead: an arrest, a change of a group's activity, an abduction
# (a victim killed makes it an attack), a looting.
_DEATHLESS = frozenset(
    {
        "Arrests",
        "Change to group/activity",
        "Abduction/forced disappearance",
        "Looting/property destruction",
    }
)


_FORCES = re.compile(
    r"\b(?:police\w*|officers?|security forces|forces|troops|soldiers|army|military|gendarm\w*|"
    r"guards?|shot|shooting|gunfire|fired|opened fire|bullets?|live ammunition)\b",
    re.I,
)


def lend_deaths(events: list[Event]) -> list[Event]:
    """Deaths told in a clause typed as an event ACLED codes without dead ("There was 1
    fatality and 7 people arrested", "2 administrators were killed and 2 reservists were
    abducted") are the toll of the violent event the story told just before, when that one has
    none of its own. The clause's event keeps its figure: which of the two the story's one
    ACLED event is, the typing decides."""
    out = list(events)
    for i, event in enumerate(out):
        if not event.fatalities or event.sub_event_type not in _DEATHLESS:
            continue
        for j in range(i - 1, -1, -1):
            violent = out[j]
            if _carries_dead(violent):
                if violent.fatalities == 0:
                    out[j] = _with_toll(violent, event)
                break
    return out


def _paragraph(event: Event, breaks: list[int]) -> int | None:
    """The paragraph of the clause that told the event (None when no clause is on record)."""
    told = _clause(event)
    return None if told is None else bisect.bisect_right(breaks, told[0])


def _carries_dead(event: Event) -> bool:
    """A violent event of a kind ACLED codes with its dead."""
    return event.event_type in _VIOLENT and event.sub_event_type not in _DEATHLESS


def _with_toll(event: Event, donor: Event) -> Event:
    return replace(
        event, fatalities=donor.fatalities, fatalities_estimated=donor.fatalities_estimated
    )


_CODED_APART = re.compile(
    r"\b(?:coded|recorded)\s+(?:sep[ae]rately|as an? (?:sep[ae]rate|different) event)", re.I
)


# "attacked police officers after two children were killed by gunmen": the deaths that set
# the happening off are not its toll.
_SET_OFF = re.compile(r"\b(?:after|following|over|since)\s+(?:the\s+)?$", re.I)


def _set_off(event: Event, text: str) -> bool:
    """Are all the event's dead told as what set another happening off?"""
    spans = [ev.start for ev in event.evidence if ev.field == "fatalities"]
    return bool(spans) and all(
        _SET_OFF.search(text[max(0, s - 20) : s].rstrip() + " ") for s in spans
    )


# "Police responded, killing two": a side's answer to what was told before it. A
# "retaliation" is left out: it is as often the motive of the very happening told ("the armed
# group had retaliated on the murder of a farmer").
_RESPONSE = re.compile(
    r"\b(?:respond(?:ed|ing|s)?|in response|return(?:ed|ing)? fire|intervened|"
    r"interven(?:ing|tion)|repel(?:led|ling)?|repuls(?:ed|ing)|fought back)\b",
    re.I,
)


def _clause(event: Event) -> tuple[int, str] | None:
    """Where the clause that told the event starts, and its words."""
    return next(((ev.start, ev.text) for ev in event.evidence if ev.field == "event"), None)


def _answers(donor: Event, event: Event) -> bool:
    """Is the donor another side's response told after the event ("al Shabaab attacked a
    power station. Police responded, killing two")? ACLED codes the response as an event of its
    own, so its dead are not those of the happening it answers. A riot is the exception: the
    force used on it is coded within it ("rioting ... Police shot 1 dead in response")."""
    told, answer = _clause(event), _clause(donor)
    return (
        event.event_type != "Riots"
        and told is not None
        and answer is not None
        and answer[0] > told[0]
        and donor.actor1 != event.actor1
        and bool(_RESPONSE.search(answer[1]))
    )


def _force_on(donor: Event, event: Event) -> bool:
    """Is the donor the force used on the riot ("students clashed with police. 2 people were
    killed" read as force against protesters)? ACLED codes that force, and its dead, within
    the riot."""
    return (
        event.event_type == "Riots" and donor.sub_event_type == "Excessive force against protesters"
    )


def lend_toll(events: list[Event], text: str) -> list[Event]:
    """A story's one happening often comes out as two candidates of different types: the
    clause that tells the fight or the strike, and the clause that tells its dead ("fired
    mortars at the positions. A civilian woman was killed", "a prison riot ... 2 prisoners were
    killed in a fight"). ACLED codes the happening once, with its dead, under whichever type its
    coder chose; the candidates of that paragraph and that day that count no dead take the
    dead of those that do, so that each candidate is a whole reading of the happening (a riot
    takes those of the force used on it). A protest does not take them (its own dead come with the force used on it), nor does an
    event ACLED codes without dead; a figure by convention ("several killed") is lent to none,
    being no count of anyone's dead."""
    if _CODED_APART.search(text):
        # "(Police intervened killing 4 ... coded separately)": those dead are another event's.
        return events
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    paras = [_paragraph(e, breaks) for e in events]
    out = list(events)
    for i, event in enumerate(events):
        if event.event_type == "Protests" and not event.fatalities and paras[i] is not None:
            shot = _shot_after(event, events, paras, i, text)
            if shot is not None:
                out[i] = _with_toll(event, shot)
            continue
        if event.fatalities or not _carries_dead(event) or paras[i] is None:
            continue
        donors = [
            d
            for j, d in enumerate(events)
            if j != i
            and d.fatalities
            and not d.fatalities_estimated
            and paras[j] == paras[i]
            and d.event_date == event.event_date
            and (_carries_dead(d) or _force_on(d, event))
            and not _set_off(d, text)
            and not _answers(d, event)
        ]
        if donors:
            # Two candidates with dead most often retell the same dead: the larger figure
            # stands, not their sum.
            out[i] = _with_toll(event, max(donors, key=lambda d: d.fatalities))
    return out


# "Police intervened. 2 were shot dead": a shooting told as a toll of its own.
_SHOT = re.compile(r"\b(?:shot|shooting|gunfire|gunshots?|bullets?|fired|live rounds)\b", re.I)


def _shot_after(
    protest: Event, events: list[Event], paras: list[int | None], i: int, text: str
) -> Event | None:
    """The candidate whose dead are a protest's own: a shooting told after the protest, that
    day and in its paragraph, by no named killer ("First of three days of protesting. 1 shot
    dead"). ACLED codes those dead within the demonstration, not as an attack of their own; a
    death the protest is about is told as its cause (after, following, over), and a named
    killer's deed is another happening."""
    told = _clause(protest)
    if told is None or not _FORCES.search(text):
        return None
    for j, donor in enumerate(events):
        answer = _clause(donor)
        if (
            j != i
            and donor.fatalities
            and not donor.fatalities_estimated
            and donor.event_type == "Violence against civilians"
            and (donor.actor1 or "Unidentified").startswith("Unidentified")
            and paras[j] == paras[i]
            and donor.event_date == protest.event_date
            and answer is not None
            and answer[0] > told[0]
            and not _set_off(donor, text)
            and any(_SHOT.search(ev.text) for ev in donor.evidence if ev.field == "fatalities")
        ):
            return donor
    return None


def merge_into(existing: list[Event], new: Iterable[Event]) -> tuple[list[Event], list[Event]]:
    """Match new stories' events against stored ones (already blocked by date by the caller).

    Returns (events to write, of which updated stored events keep their ids; events unchanged).
    """
    by_id = {e.event_id: e for e in existing}
    changed: dict[str, Event] = {}
    fresh: list[Event] = []
    for event in new:
        if event.event_id in by_id or event.event_id in changed:
            continue  # the same candidate from the same story: idempotent
        target = None
        pool = list(changed.values()) + [e for e in existing if e.event_id not in changed] + fresh
        for candidate in pool:
            if any(s.doc_id in {t.doc_id for t in candidate.sources} for s in event.sources):
                continue  # one story's own events were already merged within the story
            if same_event(candidate, event, CROSS_STORY_KM):
                target = candidate
                break
        if target is None:
            fresh.append(event)
            continue
        merged = combine(target, event, same_story=False)
        if target in fresh:
            fresh[fresh.index(target)] = merged
        else:
            changed[target.event_id] = merged
    return list(changed.values()) + fresh, [e for e in existing if e.event_id not in changed]
