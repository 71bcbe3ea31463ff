"""Resolve when an event happened from the words of its sentence and the story's date.

Wire stories say "on Sunday", "overnight", "last week"; ACLED notes say "On 9 May 2020" or
"Around 9 May (as reported)". A general date parser gets several of these wrong (it has no notion of
"overnight" and treats "last week" as one day), so the rules are explicit here. Each result carries
ACLED's time precision: 1 the day is known, 2 the week or a few days, 3 only the month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}

_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WEEKDAY_RE = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:'s)?"

# Order matters: the first pattern that matches a span wins; vague markers are checked for first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "between 1 and 7 May", "15-16 January", "September 11th and 12th": ACLED dates a span of
    # days by its first day, at week precision.
    (
        "range",
        re.compile(
            r"\b(?:between\s+)?"
            + _DAY_RE
            + r"\s*(?:-|–|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + _MONTH_RE
            + _YEAR_RE
            + r"\b",
            re.I,
        ),
    ),
    (
        "range",
        re.compile(
            r"\b"
            + _MONTH_RE
            + r"\s+"
            + _DAY_RE
            + r"\s*(?:-|–|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?\b"
            + _YEAR_RE,
            re.I,
        ),
    ),
    ("dm", re.compile(r"\b" + _DAY_RE + r"\s+(?:of\s+)?" + _MONTH_RE + _YEAR_RE + r"\b", re.I)),
    ("md", re.compile(r"\b" + _MONTH_RE + r"\s+" + _DAY_RE + _YEAR_RE + r"\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>[01]\d)[-/](?P<day>[0-3]\d)\b")),
    # "20/12/2008", "12/20/2008": a numeric day and month with a four-digit year, read only
    # where the order cannot be mistaken (one of the two is over 12).
    (
        "numeric",
        re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?:early|late)\s+(?:on\s+)?|on\s+|last\s+|this\s+)?"
            + _WEEKDAY_RE
            + r"(?:\s+(?:night|morning|afternoon|evening))?\b",
            re.I,
        ),
    ),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    (
        "today",
        re.compile(
            r"\b(?:today|tonight|this (?:morning|afternoon|evening)|overnight|"
            r"(?:over|in) the (?:past|last) (?:24|twenty-four) hours)\b",
            re.I,
        ),
    ),
    (
        "days_ago",
        re.compile(r"\b(?P<n>two|three|four|five|six|\d)\s+days\s+(?:ago|earlier)\b", re.I),
    ),
    (
        "last_week",
        re.compile(
            r"\b(?:last|past|previous)\s+week(?:end)?\b|\bearlier (?:this|in the) week\b", re.I
        ),
    ),
    ("this_month", re.compile(r"\b(?:earlier|late|early) (?:this|last) month\b", re.I)),
    (
        "month_year",
        re.compile(
            r"\b(?:in|during|since)\s+(?:early\s+|late\s+|mid-?)?" + _MONTH_RE + _YEAR_RE + r"\b",
            re.I,
        ),
    ),
]

_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_VAGUE = re.compile(r"\b(?:around|about|between|sometime|circa|as reported|week of)\b", re.I)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: date
    precision: int
    start: int
    end: int
    text: str


def _year_for(month: int, day: int, ref: date | None) -> int | None:
    """The year of a day-and-month with no year: the latest one not after the story's date,
    unless the day is only weeks ahead: then it is one to come ("a rally scheduled for Jan 29",
    told on 25 January), not the same day a year before."""
    if ref is None:
        return None
    for year in (ref.year, ref.year + 1):
        try:
            ahead = (date(year, month, day) - ref).days
        except ValueError:
            continue
        if 1 < ahead <= _SOON:
            return year
    for year in (ref.year, ref.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= ref + timedelta(days=1):
            return year
    return ref.year - 1


# How far ahead of the story a day with no year may be and still be read as one to come.
_SOON = 31


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(
    kind: str, m: re.Match[str], ref: date | None, today: date | None = None
) -> tuple[date, int] | None:
    groups = m.groupdict()
    if kind == "numeric":
        a, b = int(groups["a"]), int(groups["b"])
        if (a > 12) == (b > 12):
            return None  # "3/4/2020" is the 3rd of April or March the 4th: no date
        day, month = (a, b) if a > 12 else (b, a)
        numeric = _safe_date(int(groups["year"]), month, day)
        return (numeric, 1) if numeric is not None else None
    if kind in {"dm", "md", "iso", "range"}:
        month_raw = groups["month"]
        month = int(month_raw) if month_raw.isdigit() else MONTHS[month_raw.lower()]
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else _year_for(month, day, ref)
        value = _safe_date(year, month, day)
        if value is None:
            return None
        return value, 2 if kind == "range" else 1
    if ref is None:
        return None
    if kind == "weekday":
        target = WEEKDAYS[groups["weekday"].lower()]
        back = (ref.weekday() - target) % 7
        if m.group(0).lower().startswith("last ") and back == 0:
            back = 7
        return ref - timedelta(days=back), 1
    if kind == "yesterday":
        return ref - timedelta(days=1), 1
    if kind == "today":
        return today or ref, 1
    if kind == "days_ago":
        raw = groups["n"].lower()
        n = _SMALL.get(raw) or int(raw)
        return ref - timedelta(days=n), 1
    if kind == "last_week":
        text = m.group(0).lower()
        if "earlier" in text:
            return ref - timedelta(days=max(ref.weekday(), 1) // 2 + 1), 2
        # The middle of the previous Monday-to-Sunday week.
        monday = ref - timedelta(days=ref.weekday() + 7)
        return monday + timedelta(days=3), 2
    if kind == "this_month":
        text = m.group(0).lower()
        base = ref.replace(day=1) - timedelta(days=1) if "last month" in text else ref
        return base.replace(day=min(15, base.day)), 3
    if kind == "month_year":
        month = MONTHS[groups["month"].lower()]
        year = int(groups["year"]) if groups.get("year") else _year_for(month, 1, ref)
        # ACLED dates an event known only by its month on the 15th; a month still running is
        # dated no later than the story, and a month to come is no date of this event.
        value = _safe_date(year, month, 15)
        if value is None:
            return None
        if ref is not None and value > ref:
            if (year, month) != (ref.year, ref.month):
                return None
            value = ref
        return value, 3
    return None


def find_dates(
    text: str, ref: date | None, offset: int = 0, *, today: date | None = None
) -> list[ResolvedDate]:
    """Every date expression in `text`, resolved against the story date `ref`, in text order.

    `today` is the day the story was written when that is not its date of publication: a
    digest or a coder's note published the day after its events says "today" and "overnight"
    of the day it was written ("Mau Mau veterans stormed the High Commission earlier today").
    """
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved = _resolve(kind, m, ref, today)
            if resolved is None:
                continue
            value, precision = resolved
            before = text[max(0, m.start() - 25) : m.start()]
            after = text[m.end() : m.end() + 16]
            if precision == 1 and (_VAGUE.search(before) or "as reported" in after.lower()):
                precision = 2
            taken.append((m.start(), m.end()))
            found.append(
                ResolvedDate(value, precision, offset + m.start(), offset + m.end(), m.group(0))
            )
    found.sort(key=lambda d: d.start)
    return found


def resolve_date(text: str, ref: date | None, offset: int = 0) -> ResolvedDate | None:
    """The date an event sentence refers to: the first explicit one, else None (caller defaults)."""
    dates = [
        d
        for d in find_dates(text, ref, offset)
        if ref is None or d.value <= ref + timedelta(days=1)
    ]
    return dates[0] if dates else None
