import pytest

from wirewatch.numbers import find_fatalities, parse_number, says_no_deaths


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
