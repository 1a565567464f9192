"""Calendar arithmetic on TIMEX3 values: shifting, weekday and month resolution.

All functions are pure: a reference date (or value) in, a TIMEX3 value out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...types import DateValue, Granularity

#: unit word -> granularity of the value it produces
UNIT_GRANULARITY: dict[str, Granularity] = {
    "day": Granularity.DAY,
    "night": Granularity.DAY,
    "morning": Granularity.DAY,
    "afternoon": Granularity.DAY,
    "evening": Granularity.DAY,
    "week": Granularity.WEEK,
    "weekend": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
    "year": Granularity.YEAR,
    "decade": Granularity.DECADE,
    "century": Granularity.CENTURY,
}
_ORDER = [
    Granularity.DAY,
    Granularity.WEEK,
    Granularity.MONTH,
    Granularity.QUARTER,
    Granularity.SEASON,
    Granularity.YEAR,
    Granularity.DECADE,
    Granularity.CENTURY,
]


def finer_or_equal(a: Granularity, b: Granularity) -> bool:
    return _ORDER.index(a) <= _ORDER.index(b)


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, 1)


def week_value(d: date, weekend: bool = False) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if weekend else "")


def quarter_value(d: date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def value_at(d: date, unit: str) -> str:
    """The value of the period of kind ``unit`` that contains ``d``."""
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d.isoformat()
    if unit == "week":
        return week_value(d)
    if unit == "weekend":
        return week_value(d, weekend=True)
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return quarter_value(d)
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (months and longer land on the first of the month)."""
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    moved = add_months(d, months * n)
    if unit in ("month", "quarter", "year", "decade", "century"):
        day = min(d.day, 28)
        return moved.replace(day=day)
    return moved


def shifted_value(d: date, unit: str, n: int) -> str:
    return value_at(shift(d, unit, n), unit)


_KEEP_UNIT = {
    Granularity.DAY: "day",
    Granularity.WEEK: "week",
    Granularity.MONTH: "month",
    Granularity.QUARTER: "quarter",
    Granularity.YEAR: "year",
    Granularity.DECADE: "decade",
    Granularity.CENTURY: "century",
}


def shift_value(value: str, unit: str, n: int) -> str | None:
    """Move a calendar ``value`` by ``n`` units. The result keeps the value's own
    granularity when it is at least as fine as ``unit`` ("1989-Q3" minus a year is
    "1988-Q3", "2019-06-11" minus a day is "2019-06-10"); a coarser value gives a
    ``unit``-granular result. None when ``value`` is not a calendar value."""
    try:
        dv = DateValue.parse(value)
    except ValueError:
        return None
    moved = shift(dv.start, unit, n)
    if not finer_or_equal(dv.granularity, UNIT_GRANULARITY[unit]):
        return value_at(moved, unit)
    if dv.granularity is Granularity.WEEK and unit not in ("week", "weekend", "day"):
        return value_at(moved, unit)  # "this week ... 18 months later": a month, not a week
    if re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI|H[12])", value):
        return f"{moved.year:04d}{value[4:]}"
    keep = _KEEP_UNIT.get(dv.granularity)
    return value_at(moved, keep) if keep else value_at(moved, unit)


def weekday_near(dct: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (0 = Monday) nearest ``dct``: on or before it when
    ``direction`` < 0, on or after it when > 0, the closer one when 0."""
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if direction < 0:
        return dct - timedelta(days=back)
    if direction > 0:
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)


#: months a date may lie on the "wrong" side of the DCT before tense stops deciding
TENSE_PENALTY_MONTHS = 8


def month_year(dct: date, month: int, direction: int, day: int | None = None) -> int:
    """The year of ``month`` (and ``day``) as seen from ``dct``: the occurrence
    nearest the DCT, where one on the side the tense contradicts ("said ... on
    Dec. 15" in the future) counts ``TENSE_PENALTY_MONTHS`` further away."""
    here = dct.year * 12 + dct.month - 1 + (dct.day - 1) / 31 if day else dct.year * 12 + dct.month - 1
    best_year, best_cost = dct.year, float("inf")
    for year in (dct.year - 1, dct.year, dct.year + 1):
        there = year * 12 + month - 1 + ((day or 1) - 1) / 31 if day else year * 12 + month - 1
        cost = abs(there - here)
        if (direction < 0 and there > here) or (direction > 0 and there < here):
            cost += TENSE_PENALTY_MONTHS
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def easter(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    k = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * k) // 451
    n = h + k - 7 * m + 114
    return date(year, n // 31, n % 31 + 1)


def thanksgiving(year: int) -> date:
    """The fourth Thursday of November (US)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
