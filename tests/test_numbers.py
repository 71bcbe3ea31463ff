import pytest

from wirewatch.numbers import (
    coded_figure,
    deathless_paragraphs,
    find_fatalities,
    parse_number,
    says_no_deaths,
    share,
    side_of,
    split_parts,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("their airstrikes killed 400 insurgents", 400),
        ("At least 10 civilians were killed in Idlib", 10),
        ("Five soldiers died in the attack", 5),
        ("killing twenty-three people", 23),
        ("two people were shot dead", 2),
        ("the attack killed a soldier", 1),
        ("3 people were wounded and 2 killed", 2),
        ("Unknown fatalities coded as 10.", 10),
        ("2 fatalities.", 2),
        ("killed three soldiers and two civilians", 5),
        ("resulting in the death of a local man", 1),
        ("the gunmen killed the owner of the house", 1),
        ("On 4 May 2020, a drug suspect was killed", 1),
        ("15 Taliban militants including a commander were killed", 15),
        ("1,200 people died", 1200),
    ],
)
def test_counts_the_dead(text: str, number: int) -> None:
    found = find_fatalities(text)
    assert found, text
    assert found[-1].number == number


@pytest.mark.parametrize(
    "text",
    [
        "some 200 Iraqi militiamen crossed into Syria",
        "three protesters were injured",
        "police arrested 12 people",
        "thousands were displaced by the fighting",
        "On 3 May 2020, gunmen attacked the village",
    ],
)
def test_ignores_figures_that_are_not_deaths(text: str) -> None:
    assert find_fatalities(text) == []


def test_vague_quantities_follow_acled_conventions() -> None:
    (dozens,) = find_fatalities("dozens of people were killed")
    assert (dozens.number, dozens.estimated) == (12, True)
    assert parse_number("at least 10") == (10, False)
    assert parse_number("some 200") == (200, False)
    assert parse_number("a dozen") == (12, False)
    assert parse_number("banana") is None


