"""Coding one clause: which event its triggers and actors make, in ACLED's and PLOVER's terms.

The trigger says what happened; the actors say what kind of event it is. A killing of soldiers is
a battle, of villagers violence against civilians; rioters' violence is a riot and the police's
intervention in a protest is part of the protest. These decisions are kept apart from the
document flow in `extract.py` so they can be read, and tested, on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from wirewatch import lexicon
from wirewatch.actors import ActorMention, canonical, demonyms
from wirewatch.claims import Claimant
from wirewatch.lexicon import Trigger

_CLAUSE_SPLIT = re.compile(r";|\s(?=while\s)|\s(?=whereas\s)|,?\s(?=who\s)|,\s(?=which\s)", re.I)
_TERRITORY = re.compile(
    r"\b(?:town|city|village|area|territory|district|province|region|base|airport|"
    r"crossing|hill|positions?|neighbou?rhood|countryside|outskirts|control)\b",
    re.I,
)
_WEAPON_ORDER = ("chemical", "suicide", "air", "grenade", "ied", "shelling", "explosion")
_WEAPON_SUB = {
    "chemical": "Chemical weapon",
    "suicide": "Suicide bomb",
    "air": "Air/drone strike",
    "grenade": "Grenade",
    "ied": "Remote explosive/landmine/IED",
    "shelling": "Shelling/artillery/missile attack",
    "explosion": "Remote explosive/landmine/IED",
}
_STRATEGIC_SUB = {
    "disrupt": "Disrupted weapons use",
    "arrest": "Arrests",
    "loot": "Looting/property destruction",
    "agreement": "Agreement",
    "base": "Headquarters or base established",
    "transfer": "Non-violent transfer of territory",
    "group_change": "Change to group/activity",
    "mobilize": "Other",
}
_POLITICAL_PLOVER = {
    "consult": "CONSULT",
    "support": "SUPPORT",
    "aid": "AID",
    "accuse": "ACCUSE",
    "threaten": "THREATEN",
    "sanction": "SANCTION",
}
_MOB = re.compile(
    r"\b(?:mob|lynch\w*|vigilantes?|mob justice|angry (?:residents|villagers|youths|crowd))\b", re.I
)
_CIVILIAN_TARGET = re.compile(
    r"\b(?:village|market|homes?|houses?|church|mosque|school|hospital|clinic|"
    r"camp|bus|shop|farm|residential|wedding|funeral|worshippers|drivers?|reporters?|"
    r"journalists?|merchants?|sellers?|vendors?|traders?|defenders?|activists?|teachers?|"
    r"doctors?|nurses?|farmers?|herders?|shopkeepers?|businessm[ae]n|employees?|owners?|"
    r"priests?|imams?|pastors?|passengers?|motorists?|pedestrians?|family|wife|husband)\b",
    re.I,
)
# Targets that bear arms or belong to an armed side: attacking them is a fight.
_MILITARY_TARGET = re.compile(
    r"\b(?:positions?|bases?|checkpoints?|posts?|convoys?|patrols?|barracks|outposts?|garrisons?|"
    r"troops|soldiers|forces|units?|front(?:line)?s?|military|army|police stations?)\b",
    re.I,
)
# An attack told as an offensive ("a two-pronged attack", "a counter-attack") is a fight.
_OFFENSIVE = re.compile(
    r"\b(?:two-pronged|multi-pronged|large-scale|counter|offensive|surprise)\W*$", re.I
)
# What makes rioting a (violent) demonstration rather than a mob: a demand, a blockade, a riot.
_DEMONSTRATING = re.compile(
    r"\b(?:demonstrat\w*|(?<!anti-)riot(?:ed|ers|ing|s)?(?![- ]police)|demand\w*|barricad\w*|burn\w* (?:tyres|tires)|"
    r"block\w* (?:the |a |several )?(?:roads?|streets?|highway|entrance)|in protest)\b",
    re.I,
)
_LIGHT_ARMS = re.compile(
    r"\b(?:small arms|machine ?guns?|grenade launchers?|sniper|rifles?|IFVs?|gunfire|shots|bursts)\b",
    re.I,
)
_ANYONE = re.compile(r"(?:[\w-]+\s+){0,2}(?:m[ae]n|people|persons?|individuals?)")
_FIREARMS = re.compile(
    r"\b(?:shot|shoot\w*|guns?|gunfire|gunm[ae]n|firearms?|rifles?|pistols?|bullets?|opened fire|"
    r"AK-?47s?|fired)\b",
    re.I,
)
_COMMUNAL = re.compile(r"\b(?:clan|inter-clan|clan-based|ethnic|communal|tribal|militias?)\b", re.I)
_DEADLY = re.compile(r"\b(?:killed|dead|died|deaths?|fatalit(?:y|ies))\b", re.I)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|got|is|are)\s+(?:\w+ly\s+)?(?:\w+ed|shot|hit|slain|beaten|taken|found|burnt|hanged|hung|struck)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    antecedent: ActorMention | None = None  # what "who"/"which" opening the clause refers to


@dataclass(slots=True)
class Coded:
    """An event decision for one clause, before places, dates and numbers are attached."""

    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    trigger: Trigger
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc1: str | None = None
    default_actor1: str | None = None  # "military", "rebel", "police", "protester", "rioter"


def clauses(text: str, start: int, s_idx: int, para: int) -> Iterator[Clause]:
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() - pos > 3:
            yield Clause(start + pos, start + m.start(), text[pos : m.start()], s_idx, para)
        pos = m.end()
    if len(text) - pos > 3:
        yield Clause(start + pos, start + len(text), text[pos:], s_idx, para)


def codable(triggers: list[Trigger]) -> bool:
    return any(t.cls != "intervention" for t in triggers)


def is_claimant(actor: ActorMention, claimants: list[Claimant]) -> bool:
    return (
        any(c.start <= actor.start and actor.end <= c.end for c in claimants)
        or actor.kind == "monitor"
    )


def _first(triggers: list[Trigger], classes: Iterable[str]) -> Trigger | None:
    for cls in classes:
        for t in triggers:
            if t.cls == cls:
                return t
    return None


def _split_roles(
    trigger: Trigger, actors: list[ActorMention], clause: Clause
) -> tuple[ActorMention | None, ActorMention | None]:
    """Agent and patient around a trigger: subject before an active verb, "by X" after a passive."""
    before = [a for a in actors if a.end <= trigger.start]
    after = [a for a in actors if a.start >= trigger.end]
    passive = bool(
        _PASSIVE.search(
            clause.text[max(0, trigger.start - clause.start - 20) : trigger.end - clause.start]
        )
    )
    by_agent = next(
        (
            a
            for a in after
            if re.search(r"(?<![-\w])by\s+(?:\w+\s+){0,3}$", clause.text[: a.start - clause.start])
            and (passive or a.start - trigger.end < 40)
        ),
        None,
    )
    if passive or by_agent is not None:
        agent = by_agent
        patient = before[-1] if before else next((a for a in after if a is not by_agent), None)
    else:
        armed_before = [a for a in before if a.armed]
        agent = armed_before[0] if armed_before else (before[-1] if before else None)
        patient = after[0] if after else None
        if patient is None and agent is not None:
            # "Police officer dies when militants shoot him": the victim was named first.
            patient = next((a for a in before if a is not agent and a.kind != agent.kind), None)
    if agent is None and re.match(r"\s*(?:who|which)\b", clause.text, re.I) and clause.antecedent:
        agent = clause.antecedent
    return agent, patient


def code_clause(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention]
) -> Iterator[Coded]:
    """The events of one clause, at most one a family, each with its actors in ACLED's roles."""
    for coded in _code_clause(clause, triggers, actors):
        yield _demonstrators(coded)


