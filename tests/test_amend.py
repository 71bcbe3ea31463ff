"""Sentences that add to an event already told amend it instead of becoming events."""

from __future__ import annotations

from wirewatch.models import Event
from wirewatch.pipeline import extract


def _events(text: str, published: str) -> list[Event]:
    return [e for e in extract(text, published=published) if e.event_type]


def test_a_toll_told_of_the_attack_is_the_attacks() -> None:
    (e,) = _events(
        "22 August: Al Shabaab militants attacked Kenyan security forces in Mandera. "
        "Two Kenyan police killed in the attack.",
        "2019-08-23",
    )
    assert e.actor1 == "Al Shabaab"
    assert e.fatalities == 2


def test_a_toll_told_of_the_clash_stays_on_the_riot() -> None:
    (e,) = _events(
        "On 4 August 2024, student demonstrators clashed with members of Awami League and "
        "vandalized a police station in Sherpur upazila (Bogra, Rajshahi). 3 people were killed "
        "and over 50 were injured in the clash.",
        "2024-08-05",
    )
    assert e.event_type == "Riots"
    assert e.fatalities == 3


def test_a_relative_clause_does_not_steal_the_toll() -> None:
    (e,) = _events(
        "On 4 May 2020, Islamic State militants attacked civilians from the Tarabin Tribe who "
        "allegedly cooperated with the Egyptian military forces south of Rafah (Rafah, North "
        "Sinai), leaving 2 civilians dead and 1 wounded.",
        "2020-05-05",
    )
    assert e.actor1 == "Islamic State (Egypt)"
    assert e.fatalities == 2


def test_a_monitors_count_is_the_fire_just_reported() -> None:
    (e,) = _events(
        "On 28 April 2020, the NAF rebel forces fired 82mm mortars at the governmental "
        "positions near Kamyanka, Donetsk. The OSCE SMM observed a total of 2 explosions "
        "involving unknown weapons near Kamyanka.",
        "2020-04-29",
    )
    assert e.actor1 == "NAF: United Armed Forces of Novorossiya"


def test_an_attack_on_another_day_and_place_stays_apart() -> None:
    events = _events(
        "Militants attacked a police post in Garissa on Monday. On Wednesday, militants "
        "attacked a school in Lamu, killing two teachers.",
        "2024-02-08",
    )
    assert len(events) == 2
    assert sorted(e.fatalities for e in events) == [0, 2]


def test_the_second_attack_is_a_new_one() -> None:
    events = _events(
        "Gunmen attacked a village in Benue state on Sunday, killing seven people. "
        "Three more people were killed in the second attack on a market in Makurdi on Tuesday.",
        "2024-02-07",
    )
    assert len(events) == 2


def test_the_forces_answer_to_a_riot_and_its_toll_are_the_riots() -> None:
    (e,) = _events(
        "On 19 July 2024, student demonstrators clashed with police and AL supporters in Rangpur "
        "city, demanding the abolition of quota system in government jobs. Police fired rubber "
        "bullets and tear gas shells. 5 persons were killed after being hit by rubber bullets.",
        "2024-07-20",
    )
    assert (e.event_type, e.fatalities) == ("Riots", 5)


