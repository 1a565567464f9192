"""Expressions resolved against a reference point: the DCT or a date mentioned earlier.

``AnchorState`` remembers the calendar values already found in a document, so that
"a day earlier" after "On June 11" gives 2019-06-10 and "a year earlier" after
"the third quarter" gives the year-earlier quarter. The functions here are the
rule handlers of ``normalize`` that need that state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...types import DateValue, Granularity
from .dates import (
    UNIT_GRANULARITY,
    finer_or_equal,
    quarter_value,
    shift,
    shift_value,
    shifted_value,
    value_at,
    weekday_near,
)
from .lexicon import ORDINALS, PARTS_OF_DAY, POINT_MODS, QUANTITY_MODS, WEEKDAYS, norm
from .numbers import duration_value, parse_number, unit_key
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalize import Resolver, Result


_RANGE_END = re.compile(r"\b(?:to|until|till|through|since)\s+$", re.IGNORECASE)


def ends_range(c: Candidate) -> bool:
    """ "from Sept. 14 to Thursday": the end of a range that reaches the report's week."""
    return _RANGE_END.search(c.match.string, max(0, c.start - 10), c.start) is not None


_BACK = frozenset(
    {"last", "past", "previous", "the past", "the last", "the previous", "the prior", "the latest"}
)
_AHEAD = frozenset({"next", "coming", "following", "the next", "the coming", "the following"})
_FROM_ANCHOR = frozenset({"the same", "that", "the following", "the previous", "the prior"})
_ABOUT_DCT = frozenset({"ago", "from now", "hence"})
_NARRATIVE_SPAN = 400  # characters a named day governs a past narrative's weekdays over
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s|\n")


@dataclass
class AnchorState:
    """Calendar values seen so far in one document."""

    dct: date | None = None
    last: str | None = None
    last_day: str | None = None
    last_quarter: str | None = None  # the latest quarter mentioned that ended before the DCT
    used: str | None = None  # the mentioned value the latest resolution was anchored on
    # the latest values not after the DCT: a past clause counts from what the text reported,
    # never from a plan ("the selling season at Christmas ... sales released the night before")
    last_past: str | None = None
    last_past_day: str | None = None
    explicit: tuple[int, int] | None = None  # (year, end offset) of the latest date with its own year
    told_day: tuple[str, int] | None = None  # (value, end offset) of the latest day the text named

    def narrative_day(self, text: str, at: int) -> date | None:
        """The day a past narrative is about: a day the text named earlier in the sentence holding
        ``at``, when it lies in an earlier week than the DCT's (news weekdays after a background
        date in an earlier sentence are still the DCT's week: TimeBank's use and HeidelTime's)."""
        if self.told_day is None or self.dct is None or not 0 <= at - self.told_day[1] <= _NARRATIVE_SPAN:
            return None
        between = text[self.told_day[1] : at]
        if _SENTENCE_END.search(between):
            return None
        day = date.fromisoformat(self.told_day[0])
        return day if (self.dct - day).days >= 7 else None

    def narrative_year(self, text: str, at: int) -> int | None:
        """The year of a date with an explicit year earlier in the sentence holding ``at``."""
        if self.explicit is None or not 0 <= at - self.explicit[1] <= 300:
            return None
        return None if _SENTENCE_END.search(text, self.explicit[1], at) else self.explicit[0]

    def note(self, value: str, explicit: bool = False) -> None:
        """Remember ``value``; one the text dated itself (``explicit``) counts as reported even
        after the DCT, a resolved one only up to it."""
        try:
            dv = DateValue.parse(value)
        except ValueError:
            return
        self.last = dv.value
        reported = explicit or self.dct is None or dv.start <= self.dct
        if reported:
            self.last_past = dv.value
        if dv.granularity is Granularity.DAY:
            self.last_day = dv.value
            if reported:
                self.last_past_day = dv.value
        elif dv.granularity is Granularity.QUARTER and "-Q" in dv.value and self._finished(dv):
            self.last_quarter = dv.value

    def _finished(self, dv: DateValue) -> bool:
        # results are reported for a finished quarter; "a fourth-quarter charge" looks ahead
        return self.dct is None or dv.end < self.dct

    def anchor_value(
        self, unit: str, n: int, dct: date | None, keep: bool = False, past: bool = False
    ) -> str | None:
        """The value ``n`` units from the last mentioned date (the DCT when none fits).

        A day-granular shift needs a day-granular anchor; with ``keep`` a coarser
        anchor keeps its granularity ("1989-Q3" -> "1988-Q3"). In a ``past`` clause only
        dates up to the DCT anchor, and a result after the DCT is left unknown."""
        unit_gran = UNIT_GRANULARITY[unit]
        if keep and self.last_quarter and unit == "year":
            self.used = self.last_quarter
            return shift_value(self.last_quarter, unit, n)
        last, last_day = (self.last_past, self.last_past_day) if past else (self.last, self.last_day)
        for ref in (last_day, last) if unit_gran is Granularity.DAY else (last,):
            if ref is None:
                continue
            dv = DateValue.parse(ref)
            if finer_or_equal(dv.granularity, unit_gran):
                self.used = ref
                return shift_value(ref, unit, n)
        if dct is None:
            return None
        value = shifted_value(dct, unit, n)
        if past and DateValue.parse(value).start > dct:
            return unknown_value(unit)
        return value


