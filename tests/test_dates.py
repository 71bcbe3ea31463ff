from datetime import date

import pytest

from wirewatch.dates import find_dates, resolve_date

MONDAY = date(2024, 12, 2)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("jets on Sunday pounded the lines", date(2024, 12, 1), 1),
        ("On Monday, the army said", date(2024, 12, 2), 1),
        ("a phone call with Assad Monday", date(2024, 12, 2), 1),
        ("crossed the border overnight", date(2024, 12, 2), 1),
        ("killed 40 over the past 24 hours", date(2024, 12, 2), 1),
        ("an attack yesterday", date(2024, 12, 1), 1),
        ("two days ago, gunmen", date(2024, 11, 30), 1),
        ("last Friday", date(2024, 11, 29), 1),
        ("On 28 November 2024, troops", date(2024, 11, 28), 1),
        ("on Nov. 30 rebels", date(2024, 11, 30), 1),
        ("Around 9 May 2020 (as reported), a man", date(2020, 5, 9), 2),
    ],
)
def test_resolves_against_story_date(text: str, expected: date, precision: int) -> None:
    found = resolve_date(text, MONDAY)
    assert found is not None
    assert (found.value, found.precision) == (expected, precision)


def test_last_week_is_week_precision_inside_last_week() -> None:
    found = resolve_date("insurgents who seized the city last week", MONDAY)
    assert found is not None and found.precision == 2
    assert date(2024, 11, 25) <= found.value <= date(2024, 12, 1)


def test_day_without_year_takes_the_latest_past_year() -> None:
    found = resolve_date("On 30 December, troops shelled", date(2025, 1, 2))
    assert found is not None and found.value == date(2024, 12, 30)


def test_offsets_point_into_the_text() -> None:
    text = "Police said that on Sunday a bomb went off."
    (found,) = find_dates(text, MONDAY, offset=100)
    assert text[found.start - 100 : found.end - 100] == "on Sunday"


def test_no_story_date_leaves_relative_dates_unresolved() -> None:
    assert resolve_date("on Sunday", None) is None
    assert resolve_date("on 3 May 2021", None) is not None


def test_today_of_a_story_written_the_day_before_it_was_published() -> None:
    (found,) = find_dates(
        "veterans stormed the embassy earlier today", MONDAY, today=date(2024, 12, 1)
    )
    assert found.value == date(2024, 12, 1)
    (found,) = find_dates(
        "killed by bandits during an overnight raid", MONDAY, today=date(2024, 12, 1)
    )
    assert found.value == date(2024, 12, 1)
    # "yesterday" and weekdays stay relative to the date of publication
    (found,) = find_dates("an attack yesterday", MONDAY, today=date(2024, 12, 1))
    assert found.value == date(2024, 12, 1)


def test_a_month_alone_is_dated_mid_month_and_a_month_to_come_is_no_date() -> None:
    found = resolve_date(
        "In May 2019 (exact date not reported), herders clashed", date(2019, 5, 16)
    )
    assert found is not None and (found.value, found.precision) == (date(2019, 5, 15), 3)
    found = resolve_date("raids in July", date(2016, 7, 10))
    assert found is not None and found.value == date(2016, 7, 10)  # not after the story
    assert resolve_date("ahead of its general election in March 2013", date(2012, 6, 15)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-16 January: militants attacked the hotel", date(2024, 1, 15)),
        ("On September 11th and 12th, clashes were reported", date(2024, 9, 11)),
        ("between 1 and 7 May 2020", date(2020, 5, 1)),
    ],
)
def test_a_span_of_days_is_dated_by_its_first_day_at_week_precision(
    text: str, expected: date
) -> None:
    found = resolve_date(text, date(2024, 12, 2))
    assert found is not None and (found.value, found.precision) == (expected, 2)


def test_numeric_dates_are_read_only_where_the_order_is_plain() -> None:
    ref = date(2020, 5, 5)
    assert [d.value for d in find_dates("killed on 20/12/2019 in", ref)] == [date(2019, 12, 20)]
    assert [d.value for d in find_dates("on 12/20/2019", ref)] == [date(2019, 12, 20)]
    assert [d.value for d in find_dates("on 2020/05/03", ref)] == [date(2020, 5, 3)]
    # day and month both 12 or under, or a two-digit year: no date rather than a guess
    assert find_dates("kidnapped on 3/4/2020", ref) == []
    assert find_dates("killed on 20/12/08 and on 07/03", ref) == []


def test_a_day_weeks_ahead_is_one_to_come_not_last_years() -> None:
    ref = date(2023, 1, 26)
    (found,) = find_dates("a rally scheduled for Jan 29", ref)
    assert found.value == date(2023, 1, 29)
    assert resolve_date("a rally scheduled for Jan 29", ref) is None  # no date of this event
    (past,) = find_dates("on December 30", date(2024, 1, 2))
    assert past.value == date(2023, 12, 30)
    (earlier,) = find_dates("on 15 March", ref)
    assert earlier.value == date(2022, 3, 15)
