from datetime import date

from wirewatch.actors import canonical, country_name, find_actors


def _names(text: str, country: str = "SY", when: date = date(2024, 12, 2)) -> list[str]:
    return [canonical(a, country, when)[0] for a in find_actors(text)]


def test_named_groups_and_aliases_normalise() -> None:
    assert "HTS: Hayat Tahrir al Sham" in _names("HTS fighters entered the town")
    assert "Syrian National Army" in _names("Turkish-backed rebels seized the town")
    assert "Dan Na Ambassagou" in _names("Dan Na Ambassagou militiamen attacked a village", "ML")


def test_backers_are_kept() -> None:
    (militias,) = [a for a in find_actors("Tehran-backed Iraqi militias crossed the border")]
    assert militias.backers == ("Tehran",)
    assert canonical(militias, "SY", date(2024, 12, 2))[0] == (
        "Military Forces of Iraq (2022-) Popular Mobilization Forces"
    )


def test_role_nouns_take_the_country_and_the_regime_period() -> None:
    assert _names("Syrian troops shelled the village") == ["Military Forces of Syria (2000-)"]
    assert _names("police dispersed the crowd", "KE", date(2017, 5, 1)) == [
        "Police Forces of Kenya (2013-)"
    ]
    assert _names("gunmen killed a farmer", "NG")[0] == "Unidentified Armed Group (Nigeria)"
    assert _names("protesters marched", "BD")[0] == "Protesters (Bangladesh)"


def test_armed_and_unarmed_kinds_differ() -> None:
    kinds = {a.text: a.armed for a in find_actors("soldiers fired on villagers")}
    assert kinds == {"soldiers": True, "villagers": False}


def test_country_names_follow_acled() -> None:
    assert country_name("SY") == "Syria"
    assert country_name("CD") == "Democratic Republic of Congo"
    assert country_name(None) is None


def test_periods_are_labelled_as_exported_on_the_reference_day() -> None:
    """A regime over by `periods_as_of` has its closed label; the one then in power an open one;
    a later event takes the label of its own day."""
    assert _names("police fired", "KE", date(2010, 3, 1)) == ["Police Forces of Kenya (2002-2013)"]
    assert _names("police fired", "KE", date(2019, 3, 1)) == ["Police Forces of Kenya (2013-)"]
    assert _names("police fired", "KE", date(2023, 3, 1)) == ["Police Forces of Kenya (2022-)"]
    assert _names("troops fired", "IL", date(2023, 12, 1)) == ["Military Forces of Israel (2022-)"]


def test_kenya_keeps_the_kibaki_label_until_acled_switched_it() -> None:
    """ACLED's Kenya data names the forces '(2002-2013)' until the end of November 2013, not
    from the inauguration of 9 April 2013."""
    assert _names("police fired", "KE", date(2013, 6, 1)) == ["Police Forces of Kenya (2002-2013)"]
    assert _names("police fired", "KE", date(2013, 12, 10)) == ["Police Forces of Kenya (2013-)"]


def test_state_names_take_the_article_where_acled_writes_it() -> None:
    assert _names("soldiers fired", "PH", date(2020, 5, 1)) == [
        "Military Forces of the Philippines (2016-)"
    ]
    assert _names("protesters marched", "PH", date(2020, 5, 1)) == ["Protesters (Philippines)"]


def test_a_role_noun_after_a_group_is_part_of_it() -> None:
    names = _names("GNA and LNA forces clashed; GNA air force struck", "LY", date(2020, 5, 9))
    assert names == [
        "Military Forces of Libya (2016-) Government of National Accord",
        "Military Forces of Libya (2014-) Haftar Faction",
        "Military Forces of Libya (2016-) Government of National Accord",
    ]


def test_groups_renamed_with_the_state_take_the_name_of_the_day() -> None:
    assert _names("Houthi fighters attacked", "YE", date(2020, 5, 1)) == [
        "Military Forces of Yemen (2016-) Supreme Political Council"
    ]
    assert _names("Houthi fighters attacked", "YE", date(2023, 12, 1)) == [
        "Military Forces of Yemen (2017-) Houthi"
    ]
    assert _names("pro-Hadi forces advanced", "YE", date(2020, 5, 1)) == [
        "Military Forces of Yemen (2012-)"
    ]


def test_foreign_forces_in_an_operation_take_its_name() -> None:
    assert _names("Saudi forces fired artillery", "YE", date(2020, 5, 8)) == [
        "Operation Restoring Hope"
    ]
    assert _names("Saudi forces fired artillery", "SA", date(2020, 5, 8)) == [
        "Military Forces of Saudi Arabia (2015-)"
    ]


def test_criminal_groups_are_gangs() -> None:
    assert _names("gang members shot a driver", "MX", date(2020, 5, 1))[0] == (
        "Unidentified Gang (Mexico)"
    )


def test_a_storys_vocabulary_tells_its_country() -> None:
    from wirewatch.actors import country_clue

    assert country_clue("Police dispersed ODM supporters in Vihiga county.") == "KE"
    assert country_clue("BNP activists clashed in Kaliakair upazila over Tk 5,000.") == "BD"
    assert country_clue("Gunmen shot a village chief in Barangay Poblacion, Pinabacdao.") == "PH"
    assert country_clue("Houthi fighters shelled Security Belt positions.") == "YE"
    assert country_clue("Residents protested neglect by the county government.") == "KE"
    assert country_clue("Students of Daystar University protested.") == "KE"
    assert country_clue("LNA aircraft struck a GNA convoy.") == "LY"
    assert country_clue("Protesters blocked a road.") is None
    # One clue each way is a tie: no country.
    assert country_clue("ODM and BNP") is None


def test_local_conventions_name_unidentified_criminals() -> None:
    from wirewatch.actors import local_name

    body = "a man was found dead; his hands were tied and the body bore signs of torture"
    assert local_name("Unidentified Armed Group (Mexico)", 2, "MX", body) == (
        "Unidentified Gang (Mexico)",
        3,
    )
    drive_by = "a man was killed in a drive-by shooting by two armed men on a motorcycle"
    assert local_name("Unidentified Armed Group (Brazil)", 2, "BR", drive_by)[0] == (
        "Unidentified Gang and/or Police Militia"
    )
    # Without the marks of organised crime, or elsewhere, the name stays.
    assert local_name("Unidentified Armed Group (Mexico)", 2, "MX", "armed men clashed")[0] == (
        "Unidentified Armed Group (Mexico)"
    )
    assert local_name("Unidentified Armed Group (Kenya)", 2, "KE", body)[0] == (
        "Unidentified Armed Group (Kenya)"
    )


