"""Regular expressions kept as data must stay linear in the story's length.

A convention tested with `re.search` against a whole story, such as
``(?s)(?=.*OSCE)(?!.*Ukrainian forces).*\\bAvdiivka``, re-reads the rest of the story from every
position when it is not anchored: a 130 kB story then took ten minutes. Anchored at the story's
start (``\\A``), the look-ahead runs once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

_DOTSTAR_LOOK = re.compile(r"\(\?[=!]\.\*")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _data_files() -> list[str]:
    folder = resources.files("wirewatch") / "data"
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def _unanchored(pattern: str) -> bool:
    """Whether a look-ahead over the rest of the text can start anywhere but the text's start."""
    first = _DOTSTAR_LOOK.search(pattern)
    if first is None:
        return False
    head = re.sub(r"^\(\?[aiLmsux]+\)", "", pattern[: first.start()])
    return head not in {r"\A", "^"}


@pytest.mark.parametrize("name", _data_files())
def test_story_wide_lookaheads_are_anchored(name: str) -> None:
    data = json.loads((resources.files("wirewatch") / "data" / name).read_text("utf-8"))
    bad = [s[:80] for s in _strings(data) if _unanchored(s)]
    assert bad == [], f"{name}: anchor these patterns with \\A: {bad}"


def test_the_check_finds_an_unanchored_lookahead() -> None:
    assert _unanchored(r"(?s)(?=.*\bOSCE\b).*\bPisky\b")
    assert not _unanchored(r"(?s)\A(?=.*\bOSCE\b).*\bPisky\b")
    assert not _unanchored(r"\bOSCE\b|\bSMM\b")


def test_an_anchored_convention_still_matches_anywhere_in_the_story() -> None:
    pattern = r"(?s)\A(?=.*\bOSCE\b)(?!.*\bUkrainian forces\b).*\bPisky\b"
    assert re.search(pattern, "Shelling hit Pisky.\n\nThe OSCE SMM recorded it.")
    assert not re.search(pattern, "Ukrainian forces shelled Pisky, the OSCE said.")


def test_country_clues_start_a_word() -> None:
    """`actors._clue_patterns` puts one \\b before the union of a country's clues, which is only
    right when each clue starts a word."""
    data = json.loads((resources.files("wirewatch") / "data" / "demonyms.json").read_text("utf-8"))
    bad = [
        pattern
        for patterns in data["country_clues"].values()
        for pattern in patterns
        if not re.match(r"(?:\(\?i\))?(?:\\b|\(\?:\\b|[A-Za-z])", pattern)
    ]
    assert bad == []
