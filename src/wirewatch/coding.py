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
    r"\b(?:towns?|city|cities|villages?|areas?|territory|territories|districts?|provinces?|"
    r"regions?|bases?|airports?|crossings?|hills?|positions?|neighbou?rhoods?|countryside|"
    r"outskirts|control|checkpoints?|posts?|sites?|locations?|strongholds?|front(?:line)?s?)\b",
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
    "note_label": "Other",  # the sub-type its label names (`lexicon.note_labels`)
    "disrupt": "Disrupted weapons use",
    "arrest": "Arrests",
    "loot": "Looting/property destruction",
    "agreement": "Agreement",
    "base": "Headquarters or base established",
    "transfer": "Non-violent transfer of territory",
    "group_change": "Change to group/activity",
    # Crossings, deployments, defensive lines and mobilisations: "Other", as the seed story's
    # coder has them. Reinforcements, fortifications and curfews are ACLED's "Change to
    # group/activity" (`_CHANGE_OF_POSTURE`), as are notes labelled "Movement of forces:".
    "mobilize": "Other",
    # People displaced, evacuated or returned (ACLED's "Displacement" and returns are "Other").
    "displacement": "Other",
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
    r"\b(?:mobs?|lynch\w*|vigilantes?|mob justice|angry (?:residents|villagers|youths|crowd))\b",
    re.I,
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
    r"troops|soldiers|forces|units?|front(?:line)?s?|military|army|police stations?|"
    r"(?:military|army|police|KDF|AP|GSU|[A-Z]{2,5}) camps?)\b(?!-)",
    re.I,
)
# An attack told as an offensive ("a two-pronged attack", "a counter-attack") is a fight.
_OFFENSIVE = re.compile(
    r"\b(?:two-pronged|multi-pronged|large-scale|counter|offensive|surprise)\W*$", re.I
)
# What makes rioting a (violent) demonstration rather than a mob: a demand, a blockade, a riot.
_DEMONSTRATING = re.compile(
    r"\b(?:demonstrat\w*|(?<!anti-)riot(?:ed|ers|ing|s)?(?![- ]police)|demand\w*|denounc\w*|barricad\w*|burn\w* (?:\w+ )?(?:tyres|tires)|"
    r"block\w* (?:the |a |several )?(?:roads?|streets?|highway|entrance)|in protest|protest\w*|unrest|"
    r"placards|banners|dispers\w*|(?:post-?election|electoral|election-related|election) violence)\b",
    re.I,
)
# Election violence named beside a killing or a fight is its backdrop ("hacked to death during the
# post-election violence"); told alone ("three days of post-election violence") it is the riot.
_UNREST = re.compile(r"(?:post-?election|electoral|election-related|election) violence", re.I)
# Small arms make a fight of heavy-weapons fire; heavy machine guns, grenade launchers and IFVs
# fired at positions are, for ACLED, shelling (its Ukraine and Syria coding counts them so).
_LIGHT_ARMS = re.compile(
    r"\b(?:small arms|light weapons|automatic weapons|sniper|rifles?|gunfire|gun fire)\b", re.I
)
# Clash words that only describe fire ("fired ... at the positions", "bursts of fire", "shots"):
# beside heavy weapons they tell the shelling, not a fight.
_FIRE_ONLY = re.compile(r"(?:fired|bursts?|shots|small|machine|grenade|sniper|gun ?fire)\b", re.I)
_ANYONE = re.compile(r"(?:[\w-]+\s+){0,2}(?:m[ae]n|people|persons?|individuals?)")
_FIREARMS = re.compile(
    r"\b(?:exchanges? of fire|exchanged fire|firefights?|gun ?battles?|shoot-?outs?|shot|shoot\w*|guns?|gunfire|gunm[ae]n|firearms?|rifles?|pistols?|bullets?|opened fire|"
    r"AK-?47s?|fired|gunned|gunshots?|heavily armed|armed with|armed (?:fist ?)?fights?|armed (?:clash|confrontation)\w*|"
    r"armed (?:\w+ )?(?:youths?|m[ae]n|individuals|groups?|persons|people|gangs?|militias?|pastoralists|"
    r"herders|farmers|families|clans?|tribes(?:m[ae]n)?|residents|villagers|locals))\b",
    re.I,
)
_COMMUNAL = re.compile(
    r"\b(?:(?:sub-?)?clans?|inter-clan|clan-based|ethnic|communal|tribal|tribes|communities|"
    r"militias?)\b",
    re.I,
)
_DEADLY = re.compile(r"\b(?:killed|dead|died|deaths?|fatalit(?:y|ies))\b", re.I)
# Weapons of armed assailants rather than of a crowd.
_BLADES = re.compile(
    r"\b(?:machetes?|knife|knives|pangas?|swords?|axes?|spears?|(?:poisoned )?arrows|daggers?|"
    r"crude weapons|sharp weapons?|hacked|stabb\w*)\b",
    re.I,
)
# What a crowd fights with, and what it punishes: a mob.
_CRUDE = re.compile(
    r"\b(?:sticks|stones?|stoned|bricks?|brickbats|rods|clubs|fists?|stoning|thie(?:f|ves)|"
    r"witch\w*|suspected of|accused of|mob justice|set \w+ alight)\b",
    re.I,
)
_CROWD = re.compile(
    r"\b(?:crowds?|mobs?|locals|residents|villagers|supporters|voters|students|youths?|"
    r"community|communities|traders|fans)\b",
    re.I,
)
# A community's men who raid as its militia.
_COMMUNITY_MEN = re.compile(
    r"\b(?:farmers|herders|herdsm[ae]n|pastoralists|tribesm[ae]n|clansm[ae]n|raiders)\b", re.I
)
# Bare-handed violence: an assault or a beating.
_BEATING = re.compile(r"(?:assault|beat)", re.I)
# Words before a demonstration that make it the victims' doing or a past cause.
_PROTEST_CONTEXT = re.compile(
    r"(?:\b(?:for|over|of|after|suspicion of)\s+(?:\w+\s+)?(?:participat\w*|involve\w*|join\w*|"
    r"taking part|attend\w*)|\bin response to|\bprior|\bprevious|\bearlier)\W+(?:[\w'-]+\W+){0,5}$",
    re.I,
)
_BACKDROP = re.compile(
    r"\b(?:following|after|amid|amidst|since|ahead of|in the wake of|prior|previous|earlier|"
    r"participat\w*|involve\w*|join\w*|suspicion)\W+(?:[\w'-]+\W+){0,5}$",
    re.I,
)
_VENUE = re.compile(
    r"\b(?:during|at|in|on (?:the|their|its) way to)\s+(?:a|an|the|their|its|his|her|[\w-]+'s)?\s*"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
_PROTEST_TARGET = re.compile(
    r"\W+(?:[\w'-]+\W+){0,3}(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march\w*|procession|"
    r"sit-in|human chain|gathering|crowd)",
    re.I,
)
# What a demonstration asks for, told after its noun: "a rally calling for the release of".
_DEMANDS = re.compile(
    r"\b(?:calling for|call(?:ed)? for|demand\w*|against|protest\w*|denounc\w*|condemn\w*)\b", re.I
)
# Words between a demonstration and an act of violence that make the act its cause.
_CAUSE = re.compile(
    r"\b(?:against|over|demand\w*|condemn\w*|denounc\w*|decry\w*|deplor\w*|mourn\w*|"
    r"protest\w*|following|after|failure to|failing to|"
    r"for|about|regarding|reject\w*|claiming|justice|arrest of|prior|previous)\b",
    re.I,
)
# Words before a violent act told ahead of the protest that make it the protest's past or its
# grievance: "who claim their children have been kidnapped", "since the prison riot", "traders
# whose shops were last week demolished".
_PROTEST_PAST = re.compile(
    r"(?:\b(?:claim\w*|sa(?:y|ys|id)|alleg\w*)\b[^,;]*|\b(?:have|has|had) been\s+|"
    r"\b(?:whose|who|which)\b[^,;]*\b(?:was|were)\s+(?:[\w-]+\s+){0,2}|"
    r"\bsince\s+(?:the\s+|a\s+|their\s+)?(?:[\w-]+\s+)?)$",
    re.I,
)
_PARTISAN = re.compile(
    r"\b(?:supporters|partisans|political|part(?:y|ies)|students|lawmakers|councillors|MCAs|"
    r"operators|fans|refugees|(?:two|rival) groups|groups of|factions of|vigilantes?)\b",
    re.I,
)
# Trades that bear arms, named as victims.
_ARMED_VICTIM = re.compile(
    r"\b(?:security personnel|(?:security )?guards?|police(?:wo)?m[ae]n|police(?: officers?)?|officers?|"
    r"soldiers?|troops|servicem[ae]n|Arbakis?|militiam[ae]n|militants?|fighters?|rebels?|"
    r"insurgents?|bandits?|raiders?|rustlers?|robbers?|gangsters?|(?:suspected )?\w+ members|"
    r"suspects?|attackers?|gunmen|reservists?|rangers?|askaris?|combatants?)\b",
    re.I,
)
# A community's men named as fighters, not as herders or youths.
_FIGHTERS = re.compile(r"\b(?:militia\w*|fighters|warriors|raiders|gunm[ae]n|bandits)\b", re.I)
# Victims who bear no arms whatever their trade: an attack on them is violence against civilians.
_UNARMED_STATUS = re.compile(
    r"\b(?:off-duty|off duty|former (?:(?:military|army|police|security|militia|rebel) )?"
    r"(?:soldier|police\w*|officer|fighter|member|commander)s?|unarmed|retired)\b"
    # an officer attacked in his own home is off duty there (ACLED codes him as a civilian)
    r"|\b(?:at|outside|in front of) (?:his|her) (?:own )?(?:home|house|residence)\b",
    re.I,
)
_JURISDICTION = re.compile(r"\s+(?:station\s+)?(?:area|limits|jurisdiction)\b", re.I)
# A suspect a crowd punishes, named after the act.
_MOB_JUSTICE = re.compile(
    r"\b(?:suspected|presumed|alleged|accused)\s+(?:[\w-]+\s+){0,2}(?:thie(?:f|ves)|robbers?|"
    r"burglars?|witch\w*|kidnappers?|rapists?|criminals?)\b|\bmob justice\b|\bfor violating\b|"
    r"\b(?:suspected|accused)\s+of\s+(?:[\w-]+\s+){0,2}(?:theft|stealing|robbery|burglary|"
    r"witchcraft|sorcery|kidnapping|rape)\b",
    re.I,
)
# A person taken, not a place: "captured a presumed thief", "seized two men".
_CAPTIVE = re.compile(
    r"\s+(?:and\s+\w+ed\s+)?(?:an?|the|two|three|four|five|several|\d+)?\s*(?:[\w-]+\s+){0,2}"
    r"(?:thie(?:f|ves)|suspects?|m[ae]n|wom[ae]n|people|persons?|boys?|girls?|child(?:ren)?|"
    r"civilians|farmers?|herders?|traders?|drivers?|journalists?|students?|individuals?|"
    r"adolescents?|teenagers?|brothers?|employees?|workers?)\b",
    re.I,
)
# A building stormed, not ground taken: "stormed a civilian house", "stormed the exchange company".
_STORMED_BUILDING = re.compile(
    r"\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w'-]+\s+){0,4}?(?:house|home|office|"
    r"company|shop|store|hospital|school|hotel|bank|residence|compound|building|premises)s?\b",
    re.I,
)
_ACTS = frozenset({"attack", "kill", "clash", "abduct", "sexual"})
# Goods, not a place or a person, taken: "seized in the highway 1 ton of marijuana".
_GOODS = re.compile(
    r"\s+(?:[\w()-]+\s+){0,10}?(?:marijuana|cocaine|heroin|drugs|narcotics|methamphetamine|"
    r"cannabis|contraband|weapons|arms|explosives|ammunition|munitions|rifles|guns|firearms|"
    r"pistols|grenades)\b",
    re.I,
)
_PLANTED = re.compile(r"-(?:planted|laid|placed|made)\b", re.I)
# "is" only in lower case: "IS attacked" names the Islamic State acting, not a passive.
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|got|(?-i:is)|are)\s+(?:\w+ly\s+)?(?:\w+ed|shot|hit|slain|beaten|taken|found|burnt|hanged|hung|struck)\b",
    re.I,
)