def unknown_value(unit: str) -> str:
    """An under-specified value of ``unit``'s granularity ("XXXX-XX" for a month)."""
    return value_at(date(1, 1, 1), unit).translate(str.maketrans("0123456789", "XXXXXXXXXX"))


def quarter(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "the third quarter", "third-quarter", "the latest quarter", "the first half of 1990"."""
    text = c.match.group(0).lower()
    rel = "year-ago" if g.get("yago") else norm(g.get("rel"))
    qh = g["qh"].lower()
    if qh in ("half", "quarter") and not (g.get("year") or g.get("yrel") or g.get("yago")) and r.sports():
        return None  # "in the second half, United scored twice": a match's half, not the year's
    ordinal = (g.get("ord") or "").lower()
    if qh == "period" and rel not in (
        "latest",
        "year-earlier",
        "year-ago",
        "year-before",
        "comparable",
        "same",
    ):
        return None
    if qh == "half" and rel == "last" and g.get("year"):
        ordinal = "second"  # "the last half of 1989"
    if qh == "half" and not ordinal:
        return None
    if not (ordinal or rel or text.startswith("the")):
        return None
    if r.dct is None:
        return "DATE", "XXXX-QX", None
    if ordinal:
        n = 4 if ordinal == "final" else ORDINALS[ordinal]
        if g.get("year"):
            y = int(g["year"])
        elif g.get("yrel"):
            y = r.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
        else:
            y = r.dct.year
            start_month = 6 * n - 5 if qh == "half" else 3 * n - 2
            if date(y, start_month, 1) > r.dct and r.direction(c) <= 0:
                y -= 1
        if rel in ("year-earlier", "year-ago", "year-before"):
            y -= 1
        letter = "H" if qh == "half" else "Q"
        return "DATE", f"{y:04d}-{letter}{n}", None
    if rel in ("year-earlier", "year-ago", "year-before", "comparable"):
        base = r.state.last_quarter or quarter_value(shift(r.dct, "quarter", -1))
        r.state.used = base
        return "DATE", shift_value(base, "year", -1) or base, None
    if rel in ("current", "this"):
        return "DATE", quarter_value(r.dct), None
    if rel in ("next", "coming"):
        return "DATE", quarter_value(shift(r.dct, "quarter", 1)), None
    if rel in ("last", "previous", "past") and r.state.last_quarter is None:
        return "DATE", quarter_value(shift(r.dct, "quarter", -1)), None
    base = r.state.last_quarter or quarter_value(shift(r.dct, "quarter", -1))
    return "DATE", base, None


def relative_unit(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "last week", "this weekend", "next year", "the following day", "this morning"."""
    rel = norm(g["rel"])
    unit = g["unit"].lower()
    mod_word = norm(g.get("mod"))
    mod = POINT_MODS.get(mod_word) if mod_word not in ("earlier", "later") else None
    pod = PARTS_OF_DAY.get(unit)
    if rel in _FROM_ANCHOR or (unit in ("day", "night") and rel not in ("this",)):
        n = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
        if (
            unit in ("night", "morning", "afternoon", "evening")
            and rel in _BACK | _AHEAD
            and rel
            in (
                "last",
                "next",
            )
        ):
            anchor_day = r.dct
            if anchor_day is None:
                return None
            value = (anchor_day + timedelta(days=n)).isoformat()
        else:
            base_unit = "day" if pod else unit
            found = r.state.anchor_value(base_unit, n, r.dct, past=r.past(c))
            if found is None:
                return None
            # "the following year" after "May 22, 1995" is 1996, not 1996-05-22
            value = value_at(DateValue.parse(found).start, base_unit) if found[:1].isdigit() else found
        if pod:
            return "TIME", f"{value[:10]}T{pod}", mod
        return "DATE", value, mod
    if r.dct is None:
        return "DATE", "XXXX", mod
    if pod:  # "this morning", "this evening"
        return "TIME", f"{r.dct.isoformat()}T{pod}", mod
    n = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    season = r.season_year() if unit == "year" and rel == "this" else None
    if season is not None:  # a sports report's "this year" is the season under way
        return "DATE", f"{season:04d}", mod
    if unit == "weekend" and n == 0:
        future = r.direction(c) > 0
        base = r.dct + timedelta(days=1) if future and r.dct.weekday() == 6 else r.dct
        return "DATE", value_at(base, "weekend"), mod
    return "DATE", shifted_value(r.dct, unit, n), mod


def ago(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "a day ago", "two years earlier", "three weeks from now"."""
    number = parse_number(g.get("num") or "one")
    unit = unit_key(g["unit"])
    direction = norm(g.get("dir") or g.get("dir2") or "ago")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    mod = QUANTITY_MODS.get(norm(g.get("qmod"))) if g.get("qmod") else None
    if unit in ("second", "minute", "hour", "fortnight") or unit not in UNIT_GRANULARITY:
        if unit == "fortnight" and number is not None:
            number, unit = number * 2, "week"
        else:
            return "DURATION", duration_value(number, g["unit"]), mod
    if number is None:
        if direction in ("later", "earlier"):  # "a few days later": nothing to count, only the duration
            return "DURATION", duration_value(None, g["unit"]), mod
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    n = int(round(number)) * sign
    if direction in _ABOUT_DCT:
        if r.dct is None:
            return "DATE", "XXXX", mod
        if unit == "year" and r.state.last_quarter:  # financial reports: "a year ago" = that quarter
            r.state.used = r.state.last_quarter
            return "DATE", shift_value(r.state.last_quarter, unit, n) or r.state.last_quarter, mod
        return "DATE", shifted_value(r.dct, unit, n), mod
    value = r.state.anchor_value(unit, n, r.dct, keep=unit == "year", past=r.past(c))
    if r.state.used is None:  # nothing in the text to count from: the quantity is all we know
        return "DURATION", duration_value(number, g["unit"]), mod
    return ("DATE", value, mod) if value else None


def weekday(r: Resolver, c: Candidate, g: dict[str, str], mod: str | None) -> Result | None:
    """ "Friday", "last Monday", "the previous Friday", "Saturday night"; in a past narrative
    about an earlier week ("On March 3 ... By Saturday night"), the one near the day it named."""
    wd = WEEKDAYS[g["wd"].lower()]
    pod = PARTS_OF_DAY.get(norm(g.get("pod")))
    if r.dct is None:
        return ("TIME" if pod else "DATE"), f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), mod
    rel = norm(g.get("rel"))
    ref = r.dct
    the = c.match.group(0).lower().startswith("the")
    anchored = rel == "that" or rel in ("previous", "following") and the
    if anchored and r.state.last_day:  # "the previous Friday": before the day just mentioned
        ref = date.fromisoformat(r.state.last_day)
        r.state.used = r.state.last_day
    story = not rel and r.past(c) and not r.reporting(c.start, c.end) and not ends_range(c)
    told = r.state.narrative_day(c.match.string, c.start) if story else None
    if rel in ("last", "past", "previous", "this past"):
        day = weekday_near(ref - timedelta(days=1), wd, -1)
    elif rel in ("next", "coming", "following", "this coming"):
        day = weekday_near(ref + timedelta(days=1), wd, 1)
    elif rel == "that" and r.state.last_day:  # "that Saturday": the one near the day just told
        day = weekday_near(ref, wd, 0)
    elif told is not None:
        day = weekday_near(told, wd, 0)
        r.state.used = told.isoformat()
    elif rel == "this":  # "this Friday": the DCT's week, unless a past clause looks back
        d = r.direction(c, weekday=True)
        day = weekday_near(r.dct, wd, -1) if d < 0 else r.dct + timedelta(days=wd - r.dct.weekday())
    else:
        day = weekday_near(r.dct, wd, r.direction(c, weekday=True))
    if pod:
        return "TIME", f"{day.isoformat()}T{pod}", mod
    return "DATE", day.isoformat(), mod
