"""Amending an event with what later sentences of its story add.

Wire copy reports an event in one sentence and adds to it in the next: the toll ("Two soldiers
were killed"), the police's answer to a protest ("Police dispersed them with tear gas"), who
claimed an attack ("Al Shabaab claimed responsibility"). These sentences amend the event they
follow instead of becoming events of their own. So do clauses that name the event again ("killed
*in the attack*", "fired tear gas *during the clash*"), a monitor's count of the fire just told,
and a relative clause's toll ("attacked civilians *who* ..., leaving 2 dead"): ACLED codes one
event per happening, and a toll told apart from its event must still land on it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wirewatch.actors import ActorMention, canonical, find_actors, iso2_of
from wirewatch.coding import Coded, held_off
from wirewatch.lexicon import Trigger
from wirewatch.models import Document, Event, Evidence
from wirewatch.numbers import Fatalities, side_of

# A count of the event's dead stated as such ("2 fatalities", "fatalities coded as 10") overrides
# the figures met in its sentences.
_SUMMARY = re.compile(r"\bfatalit|\bcoded\b", re.I)


def inherit(coded: Coded, prev: Event | None, actors: list[ActorMention]) -> Coded:
    """A killing with no weapon and no perpetrator right after a strike is that strike's toll."""
    if prev is None or coded.trigger.cls not in {"kill", "attack"} or coded.actor1 is not None:
        return coded
    if prev.event_type != "Explosions/Remote violence":
        return coded
    return replace(
        coded,
        event_type=prev.event_type,
        sub_event_type=prev.sub_event_type,
        default_actor1=f"={prev.actor1}" if prev.actor1 else coded.default_actor1,
        assoc1=prev.assoc_actor_1,
    )


def continues(event: Event, prev: Event, coded: Coded) -> bool:
    """Does this clause only add to the previous event (a toll, a detail) rather than report a new one?"""
    if _own_date(event) and _own_date(prev) and event.event_date != prev.event_date:
        return False  # told of another day: another event
    same_kind = (event.event_type, event.sub_event_type) == (prev.event_type, prev.sub_event_type)
    if same_kind and event.location == prev.location and _ALSO.search(event.notes):
        # "LNA forces shelled GNA positions in Tagiura. Shells also struck the coastal road of
        # Tagiura, killing three civilians": more of the same strike at the same place.
        return event.event_type in _VIOLENT_TYPES
    here = event.location == prev.location or event.geo_precision == 3 or not _placed_here(event)
    if (
        event.fatalities
        and prev.event_type in _VIOLENT_TYPES
        and event.actor1 is not None
        and event.actor1 in {prev.actor1, prev.actor2}
        and coded.trigger.cls in {"kill", "attack", "clash"}
        and not _FIGHT_BACK.search(event.notes)
        and not _new_fight(event, prev, coded)
        and here
    ):
        # "Armed men clashed with police. 1 person was killed by police gunfire", "They
        # clashed with police forces, who used live ammunition, killing two people": a side of
        # the fight just told kills, in the same place: the fight's toll, not a new event.
        return True
    victims = coded.actor1 is not None and _among_dead(event, coded.actor1)
    if coded.trigger.cls not in {"kill", "attack"} or (coded.actor1 is not None and not victims):
        return False
    # "One person was killed in the clash": a death with no killer of its own, told after a
    # fight, a riot or a strike, is that event's toll. So is a clause whose only named side is
    # its dead ("2 militants were also killed", "One injured policeman later died").
    toll = (coded.trigger.cls == "kill" or victims) and prev.event_type in _VIOLENT_TYPES
    if not (same_kind or toll):
        return False
    return here


def _new_fight(event: Event, prev: Event, coded: Coded) -> bool:
    """ "Bandits attacked the village, killing five. The bandits later clashed with police
    reservists": a fight with a side the event just told did not have is a new event (ACLED
    codes the attack and the forces' response as two rows, each with its own dead)."""
    return (
        coded.trigger.cls == "clash"
        and event.event_type == "Battles"
        and prev.event_type != "Battles"
        and event.actor2 is not None
        and event.actor2 not in {prev.actor1, prev.actor2}
    )


def _among_dead(event: Event, actor: ActorMention) -> bool:
    """Is the actor named inside the clause's count of dead ("2 *militants* were killed")?"""
    return any(
        ev.field == "fatalities" and ev.start <= actor.start and actor.end <= ev.end
        for ev in event.evidence
    )


