"""Named periods: quarters and fiscal years in figures, decades and centuries, spoken years and a
sports league's season. Rule handlers of ``normalize`` (each takes the ``Resolver``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .lexicon import NUMBER_WORDS, ORDINALS, point_mod
from .numbers import duration_value
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalize import Resolver, Result

__all__ = [
    "century",
    "decade_word",
    "long_unit",
    "quarter_abbr",
    "spoken_year",
    "sport_season",
    "year_quarter",
]


def _norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


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
    rel = _norm(g["rel"])
    n = -1 if rel in ("last", "the previous", "the past") else 0
    n = 1 if rel in ("next", "the coming", "the upcoming") else n
    return "DATE", f"{year + n:04d}", None