def test_communities_fight_as_ethnic_militias() -> None:
    names = _names(
        "clashes between members of Borana and Gabra communities", "KE", date(2017, 5, 1)
    )
    assert names == ["Borana Ethnic Militia (Kenya)", "Gabra Ethnic Militia (Kenya)"]
    assert _names("Orma ethnic group attacks villages", "KE") == ["Orma Ethnic Militia (Kenya)"]
    # A capitalised word opening a sentence is not a community's name.
    assert "Masked Ethnic Militia (Kenya)" not in _names("Masked gunmen killed two", "KE")


def test_unnamed_communities_follow_acleds_naming_of_the_day() -> None:
    assert _names("cattle rustlers attacked", "KE", date(2008, 1, 5)) == [
        "Unidentified Ethnic Militia (Kenya)"
    ]
    assert _names("cattle rustlers attacked", "KE", date(2018, 1, 5)) == [
        "Unidentified Communal Militia (Kenya)"
    ]
    assert _names("Ethiopian raiders attacked", "KE", date(2018, 1, 5)) == [
        "Unidentified Communal Militia (Ethiopia)"
    ]


def test_the_side_an_anti_label_names_is_not_an_actor() -> None:
    names = _names(
        "anti-Houthi National Resistance forces shelled the area", "YE", date(2020, 5, 1)
    )
    assert names == ["National Resistance Forces"]


def test_artsakh_forces_carry_their_regime_period() -> None:
    text = "military forces of Artsakh fired on the positions of the military forces of Azerbaijan"
    assert _names(text, "AZ", date(2020, 5, 6)) == [
        "Military Forces of Artsakh (2007-)",
        "Military Forces of Azerbaijan (2003-)",
    ]


def test_gangs_are_named_so_in_the_americas_only() -> None:
    assert _names("a gang attacked worshippers", "KE")[0] == "Unidentified Armed Group (Kenya)"
    assert _names("a gang attacked a bus", "MX")[0] == "Unidentified Gang (Mexico)"


def test_a_named_community_opening_a_sentence_is_still_a_community() -> None:
    assert _names("Pokot raiders stole cattle", "KE")[0] == "Pokot Ethnic Militia (Kenya)"


def test_brazils_police_branches_follow_acled() -> None:
    from wirewatch.actors import local_name

    text = "federal police forces seized a ton of marijuana"
    assert local_name("Police Forces of Brazil (2019-)", 1, "BR", text, date(2020, 5, 5))[0] == (
        "Police Forces of Brazil (2019-) Federal Police"
    )


def test_clans_are_named_as_acled_names_them_where_they_are_clans() -> None:
    text = "armed militias from the Hawadle and Jarer Weyne clans battled"
    assert _names(text, "SO", date(2020, 5, 8)) == [
        "Hawadle Clan Militia (Somalia)",
        "Jarer Weyne Clan Militia (Somalia)",
    ]
    assert _names("The Pokot and Turkana clans fought", "KE")[0] == "Pokot Ethnic Militia (Kenya)"


def test_a_town_the_gazetteer_lacks_still_hints_its_country() -> None:
    from wirewatch.actors import country_clue, country_hint

    assert country_hint("Mini-bus drivers protested against police harassment in Dandora.") == "KE"
    assert country_hint("Protesters blocked the Saadnayel highway with burning tyres.") == "LB"
    assert country_hint("Protesters blocked a road.") is None
    # A possessive leader's name is still a clue.
    assert country_clue("Riots broke out after the announcement of Kibakis win.") == "KE"


def test_civilians_are_never_the_side_that_uses_force() -> None:
    from wirewatch.actors import civilians_as_targets

    when = date(2020, 5, 5)
    victims = ("Civilians (Cambodia)", 7)
    agent, target = civilians_as_targets(
        victims, (None, None), "Explosions/Remote violence", "KH", when
    )
    assert agent == ("Unidentified Armed Group (Cambodia)", 3)
    assert target == victims
    militia = ("Fulani Ethnic Militia (Nigeria)", 4)
    assert civilians_as_targets(victims, militia, "Violence against civilians", "NG", when) == (
        militia,
        victims,
    )
    # A battle has no civilian side: the other side leads, and civilians who fight are a
    # communal militia.
    assert civilians_as_targets(victims, militia, "Battles", "NG", when) == (militia, (None, None))
    assert civilians_as_targets(victims, (None, None), "Battles", "KH", when)[0] == (
        "Unidentified Communal Militia (Cambodia)",
        4,
    )
    # Displaced civilians are the actor of a strategic development.
    assert civilians_as_targets(victims, (None, None), "Strategic developments", "KH", when) == (
        victims,
        (None, None),
    )


def test_a_donbas_battle_has_the_other_side_as_actor2() -> None:
    from wirewatch.actors import counterpart

    when = date(2020, 5, 5)
    osce = "the OSCE SMM observed 33 shots involving small arms near Luhanske"
    ukraine = "Military Forces of Ukraine (2019-)"
    naf = "NAF: United Armed Forces of Novorossiya"
    assert counterpart(ukraine, (None, None), "Battles", "UA", osce, when) == (naf, 2)
    assert counterpart(naf, (None, None), "Battles", "UA", osce, when) == (ukraine, 1)
    # Shelling's target is left empty unless the story names it; a named actor2 stays.
    shelling = "Explosions/Remote violence"
    assert counterpart(ukraine, (None, None), shelling, "UA", osce, when) == (None, None)
    assert counterpart(ukraine, ("Civilians (Ukraine)", 7), "Battles", "UA", osce, when)[0] == (
        "Civilians (Ukraine)"
    )
    assert _names("fired at the positions of the Luhansk People's Militia", "UA", when) == [naf]