def _demonstrators(coded: Coded) -> Coded:
    """In a riot the unarmed side that acts is "Rioters (country)", in a protest "Protesters
    (country)", whatever the text calls them (students, residents, party supporters)."""
    role = {"Riots": "rioter", "Protests": "protester"}.get(coded.event_type or "")
    if role is None or coded.actor1 is None or coded.actor1.armed or coded.actor1.kind == role:
        return coded
    if coded.actor1.name is not None and coded.actor1.kind not in {"civilian"}:
        return coded
    return replace(coded, actor1=None, default_actor1=role)


def _code_clause(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention]
) -> Iterator[Coded]:
    classes = {t.cls for t in triggers}
    families = {t.family for t in triggers}
    demo = _code_demonstration(clause, triggers, actors, classes)
    if demo is not None and "violent" in families and _violence_leads(triggers, actors):
        demo = None
    if demo is not None:
        yield demo
    elif "violent" in families:
        violent = _code_violence(clause, triggers, actors, classes)
        if isinstance(violent, list):
            yield from violent
        elif violent is not None:
            yield violent
    if "strategic" in families and demo is None:
        strategic = _code_strategic(clause, triggers, actors, classes)
        if strategic is not None:
            yield strategic
    # Political acts beside violence are its commentary, except people fleeing it: displacement
    # ("Kurds were fleeing the fighting after rebels seized the town") is an event of its own.
    political = "political" in families and not (families & {"violent", "demonstration"})
    fleeing = any(t.cls == "aid" and t.text.lower().startswith("fle") for t in triggers)
    if political or fleeing:
        t = _first(triggers, _POLITICAL_PLOVER)
        if t is not None:
            agent, patient = _split_roles(t, actors, clause)
            yield Coded(None, None, _POLITICAL_PLOVER[t.cls], t, agent, patient)