def test_no_deaths_is_recognised() -> None:
    assert says_no_deaths("No one was killed in the blast.")
    assert not says_no_deaths("Two were killed.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("he died as a result of the torture", 1),
        ("an unidentified group fatally shot the leader of the movement near his house", 1),
        ("One person (from an unspecified group) was killed, and seven were injured.", 1),
        ("Four police and one reservist killed, two police missing.", 5),
        ("Kenyan forces claim to kill three al Shabaab after being ambushed.", 3),
        ("The bodies of three belonging to the attackers were later found.", 3),
        ("Two people die in riots with police.", 2),
        ("killed a young mother and her three-year old child", 2),
        ("In the following days the death toll from the blast rose to six.", 6),
        ("killed a dozen militants in a clash", 12),
        ("an officer shot dead his boss before turning the gun on himself", 2),
        ("following the killing of ten fishermen by militia", 10),
        ('Five "thugs" are lynched by local vigilante mobs.', 5),
        ("a man and an adolescent were killed in a drive-by shooting", 2),
        ("One man was injured and the other died.", 1),
        ("Villagers lynch suspected thief", 1),
        ("Police officer shot dead by unknown gunmen", 1),
        ("troops detained and tortured a villager to death", 1),
        ("an IED exploded under a vehicle, leaving the driver dead", 1),
        ("a suicide bomber blew himself up, killing 5 people", 6),
        ("the leader of a group with a very long name (ABC) was shot dead by assailants", 1),
        (
            "two suspected militants who police said were involved in the drug trade were shot dead",
            2,
        ),
    ],
)
def test_counts_the_dead_in_more_shapes(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number, text


@pytest.mark.parametrize(
    "text",
    [
        "an IED explosion near the village left 3 soldiers injured.",
        "Journalists protest in several cities following the mysterious death.",
        "A senior county official escaped death narrowly after an IED exploded",
        "The victim was suspected of killing two police officers last month.",
        "A group of 500 drivers protest a killing by police.",
        "a tourist was abducted near where a hiker disappeared several weeks ago.",
        "One report said that the fatalities were part of a crime group",
    ],
)
def test_ignores_more_figures_that_are_not_this_events_dead(text: str) -> None:
    assert sum(f.number for f in find_fatalities(text)) == 0, text


def test_a_time_span_or_a_date_is_not_a_count() -> None:
    (found,) = find_fatalities("just 24 hours after one person was killed")
    assert found.number == 1
    (found,) = find_fatalities("On 28 April 2020, 12 Taliban militants were killed")
    assert found.number == 12


def test_the_coders_figure_overrides_the_text() -> None:
    assert [f.number for f in find_fatalities("10 killed (coded as 8 here and 2 elsewhere).")] == [
        8
    ]
    (share_each,) = find_fatalities(
        "coded as 10 and split between the two events with 5 coded to each"
    )
    assert share_each.number == 5
    (this_event,) = find_fatalities(
        "Total 3 fatalities (2 confirmed and 1 split) coded to this event."
    )
    assert this_event.number == 3
    (bracket,) = find_fatalities("Fatalities are split across 2 events (3).")
    assert bracket.number == 3


def test_another_sources_figure_is_marked_and_the_conservative_one_kept() -> None:
    (alt,) = find_fatalities("Other sources report that 2 soldiers were killed.")
    assert alt.alternative
    both = find_fatalities(
        "The government said 25 people were killed, but other sources said 37 died."
    )
    assert [f.number for f in both] == [25]


def test_a_figure_split_between_events_is_shared_out() -> None:
    assert split_parts("Unknown fatalities coded as 10 and split up between 3 events.") == 3
    assert split_parts("killing at least 31. Fatalities distributed across six events.") == 6
    assert split_parts("coded as 10 and spread across three locations in two days.") == 6
    assert split_parts("Fatalities are split across 2 events (3).") is None  # share given
    assert split_parts("the fighting spread across three villages") is None
    # Evenly, the remainder one each to the first events: the share most events get.
    assert [share(10, 3), share(31, 6), share(20, 3), share(1, 12)] == [3, 5, 7, 0]


def test_more_dead_told_as_such_are_marked_additional() -> None:
    both = find_fatalities("three residents were killed, as was one of the attackers.")
    assert [f.number for f in both] == [3, 1] and both[1].additional
    (more,) = find_fatalities("Six additional deaths reported.")
    assert more.additional and more.number == 6


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("members of several garment workers' rights bodies staged a protest rally", 0),
        ("a resident died from coronavirus the previous day", 0),
        ("a number of villagers lynched three men", 3),  # the villagers are the killers
        # the attackers are the subject; the chief and his assistant the dead
        ("Two unidentified attackers hacked to death a local chief and his assistant.", 2),
        ("Two people were hacked to death a day after the raid.", 2),
        ("Gunmen killed the parents of an MP.", 2),
        ("Gunmen shot dead an elderly couple in their home.", 2),
        # an aside in brackets is no clause of its own; an intent to lynch is no toll
        (
            "at least 4 people (including 1 journalist who was reporting) as well as 2 "
            "policemen were killed",
            6,
        ),
        ("Police fired on a mob that had stormed the station to lynch two women.", 0),
        ("The militants went on to kill three villagers.", 3),
        ("Machetes were used by a strong mob to kill 8 in response to a killing.", 8),
    ],
)
def test_organisations_illness_and_killers_are_not_the_dead(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_a_headline_figure_is_counted_once() -> None:
    assert [f.number for f in find_fatalities("1 man shot dead by police near the camp")] == [1]
    assert [f.number for f in find_fatalities("The officer and her daughter died.")] == [2]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Livestock are not the dead.
        ("the farmers killed more than forty oxen and sheep", 0),
        ("Four persons were wounded and one oxen killed", 0),
        # A toll that lumps the dead with the wounded or captured counts no one.
        ("3 PKK militants were killed, injured or captured during the operations", 0),
        ("1 policeman was killed or wounded by a sniper", 0),
        # Intent or a near miss is no death.
        ("A vigilante mob attacks and nearly killed a suspected cattle thief", 0),
        ("Vigilante mob tries to kill man they suspected", 0),
        # "a number of people lynched and killed a thief": the people are the killers.
        ("a number of people lynched and killed a poultry thief in the quarter", 1),
        # A death told as the cause of the event, beside the event's own toll.
        ("Three people were killed in an attack following the killing of a man on Sunday", 3),
        # ... but on its own it is still counted (the event may be that killing).
        ("families fled following the killing of ten fishermen by militia", 10),
    ],
)
def test_what_is_not_this_events_dead(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3 civilians including a former commander were kidnapped and killed by militants", 3),
        ("1 civilian was kidnapped and killed by militants in the village", 1),
        ("2 suspected gang members were gunned down by police in the estate", 2),
        ("gunmen shot and killed 1 council member in addition to 3 of his guards", 4),
        ("gunmen shot dead the former deputy governor outside his house", 1),
        ("a mob lynched a suspected political militiaman", 1),
        # The lower bound of "between X and Y", "either X or Y".
        ("The farmers killed between six and about ten people", 6),
        ("police repulsed an attack, killing either one or four fighters", 1),
    ],
)
def test_counts_more_shapes_of_the_dead(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_coders_rounding_and_split_over_locations() -> None:
    (half,) = find_fatalities(
        "Due to the unclear nature of fatalities, fatalities reported as half, rounded down to 3."
    )
    assert half.number == 3
    (part,) = find_fatalities("Fatalities split over 2 locations (4).")
    assert part.number == 4
    assert split_parts("killed 9. Fatalities split over three events.") == 3


def test_conflicting_reports_are_another_sources_figure() -> None:
    (other,) = find_fatalities("Conflicting reports have eight deaths.")
    assert other.alternative


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("4 police officers, 3 soldiers, and 2 civilians were killed, and 8 were wounded", 9),
        ("six militants of the northern group and a police inspector were killed", 7),
        ("Three guards died as well as two attackers.", 5),
        ("1 commander and his driver were killed by a roadside bomb", 2),
        ("30 people were killed - 20 died on the spot while 10 succumbed later.", 30),
        ("3 people including a child reportedly died", 3),
        ("a man accused of stealing a phone was killed by the crowd", 1),
        ("a man was kidnapped by three men and stabbed to death near the market", 1),
        ("He was tortured to death in custody.", 1),
        ("residents burned him to death", 1),
        ("gunmen shot dead Peter Otieno, a local trader", 1),
        ("the operation caused the death of the five gunmen", 5),
        ("two thieves were fatally assaulted by residents", 2),
        ("In the following days the death toll was raised from 1 to 4.", 4),
        ("villagers lynched a cattle thief", 1),
        ("1 succumbed to his injuries.", 1),
    ],
)
def test_counts_the_dead_of_lists_and_passives(text: str, number: int) -> None:
    found = find_fatalities(text)
    assert found, text
    assert sum(f.number for f in found) == number