# "by feuding youth", "by unidentified motorcycle-riding assailants" name who acted; "by attacking
# local villagers" tells how.
_BY_AGENT = re.compile(
    r"(?<![-\w])by\s+(?:(?!(?:attack|kill|shoot|fir|target|burn|loot|abduct|beat|raid|storm|"
    r"assault|stabb|hack|club|ston|whipp|flogg|tortur|harass|chas|threaten|sett|throw|pelt|"
    r"hurl|lynch|behead|execut|bomb|shell|invad|seiz|captur|detain|arrest|destroy|vandali[sz]|"
    r"torch|injur|wound|hitt|open|us)\w*ing\b)"
    r"[\w-]+\s+){0,3}$"
    # "in an attack from suspected Maasai militia": who the attack came from acted.
    r"|\b(?:attacks?|raids?|ambush(?:es)?|assaults?)\s+from\s+(?:[\w-]+\s+){0,2}$"
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


_DISPERSED = re.compile(r"\bdispers(?:e|ed|es|ing)\b", re.I)
# ACLED counts off-duty or retired forces as civilians: the "who" clause that says so belongs to
# the attack on them.
_OFF_DUTY = re.compile(
    r"who\s+(?:was|were)\s+(?:\w+\s+)?(?:off-duty|off duty|retired|unarmed|not on duty)\b", re.I
)


def clauses(text: str, start: int, s_idx: int, para: int) -> Iterator[Clause]:
    """A parenthesis is an aside ("4 people (including 1 journalist who was reporting) were
    killed"): a "who" or ";" inside it does not end the clause around it. The people the police
    disperse are told in the "who" clause after ("dispersed 180 laborers, who demanded to go
    home"): that clause is the same event."""
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
            continue
        if re.match(r",?\s*who", m.group(0) + text[m.end() :], re.I) and _DISPERSED.search(
            text, pos, m.start()
        ):
            continue
        if _OFF_DUTY.match(text, m.end()):
            continue  # "an officer who was off-duty": the victim's status, said of the clause
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
            if _BY_AGENT.search(clause.text[: a.start - clause.start])
            and (passive or a.start - trigger.end < 40)
        ),
        None,
    )
    tail = clause.text[trigger.end - clause.start : trigger.end - clause.start + 12]
    passive = passive or bool(re.match(r"\s+by\b", tail))
    if not passive and by_agent is None and _headline_passive(trigger, before, clause):
        # "Journalist attacked for taking photos", "3 civilians killed ... by Somali raiders":
        # a headline drops the "was"; the people named first are the victims.
        passive = True
        by_agent = next(
            (a for a in after if _BY_AGENT.search(clause.text[: a.start - clause.start])),
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
    gap = clause.text[trigger.end - clause.start : after[0].start - clause.start] if after else ""
    if agent is None and len(after) >= 2 and len(gap) < 40 and re.search(r"\bbetween\b", gap):
        # "clashes between Borana and Gabra communities": the side named first is actor 1.
        agent, patient = after[0], after[1]
    if (
        agent is None
        and after
        and re.fullmatch(r"\s*(?:when|as|after)\s+(?:the\s+|suspected\s+)?", gap, re.I)
    ):
        # "Six killed when Pokot warriors attack a village": the subject of the when-clause acts.
        if patient is after[0]:
            patient = next((a for a in after[1:] if not a.armed), None)
        agent = after[0]
    if trigger.cls == "clash" and agent is None and before and before[-1].armed and after:
        # "4 Taliban militants were killed in clashes with Afghan forces": in a fight the side
        # named first is actor 1, though the sentence makes it the side that died.
        agent, patient = before[-1], after[0]
    planter = next((a for a in actors if _PLANTED.match(clause.text, a.end - clause.start)), None)
    if planter is not None and planter is not agent:
        # "killed by a Taliban-planted landmine": who laid the device acts.
        agent, patient = planter, agent if agent is not None else patient
    relative = re.match(r"\s*(?:who|which)\b", clause.text, re.I) and clause.antecedent
    if relative and (agent is None or (not passive and agent.kind == "civilian")):
        # "Somali militants, who ... posing as herders, gunned down a man": the antecedent acts.
        agent = clause.antecedent
    return agent, patient


_PARTICIPLE_TAIL = re.compile(
    r"\s*(?:$|[,.;:(-]|(?:in|at|on|near|for|by|during|after|while|when|as|over|with|from|"
    r"inside|outside|early|late|last|yesterday|overnight)\b)",
    re.I,
)


def _headline_passive(trigger: Trigger, before: list[ActorMention], clause: Clause) -> bool:
    """A past participle straight after the people it befell, with no object ("Journalist
    attacked for", "2 officers killed in"), and nothing before them that could be their verb."""
    if not before:
        return False
    victim = before[-1]
    if (
        len(before) > 1
        and victim.name is None
        and _COLLECTIVE.fullmatch(victim.text)
        and before[-2].armed
        and not clause.text[before[-2].end - clause.start : victim.start - clause.start].strip()
    ):
        victim = before[-2]  # "Suspected Mungiki members killed": the group's men
    lead = clause.text[max(0, victim.start - clause.start - 12) : victim.start - clause.start]
    counted = re.search(r"(?:\b\d+|\bsuspected|\balleged)\s+$", lead, re.I)
    if not counted and (
        victim.name is not None or victim.kind not in {"civilian", "police", "military"}
    ):
        # "gunmen shot at", "assailants attacked, looted": attackers named first; "5 SLDF
        # members shot dead", "Suspected Mungiki members killed": a count names the dead.
        return False
    if trigger.cls not in {"attack", "kill", "abduct", "sexual"}:
        return False  # "forces clashed with": a fight's verb takes no victim
    verb = trigger.text.split()[0].lower()
    if not (verb.endswith("ed") or verb in {"shot", "hit", "beaten", "slain", "burnt", "stabbed"}):
        return False
    gap = clause.text[before[-1].end - clause.start : trigger.start - clause.start].strip()
    if gap and not (counted and re.fullmatch(r"(?:members?|fighters|militants|men)", gap, re.I)):
        return False
    lead = clause.text[: victim.start - clause.start].split(",")[-1]
    lead = re.sub(r"\b(?:suspected|alleged)\s+$", "", lead, flags=re.I)
    if re.search(r"\w(?:ed|ing)\b", lead):
        return False
    # The verb's own words ("shot dead", "hacked to death"), not an object the trigger took in
    # ("hit several women").
    whole = re.fullmatch(r"\w+ (?:dead|down|to death|alive)", trigger.text, re.I)
    end = trigger.end if whole else trigger.start + len(verb)
    tail = _PARTICIPLE_TAIL.match(clause.text, end - clause.start)
    return tail is not None and not (verb == "shot" and tail.group(0).strip().lower() == "at")


def code_clause(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention]
) -> Iterator[Coded]:
    """The events of one clause, at most one a family, each with its actors in ACLED's roles."""
    # "in Kotwali police area", "under Sadar police station limits": South Asian notes name a
    # place by its police station; that is no actor.
    actors = [a for a in actors if not _JURISDICTION.match(clause.text, a.end - clause.start)]
    actors = [a for a in actors if not _part_of_armed(a, actors, clause)]
    for coded in _code_clause(clause, triggers, actors):
        yield _demonstrators(coded)


_COLLECTIVE = re.compile(r"(?:members?|groups?|elements|factions?|units?|cadres|fighters)", re.I)
_PEOPLE = re.compile(r"\b(?:communit(?:y|ies)|tribes?|clans?|people|villagers|families)\b", re.I)
_OF = re.compile(r"\s+of\s+(?:the\s+|an?\s+|two\s+|rival\s+|several\s+)?", re.I)