_ALSO = re.compile(r"\balso\b", re.I)
_CROWD_OR_FORCES = re.compile(
    r"\b(?:them|crowds?|protesters?|protestors?|demonstrators?|participants|gathering|marchers|"
    r"students|workers|police\w*|officers|security (?:personnel|officers|agents|guards|men)|forces|"
    r"troops|soldiers|gendarm\w*)\b",
    re.I,
)
_VIOLENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)
_INTERVENTION_CLASSES = frozenset({"intervention", "arrest", "excessive", "kill", "attack"})


def turns_violent(triggers: list[Trigger], prev: Event, text: str = "", lead: str = "") -> bool:
    """A sentence that tells the protest just reported turned violent ("They clashed with
    police", "The students burnt their dorm", "looting the shop", "The protesters killed a
    police officer"). A relative clause ("demanding the arrest of those *who set fire* to the
    crops") tells of someone else, unless it hangs on the crowd itself (`lead`, the sentence's
    words before the clause: "police fired on demonstrators *who pelted stones*")."""
    if prev.event_type != "Protests":
        return False
    if re.match(r"\s*(?:who|which|whose)\b", text, re.I) and not _CROWD_END.search(lead):
        return False
    return any(
        (t.cls in {"riot", "clash", "loot"} or _crowd_kills(t, text))
        and not _negated(t, text)
        and not _forces_act(t, text)
        and not _backdrop(t, text)
        and not _symbolic(t, text)
        and not _attackers_act(t, text, prev)
        for t in triggers
    )


# "members of Chhatra League assaulted BNP members during their demonstration": the words of a
# set-upon protest's clause up to the assault name its attackers.
_SET_UPON_VERB = re.compile(r"\b(?:assault|attack|beat|swoop|charg|hurl|threw|explod)\w*", re.I)
_ASSAILANTS = re.compile(r"\b(?:assailants|attackers|miscreants|perpetrators)\b", re.I)
# Acronyms ("BNP", "JCD") and party names ("Awami League", "Jatiya Party").
_NAME = re.compile(
    r"\b[A-Z][\w-]*[A-Z]\w*\b|"
    r"\b[A-Z][a-z]+ (?:League|Party|Dal|Front|Movement|Alliance|Congress|Union)\b"
)


def _attackers_act(trigger: Trigger, text: str, prev: Event) -> bool:
    """After a protest that others set upon, "Assailants ... vandalized the car", "Members of BCL
    also vandalized the party office" tell what the attackers did: the protest stays one with
    intervention; its demonstrators did not riot."""
    if prev.sub_event_type != "Protest with intervention":
        return False
    before = _before(trigger, text)
    if before is None:
        return False
    subject = before[-80:]
    if _ASSAILANTS.search(subject):
        return True
    told = next((e.text for e in prev.evidence if e.field == "event"), "")
    verb = _SET_UPON_VERB.search(told)
    if verb is None:
        return False
    attackers = _names(told[: verb.start()])
    # The victims are named before the protest ("... BNP members during their march"); a name
    # after it is the protest's target ("demanding resignation of the Awami League government").
    victims = _names(re.split(r"\b(?:during|when|while)\b", told[verb.end() :])[0])
    return any(n in attackers and n not in victims for n in _names(subject))


def _names(text: str) -> set[str]:
    """Group names and their initials ("Awami League", "AL")."""
    found = set(_NAME.findall(text))
    return found | {"".join(w[0] for w in n.split()) for n in found if " " in n}


# "police fired on demonstrators, who": the relative clause tells of the crowd.
_CROWD_END = re.compile(
    r"\b(?:crowds?|protesters|protestors|demonstrators|rioters|mobs?|youths|students)\W*$", re.I
)
# "The protesters killed a police officer", "demonstrators lynched a policeman": the crowd, as
# the killing's subject, makes the protest a riot. A passive ("protesters were killed") or a
# crowd after the verb is the crowd as victim, which is for `intervenes` to judge.
_CROWD_SUBJECT = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters|mobs?|crowds?)\s+(?:\w+ly\s+|then\s+|"
    r"also\s+|allegedly\s+|reportedly\s+)?$",
    re.I,
)


def _crowd_kills(trigger: Trigger, text: str) -> bool:
    if trigger.cls not in {"kill", "attack"}:
        return False
    before = _before(trigger, text)
    return before is not None and bool(_CROWD_SUBJECT.search(before[-60:]))


