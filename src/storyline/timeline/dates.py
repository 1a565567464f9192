"""Event dates for readers: a readable phrase for any granularity, and the sources that disagree.

TIMEX3 codes (``2010-W29``, ``2011-H1``, ``19``) never reach a reader: a week reads "week of
19 July 2010", a half "first half of 2011", a century "20th century".
"""

from __future__ import annotations

from ..types import MONTH_NAMES, DateValue, Granularity, SourceRef, TimelineEvent

__all__ = ["disagreeing", "readable"]

_PARTS = {
    "H1": "first half of", "H2": "second half of",
    "Q1": "first quarter of", "Q2": "second quarter of", "Q3": "third quarter of", "Q4": "fourth quarter of",
    "SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter",
}


def _day(d: DateValue) -> str:
    return f"{d.start.day} {MONTH_NAMES[d.start.month - 1]} {d.start.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def readable(d: DateValue) -> str:
    """``2019-06-23`` -> "23 June 2019", ``2010-W29`` -> "week of 19 July 2010",
    ``2011-H1`` -> "first half of 2011", ``201`` -> "2010s", ``19`` -> "20th century"."""
    g, v, s = d.granularity, d.value, d.start
    if g == Granularity.DAY:
        return _day(d)
    if g == Granularity.WEEK:
        return ("weekend of " if v.endswith("-WE") else "week of ") + _day(d)
    if g == Granularity.MONTH:
        return f"{MONTH_NAMES[s.month - 1]} {s.year}"
    if g in (Granularity.QUARTER, Granularity.SEASON):
        return f"{_PARTS.get(v[5:], v[5:])} {v[:4]}"
    if g == Granularity.DECADE:
        return f"{v}0s"
    if g == Granularity.CENTURY:
        return f"{_ordinal(int(v) + 1)} century"
    return str(s.year)


def disagreeing(event: TimelineEvent) -> list[tuple[SourceRef, DateValue]]:
    """The sources giving the event a date that neither contains nor lies within its own."""
    found = []
    for source in event.sources:
        own = source.date
        if own is not None and not own.compatible(event.date):
            found.append((source, own))
    return found
