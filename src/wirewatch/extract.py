"""The default offline engine: a rule coder over an NLP parse, a trigger lexicon and a gazetteer.

A story is read sentence by sentence. Sentences that recall the background of a war are dropped;
the rest are cut into clauses ("troops built a line in Hama *while* jets pounded rebel lines"), and
each clause gives at most one event per family of triggers (violent, demonstration, strategic,
political). The ACLED type comes from the trigger *and* the actors: a killing of soldiers is a
battle, of villagers violence against civilians, and rioters' violence is a riot. Every field keeps
the span of text it came from.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wirewatch import lexicon
from wirewatch.actors import (
    ActorMention,
    actors_country,
    associates,
    attack_owner,
    attributed,
    canonical,
    civilians_as_targets,
    claims_own_deed,
    counterpart,
    country_clue,
    country_hint,
    country_name,
    evidence_fields,
    find_actors,
    foreign_crowd,
    home_country,
    iso3_of,
    local_name,
    repelled_first,
    state_first,
    suffered_first,
    unnamed_agent,
)
from wirewatch.amend import (
    VIOLENT_OR_DEMONSTRATION,
    add_fatalities,
    amends,
    answers_riot,
    as_riot,
    claimed_by,
    continues,
    denies_violence,
    fold,
    has_own_place,
    inherit,
    intervenes,
    is_relative,
    observes,
    refers_back,
    retold_grievance,
    sum_fatalities,
    toll_target,
    turns_violent,
    violent_target,
    with_intervention,
)
from wirewatch.claims import Claimant, find_claimants
from wirewatch.coding import (
    Clause,
    Coded,
    acts_after_grievance,
    clauses,
    codable,
    code_clause,
    is_claimant,
    local_convention,
)
from wirewatch.dates import ResolvedDate, find_dates
from wirewatch.lexicon import Trigger, ascii_name
from wirewatch.models import (
    Claim,
    Document,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Source,
    stable_id,
)
from wirewatch.nlp import sentences as sentence_spans
from wirewatch.numbers import (
    Fatalities,
    find_fatalities,
    grievance,
    pronoun_toll,
    says_no_deaths,
)
from wirewatch.placing import (
    choose_place,
    event_place,
    from_abroad,
    unnamed_place,
    without_missions,
)
from wirewatch.resolve import apportion, merge_within_document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from wirewatch.gazetteer import Gazetteer

log = logging.getLogger(__name__)

WEAPON_CLASSES = frozenset(
    {"chemical", "suicide", "air", "shelling", "ied", "grenade", "explosion"}
)
# Documents parsed together in one `nlp.pipe` stream.
BATCH_SIZE = 64
# Texts longer than this are reduced to the paragraphs that may hold an event before parsing.
PREFILTER_CHARS = 50_000
# The lexicons are English; other languages are skipped with a logged reason, never guessed at.
ENGLISH = frozenset({"en"})

# Sentences that recall earlier or ongoing wars rather than report news.
_BACKGROUND = re.compile(
    r"\bat a time when\b|\b(?:is|are|has been|have been) (?:also )?(?:fighting|at war)\b|\bcivil war\b|"
    r"\ball-out war\b|\b(?:since|after|before|in|until) (?:early |late |mid-)?(?:19|20)\d\d\b(?! *\))|"
    r"\byears? (?:of|into the) (?:war|conflict|fighting)\b|\bsince the (?:start|beginning|outbreak)\b|"
    r"\bhas (?:long )?been (?:one )?of\b|\bover the (?:past|last) (?:few )?(?:years|decades?)\b",
    re.I,
)
# Words before a trigger that make it hypothetical, negated or not yet real.
_IRREALIS = re.compile(
    r"\b(?:would|could|might|(?-i:may)|will|shall|threaten(?:ed|s)? to|plans? to|planned to|vow(?:ed|s)? to|"
    r"aim(?:ed|s)? to|risks?|fears?|feared|prospect|if|expected to|ready to|prepar(?:ed|ing) to|"
    r"warn(?:ed|s)? (?:of|that)|call(?:ed|s)? for|in an attempt to|attempt to|did not|didn't|denied|"
    r"never|no|not|without|to stall|to protect|to push back|to support|to back|to prevent)\W+(?:\w+\W+){0,4}$"
    r"|(?<!resorted )(?<!began )(?<!started )(?<!continued )(?<!managed )(?<!proceeded )(?<!went on )"
    r"(?<!forced )(?<!\bused )(?<!attempted )(?<!tried )(?<!trying )(?<!had )(?<!has )(?<!have )"
    r"(?<!led )(?<!leading )\bto\s+$"
    # "Two women who were accused of witchcraft are lynched": a passive verb after the charge
    # tells what was done to the accused, not the accusation.
    r"|\baccus\w*\s+(?:\w+\W+){0,5}(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )$"
    r"|\bclaimed responsibility\b",
    re.I,
)
# Force the authorities used for a purpose: "lobbed tear gas canisters to disperse them".
_FORCE_FOR = re.compile(
    r"\b(?:used|using|fired|firing|lobbed|lobbing|shot|chased|charged|hurled|deployed|rushed|"
    r"moved in|stepped in|came|arrived|intervened)\b",
    re.I,
)
# Words that open what protesters demand or denounce.
_GRIEVANCE = re.compile(
    r"\b(?:against|demand\w*|denounc\w*|condemn\w*|over|release of|protest\w* (?:at|over)|for the|"
    r"justice for|in protest|decry\w*)\b",
    re.I,
)
# Words that make a demonstration the scene-setting of what follows. Not "during the rally":
# what happens during a demonstration is part of it.
_CIRCUMSTANCE = re.compile(
    r"\b(?:following|after|amid|since|ahead of|in the wake of)\s+"
    r"(?!(?:staging|holding|organi[sz]ing)\b)(?:[\w-]+\s+){0,4}$",
    re.I,
)
# Words that make a death the cause of a demonstration rather than its toll.
_CAUSE = re.compile(
    # "following which the mob beat him to death" tells what came next, not a cause
    # ("shot against the rioters, killing 1 woman": the force used, not what they protest)
    r"\b(?:(?:after|following)(?!\s+which\b)|over|(?<!shot )(?<!fired )(?<!fire )against|"
    r"demand\w*|justice for|death of|"
    r"deaths of|investigat\w*|"
    r"killings? of|murders? of|"
    r"memory of|coffins? of|mourn\w*|protest\w* (?:at|over|against))\b",
    re.I,
)
# Words after an event's trigger that open what it answers ("in retaliation for", "against").
_GRIEVANCE_DATE = re.compile(
    r"\b(?:against|over|for|after|following|in retaliation|in revenge|to protest|demanding)\b",
    re.I,
)
_RESPONSIBILITY = re.compile(r"\b(?:claimed|admitted|took) responsibility\b", re.I)


@dataclass(frozen=True, slots=True)
class _Story:
    """What the whole story tells every clause's event: its places, sentences and main actors."""

    doc: Document
    places: list[PlaceMention]
    sentences: list[tuple[int, int, Span]]
    focus: str | None
    main_rebel: str | None
    actor_country: str | None  # the country the story's actors belong to most often
    clue: str | None  # the country the story's own vocabulary points to (`country_clue`)
    actors: list[ActorMention]  # every actor mention of the story, found once