def _part_of_armed(actor: ActorMention, actors: list[ActorMention], clause: Clause) -> bool:
    """ "members of HTS", "two groups of security forces": a bare collective noun whose "of"
    names an armed side is that side, not a group of civilians."""
    if actor.kind != "civilian" or actor.name or not _COLLECTIVE.fullmatch(actor.text):
        return False
    if any(
        a.armed
        and a.name
        and not clause.text[a.end - clause.start : actor.start - clause.start].strip()
        for a in actors
        if a.end <= actor.start
    ):
        return True  # "Mungiki members", "SLDF fighters": the named group's own men
    of = _OF.match(clause.text, actor.end - clause.start)
    if of is None:
        return False
    start = clause.start + of.end()
    # "members of the Fulani community" are the community's people, not its militia.
    return any(a.armed and a.start == start and not _PEOPLE.search(a.text) for a in actors)


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
    label = next((t for t in triggers if t.cls == "note_label"), None)
    if label is not None:
        # A note labelled "Property destruction:" is that development, whatever else it tells.
        # The note's subject acts: its first armed actor, else its first actor.
        agent = next((a for a in actors if a.armed), actors[0] if actors else None)
        patient = next((a for a in actors if a is not agent), None)
        sub = lexicon.note_labels().get(label.text.strip().lower(), "Other")
        default = "police" if sub == "Arrests" else None
        yield Coded(
            "Strategic developments",
            sub,
            lexicon.plover_of(sub),
            label,
            agent,
            patient,
            default_actor1=default,
        )
        return
    triggers = [t for t in triggers if not _protest_as_context(t, clause)]
    triggers = [t for t in triggers if not _others_protest(t, clause, triggers)]
    triggers = [t for t in triggers if not _seized_weapon(t, clause)]
    if any(t.family == "violent" for t in triggers):
        triggers = [t for t in triggers if not (t.cls == "riot" and _UNREST.fullmatch(t.text))]
    if not codable(triggers):
        return
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


# Weapons named as what was found or taken ("recovered two hand grenades", "seized a submachine
# gun, two pistols, grenades", "a cache of arms including 36 grenades") were not used: ACLED codes
# the event by what was done with arms (a fight, a seizure), not by what was carried off.
_SEIZED = re.compile(
    r"\b(?:seiz(?:ed|ing)|recover(?:ed|ing)|confiscat(?:ed|ing)|found|discovered|cache of|"
    r"caches of|possession of|haul of|(?:arms|weapons|ammunition),?\s+including)\s+"
    r"((?:[\w(),.-]+\s+){0,8}?)$",
    re.I,
)
# Words in the gap that start another act: "found that militants had thrown", "recovered the
# bodies of those killed in a grenade attack".
_SEIZED_GAP_ACT = re.compile(
    r"\b(?:after|when|during|in|by|from|that|which|who|as|following|while|killed|injured|"
    r"used|using|threw|thrown|hurled|lobbed|fired|exploded|detonated|planted|bodies|body)\b",
    re.I,
)
_SEIZABLE = frozenset({"grenade", "ied", "shelling", "explosion"})


def _seized_weapon(t: Trigger, clause: Clause) -> bool:
    """Is the weapon trigger the object of a seizure or a find?"""
    if t.cls not in _SEIZABLE:
        return False
    before = clause.text[max(0, t.start - clause.start - 100) : t.start - clause.start]
    seized = _SEIZED.search(before)
    if seized is None:
        return False
    return not _SEIZED_GAP_ACT.search(seized.group(1))


def _demonstrating(text: str) -> bool:
    """Does the clause tell of a demonstration ("rioters burnt tyres demanding ...") rather than
    name one as background ("amid the violence following anti-government demonstrations")?"""
    return any(
        not _BACKDROP.search(text[max(0, m.start() - 60) : m.start()])
        for m in _DEMONSTRATING.finditer(text)
    )


def _protest_as_context(t: Trigger, clause: Clause) -> bool:
    """ "assaulted a student over participation in the demonstration", "in response to prior
    protests": a demonstration named as the victims' doing or the event's cause is not the event."""
    if t.family != "demonstration":
        return False
    before = clause.text[max(0, t.start - clause.start - 60) : t.start - clause.start]
    if _PROTEST_CONTEXT.search(before):
        return True
    # Fights "at a party rally", "during the procession" are between supporters: mob violence;
    # a rally that demands something ("the rally of lawyers calling for the release of") is a
    # demonstration, and violence at it a violent demonstration.
    venue = re.match(r"(?:rall(?:y|ies)|procession|motorcade|meeting)", t.text, re.I)
    after = clause.text[t.end - clause.start : t.end - clause.start + 60]
    return bool(venue and _VENUE.search(before)) and not _DEMANDS.search(after)


# A demonstration named after the violence as someone else's or as its occasion: "vandalized
# the BNP office after demonstrators vandalized", "assaulted BNP members when BNP was staging a
# rally", "for supporting ongoing student demonstrations", "on their way to join a demonstration".
_OTHERS_PROTEST = re.compile(
    r"(?:\bafter\s+(?:the\s+)?|\b(?:for\s+supporting|to\s+disrupt|returning\s+from|"
    r"against\s+the)\s+(?:[\w-]+\s+){0,3}|"
    r"\bon\s+(?:their|the|its|his|her)\s+way\s+to\s+(?:join\s+)?(?:[\w-]+\s+){0,3}|"
    r"\bwhen\s+(?:[\w-]+\s+){1,4}(?:(?:was|were)\s+(?:staging|holding|organi[sz]ing|bringing out|"
    r"taking out)|organi[sz]ed|held|staged)\s+(?:[\w-]+\s+){0,3})$",
    re.I,
)


def _others_protest(t: Trigger, clause: Clause, triggers: list[Trigger]) -> bool:
    """A demonstration told after the violence as its occasion or as another side's doing:
    the violence is the event (ACLED's mob violence between partisans), not a riot of the
    demonstrators."""
    if t.cls != "protest" or not any(
        v.cls in {"riot", "attack", "clash", "kill", "loot"} and v.end <= t.start for v in triggers
    ):
        return False
    before = clause.text[max(0, t.start - clause.start - 70) : t.start - clause.start]
    after = clause.text[t.end - clause.start : t.end - clause.start + 60]
    # "when the students were staging a protest, demanding the eviction of": a demonstration
    # with a demand of its own is the protest that was attacked.
    return bool(_OTHERS_PROTEST.search(before)) and not _DEMANDS.search(after)


def acts_after_grievance(before: str, t: Trigger) -> bool:
    """ "residents demonstrating against the curfew vandalized a police station": a past-tense
    act after the grievance's noun phrase is what the crowd did, not what it protested against
    ("against the destroyed houses", "demanding the arrest of those who burned")."""
    if t.cls in {"intervention", "arrest"}:
        # "denouncing the lack of equipment, security forces intervened": a new subject acts.
        return bool(_AUTHORITIES_ACT.search(before))
    if t.cls not in {"riot", "loot", "clash", "attack"}:
        return False
    if t.cls == "riot" and re.match(r"(?:turn|bec[ao]m|grew|grow)", t.text, re.I):
        return True  # "Protest against the firm turns violent": only a protest turns violent
    verb = t.text.split()[0].lower()
    crowd_act = re.match(_CROWD_ACT, verb)
    by_doing = crowd_act is not None and re.search(r"\bby\s*$", before)
    if (
        verb.endswith("ing")
        and (before.rstrip().endswith(",") or by_doing)
        and _CAUSE.search(before)
    ):
        # "protested against the results, burning tyres", "protest against police violence by
        # setting fire to market stalls": a participle after the comma, or after "by", is what
        # the crowd did while protesting.
        return True
    if (
        t.cls != "clash"
        and not verb.endswith(("ed", "ing", "s"))
        and before.rstrip().endswith(",")
        and _CAUSE.search(before)
    ):
        # "Students, protesting against their principal, burn their dorm": a headline's present
        # tense after the grievance's comma is the crowd's next verb.
        return True
    if verb.endswith("ed") and re.search(r",\s*and\s+$", before):
        # "demonstrated against the outcome of a meeting ..., and attacked the vehicles": a verb
        # joined to the protest's after a comma is the crowd's own.
        return True
    if not verb.endswith("ed"):
        return False
    causes = list(_CAUSE.finditer(before))
    if not causes:
        return False
    gap = before[causes[-1].end() :].split()
    if len(gap) < 2 or gap[-1].lower() in {"the", "a", "an", "of", "its", "their", "his", "her"}:
        return False
    return not any(w.lower() in _AUXILIARIES for w in gap)


# What a crowd does as it protests, told by "by ...ing": "protest ... by setting fire to stalls";
# "demanding a stop to construction by destroying the grounds" names what others did.
_CROWD_ACT = r"(?:sett|burn|block|barricad|ston|pelt|throw|torch|vandali[sz]|loot|attack|storm)ing$"


_AUXILIARIES = frozenset(
    [
        "who",
        "that",
        "which",
        "whose",
        "were",
        "was",
        "been",
        "being",
        "had",
        "have",
        "has",
        "is",
        "are",
        "to",
    ]
)


def _violence_leads(triggers: list[Trigger], actors: list[ActorMention]) -> bool:
    """An armed fight told first ("an encounter with militants ... when forces dispersed
    stone-pelters") is the event; the demonstration is its circumstance."""
    first_violent = min(t.start for t in triggers if t.family == "violent")
    first_demo = min(t.start for t in triggers if t.family == "demonstration")
    fighters = [a for a in actors if a.armed and a.kind not in {"police"}]
    # "workers clashed with police and Ansar forces during their demonstration": the crowd that
    # fights is demonstrating; only a fight an armed side opens leads.
    crowd_first = bool(actors) and actors[0].kind in {"civilian", "protester", "rioter"}
    return first_violent < first_demo and bool(fighters) and not crowd_first


