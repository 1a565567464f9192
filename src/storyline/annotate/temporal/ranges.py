"""A range of years ("2011-2012", "1998-99") is two TIMEX3s, one for each end.

``split_year_range`` turns one ``year`` match with a second year into the two
expressions TimeML marks, each with its own span and value.
"""

from __future__ import annotations

from ...types import Timex
from .patterns import Candidate

__all__ = ["split_year_range"]


def _second_year(first: int, tail: str) -> int:
    if len(tail) == 4:
        return int(tail)
    century = first // 100 * 100
    second = century + int(tail)
    return second if second > first else second + 100  # "1998-02" runs into the next century


def split_year_range(c: Candidate, text: str) -> list[Timex] | None:
    """The two years of "2011-2012" / "1998-99", or None when ``c`` is not such a range."""
    g = c.match.groupdict()
    if c.rule != "year" or not g.get("year2") or g.get("mod") or g.get("fiscal"):
        return None
    first = int(g["year"])
    second = _second_year(first, g["year2"])
    if not 1600 <= first < second <= 2100:
        return None
    (s1, e1), (s2, e2) = c.match.span("year"), c.match.span("year2")
    return [
        Timex(s1, e1, text[s1:e1], "DATE", f"{first:04d}"),
        Timex(s2, e2, text[s2:e2], "DATE", f"{second:04d}"),
    ]