class RuleEngine:
    """The default engine (see the module docstring). Deterministic and explainable."""

    name = "rules"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from wirewatch.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def extract(self, doc: Document) -> list[Event]:
        return next(self.extract_many([doc]))[1]

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= BATCH_SIZE:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Parse a batch's texts in one `nlp.pipe` stream, then code each document."""
        from wirewatch.nlp import parse_many

        pieces: list[tuple[int, int, str]] = []  # (doc index, offset, text)
        for i, doc in enumerate(batch):
            if doc.language not in ENGLISH:
                log.warning(
                    "skipped %s: language %r is not English", doc.origin or doc.doc_id, doc.language
                )
                continue
            for offset, text in _pieces(doc.text):
                pieces.append((i, offset, text))
        parsed: list[list[tuple[int, Doc]]] = [[] for _ in batch]
        for (i, offset, _), sdoc in zip(pieces, parse_many(p[2] for p in pieces), strict=True):
            parsed[i].append((offset, sdoc))
        for doc, sdocs in zip(batch, parsed, strict=True):
            yield doc, self.code_document(doc, sdocs)

    # -- one document -------------------------------------------------------------------------

    def code_document(self, doc: Document, sdocs: list[tuple[int, Doc]]) -> list[Event]:
        from wirewatch.geoparse import focus_country, geoparse

        gaz = self.gazetteer
        mentions: list[PlaceMention] = []
        for offset, sdoc in sdocs:
            mentions.extend(geoparse(doc, sdoc, gaz, offset=offset))
        resolved = [m for m in mentions if m.place is not None]
        focus = (
            # (a country raiders came "from" is not the story's)
            focus_country(m for m in mentions if not from_abroad(m, doc.text))
            or (gaz.country_code(doc.dateline) if doc.dateline else None)
            or _unanimous_country(mentions, gaz, doc.text)
        )
        ref = doc.published
        paragraphs = [m.start() for m in re.finditer(r"\n\s*\n", doc.text)]
        sentences: list[tuple[int, int, Span]] = []
        for offset, sdoc in sdocs:
            for start, end in sentence_spans(sdoc, offset):
                span = sdoc.char_span(start - offset, end - offset, alignment_mode="expand")
                if span is not None:
                    sentences.append((start, end, span))
        doc_actors = [a for offset, sdoc in sdocs for a in find_actors(sdoc.text, offset)]
        # "The rebels" of a story are the rebel group it names first (usually in its lede).
        main_rebel = next((a.name for a in doc_actors if a.name and a.kind == "rebel"), None)
        actor_country = actors_country(doc_actors)
        story = _Story(
            doc,
            resolved,
            sentences,
            focus,
            main_rebel,
            actor_country,
            country_clue(doc.text),
            doc_actors,
        )

        events: list[Event] = []
        last_event: dict[int, int] = {}  # paragraph -> index in events
        last_date: dict[int, ResolvedDate] = {}
        # "A body has been found dumped in a pit latrine. The victim ... was shot": a toll told
        # in a sentence before any event of its paragraph is the toll of the first violent one.
        told_before: dict[int, list[Fatalities]] = {}
        for s_idx, (s_start, s_end, sent) in enumerate(sentences):
            text = doc.text[s_start:s_end]
            para = bisect.bisect_left(paragraphs, s_start)
            dates = [
                d
                for d in find_dates(text, ref, s_start, today=_default_date(doc))
                if ref is None or d.value <= ref + timedelta(days=1)
            ]
            # "The body of a man who disappeared on August 17 was found": the day a relative
            # clause names dates its someone, not whether the sentence is news.
            main_dates = [d for d in dates if not _in_relative(text, d.start - s_start)]
            if _is_background(text, main_dates, ref):
                continue
            if dates:
                last_date[para] = dates[-1]
            claimants = find_claimants(sent, doc_actors, s_start)
            if _RESPONSIBILITY.search(text) and para in last_event:
                events[last_event[para]] = claimed_by(events[last_event[para]], text, s_start, doc)
            # The story's actors were found once; a sentence or clause takes those within it.
            sent_actors = [a for a in doc_actors if s_start <= a.start and a.end <= s_end]
            sent_first = len(events)  # events told before this sentence
            # "Two officers have died while militants ambushed their vehicle": a toll told
            # before any event, in a clause of its own, is the toll of the sentence's event.
            pending: list[Fatalities] = []
            for clause in clauses(text, s_start, s_idx, para):
                before = [a for a in sent_actors if a.end <= clause.start and a.armed]
                clause = replace(clause, antecedent=before[-1] if before else None)
                own = [d.value for d in dates if clause.start <= d.start < clause.end]
                if is_relative(clause.text) and ref and own and max(own) < ref - OLD:
                    continue  # "who disappeared on August 17": the past of someone named
                triggers = self._triggers(clause, doc_actors, resolved)
                fatal = find_fatalities(clause.text, clause.start) or pronoun_toll(
                    doc.text, clause.start, clause.end
                )
                prev_idx = last_event.get(para)
                lead = text[: clause.start - s_start]
                if prev_idx is not None and turns_violent(
                    triggers, events[prev_idx], clause.text, lead
                ):
                    riot = as_riot(events[prev_idx], triggers, doc)
                    # "The demonstrators lynched a police officer": the riot's own dead.
                    toll = _toll_of(
                        fatal, riot.event_type, riot.sub_event_type, doc.text, clause.start
                    )
                    events[prev_idx] = add_fatalities(riot, toll, doc) if toll else riot
                    continue
                if (
                    prev_idx is not None
                    and not fatal
                    and (
                        denies_violence(triggers, events[prev_idx], clause.text)
                        or retold_grievance(triggers, events[prev_idx], clause.text)
                    )
                ):
                    continue
                if prev_idx is not None and intervenes(triggers, events[prev_idx], clause.text):
                    events[prev_idx] = with_intervention(events[prev_idx], triggers, fatal, doc)
                    continue
                if not triggers or not codable(triggers):
                    if fatal and para in last_event:
                        first = max((i for p, i in last_event.items() if p < para), default=-1)
                        idx = toll_target(events, last_event[para], first + 1)
                        target = events[idx]
                        toll = _toll_of(
                            fatal, target.event_type, target.sub_event_type, doc.text, clause.start
                        )
                        events[idx] = add_fatalities(target, toll, doc)
                    elif fatal:
                        pending = fatal
                        told_before[para] = fatal
                    continue
                actors = [
                    a
                    for a in sent_actors
                    if clause.start <= a.start and a.end <= clause.end
                    if not is_claimant(a, claimants) or claims_own_deed(doc.text, a.start, a.end)
                ]
                for coded in code_clause(clause, triggers, actors):
                    prev = events[last_event[para]] if para in last_event else None
                    coded = inherit(coded, prev, actors)
                    event = self._build(
                        story, clause, coded, actors, dates, last_date.get(para), fatal, claimants
                    )
                    if prev is not None and continues(event, prev, coded):
                        events[last_event[para]] = add_fatalities(prev, fatal, doc, event.evidence)
                        continue
                    toll_only = coded.trigger.cls == "kill" and coded.actor1 is None
                    back = self._referent(
                        events, last_event, para, sent_first, clause, event, toll_only
                    )
                    if back is not None:
                        if back >= 0:
                            target = events[back]
                            kind = (target.event_type, target.sub_event_type)
                            toll = _toll_of(fatal, *kind, doc.text, clause.start)
                            events[back] = fold(
                                target, event, toll, doc, observed=observes(clause.text)
                            )
                        continue
                    if pending and not event.fatalities:
                        kind = (event.event_type, event.sub_event_type)
                        event = add_fatalities(
                            event, _toll_of(pending, *kind, doc.text, s_start), doc
                        )
                    elif (
                        para in told_before
                        and not event.fatalities
                        and event.event_type in VIOLENT_OR_DEMONSTRATION
                        and event.event_type != "Protests"
                    ):
                        event = add_fatalities(event, told_before[para], doc)
                    told_before.pop(para, None)
                    pending = []
                    events.append(event)
                    last_event[para] = len(events) - 1
        return apportion(merge_within_document(events), doc.text)

    @staticmethod
    def _referent(
        events: list[Event],
        last_event: dict[int, int],
        para: int,
        sent_first: int,
        clause: Clause,
        event: Event,
        toll_only: bool,
    ) -> int | None:
        """The event a clause that refers back amends (its index), -1 when the clause tells
        nothing of its own (a relative clause about someone its sentence names), None when it
        is an event of its own."""
        if para not in last_event:
            return None
        last = last_event[para]
        first = max((i for p, i in last_event.items() if p < para), default=-1) + 1
        if is_relative(clause.text) and last >= sent_first:
            # "protesting against those who set fire to the crops", "attacked civilians who
            # cooperated with the army, leaving 2 dead": the sentence's event is told already.
            if not amends(event, events[last]):
                return None  # "... by insurgents who seized Aleppo last week": another day's
            if events[last].event_type == "Protests":
                # "Police opened fire on protesters who were demonstrating ... and killed two of
                # them": the dead of the force used on them.
                force = events[last].sub_event_type == "Excessive force against protesters"
                return last if force and event.fatalities else -1
            # A relative clause's toll is its sentence's event's ("attacked civilians who
            # cooperated with the army, leaving 2 dead"); an act of its own may be another event.
            return violent_target(events, last, sent_first) if event.fatalities else None
        if event.event_type not in VIOLENT_OR_DEMONSTRATION:
            return None
        if answers_riot(events[last], clause.text):
            return last  # "Police fired rubber bullets and tear gas": the riot's answer
        observed = observes(clause.text) and event.event_type in {
            "Battles",
            "Explosions/Remote violence",
        }
        if not (observed or refers_back(clause.text) or toll_only):
            return None
        idx = violent_target(events, last, first)
        if idx is None or not amends(event, events[idx]):
            return None
        if toll_only and not (observed or refers_back(clause.text)):
            # "Total 6 soldiers were killed" after a strike and the reinforcements it met: a
            # death with no killer, told where the strike was, is that strike's toll.
            return idx if not has_own_place(event, events[idx]) else None
        return idx

    def _triggers(
        self, clause: Clause, doc_actors: list[ActorMention], places: list[PlaceMention]
    ) -> list[Trigger]:
        """Triggers of a clause, less those inside an actor's or a place's name ("Rapid *Support*
        Forces"), and less those that the words before make hypothetical or negated."""
        kept = []
        found = lexicon.find_triggers(clause.text, clause.start)
        protest = any(t.cls == "protest" for t in found)
        for t in found:
            if any(
                a.name
                and a.start <= t.start
                and t.end <= a.end
                and a.text.lower() != t.text.lower()
                for a in doc_actors
            ):
                continue
            if any(p.start <= t.start and t.end <= p.end for p in places):
                continue
            before = clause.text[max(0, t.start - clause.start - 60) : t.start - clause.start]
            # "(exact date not reported), residents lynched": a closed bracket ends the negation.
            irrealis = _IRREALIS.search(before.rsplit(")", 1)[-1])
            purpose = irrealis is not None and irrealis.group(0).strip().lower() == "to"
            if irrealis and not (
                purpose
                and (t.cls == "protest" or (t.cls == "intervention" and _FORCE_FOR.search(before)))
            ):
                # "gathered to protest" is a protest; "moved to attack" is not an attack; "police
                # used batons to disperse them" dispersed them, whether or not the crowd left.
                continue
            if t.cls == "protest" and _CIRCUMSTANCE.search(before):
                continue  # "amid ... demonstrations" sets the scene; it reports no protest
            # In a protest, what comes after "against", "demanding", "justice for" is its cause.
            grievance = t.cls == "intervention" or (protest and t.cls != "protest")
            if grievance and _GRIEVANCE.search(before) and not acts_after_grievance(before, t):
                continue  # "protested against the arrest of" names a grievance, not an intervention
            kept.append(t)
        # A trigger inside a longer one of another class is part of it: "shot" in "shot down".
        # A weapon named inside a longer phrase ("fired 82mm mortars at the positions") stays.
        return [
            t
            for t in kept
            if t.cls in WEAPON_CLASSES
            or not any(
                o is not t
                and o.start <= t.start
                and t.end <= o.end
                and (o.end - o.start) > (t.end - t.start)
                for o in kept
            )
        ]

    def _build(
        self,
        story: _Story,
        clause: Clause,
        coded: Coded,
        actors: list[ActorMention],
        dates: list[ResolvedDate],
        para_date: ResolvedDate | None,
        fatal: list[Fatalities],
        claimants: list[Claimant],
    ) -> Event:
        """One event from a coded clause: its date, place, actors, dead and claimants."""
        doc, focus, main_rebel = story.doc, story.focus, story.main_rebel
        evidence = [
            Evidence(doc.doc_id, clause.start, clause.end, clause.text.strip(), "event"),
            Evidence(
                doc.doc_id, coded.trigger.start, coded.trigger.end, coded.trigger.text, "trigger"
            ),
        ]
        # When
        when = _nearest_date(dates, clause, coded.trigger)
        if when is None:
            # A clause with no date of its own takes the sentence's ("On 7 May, troops took the
            # town after clashes, which left 23 dead"), else the paragraph's.
            earlier = [d for d in dates if d.end <= clause.start]
            when = earlier[-1] if earlier else (para_date if not dates else None)
        if when is not None:
            event_date: date | None = when.value
            precision = when.precision
            evidence.append(Evidence(doc.doc_id, when.start, when.end, when.text, "event_date"))
        else:
            event_date, precision = _default_date(doc), 1
        # Where
        mention = choose_place(
            clause.start,
            clause.end,
            clause.sentence,
            coded.trigger.start,
            story.places,
            story.sentences,
        )
        chosen: Place | None = (
            event_place(
                mention.place, self.gazetteer, doc.text[max(0, mention.start - 40) : mention.start]
            )
            if mention is not None and mention.place is not None
            else None
        )
        # A story's own vocabulary ("Vihiga county", "upazila", "Tk 500") tells its country more
        # surely than a place name the gazetteer may have put abroad: actors are named by it.
        clue = story.clue
        if mention is not None and chosen is not None:
            country = chosen.country or focus
            evidence.append(
                Evidence(doc.doc_id, mention.start, mention.end, mention.text, "location")
            )
        else:
            # No place: the story's country, else the country its towns or its actors belong to.
            country = (
                focus
                or clue
                or _story_hint(doc.text)
                or next((h for h in map(home_country, actors) if h), story.actor_country)
            )
            chosen = self.gazetteer.country(country) if country else None
            chosen = unnamed_place(chosen, self.gazetteer) if chosen is not None else None
        # Who; some ACLED desks type unorganised violence by the country's convention
        coded = local_convention(
            coded, clue or country, clause.text, after=doc.text[clause.end : clause.end + 300]
        )
        sides = (coded.actor1, coded.actor2, clause.text, clause.start)
        if suffered_first(*sides) or repelled_first(*sides):
            # "8 Taliban militants were killed by Afghan military airstrikes", "Iraqi forces
            # repelled an IS attack": the killers, the attackers, lead.
            coded = replace(coded, actor1=coded.actor2, actor2=coded.actor1)
        owner = attack_owner(coded.actor1, coded.actor2, actors, clause.text, clause.start)
        if owner is not None:
            # "Four people were killed during a Pokot raid": the raiders lead.
            victim = None if coded.actor2 is owner else coded.actor2
            coded = replace(coded, actor1=owner, actor2=victim)
        a1_name, inter1 = _actor_name(
            coded.actor1, coded.default_actor1, clue or country, event_date, main_rebel
        )
        a2_name, inter2 = _actor_name(coded.actor2, None, clue or country, event_date, main_rebel)
        before = (a1_name, a2_name)
        (a1_name, inter1), (a2_name, inter2) = civilians_as_targets(
            (a1_name, inter1),
            (a2_name, inter2),
            coded.event_type,
            clue or country,
            event_date,
            clause.text[coded.actor1.start - clause.start : coded.actor1.end - clause.start + 60]
            if coded.actor1 is not None
            else None,
        )
        (a1_name, inter1), (a2_name, inter2) = state_first(
            (a1_name, inter1), (a2_name, inter2), coded.event_type, clue or country, event_date
        )
        fields = evidence_fields(before, (a1_name, a2_name))
        # Anonymous destruction is an unidentified group's; foreign demonstrators are their own
        # country's protesters.
        a1_name, inter1 = unnamed_agent(
            (a1_name, inter1), coded.sub_event_type, clue or country, event_date
        )
        a1_name, inter1 = foreign_crowd(
            (a1_name, inter1),
            coded.actor1,
            actors,
            coded.trigger.start,
            clue or country,
            event_date,
        )
        a1_name, inter1 = local_name(a1_name, inter1, clue or country, doc.text, event_date)
        a2_name, inter2 = local_name(a2_name, inter2, clue or country, doc.text, event_date)
        a1_name, inter1 = attributed(
            (a1_name, inter1), a2_name, doc.text, clue or country, event_date, story.actors
        )
        a2_name, inter2 = counterpart(
            a1_name, (a2_name, inter2), coded.event_type, clue or country, doc.text, event_date
        )
        if a2_name == a1_name:
            a2_name, inter2 = None, None
        for actor, field in zip((coded.actor1, coded.actor2), fields, strict=True):
            if actor is not None and field is not None:
                evidence.append(Evidence(doc.doc_id, actor.start, actor.end, actor.text, field))
        # How many died: not the deaths a demonstration is about ("demanding justice for the death
        # of a student", "after a worker was killed")
        fatal = _toll_of(fatal, coded.event_type, coded.sub_event_type, doc.text, clause.start)
        fatalities, estimated = sum_fatalities(fatal)
        if says_no_deaths(clause.text):
            fatalities, estimated = 0, False
        for f in fatal:
            evidence.append(Evidence(doc.doc_id, f.start, f.end, f.text, "fatalities"))
        # Who says so
        claims = tuple(
            Claim(
                c.name,
                fatalities if fatal else None,
                clause.text.strip(),
                doc.doc_id,
                c.start,
                c.end,
            )
            for c in claimants
        )
        for c in claimants:
            evidence.append(Evidence(doc.doc_id, c.start, c.end, c.text, "claimant"))
        event_id = stable_id(
            doc.doc_id, str(clause.start), coded.sub_event_type or coded.plover or ""
        )
        return Event(
            event_id=event_id,
            event_date=event_date,
            time_precision=precision,
            event_type=coded.event_type,
            sub_event_type=coded.sub_event_type,
            plover_type=coded.plover,
            cameo_root=lexicon.cameo_of(coded.sub_event_type, coded.plover),
            actor1=a1_name,
            assoc_actor_1=coded.assoc1
            or associates(clause.text, a1_name, clue or country, event_date),
            inter1=inter1,
            actor2=a2_name,
            inter2=inter2,
            actor1_backers=coded.actor1.backers if coded.actor1 else (),
            actor2_backers=coded.actor2.backers if coded.actor2 else (),
            country=country_name(country),
            iso3=iso3_of(country),
            admin1=chosen.admin1 if chosen else None,
            admin2=chosen.admin2 if chosen else None,
            location=ascii_name(chosen.name) if chosen else country_name(country),
            latitude=chosen.latitude if chosen else None,
            longitude=chosen.longitude if chosen else None,
            geo_precision=chosen.precision if chosen else None,
            geonameid=chosen.geonameid if chosen else None,
            fatalities=fatalities,
            fatalities_estimated=estimated,
            claims=claims,
            sources=(Source(doc.doc_id, doc.ref, doc.publisher, doc.url, doc.published),),
            evidence=tuple(evidence),
            notes=clause.text.strip(),
            confidence=_confidence(coded, mention is not None, when is not None),
        )