def test_osce_observations_go_to_the_side_that_fires_across_the_contact_line() -> None:
    from wirewatch.actors import local_name

    uag = "Unidentified Armed Group (Ukraine)"
    when = date(2020, 5, 5)
    held = "the OSCE SMM observed 12 explosions near Avdiivka."
    assert local_name(uag, 3, "UA", held, when)[0] == "NAF: United Armed Forces of Novorossiya"
    # A separatist-held place (Donetsk airport) or none: the government's forces.
    across = "the OSCE SMM observed 8 explosions near Donetsk airport."
    assert local_name(uag, 3, "UA", across, when)[0] == "Military Forces of Ukraine (2019-)"
    # Zolote-5 lies on the other side from Zolote.
    assert local_name(uag, 3, "UA", "the SMM heard shots near Zolote-5", when)[0].startswith(
        "Military Forces of Ukraine"
    )


def test_unnamed_islamist_militants_in_kenya_are_al_shabaab() -> None:
    from wirewatch.actors import local_name

    text = "Grenade attack in Garissa blamed on Islamic militants"
    assert local_name("Unidentified Armed Group (Kenya)", 3, "KE", text)[0] == "Al Shabaab"
    assert local_name("Unidentified Armed Group (Kenya)", 3, "KE", "gunmen shot a man")[0] == (
        "Unidentified Armed Group (Kenya)"
    )


def test_acled_names_pirates_and_afghan_local_militias() -> None:
    assert _names("sea pirates attacked a fishing vessel", "BJ", date(2020, 6, 24))[0] == (
        "Pirates (Benin)"
    )
    assert _names("the Taliban attacked Arbaki posts", "AF", date(2020, 5, 1)) == [
        "Taliban",
        "Militia (Pro-Government)",
    ]


def test_demonstrators_identity_is_the_associated_actor() -> None:
    from wirewatch.actors import associates

    bd = date(2024, 3, 1)
    text = "students of a university staged a protest demanding the arrest of BCL activists"
    assert associates(text, "Protesters (Bangladesh)", "BD", bd) == "Students (Bangladesh)"
    text = "members of BNP and Jamaat-e-Islami staged a rally against the AL government"
    assert associates(text, "Protesters (Bangladesh)", "BD", bd) == (
        "BNP: Bangladesh Nationalist Party; JeI: Jamaat-e-Islami"
    )
    # ACLED spells the labour group the American way from 2022.
    workers = "garment workers staged a demonstration"
    assert associates(workers, "Protesters (Bangladesh)", "BD", bd) == "Labor Group (Bangladesh)"
    old = associates("tea workers protested", "Protesters (Kenya)", "KE", date(2007, 5, 1))
    assert old == "Labour Group (Kenya)"
    assert associates("a mob lynched a suspected thief", "Rioters (Kenya)", "KE", None) == (
        "Vigilante Group (Kenya)"
    )
    # Only demonstrators have associates here; a crowd with no named identity has none.
    assert associates("students were shot", "Police Forces of Kenya (2013-)", "KE", None) is None
    assert associates("residents blocked a road", "Protesters (Kenya)", "KE", None) is None


def test_named_units_of_state_forces_take_the_regime_period() -> None:
    assert _names("GSU officers shot a man", "KE", date(2017, 8, 11))[0] == (
        "Police Forces of Kenya (2013-) General Service Unit"
    )
    assert "Police Forces of India (2014-) Central Reserve Police Force" in _names(
        "militants fired at a CRPF patrol party", "IN", date(2020, 5, 4)
    )
    assert _names("Boko Haram/IS claimed an attack on soldiers", "NG")[0].startswith(
        "Islamic State (West Africa) and/or Boko Haram"
    )


def test_jurisdictions_and_unknown_organisations_are_no_actors() -> None:
    assert _names("a body was found in Kotwali police area", "BD") == []
    assert _names("under Konta police station limits", "IN") == []
    # The police as a target keep their mention.
    assert _names("militants attacked a police station", "IN")[-1].startswith("Police Forces")
    assert _names("MS-13 members killed a man", "SV") == ["Civilians (El Salvador)"]
    assert "Civilians (Syria)" in _names("members of the family were killed")


def test_evidence_fields_follow_the_civilians_moved_to_actor2() -> None:
    from wirewatch.actors import evidence_fields

    # Violence against civilians with an armed side: the two swap.
    assert evidence_fields(
        ("Civilians (Kenya)", "Ethnic Militia"), ("Ethnic Militia", "Civilians (Kenya)")
    ) == (
        "actor2",
        "actor1",
    )
    # No armed side: the civilians become actor2 of an unidentified group.
    assert evidence_fields(
        ("Civilians (Kenya)", None), ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    ) == (
        "actor2",
        None,
    )
    # A battle drops the civilian side.
    assert evidence_fields(("Civilians (Kenya)", "Police Forces"), ("Police Forces", None)) == (
        None,
        "actor1",
    )
    assert evidence_fields(("Police Forces", "Civilians"), ("Police Forces", "Civilians")) == (
        "actor1",
        "actor2",
    )


def test_a_named_community_that_attacks_is_its_militia() -> None:
    ke = date(2014, 2, 17)
    assert "Pokot Ethnic Militia (Kenya)" in _names(
        "suspected Pokot assailants attacked a bus", "KE", ke
    )
    assert _names("Degodia attack Garre civilians near Mandera", "KE", ke)[0] == (
        "Degodia Ethnic Militia (Kenya)"
    )
    # A name that is not a known community stays an unnamed group.
    assert _names("Maoist militants attacked a camp", "IN", ke)[0].startswith(
        "Unidentified Armed Group"
    )


def test_a_story_that_names_one_country_or_its_people_hints_it() -> None:
    from wirewatch.actors import country_hint, country_named

    assert country_hint("Kenyan nurses held demonstrations across the country.") == "KE"
    assert country_named("A protest against interference in Kenya's affairs.") == "KE"
    # Two countries named say nothing; nor does a currency's country.
    assert country_named("Ugandan police attacked Kenyan fishermen.") is None
    assert country_named("Protesters denounced the high US dollar exchange rate.") is None
    # A place still outranks a people named.
    assert country_hint("Ugandan traders protested in Dandora.") == "KE"


