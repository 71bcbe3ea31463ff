"""The rule engine on short stories the tests write themselves."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.errors import InputError
from wirewatch.models import Event
from wirewatch.pipeline import extract


def _one(text: str, published: str = "2024-02-05") -> Event:
    events = [e for e in extract(text, published=published) if e.event_type]
    assert len(events) == 1, [(e.event_type, e.notes) for e in events]
    return events[0]


def test_killing_of_villagers_is_violence_against_civilians() -> None:
    e = _one(
        "Gunmen killed seven people in an attack on a village in Benue state on Sunday, police said."
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.fatalities == 7
    assert e.event_date == date(2024, 2, 4)
    assert e.country == "Nigeria"
    assert e.actor1 == "Unidentified Armed Group (Nigeria)"
    assert e.claims and e.claims[0].claimant == "Police"


def test_killing_of_soldiers_is_a_battle() -> None:
    e = _one(
        "Militants attacked an army checkpoint in Kandahar on Saturday, killing four soldiers."
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert e.fatalities == 4


def test_airstrike_and_its_state() -> None:
    e = _one(
        "Russian airstrikes hit the outskirts of Kharkiv on Monday, killing two civilians.",
        published="2024-03-12",
    )
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1 == "Military Forces of Russia (2000-)"
    assert e.location == "Kharkiv"
    assert e.event_date == date(2024, 3, 11)


def test_protest_with_police_intervention_is_one_event() -> None:
    e = _one(
        "Thousands of students protested in Dhaka on Tuesday. Police fired tear gas to disperse "
        "the protesters.",
        published="2024-07-16",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")
    assert e.actor1 == "Protesters (Bangladesh)"


def test_mob_violence_by_residents() -> None:
    e = _one("A mob lynched a suspected thief in Nairobi on Monday.", published="2024-01-09")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_territory_taken_by_a_non_state_group() -> None:
    e = _one(
        "Turkish-backed rebels seized Tel Rifaat from Kurdish fighters.", published="2024-12-02"
    )
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor1 == "Syrian National Army"
    assert e.actor1_backers == ("Turkish",)


def test_background_sentences_give_no_event() -> None:
    text = (
        "The war, which began in 2011, has killed hundreds of thousands of people. "
        "Israel is fighting Hamas in Gaza at a time when tensions are high."
    )
    assert [e for e in extract(text, published="2024-12-02") if e.event_type] == []


def test_hypothetical_and_negated_violence_gives_no_event() -> None:
    text = "The rebels threatened to attack the city. Officials said troops did not shell the town."
    assert [e for e in extract(text, published="2024-12-02") if e.event_type] == []


@pytest.mark.parametrize(
    "text", ["", "Hello.", "The weather in Paris was sunny on Sunday.", "x" * 5000]
)
def test_stories_without_events_give_none(text: str) -> None:
    if not text:
        with pytest.raises(InputError, match="no text"):
            extract(text, published="2024-12-02")
        return
    assert [e for e in extract(text, published="2024-12-02") if e.event_type] == []


def test_every_event_carries_evidence_that_quotes_the_text() -> None:
    text = "A roadside bomb exploded near a police vehicle in Kandahar on Wednesday, killing three policemen."
    (e,) = [e for e in extract(text, published="2023-11-02") if e.event_type]
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    for ev in e.evidence:
        assert text[ev.start : ev.end] == ev.text
    assert {"event", "event_date", "location", "fatalities"} <= {ev.field for ev in e.evidence}


def test_html_left_in_text_and_non_english_do_not_crash() -> None:
    extract("<p>Soldiers <b>clashed</b> with rebels in Goma on Monday.</p>", published="2024-02-05")
    extract("Des soldats ont été tués dimanche à Goma.", published="2024-02-05")


def test_a_huge_story_is_prefiltered_and_keeps_true_offsets() -> None:
    paragraph = " ".join(["The council discussed the budget for the coming year at length."] * 30)
    filler = (paragraph + "\n\n") * 600
    event = "Gunmen killed seven people in Benue state on Sunday, police said."
    text = filler + event + "\n\n" + filler
    assert len(text) > 2_000_000
    events = [e for e in extract(text, published="2024-02-05") if e.event_type]
    assert [e.fatalities for e in events] == [7]
    (ev,) = [ev for ev in events[0].evidence if ev.field == "event"]
    assert text[ev.start : ev.end] == ev.text == event


# -- typing: who is armed, who was violent, and ACLED's conventions -------------------------------


def test_heavy_weapons_fired_at_positions_are_shelling() -> None:
    e = _one(
        "On 9 May 2020, the rebel forces fired heavy machine guns and grenade launchers at the "
        "government positions near Avdiivka, Donetsk.",
        published="2020-05-10",
    )
    assert (e.event_type, e.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_fire_in_both_directions_is_an_armed_clash() -> None:
    events = [
        e
        for e in extract(
            "On 9 May 2020, observers recorded 18 explosions involving unknown weapons in both "
            "directions of the frontline near Avdiivka, Donetsk.",
            published="2020-05-10",
        )
        if e.event_type
    ]
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_demonstrators_who_vandalise_riot() -> None:
    e = _one(
        "On 5 May 2020, residents demonstrating against the nightly curfew vandalized a police "
        "station in Koutiala.",
        published="2020-05-10",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert e.actor1 == "Rioters (Mali)"


def test_police_who_attack_a_protest_intervene_in_it() -> None:
    e = _one(
        "On 1 September 2023, police assaulted the demonstrating members of BNP in Gaibandha "
        "town during the party's rally.",
        published="2023-09-02",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")
    assert e.actor1 == "Protesters (Bangladesh)"


def test_protest_named_as_the_victims_doing_is_not_the_event() -> None:
    e = _one(
        "On 15 July 2024, members of the student wing assaulted a student on campus in Kushtia "
        "city over participation in the anti-quota demonstration.",
        published="2024-07-16",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_south_asian_assailants_are_rioters() -> None:
    e = _one(
        "On 25 April 2023, at least 12 assailants assaulted and injured a journalist with iron "
        "rods and sticks in Magura town, Bangladesh.",
        published="2023-04-26",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")
    assert e.actor1 == "Rioters (Bangladesh)"


def test_unknown_people_with_machetes_attack() -> None:
    e = _one(
        "On 14 May 2021, unknown individuals equipped with machetes killed a woman in Kolokonde, "
        "Benin.",
        published="2021-05-15",
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_armed_victims_make_a_battle_and_off_duty_ones_an_attack() -> None:
    fight = _one(
        "On 13 March 2020, 1 Afghan security personnel was killed by a Taliban sniper in "
        "Khakrez district, Kandahar.",
        published="2020-03-14",
    )
    assert fight.sub_event_type == "Armed clash"
    attack = _one(
        "On 7 May 2020, armed men shot dead an off-duty police officer in Ayotatempan, Puebla, "
        "Mexico.",
        published="2020-05-08",
    )
    assert (attack.event_type, attack.sub_event_type) == ("Violence against civilians", "Attack")


def test_acled_note_label_names_the_development() -> None:
    e = _one(
        "Movement of forces: On 4 May 2020, Turkish forces brought military reinforcements to "
        "their positions in Idleb province.",
        published="2020-05-05",
    )
    assert (e.event_type, e.sub_event_type) == (
        "Strategic developments",
        "Change to group/activity",
    )


def test_an_arrest_the_crowd_protests_is_no_intervention() -> None:
    e = _one(
        "On 31 January 2024, members of the student league staged a protest in front of Barisal "
        "university, following the arrest of their leader.",
        published="2024-02-01",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Peaceful protest")


def test_hostage_taken_in_an_attack_on_a_base_is_part_of_the_fight() -> None:
    events = [
        e
        for e in extract(
            "On 29 April 2020, Taliban militants attacked a military base in Kunduz city, killing "
            "3 soldiers and taking 1 soldier hostage.",
            published="2020-04-30",
        )
        if e.event_type
    ]
    assert events and events[0].sub_event_type == "Armed clash"


# -- typing round 2: notes that gave no event, and the riot/protest/fight boundaries -------------


def _types(text: str, published: str = "2024-02-05") -> list[tuple[str | None, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, published=published)]


def test_a_planted_bomb_is_an_ied() -> None:
    e = _one("A bomb planted by the Taliban wounded three policemen in Kandahar on Saturday.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"


def test_an_attempted_assassination_is_an_attack() -> None:
    e = _one(
        "Gunmen attempted to assassinate a trader in a market in Aden on Sunday, wounding him."
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_staging_a_protest_is_the_event_not_its_circumstance() -> None:
    e = _one("Students were suspended in Eldoret on Monday after staging a protest over food.")
    assert e.sub_event_type == "Peaceful protest"


def test_a_dated_report_is_not_background_for_an_old_year_in_it() -> None:
    e = _one(
        "On 3 February 2024, teachers staged a protest in Khulna demanding salaries unpaid "
        "since 2019."
    )
    assert e.sub_event_type == "Peaceful protest"


def test_a_story_about_old_years_stays_background() -> None:
    assert _types("Rebels have been fighting the army since 2015, officials said on Sunday.") == []


def test_tear_gas_shells_are_not_artillery() -> None:
    types = _types(
        "Police fired tear gas shells to disperse workers who pelted stones in Surat on Sunday, "
        "demanding transport home."
    )
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") not in types
    assert ("Riots", "Violent demonstration") in types


def test_looting_with_a_demand_is_a_violent_demonstration() -> None:
    e = _one("Residents looted shops in Fraserburg on Saturday and demanded the sale of alcohol.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_burning_objects_to_demonstrate_is_a_violent_demonstration() -> None:
    e = _one(
        "On Sunday, people burned objects in front of a bank in Manaus to demonstrate against "
        "its closure."
    )
    assert e.sub_event_type == "Violent demonstration"


def test_burning_effigies_stays_a_peaceful_protest() -> None:
    e = _one("Party members staged a protest by burning effigies in Khulna on Sunday.")
    assert e.sub_event_type == "Peaceful protest"


def test_armed_families_and_farmers_and_herders_fight_as_militias() -> None:
    e = _one("Clashes broke out between two armed families in Karak on Sunday, injuring several.")
    assert e.sub_event_type == "Armed clash"
    e = _one("Farmers and herders clashed near Save in Benin on Sunday, leaving several wounded.")
    assert e.sub_event_type == "Armed clash"


def test_clashing_with_armed_individuals_is_a_fight() -> None:
    e = _one("Police clashed with armed individuals in Tijuana on Sunday.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_violence_at_a_rally_that_demands_is_a_violent_demonstration() -> None:
    e = _one(
        "Rival lawyers clashed in Mymensingh on Sunday at a rally demanding the release of "
        "their leader."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_medium_weapons_fired_at_neighbourhoods_are_shelling() -> None:
    e = _one("Houthi forces fired medium weapons at residential neighbourhoods of Hays on Monday.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"


def test_a_police_station_area_is_a_place_not_a_victim() -> None:
    e = _one("Police assaulted a family in Kotwali police station area of Chittorgarh on Sunday.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_south_asian_shootings_by_unknown_gunmen_stay_armed_attacks() -> None:
    e = _one(
        "An unidentified group shot dead a tribal elder near his house in Wana, Pakistan, on Sunday."
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    e = _one("Unidentified assailants beat a shopkeeper in Wana, Pakistan, on Sunday.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_an_arrest_named_as_the_grievance_is_no_intervention() -> None:
    e = _one(
        "Supporters of the arrested former president held a protest in front of the courthouse "
        "in Yerevan on Sunday and demanded his release."
    )
    assert e.sub_event_type == "Peaceful protest"
    e = _one("Police arrested 12 protesters who demonstrated in Dhaka on Sunday.")
    assert e.sub_event_type == "Protest with intervention"


def test_a_scuffle_with_police_at_a_demonstration_is_an_intervention() -> None:
    e = _one("Opposition members scuffled with police during their demonstration in Khagrachhari.")
    assert e.sub_event_type == "Protest with intervention"


def test_people_punishing_a_suspect_are_a_mob() -> None:
    e = _one("On Sunday, a group beat to death a suspected goat thief in Parakou, Benin.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_capturing_a_person_is_no_territory() -> None:
    e = _one(
        "On Sunday, farmers assaulted and captured a presumed cotton thief near Kalale, Benin."
    )
    assert e.event_type != "Battles"


def test_fighting_during_a_demanding_rally_is_a_violent_demonstration() -> None:
    e = _one(
        "Rival lawyers clashed in Dhaka on Sunday during the rally of opposition lawyers against "
        "the bar election."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On Sunday, suspected militants hijacked a van and took five passengers to an unknown "
            "location near Lamu, Kenya.",
            "Abduction/forced disappearance",
        ),
        ("On Sunday, police fired shots at a group of traders in Nairobi, Kenya.", "Attack"),
        (
            "On Sunday, unidentified individuals burnt the tribune of the stadium in Oyem, Gabon.",
            "Looting/property destruction",
        ),
        (
            "On Sunday, police hit several women and teenagers in a village near Posadas, "
            "Argentina.",
            "Attack",
        ),
    ],
)
def test_acts_once_missed_give_an_event(text: str, sub: str) -> None:
    assert _one(text).sub_event_type == sub


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, protesters angry at rising prices blocked the main road in Tripoli, Lebanon, "
        "in both directions.",
        "On Sunday, members of the party staged a protest in Dhaka, Bangladesh, demanding new "
        "elections. Police forces placed barricades and stopped the march.",
    ],
)
def test_road_blocks_and_police_barricades_leave_a_protest_peaceful(text: str) -> None:
    assert _one(text).event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, opposition supporters protested against the results in Kisumu, Kenya, "
        "burning old tyres on the roads.",
        "On Sunday, students protested in Nairobi, Kenya. Police fired tear-gas and protesters "
        "responded by throwing stones.",
        "On Sunday, student demonstrators clashed with police in Comilla, Bangladesh, and set "
        "ablaze a government establishment.",
    ],
)
def test_crowd_violence_during_a_protest_is_a_violent_demonstration(text: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, police set fire to a village near Kisumu, Kenya.",
        "On Sunday, soldiers torched houses in a village near Kisumu, Kenya.",
    ],
)
def test_arson_by_an_armed_side_is_no_riot(text: str) -> None:
    assert _one(text).event_type != "Riots"


def test_stones_thrown_by_unnamed_assailants_stay_mob_violence() -> None:
    e = _one(
        "On Sunday, unidentified assailants threw stones at a moving train in Jamalpur, Bangladesh."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_capitalised_is_names_the_islamic_state_not_a_passive() -> None:
    from wirewatch.pipeline import extract

    events = extract(
        "On 3 May 2020, IS attacked a Syrian army position in Deir ez-Zor, killing 4 soldiers.",
        published="2020-05-04",
    )
    assert events and events[0].actor1.startswith("Islamic State")


def test_a_riots_dead_shot_against_it_are_its_toll() -> None:
    e = _one(
        "On 2 May 2020, a mob of locals attempted to capture 2 men accused of robbing in Goma when"
        " the police intervened and shot against the rioters, killing 1 woman and injuring 1 man.",
        published="2020-05-03",
    )
    assert e.event_type == "Riots"
    assert e.fatalities == 1


def test_the_dead_that_set_a_clash_off_are_not_its_toll() -> None:
    events = extract(
        "Clashes erupted in Nairobi's Mathare slum on Sunday after four bodies were found in the"
        " street.",
        published="2024-02-05",
    )
    assert events and all(e.fatalities == 0 for e in events)
    (own,) = [
        e
        for e in extract("Gunmen attacked the village after midnight, killing 3 people.")
        if e.event_type
    ]
    assert own.fatalities == 3