@pytest.mark.parametrize(
    "text",
    [
        "Four soldiers escaped death when their truck hit a mine",
        "a suspect was held and nearly lynched by a crowd",
        "people set fire to the house of a man accused in the killing of a trader",
        "a rally for a teacher who was shot dead by gunmen (coded separately) took place",
        "two inmates died due to coronavirus infection",
    ],
)
def test_no_dead_of_this_event(text: str) -> None:
    assert not find_fatalities(text), text


def test_a_run_on_count_of_wounded_is_not_dead() -> None:
    found = find_fatalities("a woman was killed 12 people were injured in the clash")
    assert sum(f.number for f in found) == 1


def test_another_sources_denied_figure_does_not_count() -> None:
    found = find_fatalities("The governor dismissed reports that 14 people were shot dead.")
    assert found and all(f.alternative for f in found)


def test_side_of_the_dead() -> None:
    assert side_of("2 policemen were killed") == "state"
    assert side_of("killed 3 militants") == "armed"
    assert side_of("killing at least 5 civilians") == "civilian"
    assert side_of("5 people were killed") == ""


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Five people, including three children, were killed in the attack.", 5),
        ("2 persons, including 1 student were killed.", 2),
        ("two militants and five personnel including one policeman were killed", 7),
        ("5 persons sustained injuries during the clash, 1 of whom succumbed and died.", 1),
        ("unknown gunmen shot a former militant dead at the market", 1),
        ("a priest was kidnapped, murdered and buried in a shallow grave", 1),
        ("a suspect of drug trafficking was shot and died", 1),
        ("1 person was hit by a stray bullet and killed.", 1),
        ("the court sentenced to death and executed a young male in the square", 1),
    ],
)
def test_counts_the_dead_of_totals_and_chained_verbs(text: str, number: int) -> None:
    found = find_fatalities(text)
    assert found, text
    assert sum(f.number for f in found) == number


def test_a_part_of_a_toll_already_told_is_not_more_dead() -> None:
    found = find_fatalities("Ten people were killed, 5 of them were children.")
    assert sum(f.number for f in found) == 10


@pytest.mark.parametrize(
    "text",
    [
        "10 people were injured, including two passers-by, in the blast",
        "The detainee was responsible for the killing of several social leaders.",
    ],
)
def test_no_dead_of_these_events(text: str) -> None:
    assert not find_fatalities(text), text