# -- helpers ---------------------------------------------------------------------------------


def _pieces(text: str, limit: int = 100_000) -> Iterator[tuple[int, str]]:
    """Cut a text into pieces the parser accepts, at paragraph or sentence ends.

    A long text (over `PREFILTER_CHARS`) is first reduced to the paragraphs that hold a trigger
    word, with the paragraph before each for context: parsing is the costly stage and most of a
    book-length input holds no event.
    """
    spans: list[tuple[int, int]] = [(0, len(text))]
    if len(text) > PREFILTER_CHARS:
        paragraphs = list(_units(text))
        keep = {i for i, (a, b) in enumerate(paragraphs) if lexicon.has_trigger(text[a:b])}
        keep |= {i - 1 for i in keep if i > 0}
        spans = [paragraphs[i] for i in sorted(keep)]
    for span_start, span_end in spans:
        start = span_start
        while start < span_end:
            end = min(span_end, start + limit)
            if end < span_end:
                cut = max(text.rfind("\n", start, end), text.rfind(". ", start, end))
                end = cut + 1 if cut > start else end
            yield start, text[start:end]
            start = end


def _units(text: str, size: int = 2_000) -> Iterator[tuple[int, int]]:
    """Paragraphs of a text, those longer than `size` cut at sentence ends, as (start, end)."""
    bounds = [0, *(m.end() for m in re.finditer(r"\n\s*\n", text)), len(text)]
    for start, end in itertools.pairwise(bounds):
        while end - start > size:
            cut = text.rfind(". ", start, start + size)
            cut = cut + 2 if cut > start else start + size
            yield start, cut
            start = cut
        if end > start:
            yield start, end