def _violence_leads(triggers: list[Trigger], actors: list[ActorMention]) -> bool:
    """An armed fight told first ("an encounter with militants ... when forces dispersed
    stone-pelters") is the event; the demonstration is its circumstance."""
    first_violent = min(t.start for t in triggers if t.family == "violent")
    first_demo = min(t.start for t in triggers if t.family == "demonstration")
    fighters = [a for a in actors if a.armed and a.kind not in {"police"}]
    return first_violent < first_demo and bool(fighters)


def _code_demonstration(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention], classes: set[str]
) -> Coded | None:
    protesters = next((a for a in actors if a.kind == "protester"), None)
    rioters = next((a for a in actors if a.kind == "rioter"), None)
    police = next((a for a in actors if a.kind in {"police", "military"}), None)
    if "protest" not in classes and "riot" not in classes:
        return None
    t = _first(triggers, ("excessive", "riot", "protest"))
    assert t is not None
    demonstrating = "protest" in classes or _DEMONSTRATING.search(clause.text)
    if "protest" in classes or (demonstrating and not _MOB.search(clause.text)):
        pass  # a demonstration, peaceful or not: decided below
    else:
        # Rioters with no demonstration to speak of: mob violence (ACLED's "Mob violence").
        victim = next(
            (
                a
                for a in actors
                if a.kind in {"civilian", "police", "military"} and a is not rioters
            ),
            None,
        )
        return Coded(
            "Riots", "Mob violence", "ASSAULT", t, rioters, victim, default_actor1="rioter"
        )
    if "excessive" in classes or (
        "kill" in classes and protesters is not None and police is not None
    ):
        return Coded(
            "Protests",
            "Excessive force against protesters",
            "PROTEST",
            t,
            protesters,
            police,
            default_actor1="protester",
        )
    if "riot" in classes or "protest" not in classes or classes & {"clash", "attack"}:
        return Coded(
            "Riots", "Violent demonstration", "PROTEST", t, rioters, police, default_actor1="rioter"
        )
    if "intervention" in classes or "arrest" in classes:
        return Coded(
            "Protests",
            "Protest with intervention",
            "PROTEST",
            t,
            protesters,
            police,
            default_actor1="protester",
        )
    return Coded(
        "Protests", "Peaceful protest", "PROTEST", t, protesters, None, default_actor1="protester"
    )


