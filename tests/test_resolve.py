from dataclasses import replace
from datetime import date

from wirewatch.models import Claim, Event, Evidence, Source
from wirewatch.resolve import (
    apportion,
    haversine_km,
    lend_toll,
    merge_into,
    merge_within_document,
)


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


def _named(event: Event) -> Event:
    """The event with the words that name its actor1."""
    return replace(event, evidence=(*event.evidence, Evidence("d", 10, 13, "HTS", "actor1")))


def test_within_a_story_an_unnamed_attacker_is_no_contradiction() -> None:
    named = _named(_event("a", "d"))
    unnamed = replace(_event("b", "d", 1), actor1="Unidentified Armed Group (Syria)")
    (merged,) = merge_within_document([unnamed, named])
    assert merged.actor1 == "Hayat Tahrir al-Sham"  # the named attacker wins
    assert merged.fatalities == 1
    # across stories the two attackers still keep the events apart
    to_write, _ = merge_into([named], [replace(unnamed, sources=(Source("e"),))])
    assert len(to_write) == 1 and to_write[0].event_id == "b"


def test_a_default_actor_or_the_side_attacked_does_not_name_the_attacker() -> None:
    unnamed = replace(
        _event("a", "d", 1),
        actor1="Unidentified Armed Group (Syria)",
        actor2="Military Forces of Syria (2024-)",
    )
    default = replace(_event("b", "d"), actor1="Military Forces of Syria (2024-)")
    (merged,) = merge_within_document([unnamed, default])
    assert merged.actor1 == "Unidentified Armed Group (Syria)"  # no words name the army
    (merged,) = merge_within_document([unnamed, _named(default)])
    assert merged.actor1 == "Unidentified Armed Group (Syria)"  # the army is the side attacked
    other = replace(_named(_event("c", "d")), actor1="Hayat Tahrir al-Sham")
    (merged,) = merge_within_document([unnamed, other])
    assert merged.actor1 == "Hayat Tahrir al-Sham"


def test_within_a_story_two_sides_swapping_roles_are_one_fight() -> None:
    first = replace(_event("a", "d", 2), actor2="Military Forces of Syria (2024-)")
    back = replace(_event("b", "d", 3), actor1="Military Forces of Syria (2024-)")
    assert len(merge_within_document([first, back])) == 1


def test_another_sources_figure_does_not_raise_the_toll() -> None:
    first = _event("a", "d", 1)
    other = replace(_event("b", "d", 2), notes="Other sources report that 2 soldiers were killed")
    (merged,) = merge_within_document([first, other])
    assert merged.fatalities == 1


def test_a_note_that_splits_its_dead_keeps_one_events_share() -> None:
    events = [_event("a", "d", 31), _event("b", "d", 0)]
    shared = apportion(events, "killing at least 31. Fatalities distributed across six events.")
    assert [e.fatalities for e in shared] == [5, 0]
    assert apportion(events, "No split here.") == events


def test_a_coders_figure_is_the_figure_of_every_violent_candidate() -> None:
    protest = replace(_event("c", "d", 0), event_type="Protests", sub_event_type="Peaceful protest")
    events = [_event("a", "d", 1), _event("b", "d", 0), protest]
    coded = apportion(events, "Clashes. Unknown fatalities coded as 10 and split between 3 events.")
    assert [e.fatalities for e in coded] == [3, 3, 0]


def test_within_a_story_a_vague_event_of_another_named_day_stays_apart() -> None:
    province = replace(_event("a", "d", 7), geo_precision=3, location="Aleppo Governorate")
    later = replace(_event("b", "d", 3), event_date=date(2024, 12, 3))
    assert len(merge_within_document([province, later])) == 2
    # without a date of its own, the vague one is the other's headline
    headline = replace(province, evidence=())
    assert len(merge_within_document([headline, later])) == 1