def test_an_old_day_in_a_relative_clause_leaves_the_sentence_news() -> None:
    (e,) = _events(
        "Protesters in Nairobi demanded the release of a man who disappeared on August 17. "
        "Police dispersed them with tear gas.",
        "2024-11-05",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_an_attack_met_with_fire_becomes_a_fight() -> None:
    (e,) = _events(
        "On 7 May 2020, a hand grenade was thrown by Al Shabaab militants at Hamar Weyne police "
        "station in Mogadishu. Police reacted with gunfire towards the attackers and three police "
        "officers were injured in the attack.",
        "2020-05-08",
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")
    assert e.actor1 == "Al Shabaab"


def test_the_other_sides_dead_add_to_the_toll() -> None:
    (e,) = _events(
        "On 3 March 2021, 3 soldiers were killed when Taliban militants attacked a checkpoint "
        "in Chah Ab district, Takhar. The district governor said 5 militants were killed.",
        "2021-03-04",
    )
    assert e.event_type == "Battles"
    assert e.fatalities == 8


def test_one_sides_figures_retold_are_not_added() -> None:
    (e,) = _events(
        "On 3 March 2021, 3 soldiers were killed when Taliban militants attacked a checkpoint "
        "in Chah Ab district, Takhar. Officials confirmed that 3 soldiers were killed.",
        "2021-03-04",
    )
    assert e.fatalities == 3


def test_the_demonstrators_own_killing_is_the_riots_toll() -> None:
    (e,) = _events(
        "On 5 August 2024, residents held a demonstration in front of the police station in "
        "Sadar upazila (Habiganj, Sylhet). The demonstrators lynched a police officer.",
        "2024-08-06",
    )
    assert e.event_type == "Riots"
    assert e.fatalities == 1


def test_the_dead_a_protest_is_about_are_not_its_own() -> None:
    (e,) = _events(
        "On 8 August 2023, relatives of a student who was killed by unidentified men staged "
        "a human chain protest in Shariatpur city, demanding punishment for the culprits.",
        "2023-08-09",
    )
    assert e.event_type == "Protests"
    assert e.fatalities == 0


def test_a_side_of_the_fight_killing_in_its_place_is_the_fights_toll() -> None:
    events = _events(
        "On 2 March 2022, an armed gang clashed with police in Molo (Nakuru). "
        "1 person was killed by police gunfire.",
        "2022-03-03",
    )
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 1)]


def test_a_toll_of_the_airstrike_is_the_strikes() -> None:
    (e,) = _events(
        "On 29 April 2020, a US aircraft conducted an air strike against Al Shabaab militants "
        "near Bu'aale town (Middle Juba). One militant was killed in the airstrike.",
        "2020-04-30",
    )
    assert e.sub_event_type == "Air/drone strike"
    assert e.fatalities == 1


def test_a_toll_after_police_fire_on_a_riot_is_the_riots() -> None:
    (e,) = _events(
        "On 20 July 2024, student demonstrators clashed with police in Dhaka - Badda city "
        "(Narayanganj Sadar, Dhaka), demanding abolition of the quota system. Police fired at "
        "demonstrators. 2 persons, including 1 student were killed.",
        "2024-07-21",
    )
    assert e.event_type == "Riots"
    assert e.fatalities == 2


def test_a_groups_claim_gives_way_to_the_independent_figure() -> None:
    (e,) = _events(
        "Al Shabaab fighters attacked a Kenyan military convoy at Lamu. Al Shabaab claimed "
        "killing four. Kenya acknowledged the attack, but said only one was killed.",
        "2019-10-25",
    )
    assert e.fatalities == 1
    (e,) = _events(
        "17 June. An al Shabaab IED detonated in Tarbaj, killing 8 GSU police officers. "
        "Al Shabaab claims 15 fatalities.",
        "2019-06-18",
    )
    assert e.fatalities == 8


def test_a_toll_told_before_its_event_in_the_sentence_is_its_toll() -> None:
    (e,) = _events(
        "Two Administration Police officers have died while three others have been injured "
        "after suspected Al-Shabaab militants ambushed an escort vehicle near Lamu.",
        "2019-06-18",
    )
    assert e.event_type == "Battles"
    assert e.fatalities == 2


def test_the_dead_of_force_on_protesters_told_in_a_relative_clause() -> None:
    events = _events(
        "The police opened fire on protesters who were demonstrating in Bungoma town and "
        "killed two of them.",
        "2017-10-15",
    )
    assert sum(e.fatalities for e in events) == 2


def test_the_polices_seizure_does_not_turn_the_protest_violent() -> None:
    events = _events(
        "On 3 May 2021, residents protested in Kano (Kano) against fuel prices. "
        "Police later confiscated three trucks.",
        "2021-05-04",
    )
    assert all(e.event_type != "Riots" for e in events)


def test_violence_denied_leaves_the_protest_peaceful() -> None:
    events = _events(
        "On 3 May 2021, residents protested in Lagos (Lagos) against fuel prices. "
        "The peaceful protests were devoid of looting and running battles.",
        "2021-05-04",
    )
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_looting_by_the_crowd_still_turns_the_protest_violent() -> None:
    (e,) = _events(
        "On 3 May 2021, residents protested in Kano (Kano) against fuel prices. "
        "They threw stones at police and looted shops.",
        "2021-05-04",
    )
    assert e.sub_event_type == "Violent demonstration"