def test_a_militia_named_with_its_home_country_keeps_it() -> None:
    (merrile,) = find_actors("Ethiopian Merrile militia shot a chief in Lowerangak")
    assert canonical(merrile, "KE", date(2012, 7, 31))[0] == "Merrile Ethnic Militia (Ethiopia)"
    (raiders,) = [a for a in find_actors("suspected South Sudanese raiders attacked a school")]
    assert raiders.country == "SS"


def test_a_community_takes_acled_s_spelling() -> None:
    assert "Kipsigi Ethnic Militia (Kenya)" in _names(
        "clashes between the Maasai and Kipsigis communities", "KE", date(2018, 9, 7)
    )


def test_kenyan_groups_are_named() -> None:
    assert _names("MRC members attacked a police post", "KE", date(2012, 10, 1))[0] == (
        "MRC: Mombasa Republican Council"
    )
    assert _names("suspected SLDF militiamen shot two men", "KE", date(2008, 1, 5))[0] == (
        "SLDF: Sabaot Land Defence Force"
    )


def test_a_desk_that_names_the_state_first_swaps_the_pair() -> None:
    from wirewatch.actors import state_first

    shabaab = ("Al Shabaab", 2)
    police = ("Police Forces of Kenya (2013-)", 1)
    battle, when = "Battles", date(2015, 7, 13)
    assert state_first(shabaab, police, battle, "KE", when) == (police, shabaab)
    # Not outside the desk's years, its country, or for violence against civilians.
    assert state_first(shabaab, police, battle, "KE", date(2019, 5, 5)) == (shabaab, police)
    mungiki = ("Mungiki Militia", 3)
    assert state_first(mungiki, police, battle, "KE", date(2009, 6, 1)) == (police, mungiki)
    assert state_first(mungiki, police, battle, "KE", date(2011, 6, 1)) == (mungiki, police)
    assert state_first(shabaab, police, battle, "SO", when) == (shabaab, police)
    civilians = ("Civilians (Kenya)", 7)
    attack = "Violence against civilians"
    assert state_first(shabaab, civilians, attack, "KE", when) == (shabaab, civilians)


def test_brazil_names_the_police_first_in_a_shoot_out() -> None:
    from wirewatch.actors import state_first

    gang = ("Unidentified Gang (Brazil)", 3)
    police = ("Military Forces of Brazil (2019-) Military Police", 1)
    assert state_first(gang, police, "Battles", "BR", date(2020, 5, 6)) == (police, gang)


def test_lebanese_institutions_tell_a_tripoli_story_s_country() -> None:
    from wirewatch.actors import country_clue

    assert country_clue("Rioters set fire to a Fransabank branch in Tripoli.") == "LB"
    assert country_clue("Protesters gathered outside the Seray in Tripoli.") == "LB"


def test_execution_marks_make_a_gang_killing() -> None:
    from wirewatch.actors import local_name

    text = "Two men were found dead, handcuffed and shot in the back of the head."
    assert local_name("Unidentified Armed Group (Mexico)", 3, "MX", text)[0] == (
        "Unidentified Gang (Mexico)"
    )
    for text in (
        "Three bodies were found mutilated inside plastic bags.",
        "A man was found dead; the body was burned.",
        "A human head was found near the market.",
    ):
        assert local_name("Unidentified Armed Group (Mexico)", 3, "MX", text)[0] == (
            "Unidentified Gang (Mexico)"
        )
    # A body found wrapped in a blanket alone is no gang's mark.
    text = "A man was found dead, wrapped in a blanket."
    assert local_name("Unidentified Armed Group (Mexico)", 3, "MX", text)[0] == (
        "Unidentified Armed Group (Mexico)"
    )


def test_an_unnamed_armed_mention_tied_to_a_group_is_that_group() -> None:
    names = [a.name for a in find_actors("Gunmen with suspected links to Al Shabab attack a hotel")]
    assert names == ["Al Shabaab", "Al Shabaab"]
    (first, *_) = find_actors("Armed group believed to be MRC attacks a homestead")
    assert first.name == "MRC: Mombasa Republican Council"
    # A victim named after the verb is no affiliation.
    killers = find_actors("gunmen killed members of the Taliban")
    assert killers[0].name is None


def test_forces_drawn_from_a_named_group_s_unit_are_that_group() -> None:
    text = (
        "Forces from the Martyrs Battalion of the 6th Southern Resistance Brigade thwarted an "
        "attack of pro-Houthi forces"
    )
    assert find_actors(text)[0].name == "Southern Resistance"
    # Forces that merely come from a place stay unnamed, and a comma ends the unit's name.
    assert find_actors("Troops from Garissa, Al Shabaab said, were ambushed")[0].name is None


def test_a_claimant_telling_its_own_deed_is_its_agent() -> None:
    from wirewatch.actors import claims_own_deed

    text = "National Resistance forces claimed to have shelled pro-Houthi forces."
    assert claims_own_deed(text, 0, len("National Resistance forces"))
    text = "The army said it had killed 12 militants."
    assert claims_own_deed(text, 0, len("The army"))
    text = "Heavy artillery fire by an unknown party was reported in Abu Salim."
    assert claims_own_deed(text, text.index("unknown"), text.index(" was"))
    # A claimant reporting what others did is no agent.
    assert not claims_own_deed("Police said gunmen killed two people.", 0, len("Police"))
    assert not claims_own_deed("The army said it had been attacked.", 0, len("The army"))
    text = "Shelling was reported by the OSCE SMM near Pisky."
    assert not claims_own_deed(text, text.index("OSCE"), text.index(" near"))


def test_a_monitored_shelling_near_a_government_held_town_is_the_separatists() -> None:
    from wirewatch.actors import local_name

    text = "The OSCE SMM observed a total of 4 explosions involving unknown weapons near Pisky."
    name = "Military Forces of Ukraine (2019-)"
    assert local_name(name, 1, "UA", text)[0] == "NAF: United Armed Forces of Novorossiya"
    # Not when the story itself names the Ukrainian forces as the shooter.
    named = "The OSCE SMM said Ukrainian forces fired 4 rounds near Pisky."
    assert local_name(name, 1, "UA", named)[0] == name


