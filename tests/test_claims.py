"""Claimants: who says a figure or a fact, from speech verbs and "according to"."""

from __future__ import annotations

from wirewatch.claims import find_claimants
from wirewatch.nlp import parse


def _claimants(text: str) -> list[str]:
    doc = parse(text)
    return [c.text for c in find_claimants(doc[:], [], 0)]


def test_the_subject_of_a_speech_verb_claims() -> None:
    assert _claimants("The army said it killed five militants near Idlib.") == ["The army"]


def test_according_to_names_the_source() -> None:
    found = _claimants("Five died, according to the Syrian Observatory for Human Rights.")
    assert found == ["Syrian Observatory for Human Rights"]


def test_what_was_reported_is_not_its_reporter() -> None:
    assert _claimants("Fire by an unknown party was reported near Tripoli.") == []


def test_a_passive_speech_verb_takes_its_agent() -> None:
    found = _claimants("The attack was reported by the Syrian Observatory for Human Rights.")
    assert found == ["the Syrian Observatory for Human Rights"]
