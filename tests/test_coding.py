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


@pytest.mark.parametrize(
    "text",
    [
        "Members of Chhatra League assaulted and injured members of Gana Adhikar Party in Bogra "
        "town during their demonstration against the price hike.",
        "Members of Awami League assaulted the demonstrating members of BNP in Natore town.",
        "Members of Chhatra League assaulted and injured at least 20 students in Savar city, when "
        "the students were staging a protest against the fees.",
    ],
)
def test_a_protest_set_upon_by_others_is_a_protest_with_intervention(text: str) -> None:
    e = _one(text, published="2023-02-11")
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_protesters_who_beat_someone_during_their_protest_riot() -> None:
    e = _one("Students assaulted a teacher during their protest over fees in Nakuru.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian raiders stole 3,000 cattle near Todenyang in Turkana.",
        "In Nyanza Province, rustlers struck in two homes and stole four cows in Borabu.",
    ],
)
def test_a_cattle_raid_is_an_attack_not_a_looting(text: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_former_officer_shot_by_gang_members_is_a_civilian() -> None:
    e = _one(
        "On 28 April 2020, in Tacuba, a former military officer was shot and killed by alleged "
        "gang members.",
        published="2020-04-29",
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 8 May 2020, federal police seized 1 ton of marijuana hidden in a truck in "
            "Seropedica.",
            "Looting/property destruction",
        ),
        (
            "On 8 May 2020, police forces seized eight hundred military munitions in a deserted "
            "house on the outskirts of Thala.",
            "Disrupted weapons use",
        ),
    ],
)
def test_a_seizure_of_goods_is_no_capture(text: str, sub: str) -> None:
    e = _one(text, published="2020-05-09")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", sub)


def test_villagers_who_attack_a_settlement_act_as_a_militia() -> None:
    e = _one(
        "On 23 March 2020, villagers in Torozougou attacked a Fulani camp.", published="2020-03-24"
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Youths stormed the Msambweni polling station demanding to know why names were "
            "missing from the register.",
            "Violent demonstration",
        ),
        ("Hundreds of residents stormed a police station in Nakuru town.", "Mob violence"),
    ],
)
def test_a_crowd_storming_a_building_riots(text: str, sub: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Riots", sub)


def test_unknown_youths_who_attack_are_an_armed_group_not_a_crowd() -> None:
    e = _one("Unidentified group of youths attack journalist in Eldoret.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")
    e = _one("Youths attack journalist in Eldoret.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_stoned_to_death_by_villagers_is_mob_violence() -> None:
    e = _one("Two suspected criminals were stoned to death by villagers at Othoro market.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_the_month_of_march_is_no_march() -> None:
    assert not any(t.cls == "protest" for t in find_triggers("until the end of March in Parakou"))
    assert any(t.cls == "protest" for t in find_triggers("A group marches to demand the bill"))


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 May 2020, Houthi reinforcements arrived on the Nihm front.",
            "Change to group/activity",
        ),
        (
            "On 2 May 2020, some 200 militiamen crossed into Syria through the Bou Kamal crossing.",
            "Other",
        ),
    ],
)
def test_a_change_of_posture_is_a_change_to_group_activity(text: str, sub: str) -> None:
    e = _one(text, published="2020-05-03")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", sub)


def test_a_deployment_unit_is_a_name_not_a_deployment() -> None:
    triggers = find_triggers("14 police from the Rapid Deployment Unit at Kapedo")
    assert not any(t.cls == "mobilize" for t in triggers)


def test_the_story_vocabulary_sets_the_desk_convention() -> None:
    # "Ramadi union" is a Bangladeshi union council, whatever the gazetteer makes of "Ramadi".
    e = _one(
        "On 19 January 2023, four people assaulted and killed a farmer in Ramadi union, "
        "Kuliarchar upazila (Kishoregonj, Dhaka).",
        published="2023-01-20",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_a_killing_beside_a_seizure_of_weapons_leads() -> None:
    e = _one(
        "On 3 May 2020, an unidentified gunman killed a police officer in Taizz city as the "
        "officer was seizing weapons from other gunmen.",
        published="2020-05-04",
    )
    assert e.event_type == "Battles"


def test_people_an_armed_group_detains_are_abducted() -> None:
    e = _one("On 5 May 2020, HTS detained two men in Idlib city.", published="2020-05-06")
    assert (e.event_type, e.sub_event_type) == (
        "Violence against civilians",
        "Abduction/forced disappearance",
    )
    e = _one("On 5 May 2020, police arrested two men in Idlib city.", published="2020-05-06")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Arrests")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 4 May 2020, presumed JNIM militants attacked and burned a school in Logobou.",
            "Looting/property destruction",
        ),
        ("On 4 May 2020, militants attacked a school in Logobou, killing two teachers.", "Attack"),
    ],
)
def test_an_attack_on_a_building_that_hurts_no_one_destroys_property(text: str, sub: str) -> None:
    e = _one(text, published="2020-05-05")
    assert e.sub_event_type == sub