# "after the intense protests and riots in the prisons the previous week": violence told as
# the cause of the protest, dated before it, is no act of this crowd.
_CAUSE = re.compile(r"\b(?:after|following|since|amid)\b(?:\W+[\w'-]+){0,6}?\W*$", re.I)
_EARLIER = re.compile(
    r"\b(?:(?:previous|last|past|preceding|prior)\s+(?:days?|weeks?|weekend|months?|years?)|"
    r"ago|earlier)\b",
    re.I,
)
# "His poster was set on fire", "burnt an effigy of the governor": ACLED counts burning a
# symbol as a peaceful protest's act; only harm to people or to property of worth is violent.
_BURN = re.compile(r"\b(?:set (?:on )?fire|set ablaze|burn\w*|torch\w*|lit)\b", re.I)
_SYMBOL = re.compile(
    r"\b(?:effig\w*|posters?|flags?|portraits?|coffins?|pictures?|photo\w*|banners?|"
    r"placards?|cop(?:y|ies) of)\b",
    re.I,
)


def _backdrop(trigger: Trigger, text: str) -> bool:
    before = _before(trigger, text)
    return before is not None and bool(_CAUSE.search(before[-80:])) and bool(_EARLIER.search(text))


def _symbolic(trigger: Trigger, text: str) -> bool:
    """Is the trigger the burning of a symbol, named within a few words of it?"""
    if not _BURN.search(trigger.text):
        return False
    pos = text.find(trigger.text)
    if pos < 0:
        return False
    near = text[max(0, pos - 40) : pos + len(trigger.text) + 40]
    return bool(_SYMBOL.search(near))


def denies_violence(triggers: list[Trigger], prev: Event, text: str) -> bool:
    """A sentence after a protest that only denies violence ("The protests were devoid of
    looting and running battles", "No clashes were reported") tells nothing new; nor does one
    that only tells of a symbol burnt ("His poster was also set on fire")."""
    violent = [t for t in triggers if t.cls in {"riot", "clash", "loot"}]
    return (
        prev.event_type == "Protests"
        and bool(violent)
        and all(_negated(t, text) or _symbolic(t, text) for t in violent)
        and all(t.cls in {"riot", "clash", "loot", "protest"} for t in triggers)
    )


# "The celebrations were devoid of ... running battles", "passed off without clashes", "no
# looting was reported": the violence is denied, not told.
_NEGATION = re.compile(
    r"\b(?:devoid of|without|free (?:of|from)|absence of|no|nor)\b(?:\W+[\w-]+){0,6}?\W*$", re.I
)
# "Police confiscated three trucks", "soldiers burnt the tents": the forces' act is no violence
# of the crowd's.
_FORCES_SUBJECT = re.compile(
    r"\b(police\w*|officers|security|forces|troops|soldiers|army|military|gendarm\w*|"
    r"authorities|officials)\b(?:\W+[\w-]+){0,4}?\W*$",
    re.I,
)


_CROWD = re.compile(
    r"\b(?:they|crowds?|protesters?|protestors?|demonstrators?|rioters?|mobs?|youths?|residents|"
    r"students|supporters|participants)\b",
    re.I,
)


def _before(trigger: Trigger, text: str) -> str | None:
    """The clause's words before the trigger, or None when the trigger is not found in it."""
    pos = text.find(trigger.text)
    return text[:pos] if pos >= 0 else None


def _negated(trigger: Trigger, text: str) -> bool:
    before = _before(trigger, text)
    return before is not None and bool(_NEGATION.search(before[-80:]))


def _forces_act(trigger: Trigger, text: str) -> bool:
    """Is a loot or riot trigger told of the police or the army, as its subject?"""
    if trigger.cls not in {"loot", "riot"}:
        return False
    before = _before(trigger, text)
    if before is None:
        return False
    found = _FORCES_SUBJECT.search(before[-60:])
    if found is None:
        return False
    if _CROWD.search(before[-60:][found.end(1) :]):
        return False  # "Police said protesters were breaking into houses"
    # "threw stones at police and looted shops": the forces are the crowd's target there.
    lead = before[-60:][: found.start()]
    return not re.search(r"\b(?:at|with|against|on|by|from|towards?)\s+(?:the\s+)?$", lead, re.I)


def as_riot(prev: Event, triggers: list[Trigger], doc: Document) -> Event:
    """The protest becomes a violent demonstration by rioters of the same country."""
    iso2 = iso2_of(prev.iso3)
    rioters, inter = canonical(
        ActorMention(0, 0, "", "rioter", None, 5, iso2), iso2, prev.event_date
    )
    evidence = (
        *prev.evidence,
        *(Evidence(doc.doc_id, t.start, t.end, t.text, "trigger") for t in triggers),
    )
    return replace(
        prev,
        event_type="Riots",
        sub_event_type="Violent demonstration",
        plover_type="PROTEST",
        actor1=rioters,
        inter1=inter,
        evidence=evidence,
    )