def test_deaths_told_with_an_arrest_are_the_fights_toll() -> None:
    arrest = replace(
        _event("b", "d", 1), event_type="Strategic developments", sub_event_type="Arrests"
    )
    lent = apportion([_event("a", "d", 0), arrest], "Clashes. There was 1 fatality and 7 arrests.")
    assert [e.fatalities for e in lent] == [1, 1]
    kept = apportion([_event("a", "d", 2), arrest], "Clashes. 1 fatality and 7 arrests.")
    assert [e.fatalities for e in kept] == [2, 1]


def test_a_peaceful_protest_keeps_no_dead_when_no_force_is_told() -> None:
    protest = replace(_event("p", "d", 1), event_type="Protests", sub_event_type="Peaceful protest")
    calm = apportion([protest], "Relatives staged a human chain; they said she was killed.")
    assert [e.fatalities for e in calm] == [0]
    shot = apportion([protest], "Protesters marched; one was shot dead by police.")
    assert [e.fatalities for e in shot] == [1]


def test_a_paragraph_that_says_nobody_died_keeps_no_dead() -> None:
    text = "Farmers killed and burned a dozen sheep. There were no human casualties."
    quiet = replace(
        _event("a", "d", 10), evidence=(Evidence("d", 0, 15, "Farmers killed", "fatalities"),)
    )
    assert [e.fatalities for e in apportion([quiet], text)] == [0]
    assert [e.fatalities for e in apportion([quiet], "Farmers killed 10 people.")] == [10]


def test_dead_split_over_days_keep_one_days_share() -> None:
    events = [_event("a", "d", 2)]
    shared = apportion(events, "Clashes. Two fatalities distributed across two days.")
    assert [e.fatalities for e in shared] == [1]


def _clause(event: Event, start: int, end: int, text: str) -> Event:
    return replace(event, evidence=(*event.evidence, Evidence("d", start, end, text, "event")))