def test_crowds_with_placards_who_storm_an_office_demonstrate() -> None:
    e = _one(
        "Youths carrying placards stormed the Siaya county offices and evicted civil servants."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_storming_the_streets_is_a_march() -> None:
    e = _one("Residents stormed the streets of Vihiga carrying twigs, demanding electoral reforms.")
    assert (e.event_type, e.sub_event_type) == ("Protests", "Peaceful protest")


def test_a_protest_against_something_that_turns_violent_is_a_riot() -> None:
    e = _one("Protest against a construction firm turns violent in Kilifi.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_suspect_killed_by_vigilantes_is_mob_violence() -> None:
    e = _one("A robbery suspect is killed by a vigilante group in Kisumu.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_an_attack_made_with_artillery_is_shelling() -> None:
    e = _one(
        "On 28 April 2020, GNA forces attacked LNA positions with heavy artillery fire in Wadi "
        "al Washka.",
        published="2020-04-29",
    )
    assert (e.event_type, e.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


@pytest.mark.parametrize(
    "text",
    [
        "On 8 May 2020, 1 TMF fighter was shot and killed by IS snipers in Sharwain.",
        "On 8 May 2020, at least five local policemen were killed following attacks on check "
        "points in Nijrab district, Kapisa.",
        "On 8 May 2020, 5 SLDF members shot dead as they tried to re-enter Kenya near Mt Elgon.",
        "On 8 May 2020, suspected Mungiki members killed after a carjacking in Nairobi.",
    ],
)
def test_armed_men_killed_fall_in_a_fight(text: str) -> None:
    e = _one(text, published="2020-05-09")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_civilians_killed_by_no_one_named_are_attacked() -> None:
    e = _one("On 8 May 2020, three civilians were killed in Sharwain.", published="2020-05-09")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Traders demonstrated in Umoja after the riots of last week.", "Peaceful protest"),
        (
            "After the governor's rally in Umoja, rioting youth pillaged shops.",
            "Violent demonstration",
        ),
    ],
)
def test_riots_named_as_the_past_are_no_rioting(text: str, sub: str) -> None:
    assert _one(text).sub_event_type == sub


def test_crude_bombs_thrown_where_desks_count_mob_violence_are_a_riot() -> None:
    e = _one(
        "On 5 November 2023, assailants threw three crude bombs at a mosque in Munshiganj town "
        "(Munshiganj Sadar, Dhaka).",
        published="2023-11-06",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_a_house_stormed_is_no_territory_taken() -> None:
    e = _one(
        "On 2 May 2020, Islah forces stormed a civilian house in Salh district of Taizz, "
        "kidnapping five brothers.",
        published="2020-05-03",
    )
    assert e.sub_event_type == "Abduction/forced disappearance"


def test_a_thief_captured_by_residents_is_mob_violence() -> None:
    e = _one(
        "On 21 June 2021, residents captured and assaulted an adolescent bicycle thief in Parakou.",
        published="2021-06-22",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2020, unknown gunmen shot and killed a policewoman in Kandahar city.",
        "On 4 May 2020, a General Service Unit officer shot dead his boss in Mombasa.",
    ],
)
def test_armed_victims_by_trade_make_a_fight(text: str) -> None:
    e = _one(text, published="2020-05-05")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2020, a policewoman was attacked by a group of sellers in San Marcos.",
        "On 2 May 2020, a group of young men beat up a soldier following a dispute in Bozoum.",
        "On 2 May 2020, a number of smugglers assaulted two customs officers in Seme-Krake.",
    ],
)
def test_unarmed_people_who_set_upon_officers_are_a_mob(text: str) -> None:
    e = _one(text, published="2020-05-03")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2020, gunmen attacked soldiers at a checkpoint near Bozoum.",
        "On 2 May 2020, a police officer was attacked on the road to Huitzuco.",
    ],
)
def test_officers_attacked_by_armed_or_unknown_hands_are_in_a_fight(text: str) -> None:
    e = _one(text, published="2020-05-03")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "Students of Mumias Girls School, protesting against their principal, burn their dorm.",
        "Youth in Homa Bay protest against police violence by setting fire to market stalls.",
        "On 9 May 2018, farmers demonstrated against the outcome of a meeting to settle a "
        "dispute in Gamia, and attacked the vehicles of a delegation.",
        "On 9 May 2018, protesters stoned a journalist covering the march in Kisumu.",
    ],
)
def test_the_crowds_own_violence_after_its_grievance_makes_a_violent_demonstration(
    text: str,
) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_closed_bracket_ends_a_negation() -> None:
    e = _one("Around 9 May 2018 (exact date not reported), residents lynched two alleged robbers.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_a_gang_members_killing_is_a_fight_where_the_desk_codes_gang_rivalry_so() -> None:
    text = (
        "On 2 May 2020, in Governador Valadares, Minas Gerais, a man was shot to death. "
        "The victim had charges against him for drug trafficking."
    )
    e = _one(text, published="2020-05-03")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_a_shooting_by_alleged_gang_members_stays_an_attack() -> None:
    text = "On 2 May 2020, in Tacuba, a former soldier was shot and killed by alleged gang members."
    e = _one(text, published="2020-05-03")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2018, two clans clashed over a land dispute near Kapsowar.",
        "On 9 May 2018, two communities clashed over grazing fields at the border of Mwingi.",
    ],
)
def test_clans_and_communities_that_clash_fight_as_militias(text: str) -> None:
    e = _one(text)
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_attackers_pushed_back_make_a_fight() -> None:
    text = (
        "On 9 May 2018, Al Shabaab gunmen attacked two villages near Garissa. Security forces "
        "pushed back the attackers."
    )
    assert ("Battles", "Armed clash") in _types(text)