_RELATIVE_SPAN = re.compile(r"\b(?:who|whom|whose|which)\b[^,;()]*", re.I)
# A date further back than this is no news of the day (see `_is_background`).
OLD = timedelta(days=45)


def _in_relative(text: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in _RELATIVE_SPAN.finditer(text))


def _is_background(text: str, dates: list[ResolvedDate], ref: date | None) -> bool:
    if _BACKGROUND.search(text):
        # "On 7 May, workers protested over wages unpaid since 2018": a sentence that opens on a
        # recent date reports that day's event; the background is only a clause of it.
        first = min(dates, key=lambda d: d.start) if dates else None
        if first is None or ref is None or not 0 <= text.find(first.text) < 30:
            return True
        return first.value < ref - timedelta(days=45)
    return bool(ref and dates and all(d.value < ref - timedelta(days=45) for d in dates))


def _toll_of(
    fatal: list[Fatalities], event_type: str | None, sub: str | None, text: str, start: int
) -> list[Fatalities]:
    """An event's dead, less the deaths it is about: for a demonstration, those it demands
    justice for or follows ("following the murder of a man"); for any other happening, a
    death told as what set it off ("after four bodies were found")."""
    if event_type not in {"Protests", "Riots"} or sub == "Excessive force against protesters":
        # "burnt down a bus after it hit and killed one of them", "clashes erupted after four
        # bodies were found": a death told as what set the happening off is not its toll.
        return [
            f for f in fatal if not _SET_OFF_BY.search(text, max(start, f.start - 40), f.start + 1)
        ]
    return [
        f
        for f in fatal
        if (
            # "over the death of militant X, leading to the death of one demonstrator": what
            # the event led to is its own toll, whatever cause was told just before.
            _LED_TO.search(text, max(start, f.start - 30), f.start)
            or not _CAUSE.search(text[max(start, f.start - 60) : f.end])
        )
        and not grievance(text, start, f)
    ]