def intervenes(triggers: list[Trigger], prev: Event, text: str) -> bool:
    """A sentence that only tells how the authorities answered the protest just reported; it
    must speak of the crowd or of the forces ("He was arrested last week" is the grievance).
    Arrests at a riot are, for ACLED, part of the riot ("The mob threw stones at the police.
    29 were arrested"), not an event of their own; those made days after are."""
    if prev.event_type == "Riots":
        return (
            any(t.cls == "arrest" for t in triggers)
            # "Police arrested the four accused": the noun names those held
            and all(t.cls in {"arrest", "intervention", "accuse"} for t in triggers)
            and (bool(_CROWD_OR_FORCES.search(text)) or counted_arrests(text))
            and not _EARLIER.search(text)
            and not _LATER.search(text)
        )
    if prev.event_type == "Protests" and not any(t.cls == "excessive" for t in triggers):
        # "Police used batons to disperse the protest": the protest named again is the one told
        # (live fire stays an event of its own, coded for the force it used).
        triggers = [t for t in triggers if not _named_again(t, text)]
    return (
        prev.event_type == "Protests"
        and bool(triggers)
        and all(t.cls in _INTERVENTION_CLASSES for t in triggers)
        and not held_off(triggers, text)
        and not _protested_arrest(text, prev)
        and (
            (
                any(t.cls in {"intervention", "arrest", "excessive"} for t in triggers)
                and (bool(_CROWD_OR_FORCES.search(text)) or counted_arrests(text))
            )
            # "One protester was shot dead by police": the force used on the protest just
            # told, not an attack of its own.
            or _forces_kill_protesters(triggers, text)
        )
    )


_THE_PROTEST = re.compile(
    r"\b(?:disperse[ds]?|dispersing|broke up|break up|stopped|foiled|obstructed|blocked)\s+"
    r"(?:the|their|this|that)\s+(?:[\w-]+\s+)?$",
    re.I,
)


def _named_again(trigger: Trigger, text: str) -> bool:
    if trigger.cls != "protest":
        return False
    at = text.lower().find(trigger.text.lower())
    return at > 0 and bool(_THE_PROTEST.search(text, 0, at))


# "He was arrested in connection with a graft case": a pronoun held, after a protest over an arrest.
_PRONOUN_HELD = re.compile(
    r"^\W*(?:he|she)\s+(?:was|had been|has been)\s+(?:\w+\s+)?"
    r"(?:arrested|detained|picked up|taken into custody)\b",
    re.I,
)
_DEMANDED = re.compile(
    r"\bdemand\w*\b[^.;]*\b(?:release|bail|freedom)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I
)
_OVER_ARREST = re.compile(r"\b(?:arrest|detention|release)\b", re.I)


# "demanding release of their leader who was detained under the Digital Security Act": the
# relative clause tells of the one the protest is for.
_WHO_WAS_HELD = re.compile(
    r"^\W*(?:who|whom)\s+(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?"
    r"(?:arrested|detained|picked up|jailed|imprisoned)\b",
    re.I,
)
_FOR_THE_HELD = re.compile(r"\b(?:release|bail|freedom|arrest|detention)\b[^.;]*$", re.I)


def _protested_arrest(text: str, prev: Event) -> bool:
    return bool(_WHO_WAS_HELD.search(text) and prev.notes and _FOR_THE_HELD.search(prev.notes))


def retold_grievance(triggers: list[Trigger], prev: Event, text: str) -> bool:
    """ "Journalists protested against the arrest of their editor. He was arrested in connection
    with a graft case": the arrest retold is the protest's grievance, not a new event."""
    return (
        prev.event_type == "Protests"
        and bool(triggers)
        and all(t.cls in {"arrest", "intervention", "accuse"} for t in triggers)
        and (
            bool(_PRONOUN_HELD.search(text) and prev.notes and _OVER_ARREST.search(prev.notes))
            # "They also demanded the release of arrested people"
            or all(_DEMANDED.search(text, 0, max(text.find(t.text), 0)) for t in triggers)
        )
    )