def test_paragraphs_that_rule_out_deaths() -> None:
    from wirewatch.numbers import deathless_paragraphs

    text = "Troops bombed a base. No fatalities were reported.\n\nMilitants killed 3 soldiers."
    ((start, end),) = deathless_paragraphs(text)
    assert text[start:end].startswith("Troops") and "Militants" not in text[start:end]
    assert not deathless_paragraphs("No fatalities among the soldiers; 3 militants were killed.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Both sides suffered the death of one soldier.", 2),
        ("One fighter was killed on each side.", 2),
        ("Two were killed, one from each side, and two others injured.", 2),
        ("7 SLDF men were detained by police - they were handed over and later found dead", 7),
        ("16 militants were killed in shelling after one soldier was killed by an IED.", 16),
        ("a farmer and his sons killed another farmer at the well", 1),
        ("Attack by about 100 raiders - 1 killed, 2 injured.", 1),
        ("At least 45 people, including women and children, died in the attack", 45),
        ("People from the town killed 5 herders and 2 other displaced people near the river", 7),
        ("Police reservist killed when raiders attack", 1),
        ("The public retaliated by lynching the perpetrator.", 1),
    ],
)
def test_counts_the_dead_of_sides_pronouns_and_causes(text: str, number: int) -> None:
    found = find_fatalities(text)
    assert found, text
    assert sum(f.number for f in found) == number


def test_no_dead_of_these_clauses() -> None:
    assert not find_fatalities("Two officers arrived and they were attacked but not killed.")
    assert not find_fatalities(
        "Raiders had killed a farmer the same day (coded as a separate event)."
    )
    assert [f.number for f in find_fatalities("The raid killed 3 injured 5 near the well.")] == [3]


def test_more_dead_named_as_others_add_up() -> None:
    (f,) = find_fatalities("2 other policemen were killed when they arrived as reinforcement.")
    assert f.additional


def test_more_bodies_add_up() -> None:
    first, more = find_fatalities("10 killed in the raid. 4 more bodies were found the next day.")
    assert (first.number, more.number) == (10, 4)
    assert more.additional and not first.additional
    assert not any(f.additional for f in find_fatalities("4 more than last year were killed."))