_SET_OFF_BY = re.compile(
    r"\w[^,;:.]*?\b(?:after|following)\s+(?:(?:the|a|an|it|they|he|she)\s+)?(?:[\w'’-]+\s+){0,3}"
    r"\s*$",
    re.I,
)
_LED_TO = re.compile(
    r"\b(?:result(?:ing|ed)? in|led to|leading to|caus(?:ing|ed))\s+(?:the\s+)?$", re.I
)


def _nearest_date(
    dates: list[ResolvedDate], clause: Clause, trigger: Trigger
) -> ResolvedDate | None:
    """The date of the trigger's own clause; a date that dates a 'said' is the fallback."""
    own = [d for d in dates if clause.start <= d.start < clause.end]
    if not own:
        return None
    speech = re.compile(r"\b(?:said|says|told|reported|announced|stated)\W+(?:\w+\W+){0,2}$", re.I)

    def is_speech(d: ResolvedDate) -> bool:
        return bool(speech.search(clause.text[: d.start - clause.start][-40:]))

    def is_cause(d: ResolvedDate) -> bool:
        """ "attacked the village in retaliation for preventing them from voting on Sunday": a
        day named after the trigger, behind a word that opens a grievance, dates the grievance."""
        if d.start < trigger.end or re.search(r"\d", d.text):
            return False
        between = clause.text[trigger.end - clause.start : d.start - clause.start]
        return bool(_GRIEVANCE_DATE.search(between))

    candidates = [d for d in own if not is_speech(d)] or own
    candidates = [d for d in candidates if not is_cause(d)]
    if not candidates:
        return None
    # A date that opens the clause ("On 9 May 2020, ...") dates all of it.
    lead = [d for d in candidates if d.start - clause.start <= 12]
    if lead:
        return lead[0]
    # Of far-apart dates, the recent ones are the event's; an old one is background.
    latest = max(d.value for d in candidates)
    recent = [d for d in candidates if (latest - d.value).days <= 60] or candidates
    return min(recent, key=lambda d: abs(d.start - trigger.start))