def _code_demonstration(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention], classes: set[str]
) -> Coded | None:
    protesters = next((a for a in actors if a.kind == "protester"), None)
    rioters = next((a for a in actors if a.kind == "rioter"), None)
    police = next((a for a in actors if a.kind in {"police", "military"}), None)
    if "loot" in classes and not classes & {"protest", "riot"} and _demands_after_loot(clause):
        # "residents looted shops and demanded the sale of alcohol": a crowd's looting with a
        # demand is a violent demonstration (ACLED's codebook counts looting by demonstrators).
        loot = _first(triggers, ("loot",))
        assert loot is not None
        triggers = [*triggers, Trigger("riot", loot.start, loot.end, loot.text)]
        classes = classes | {"riot"}
    if "protest" not in classes and "riot" not in classes:
        return None
    t = _first(triggers, ("excessive", "riot", "protest"))
    assert t is not None
    demonstrating = "protest" in classes or _demonstrating(clause.text)
    if "protest" in classes or (demonstrating and not _MOB.search(clause.text)):
        pass  # a demonstration, peaceful or not: decided below
    else:
        agent, _ = _split_roles(t, actors, clause)
        arson = re.match(r"(?:set|torch|burn|vandali|ransack|destroy|smash|broke)", t.text, re.I)
        if (
            arson
            and agent is not None
            and (
                agent.kind in {"police", "military"}
                or (
                    agent.armed
                    and (
                        agent.name is not None
                        or _ORGANISED.search(agent.text)
                        or _FIGHTERS.search(agent.text)
                    )
                )
            )
        ):
            # "police set fire to a village", "militants torched a school": an armed side's
            # arson is its property destruction or attack, never a riot.
            return None
        if (
            arson
            and agent is None
            and rioters is None
            and "kill" in classes
            and not _CROWD.search(clause.text)
        ):
            # "One person was killed, and more houses were torched": a toll and burning told with
            # nobody doing them belong to the fight or raid told before, not to a new mob.
            return None
        if (
            (arson or re.match(r"(?:threw|throw|hurl)", t.text, re.I))
            and rioters is None
            and classes & {"loot", "attack"}
            and not (_CROWD.search(clause.text) or _MOB.search(clause.text))
            and not re.search(
                r"\b(?:group|number|crowd|band)s? of (?!(?:\w+ )?armed)", clause.text, re.I
            )
            and (
                agent is None
                or agent.armed
                or (agent.kind == "civilian" and _ANYONE.fullmatch(agent.text.lower()))
            )
        ):
            # "a vehicle was set on fire", "trucks were set on fire by a group of armed men",
            # "a pair of people threw Molotov cocktails at a store": burning with no crowd told
            # is property destruction (or an attack), not a riot.
            return None
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
    # "set ablaze" kills only when a person burns; beside demonstrators it is their arson.
    rioting, attacked = _who_was_violent(clause, triggers, actors)
    # Lethal force against demonstrators who were not themselves violent is excessive force; a
    # crowd that stoned or burned and was fired on is a violent demonstration (ACLED's codebook).
    if not rioting and ("excessive" in classes or _killed_at_protest(clause, triggers, actors)):
        return Coded(
            "Protests",
            "Excessive force against protesters",
            "PROTEST",
            t,
            protesters,
            police,
            default_actor1="protester",
        )
    if "protest" not in classes or rioting:
        return Coded(
            "Riots", "Violent demonstration", "PROTEST", t, rioters, police, default_actor1="rioter"
        )
    if attacked or _intervened(clause, triggers):
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