def test_the_monitoring_mission_tells_a_ukrainian_story() -> None:
    from wirewatch.actors import country_clue

    assert country_clue("The OSCE SMM observed 15 explosions near Komsomolets.") == "UA"


def test_a_named_unit_is_the_actor_of_its_owner_and_members() -> None:
    unit = "Military Forces of Syria ({period}) Air Force Intelligence Directorate"
    text = "suspected members of the regime's Air Force Intelligence abducted 3 civilians"
    assert [a.name for a in find_actors(text)] == [unit, None]
    # Members of an unnamed force stay as they were.
    assert find_actors("members of the security forces opened fire")[0].text == "members"


def test_a_note_s_movement_of_forces_label_names_no_forces() -> None:
    text = "Movement of forces: an unidentified armed group was seen moving in Kompa."
    assert [a.text for a in find_actors(text)] == ["unidentified armed group"]


def test_the_sahel_branch_of_the_islamic_state_takes_its_province_name_in_2022() -> None:
    text = "ISGS militants killed nine civilians"
    assert _names(text, "NE", date(2020, 5, 9))[0] == "Islamic State (Greater Sahara)"
    assert _names(text, "NE", date(2022, 7, 9))[0] == "Islamic State (Sahel)"


def test_yemen_names_its_communal_militias_by_tribe() -> None:
    from wirewatch.actors import civilians_as_targets

    tribesmen = ("Civilians (Yemen)", 7)
    side, _ = civilians_as_targets(tribesmen, (None, None), "Battles", "YE", date(2020, 4, 30))
    assert side[0] == "Unidentified Tribal Militia (Yemen)"
    side, _ = civilians_as_targets(
        ("Civilians (Kenya)", 7), (None, None), "Battles", "KE", date(2020, 4, 30)
    )
    assert side[0] == "Unidentified Communal Militia (Kenya)"


def test_groups_named_as_acled_names_them() -> None:
    assert _names("the Children of Fire Initiative claimed an arson attack", "TR")[0] == (
        "Children of Fire"
    )
    assert _names("HBDH militants carried out a bomb attack", "TR")[0] == (
        "HBDH: Peoples United Revolutionary Movement"
    )
    assert _names("Abu Sayyaf militants clashed with troops", "PH")[0] == "ASG: Abu Sayyaf"


def test_either_of_the_sahel_jihadist_groups_is_acled_joint_actor() -> None:
    text = "presumed JNIM or ISGS militants attacked the village"
    assert _names(text, "BF", date(2020, 5, 2))[0] == (
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    )
    # The Islamic State half follows that group's renaming; one group alone stays itself.
    assert _names(
        "suspected IS Sahel or JNIM militants kidnapped two guards", "BJ", date(2022, 9, 5)
    )[0] == ("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)")
    assert _names("presumed JNIM militants killed a man", "BJ", date(2022, 7, 4))[0] == (
        "JNIM: Group for Support of Islam and Muslims"
    )


def test_farmers_and_herders_who_attack_are_a_communal_militia() -> None:
    from wirewatch.actors import civilians_as_targets

    vac = "Violence against civilians"
    unidentified = ("Unidentified Armed Group (Benin)", 3)
    victims = ("Civilians (Benin)", 7)
    # `agent` is actor1's mention and the words after it, as the extractor passes them.
    side, target = civilians_as_targets(
        unidentified, victims, vac, "BJ", date(2022, 1, 19), "farmers killed a pastoralist man"
    )
    assert side == ("Unidentified Communal Militia (Benin)", 4) and target == victims
    # Before 2016 ACLED's name for the same actor was the unidentified ethnic militia.
    kenya = ("Unidentified Armed Group (Kenya)", 3)
    assert civilians_as_targets(
        kenya, (None, None), vac, "KE", date(2012, 1, 19), "herders attacked a village"
    )[0] == ("Unidentified Ethnic Militia (Kenya)", 4)
    # Where herding is one community's (Fulani in Benin), its attacking herders are its militia.
    assert civilians_as_targets(
        unidentified, victims, vac, "BJ", date(2022, 3, 3), "pastoralists killed a female farmer"
    )[0] == ("Fulani Ethnic Militia (Benin)", 4)
    assert civilians_as_targets(
        unidentified, victims, vac, "BJ", date(2022, 3, 3), "farmer with an artisanal gun shot"
    )[0] == ("Unidentified Communal Militia (Benin)", 4)
    # Herders who only found bodies, or victims named first, change nothing.
    assert (
        civilians_as_targets(
            kenya, (None, None), vac, "KE", date(2019, 3, 3), "Herders in Bambo have discovered"
        )[0]
        == kenya
    )
    civilians = ("Civilians (Kenya)", 7)
    assert civilians_as_targets(
        civilians, (None, None), vac, "KE", date(2019, 3, 3), "a group of herders killed 2 men"
    )[0] == ("Unidentified Communal Militia (Kenya)", 4)
    assert civilians_as_targets(civilians, (None, None), vac, "KE", date(2019, 3, 3), "two people")[
        0
    ] == ("Unidentified Armed Group (Kenya)", 3)


def test_a_report_that_leads_with_the_casualties_names_their_killers_first() -> None:
    from wirewatch.actors import suffered_first

    def pair(text: str) -> bool:
        first, second = find_actors(text)[:2]
        return suffered_first(first, second, text)

    assert pair("8 Taliban militants were killed and 6 were wounded by Afghan military airstrikes")
    assert pair("1 soldier was killed and 1 was wounded during clashes with Taliban militants")
    assert pair("2 policemen were killed in an ambush by Taliban militants in Kunduz")
    assert pair("One member of al Shabaab is dead following a gunbattle with security forces")
    # The first side named as the one that killed keeps its place.
    assert not pair("Taliban militants killed 5 soldiers during clashes with Afghan forces")
    assert not pair("Afghan forces clashed with Taliban militants; 3 were killed")