def _actor_name(
    mention: ActorMention | None,
    default: str | None,
    country: str | None,
    when: date | None,
    main_rebel: str | None,
) -> tuple[str | None, int | None]:
    if mention is None:
        if default is None:
            return None, None
        if default.startswith("="):
            return default[1:], None
        if default == "rebel":
            return canonical(ActorMention(0, 0, "", "rebel", None, 3, None), country, when)
        return canonical(ActorMention(0, 0, "", default, None, None, None), country, when)
    generic = mention.kind == "rebel" and mention.name is None and mention.country is None
    generic_word = r"\b(?:rebels?|insurgents?|jihadists?|jihadis|militants?)\b"
    if generic and main_rebel and re.search(generic_word, mention.text, re.I):
        return main_rebel, 2
    return canonical(mention, country, when)


def _unanimous_country(mentions: list[PlaceMention], gaz: Gazetteer, text: str) -> str | None:
    """When no place could be placed, the country that every exact reading of the story's
    unplaced names agrees on ("residents of Narok": only Kenya has a Narok). It gives actors
    their country; the event is still not put at any of those places. A word that is only the
    end or the start of a longer name ("near Karbonit Mine", "Mine" being a Japanese town) is
    no reading of that name."""
    countries: set[str] = set()
    for mention in mentions:
        if mention.place is not None or not mention.text[:1].isupper():
            continue
        window = max(0, mention.start - 80)  # a word, not the whole story before it
        if _LONGER_BEFORE.search(text, window, mention.start) or _LONGER_AFTER.match(
            text, mention.end
        ):
            continue
        # (a name's own places only: "Kibaki" is an alternate spelling of a Ukrainian hamlet)
        readings = [c.place.country for c in gaz.candidates(mention.text, loose=False) if c.main]
        countries.update(c for c in readings if c)
    return countries.pop() if len(countries) == 1 else None


