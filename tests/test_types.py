from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.types import DateValue, Granularity, try_date_value


@pytest.mark.parametrize(
    ("value", "granularity", "start", "end"),
    [
        ("2019-06-23", Granularity.DAY, date(2019, 6, 23), date(2019, 6, 23)),
        ("2019-06-23T10:00", Granularity.DAY, date(2019, 6, 23), date(2019, 6, 23)),
        ("2019-W26", Granularity.WEEK, date(2019, 6, 24), date(2019, 6, 30)),
        ("2019-W26-WE", Granularity.WEEK, date(2019, 6, 29), date(2019, 6, 30)),
        ("2019-02", Granularity.MONTH, date(2019, 2, 1), date(2019, 2, 28)),
        ("2019-Q3", Granularity.QUARTER, date(2019, 7, 1), date(2019, 9, 30)),
        ("2019-WI", Granularity.SEASON, date(2019, 12, 1), date(2020, 2, 29)),
        ("2019", Granularity.YEAR, date(2019, 1, 1), date(2019, 12, 31)),
        ("199", Granularity.DECADE, date(1990, 1, 1), date(1999, 12, 31)),
    ],
)
def test_parse_calendar_values(value: str, granularity: Granularity, start: date, end: date) -> None:
    parsed = DateValue.parse(value)
    assert (parsed.granularity, parsed.start, parsed.end) == (granularity, start, end)


@pytest.mark.parametrize("value", ["PRESENT_REF", "P2D", "2019-13", "", "XXXX-06"])
def test_non_calendar_values_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a calendar"):
        DateValue.parse(value)
    assert try_date_value(value) is None


def test_compatibility_across_granularities() -> None:
    year, day, other = DateValue.parse("2018"), DateValue.parse("2018-06-12"), DateValue.parse("2019-02")
    assert year.compatible(day) and day.compatible(year)
    assert not day.compatible(other)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31)))
def test_day_roundtrip(d: date) -> None:
    value = DateValue.of_day(d)
    assert DateValue.parse(value.value) == value
    assert DateValue.parse(d.strftime("%Y-%m")).contains(value)
    assert DateValue.parse(str(d.year)).contains(value)


def test_one_calendar_table_serves_parsers_and_displays() -> None:
    from storyline.types import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS

    assert MONTHS["september"] == MONTHS["sept"] == MONTHS["sep"] == 9 and MONTHS["may"] == 5
    assert all(MONTHS[name.lower()] == i for i, name in enumerate(MONTH_NAMES, 1))
    assert WEEKDAYS["monday"] == date(2019, 6, 24).weekday() and len(WEEKDAY_NAMES) == 7