_ANIMALS = re.compile(
    r"\s+(?:an?\s+|the\s+|their\s+|\d+\s+|some\s+|several\s+)?(?:\w+\s+)?(?:lambs?|goats?|sheep|"
    r"cows?|cattle|animals?|livestock|chickens?|pigs?|oxen|dogs?|camels?|donkeys?)\b",
    re.I,
)
# The protest is when the killing happened: "shot dead during protests", "as villagers protested".
_DURING = re.compile(
    r"\b(?:during|as|amid|while|when|at|in)\s+(?:the\s+|a\s+|an\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
# What the demonstrators said or protested about: "claimed that she was killed", "accusing a
# leader of beating", "protest a killing", "relatives of the man beaten to death".
_TOLD = re.compile(
    r"\b(?:claim\w*|sa(?:id|ys?)|alleg\w*|accus\w*|blam\w*|sparked|triggered|prompted|caused)\b|"
    r"^\s*(?:the\s+|a\s+|an\s+)?$|"
    r"\b(?:of|for)\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A killing some time before the protest: "two weeks before", "earlier in the week".
_BEFORE = re.compile(r"\b(?:before|earlier|ago|previous|last (?:week|month))\b", re.I)


def _killed_at_protest(clause: Clause, triggers: list[Trigger], actors: list[ActorMention]) -> bool:
    """Someone killed at a demonstration, by the police or by nobody named ("one person was shot
    dead during protests"): not an officer the crowd killed, an armed group's victims, nor the
    killing the crowd protested."""
    protests = [p for p in triggers if p.family == "demonstration"]
    for t in triggers:
        # "set ablaze" kills only when a person burns; beside demonstrators it is their arson.
        if t.cls != "kill" or t.text.lower().startswith("set "):
            continue
        if clause.text[: t.start - clause.start].lower().endswith("anti-"):
            continue  # "International Anti-Torture Day"
        if _ANIMALS.match(clause.text, t.end - clause.start):
            continue  # "slaughtered a lamb outside the office as part of their protest"
        if _BEFORE.search(clause.text[t.end - clause.start : t.end - clause.start + 40]):
            continue
        agent, patient = _split_roles(t, actors, clause)
        opening = max((p.end for p in protests if p.end <= t.start), default=None)
        if opening is not None:
            between = clause.text[opening - clause.start : t.start - clause.start]
            if _CAUSE.search(between) and not acts_after_grievance(between, t):
                continue  # "protest against the killing", "boycott work after ... were killed"
            if _TOLD.search(between):
                continue
        elif patient is None or patient.kind != "protester":
            # Told before the protest, the killing is its backdrop ("the family of a constable
            # who was shot dead held a protest") unless it happened during it, or the
            # demonstrators were its victims ("police beat protesters").
            closing = min((p.start for p in protests if p.start >= t.end), default=None)
            if closing is None or not _DURING.search(
                clause.text[t.end - clause.start : closing - clause.start]
            ):
                continue
        if patient is not None and patient.kind in {"police", "military"}:
            continue
        if agent is not None and agent.kind not in {"police", "military"}:
            continue
        if agent is None and any(a.armed and a.kind not in {"police", "military"} for a in actors):
            continue
        return True
    return False


def _demands_after_loot(clause: Clause) -> bool:
    """Looting by people (not an armed group) who demand something in the same clause."""
    loot = re.search(r"\bloot(?:ed|ing)\b", clause.text, re.I)
    if loot is None or _ORGANISED.search(clause.text[: loot.start()]):
        return False
    return bool(re.search(r"\bdemand(?:ed|ing)\b", clause.text[loot.end() :], re.I))


# Riots named as a past episode, not as something the crowd did.
_PAST_RIOTS = re.compile(r"(?:riots|unrest|violence)$", re.I)
_EARLIER = re.compile(
    r"\b(?:after|following|since|prior|previous|earlier|in the wake of)\W+(?:[\w'-]+\W+){0,5}$",
    re.I,
)


# The violence names who the demonstrators are ("victims of enforced disappearance", "rape
# survivors"): their grievance, told before the protest, not its violence.
_VICTIMS_OF = re.compile(r"\b(?:victims|survivors|families|relatives)\s+of\s+(?:the\s+)?$", re.I)
_VICTIMS = re.compile(r"\s+(?:victims|survivors)\b", re.I)


def _who_was_violent(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention]
) -> tuple[bool, bool]:
    """Was it the demonstrators who were violent (a violent demonstration), or those who attacked
    them (a protest with intervention)? Rioting, clashes and destruction are the crowd's; an
    attack by the police or the army, or an attack on the protest, is done to it."""
    rioting = attacked = False
    protests = [p for p in triggers if p.family == "demonstration"]
    for t in triggers:
        opening = max((p.end for p in protests if p.end <= t.start), default=None)
        between = clause.text[opening - clause.start : t.start - clause.start] if opening else ""
        if _CAUSE.search(between) and not acts_after_grievance(between, t):
            continue  # "protested against the attack", "demanding the arrest of those who burnt"
        if opening is None and _PROTEST_PAST.search(clause.text[: t.start - clause.start]):
            continue  # "families who claim their children have been kidnapped ... held a sit-in"
        if opening is None and (
            _VICTIMS_OF.search(
                clause.text[max(0, t.start - clause.start - 30) : t.start - clause.start]
            )
            or _VICTIMS.match(clause.text, t.end - clause.start)
        ):
            continue  # "relatives of victims of enforced disappearance staged a protest"
        if _PAST_RIOTS.match(t.text) and _EARLIER.search(
            clause.text[max(0, t.start - clause.start - 60) : t.start - clause.start]
        ):
            continue  # "after the intense protests and riots in the prisons the previous week"
        if t.cls in {"riot", "clash", "loot"}:
            rioting = True
        elif t.cls in {"grenade", "explosion"} and _CRUDE_BOMB.search(clause.text):
            # "demonstrators exploded crude bombs"; "threw cocktail bombs at protesters" is an
            # attack on the protest.
            after = clause.text[t.end - clause.start : t.end - clause.start + 50]
            if _PROTEST_TARGET.match(after):
                attacked = True
            else:
                rioting = True
        elif t.cls in {"attack", "abduct"}:
            agent, patient = _split_roles(t, actors, clause)
            after = clause.text[t.end - clause.start : t.end - clause.start + 50]
            if (
                (agent is not None and agent.kind in {"police", "military"})
                or (patient is not None and patient.kind == "protester")
                or _PROTEST_TARGET.match(after)
                or _set_upon_at_protest(t, agent, patient, clause, protests)
            ):
                attacked = True
            else:
                rioting = True
    return rioting, attacked


# The protest named after an attack as when it happened: "during their demonstration", "when the
# students were staging a protest".
_AT_PROTEST = re.compile(r"[,\s]\s*(?:during|when|while)\s+(?:[\w()'-]+\s+){0,5}$", re.I)


_PARTY_PEOPLE = re.compile(
    r"\s+(?:and\s+\w+ed\s+)?(?:the\s+)?(?:[\w()-]+\s+){0,4}?"
    r"(?:members|supporters|activists|leaders|workers)\b",
    re.I,
)


def _set_upon_at_protest(
    t: Trigger,
    agent: ActorMention | None,
    patient: ActorMention | None,
    clause: Clause,
    protests: list[Trigger],
) -> bool:
    """People set upon "during their demonstration" or "when the students were staging a
    protest": the protest was attacked (ACLED's protest with intervention, whoever intervened),
    not violent. "Their" names the victims only when they are many and their attackers not the
    crowd: students who beat a teacher during their protest are rioting."""
    if agent is None or agent.kind in {"protester", "rioter"}:
        return False
    if patient is not None:
        if patient.kind in {"police", "military"} or patient.armed:
            return False
        rel = patient.start - clause.start
        if re.search(r"\bdemonstrating\s+$", clause.text[max(0, rel - 30) : rel], re.I):
            return True  # "assaulted the demonstrating members of BNP"
        end, many = patient.end, bool(re.search(r"(?:s|people)$", patient.text, re.I))
    else:
        # "assaulted and injured BNP members": a party's people the actor list does not name.
        victims = _PARTY_PEOPLE.match(clause.text, t.end - clause.start)
        if victims is None:
            return False
        end, many = clause.start + victims.end(), True
    later = [p for p in protests if p.start >= end]
    if not later:
        return False
    between = clause.text[end - clause.start : later[0].start - clause.start]
    venue = _AT_PROTEST.search(between)
    if venue is None or len(between) > 160:
        return False
    own = venue.group(0)
    if re.search(r"\btheir\b", own, re.I):
        return many
    named = patient is not None and patient.text.lower() in own.lower()
    # "assaulted the members of BNP ..., during BNP's demonstration": the protest is the victims'
    # own when its owner is the group the victims were named by.
    owner = re.search(r"\b([\w-]+)'s\s+(?:[\w-]+\s+)?$", own)
    named_as = clause.text[t.end - clause.start : end - clause.start + venue.start()]
    owned = owner is not None and bool(re.search(rf"\b{re.escape(owner.group(1))}\b", named_as))
    return named or owned or bool(re.search(r"\b(?:the|a|an)\s+(?:[\w-]+\s+)?$", own, re.I))


# Ways to stop a march that use no force by themselves ("Police obstructed the rally").
_HOLD_OFF = re.compile(
    r"(?:obstruct\w*|stopped|halted|blocked|foiled|barred|prevented|intercepted|"
    r"(?:police|officers|forces) (?:stopped|halted|blocked))",
    re.I,
)
# The march went on, or the stop is only the protesters' word.
_WENT_ON = re.compile(
    r"\b(?:following which|after which|but|and then)\b[^.;]*?\b(?:dispersed|held|submitted|"
    r"continued|went ahead|proceeded)\b|\binstead\b|\bclaim(?:ed|s)?\s+that\b",
    re.I,
)
_HEARSAY = re.compile(r"\bclaim(?:ed|s)?\s+that\b", re.I)
_FORCE_USED = re.compile(
    r"\b(?:violen\w*|using force|by force|forcibl\w*|batons?|charg\w*|beat\w*|tear[ -]?gas|"
    r"arrest\w*|detain\w*|ended|broke up|injur\w*)\b",
    re.I,
)


def held_off(triggers: list[Trigger], text: str) -> bool:
    """ "Police obstructed the march, following which protesters held a roadside meeting
    instead", "BNP members claimed that police foiled their demonstration": a march stopped
    without force that went on where it was, or a stop only the organisers allege, leaves the
    protest peaceful (ACLED's intervention suppresses or disperses it)."""
    went_on = _WENT_ON.search(text)
    if went_on is None or _FORCE_USED.search(text):
        return False
    # ("following which the protesters dispersed": they left; nobody dispersed them)
    told = text.lower() if _HEARSAY.search(text) else text[: went_on.start()].lower()
    stops = [
        t
        for t in triggers
        if t.cls in {"intervention", "arrest", "excessive"} and t.text.lower() in told
    ]
    return bool(stops) and all(_HOLD_OFF.fullmatch(t.text) for t in stops)


_AUTHORITIES = re.compile(
    r"\b(?:police\w*|forces|officers|troops|soldiers|army|gendarm\w*|authorities)\b", re.I
)


def _intervened(clause: Clause, triggers: list[Trigger]) -> bool:
    """Did the authorities step in? Not when the arrest is what the crowd protested ("following
    the arrest of their leader", "demanding bail of players who were arrested")."""
    if held_off(triggers, clause.text):
        return False
    for t in triggers:
        if t.cls not in {"intervention", "arrest"}:
            continue
        opening = max(
            (p.end for p in triggers if p.cls == "protest" and p.end <= t.start), default=0
        )
        start = max(opening, clause.start)
        before = clause.text[start - clause.start : t.start - clause.start]
        after = clause.text[t.end - clause.start : t.end - clause.start + 40]
        if not opening and _PROTEST_TARGET.match(after):
            return True  # "after police broke up a weekly demonstration": done to the protest
        if re.search(r"\b(?:the|of|an?|their|his|her|its)\s+$", before, re.I):
            continue  # "the arrested president", "relatives of detained members": a grievance
        if (
            opening
            and re.fullmatch(r"\s*,?\s*and\s+", before)
            and _HOLD_OFF.fullmatch(t.text)
            and not _AUTHORITIES.search(clause.text, 0, opening - clause.start)
        ):
            continue  # "staged a protest and obstructed government vehicles": the crowd's own act
        if not _CAUSE.search(before) or _AUTHORITIES_ACT.search(before):
            return True
    return False


# After the grievance, a new subject or the crowd's own next verb: "denouncing the lack of
# equipment, security forces intervened", "demanding to go home and were dispersed by police".
_AUTHORITIES_ACT = re.compile(
    r"(?:,\s*(?:and\s+|but\s+|then\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:police|security forces|"
    r"officers|soldiers|troops|authorities|gendarmes|army)\s*|\band\s+(?:were|was)\s+(?:\w+\s+)?)$",
    re.I,
)


def _code_violence(
    clause: Clause, triggers: list[Trigger], actors: list[ActorMention], classes: set[str]
) -> Coded | list[Coded] | None:
    weapon = _first(triggers, _WEAPON_ORDER)
    capture = _first(triggers, ("recapture", "capture"))
    # Abduction, rape and fighting name the event; of attacks and killings the first told does
    # ("soldiers killed eight members of a group ... intending to carry out attacks").
    acts = [t for t in triggers if t.cls in {"attack", "kill"}]
    main = (
        weapon
        or capture
        or _first(triggers, ("abduct", "sexual", "clash"))
        or min(acts, key=lambda t: t.start)
    )
    assert main is not None
    agent, patient = _split_roles(main, actors, clause)
    if capture is not None and weapon is None:
        after = clause.text[capture.end - clause.start :]
        goods = _GOODS.match(after)
        if goods and main is capture and not _TERRITORY.search(goods.group(0)):
            # "police seized a ton of marijuana", "seized 800 munitions": a seizure of goods is
            # the development its own trigger codes (looting, disrupted weapons use), no fight;
            # beside a killing ("killed an officer as he was seizing weapons") the killing leads.
            rest = [t for t in triggers if t is not capture and t.cls in _ACTS]
            if not rest:
                return None
            return _code_violence(clause, rest, actors, classes - {"capture", "recapture"})
        if (
            capture.text.lower().startswith("storm")
            and not classes & {"kill", "attack", "clash"}
            and agent is not None
            and agent.kind in {"civilian", "protester", "rioter"}
        ):
            # "youths stormed the polling station", "residents stormed a police station": a
            # crowd breaking in riots; it takes no territory.
            sub = "Violent demonstration" if _demonstrating(clause.text) else "Mob violence"
            plover = "PROTEST" if sub == "Violent demonstration" else "ASSAULT"
            return Coded("Riots", sub, plover, capture, None, patient, default_actor1="rioter")
        building = capture.text.lower().startswith("storm") and _STORMED_BUILDING.match(
            after[: after.find(",") if "," in after else len(after)]
        )
        if (
            _CAPTIVE.match(after)
            or building
            or not (_TERRITORY.search(after[:80]) or re.match(r"\s+(?:the\s+)?[A-Z]", after))
        ):
            # "captured a presumed cotton thief in the area of": a person; "stormed a house,
            # kidnapping five brothers": a building. The act done there is the event.
            rest = [t for t in triggers if t is not capture and t.cls in _ACTS]
            if rest:
                return _code_violence(clause, rest, actors, classes - {"capture", "recapture"})
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
    # "attacked LNA positions with heavy artillery fire": the attack is the shelling.
    by_weapon = weapon is not None and bool(
        re.search(
            r"\bwith\s+(?:[\w-]+\s+){0,3}$",
            clause.text[max(0, weapon.start - clause.start - 40) : weapon.start - clause.start],
            re.I,
        )
    )
    told_as_fight = any(
        t.cls == "clash"
        and not _FIRE_ONLY.match(t.text)
        and not (by_weapon and t.text.lower().startswith("attack"))
        for t in triggers
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
    raid = _RAID_KILLING.search(clause.text)
    if raid is not None and main.cls == "kill" and "clash" not in classes:
        # "two drug suspects were killed during a police raid": with no fight told, the dead of a
        # raid are the police's victims (ACLED's attack), whatever they were suspected of.
        police = next(
            (a for a in actors if a.kind == "police" and a.start >= clause.start + raid.start()),
            None,
        )
        if police is not None:
            victim = patient if patient is not None and patient is not police else None
            if victim is not None and victim.kind != "civilian" and victim.name is None:
                victim = replace(victim, kind="civilian", inter=7)
            return Coded("Violence against civilians", "Attack", "ASSAULT", main, police, victim)
    # Herders or villagers named by their community are its people when they are the victims.
    victims_armed = (
        patient is not None
        and patient.armed
        and not (
            patient.kind == "militia"
            and (_COMMUNITY_MEN.search(patient.text) or _PEOPLE.search(patient.text))
            and not _FIGHTERS.search(patient.text)
        )
    )
    others = [t for t in triggers if t.cls in {"clash", "attack", "kill"}]
    if main.cls == "abduct" and others:
        # Soldiers killed and one taken hostage in an attack on a base: the fight is the event.
        rest = [t for t in triggers if t.cls != "abduct"]
        battle = _code_violence(clause, rest, actors, classes)
        if isinstance(battle, Coded) and battle.event_type == "Battles":
            return battle
        if isinstance(battle, Coded) and any(t.cls == "kill" for t in rest):
            # "kidnapped and killed": ACLED codes an abduction that ends in death as the attack.
            return battle
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
    if (
        main.cls in {"attack", "kill"}
        and (agent is None or (agent.kind == "civilian" and agent.name is None))
        and not firearms
        and (
            _MOB_JUSTICE.search(clause.text, main.end - clause.start)
            or re.search(
                r"\bby\s+(?:an?\s+|the\s+)?(?:angry\s+)?(?:mobs?|vigilantes?)\b", clause.text, re.I
            )
        )
    ):
        # "a group beat to death a suspected thief": people punishing a suspect are a mob.
        victim = patient if patient is not None and not patient.armed else None
        return Coded(
            "Riots", "Mob violence", "ASSAULT", main, None, victim, default_actor1="rioter"
        )
    if _crowd_on_officers(main, agent, patient, clause, firearms):
        # "a group of sellers attacked a policewoman", "smugglers assaulted two customs officers":
        # unarmed people who set upon the state's agents riot (ACLED's mob violence takes in
        # rioters against armed actors); a fight needs two armed, organised sides.
        return Coded(
            "Riots", "Mob violence", "ASSAULT", main, None, patient, default_actor1="rioter"
        )
    if _property_only(main, agent, patient, clause, classes):
        # "militants attacked and burned a school", "Molotov cocktails thrown at a store", no one
        # hurt: ACLED's property destruction, not an attack on people.
        return Coded(
            "Strategic developments",
            "Looting/property destruction",
            lexicon.plover_of("Looting/property destruction"),
            main,
            agent,
            None,
            default_actor1="rebel",
        )
    two_sides = len({(a.name or a.kind, a.country) for a in actors if a.armed}) >= 2
    unarmed = [a for a in actors if a.kind in {"civilian", "rioter", "protester"}]
    # Communities that fight with guns, or kill, fight as militias: an armed clash.
    # Party supporters, students or rival groups who fight with sticks and stones riot, even when
    # someone dies.
    partisan = bool(_PARTISAN.search(clause.text) or _CRUDE.search(clause.text))
    # Farmers and herders who clash fight as their communities' militias (ACLED's communal
    # militias), as do clans and ethnic groups.
    communal = _COMMUNAL.search(clause.text) or _COMMUNITY_MEN.search(clause.text)
    armed_fight = firearms or (
        not partisan and (bool(communal) or bool(_DEADLY.search(clause.text)))
    )
    if agent is not None and agent.kind in {"civilian", "rioter", "protester"}:
        if (
            main.cls == "clash"
            and agent.kind == "civilian"
            and armed_fight
            and not _MOB.search(clause.text)
        ):
            # "Kikuyu and Luo communities clash, one dead": communities fighting as militias.
            return Coded(
                "Battles", "Armed clash", "ASSAULT", main, agent, patient, default_actor1="rebel"
            )
        if (
            main.cls != "clash"
            and agent.kind == "civilian"
            and _armed_assailants(agent, clause, main)
        ):
            # "unknown individuals with machetes killed a woman": armed assailants, not a crowd.
            agent = replace(agent, kind="rebel", inter=3)
        else:
            # Unarmed people who attack, whoever their victims: a mob.
            return Coded(
                "Riots", "Mob violence", "ASSAULT", main, agent, patient, default_actor1="rioter"
            )
    # "clashes between two factions of pro-Houthi forces, killing three civilians": the people a
    # fight kills are its victims, not an unarmed side of it.
    sides = [
        a
        for a in unarmed
        if not any(t.cls == "kill" and t.end <= a.start < t.end + 30 for t in triggers)
    ]
    if (
        main.cls == "clash"
        and sides
        and not two_sides
        and not armed_fight
        and not (agent is not None and agent.armed and agent.kind != "police")
    ):
        # A fight in which one side is unarmed people (villagers, party supporters, rival groups).
        other = next((a for a in actors if a is not sides[0]), None)
        return Coded(
            "Riots", "Mob violence", "ASSAULT", main, sides[0], other, default_actor1="rioter"
        )
    if main.cls == "clash" and not firearms and _party_men_against_militia(main, actors, clause):
        # "Imbonerakure and CNL members fought one another": a party's members who fight a
        # political militia with no guns are rioters (ACLED's mob violence), not a second side.
        militia = next(a for a in actors if a.armed)
        return Coded(
            "Riots", "Mob violence", "ASSAULT", main, None, militia, default_actor1="rioter"
        )
    if main.cls == "clash":
        mutual = re.search(
            r"\bexchange|\bbetween\b|\bencounter|\b(?:two|rival) groups\b|\beach other\b",
            clause.text,
            re.I,
        ) or (
            # "Police reservists and herdsmen from Pokot clashed": two sides as the subject.
            re.match(r"clashed$", main.text, re.I)
            and _TWO_SUBJECTS.search(clause.text[: main.start - clause.start]) is not None
            and len([a for a in actors if a.end <= main.start]) >= 2
        )
        # "clashed with armed individuals": people named armed are a side, not victims.
        civilian_victims = (
            patient is not None
            and patient.kind == "civilian"
            and not re.search(r"\barmed\s+$", clause.text[: patient.start - clause.start])
            and not re.match(r"armed\b", patient.text, re.I)
        )
        if civilian_victims and agent is not None and agent.armed and not (mutual or two_sides):
            return Coded("Violence against civilians", "Attack", "ASSAULT", main, agent, patient)
        return Coded(
            "Battles", "Armed clash", "ASSAULT", main, agent, patient, default_actor1="rebel"
        )
    after = clause.text[main.end - clause.start : main.end - clause.start + 60]
    if agent is not None and main.end <= agent.start < main.end + 60:
        # "wounded by Afghan forces fire in a village": the forces named after the verb fired.
        after = (
            " " * (agent.end - main.end)
            + clause.text[agent.end - clause.start : main.end - clause.start + 60]
        )
    civilian_hit = _CIVILIAN_TARGET.search(after)
    military_hit = _MILITARY_TARGET.search(after)
    # The target is the first one named: "a Puntland base in Terage village" is a base.
    civilian_target = civilian_hit is not None and (
        military_hit is None or civilian_hit.start() < military_hit.start()
    )
    lead_in = clause.text[max(0, main.start - clause.start - 30) : main.start - clause.start]
    military_target = bool(military_hit or _OFFENSIVE.search(lead_in))
    first_military = military_hit is not None and not civilian_target
    if first_military and agent is not None and agent.armed and main.cls == "attack":
        victims_armed = True  # "attacked a KDF camp", "opened fire on a police patrol"
    if _UNARMED_STATUS.search(clause.text):
        victims_armed = military_target = False  # "an off-duty officer", "a former soldier"
    elif not victims_armed and agent is not None and agent.armed:
        victims_armed = _other_armed_side(agent, patient, actors) or _armed_victims(
            main, clause, actors
        )
        if agent.kind in {"police", "military"} and re.match(
            r"\W*(?:[\w-]+\s+){0,3}?(?:colleagues?|boss|superiors?|commanders?|comrades?)\b",
            clause.text[main.end - clause.start :],
            re.I,
        ):
            victims_armed = True  # "an officer shot dead two colleagues": a fight within a force
    elif not victims_armed and agent is None and main.cls in {"kill", "attack"}:
        # "5-7 local policemen and 2 militia members were killed following attacks on check
        # points": armed men killed by no one named fell in a fight.
        victims_armed = _armed_victims(main, clause, actors)
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


_PROPERTY = (
    r"(?:schools?|homes?|houses?|shops?|stores?|vehicles?|trucks?|buses|cars?|offices?|"
    r"buildings?|churche?s?|mosques?|temples?|pipelines?|infrastructure|propert(?:y|ies)|"
    r"tractors?|excavators?|factor(?:y|ies)|oil fields?|warehouses?|banks?|towers?|"
    r"machinery|equipment|premises|residences?)\b"
)
# The thing attacked, right after the verb: "attacked and burned a school", "at a store".
_PROPERTY_HIT = re.compile(
    r"\s+(?:and\s+\w+\s+)?(?:at\s+|on\s+)?(?:the\s+|an?\s+|\d+\s+|two\s+|three\s+|several\s+)?"
    r"(?:[\w'-]+\s+){0,3}?" + _PROPERTY,
    re.I,
)
# The thing attacked, named before a passive: "the oil field ... was attacked".
_PROPERTY_BEFORE = re.compile(_PROPERTY + r"[^,;]{0,50}\b(?:was|were)\s+(?:\w+\s+)?$", re.I)
_HARM = re.compile(
    r"\b(?:injur\w*|wound\w*|hurt|kill\w*|dead|died|deaths?|casualt\w*|hostages?|"
    r"fatalit\w*|shot|beat\w*|assault\w*|people|civilians|residents|villagers|passengers)\b",
    re.I,
)
_RUIN = re.compile(
    r"\b(?:burn\w*|set fire|set \w+ on fire|torch\w*|destroy\w*|damag\w*|ablaze)\b", re.I
)
_NO_HARM = re.compile(r"\b(?:no|neither|nor|without|not)\b(?:\W+\w+){0,3}\W+$", re.I)


def _property_only(
    main: Trigger,
    agent: ActorMention | None,
    patient: ActorMention | None,
    clause: Clause,
    classes: set[str],
) -> bool:
    """An attack on a building or a vehicle by an armed or unknown hand in which no one is
    hurt or named as a victim."""
    if main.cls != "attack" or patient is not None or classes & {"kill", "clash", "abduct"}:
        return False
    if not re.match(r"(?:attack|targeted|molotov|petrol)", main.text, re.I):
        return False
    if agent is not None and not (
        (agent.armed and agent.kind not in {"police", "military"})
        or (
            agent.kind == "civilian"
            and not _CROWD.search(agent.text)
            and _ANYONE.fullmatch(agent.text.lower())
        )
    ):
        return False
    rel = main.start - clause.start
    hit = _PROPERTY_HIT.match(clause.text, main.end - clause.start) or _PROPERTY_BEFORE.search(
        clause.text[max(0, rel - 80) : rel]
    )
    if hit is None or re.search(r"\b(?:homes?|houses?|residences?)\b", hit.group(0), re.I):
        return False  # a home attacked is its people attacked
    if not (_RUIN.search(clause.text) or not main.text.lower().startswith("attack")):
        return False  # "a truck was attacked": what befell its passengers is told elsewhere
    return all(
        _NO_HARM.search(clause.text[max(0, m.start() - 30) : m.start()])
        for m in _HARM.finditer(clause.text)
    )


# People killed in a raid or an operation the police carried out, told in the passive.
_RAID_KILLING = re.compile(
    r"\b(?:were|was)\s+(?:\w+\s+)?(?:killed|shot dead|gunned down)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:during|in)\s+an?\s+(?:[\w-]+\s+)?(?:police|anti-drug|buy-bust|drug)\s+"
    r"(?:raids?|operations?|stings?)\b",
    re.I,
)


# "X (from Y) and Z (from W) clashed": two sides joined as the subject, no verb between.
_TWO_SUBJECTS = re.compile(r"^[^,;]*\band\b[^,;]*$")


# A community's homes as the target: "a Fulani settlement", "the village", "a herders' camp".
_SETTLEMENT = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:(?!(?:police|military|army|security)\b)[\w'-]+\s+){0,2}"
    r"(?:settlements?|camps?|villages?|hamlets?|encampments?|homesteads?)\b",
    re.I,
)


_UNKNOWN_BAND = re.compile(
    r"\b(?:gangs?\s+of|unidentified|unknown)\s+(?:(?:group|band)\s+of\s+)?(?:[\w-]+\s+)?$", re.I
)


def _armed_assailants(agent: ActorMention, clause: Clause, main: Trigger) -> bool:
    """Unnamed people who kill or wound with blades or guns act as an armed group (ACLED's
    unidentified armed group or communal militia); crowds with sticks and stones, and people
    punishing a suspect, are a mob."""
    text = clause.text
    if _MOB.search(text) or _CRUDE.search(text):
        return False
    if _FIREARMS.search(text) or _BLADES.search(text):
        return True  # guns, machetes
    lead = text[max(0, agent.start - clause.start - 40) : agent.start - clause.start]
    if _UNKNOWN_BAND.search(lead):
        # "Unidentified group of youths attack journalist", "a gang of youths raided houses":
        # assailants nobody knows, or a gang, are an unidentified armed group, not a crowd.
        return True
    if main.cls == "attack" and _SETTLEMENT.match(text, main.end - clause.start):
        # "residents of Dogbo attacked a Fulani settlement": one community raiding another's
        # homes acts as its communal militia (ACLED's attack), not as a mob.
        return True
    if _COMMUNITY_MEN.search(agent.text):
        # Herders or farmers who raid or kill fight as a communal militia; a group of them who
        # assault or beat someone, no weapon named, are a mob (ACLED's mob violence).
        return not _BEATING.match(main.text)
    if re.search(r"\bsupporters\b", agent.text, re.I) and main.cls in {"attack", "kill"}:
        # A party's or a candidate's supporters who set upon people act as its political militia
        # (South Asian desks make them rioters: `local_convention`). Storming a hotel or a
        # polling station is a crowd's doing, not an attack.
        return True
    return not _CROWD.search(agent.text) and bool(_ANYONE.fullmatch(agent.text.lower()))


# Bare-handed violence of a crowd: an assault, a beating, a stoning, not a shooting.
_SET_UPON = re.compile(r"(?:attack|assault|beat|lynch|ston|manhandl|rough|slap|punch|hit)", re.I)
# Words that make the assailants an armed side, however they are named.
_ARMED_ASSAILANTS = re.compile(
    r"\b(?:armed|militants?|insurgents?|rebels?|terrorists?|jihadis\w*|extremists?|Maoists?|"
    r"guerrill?as?|separatists?|gunm[ae]n|bandits?|militia\w*|raiders?|fighters?|attackers?|"
    r"assailants?|gangs?|gangsters?|robbers?|criminals?|soldiers?|troops|army|police\w*|"
    r"security forces|guards?)\b",
    re.I,
)


def _crowd_on_officers(
    main: Trigger,
    agent: ActorMention | None,
    patient: ActorMention | None,
    clause: Clause,
    firearms: bool,
) -> bool:
    """Unarmed, unorganised people who beat or assault police, soldiers or officials, with no
    gun and no armed group told: a mob, not a fight and not an attack by an armed group."""
    if main.cls not in {"attack", "kill"} or firearms or not _SET_UPON.match(main.text):
        return False
    if agent is not None and (
        agent.armed
        or agent.name is not None
        or not (_CROWD.search(agent.text) or _ANYONE.fullmatch(agent.text.lower()))
    ):
        return False
    if patient is not None and (patient.kind not in {"police", "military"} or patient.name):
        return False
    rel = main.start - clause.start
    after = clause.text[main.end - clause.start : main.end - clause.start + 45]
    before = clause.text[max(0, rel - 60) : rel].split(",")[-1]
    passive = _PASSIVE.search(clause.text[max(0, rel - 20) : main.end - clause.start])
    if patient is None and not (_OFFICER.search(before) if passive else _OFFICER.match(after)):
        return False
    # The assailants' own words: all but the victims' ("a policewoman was attacked by a group of
    # sellers"), so the officers themselves do not make an armed side.
    rest = clause.text
    if patient is not None:
        rel_start, rel_end = patient.start - clause.start, patient.end - clause.start
        rest = rest[:rel_start] + " " + rest[rel_end:]
    rest = _OFFICER_NOUN.sub(" ", rest)
    if _ARMED_ASSAILANTS.search(rest) or _COMMUNAL.search(rest):
        return False
    # With no assailant among the actors, the clause must still tell of people who did it ("by a
    # group of sellers"): an officer "attacked" by no one named may have met an armed group.
    return agent is not None or bool(_CROWD.search(rest) or _PEOPLE_WHO.search(rest))


_OFFICER_NOUN = re.compile(
    r"\b(?:police(?:wo)?m[ae]n|(?:police |customs |security |traffic |revenue |forest )?"
    r"(?:officers?|agents?)|soldiers?|servicem[ae]n|gendarmes?|wardens?|rangers?|constables?)\b",
    re.I,
)
_PEOPLE_WHO = re.compile(
    r"\b(?:(?:group|number|crowd|band) of|people|persons|individuals|m[ae]n|staff|workers|"
    r"smugglers|sellers|vendors|relatives|members|drivers|operators|passengers|neighbou?rs)\b",
    re.I,
)
# State agents named as victims right after the verb or before a passive.
_OFFICER = re.compile(
    r"\W*(?:(?!(?:in|at|near|of|from|outside|inside)\b)[\w'-]+\W+){0,4}?" + _OFFICER_NOUN.pattern,
    re.I,
)


# A party's or a movement's people named by a word no actor covers: "CNL members".
_PARTY_MEN = re.compile(
    r"\b(?-i:[A-Z][\w-]*)\s+(?:members|supporters|activists|militants|partisans|cadres)\b", re.I
)


def _party_men_against_militia(main: Trigger, actors: list[ActorMention], clause: Clause) -> bool:
    """One armed side, a political militia, told fighting a party's members whom no actor
    names."""
    armed = [a for a in actors if a.armed]
    if len(armed) != 1 or armed[0].kind != "militia" or armed[0].inter != 3:
        return False
    rel = main.start - clause.start
    window = clause.text[max(0, rel - 80) : rel + 80]
    for m in _PARTY_MEN.finditer(window):
        start = clause.start + max(0, rel - 80) + m.start()
        if not any(a.start <= start < a.end for a in actors):
            return True
    return False


def _armed_victims(main: Trigger, clause: Clause, actors: list[ActorMention]) -> bool:
    """Victims named by an armed trade ("security personnel were killed by a Taliban sniper",
    "gunned down two guards", "police killed three suspected robbers"): a fight, not an attack
    on civilians."""
    rel = main.start - clause.start
    before = clause.text[max(0, rel - 60) : rel]
    after = clause.text[main.end - clause.start : main.end - clause.start + 45]
    passive = _PASSIVE.search(clause.text[max(0, rel - 20) : main.end - clause.start])
    if passive or re.match(r"\s*(?:\w+\s+){0,2}by\b", after):
        found = _ARMED_VICTIM.search(before.split(",")[-1])
    else:
        # The victims are the words right after the verb, not a place named after them
        # ("assaulted a family in Kotwali police area").
        lead = r"\W*(?:(?!(?:in|at|near|of|from|outside|inside)\b)[\w'-]+\W+){0,4}?"
        found = re.match(lead + _ARMED_VICTIM.pattern, after, re.I)
    if found is None:
        return False
    group = re.search(r"(\w+) members$", found.group(0))
    # "Mungiki members" are the armed group's men; "2 CNL members", a party's, are civilians
    # unless the word names an armed side the clause knows.
    return group is None or any(
        a.armed and group.group(1).lower() in a.text.lower().split() for a in actors
    )


def _other_armed_side(
    agent: ActorMention, patient: ActorMention | None, actors: list[ActorMention]
) -> bool:
    """A second armed side in the clause that is not the victim named as civilian: police who
    kill raiders, militants who attack a police team."""
    if patient is not None and patient.kind == "civilian":
        return False
    me = (agent.name or agent.kind, agent.country)
    others = [a for a in actors if a.kind != "militia" or _FIGHTERS.search(a.text)]
    return any(a.armed and a is not agent and (a.name or a.kind, a.country) != me for a in others)


_CRUDE_BOMB = re.compile(r"\b(?:crude|cocktail|hand-?made|petrol|country-made|hand) bombs?\b", re.I)
# Unnamed perpetrators who still belong to an organised armed side.
_ORGANISED = re.compile(
    r"\b(?:police\w*|officers?|soldiers?|troops|army|security forces|militants?|insurgents?|"
    r"rebels?|terrorists?|jihadis\w*|extremists?|Maoists?|guerrill?as?|separatists?)\b",
    re.I,
)
_GUNMEN = re.compile(
    r"\b(?:shot|shoot\w*|gunm[ae]n|opened fire|firearms?|pistols?|gunshots?)\b", re.I
)
# Words that make the hands behind a fight an armed group's or a community militia's, not a crowd's.
_UNKNOWN_HANDS = re.compile(
    r"\b(?:armed|unidentified|unknown|suspected|(?:inter-?)?communal)\b", re.I
)


_FARMERS = re.compile(r"\b(?:farmers|agriculturalists|cultivators)\b", re.I)
_HERDERS = re.compile(r"\b(?:herders|herdsm[ae]n|pastoralists|cattle (?:breeders|herders))\b", re.I)


def _crowd_fight(coded: Coded, text: str) -> bool:
    """A fight ("farmers and pastoralists clashed") or a beating ("assaulted and wounded a
    farmer") by unorganised people with no firearm, no armed group and no state side."""
    if coded.sub_event_type not in {"Armed clash", "Attack"}:
        return False
    if not (coded.trigger.cls == "clash" or _BEATING.match(coded.trigger.text)):
        return False
    if _FIREARMS.search(text) or _ORGANISED.search(text) or _UNKNOWN_HANDS.search(text):
        return False
    if coded.trigger.cls == "clash" and _FARMERS.search(text) and _HERDERS.search(text):
        # A fight between farmers and herders is the farmer-herder conflict ACLED codes as a
        # clash between communal militias, crude weapons or not.
        return False
    return not any(
        a is not None and (a.name is not None or a.kind in {"military", "police", "external"})
        for a in (coded.actor1, coded.actor2)
    )


_CONVENTION_SUBS = frozenset({"Attack", "Armed clash", "Remote explosive/landmine/IED", "Grenade"})


# A victim the note names as one of a gang's or a cartel's men, or with a criminal record.
_GANG_VICTIM = re.compile(
    r"\b(?:victims?|he|she|they|both|the (?:wo)?man)\s+(?:had|has|have)\s+(?:\w+\s+){0,3}?"
    r"charges\b[^.]{0,60}\b(?:drugs?|trafficking|gangs?)\b|"
    r"(?<!by )\b(?:an?|one|two|three|the)\s+(?:alleged|suspected|presumed|reputed)\s+(?:\w+\s+){0,2}?"
    r"(?:drug (?:dealers?|traffickers?)|gang members?|members? (?:of|from) (?:the )?(?-i:[A-Z])\w*)|"
    r"\b(?:a|an|two|three|\d+) (?:\w+ )?(?:drug (?:dealers?|traffickers?)|gang members?) (?:was|were)\b",
    re.I,
)
_ROAD_BLOCK = re.compile(
    r"\b(?:block\w*|barricad\w*)\s+(?:off\s+)?(?:[\w'-]+\s+){0,5}?"
    r"(?:roads?|highways?|streets?|junctions?|intersections?|traffic|routes?|railway)\b",
    re.I,
)


def local_convention(coded: Coded, country: str | None, text: str, after: str = "") -> Coded:
    """Where ACLED codes unorganised non-state violence as mob violence (South Asia: party
    activists, "assailants", rival groups, crude bombs), an attack or clash by anyone but state
    forces or a named armed organisation is a riot by rioters of the country. Where a desk
    counts any road block as rioting (Kenya), demonstrators who block a road riot. Where a desk
    codes gang rivalry as fighting (Latin America), a non-state attack on a man the note names a
    gang member or a trafficker ("The victim had charges against him for drug trafficking", told
    in `after`, the text that follows the clause) is an armed clash."""
    if (
        country in lexicon.gang_rivalry_countries()
        and coded.sub_event_type == "Attack"
        and coded.default_actor1 not in {"military", "police"}
        and not (coded.actor1 is not None and coded.actor1.kind in {"military", "police"})
        and (_GANG_VICTIM.search(text) or _GANG_VICTIM.search(after.split(". ")[0]))
    ):
        return replace(coded, event_type="Battles", sub_event_type="Armed clash")
    if (
        country in lexicon.road_block_riot_countries()
        and coded.sub_event_type in {"Peaceful protest", "Protest with intervention"}
        and _ROAD_BLOCK.search(text)
    ):
        actor = coded.actor1 if coded.actor1 is not None and coded.actor1.name else None
        return replace(
            coded,
            event_type="Riots",
            sub_event_type="Violent demonstration",
            plover="PROTEST",
            actor1=actor,
            default_actor1="rioter",
        )
    if country in lexicon.crowd_fight_mob_countries() and _crowd_fight(coded, text):
        return _as_mob(coded)
    if country not in lexicon.mob_violence_countries():
        return coded
    arson = coded.sub_event_type == "Looting/property destruction" and bool(
        re.match(r"(?:set|torch|burn|vandali|ransack)", coded.trigger.text, re.I)
    )
    if coded.sub_event_type not in _CONVENTION_SUBS and not arson:
        # Burning and vandalism by unnamed hands are the same desks' mob violence.
        return coded
    if coded.event_type == "Explosions/Remote violence" and not _CRUDE_BOMB.search(text):
        return coded
    if (
        country in lexicon.gunmen_stay_armed_countries()
        and coded.sub_event_type == "Attack"
        and _GUNMEN.search(text)
    ):
        return coded  # "an unidentified group fatally shot the leader": an armed group's attack
    actor = coded.actor1
    if actor is not None and (actor.kind in {"military", "police", "external"} or actor.inter == 2):
        return coded
    if actor is None and coded.default_actor1 in {"military", "police"}:
        return coded
    unnamed = actor is None or (actor.kind in {"rebel", "militia"} and actor.name is None)
    if unnamed and _ORGANISED.search(actor.text if actor is not None else text):
        return coded  # "unidentified militants shot two civilians", "policemen tortured two men"
    if coded.sub_event_type == "Armed clash" and any(
        a is not None and a.kind in {"military", "external"} for a in (coded.actor2,)
    ):
        return coded
    return _as_mob(coded)


def _as_mob(coded: Coded) -> Coded:
    """The desk's mob violence: unnamed rioters as the hand, whoever they set upon as the target."""
    victim = coded.actor2 if coded.actor2 is not coded.actor1 else None
    return replace(
        coded,
        event_type="Riots",
        sub_event_type="Mob violence",
        plover="ASSAULT",
        actor1=None,
        actor2=victim,
        default_actor1="rioter",
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


# A force that changes its posture where it stands: is reinforced, fortifies, imposes a curfew
# (ACLED's "Change to group/activity"). A deployment stays "Other" as the seed story's coder has
# it ("security forces have deployed in greater numbers"), though ACLED's notes make it a change.
_CHANGE_OF_POSTURE = re.compile(
    r"(?:reinforc|fortif|sent|troop movement|moved|imposed|announced|declared|extended)", re.I
)
_HANDOUT = re.compile(r"(?:deliver|distribut|hand)", re.I)
_GANGS = re.compile(r"\b(?:gangs?|cartels?|militias?|militants|insurgents|rebels)\b", re.I)
# Livestock driven off: a cattle raid.
_STOCK_RAID = re.compile(
    r"\brustl\w*|\b(?:cattle|livestock|stock) (?:raid|theft)|\b(?:st(?:ole|olen|eal\w*)|"
    r"drove away|made off with)\s+(?:[\w,]+\s+){0,3}?(?:cattle|livestock|cows|goats|camels|"
    r"sheep|animals|herds?|heads of)\b",
    re.I,
)


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
    if (
        t.cls == "loot"
        and _STOCK_RAID.search(clause.text)
        and not (agent is not None and agent.kind in {"police", "military"})
    ):
        # Raiders who drive off a village's cattle attack it (ACLED's East African cattle raids
        # are attacks by the raiders' communal or unidentified armed group), not a looting.
        return Coded(
            "Violence against civilians",
            "Attack",
            "ASSAULT",
            t,
            agent,
            patient,
            default_actor1="rebel",
        )
    if t.cls == "arrest" and agent is not None and agent.kind in {"rebel", "militia"}:
        # Only the state arrests: people an armed group detains are abducted (ACLED's codebook).
        return Coded(
            "Violence against civilians",
            "Abduction/forced disappearance",
            "ASSAULT",
            t,
            agent,
            patient,
            default_actor1="rebel",
        )
    if (
        t.cls == "group_change"
        and _HANDOUT.match(t.text)
        and not any(
            a.armed and a.kind not in {"police", "military"} and a.end <= t.start for a in actors
        )
        and not _GANGS.search(clause.text[: t.start - clause.start])
    ):
        # A gang or a militia that hands out food acts as a governing power (ACLED's change to
        # group/activity); a charity's or a ministry's aid is no political violence at all.
        return None
    sub = _STRATEGIC_SUB[t.cls]
    if t.cls == "mobilize" and _CHANGE_OF_POSTURE.match(t.text):
        sub = "Change to group/activity"
    plover = "MOBILIZE" if t.cls == "mobilize" else lexicon.plover_of(sub)
    default = "police" if t.cls == "arrest" else None
    return Coded("Strategic developments", sub, plover, t, agent, patient, default_actor1=default)
