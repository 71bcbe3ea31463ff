"""Story text: the canonical form, the wire header, the language flag, and `Document`s from text.

Kept apart from the readers in `ingest` because the Python API and every reader must build a
`Document` the same way: the same normalisation gives the same `doc_id`, and every evidence span
later points into the normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from wirewatch.errors import InputError
from wirewatch.models import Document, stable_id

_DATE_HEADER = re.compile(
    r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE_WORD = r"[A-Z][\w'’.\-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ \-]{_PLACE_WORD}){{0,3}}"
# "Beirut, Dec 2 (AP)", "BEIRUT (Reuters) -", "KYIV, Ukraine (AP) —",
# "KHARTOUM, Sudan, March 3 (AFP):"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,\s*(?P<region>{_PLACE}))?"
    rf"(?:,?\s*(?P<when>{_MONTH}\s+\d{{1,2}}))?"
    r"\s*\((?P<agency>[A-Z][\w/&.\- ]{0,30})\)"
    r"\s*(?P<sep>[-–—:]+)?\s*"
)
# "BEIRUT — Insurgents ..." : a capitalised place and a dash but no agency.
_DATELINE_NO_AGENCY = re.compile(
    rf"^(?P<place>[A-Z][A-Z'’.\- ]{{1,40}}?)(?:,\s*(?P<region>{_PLACE}))?\s+[–—-]+\s+"
)
# fmt: off
_KNOWN_AGENCIES = frozenset(a.lower() for a in (
    "AP", "Reuters", "AFP", "Xinhua", "Anadolu", "dpa", "UPI", "ANI", "IANS", "PTI", "SANA",
    "Al Jazeera", "Bloomberg", "KUNA", "WAFA", "Ukrinform", "Interfax", "TASS", "EFE", "ANSA",
    "Kyodo", "Yonhap", "Bernama", "RFE/RL", "CNN", "BBC", "AA", "IRNA", "Tasnim", "Fars", "NNA",
    "APA", "Sputnik", "RIA Novosti", "Interfax-Ukraine", "The Associated Press",
    "Agence France-Presse",
))
# All-caps words that open a lede with a dash but are not places.
_KICKERS = frozenset((
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "URGENT", "LIVE", "WATCH",
    "CORRECTED", "REFILE", "FLASH", "ALERT", "EDITORIAL",
))
_STOP_WORDS = frozenset((
    "the", "a", "an", "of", "to", "in", "and", "or", "on", "at", "by", "for", "with", "from",
    "that", "this", "is", "was", "were", "are", "be", "been", "has", "have", "had", "said", "says",
    "it", "its", "as", "but", "not", "he", "she", "they", "their", "his", "her", "who", "which",
    "after", "over", "into",
))
# Function words of other languages written in Latin letters (French, Spanish, Portuguese,
# Italian, German, Dutch, Indonesian/Malay, Turkish, Swahili) that English text does not use.
_FOREIGN_STOP_WORDS = frozenset((
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "sur", "par", "qui", "que",
    "el", "los", "las", "y", "del", "por", "para", "con", "una", "en", "es", "fue", "como",
    "os", "da", "do", "dos", "das", "em", "um", "uma", "foi", "com", "não", "nao",
    "il", "di", "che", "della", "sono", "per", "gli",
    "der", "die", "das", "und", "ist", "mit", "den", "von", "zu", "nicht", "het", "een", "van",
    "dan", "yang", "di", "ke", "dari", "dengan", "untuk", "ini", "itu", "bir", "ve", "ile", "bu",
    "na", "wa", "ya", "kwa", "za",
))
# fmt: on
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_SPACES = re.compile(r"[^\S\n]*\t[^\S\n]*|[^\S\n\t]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Header:
    """What the first line of a wire story says about the story, and where the lede starts."""

    published: date | None
    dateline: str | None
    publisher: str | None
    rest: str


def document_from_text(
    text: str,
    *,
    published: date | datetime | str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    ref: str | None = None,
    origin: str | None = None,
) -> Document:
    """A `Document` from a story text, so the Python API and every reader build ids the same way.

    A wire header on the first line fills in the date, dateline and agency when the caller did not.
    Raises `InputError` for a bad date or a text with no words in it.
    """
    clean = normalise_text(text)
    header = parse_header(clean)
    body = header.rest.strip()
    if not body:
        raise InputError(f"the story from {origin or 'the input'} has no text; give the story text")
    when = coerce_date(published) if published is not None else header.published
    return Document(
        doc_id=stable_id(body),
        text=body,
        published=when,
        title=_clean_field(title),
        url=_clean_field(url),
        publisher=_clean_field(publisher) or header.publisher,
        dateline=header.dateline,
        language=guess_language(body),
        origin=origin,
        ref=_clean_field(ref),
    )


def parse_header(first_line: str) -> Header:
    """Split a wire header (`date YYYY-MM-DD`, then a dateline `Place, Mon D (AGENCY)`) off a text.

    Accepts either the first line alone or the whole text; `rest` is what follows the header. A line
    with no header comes back whole in `rest`, so callers need not check first.
    """
    text = first_line.lstrip()
    published: date | None = None
    match = _DATE_HEADER.match(text)
    if match:
        try:
            published = date.fromisoformat(match.group(1))
        except ValueError:
            published = None
        if published is not None:
            text = text[match.end() :].lstrip()
    dateline, publisher, text = _split_dateline(text)
    return Header(published=published, dateline=dateline, publisher=publisher, rest=text)


def normalise_text(text: str) -> str:
    """One canonical form per story, so ids are stable and evidence offsets stay valid."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(lambda m: "\t" if "\t" in m.group(0) else " ", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def guess_language(text: str) -> str:
    """Return "en" or "und": a cheap flag for the engine, not a language detector."""
    words = _WORD.findall(text[:5000])
    if not words:
        return "und"
    letters = "".join(words)
    ascii_share = sum(1 for ch in letters if ch.isascii()) / len(letters)
    english = sum(1 for w in words if w.lower() in _STOP_WORDS)
    foreign = sum(1 for w in words if w.lower() in _FOREIGN_STOP_WORDS)
    if ascii_share < 0.9:
        return "und"
    if len(words) < 12:
        # Too few words to count function words: a short all-ASCII line ("Jets struck Hama.") is
        # far more likely an English headline than anything else.
        return "en" if english >= foreign else "und"
    # Terse English (coders' notes, headlines) has few function words, but still more English
    # than foreign ones; another language has more of its own.
    return "en" if english >= foreign else "und"


def _split_dateline(text: str) -> tuple[str | None, str | None, str]:
    match = _DATELINE.match(text)
    if match:
        agency = match.group("agency").strip()
        # "Insurgents (HTS) seized ..." looks like a dateline; demand a known agency, a dash or a
        # date before trusting it.
        if agency.lower() in _KNOWN_AGENCIES or match.group("sep") or match.group("when"):
            return _title_place(match.group("place")), agency, text[match.end() :]
    match = _DATELINE_NO_AGENCY.match(text)
    place = match.group("place").strip() if match else ""
    if match and len(place) >= 3 and place not in _KICKERS:
        return _title_place(place), None, text[match.end() :]
    return None, None, text


def _title_place(place: str) -> str:
    place = place.strip(" ,")
    return place.title() if place.isupper() else place


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    text = normalise_text(str(value))
    return text or None


def coerce_date(value: date | datetime | str) -> date:
    """Dates arrive as ISO dates, ISO datetimes or RFC 2822 strings; anything else is an error."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    try:
        return (
            date.fromisoformat(raw[:10]) if len(raw) == 10 else datetime.fromisoformat(raw).date()
        )
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(
        f"cannot read the date {raw!r}; write it as YYYY-MM-DD or an ISO 8601 date and time"
    )