def _forces_kill_protesters(triggers: list[Trigger], text: str) -> bool:
    """ "Police shot dead one protester", "a protester was shot dead by police": the protesters
    are the dead and the forces the killers ("Protesters killed a police officer" is a riot)."""
    kill = next((t for t in triggers if t.cls == "kill"), None)
    if kill is None or not _FORCES_WORD.search(text):
        return False
    at = text.lower().find(kill.text.lower())
    if at < 0:
        return False
    victims_after = _PROTESTER_WORD.search(text, at)
    passive = _PROTESTER_WORD.search(text, 0, at) and _BY_FORCES.search(text, at)
    return bool(victims_after or passive)


_FORCES_WORD = re.compile(
    r"\b(?:police\w*|security forces|troops|soldiers|gendarm\w*|riot police|army)\b", re.I
)
_BY_FORCES = re.compile(
    r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:police\w*|security forces|troops|soldiers|"
    r"gendarm\w*|army)\b",
    re.I,
)
_PROTESTER_WORD = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|marchers?)\b", re.I)


# "One woman was arrested.", "Several arrests were made.", "26 arrested for violating the
# lockdown": a bare count of people held, told right after a protest, counts its arrests.
_COUNTED_ARREST = re.compile(
    r"^\W*(?:(?:about|around|at least|over|some|another)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|a dozen|dozens|scores|hundreds|"
    r"several|many|numerous|a number|a few|few|some)\b(?:\W+[\w-]+){0,3}?\W+"
    r"(?:(?:(?:was|were|have been|has been|had been|got)\s+)?"
    r"(?:arrested|detained|apprehended|taken into custody)|"
    r"arrests?\s+(?:(?:was|were|have been|has been|had been)\s+)?(?:made|reported|carried out))\b",
    re.I,
)


# "Two days later, police arrested 12 suspects": arrests made after the happening are an
# event of their own.
_LATER = re.compile(
    r"\b(?:(?:following|next)\s+(?:day|days|week|morning|evening)|"
    r"(?:days?|weeks?|months?)\s+(?:after|later)|since then)\b",
    re.I,
)


def counted_arrests(text: str) -> bool:
    """A clause that only counts people arrested; one dated earlier is the grievance."""
    return bool(_COUNTED_ARREST.search(text)) and not _EARLIER.search(text)


def with_intervention(
    prev: Event, triggers: list[Trigger], fatal: list[Fatalities], doc: Document
) -> Event:
    """The protest becomes one with intervention, or with excessive force when people died; a
    riot keeps its type and takes the arrests as its own evidence, and any dead the clause
    tells."""
    if prev.event_type == "Riots":
        riot = add_fatalities(prev, fatal, doc) if fatal else prev
        return replace(
            riot,
            evidence=(
                *riot.evidence,
                *(
                    Evidence(doc.doc_id, t.start, t.end, t.text, "intervention")
                    for t in triggers
                    if t.cls != "accuse"
                ),
            ),
        )
    deadly = any(t.cls in {"excessive", "kill"} for t in triggers) and bool(fatal)
    sub = "Excessive force against protesters" if deadly else "Protest with intervention"
    if prev.sub_event_type == "Excessive force against protesters":
        sub = prev.sub_event_type
    police, inter2 = prev.actor2, prev.inter2
    if police is None:
        iso2 = iso2_of(prev.iso3)
        police, inter2 = canonical(
            ActorMention(0, 0, "", "police", None, 1, iso2), iso2, prev.event_date
        )
    number, estimated = (
        sum_fatalities(fatal) if deadly else (prev.fatalities, prev.fatalities_estimated)
    )
    evidence = [
        *prev.evidence,
        *(Evidence(doc.doc_id, t.start, t.end, t.text, "intervention") for t in triggers),
    ]
    return replace(
        prev,
        sub_event_type=sub,
        actor2=police,
        inter2=inter2,
        fatalities=max(number, prev.fatalities),
        fatalities_estimated=estimated,
        evidence=tuple(evidence),
    )


def claimed_by(event: Event, text: str, start: int, doc: Document) -> Event:
    """ "Al Shabaab claimed responsibility": the named group becomes the unidentified attacker."""
    if event.actor1 and not event.actor1.startswith("Unidentified"):
        return event
    named = [a for a in find_actors(text, start) if a.name and a.armed]
    if not named:
        return event
    group = named[0]
    return replace(
        event,
        actor1=group.name,
        inter1=group.inter,
        evidence=(
            *event.evidence,
            Evidence(doc.doc_id, group.start, group.end, group.text, "actor1"),
        ),
    )


