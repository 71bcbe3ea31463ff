"""Numbers of dead: figures and number words tied to the dead, not to the wounded or arrested.

ACLED keeps the most conservative credible figure: "at least 10" is 10, "more than 20" is 20,
"some 200" is 200, "dozens" is 12 and "hundreds" 100 by convention, and deaths reported but not
counted ("several killed", "unknown fatalities") are coded 10 and flagged as estimated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague quantities, coded by ACLED convention; the second value says the figure is estimated.
_VAGUE = {
    "a dozen": (12, False),
    "dozen": (12, False),
    "dozens": (12, True),
    "scores": (20, True),
    "hundreds": (100, True),
    "thousands": (1000, True),
    "several": (10, True),
    "many": (10, True),
    "unknown": (10, True),
    "numerous": (10, True),
    "some": (10, True),
    "a number of": (10, True),
    "a few": (3, True),
    "few": (3, True),
    "couple": (2, False),
    "a couple of": (2, False),
    "both": (2, False),
    "a pair of": (2, False),
}

# Words that continue a spelled-out number ("twenty-three", "two hundred and five"); "a", "an",
# "no" and "single" only ever start one.
_CONTINUING = [
    w for w in list(_UNITS) + list(_TENS) + list(_SCALES) if w not in {"a", "an", "no", "single"}
]
_NUMWORD = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|"
    + "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
    + r")(?:[\s-](?:"
    + "|".join(sorted(_CONTINUING, key=len, reverse=True))
    + r"|and(?=[\s-](?:"
    + "|".join(sorted(_CONTINUING, key=len, reverse=True))
    + r"))))*"
)
_QUANT = (
    r"(?P<qual>at least|more than|over|nearly|almost|around|about|some|approximately|up to|"
    r"as many as|fewer than|less than|an estimated|roughly|between)?\s*(?P<num>"
    + _NUMWORD
    + r"|"
    + "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
    + r")(?:\s*(?:-|to|and)\s*\d+(?!\d))?"  # a range keeps its lower, conservative bound
)

NUMBER_RE = re.compile(r"\b" + _QUANT + r"\b", re.I)

# "N <victim noun>" followed within a few words by a death word, or a death word followed by N.
_DEATH = (
    r"(?:killed|killing|kills|dead|died|dying|deaths?|fatalit(?:y|ies)|lives|slain|"
    r"massacred|executed|beheaded|lynched|murdered|shot dead|bodies|perished|drowned)"
)
_HARM_OTHER = re.compile(
    r"\b(?:wounded|injured|injuring|wounding|hurt|arrested|detained|"
    r"displaced|abducted|kidnapped|missing|rescued|evacuated)\b",
    re.I,
)
# Up to six words between a number and its death word, none of them another harm or a verb of
# counting ("3 wounded and 2 killed": 3 is not the dead).
_NOUN = (
    r"(?:(?!(?:wounded|injured|hurt|arrested|detained|abducted|kidnapped|missing|and)\b)"
    r"[\w'’-]+\s){0,6}?"
)
_PERSON = (
    r"(?:man|woman|boy|girl|child|soldier|officer|policeman|civilian|member|owner|leader|"
    r"commander|resident|farmer|driver|student|teacher|trader|fighter|militant|suspect|person|"
    r"journalist|chief|official|guard|worker|herder|villager|youth|teenager|elder|cleric|imam|"
    r"father|mother|son|daughter|husband|wife|brother|sister|boy|girl|baby|policeman|"
    r"businessman|shopkeeper|executive|secretary|councillor|MP|mayor|thief|robber|gunman)"
)
_MONTH_NEAR = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.I)
_PATTERNS = [
    # "killed 400 insurgents", "killing at least five people", "death toll rose to 12"
    re.compile(
        r"\b(?:killed|killing|kills|killed at least|left|leaving|claimed the lives of|lynched|"
        r"lynching|executed|executing|beheaded|gunned down|shot dead|shot and killed|"
        r"hacked to death|stabbed to death|beat to death|beaten to death|massacred|"
        r"death toll (?:rose |climbed |reached )?(?:to |of |at )?)\s+" + _QUANT + r"\b",
        re.I,
    ),
    # "the death of a local man", "the deaths of three children"
    re.compile(r"\bdeaths? of\s+" + _QUANT + r"\b", re.I),
    # "killed the owner of the house", "shot dead a member of": one person
    re.compile(
        r"\b(?:killed|killing|shot dead|shooting dead|beat to death|stabbed to death)\s+"
        r"(?P<num>the|a|an)\s+(?:[\w'’-]+\s+){0,3}?" + _PERSON + r"\b",
        re.I,
    ),
    # "killing him", "shot her dead": one person
    re.compile(r"\b(?:killed|killing|murdered|shot dead|shooting dead)\s+(?P<num>him|her)\b", re.I),
    # "the man died", "one of the injured men died days later": one person
    re.compile(
        r"\b(?P<num>the|a|an|one)\s+(?:[\w'’-]+\s+){0,4}?" + _PERSON + r"s?\s+(?:later\s+|"
        r"subsequently\s+|then\s+)?died\b",
        re.I,
    ),
    # "the driver is shot and killed", "the gang member was then killed": one person
    re.compile(
        r"\b(?P<num>the|a|an|one)\s+(?:[\w'’-]+\s+){0,4}?"
        + _PERSON
        + r"\s+(?:was|is|has been|had been)\s+(?:\w+\s+){0,2}?(?:killed|shot dead|shot and killed|"
        r"found dead|murdered|executed|lynched|beheaded|hacked to death|stabbed to death)\b",
        re.I,
    ),
    # "10 civilians were killed", "three soldiers died", "two dead", "5 fatalities"
    re.compile(
        r"\b" + _QUANT + r"\s+" + _NOUN + r"(?:were|was|have been|had been|are|got|been|"
        r"reportedly|reported|later|,)?\s*(?:\w+\s)?" + _DEATH + r"\b",
        re.I,
    ),
]
_AND_MORE = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}?and\s+" + _QUANT + r"(?=\s+[A-Za-z])", re.I)
_CODED = re.compile(r"fatalit(?:y|ies)\s+(?:were\s+)?coded\s+as\s+(?P<num>\d+)", re.I)
_NO_DEATH = re.compile(
    r"\bno (?:one|deaths|fatalities|casualties)\b|\bwithout casualties\b|"
    r"\bno(?:body| one) was (?:killed|hurt|injured)\b|\bno injuries\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Fatalities:
    number: int
    estimated: bool
    start: int
    end: int
    text: str


def parse_number(text: str) -> tuple[int, bool] | None:
    """A number or number phrase to (value, estimated); None when it is not a count."""
    t = text.lower().strip().replace(",", "")
    t = re.sub(r"\s*(?:-|to|and)\s*\d+$", "", t)  # a range: its lower bound
    t = re.sub(
        r"^(?:at least|more than|over|nearly|almost|around|about|some|approximately|up to|"
        r"as many as|fewer than|less than|an estimated|roughly|between)\s+",
        "",
        t,
    )
    if t in _VAGUE:
        return _VAGUE[t]
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return int(float(t)), False
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word.isdigit():
            current += int(word)
        else:
            return None
        seen = True
    return (total + current, False) if seen else None


def find_fatalities(text: str, offset: int = 0) -> list[Fatalities]:
    """Figures of dead in one sentence, in text order; none for wounded-only or arrest counts."""
    found: list[Fatalities] = []
    m = _CODED.search(text)
    if m:
        return [
            Fatalities(int(m.group("num")), True, offset + m.start(), offset + m.end(), m.group(0))
        ]
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(f.start <= offset + m.start("num") < f.end for f in found):
                continue
            # The number must belong to the dead: a harm word between the number and the death
            # word ("3 wounded and 2 killed") means this number is not the dead.
            between = text[m.start("num") : m.end()]
            if _HARM_OTHER.search(between) and pattern is _PATTERNS[-1]:
                continue
            lone = m.group("num").lower() in {"the", "him", "her"}
            parsed = (1, False) if lone else parse_number(m.group("num"))
            if parsed is None:
                continue
            before = text[max(0, m.start("num") - 10) : m.start("num")]
            if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) or _MONTH_NEAR.search(before):
                continue  # a year or a day of a month, not a count
            value, estimated = parsed
            num_word = m.group("num").lower()
            lead = m.group(0).lower()
            if (
                pattern is _PATTERNS[-1]
                and num_word in {"a", "an"}
                and not re.search(
                    r"\b(?:was|were|been|is|are|died|dead|fatalit|bodies|death)", lead
                )
            ):
                continue  # "a vigilante group lynched two thieves": "a" counts the killers
            if pattern is not _PATTERNS[-1] and (
                num_word in {"some", "no"}
                or (
                    num_word in {"a", "an"}
                    and not re.match(r"kill|shot|shoot|beat|stab|deaths? of", lead)
                )
            ):
                continue
            if value > 100_000:
                continue
            end = m.end()
            if pattern in (_PATTERNS[0], _PATTERNS[2]):
                # "killed three soldiers and two civilians": both groups are the dead.
                more = _AND_MORE.match(text, end)
                extra = parse_number(more.group("num")) if more else None
                if more and extra:
                    value, estimated, end = value + extra[0], estimated or extra[1], more.end()
            found.append(
                Fatalities(
                    value, estimated, offset + m.start(), offset + end, text[m.start() : end]
                )
            )
    found.sort(key=lambda f: f.start)
    return found


def says_no_deaths(text: str) -> bool:
    """True when the sentence says outright that nobody died."""
    return bool(_NO_DEATH.search(text))