def test_the_side_whose_attack_was_repelled_is_the_attacker() -> None:
    from wirewatch.actors import repelled_first

    def pair(text: str) -> bool:
        first, second = find_actors(text)[:2]
        return repelled_first(first, second, text)

    assert pair("Iraqi forces repelled an IS attack near Lazaka village")
    assert pair("pro-Hadi force reportedly thwarted a Houthi attack on the Qaniyah front")
    assert pair("the PMF's Abu al-Fadhl al-Abbas division repelled an IS attack on their positions")
    text = "National resistance forces thwarted a Houthi attack, forcing the Houthi units back"
    first, *_, last = find_actors(text)
    assert repelled_first(first, last, text)
    # "an attack by X" is read by the clause's own roles; a repelled side that attacked no one,
    # or an attack owned by someone else, swaps nothing.
    assert not pair("Afghan forces repelled an attack by Taliban militants")
    assert not pair("Afghan forces killed Taliban militants in a night attack")
    assert not pair("Taliban militants repelled a government offensive, killing 3 soldiers")


def test_an_unnamed_agent_is_the_named_group_the_story_blames() -> None:
    from wirewatch.actors import attributed

    when = date(2020, 5, 7)
    uag = ("Unidentified Armed Group (Democratic Republic of Congo)", 3)
    text = "2 civilians were killed in an attack attributed to ADF fighters near Beni."
    assert attributed(uag, "Civilians (Democratic Republic of Congo)", text, "CD", when)[0] == (
        "ADF: Allied Democratic Forces"
    )
    syria = ("Unidentified Armed Group (Syria)", 3)
    text = "an unknown gunmen presumably IS opened fire on a QSD vehicle"
    assert attributed(syria, "QSD: Syrian Democratic Forces", text, "SY", when)[0] == (
        "Islamic State (Syria)"
    )
    # The group named as the victim, a group named but not blamed, two groups blamed: unchanged.
    text = "unidentified gunmen assassinated a suspected QSD member"
    assert attributed(syria, "QSD: Syrian Democratic Forces", text, "SY", when) == syria
    assert attributed(syria, None, "gunmen opened fire near an HTS checkpoint", "SY", when) == syria
    text = "the attack was blamed on HTS or presumably IS cells"
    assert attributed(syria, None, text, "SY", when) == syria
    # A named actor1 is never replaced.
    named = ("Military Forces of Syria (2000-)", 1)
    assert attributed(named, None, "an attack attributed to IS", "SY", when) == named


def test_the_owner_of_the_raid_the_dead_died_in_is_the_agent() -> None:
    from wirewatch.actors import attack_owner

    text = "Four people were killed during a Pokot raid on a Turkana village"
    actors = find_actors(text)
    # The raid is the event's trigger, not part of the raiders' mention.
    assert [a.text for a in actors] == ["people", "Pokot"]
    owner = attack_owner(None, actors[0], actors, text)
    assert owner is not None and owner.text == "Pokot"
    text = "two soldiers were wounded in a Taliban attack on a checkpoint"
    owner = attack_owner(None, find_actors(text)[0], find_actors(text), text)
    assert owner is not None and owner.text == "Taliban"
    # A clause that names its agent, or an attack the armed side did not own, keeps its roles.
    text = "Taliban militants killed two soldiers in an attack on a checkpoint"
    actors = find_actors(text)
    assert attack_owner(actors[0], actors[1], actors, text) is None
    text = "two soldiers were killed in an attack near a Taliban base"
    assert attack_owner(None, find_actors(text)[0], find_actors(text), text) is None


def test_a_gang_counted_in_a_named_groups_members_is_that_group() -> None:
    when = date(2008, 1, 10)
    assert _names("Gang of 100 Mungiki members kill 5 people", "KE", when)[0] == "Mungiki Militia"
    # A gang only near a group's name is no part of it.
    assert _names("A gang attacked Mungiki members", "KE", when)[0] == (
        "Unidentified Armed Group (Kenya)"
    )


def test_groups_that_cross_borders_do_not_place_a_story() -> None:
    from wirewatch.actors import actors_country, home_country

    shabaab, police = find_actors("Suspected al Shabaab gunmen attacked a Kenyan police post")
    assert home_country(shabaab) is None and home_country(police) == "KE"
    assert actors_country([shabaab, police]) == "KE"
    # With no other clue, the group's own country names the story's, unless the dictionary
    # says where its unplaced stories happen (Al Shabaab's are Kenyan).
    assert actors_country(find_actors("Boko Haram fighters attacked police officers")) == "NG"
    assert actors_country(find_actors("Al Shabaab attacks police officers")) == "KE"
    # Raiders from abroad never place the raid; a group of one country does.
    assert actors_country(find_actors("Police battle Toposa raiders from Sudan")) is None
    assert actors_country(find_actors("Taliban militants attacked a checkpoint")) == "AF"


def test_one_person_named_by_a_demonym_is_a_civilian_of_that_country() -> None:
    when = date(2020, 5, 5)
    assert "Civilians (Palestine)" in _names(
        "Israeli forces shot a Palestinian in Jenin", "IL", when
    )
    assert "Civilians (Palestine)" in _names("a woman was stabbed by a Palestinian.", "IL", when)
    # A demonym before a noun is an adjective: no person of its own.
    assert _names("protesters waved a Palestinian flag", "IL", when) == ["Protesters (Israel)"]


def test_feuding_families_and_clans_are_a_communal_militia_anywhere() -> None:
    from wirewatch.actors import local_name

    text = "clashes broke out between two families in the camp"
    assert local_name("Unidentified Armed Group (Lebanon)", 3, "LB", text, date(2020, 5, 8)) == (
        "Unidentified Clan Militia (Lebanon)",
        4,
    )
    assert local_name("Unidentified Armed Group (Syria)", 3, "SY", text, date(2020, 5, 8)) == (
        "Unidentified Communal Militia (Syria)",
        4,
    )
    text = "Clashes between rival clans; cattle stolen."
    assert local_name("Unidentified Armed Group (Kenya)", 3, "KE", text, date(2010, 5, 8)) == (
        "Unidentified Ethnic Militia (Kenya)",
        4,
    )
    for text in ("5 killed in ethnic clashes", "inter-clan fighting", "Cattle rustling attacks"):
        assert local_name("Unidentified Armed Group (Kenya)", 3, "KE", text, date(2010, 5, 8)) == (
            "Unidentified Ethnic Militia (Kenya)",
            4,
        )
    # Since 2016, a feud the story calls one of clans is fought by clan militias.
    text = "At least one person was killed during inter-clan clashes in Fik zone"
    assert local_name("Unidentified Armed Group (Ethiopia)", 3, "ET", text, date(2020, 5, 8)) == (
        "Unidentified Clan Militia (Ethiopia)",
        4,
    )
    assert local_name("Unidentified Communal Militia (Kenya)", 4, "KE", text, date(2019, 5, 8)) == (
        "Unidentified Clan Militia (Kenya)",
        4,
    )
    # Livestock stolen by armed men, or violence after an election, is not yet a feud.
    for text in ("armed men stole 100 cattle", "2 killed in post-election ethnic violence"):
        assert local_name("Unidentified Armed Group (Kenya)", 3, "KE", text, date(2010, 5, 8)) == (
            "Unidentified Armed Group (Kenya)",
            3,
        )
    # A named side, or a story of no feud, keeps its name.
    assert local_name("Al Shabaab", 2, "KE", text, date(2010, 5, 8)) == ("Al Shabaab", 2)
    text = "gunmen attacked a family in the camp"
    assert local_name("Unidentified Armed Group (Syria)", 3, "SY", text, date(2020, 5, 8)) == (
        "Unidentified Armed Group (Syria)",
        3,
    )