def test_the_candidates_of_one_happening_share_its_dead() -> None:
    text = "Forces fired mortars at the positions. A civilian woman was killed."
    clash = _clause(_event("a", "d", 0), 0, 38, text[:38])
    shelling = replace(
        _clause(_event("b", "d", 1), 39, 67, text[39:]),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    assert [e.fatalities for e in apportion([clash, shelling], text)] == [1, 1]
    # another paragraph, another day, a protest or an arrest take none
    apart = text.replace(". A", ".\n\nA")
    moved = replace(shelling, evidence=(Evidence("d", 41, 69, "A civilian", "event"),))
    assert [e.fatalities for e in apportion([clash, moved], apart)] == [0, 1]
    later = replace(shelling, event_date=date(2024, 12, 2))
    assert [e.fatalities for e in apportion([clash, later], text)] == [0, 1]
    protest = replace(clash, event_type="Protests", sub_event_type="Peaceful protest")
    assert [e.fatalities for e in apportion([protest, shelling], text)] == [0, 1]
    # dead the note says are coded apart, or a figure by convention, are lent to none
    apart_text = text + " (coded separately)"
    assert [e.fatalities for e in apportion([clash, shelling], apart_text)] == [0, 1]
    vague = replace(shelling, fatalities=10, fatalities_estimated=True)
    assert [e.fatalities for e in apportion([clash, vague], text)] == [0, 10]


def test_deaths_that_set_a_happening_off_are_lent_to_none() -> None:
    text = "Residents attacked police after two children were killed by gunmen. They threw stones."
    at = text.index(" two children")
    clash = replace(
        _clause(_event("a", "d", 2), 0, 67, text[:67]),
        evidence=(
            Evidence("d", 0, 67, text[:67], "event"),
            Evidence("d", at, at + 26, text[at : at + 26], "fatalities"),
        ),
    )
    riot = replace(
        _clause(_event("b", "d", 0), 68, len(text), text[68:]),
        event_type="Riots",
        sub_event_type="Mob violence",
    )
    assert [e.fatalities for e in apportion([clash, riot], text)] == [2, 0]


def test_a_sentence_that_only_counts_the_dead_is_every_candidates_toll() -> None:
    text = "Three men were found dead. Also, a man was found shot dead. 4 fatalities"
    first = _clause(_event("a", "d", 3), 0, 26, text[:26])
    second = _clause(_event("b", "d", 4), 27, len(text), text[27:])
    assert [e.fatalities for e in apportion([first, second], text)] == [4, 4]


def test_a_candidate_takes_the_larger_figure_and_none_from_an_abduction() -> None:
    text = "Gunmen attacked the mall. 68 dead, hostages taken."
    clash = _clause(_event("a", "d", 0), 0, 25, text[:25])
    attack = replace(
        _clause(_event("b", "d", 68), 26, len(text), text[26:]),
        event_type="Violence against civilians",
        sub_event_type="Attack",
    )
    taken = replace(attack, sub_event_type="Abduction/forced disappearance", fatalities=70)
    assert [e.fatalities for e in apportion([clash, attack, taken], text)] == [68, 68, 70]


def test_another_sides_later_response_keeps_its_dead() -> None:
    text = "Militants attacked a power station. Police responded, killing two militants."
    attack = replace(
        _clause(_event("a", "d", 0), 0, 35, text[:35]),
        event_type="Violence against civilians",
        sub_event_type="Attack",
    )
    response = replace(
        _clause(_event("b", "d", 2), 36, len(text), text[36:]), actor1="Police Forces"
    )
    assert [e.fatalities for e in apportion([attack, response], text)] == [0, 2]
    # the same side telling its own fight on is still one happening
    same = replace(response, actor1=attack.actor1)
    assert [e.fatalities for e in apportion([attack, same], text)] == [2, 2]
    # the force used on a riot is coded within the riot
    riot = replace(attack, event_type="Riots", sub_event_type="Violent demonstration")
    assert [e.fatalities for e in apportion([riot, response], text)] == [2, 2]


def test_a_riot_takes_the_dead_of_the_force_used_on_it() -> None:
    text = "Students clashed with police in Narsingdi. 2 people were killed."
    riot = replace(
        _event("r", "d"),
        event_type="Riots",
        sub_event_type="Violent demonstration",
        evidence=(Evidence("d", 0, 42, text[:42], "event"),),
    )
    force = replace(
        _event("f", "d", fatalities=2),
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        evidence=(Evidence("d", 43, 64, text[43:], "event"),),
    )
    lent = lend_toll([riot, force], text)
    assert [e.fatalities for e in lent] == [2, 2]
    # A protest does not take the dead of another candidate.
    peaceful = replace(riot, event_type="Protests", sub_event_type="Peaceful protest")
    assert lend_toll([peaceful, force], text)[0].fatalities == 0


def test_a_protest_takes_the_dead_shot_after_it_by_no_named_killer() -> None:
    text = "First of three days of protesting in Kisumu. 1 shot dead - DETAILS NOT SPECIFIED"
    protest = replace(
        _clause(_event("p", "d"), 0, 44, text[:44]),
        event_type="Protests",
        sub_event_type="Peaceful protest",
    )
    shot = replace(
        _clause(_event("s", "d", 1), 45, len(text), text[45:]),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Kenya)",
        evidence=(
            Evidence("d", 45, len(text), text[45:], "event"),
            Evidence("d", 45, 56, text[45:56], "fatalities"),
        ),
    )
    assert [e.fatalities for e in lend_toll([protest, shot], text)] == [1, 1]
    # a named killer's deed is a happening of its own
    named = replace(shot, actor1="Al Shabaab")
    assert lend_toll([protest, named], text)[0].fatalities == 0
    # a death the protest is about is no toll of its own
    about = "Residents protested in Kisumu. They marched after 2 were shot dead by gunmen."
    cause = replace(
        shot,
        evidence=(
            Evidence("d", 31, len(about), about[31:], "event"),
            Evidence("d", 50, 66, about[50:66], "fatalities"),
        ),
    )
    assert lend_toll([protest, cause], about)[0].fatalities == 0