def test_a_gang_handing_out_food_changes_its_activity() -> None:
    text = "On 5 May 2020, members of Gente Nueva Gang delivered boxes with food to families."
    e = _one(text, published="2020-05-09")
    assert (e.event_type, e.sub_event_type) == (
        "Strategic developments",
        "Change to group/activity",
    )


def test_a_charitys_food_aid_is_no_event() -> None:
    text = "On 5 May 2020, the Red Cross distributed food packages to families in Coatzacoalcos."
    assert not [e for e in extract(text, published="2020-05-09") if e.event_type]


def test_returning_refugees_are_another_development() -> None:
    e = _one("On 9 May 2020, 210 Venezuelan migrants returned from Peru.", published="2020-05-10")
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Other")


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 9 May 2018, a fist fight over a local political dispute broke out in Saclo.",
            "Mob violence",
        ),
        (
            "On 9 May 2018, residents stone two suspected robbers to death in Nchiru.",
            "Mob violence",
        ),
        (
            "On 9 May 2018, teachers went to the streets of Lokossa to claim their bonus.",
            "Peaceful protest",
        ),
        ("On 9 May 2018, one dead in land dispute violence near Kitale.", "Attack"),
    ],
)
def test_headline_and_plain_words_for_violence_and_protest(text: str, sub: str) -> None:
    assert _one(text).sub_event_type == sub


def test_a_partys_members_attacked_are_civilians() -> None:
    e = _one("On 9 May 2018, Imbonerakure attacked and injured 2 CNL members in Muturirwa hill.")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_armed_groups_members_killed_are_a_side() -> None:
    e = _one("On 9 May 2018, soldiers killed three al-Shabaab members near Lamu.")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_a_partys_members_fighting_a_party_militia_riot() -> None:
    e = _one("On 9 May 2018, Imbonerakure and CNL members fought one another in Kibonobono.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_a_rally_named_as_the_occasion_of_partisan_violence_is_not_its_protest() -> None:
    e = _one(
        "On 9 May 2018, members of Awami League assaulted the members of BNP in Burhanuddin "
        "upazila, when BNP was staging a rally on foundation day of the party."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_a_protest_with_its_own_demand_that_is_attacked_stays_a_protest() -> None:
    e = _one(
        "On 9 May 2018, members of Chhatra League assaulted 20 students on campus in Savar, "
        "when the students were staging a protest, demanding the eviction of outsiders."
    )
    assert e.event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2020, in Irati, federal police forces seized 1,7 tons of marijuana hidden in a bus.",
        "On 4 May 2020, in Petrolina, military police forces dismantled a cocaine lab.",
        "On 4 May 2020, in Freire, three tractors of a logging company were set on fire by a group "
        "of four armed men.",
        "On 4 May 2020, in Reni, a car of a town councillor was set on fire.",
    ],
)
def test_seizures_and_burnings_with_no_crowd_are_property_destruction(text: str) -> None:
    subs = {e.sub_event_type for e in extract(text, published="2020-05-05") if e.event_type}
    assert "Looting/property destruction" in subs
    assert "Mob violence" not in subs