def _code_violence(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention], classes: set[str]
) -> Coded | list[Coded] | None:
    weapon = _first(triggers, _WEAPON_ORDER)
    capture = _first(triggers, ("recapture", "capture"))
    main = weapon or capture or _first(triggers, ("abduct", "sexual", "clash", "attack", "kill"))
    assert main is not None
    agent, patient = _split_roles(main, actors, clause)
    if capture is not None and weapon is None:
        after = clause.text[capture.end - clause.start :]
        if not (_TERRITORY.search(after[:80]) or re.match(r"\s+(?:the\s+)?[A-Z]", after)):
            capture = None
        else:
            state = agent is not None and agent.kind in {"military", "police"}
            sub = (
                "Government regains territory"
                if state or (agent is None and capture.cls == "recapture")
                else "Non-state actor overtakes territory"
            )
            return Coded(
                "Battles",
                sub,
                "ASSAULT",
                capture,
                agent,
                patient,
                default_actor1="military" if sub.startswith("Government") else "rebel",
            )
    if weapon is not None and weapon.cls == "explosion":
        # A bare "explosion" is a bomb unless the story is about a front line, where it is fire.
        frontline = re.search(r"\b(?:front ?line|positions?|OSCE|ceasefire)\b", clause.text, re.I)
        armed_sides = [a for a in actors if a.armed and a.kind in {"military", "rebel", "militia"}]
        if frontline or len(armed_sides) >= 2:
            weapon = Trigger("shelling", weapon.start, weapon.end, weapon.text)
    # Heavy weapons in a fight told as a fight ("clashes amid shelling", "exchanged artillery")
    # or fired along with small arms make an armed clash, not a shelling.
    told_as_fight = any(
        t.cls == "clash" and not t.text.lower().startswith("fired") for t in triggers
    )
    if (
        weapon is not None
        and weapon.cls == "shelling"
        and (told_as_fight or _LIGHT_ARMS.search(clause.text))
    ):
        clash = _first(triggers, ("clash",)) or weapon
        agent, patient = _split_roles(clash, actors, clause)
        fight = Coded(
            "Battles", "Armed clash", "ASSAULT", clash, agent, patient, default_actor1="rebel"
        )
        if told_as_fight:
            return fight
        # Heavy weapons and small arms fired at positions with no fight told: ACLED codes the
        # exchange of small-arms fire and the shelling as two events.
        shelling = _with_state_adjectives(
            Coded(
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
                "ASSAULT",
                weapon,
                agent,
                patient,
                default_actor1="military",
            ),
            clause,
        )
        return [fight, shelling]
    if weapon is not None:
        sub = _WEAPON_SUB[weapon.cls]
        default = "military" if weapon.cls in {"air", "shelling", "chemical"} else "rebel"
        coded = Coded(
            "Explosions/Remote violence",
            sub,
            "ASSAULT",
            weapon,
            agent,
            patient,
            default_actor1=default,
        )
        return _with_state_adjectives(coded, clause)
    victims_armed = patient is not None and patient.armed
    if main.cls == "abduct":
        return Coded(
            "Violence against civilians",
            "Abduction/forced disappearance",
            "ASSAULT",
            main,
            agent,
            patient,
            default_actor1="rebel",
        )
    if main.cls == "sexual":
        return Coded(
            "Violence against civilians",
            "Sexual violence",
            "ASSAULT",
            main,
            agent,
            patient,
            default_actor1="rebel",
        )
    firearms = bool(_FIREARMS.search(clause.text))
    if (
        agent is not None
        and agent.kind == "civilian"
        and _ANYONE.fullmatch(agent.text.lower())
        and firearms
    ):
        # "shot dead by three men": unnamed gunmen, not a crowd; "beaten by people" stays a mob.
        agent = replace(agent, kind="rebel", inter=3)
    if agent is not None and agent.kind in {"civilian", "rioter", "protester"}:
        # Unarmed people who attack, whoever their victims: a mob.
        return Coded(
            "Riots", "Mob violence", "ASSAULT", main, agent, patient, default_actor1="rioter"
        )
    two_sides = len({(a.name or a.kind, a.country) for a in actors if a.armed}) >= 2
    unarmed = [a for a in actors if a.kind in {"civilian", "rioter", "protester"}]
    # Communities that fight with guns, or kill, fight as militias: an armed clash.
    armed_fight = (
        firearms or bool(_COMMUNAL.search(clause.text)) or bool(_DEADLY.search(clause.text))
    )
    if (
        main.cls == "clash"
        and unarmed
        and not two_sides
        and not armed_fight
        and not (agent is not None and agent.armed and agent.kind != "police")
    ):
        # A fight in which one side is unarmed people (villagers, party supporters, rival groups).
        other = next((a for a in actors if a is not unarmed[0]), None)
        return Coded(
            "Riots", "Mob violence", "ASSAULT", main, unarmed[0], other, default_actor1="rioter"
        )
    if main.cls == "clash":
        mutual = re.search(r"\bexchange|\bbetween\b|\bencounter", clause.text, re.I)
        civilian_victims = patient is not None and patient.kind == "civilian"
        if civilian_victims and agent is not None and agent.armed and not (mutual or two_sides):
            return Coded("Violence against civilians", "Attack", "ASSAULT", main, agent, patient)
        return Coded(
            "Battles", "Armed clash", "ASSAULT", main, agent, patient, default_actor1="rebel"
        )
    after = clause.text[main.end - clause.start : main.end - clause.start + 60]
    civilian_target = bool(_CIVILIAN_TARGET.search(after))
    lead_in = clause.text[max(0, main.start - clause.start - 30) : main.start - clause.start]
    military_target = bool(_MILITARY_TARGET.search(after) or _OFFENSIVE.search(lead_in))
    if victims_armed or (
        agent is not None
        and agent.armed
        and patient is None
        and not civilian_target
        and (main.cls == "clash" or military_target)
    ):
        return Coded(
            "Battles", "Armed clash", "ASSAULT", main, agent, patient, default_actor1="rebel"
        )
    return Coded(
        "Violence against civilians",
        "Attack",
        "ASSAULT",
        main,
        agent,
        patient,
        default_actor1="rebel",
    )