def add_fatalities(
    event: Event, fatal: list[Fatalities], doc: Document, extra: tuple[Evidence, ...] = ()
) -> Event:
    """The event takes a later sentence's dead. An abduction whose victim dies ("Days later he
    died") is, for ACLED, an attack on civilians: a forced disappearance has no dead."""
    amended = _add_fatalities(event, fatal, doc, extra)
    if amended.sub_event_type == _ABDUCTION and amended.fatalities > 0:
        amended = replace(amended, event_type="Violence against civilians", sub_event_type="Attack")
    return amended


_ABDUCTION = "Abduction/forced disappearance"


def _add_fatalities(
    event: Event, fatal: list[Fatalities], doc: Document, extra: tuple[Evidence, ...] = ()
) -> Event:
    number, estimated = sum_fatalities(fatal)
    evidence = list(event.evidence) + [
        Evidence(doc.doc_id, f.start, f.end, f.text, "fatalities") for f in fatal
    ]
    evidence += [e for e in extra if e.field == "event"]
    summary = any(_SUMMARY.search(f.text) for f in fatal)
    old_claimed = [_claimed(doc.text, e.start) for e in event.evidence if e.field == "fatalities"]
    new_claimed = [_claimed(doc.text, f.start) for f in fatal]
    if (
        fatal
        and event.fatalities
        and (
            all(f.alternative for f in fatal)
            or (all(new_claimed) and old_claimed and not any(old_claimed))
        )
    ):
        # Another source's figure, or a group's claim after an independent one: ACLED keeps the
        # more conservative of the two.
        return replace(event, fatalities=min(number, event.fatalities), evidence=tuple(evidence))
    if fatal and event.fatalities and all(old_claimed) and not any(new_claimed):
        # "Al Shabaab claimed killing four. Kenya said only one was killed": a group's own
        # claim gives way to the independent figure.
        return replace(
            event, fatalities=number, fatalities_estimated=estimated, evidence=tuple(evidence)
        )
    if fatal and not summary and all(f.additional for f in fatal):
        # "Another six were killed": more dead than those the event already counts.
        return replace(
            event,
            fatalities=event.fatalities + number,
            fatalities_estimated=estimated or event.fatalities_estimated,
            evidence=tuple(evidence),
        )
    old = [e.text for e in event.evidence if e.field == "fatalities"]
    if fatal and event.fatalities and not summary and not any(_SUMMARY.search(t) for t in old):
        new_sides = {side_of(f.text, doc.text[f.end : f.end + 60]) for f in fatal}
        old_sides = {
            side_of(e.text, doc.text[e.end : e.end + 60])
            for e in event.evidence
            if e.field == "fatalities"
        }
        if "" not in new_sides | old_sides and not new_sides & old_sides:
            # "2 policemen were killed ... 2 militants were killed": one side's dead after the
            # other's; ACLED counts both.
            return replace(
                event,
                fatalities=event.fatalities + number,
                fatalities_estimated=estimated or event.fatalities_estimated,
                evidence=tuple(evidence),
            )
    if number > event.fatalities or (summary and fatal):
        return replace(
            event, fatalities=number, fatalities_estimated=estimated, evidence=tuple(evidence)
        )
    return replace(event, evidence=tuple(evidence))


# "Al Shabaab claimed killing four", "the group claimed to have killed 10 soldiers": the
# figure is a party's own claim.
_CLAIMED_BEFORE = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:that\s+)?(?:(?:it|they|he|its\s+\w+)\s+)?(?:had\s+)?"
    r"(?:to have\s+)?(?:killed\s+|killing\s+)?$",
    re.I,
)


def _claimed(text: str, start: int) -> bool:
    return bool(_CLAIMED_BEFORE.search(text[max(0, start - 60) : start].rstrip() + " "))


def toll_target(events: list[Event], last: int, first: int) -> int:
    """The event a bare toll ("2 fatalities.", "Two people were killed.") belongs to: the last
    violent event of its paragraph, not an arrest or a statement told after it."""
    for i in range(last, first - 1, -1):
        event = events[i]
        if event.event_type in _VIOLENT_TYPES or (
            event.sub_event_type == "Excessive force against protesters"
        ):
            return i
    return last


def sum_fatalities(fatal: list[Fatalities]) -> tuple[int, bool]:
    if not fatal:
        return 0, False
    coded = [f for f in fatal if _SUMMARY.search(f.text)]
    if coded:
        return coded[-1].number, coded[-1].estimated
    return sum(f.number for f in fatal), any(f.estimated for f in fatal)