# A capitalised word joined to a name by a space or a hyphen makes it part of a longer one
# (a sentence's first word, "On", "In", stands alone; "Narok County", "North Kivu" are still
# the place's own names).
_LONGER_BEFORE = re.compile(
    r"(?<![.!?]\s)\b(?!(?:On|In|At|Near|The|From|Of|North|South|East|West|Upper|Lower)\b)"
    r"[A-Z][\w'’]*[ -]$"
)
_LONGER_AFTER = re.compile(
    r"[ -](?!(?:County|District|Province|State|Region|Division|Town|City|Village|Ward|Sub)\b)"
    r"[A-Z][\w'’]*"
)


@functools.lru_cache(maxsize=16)
def _story_hint(text: str) -> str | None:
    """The country a story that names no place is about, read once per story; a foreign
    mission ("stormed the British High Commission") says nothing of it."""
    return country_hint(without_missions(text))


def _default_date(doc: Document) -> date | None:
    """The day of an event its story does not date.

    Wire copy, which carries a dateline, is written the day things happen, so its date is the
    story's. A report without a dateline (a digest, a monitor's daily summary, a coder's note)
    is written up after the fact and published the next day, so its events are of the day before.
    """
    if doc.published is None:
        return None
    return doc.published if (doc.dateline or doc.publisher) else doc.published - timedelta(days=1)


def _confidence(coded: Coded, has_place: bool, has_date: bool) -> float:
    score = 0.4 + (0.2 if coded.actor1 is not None else 0.0) + (0.2 if has_place else 0.0)
    return round(min(1.0, score + (0.1 if has_date else 0.0)), 2)