def test_doubt_about_another_figure_keeps_this_one() -> None:
    text = "6 killed by raiders -(20 UNCONFIRMED DEATHS in the area reported in total)"
    assert [f.number for f in find_fatalities(text)] == [6]
    assert not find_fatalities("7 other deaths are feared but unconfirmed.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("five militants were kiled by the army during a raid", 5),
        ("The chief inspector is shot and killed, along with his companion.", 2),
    ],
)
def test_typos_and_a_companion_after_a_comma(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12 Sep. 4 killed by armed men in Tana Selta", 4),
        ("the director was killed along with his programmes coordinator", 2),
        ("Police gunned down three men suspected of having killed two officers.", 3),
    ],
)
def test_counts_the_dead_after_dates_companions_and_charges(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_a_day_of_a_month_is_no_count() -> None:
    assert sum(f.number for f in find_fatalities("the man was killed on Sep. 4 in Garissa")) == 1
    assert sum(f.number for f in find_fatalities("A man was killed along with his cattle.")) == 1


def test_the_dead_named_by_a_pronoun_are_the_people_counted_before() -> None:
    from wirewatch.numbers import pronoun_toll

    text = "Gunmen abducted 9 soldiers near the town. They later killed them and fled."
    at = text.index("They")
    assert [f.number for f in pronoun_toll(text, at, len(text))] == [9]
    text = "2 armed men shot at the police. They were killed when the police returned fire."
    at = text.index("They")
    assert [f.number for f in pronoun_toll(text, at, len(text))] == [2]
    text = "Police arrested 5 suspects. They were not killed."
    assert pronoun_toll(text, text.index("They"), len(text)) == []
    text = "The gunmen fled to a building, where they were killed by troops."
    assert pronoun_toll(text, 0, len(text)) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mob lynches robbery suspect", 1),
        ("Unidentified gunmen attack and kill Somali shop owner in refugee camp", 1),
        ("MPs bodyguard shot and killed.", 1),
        ("Student shot dead and seven police seriously injured in clashes", 1),
        ("Police arrest and beat man to death for cohabiting with a woman", 1),
        ("Vigilante militia lynch a suspected cattle rustler in the village.", 1),
        ("Some reports state that three militants were killed.", 3),
    ],
)
def test_headline_deaths_with_no_number(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_no_headline_death_of_a_count_or_a_plural() -> None:
    assert (
        sum(f.number for f in find_fatalities("Militants killed two soldiers and a civilian.")) == 3
    )
    wounded = "Gunmen killed two people and wounded a policeman in the raid."
    assert sum(f.number for f in find_fatalities(wounded)) == 2


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Gunmen killed residents. Reports on fatalities range from 2 to 4.", 2),
        ("Police officer dies when suspected militants shoot him on patrol", 1),
        ("Land dispute. Pastor killed outside police post, another man injured.", 1),
        ("Clashes resulted in the killing of 1 member. Total fatalities 2.", 2),
        ("2 prisoners were killed with knives. 2 fatalities. [size=no report]", 2),
    ],
)
def test_ranges_headline_deaths_and_a_coders_total(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("On 30 April, a mob attacked a youth and 3 others. 1 killed 3 injured.", 1),
        ("The officers responded and killed the three.", 3),
        ("The attackers were seeking to kill a local administrator.", 0),
    ],
)
def test_wounded_after_the_dead_a_bare_the_and_an_intent(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_a_relative_clause_that_tells_the_death_of_those_counted_before_who() -> None:
    from wirewatch.numbers import pronoun_toll

    text = "Two suspected militants who police said were involved in the trade were shot dead."
    at = text.index(" who")
    assert [f.number for f in pronoun_toll(text, at, len(text))] == [2]
    text = "Police arrested 4 men who had killed two villagers."
    assert pronoun_toll(text, text.index(" who"), len(text)) == []
    text = "Troops surrounded 5 militants who were hiding in the house."
    assert pronoun_toll(text, text.index(" who"), len(text)) == []


def test_the_killers_counted_before_a_second_verb_are_not_the_dead() -> None:
    text = "A number of people lynched and burned to death a presumed thief."
    assert sum(f.number for f in find_fatalities(text)) == 1


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Conflicting reports stated that zero, one or two persons were killed.", 0),
        ("One or two people were killed.", 1),
        ("The herders exchanged fire that led to deaths estimated to be over 10 people.", 10),
    ],
)
def test_alternative_and_estimated_figures_keep_the_conservative_one(
    text: str, number: int
) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_the_with_a_plural_noun_that_died_counts_nobody() -> None:
    assert not find_fatalities("The customs officers died in the attack.")
    assert sum(f.number for f in find_fatalities("The driver later died in hospital.")) == 1
    from wirewatch.numbers import pronoun_toll

    text = "Two civilians who were informants of the customs officers died."
    assert [f.number for f in pronoun_toll(text, text.index(" who"), len(text))] == [2]


def test_a_clause_before_and_is_no_group_of_the_dead() -> None:
    text = "25 houses were burned and two people were killed in the attacks."
    assert sum(f.number for f in find_fatalities(text)) == 2


def test_a_nearer_digit_owns_the_death_word() -> None:
    # "a man ... 1 death": the article counts the victim attacked, the digit the dead; the
    # digit must not be swallowed into the article's gap and then thrown away with it.
    found = find_fatalities("A mob attacked a man resulting in 1 death.")
    assert [f.number for f in found] == [1]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Two suspected gunmen and a police officer killed in shoot out at the base.", 3),
        ("Two local leaders, John Kamau and a parliamentary hopeful were shot dead.", 2),
        ("Residents burnt 28-year-old Peter Otieno to death for stealing.", 1),
        ("Police are investigating the killing of former radio reporter Jane Wairimu at home.", 1),
    ],
)
def test_dead_named_or_joined_by_and_are_counted(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


def test_an_and_before_a_killing_with_an_object_counts_only_the_object() -> None:
    assert [f.number for f in find_fatalities("Two gunmen and a woman killed a man.")] == [1]


def test_a_count_inside_a_killing_of_is_no_name() -> None:
    assert [f.number for f in find_fatalities("the killing of two soldiers and John Doe")] == [2]


def test_a_death_blamed_on_negligence_is_no_toll() -> None:
    assert not find_fatalities("claiming that the patient died due to doctors' negligence.")


def test_a_contested_figure_is_an_alternative() -> None:
    (f,) = find_fatalities("The villagers contest that figure, saying 13 civilians were killed.")
    assert f.number == 13
    assert f.alternative


def test_the_side_of_a_count_that_ends_on_its_number_follows_it() -> None:
    assert side_of("killed 3", " militants including a commander") == "armed"
    assert side_of("2 soldiers were killed", " in the attack") == "state"
    assert side_of("killed 3", " people") == ""


def test_a_named_death_that_set_off_riots_is_their_cause() -> None:
    assert not find_fatalities("Riots broke out in response to the beheading of Jane Wairimu.")


def test_a_toll_divided_equally_is_split() -> None:
    assert split_parts("Total fatalities divided equally across three events.") == 3


def test_one_reported_dead_is_a_count() -> None:
    assert [
        f.number for f in find_fatalities("Demonstrations became violent, one reported dead.")
    ] == [1]
    assert not find_fatalities("one report said that the fatalities were high")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("One member was detained and later found killed.", 1),
        ("He quarreled with his boss before shooting him dead.", 1),
        ("A police constable shot his colleague before committing suicide.", 1),
        ("They burned down his house, killing his two children inside.", 2),
        ("Matatu driver and conductor killed on bus in Nairobi.", 2),
    ],
)
def test_more_ways_of_telling_the_dead(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


@pytest.mark.parametrize(
    "text",
    [
        "A man threatened to commit suicide.",
        "(20 UNCONFIRMED DEATHS reported in total)",
        "The driver and conductor were arrested.",
    ],
)
def test_no_credible_dead(text: str) -> None:
    assert not find_fatalities(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Militants shot and killed a man in his home and decapitated another.", 2),
        ("Man found killed, throat slit and body dumped in a farm.", 1),
        ("He tried to kill another man.", 0),
    ],
)
def test_another_dead_and_headline_finds(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text)) == number


