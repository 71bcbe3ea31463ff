"""Finds place names in a story and resolves each to one gazetteer entry, or says why not.

Recognition starts from spaCy's entities but does not trust their labels: the small English model
tags "Bou Kamal" as ORG and "Tel Rifaat" as PERSON, so ORG/PERSON entities and capitalised proper-
noun runs are kept when the gazetteer knows them (with stricter conditions than GPE/LOC/FAC, so
"Human" in "Syrian Observatory for Human Rights" never becomes a town). Demonyms are not places but
tell us which country a story is about.

Resolution is two-pass. The first pass picks each name's most likely sense without context and
counts countries (weighted; countries named outright and demonyms count most) to find the story's
focus country. The second pass ranks candidates with general features: population, feature kind,
focus country, countries named in the story, the dateline, containment ("Springfield, Illinois"
or an admin1 named elsewhere), and cue words ("Hama province", "Idlib city", "northern Hama").
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirewatch.gazetteer import Candidate, Gazetteer, normalise
from wirewatch.models import Document, Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"ORG", "PERSON", "NORP"})
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
        "county",
        "prefecture",
        "department",
        "territory",
    ]
)
TOWN_CUES = frozenset(
    ["city", "town", "village", "suburb", "neighbourhood", "neighborhood", "camp"]
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
DIRECTIONS = re.compile(
    r"^(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\b|^(?:central|rural)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_DATELINE = re.compile(r"^\s*(?:date \S+\s+)?([A-Z][A-Za-z.' -]{1,40}?)(?:,| \(|\s+[-–—])")
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "az",
        "ez",
        "ad",
        "ar",
        "as",
        "ash",
        "an",
        "en",
        "de",
        "du",
        "da",
        "di",
        "la",
        "le",
    ]
)
_NON_NAMES = frozenset(
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
        "president",
        "minister",
    ]
)


@dataclass
class _Span:
    start: int
    end: int
    text: str  # the name to look up (cue words and "the" stripped)
    strong: bool
    label: str
    cue_region: bool = False
    cue_town: bool = False
    near: bool = False
    cands: tuple[Candidate, ...] = ()


def _feature_prior(c: Candidate) -> float:
    code = c.place.feature_code or ""
    pop = c.place.population
    base = math.log10(pop + 10)
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


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[max(0, start - 30) : start].lower()
    after = text[end : end + 25].lower()
    return before, after


def _make_span(
    text: str, start: int, end: int, strong: bool, label: str, strip: bool = True
) -> _Span | None:
    name = text[start:end]
    m = _LEADING.match(name)
    if m:
        start += m.end()
        name = name[m.end() :]
    if name.endswith(("'s", "’s")):
        name, end = name[:-2], end - 2
    span = _Span(start, end, name.strip(), strong, label)
    if not strip:
        return span if span.text[:1].isupper() else None
    words = span.text.split()
    while len(words) > 1 and words[-1].lower() in REGION_CUES | TOWN_CUES | NEAR_AFTER:
        cue = words.pop().lower()
        span.cue_region |= cue in REGION_CUES
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
    if not span.text or not span.text[0].isupper():
        return None
    return span


def _cues(span: _Span, text: str) -> None:
    before, after = _context(text, span.start, span.end)
    after_words = re.findall(r"[a-z]+", after)[:2]
    if after_words:
        span.cue_region |= after_words[0] in REGION_CUES
        span.cue_town |= after_words[0] in TOWN_CUES
        span.near |= after_words[0] in NEAR_AFTER
    before = before.rstrip()
    if DIRECTIONS.search(before.split()[-1] if before.split() else ""):
        span.near = True
    span.near |= before.endswith(NEAR_BEFORE)


def _spans(sdoc: Doc, text: str, base: int) -> list[tuple[_Span, _Span | None]]:
    """Candidate name spans: entities first, then capitalised proper-noun runs outside entities.

    Each comes whole and with cue words stripped ("Hama province" -> "Hama"): the whole name is
    tried first, so "South Korea" or "Fulton County" are never cut.
    """
    out: list[tuple[_Span, _Span | None]] = []
    covered: set[int] = set()
    ent: Span
    for ent in sdoc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ not in STRONG_LABELS and ent.label_ not in WEAK_LABELS:
            continue
        args = (
            text,
            ent.start_char + base,
            ent.end_char + base,
            ent.label_ in STRONG_LABELS,
            ent.label_,
        )
        whole, cut = _make_span(*args, strip=False), _make_span(*args)
        if whole is not None or cut is not None:
            out.append((whole or cut, cut))  # type: ignore[arg-type]
    run: list[int] = []
    for tok in [*sdoc, None]:
        if (
            tok is not None
            and tok.i not in covered
            and tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and not tok.is_stop
        ):
            run.append(tok.i)
            continue
        if (  # an article inside a name: "Dayr az Zawr", "Ras al Ain"
            tok is not None
            and run
            and tok.lower_ in _PARTICLES
            and tok.i + 1 < len(sdoc)
            and sdoc[tok.i + 1].text[:1].isupper()
            and tok.i + 1 not in covered
        ):
            run.append(tok.i)
            continue
        if run:
            first, last = sdoc[run[0]], sdoc[run[-1]]
            args2 = (text, first.idx + base, last.idx + len(last) + base, False, "PROPN")
            whole, cut = _make_span(*args2, strip=False), _make_span(*args2)
            if whole is not None or cut is not None:
                out.append((whole or cut, cut))  # type: ignore[arg-type]
            run = []
    out.sort(key=lambda pair: pair[0].start)
    return out


class _Story:
    """What the story says about countries: counts, dateline, names mentioned."""

    def __init__(self) -> None:
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.admin1s: Counter[tuple[str, str]] = Counter()
        self.weak: dict[str, set[str]] = {}  # country -> names of weak spans that may lie there
        self.names: set[str] = set()
        self.dateline_country: str | None = None

    @property
    def focus(self) -> str | None:
        if not any(self.countries.values()):
            return None
        return sorted(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _score(
    c: Candidate,
    span: _Span,
    story: _Story,
    follower: str | None,
    gaz: Gazetteer,
    regions: frozenset[tuple[str | None, str]],
) -> float:
    p = c.place
    code = p.feature_code or ""
    s = _prior(c)
    if code.startswith("PPL") and p.admin1 and (p.country, normalise(p.admin1)) in regions:
        s += 1.5  # the namesake city of a region also named here: the city, unless cued
    total = sum(story.countries.values())
    if p.country and total > 0:
        share = story.countries.get(p.country, 0.0) / total
        s += 2.5 * share + (0.5 if story.countries.get(p.country, 0.0) else 0.0)
        if p.country == story.focus:
            s += 1.0
    if p.country and p.country == story.dateline_country:
        s += 0.5
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
    if follower is not None:
        fkey = normalise(follower)
        if (p.admin1 and normalise(p.admin1) == fkey) or (
            p.country and gaz.country_code(follower) == p.country
        ):
            s += 5.0
    if span.cue_region:
        s += 5.0 if code in ("ADM1", "ADM2") else 0.0
    elif code == "ADM1" and not code.startswith("PCL"):
        s -= 0.8  # a bare name shared by a region and its main city is the city
    if span.cue_town and code.startswith("PPL"):
        s += 3.0
    return s


def _acceptable(span: _Span, c: Candidate, story: _Story, text: str) -> bool:
    """Weak spans (ORG/PERSON/plain capitalised words) need more evidence to count as places."""
    code = c.place.feature_code or ""
    if span.strong:
        if span.label == "LOC" and code.startswith("PPL"):
            return c.place.population >= 100000  # LOC names regions: "Middle East" is no hamlet
        return c.exact or bool(c.place.country and story.countries.get(c.place.country, 0.0))
    key = normalise(span.text)
    if key in _NON_NAMES or len(key) < 3:
        return False
    if re.search(r"\b" + re.escape(key) + r"\b", text.lower()) and re.search(
        r"(?<![A-Za-z])" + re.escape(key) + r"(?![A-Za-z])", text
    ):
        return False  # the word also occurs in lower case: a common word, not a name
    known = bool(c.place.country and story.countries.get(c.place.country, 0.0))
    if code.startswith("PCL") and c.exact:
        return True
    if span.label == "NORP" and not c.exact:
        return False
    if not known:  # only a big city under its own name stands without support from the story
        return c.exact and c.main and c.place.population >= 500000 and span.label != "PERSON"
    if not c.exact:  # a loose match off an unlabelled name: only in the story's own country
        local = c.place.country == story.focus
        return local and (c.place.population >= 1000 or code.startswith("ADM"))
    if span.label == "PROPN":
        return c.place.population >= 1000 or code.startswith("ADM")
    if span.label == "PERSON":  # people are often named after places: want a strong hint
        focus_multiword = c.place.country == story.focus and len(span.text.split()) > 1
        return c.place.population >= 20000 or code == "ADM1" or focus_multiword
    local = c.place.country == story.focus
    return code.startswith("ADM") or c.place.population >= (1000 if local else 50000)


def _loose_ok(span: _Span) -> bool:
    """Loose keys only for names that look like transliterations, never acronyms or short words."""
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) >= 5 and not span.text.isupper() and "." not in span.text


def _dateline(doc: Document, gaz: Gazetteer) -> str | None:
    line = doc.dateline
    if not line:
        m = _DATELINE.match(doc.text)
        line = m.group(1) if m else None
    if not line:
        return None
    cands = gaz.candidates(line.split(",")[0].strip().title(), False)
    return cands[0].place.country if cands else None


def _precision(place: Place, span: _Span) -> Place:
    code = place.feature_code or ""
    if span.near and code.startswith("PPL") and place.precision < 2:
        return dataclasses.replace(place, precision=2)
    return place


def geoparse(doc: Document, sdoc: Doc, gaz: Gazetteer, offset: int = 0) -> list[PlaceMention]:
    """Place mentions of one story; `offset` is where `sdoc`'s text starts in `doc.text`."""
    text = doc.text
    story = _Story()
    story.dateline_country = _dateline(doc, gaz)
    if story.dateline_country:
        story.countries[story.dateline_country] += 1
    spans: list[_Span] = []
    for whole, cut in _spans(sdoc, text, offset):
        iso = gaz.demonym(whole.text)
        if iso is not None and gaz.country_code(whole.text) is None:
            story.countries[iso] += 1
            continue
        span = whole
        span.cands = gaz.candidates(span.text, _loose_ok(span))
        if not any(c.exact for c in span.cands) and cut is not None and cut.text != whole.text:
            cut.cands = gaz.candidates(cut.text, _loose_ok(cut))
            if cut.cands:
                span = cut
        _cues(span, text)
        spans.append(span)
        if span.cands:
            story.names.add(normalise(span.text))
    # First pass: the context-free best sense of each name votes for its country.
    for span in spans:
        if not span.cands:
            continue
        best = max(span.cands, key=_prior)
        if best.place.country and not span.strong:
            story.weak.setdefault(best.place.country, set()).add(normalise(span.text))
        if best.place.country and span.strong:
            code = best.place.feature_code or ""
            weight = 1.5 if code.startswith("PCL") else 1.0
            story.countries[best.place.country] += weight
            if best.place.admin1 and len(span.cands) == 1:
                story.admin1s[(best.place.country, best.place.admin1)] += 1
    for iso, names in story.weak.items():
        if len(names) >= 2 and not story.countries.get(iso, 0.0):
            story.countries[iso] += 0.5  # several unlabelled names agreeing on one country
    mentions: list[PlaceMention] = []
    for i, span in enumerate(spans):
        follower = None
        if i + 1 < len(spans) and text[span.end : spans[i + 1].start].strip() == ",":
            follower = spans[i + 1].text
        ok = [c for c in span.cands if _acceptable(span, c, story, text)]
        if not ok:
            if span.strong:
                reason = (
                    "no gazetteer entry" if not span.cands else "candidates rejected as unlikely"
                )
                mentions.append(
                    PlaceMention(
                        doc.doc_id,
                        span.start,
                        span.end,
                        span.text,
                        None,
                        0.0,
                        f"{reason} for {span.text!r}",
                    )
                )
            continue
        regions = frozenset(
            (c.place.country, normalise(c.place.name)) for c in ok if c.place.feature_code == "ADM1"
        )
        scored = sorted(
            ((_score(c, span, story, follower, gaz, regions), c) for c in ok),
            key=lambda sc: (-sc[0], sc[1].place.geonameid or 0),
        )
        top, best = scored[0]
        margin = top - scored[1][0] if len(scored) > 1 else 5.0
        confidence = round(1.0 / (1.0 + math.exp(-margin)), 3)
        mentions.append(
            PlaceMention(
                doc.doc_id,
                span.start,
                span.end,
                text[span.start : span.end],
                _precision(best.place, span),
                confidence,
            )
        )
    return mentions


def focus_country(mentions: Iterable[PlaceMention]) -> str | None:
    """The story's main country (ISO2): the country its resolved places most often lie in."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.place is not None and m.place.country:
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