def test_residents_who_burn_a_house_are_a_mob() -> None:
    e = _one("On 9 May 2018, residents set fire to the house of a suspected witch in Kisii.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


def test_arson_by_unnamed_hands_is_mob_violence_where_the_desk_codes_it_so() -> None:
    e = _one(
        "On 16 November 2023, unidentified men set fire to a vehicle in Sylhet city (Sylhet "
        "Sadar, Sylhet).",
        published="2023-11-17",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "On 1 February 2020, Israeli forces fired live bullets at two Palestinians near Hebron.",
        "On 1 February 2020, Israeli forces fired tear gas canisters at farmers near Khan Younis.",
        "On 1 February 2020, Israeli forces chased youths in Nablus and fired rubber bullets at "
        "them.",
    ],
)
def test_firing_at_people_is_an_attack(text: str) -> None:
    e = _one(text, published="2020-02-02")
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_firing_at_positions_stays_a_fight() -> None:
    subs = {
        e.sub_event_type
        for e in extract(
            "On 1 February 2020, Houthi forces fired at army positions in Taiz.",
            published="2020-02-02",
        )
        if e.event_type
    }
    assert "Attack" not in subs


def test_an_arrest_raid_is_no_attack_of_its_own() -> None:
    events = extract(
        "On 1 February 2020, during an arrest raid in Jericho, Israeli forces shot a man.",
        published="2020-02-02",
    )
    attacks = [e for e in events if e.event_type == "Violence against civilians"]
    assert attacks
    assert "Armed clash" not in {e.sub_event_type for e in events}
    assert attacks[0].actor1 is not None and "Israel" in attacks[0].actor1


def test_an_attack_from_a_militia_names_its_agent() -> None:
    e = _one(
        "On 1 February 2020, three people were killed in Narok in an attack from suspected "
        "Maasai militia.",
        published="2020-02-02",
    )
    assert e.actor1 is not None and "Maasai" in e.actor1


def test_a_parenthesis_does_not_end_the_clause() -> None:
    e = _one(
        "On 1 February 2020, at least 4 people (including 1 journalist who was reporting) as well "
        "as 2 policemen were killed in Bamako, when a demonstration against the president turned "
        "violent.",
        published="2020-02-02",
    )
    assert e.sub_event_type == "Violent demonstration"
    assert e.fatalities == 6


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators destroy a waste plant and injured a journalist while protesting against "
        "the plant's emissions.",
        "On 1 February 2020, residents of Malanville burnt a customs post to demonstrate over the "
        "arrest of a suspected smuggler.",
        "On 1 February 2020, demonstrators set ablaze the house of a local chief in Kisii.",
    ],
)
def test_demonstrators_who_destroy_or_burn_riot(text: str) -> None:
    subs = [e.sub_event_type for e in extract(text, published="2020-02-02") if e.event_type]
    assert subs and subs[0] == "Violent demonstration"