def test_national_armies_named_by_their_own_acronyms() -> None:
    when = date(2019, 5, 1)
    assert _names("KDF soldiers killed four militants", "KE", when)[0] == (
        "Military Forces of Kenya (2013-)"
    )
    assert _names("the FARDC launched an offensive", "CD", when)[0] == (
        "Military Forces of the Democratic Republic of Congo (2019-)"
    )
    assert _names("clashes with ANDSF forces", "AF", when)[0] == (
        "Military Forces of Afghanistan (2014-)"
    )
    # Bangladesh's UPDF is a party, not Uganda's army: the acronym alone names no army.
    assert "Military Forces of Uganda (1986-)" not in _names("UPDF members fired shots", "BD", when)


def test_raiders_from_abroad_are_their_countrys_and_do_not_place_the_raid() -> None:
    from wirewatch.actors import country_named

    when = date(2012, 5, 1)
    assert _names("Suspected bandits from Ethiopia attacked a village", "KE", when)[0] == (
        "Unidentified Armed Group (Ethiopia)"
    )
    assert _names("armed assailants of Somali origin attacked a village", "KE", when)[0] == (
        "Unidentified Armed Group (Somalia)"
    )
    assert "Toposa Ethnic Militia (Sudan)" in _names(
        "Police battle Toposa raiders from Sudan", "KE", when
    )
    # Men from a village are no foreign group.
    assert _names("gunmen from the village attacked", "KE", when)[0] == (
        "Unidentified Armed Group (Kenya)"
    )
    # The raiders' home says nothing of where they raided; a country named otherwise still does.
    assert country_named("Police battle Toposa raiders from Sudan") is None
    assert country_named("Ethiopian raiders attacked a village") is None
    assert country_named("Suspected bandits from Ethiopia attack village in Kenya") == "KE"
    assert country_named("Kenyan nurses held demonstrations") == "KE"


def test_state_units_acled_names_by_country() -> None:
    from wirewatch.actors import local_name

    when = date(2020, 5, 1)
    assert local_name(
        "Military Forces of Turkey (2016-)", 1, "TR", "gendarmerie forces killed 2 PKK", when
    ) == ("Military Forces of Turkey (2016-) Gendarmerie", 1)
    assert local_name(
        "Military Forces of Afghanistan (2014-)", 1, "AF", "Afghan commandos raided", when
    ) == ("Military Forces of Afghanistan (2014-) Special Forces", 1)
    assert local_name(
        "Police Forces of Brazil (2019-)", 1, "BR", "the Federal Police arrested", when
    ) == ("Police Forces of Brazil (2019-) Federal Police", 1)
    # Elsewhere, or without the unit's name, the force keeps its plain name.
    assert local_name(
        "Military Forces of Benin (2016-)", 1, "BJ", "the gendarmerie arrested", when
    ) == ("Military Forces of Benin (2016-)", 1)
    assert local_name(
        "Military Forces of Afghanistan (2014-)", 1, "AF", "Afghan forces raided", when
    ) == ("Military Forces of Afghanistan (2014-)", 1)


def test_cross_border_communities_are_named_by_their_home_country() -> None:
    assert _names("Toposa raiders attacked a village", "KE", date(2008, 1, 1))[0] == (
        "Toposa Ethnic Militia (Sudan)"
    )
    # Sudan's southern peoples are South Sudan's from its independence.
    assert _names("Toposa raiders attacked a village", "KE", date(2015, 1, 1))[0] == (
        "Toposa Ethnic Militia (South Sudan)"
    )
    assert _names("Merille raiders killed fishermen", "KE", date(2015, 1, 1))[0] == (
        "Merrile Ethnic Militia (Ethiopia)"
    )
    # A community of the country itself, or one the text places, keeps that country.
    assert _names("Pokot raiders attacked", "KE", date(2015, 1, 1))[0] == (
        "Pokot Ethnic Militia (Kenya)"
    )


def test_groups_fighting_under_a_foreign_operation_are_the_operation() -> None:
    names = _names("opposition rebels, operating under OPS, looted properties", "SY")
    assert names == ["Operation Peace Spring"]
    assert _names("opposition rebels looted properties near OPS positions", "SY")[0] == (
        "Opposition Rebels (Syria)"
    )


def test_foreigners_named_by_nationality_do_not_place_a_story() -> None:
    from wirewatch.actors import actors_country, country_named

    assert country_named("A Saudi Arabian diplomat was attacked by gangsters.") is None
    assert country_named("Two Chinese nationals were kidnapped by gunmen.") is None
    assert country_named("Kenyan nurses held demonstrations.") == "KE"
    assert actors_country(find_actors("Two Chinese nationals were kidnapped by gunmen.")) is None
    assert actors_country(find_actors("Afghan civilians were killed by gunmen.")) == "AF"


def test_a_country_before_by_is_no_actor_s_nationality() -> None:
    found = find_actors("A man was killed in Somalia by members of Al Shabaab.")
    assert [a.text for a in found if a.kind == "civilian"] == ["man"]
    assert find_actors("Kenyan riot police dispersed protesters")[0].country == "KE"


