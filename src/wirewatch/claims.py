"""Who claims it: the source a sentence attributes its facts to.

Two shapes cover most wire copy: "according to X" and a speech verb with its subject ("Syria's
military said", "said the Iraqi militia official, who spoke on condition of anonymity"). The subject
is read from the dependency parse; a named monitor met earlier in the story ("the monitor said")
is resolved to its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirewatch.actors import canonical

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wirewatch.actors import ActorMention

# Speech verbs in the forms wire copy uses (the pipeline runs without its lemmatizer, for speed).
SPEECH_VERBS = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "report",
        "reports",
        "reported",
        "claim",
        "claims",
        "claimed",
        "announce",
        "announces",
        "announced",
        "state",
        "states",
        "stated",
        "confirm",
        "confirms",
        "confirmed",
        "add",
        "adds",
        "added",
        "allege",
        "alleges",
        "alleged",
    ]
)
_ACCORDING = re.compile(r"\baccording to (?:the |a |an )?(?P<who>[^,.;:()\"“”]+)", re.I)
_DROP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "appos"})


@dataclass(frozen=True, slots=True)
class Claimant:
    name: str
    text: str
    start: int
    end: int


def _subject_text(token: Token) -> tuple[int, int, str]:
    """The subject's words, without the relative clause or apposition that follow it."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _DROP_DEPS]
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children if c.dep_ not in _DROP_DEPS)
    first = min(t.i for t in keep)
    last = max(t.i for t in keep)
    span = token.doc[first : last + 1]  # a span's text, not `Doc.text`, which joins every token
    return span.start_char, span.end_char, span.text


def _named(text: str, start: int, doc_actors: list[ActorMention]) -> str:
    """A monitor or group named earlier in the story stands for "the monitor", "the group"."""
    lowered = text.lower()
    for actor in doc_actors:
        overlaps = actor.start < start + len(text) and start < actor.end
        if actor.name and (overlaps or (actor.start <= start and actor.text.lower() in lowered)):
            return canonical(actor, actor.country, None)[0]
    if re.search(r"\b(?:monitor|observatory)\b", lowered):
        monitors = [a for a in doc_actors if a.kind == "monitor" and a.start <= start]
        if monitors:
            return str(monitors[-1].name)
    cleaned = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    cleaned = re.sub(r"\s+", " ", cleaned)
    return cleaned[:1].upper() + cleaned[1:]


def find_claimants(sent: Span, doc_actors: list[ActorMention], offset: int) -> list[Claimant]:
    """Claimants of one parsed sentence; `offset` maps the parse's characters into the document."""
    found: list[Claimant] = []
    base = offset - sent.start_char
    for m in _ACCORDING.finditer(sent.text):
        who = m.group("who").strip()
        who = re.split(r"\s+(?:in|on|at|from|which|who|that)\s+(?=[a-z])", who)[0]
        words = who.split()
        who = " ".join(words[:8])
        start = offset + m.start("who")
        found.append(Claimant(_named(who, start, doc_actors), who, start, start + len(who)))
    for token in sent:
        if token.lower_ not in SPEECH_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        # "Fire by an unknown party was reported": a passive's subject is what was reported,
        # and its reporter, if any, is the agent ("was reported by the army").
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects:
            subjects = [
                c
                for agent in token.children
                if agent.dep_ == "agent"
                for c in agent.children
                if c.dep_ == "pobj"
            ]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.pos_ == "PRON" and subject.lower_ not in {"it"}:
            continue
        left, right, text = _subject_text(subject)
        if len(text.split()) > 10:
            continue
        start = base + left
        if subject.lower_ == "it":
            prior = [c for c in found if c.start < start]
            if not prior:
                continue
            found.append(Claimant(prior[-1].name, text, start, base + right))
            continue
        found.append(Claimant(_named(text, start, doc_actors), text, start, base + right))
    return found
