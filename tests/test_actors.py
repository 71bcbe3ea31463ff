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
        "Police Forces of Kenya (2013-2022)"
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