def _with_state_adjectives(coded: Coded, clause: Clause) -> Coded:
    """ "Syrian and Russian airstrikes", "airstrikes alongside Russia's": the states behind a strike."""
    if coded.actor1 is not None and coded.actor1.armed:
        return coded
    rel = coded.trigger.start - clause.start
    window = clause.text[max(0, rel - 40) : rel]
    after = clause.text[coded.trigger.end - clause.start : coded.trigger.end - clause.start + 40]
    table = demonyms()
    names = [w for w in re.findall(r"[A-Z][a-z]+(?:'s)?", window) if w.removesuffix("'s") in table]
    allies = [
        w
        for w in re.findall(r"(?:alongside|with|and)\s+([A-Z][a-z]+)(?:'s)?", after)
        if w.removesuffix("'s") in table
    ]
    countries = [table[w.removesuffix("'s")] for w in names + allies]
    if not countries:
        return coded
    first = ActorMention(
        coded.trigger.start,
        coded.trigger.end,
        coded.trigger.text,
        "military",
        None,
        1,
        countries[0],
    )
    assoc = None
    if len(countries) > 1 and countries[1] != countries[0]:
        assoc = canonical(ActorMention(0, 0, "", "military", None, 1, countries[1]), None, None)[0]
        assoc = re.sub(r" \([^)]*\)$", "", assoc)
    return replace(coded, actor1=first, assoc1=assoc)


def _code_strategic(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention], classes: set[str]
) -> Coded | None:
    t = _first(triggers, _STRATEGIC_SUB)
    if t is None:
        return None
    if t.cls in {"loot"} and classes & {"air", "shelling", "ied", "clash", "kill", "attack"}:
        return None  # destruction in the course of an attack belongs to the attack
    if t.cls == "arrest" and "protest" in classes:
        return None
    agent, patient = _split_roles(t, actors, clause)
    sub = _STRATEGIC_SUB[t.cls]
    plover = "MOBILIZE" if t.cls == "mobilize" else lexicon.plover_of(sub)
    default = "police" if t.cls == "arrest" else None
    return Coded("Strategic developments", sub, plover, t, agent, patient, default_actor1=default)
