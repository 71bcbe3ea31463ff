from dataclasses import replace
from datetime import date

from wirewatch.models import Claim, Event, Evidence, Source
from wirewatch.resolve import haversine_km, merge_into, merge_within_document


def _event(
    event_id: str,
    doc: str,
    fatalities: int = 0,
    lat: float = 36.2,
    lon: float = 37.16,
    location: str = "Aleppo",
) -> Event:
    return Event(
        event_id=event_id,
        event_date=date(2024, 12, 1),
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Hayat Tahrir al-Sham",
        location=location,
        latitude=lat,
        longitude=lon,
        geo_precision=1,
        country="Syria",
        fatalities=fatalities,
        claims=(Claim(doc, fatalities or None, "text"),),
        sources=(Source(doc),),
        evidence=(Evidence(doc, 0, 4, "text", "event_date"),),
    )


def test_haversine() -> None:
    assert abs(haversine_km(0, 0, 0, 1) - 111.19) < 0.1


def test_two_stories_of_one_event_merge_and_keep_both_claims() -> None:
    stored = [_event("a", "doc1", fatalities=12)]
    to_write, unchanged = merge_into(stored, [_event("b", "doc2", fatalities=9, lat=36.25)])
    assert unchanged == []
    (merged,) = to_write
    assert merged.event_id == "a"
    assert merged.fatalities == 9  # the most conservative figure across stories
    assert {c.claimant for c in merged.claims} == {"doc1", "doc2"}
    assert {s.doc_id for s in merged.sources} == {"doc1", "doc2"}


def test_distant_or_different_events_stay_apart() -> None:
    far = _event("b", "doc2", lat=33.5, lon=36.3, location="Damascus")
    other_day = replace(_event("c", "doc3"), event_date=date(2024, 12, 5))
    to_write, _ = merge_into([_event("a", "doc1")], [far, other_day])
    assert {e.event_id for e in to_write} == {"b", "c"}


def test_same_candidate_twice_is_idempotent() -> None:
    to_write, _ = merge_into([_event("a", "doc1")], [_event("a", "doc1")])
    assert to_write == []


def test_within_a_story_the_larger_figure_wins() -> None:
    merged = merge_within_document([_event("a", "d", 3), _event("b", "d", 5)])
    assert [e.fatalities for e in merged] == [5]
