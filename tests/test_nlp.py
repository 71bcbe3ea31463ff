"""Sentence spans: the parser's splits are mended where a piece has no end of its own."""

from __future__ import annotations

from wirewatch.nlp import parse, sentences


def _pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(parse(text))]


def test_a_number_opening_a_sentence_stays_with_it() -> None:
    text = "On 12 May 2019, BH/IS attacked a military base in Borno. 78 BH/IS fighters were killed."
    assert _pieces(text) == [
        "On 12 May 2019, BH/IS attacked a military base in Borno.",
        "78 BH/IS fighters were killed.",
    ]


def test_titles_do_not_end_sentences() -> None:
    pieces = _pieces("Brig. Gen. Miqdad Miri said the army shelled Idlib. Nobody was hurt.")
    assert pieces[0].startswith("Brig. Gen. Miqdad Miri said") and len(pieces) == 2


def test_a_line_break_or_a_blank_line_is_never_mended_across() -> None:
    pieces = _pieces("Army shells Idlib\n\nThe army shelled Idlib on Monday. Two died")
    assert pieces[0] == "Army shells Idlib"
    assert pieces[-1] == "Two died"


def test_empty_parse_has_no_sentences() -> None:
    assert sentences(parse("")) == []