def test_a_single_officer_is_the_police() -> None:
    assert [a.kind for a in find_actors("An officer was shot dead by gunmen.")] == [
        "police",
        "rebel",
    ]
    assert find_actors("A policewoman was killed by unknown gunmen.")[0].kind == "police"


def test_a_group_s_members_are_the_group() -> None:
    found = find_actors("Mungiki gang members killed two people.")
    assert [a.name for a in found] == ["Mungiki Militia", None]
    (shabaab,) = [a for a in find_actors("Police shot two al Shabaab members dead.") if a.name]
    assert shabaab.text == "al Shabaab members"


def test_an_office_named_officer_is_not_the_police() -> None:
    assert find_actors("Voters rioted when the Presiding Officer censored the media.") == []
    assert [a.kind for a in find_actors("residents assaulted a customs officer")] == [
        "civilian",
        "police",
    ]


def test_mayi_mayi_factions_are_named_inside_the_family() -> None:
    when = date(2020, 5, 1)
    assert _names("Mai-Mai fighters attacked the police", "CD", when)[0] == "Mayi Mayi Militia"
    (lukoba, _) = _names("Raia Mutomboki-Lukoba militiamen abducted 5 civilians", "CD", when)
    assert lukoba == "Mayi Mayi Militia (Raia Mutomboki-Lukoba)"
    assert _names("Raia Mutomboki fighters looted a village", "CD", when)[0] == (
        "Mayi Mayi Militia (Raia Mutomboki)"
    )


def test_boko_haram_takes_the_name_acled_gave_it_on_the_day() -> None:
    text = "Boko Haram raided a village"
    assert _names(text, "CM", date(2016, 6, 23))[0] == "Boko Haram - Wilayat Gharb Ifriqiyyah"
    assert _names(text, "CM", date(2018, 1, 1))[0].startswith("Boko Haram - Jamaatu")
    assert _names(text, "NG", date(2020, 5, 4))[0].startswith("Islamic State (West Africa) and/or")


def test_los_zetas_take_acled_s_name() -> None:
    assert _names("Los Zetas gunmen clashed with the police", "MX")[0] == "Los Zetas Gang"


def test_anonymous_destruction_is_an_unidentified_group_s() -> None:
    from wirewatch.actors import unnamed_agent

    when = date(2020, 5, 1)
    assert unnamed_agent((None, None), "Looting/property destruction", "UA", when) == (
        "Unidentified Armed Group (Ukraine)",
        3,
    )
    assert unnamed_agent((None, None), "Disrupted weapons use", "KE", when)[0] == (
        "Unidentified Armed Group (Kenya)"
    )
    # A named doer stays; other developments keep their own defaults.
    police = ("Police Forces of Kenya (2013-)", 1)
    assert unnamed_agent(police, "Looting/property destruction", "KE", when) == police
    assert unnamed_agent((None, None), "Other", "KE", when) == (None, None)


def test_foreign_demonstrators_are_their_own_country_s_protesters() -> None:
    from wirewatch.actors import foreign_crowd

    when = date(2020, 5, 1)
    text = "Around 500 Venezuelan migrants protested in Bogota."
    actors = find_actors(text)
    start = text.index("protested")
    crowd = ("Protesters (Colombia)", 6)
    assert foreign_crowd(crowd, None, actors, start, "CO", when) == ("Protesters (Venezuela)", 6)
    # The event's own nationals, or foreigners who are not the subject, change nothing.
    text = "Youths protested after Chinese nationals were hired to build the railway."
    actors = find_actors(text)
    kenyan = ("Protesters (Kenya)", 6)
    assert foreign_crowd(kenyan, None, actors, text.index("protested"), "KE", when) == kenyan
    text = "Colombian students protested in Bogota."
    actors = find_actors(text)
    assert foreign_crowd(crowd, None, actors, text.index("protested"), "CO", when) == crowd


def test_a_los_group_whose_members_act_is_a_gang() -> None:
    names = [a.name for a in find_actors("alleged members of Los Pinas Cartel shot a man")]
    assert names[0] == "Los Pinas Gang"
    names = [a.name for a in find_actors("members of Los Viagras delivered food")]
    assert names[0] == "Los Viagras Gang"
    # A town named "Los ..." is no gang.
    assert all(
        a.name != "Los Mochis Gang" for a in find_actors("armed men in Los Mochis shot a man")
    )


def test_brazils_drug_factions_are_named_actors() -> None:
    text = "drug traffickers of the CV (Red Command) invaded a community controlled by the TCP"
    names = {a.name for a in find_actors(text)}
    assert {"CV: Red Command", "TCP: Pure Third Command"} <= names
    assert "PCC: First Capital Command" in {
        a.name for a in find_actors("members of the First Capital Command were arrested")
    }
    # India's "PCC" is a party committee, not the Sao Paulo faction.
    assert all(a.name != "PCC: First Capital Command" for a in find_actors("PCC chief led a rally"))


def test_a_cross_border_group_with_no_place_is_where_its_unplaced_stories_happen() -> None:
    from wirewatch.actors import actors_country

    # Somali reports name their district; an Al Shabaab story with no place is a Kenyan one.
    assert actors_country(find_actors("Police kill an al Shabaab recruiter in a shootout.")) == "KE"
    # An actor with a home of its own still decides.
    text = "Somali forces repulsed an al Shabaab attack."
    assert actors_country(find_actors(text)) == "SO"


def test_a_cross_border_group_named_by_its_home_does_not_place_the_attack() -> None:
    from wirewatch.actors import country_named

    assert country_named("Two men, suspected to be Somali al Shabaab, attacked police.") is None
    assert country_named("Suspected Somali militants attacked a police post.") is None
    assert country_named("Somali elders met the governor.") == "SO"


def test_bangladeshi_campuses_and_movements_tell_the_country() -> None:
    from wirewatch.actors import country_clue

    text = "anti-quota student protesters staged a protest at BSMRSTU University, Gopalganj city"
    assert country_clue(text) == "BD"
    assert country_clue("Students Against Discrimination marched to Shahbagh.") == "BD"
    assert country_clue("Students of MAASAI Mara University protested.") == "KE"
