"""Typing of events: which ACLED type and sub-type a clause's triggers and actors make."""

from __future__ import annotations

import pytest

from wirewatch.coding import Clause, Coded, local_convention
from wirewatch.lexicon import Trigger, find_triggers
from wirewatch.models import Event
from wirewatch.pipeline import extract


def _types(text: str, published: str = "2018-05-10") -> list[tuple[str | None, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in extract(text, published=published)]


def _one(text: str, published: str = "2018-05-10") -> Event:
    events = [e for e in extract(text, published=published) if e.event_type]
    assert len(events) == 1, [(e.event_type, e.sub_event_type, e.notes) for e in events]
    return events[0]


def _protest(text: str) -> Coded:
    t = Trigger("protest", 0, 7, "blocked")
    return Coded("Protests", "Peaceful protest", "PROTEST", t, default_actor1="protester")


@pytest.mark.parametrize(
    ("country", "sub"),
    [("KE", "Violent demonstration"), ("LB", "Peaceful protest"), ("MX", "Peaceful protest")],
)
def test_a_road_block_is_rioting_only_where_the_desk_counts_it_so(country: str, sub: str) -> None:
    text = "Residents blocked the Nakuru-Nairobi highway to protest over poor roads."
    coded = local_convention(_protest(text), country, text)
    assert coded.sub_event_type == sub
    if sub == "Violent demonstration":
        assert coded.event_type == "Riots"
        assert coded.default_actor1 == "rioter"


def test_a_protest_without_a_road_block_stays_peaceful_in_kenya() -> None:
    text = "Traders marched to the county offices to protest over new market fees."
    assert local_convention(_protest(text), "KE", text).sub_event_type == "Peaceful protest"


def test_election_violence_beside_a_killing_is_its_backdrop() -> None:
    e = _one(
        "Six traders were hacked to death by opposition supporters in Eldoret on Tuesday "
        "during the post-election violence."
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_election_violence_told_alone_is_a_violent_demonstration() -> None:
    e = _one("Post-election violence continued in Kisumu on Tuesday.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_headline_passive_makes_the_people_named_first_the_victims() -> None:
    e = _one("Journalist attacked in Eldoret on Tuesday for taking photos of the governor.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_officers_killed_in_a_headline_are_a_fight() -> None:
    e = _one("Two police officers killed in Kisumu on Tuesday during post-election violence.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_a_headline_verb_with_an_object_stays_active() -> None:
    e = _one("Villagers attacked a police post in Kisii on Tuesday with stones.")
    assert e.event_type == "Riots"


def test_members_of_an_armed_group_are_that_group() -> None:
    e = _one(
        "On 30 April 2020, clashes took place between members of HTS and an opposition rebel "
        "group in Aleppo."
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_an_exchange_of_fire_between_units_is_a_fight() -> None:
    e = _one(
        "On 4 May 2020, a brief exchange of fire took place between two groups of security "
        "forces in Mogadishu."
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_supporters_who_set_upon_people_act_as_a_militia() -> None:
    e = _one("Supporters of a rival candidate attacked two journalists in Nakuru on Tuesday.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_supporters_who_fight_each_other_riot() -> None:
    e = _one("Supporters of two rival candidates clashed in Kakamega on Tuesday.")
    assert e.event_type == "Riots"


@pytest.mark.parametrize(
    "text",
    [
        "Students protested violently in Meru on Tuesday against fee increases.",
        "A protest against a construction firm turned violent in Kilifi on Tuesday.",
        "Protesters were breaking into shops in Kisumu on Tuesday during a protest over results.",
    ],
)
def test_a_violent_protest_is_a_violent_demonstration(text: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "text",
    [
        "Traders protested in Nairobi on Tuesday over fees; riot police intervene to keep order.",
        "An anti-government protest march in Cotonou was stopped by the police on Tuesday.",
        "Several supporters were injured in Kisumu on Tuesday after police broke up a weekly "
        "demonstration.",
    ],
)
def test_an_intervention_told_in_the_protest_clause(text: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_a_unit_named_for_intervention_does_not_intervene() -> None:
    text = "Officers of the Intervention Unit protested in Sfax."
    assert not [t for t in find_triggers(text, 0) if t.cls == "intervention"]


def test_fights_with_a_faction_is_a_battle() -> None:
    e = _one("OLF fights with a rival faction in northern Kenya, 15 killed near Moyale.")
    assert e.event_type == "Battles"


def test_a_burnt_effigy_is_still_a_peaceful_protest() -> None:
    e = _one("Party members burned an effigy of the minister in Dhaka on Tuesday in protest.")
    assert (e.event_type, e.sub_event_type) == ("Protests", "Peaceful protest")


def test_clause_is_importable_for_callers() -> None:
    assert Clause(0, 4, "text", 0, 0).text == "text"
    assert _types("Nothing happened here.") == []


def test_herders_killed_by_a_militia_are_its_civilian_victims() -> None:
    e = _one("Gabra militia kills five Borana herders at Kubi Kalo on Tuesday.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_the_agent_after_by_may_carry_a_hyphenated_adjective() -> None:
    e = _one(
        "On 5 May 2020, a radio reporter was shot dead by unidentified motorcycle-riding "
        "assailants in Dumaguete."
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_forces_named_as_the_shooters_are_no_military_target() -> None:
    e = _one("On 4 May 2020, two girls were wounded by Afghan forces fire in Murghab district.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_members_of_a_community_stay_its_people() -> None:
    e = _one(
        "On 5 May 2020, suspected Dozo militiamen attacked the village of Djongue-Ouro in Mopti "
        "and killed seventeen members of the Fulani community."
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_firing_back_is_a_fight() -> None:
    assert any(t.cls == "clash" for t in find_triggers("Government forces fired back.", 0))


def test_two_sides_named_as_the_subject_of_clashed_fight() -> None:
    e = _one(
        "Police reservists from Turkana and herdsmen from East Pokot clashed over grazing pasture "
        "near Kulal on Tuesday."
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_a_crowd_that_clashes_during_its_demonstration_riots() -> None:
    e = _one(
        "On 23 May 2024, workers of a factory clashed with police and Ansar forces in Barisal "
        "city during their demonstration demanding arrears."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_burning_rubber_tyres_while_denouncing_is_a_demonstration() -> None:
    e = _one(
        "On 7 May 2020, residents burned rubber tires and clashed with the police in Nouakchott, "
        "denouncing power and water cuts."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_farmers_who_assault_a_man_bare_handed_are_a_mob() -> None:
    event = _one(
        "A number of farmers assaulted a herder after his cattle damaged farmland in Nikki."
    )
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


def test_farmers_who_assault_with_machetes_are_a_militia() -> None:
    event = _one("A group of farmers armed with machetes assaulted a herder in Nikki on Monday.")
    assert event.sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "One person was shot dead and another injured during protests in Nyandarua town.",
        "Traders gathered in Kibera to protest the demolition of their stalls. Police intervened "
        "in the demonstration, killing one.",
    ],
)
def test_a_killing_at_a_peaceful_protest_is_excessive_force(text: str) -> None:
    assert ("Protests", "Excessive force against protesters") in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The family of a constable who was accidentally shot dead held a protest outside a "
        "hospital in Jodhpur.",
        "Relatives staged a protest in Dhaka against the custodial torture and unlawful killings "
        "by state forces.",
        "Farmers protested outside the office in Oaxaca and slaughtered a lamb as part of their "
        "protest.",
    ],
)
def test_a_killing_the_protest_is_about_is_no_excessive_force(text: str) -> None:
    assert ("Protests", "Peaceful protest") in _types(text)


def test_demonstrators_who_kill_an_officer_riot() -> None:
    text = "Student demonstrators attacked a police station and killed a policeman in Comilla."
    assert ("Riots", "Violent demonstration") in _types(text)


def test_an_abduction_that_ends_in_death_is_an_attack() -> None:
    event = _one("Gunmen abducted two traders and later killed them in Zamfara on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "Families who claim their children have been kidnapped by the PKK continued their sit-in "
        "protest in Diyarbakir.",
        "Residents of Bule carried out a demonstration to deplore the attack carried out by "
        "militiamen in nearby villages.",
        "Contract workers engaged in mining staged a protest in Dhanbad demanding unpaid wages.",
        "Workers protested in Motozintla demanding evidence that demonstrates that the virus is "
        "real.",
    ],
)
def test_violence_in_a_protests_grievance_keeps_it_peaceful(text: str) -> None:
    assert _types(text) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "Employees staged a demonstration at the hospital in Kayes, denouncing the lack of "
        "equipment, security forces intervened to disperse the demonstrators.",
        "Migrant laborers gathered in Ahmedabad, demanding to return home during the coronavirus "
        "lockdown and were eventually dispersed by police.",
    ],
)
def test_authorities_stepping_in_after_the_grievance_intervene(text: str) -> None:
    assert ("Protests", "Protest with intervention") in _types(text)


def test_engaged_in_work_is_no_fight() -> None:
    assert not [t for t in find_triggers("workers engaged in mining") if t.cls == "clash"]
    assert [t for t in find_triggers("troops engaged in heavy fighting") if t.cls == "clash"]


def test_suspects_killed_in_a_police_raid_are_its_victims() -> None:
    event = _one("Two drug suspects were killed during a police raid in Bulacan on Friday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_suspects_killed_in_a_shootout_during_a_raid_are_a_fight() -> None:
    text = "Two suspects were killed during a police raid in Bulacan after a shootout on Friday."
    assert ("Violence against civilians", "Attack") not in _types(text)


def test_a_killing_that_sparked_the_protest_is_its_grievance() -> None:
    text = "Residents demonstrated in Ngecha. The demonstration was sparked by recent murders."
    assert ("Protests", "Excessive force against protesters") not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Traders whose shops were last week demolished by the county government held a "
        "demonstration in Makutano town.",
        "Hundreds protest the government's failure to stop ethnic clashes in Molo.",
    ],
)
def test_destruction_or_fighting_the_crowd_protests_is_no_riot(text: str) -> None:
    assert ("Riots", "Violent demonstration") not in _types(text)
