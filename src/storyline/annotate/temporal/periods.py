"""Named periods: quarters and fiscal years in figures, decades and centuries, spoken years, a
sports league's season and days named after a feast or an event ("Good Friday", "Super Tuesday").
Rule handlers of ``normalize`` (each takes the ``Resolver``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .dates import add_months, easter, month_year, thanksgiving, value_at
from .lexicon import NUMBER_WORDS, ORDINALS, month_number, norm, point_mod
from .numbers import duration_value
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalize import Resolver, Result

__all__ = [
    "century",
    "decade_word",
    "long_unit",
    "named_day",
    "week_of_month",
    "quarter_abbr",
    "spoken_year",
    "sport_season",
    "year_quarter",
]


def decade_word(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    tens = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
    return "DATE", f"19{tens.index(g['dw'].lower()) + 2}", point_mod(g.get("mod"))


def long_unit(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    return "DURATION", duration_value(None if g.get("plural") else 1.0, g["unit"]), None


def quarter_abbr(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "Q3" (the latest third quarter in a past clause, else the DCT year's), "Q3 2014", "FY2015"."""
    if g.get("fy"):
        y = int(g["fy"])
        return "DATE", f"{y + (2000 if y < 50 else 1900) if y < 100 else y:04d}", None
    n = int(g["qn"])
    if g.get("year") or g.get("yy"):
        y = int(g["year"]) if g.get("year") else 2000 + int(g["yy"])
    elif r.dct is None:
        return "DATE", f"XXXX-Q{n}", None
    else:
        y = r.dct.year
        if date(y, 3 * n - 2, 1) > r.dct and r.direction(c) <= 0:
            y -= 1
    return "DATE", f"{y:04d}-Q{n}", None


def year_quarter(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    if g.get("year"):
        year = int(g["year"])
    elif r.dct is not None:
        year = r.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
    else:
        return "DATE", "XXXX", None
    if g.get("period"):  # "the 1988 period": the reporting period being discussed
        last = r.state.last_quarter
        return "DATE", f"{year:04d}{last[4:]}" if last else f"{year:04d}", None
    n = ORDINALS[g["ord"].lower()]
    letter = "H" if g["qh"].lower() == "half" else "Q"
    return "DATE", f"{year:04d}-{letter}{n}", None


def spoken_year(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    if g.get("y2k"):
        return "DATE", "2000", None
    tens = {
        "ninety": 9,
        "eighty": 8,
        "seventy": 7,
        "sixty": 6,
        "fifty": 5,
        "forty": 4,
        "thirty": 3,
        "twenty": 2,
    }[g["tens"].lower()]
    ones = int(NUMBER_WORDS[g["ones"].lower()]) if g.get("ones") else 0
    return "DATE", f"19{tens}{ones}", None


def century(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    n = int(g["ord"])
    return ("DATE", f"{n - 1:02d}", point_mod(g.get("mod"))) if 1 <= n <= 30 else None


def sport_season(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    year = r.season_year()
    if year is None:
        return None
    rel = norm(g["rel"])
    n = -1 if rel in ("last", "the previous", "the past") else 0
    n = 1 if rel in ("next", "the coming", "the upcoming") else n
    return "DATE", f"{year + n:04d}", None


#: named day -> (the day it falls on in a year, its usual month)
_NAMED_DAYS: dict[str, tuple[Callable[[int], date], int]] = {
    "good friday": (lambda y: easter(y) - timedelta(days=2), 4),
    "easter sunday": (easter, 4),
    "easter monday": (lambda y: easter(y) + timedelta(days=1), 4),
    "palm sunday": (lambda y: easter(y) - timedelta(days=7), 4),
    "maundy thursday": (lambda y: easter(y) - timedelta(days=3), 4),
    "holy thursday": (lambda y: easter(y) - timedelta(days=3), 4),
    "ash wednesday": (lambda y: easter(y) - timedelta(days=46), 2),
    "black friday": (lambda y: thanksgiving(y) + timedelta(days=1), 11),
    "cyber monday": (lambda y: thanksgiving(y) + timedelta(days=4), 12),
    # the first Tuesday of March of a US presidential election year
    "super tuesday": (lambda y: date(y, 3, 1) + timedelta(days=(1 - date(y, 3, 1).weekday()) % 7), 3),
}


def named_day(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "Good Friday", "Black Friday", "Super Tuesday": that day of the year the tense points to."""
    key = f"{g['nd'].lower()} {g['ndw'].lower()}"
    found = _NAMED_DAYS.get(key)
    if found is None:
        return None
    day_in, month = found
    if r.dct is None:
        return "DATE", "XXXX-XX-XX", None
    year = month_year(r.dct, month, r.direction(c))
    if key == "super tuesday":  # only in election years: the nearest one in the tense's direction
        back, ahead = year - year % 4, year - year % 4 + (4 if year % 4 else 0)
        year = back if day_in(back) <= r.dct and r.direction(c) <= 0 or day_in(ahead) < r.dct else ahead
    return "DATE", day_in(year).isoformat(), None


def week_of_month(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "the first week of January": the ISO week holding that month's 1st (8th, 15th, 22nd), "the
    last week" the one holding its last day but three; the year as for the month alone."""
    found = r.resolve(Candidate(c.start, c.end, "month", c.match)) if not g.get("year") else None
    if g.get("year"):
        year, month = int(g["year"]), month_number(g["month"])
    elif found is None or not found[1][:4].isdigit():
        return "DATE", "XXXX-WXX", None
    else:
        year, month = int(found[1][:4]), int(found[1][5:7])
    wk = g["wk"].lower()
    if wk in ("last", "final"):
        day = add_months(date(year, month, 1), 1) - timedelta(days=4)
    else:
        day = date(year, month, 1 + 7 * ("first", "second", "third", "fourth").index(wk))
    return "DATE", value_at(day, "week"), None