def test_an_abduction_whose_victim_dies_is_an_attack() -> None:
    (e,) = _events(
        "On 3 May 2021, gunmen abducted a farmer in Kaduna (Kaduna). Days later he died.",
        "2021-05-04",
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    assert e.fatalities == 1


def test_the_killed_suspect_refers_back_to_the_killing() -> None:
    events = _events(
        "On 3 May 2021, a drug suspect and his brother were killed during a police operation in "
        "Cabuyao, Laguna. Police said the killed drug suspect was a member of a drug gang based "
        "in Calamba City.",
        "2021-05-04",
    )
    assert len(events) == 1
    assert events[0].fatalities == 2


def test_the_crowds_break_in_reported_by_police_is_the_crowds() -> None:
    (e,) = _events(
        "On 3 May 2021, residents protested in Kano (Kano) against fuel prices. "
        "Police said that protesters were breaking into shops.",
        "2021-05-04",
    )
    assert e.sub_event_type == "Violent demonstration"


def test_a_bare_count_of_arrests_is_the_protests_intervention() -> None:
    for follow in (
        "Two men were arrested.",
        "Several arrests were made.",
        "Many arrests reported.",
    ):
        (e,) = _events(
            "On 3 March 2021, traders held a protest in Nakuru town over new market fees. "
            + follow,
            "2021-03-04",
        )
        assert e.sub_event_type == "Protest with intervention", follow


def test_arrests_dated_earlier_are_no_intervention() -> None:
    events = _events(
        "On 3 March 2021, traders held a protest in Nakuru town demanding the release of "
        "their leaders. Two men were arrested last week.",
        "2021-03-04",
    )
    assert all(e.sub_event_type != "Protest with intervention" for e in events)


def test_riots_told_as_the_protests_cause_leave_it_peaceful() -> None:
    protest, *rest = _events(
        "On 3 March 2021, residents held a protest in Cordoba against the release of prisoners. "
        "The judges freed them after the riots in the city's prisons in the previous week.",
        "2021-03-04",
    )
    assert protest.sub_event_type == "Peaceful protest"
    assert all(e.event_date != protest.event_date for e in rest)


def test_clashes_after_the_march_still_turn_it_violent() -> None:
    (e,) = _events(
        "On 3 March 2021, residents held a protest in Cordoba against the release of prisoners. "
        "After the march the protesters clashed with police.",
        "2021-03-04",
    )
    assert e.sub_event_type == "Violent demonstration"


def test_a_burnt_effigy_leaves_the_protest_peaceful() -> None:
    (e,) = _events(
        "On 3 March 2021, opposition supporters staged a protest in Kisumu against the governor. "
        "An effigy of the governor was set on fire.",
        "2021-03-04",
    )
    assert e.sub_event_type == "Peaceful protest"


def test_arrests_at_a_riot_are_part_of_the_riot() -> None:
    for follow in (
        "Police arrested 12 people.",
        "Fifteen arrests reported.",
        "One arrest was made.",
    ):
        (e,) = _events(
            "On 3 March 2021, a mob threw stones at police officers and burnt tyres in Nakuru "
            "town. " + follow,
            "2021-03-04",
        )
        assert e.event_type == "Riots", follow


def test_arrests_made_days_after_the_riot_are_their_own_event() -> None:
    events = _events(
        "On 3 March 2021, a mob threw stones at police officers and burnt tyres in Nakuru town. "
        "Two days later, police arrested 12 suspects.",
        "2021-03-06",
    )
    assert [e.event_type for e in events] == ["Riots", "Strategic developments"]


def test_dead_told_with_the_arrests_at_a_riot_are_the_riots() -> None:
    (e,) = _events(
        "On 3 March 2021, a mob threw stones at police officers and burnt tyres in Nakuru town. "
        "Police arrested 12 people, two of whom died in custody.",
        "2021-03-04",
    )
    assert e.event_type == "Riots"


def test_a_death_the_demonstration_led_to_is_its_toll() -> None:
    events = _events(
        "On 12 March 2021, demonstrators threw stones at police in Srinagar over the killing of "
        "a local commander, leading to the death of one demonstrator.",
        "2021-03-13",
    )
    assert max(e.fatalities for e in events) == 1


def test_the_death_a_demonstration_is_about_is_not_its_toll() -> None:
    events = _events(
        "On 12 March 2021, residents protested peacefully in Srinagar over the death of a "
        "local student.",
        "2021-03-13",
    )
    assert all(e.fatalities == 0 for e in events)


def test_protesters_shot_dead_by_police_are_the_protests_dead() -> None:
    (e,) = _events(
        "On 16 January 2008, protesters demonstrated at the port of Mombasa. One protester was "
        "shot dead by police.",
        "2008-01-17",
    )
    assert e.sub_event_type == "Excessive force against protesters"
    assert e.fatalities == 1


def test_protesters_who_kill_are_no_force_used_on_them() -> None:
    events = _events(
        "On 16 January 2008, protesters demonstrated at the port of Mombasa. Protesters killed "
        "a police officer.",
        "2008-01-17",
    )
    assert all(e.sub_event_type != "Excessive force against protesters" for e in events)


def test_a_crowd_that_kills_turns_its_protest_into_a_riot() -> None:
    (e,) = _events(
        "On 2 May 2021, students protested in Nakuru over school fees. The protesters killed a "
        "police officer.",
        "2021-05-03",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert e.fatalities == 1


def test_protesters_killed_by_police_do_not_make_a_riot() -> None:
    events = _events(
        "On 2 May 2021, students protested in Nakuru over school fees. Two protesters were "
        "killed by police.",
        "2021-05-03",
    )
    assert all(e.event_type != "Riots" for e in events)


def test_the_forces_fight_after_an_attack_is_an_event_of_its_own() -> None:
    events = _events(
        "On 2 May 2021, bandits attacked a village in Zamfara, killing five villagers. The bandits "
        "later clashed with police reservists, and three bandits were killed.",
        "2021-05-03",
    )
    kinds = {(e.sub_event_type, e.fatalities) for e in events}
    assert kinds == {("Attack", 5), ("Armed clash", 3)}


def test_a_killing_after_a_clash_stays_the_clashs_toll() -> None:
    (e,) = _events(
        "On 2 May 2021, armed men clashed with police in Zamfara. 1 person was killed by police "
        "gunfire.",
        "2021-05-03",
    )
    assert (e.sub_event_type, e.fatalities) == ("Armed clash", 1)


def test_a_relative_clause_on_the_crowd_tells_its_violence() -> None:
    (e,) = _events(
        "Hawkers protested in Meru town against new levies. Police dispersed the protestors, who "
        "lit fires along the road.",
        "2021-05-03",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_what_the_attackers_of_a_protest_did_next_leaves_it_a_protest() -> None:
    events = _events(
        "On 3 March 2023, members of Jubo League assaulted the members of Gono Odhikar Parishad "
        "in Rangpur city, during their demonstration demanding lower prices. Jubo League members "
        "also vandalized the party office.",
        "2023-03-04",
    )
    assert ("Protests", "Protest with intervention") in [
        (e.event_type, e.sub_event_type) for e in events
    ]


def test_the_demonstrators_own_violence_still_makes_it_a_riot() -> None:
    events = _events(
        "On 3 March 2023, members of Jubo League assaulted the members of Gono Odhikar Parishad "
        "in Rangpur city, during their demonstration demanding lower prices. Gono Odhikar "
        "Parishad members then vandalized the Jubo League office.",
        "2023-03-04",
    )
    assert [e.event_type for e in events] == ["Riots"]


def test_the_other_side_named_again_does_not_become_the_first() -> None:
    (e,) = _events(
        "On 9 March 2023, an unidentified armed group exchanged fire with Beninese soldiers in "
        "Karimama. Soldiers fired several shots during the clash.",
        "2023-03-10",
    )
    assert e.actor1 is not None and e.actor1.startswith("Unidentified Armed Group")
    assert e.actor2 is not None and e.actor2.startswith("Military Forces of Benin")


def test_the_arrest_a_protest_is_about_retold_is_no_new_event() -> None:
    (e,) = _events(
        "On 6 May 2021, journalists protested outside the press club in Multan against the "
        "arrest of their editor and demanded his release. He was arrested in connection with a "
        "tax case.",
        "2021-05-07",
    )
    assert e.sub_event_type == "Peaceful protest"


def test_the_weapon_named_again_is_the_attack_told() -> None:
    (e,) = _events(
        "On 3 November 2022, unidentified gunmen attacked a police station in Kandahar with "
        "rockets. The rocket exploded in an open field, causing no damage.",
        "2022-11-04",
    )
    assert e.actor1 is not None and e.actor1.startswith("Unidentified Armed Group")