def test_a_crowd_fight_is_mob_violence_where_the_desk_codes_it_so() -> None:
    e = _one(
        "On 3 March 2021, herders and farmers fought with sticks over a grazing field in Nikki "
        "(Nikki, Borgou).",
        published="2021-03-04",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Mob violence")
    assert e.actor1 == "Rioters (Benin)"


def test_a_killing_by_an_armed_group_stays_an_attack_there() -> None:
    e = _one(
        "On 3 March 2021, an unidentified armed group killed a herder near Kandi (Kandi, Alibori).",
        published="2021-03-04",
    )
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_crowd_fight_with_guns_is_no_mob() -> None:
    subs = {
        e.sub_event_type
        for e in extract(
            "On 3 March 2021, herders and farmers clashed with guns in Nikki (Nikki, Borgou).",
            published="2021-03-04",
        )
        if e.event_type
    }
    assert "Mob violence" not in subs


def test_the_people_dispersed_and_their_protest_are_one_event() -> None:
    e = _one(
        "On 8 May 2020, police used tear gas to disperse traders who were protesting in Kisumu.",
        published="2020-05-09",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    ("text", "riot"),
    [
        ("Students of a secondary school barricade a road in protest.", True),
        ("Traders barricade the main highway to protest new taxes.", True),
        ("Police erected a barricade on the road to stop protesters marching.", False),
    ],
)
def test_a_crowd_barricading_a_road_riots_in_any_tense(text: str, riot: bool) -> None:
    """ACLED's codebook names road-blocking with barricades as rioting; notes often use the
    present tense, and a police barricade is no act of the crowd's."""
    assert any(t.cls == "riot" for t in find_triggers(text)) is riot


def test_partisans_set_upon_the_victims_own_named_demonstration() -> None:
    # The protest belongs to the group the victims were named by: it was set upon (ACLED's
    # protest with intervention), the victims did not riot.
    e = _one(
        "On 3 March 2023, members of Jubo League assaulted the members of Gono Odhikar Parishad "
        "in Rangpur city, during Gono Odhikar Parishad's demonstration demanding lower prices.",
        published="2023-03-04",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Protest with intervention")


def test_the_attackers_own_demonstration_stays_a_violent_one() -> None:
    e = _one(
        "On 3 March 2023, members of Jubo League assaulted the members of Gono Odhikar Parishad "
        "in Rangpur city, during Jubo League's demonstration demanding lower prices.",
        published="2023-03-04",
    )
    assert e.event_type == "Riots"


@pytest.mark.parametrize(
    "text",
    [
        "On 6 June 2021, police shot dead a suspected robber in Garissa and recovered two hand "
        "grenades from his house.",
        "On 6 June 2021, soldiers killed a militant in Garissa after a gunfight and found a cache "
        "of arms including 12 grenades.",
    ],
)
def test_weapons_found_or_taken_were_not_used(text: str) -> None:
    assert all(t != "Explosions/Remote violence" for t, _ in _types(text, "2021-06-07"))


def test_a_grenade_thrown_is_still_a_grenade_attack() -> None:
    types = _types(
        "On 6 June 2021, militants threw a grenade at a bus in Garissa, injuring four people.",
        "2021-06-07",
    )
    assert ("Explosions/Remote violence", "Grenade") in types


@pytest.mark.parametrize(
    "text",
    [
        "On 7 May 2021, in Celaya, Guanajuato, gunmen riding a motorcycle shot at a municipal "
        "police officer who was off-duty. The officer was injured.",
        "On 7 May 2021, in Celaya, Guanajuato, armed men attacked a state police officer at his "
        "house. The officer was injured.",
    ],
)
def test_an_officer_off_duty_is_a_civilian_victim(text: str) -> None:
    assert _one(text, "2021-05-08").event_type == "Violence against civilians"


def test_an_officer_on_duty_attacked_is_a_fight() -> None:
    e = _one(
        "On 7 May 2021, in Celaya, Guanajuato, gunmen riding a motorcycle shot at a municipal "
        "police officer who was on patrol. The officer was injured.",
        "2021-05-08",
    )
    assert e.event_type == "Battles"


def test_victims_of_disappearance_who_protest_hold_a_peaceful_protest() -> None:
    e = _one(
        "On 9 May 2023, relatives of victims of enforced disappearance staged a human chain in "
        "front of the Press Club in Dhaka, demanding that the missing be returned.",
        "2023-05-10",
    )
    assert (e.event_type, e.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("A shell fell on a house in the old town.", "shelling"),
        ("A physical fight broke out between councillors.", "riot"),
        ("A fight broke out between soldiers and militants.", "clash"),
        ("An armed fight ensued between two families.", "clash"),
        ("Students burn the student union (SU) offices.", "riot"),
        ("Farmers burn several houses of the manager.", "loot"),
        ("Rocks thrown, tear gas fired.", "riot"),
        ("A bomb believed to have been planted by the rebels went off.", "ied"),
        ("Insurgents blew up a railway track near the town.", "ied"),
        ("A roadside bomb explodes near a bus.", "ied"),
        ("The army bombed insurgent hideouts in the forest.", "air"),
        ("The air force launched strikes on the forest.", "air"),
        ("Militants 'pounded' a military base overnight.", "shelling"),
        ("Police officers flogged voters at the polling station.", "attack"),
        ("Gunmen sprayed the car of a councillor with bullets.", "attack"),
        ("Delegates were roughed up by youths.", "attack"),
        ("Six were hurt in a confrontation between rival supporters.", "clash"),
    ],
)
def test_wordings_of_shelling_fights_and_arson(text: str, cls: str) -> None:
    assert any(t.cls == cls for t in find_triggers(text))


def test_a_fight_between_soldiers_and_militants_is_an_armed_clash() -> None:
    e = _one(
        "On 5 May 2022, a fight broke out between soldiers and Boko Haram militants near Dikwa, "
        "Borno. Two soldiers were killed.",
        "2022-05-06",
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_an_armed_fight_between_families_is_an_armed_clash() -> None:
    e = _one("On 7 May 2020, an armed fight ensued between two families in Baalbek.", "2020-05-08")
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_protesters_who_burn_houses_riot() -> None:
    e = _one(
        "Cooperative farmers in Naivasha burn several houses in protest over the division of "
        "their land.",
        "2018-05-10",
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")


def test_the_civilians_a_fight_kills_are_not_a_side_of_it() -> None:
    e = _one(
        "On 28 April 2020, clashes erupted between two factions of pro-Houthi forces in Taizz "
        "city, killing three civilians who passed by.",
        "2020-04-29",
    )
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_a_fight_told_as_an_armed_clash_is_no_mob() -> None:
    e = _one(
        "On 4 May 2020, in Celaya, Guanajuato, an armed clash was reported between several "
        "individuals and municipal policemen. One person died.",
        "2020-05-05",
    )
    assert e.event_type == "Battles"


def test_a_verbal_confrontation_leaves_a_road_block_peaceful() -> None:
    types = _types(
        "On 2 May 2020, in Ecatepec, Mexico, around 100 people blocked the roads near a hospital "
        "demanding information about patients. Some of the participants had verbal "
        "confrontations with doctors.",
        "2020-05-03",
    )
    assert ("Riots", "Violent demonstration") not in types


def test_militants_who_burn_a_station_and_a_vehicle_destroy_property() -> None:
    types = _types(
        "On 1 September 2019, Al Shabaab militants raided Yumbis. The militants burnt the station "
        "and a vehicle carrying medicine. No casualties were reported.",
        "2019-09-02",
    )
    assert ("Strategic developments", "Looting/property destruction") in types


def test_an_attack_on_press_freedom_is_a_grievance_not_an_attack() -> None:
    text = (
        "On 3 March 2021, reporters held a protest outside the press club in Lahore against "
        "the closure of a newspaper. The closure is seen as an attack on press freedom."
    )
    assert _types(text, published="2021-03-04") == [("Protests", "Peaceful protest")]
    assert not [t for t in find_triggers("an assault on our democracy") if t.cls == "attack"]
    assert [t.text for t in find_triggers("an attack on rights activists")] == ["attack"]


def test_the_accused_can_be_the_victim() -> None:
    e = _one(
        "Three men who were accused of theft are lynched in Kisumu town on Sunday.",
        published="2024-01-09",
    )
    assert e.sub_event_type == "Mob violence"


@pytest.mark.parametrize(
    ("second", "sub"),
    [
        (
            "Police obstructed the march, following which the marchers held a meeting instead.",
            "Peaceful protest",
        ),
        ("The organisers claimed that police foiled their demonstration.", "Peaceful protest"),
        (
            "Police obstructed the rally and used batons on the marchers.",
            "Protest with intervention",
        ),
        ("Police obstructed the rally.", "Protest with intervention"),
    ],
)
def test_a_march_stopped_without_force_that_goes_on_stays_peaceful(second: str, sub: str) -> None:
    text = (
        "On 4 May 2023, members of a teachers union staged a protest in Khulna city, demanding "
        "higher wages. " + second
    )
    assert _one(text, published="2023-05-05").sub_event_type == sub


def test_force_used_to_disperse_is_an_intervention() -> None:
    text = (
        "On 4 May 2023, members of a teachers union staged a protest in Khulna city, demanding "
        "higher wages. Police chased the marchers to disperse them."
    )
    assert _one(text, published="2023-05-05").sub_event_type == "Protest with intervention"
    refused = (
        "On 4 May 2023, members of a teachers union staged a protest in Khulna city, demanding "
        "higher wages. The marchers refused to disperse."
    )
    assert _one(refused, published="2023-05-05").sub_event_type == "Peaceful protest"


def test_a_crowd_that_protests_and_obstructs_is_not_stopped() -> None:
    text = (
        "On 13 June 2023, residents staged a protest and obstructed government vehicles in "
        "Munshiganj town, demanding gas connections."
    )
    assert _one(text, published="2023-06-14").sub_event_type == "Peaceful protest"
    police = (
        "On 13 June 2023, police intercepted the rally and obstructed the marchers in "
        "Munshiganj town."
    )
    assert _one(police, published="2023-06-14").sub_event_type == "Protest with intervention"