@pytest.mark.parametrize(
    "text",
    [
        "The bus had collided with a motorcycle in a road traffic accident, killing two people.",
        "Two people were killed in a road accident.",
        "A mob attacked a man who had allegedly killed his father.",
    ],
)
def test_deaths_by_mishap_or_in_the_victims_past_are_no_toll(text: str) -> None:
    assert not find_fatalities(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("A shoot-out broke out and two suspects died.", 2),
        ("A gun battle ensued and 4 militants were killed.", 4),
        ("A police officer and two soldiers were killed.", 3),
    ],
)
def test_an_article_naming_the_fight_counts_no_dead(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text, 0)) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Four members were shot, hacked and decapitated by gunmen.", 4),
        ("Three men were kidnapped, tortured and killed.", 3),
        ("Three men were shot, stabbed or wounded.", 0),
    ],
)
def test_harm_told_before_the_death_keeps_the_count(text: str, number: int) -> None:
    assert sum(f.number for f in find_fatalities(text, 0)) == number


def test_a_death_toll_named_after_a_count_is_not_its_dead() -> None:
    assert not find_fatalities(
        "Demonstrators assaulted 4 journalists for misreporting the death toll."
    )


def test_a_newspapers_own_count_is_another_sources_figure() -> None:
    text = "At least three were killed by militants. The Star reports 4 dead."
    assert [f.number for f in find_fatalities(text)] == [3]
    (star,) = find_fatalities("The Star reports 4 dead.")
    assert star.number == 4 and star.alternative
    (police,) = find_fatalities("Police reported 4 dead.")
    assert not police.alternative


@pytest.mark.parametrize(
    "text",
    [
        "A man is lynched by a mob. The man was rescued by police before death.",
        "A suspected thief is lynched by a vigilante group and nearly killed before he is rescued.",
    ],
)
def test_one_lynched_but_rescued_is_not_dead(text: str) -> None:
    assert deathless_paragraphs(text)


def test_a_rescue_elsewhere_leaves_the_dead() -> None:
    assert not deathless_paragraphs("Two men were killed. Police rescued a third man.")


def test_a_later_report_corrects_the_initial_one() -> None:
    text = "Initial reports of 2 people killed, later reports of one person killed, 11 injured."
    assert [f.number for f in find_fatalities(text)] == [1]
    assert [f.number for f in find_fatalities("Initial reports said 5 people were killed.")] == [5]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Post election riots. FATALITIS: 15", 15),
        ("Women and children killed in the attacks -FATALITIES: Estimate of 3 people.", 3),
        ("Grenade attack on a meeting. Exact number not known - est at 10.", 10),
        ("Raid on a village. FATALITIES: reported estimates include 12,", 12),
        ("Gang attacked civilians. FATALITIES: estimate:10/ confirmed: 6)", 6),
        ("A crowd estimated at 500 marched.", None),
    ],
)
def test_a_coders_fatality_header(text: str, number: int | None) -> None:
    assert coded_figure(text) == number