# A definite mention of an event already told: "killed *in the attack*", "fired tear gas *during
# the clash*", "injured *in the same incident*". "The second attack", "another clash" are new ones.
_ANAPHOR = re.compile(
    r"\b(?:in|during|of|from|by|throughout|amid)\s+the\s+(?:same\s+|ensuing\s+|subsequent\s+)?"
    r"(?!(?:second|third|other|latest|new|separate|earlier|previous|next|last)\b)"
    r"(?:[\w-]+\s+)?(?:attacks?|assaults?|clash(?:es)?|incidents?|blasts?|explosions?|raids?|"
    r"fighting|violence|protests?|demonstrations?|riots?|strikes?|shelling|ambush|battles?|"
    r"gunfights?|gun-?battles?|shoot-?outs?|exchanges? of fire|confrontations?|skirmish(?:es)?|"
    r"bombings?|unrest|melee|scuffles?|brawl|fire ?fight|air ?strikes?|drone strikes?|"
    r"bombardments?|operations?|offensive|crossfire|shootings?)\b",
    re.I,
)
# "5 persons were killed in clashes in Shonir Akhra": dead of a fight named without an article
# are the dead of the fight just told.
_DEAD_IN = re.compile(
    r"\b(?:killed|died|dead|deaths?)\s+(?:in|during|amid)\s+(?:clashes|fighting|the violence|"
    r"violence|skirmishes|exchanges of fire|gunfights?)\b",
    re.I,
)
# A relative clause tells of someone named in its sentence, not of a new happening.
_RELATIVE = re.compile(r"\s*(?:who|whom|whose|which)\b", re.I)
# A monitor's count of what it saw ("The OSCE SMM observed a total of 19 explosions near
# Opytne") tells the fire a first sentence reported, at the place it names.
_OBSERVED = re.compile(
    r"\b(?:observed|recorded|heard|registered)\b(?:\W+\w+){0,6}?\W+(?:explosions?|shots|bursts|"
    r"projectiles|rounds)\b",
    re.I,
)
# What makes a monitor's count an exchange of fire rather than one side's shelling.
_EXCHANGE = re.compile(
    r"\b(?:small arms|bursts? of fire|machine ?guns?|machineguns|(?:in )?both directions)\b", re.I
)
_FIGHT_BACK = re.compile(
    r"\b(?:returned fire|return(?:ed|ing)? the fire|fired back|fought back|(?:reacted|responded) "
    r"with (?:gun)?fire|shoot[- ]?outs?|gun ?battles?|exchanges? of (?:gun)?fire|exchanged fire)\b",
    re.I,
)
TERRITORY_SUBS = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


# "The killed drug suspect was a known dealer", "the slain officer": a killing used as an
# adjective of someone named is the killing already told, not a new one.
_DEAD_NAMED = re.compile(
    r"\b(?:the|these|those)\s+(?:killed|slain|murdered)\s+"
    r"(?!(?:by|in|on|at|during|near|after|when|while|and|or|as|with|from)\b)[a-z]+",
    re.I,
)


# "The rocket exploded in an open field": the weapon just told, named again as the subject.
_THE_WEAPON = re.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?(?:rockets?|missiles?|shells?|mortars?|"
    r"projectiles?|bombs?|devices?|grenades?|IEDs?|drones?)\s+(?:had\s+|then\s+)?"
    r"(?:exploded|landed|fell|hit|detonated|went off|struck)\b",
    re.I,
)


def refers_back(text: str) -> bool:
    """Does the clause name an event already told ("in the attack", "during the clash", "the
    rocket exploded")?"""
    return bool(
        _ANAPHOR.search(text)
        or _DEAD_IN.search(text)
        or _DEAD_NAMED.search(text)
        or _THE_WEAPON.search(text)
    )


def is_relative(text: str) -> bool:
    return bool(_RELATIVE.match(text))


def observes(text: str) -> bool:
    return bool(_OBSERVED.search(text))


def violent_target(events: list[Event], last: int, first: int) -> int | None:
    """The event a clause that refers back amends: the last violent one of its paragraph."""
    idx = toll_target(events, last, first)
    event = events[idx]
    if event.event_type in _VIOLENT_TYPES or (
        event.sub_event_type == "Excessive force against protesters"
    ):
        return idx
    return None


def _own_date(event: Event) -> bool:
    return any(ev.field == "event_date" for ev in event.evidence)


def amends(event: Event, target: Event) -> bool:
    """May `event`, told by a clause that refers back, be folded into `target`? Not when it is
    dated to another day ("in the attack on 3 May", after a story of 5 May)."""
    if _own_date(event) and _own_date(target) and event.event_date != target.event_date:
        return False
    return event.country == target.country or event.country is None


