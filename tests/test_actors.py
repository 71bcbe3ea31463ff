from datetime import date

from wirewatch.actors import canonical, country_name, find_actors


def _names(text: str, country: str = "SY", when: date = date(2024, 12, 2)) -> list[str]:
    return [canonical(a, country, when)[0] for a in find_actors(text)]


def test_named_groups_and_aliases_normalise() -> None:
    assert "HTS: Hayat Tahrir al Sham" in _names("HTS fighters entered the town")
    assert "Syrian National Army" in _names("Turkish-backed rebels seized the town")


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