def fold(
    target: Event, event: Event, fatal: list[Fatalities], doc: Document, *, observed: bool = False
) -> Event:
    """`target` takes what a clause that refers back to it adds: its dead, its evidence, a
    territory taken in the fight ("the militants then seized the town": ACLED codes the battle
    by what it won), a finer place; a monitor's count of fire in both directions makes a
    shelling an exchange of fire. The target keeps its own actors: the clause's named people
    are most often the victims ("Two Kenyan police killed in the attack")."""
    amended = add_fatalities(target, fatal, doc, event.evidence)
    fields = {"event", "trigger"}
    sub, etype = amended.sub_event_type, amended.event_type
    if event.sub_event_type in TERRITORY_SUBS and target.event_type == "Battles":
        sub = event.sub_event_type
    elif (
        observed
        and event.sub_event_type == "Armed clash"
        and target.sub_event_type == "Shelling/artillery/missile attack"
        and _EXCHANGE.search(event.notes)
    ):
        etype, sub = event.event_type, event.sub_event_type
    elif (
        event.sub_event_type == "Armed clash"
        and target.event_type in {"Explosions/Remote violence", "Violence against civilians"}
        and _FIGHT_BACK.search(event.notes)
    ):
        # "Police reacted with gunfire towards the attackers": the target fought back, and an
        # attack met with fire is, for ACLED, a battle.
        etype, sub = event.event_type, event.sub_event_type
    if etype != amended.event_type or sub != amended.sub_event_type:
        amended = replace(amended, event_type=etype, sub_event_type=sub)
    if (
        _unnamed(target.actor1)
        and not _unnamed(event.actor1)
        and not fatal
        and event.actor1 != target.actor2
        and any(ev.field == "actor1" for ev in event.evidence)
    ):
        # "An armed clash was reported in Ayn Zarah. GNA forces destroyed two pieces of LNA
        # equipment during the clash": a clause that names who acted, and no dead, names the
        # side the first sentence left unnamed ("Soldiers fired during the clash" names the side
        # told already, "The rocket exploded" nobody: the unidentified group stays the first).
        amended = replace(amended, actor1=event.actor1, inter1=event.inter1)
        fields.add("actor1")
    if (event.geo_precision or 9) < (target.geo_precision or 9) and any(
        ev.field == "location" for ev in event.evidence
    ):
        fields.add("location")
        amended = replace(amended, **event.place_fields())
    added = tuple(ev for ev in event.evidence if ev.field in fields)
    return replace(amended, evidence=tuple(dict.fromkeys(amended.evidence + added)))


VIOLENT_OR_DEMONSTRATION = _VIOLENT_TYPES | {"Protests"}


# The forces' answer to a riot: crowd-control weapons, or a dispersal.
_CROWD_CONTROL = re.compile(
    r"\b(?:tear ?gas|rubber bullets|pellets|water cannons?|sound grenades|stun grenades|"
    r"batons?|baton-charged|lathi|live (?:rounds|ammunition|bullets)|dispers\w+|gunfire|"
    r"opened fire|warning shots|fired (?:shots|in the air)|"
    r"fired (?:at|on|upon|into) (?:the )?(?:demonstrators|protesters|rioters|crowds?|mobs?))\b",
    re.I,
)
_FORCES = re.compile(
    r"\b(?:police\w*|officers|security forces|forces|troops|soldiers|army)\b", re.I
)


def answers_riot(prev: Event, text: str) -> bool:
    """A clause that tells how the forces met the riot just reported ("Police fired rubber
    bullets and tear gas shells", "fired live rounds during the clash") is part of the riot."""
    return (
        prev.event_type == "Riots"
        and bool(_FORCES.search(text))
        and bool(_CROWD_CONTROL.search(text))
    )


def has_own_place(event: Event, target: Event) -> bool:
    """Is the event placed somewhere of its own, finer than a province and not the target's?"""
    return _placed_here(event) and event.geo_precision != 3 and event.location != target.location


def _placed_here(event: Event) -> bool:
    """Does the clause that told the event name its place itself? A place taken from elsewhere
    in the story (its lede, its dateline) sets no event apart."""
    spans = [(ev.start, ev.end) for ev in event.evidence if ev.field == "event"]
    return any(
        ev.field == "location" and (not spans or any(a <= ev.start < b for a, b in spans))
        for ev in event.evidence
    )


def _unnamed(actor: str | None) -> bool:
    return actor is None or actor.startswith(("Unidentified", "Civilians"))
