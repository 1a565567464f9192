"""Turn a matched candidate into a TIMEX3 type, value and mod.

``Resolver`` walks the candidates of one document in text order. It resolves
relative expressions against the document creation time (DCT) or, for
"a day earlier" / "the day before" / "the following week", against the last
calendar value mentioned before them (see ``anchoring``). Under-specified dates
("Sunday", "June 12", "in April") take their direction from the tense of the
verb group that governs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from ...types import Timex
from . import anchoring, clock, deictic, periods, sets
from .dates import (
    month_year,
    shifted_value,
    value_at,
)
from .lexicon import (
    DEADLINE_CUES,
    FUTURE_CUES,
    HOLIDAYS,
    PAST_CUES,
    QUANTITY_MODS,
    SEASONS,
    WEEKDAYS,
    month_number,
    norm,
    point_mod,
)
from .numbers import duration_value, parse_number
from .patterns import OUTSIDE_QMODS, RULE_NAMES, Candidate
from .sports import SportsSeason
from .tense import Tense

__all__ = ["Resolver", "Result", "to_timex"]

Result = tuple[str, str, str | None]  # type, value, mod
TenseFn = Callable[[int, int], Tense]
AspectFn = Callable[[int, int], bool]
KindFn = Callable[[int, int], str]


def _never(start: int, end: int) -> bool:
    return False


def _no_kind(start: int, end: int) -> str:
    return ""


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in words)


_CUE = re.compile(
    rf"\b(?:(?P<future>{_alt(FUTURE_CUES)})|(?P<past>{_alt(PAST_CUES)})|(?P<deadline>{_alt(DEADLINE_CUES)}))\s+$",
    re.IGNORECASE,
)


_DEADLINE_AFTER = re.compile(r"\s+as\s+(?:the|a|its|their)\s+(?:new\s+)?(?:deadline|target\s+date)\b", re.I)


def cue_before(c: Candidate) -> str | None:
    """ "future", "past" or "deadline" when a cue word just before ``c`` points its direction."""
    m = _CUE.search(c.match.string, max(0, c.start - 20), c.start)
    return m.lastgroup if m else None


def direction_cue(c: Candidate) -> str | None:
    """``cue_before``, or "deadline" when a calendar date is named as one ("set Nov. 10 as the
    deadline"; a weekday so named is as often the day it was set: TimeBank)."""
    if c.rule != "weekday" and _DEADLINE_AFTER.match(c.match.string, c.end):
        return cue_before(c) or "deadline"
    return cue_before(c)


_mod = point_mod


def _qmod(word: str | None, c: Candidate | None = None) -> str | None:
    """The quantity mod from the matched word ("nearly" -> APPROX; "a full" has none), or from
    "about/almost/around" just before."""
    if word:
        return QUANTITY_MODS.get(norm(word))
    if c is not None:
        before = c.match.string[max(0, c.start - 8) : c.start].lower().split()
        if before and before[-1] in OUTSIDE_QMODS:
            return QUANTITY_MODS[before[-1]]
    return None


@dataclass
class Resolver:
    """Normalises the candidates of one document, in text order."""

    dct: date | None
    tense: TenseFn
    state: anchoring.AnchorState
    perfect: AspectFn = _never  # whether the clause is in the perfect ("have risen in recent years")
    text: str = ""
    reporting: AspectFn = _never  # whether a reporting verb governs the expression ("said Friday")
    kind: KindFn = _no_kind  # the kind of clause holding the expression (``tense.clause_kind``)
    _sports: SportsSeason | None = None

    def _sports_report(self) -> SportsSeason:
        if self._sports is None:  # read once, when a rule first asks
            self._sports = SportsSeason(self.text)
        return self._sports

    def sports(self) -> bool:
        """Whether the text is a sports report."""
        return self._sports_report().sports

    def season_year(self) -> int | None:
        """The year the sports season under way started in, when the text is a sports report."""
        season = self._sports_report()
        return season.year(self.dct) if self.dct is not None and season.sports else None

    # --- helpers --------------------------------------------------------------

    def direction(self, c: Candidate, weekday: bool = False) -> int:
        cue = direction_cue(c)
        if cue in ("future", "past"):
            return 1 if cue == "future" else -1
        t = self.tense(c.start, c.end)
        if t is Tense.PLUPERFECT or (t is Tense.PAST and cue is None):
            return -1
        if cue == "deadline":  # "extended the deadline until Tuesday" still looks ahead
            past = t is Tense.PAST and self.kind(c.start, c.end) != "postponing"
            return -1 if past else 1  # "By Sunday afternoon, the fire was contained" does not
        if t is Tense.FUTURE:
            return 1
        return -1 if weekday and t is not Tense.PRESENT else 0

    def past(self, c: Candidate) -> bool:
        """Whether ``c`` is in a past-tense clause, which reports nothing after the DCT."""
        return self.tense(c.start, c.end) in (Tense.PAST, Tense.PLUPERFECT)

    def _narrative_year(self, c: Candidate, direction: int) -> int | None:
        """In a past-tense clause, the year a date just before set ("In 2009 ... in May"); in a
        "would" clause under a past verb too ("In 2009, it said it would launch ... in March")."""
        if anchoring.ends_range(c):  # "bought ... through Sept. 29": a range reaching the report
            return None
        year = self.state.narrative_year(c.match.string, c.start)
        if year is None or self.dct is None or year >= self.dct.year:
            return None
        if direction >= 0 and self.kind(c.start, c.end) != "future-in-past":
            return None
        return year

    def _day(self, y: int, mo: int, d: int) -> str | None:
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return None

    # --- rules ------------------------------------------------------------------

    def resolve(self, c: Candidate) -> Result | None:
        return HANDLERS[c.rule](self, c, c.match.groupdict())

    def _iso(self, c: Candidate, g: dict[str, str]) -> Result | None:
        day = self._day(int(g["year"]), int(g["mon"]), int(g["day"]))
        if day is None:
            return None
        if g.get("time"):
            return "TIME", f"{day}T{g['time']}", None
        return "DATE", day, None

    def _slash(self, c: Candidate, g: dict[str, str]) -> Result | None:
        y = int(g["year"])
        if y < 100:
            y += 1900 if y > 30 else 2000
        day = self._day(y, int(g["mon"]), int(g["day"]))
        return ("DATE", day, None) if day else None

    def _month_day(self, c: Candidate, g: dict[str, str]) -> Result | None:
        mo, d = month_number(g["month"]), int(g["day"])
        if g.get("year"):
            y = int(g["year"])
        elif self.dct is None:
            return ("DATE", f"XXXX-{mo:02d}-{d:02d}", _mod(g.get("mod"))) if 1 <= d <= 31 else None
        else:
            direction = self.direction(c)
            y = self._narrative_year(c, direction) or month_year(self.dct, mo, direction, d)
            if g.get("wd"):  # "Monday, Oct. 26": pick the year where the weekday fits
                for cand in (y, y - 1, y + 1):
                    day = self._day(cand, mo, d)
                    if day and date.fromisoformat(day).weekday() == WEEKDAYS[g["wd"].lower()]:
                        y = cand
                        break
        day = self._day(y, mo, d)
        if day and g.get("dh"):  # a dateline's time: "3 Feb 2014 12.01 GMT"
            h = int(g["dh"]) % 12 + (12 if (g.get("dampm") or "").lower().startswith("p") else 0)
            h = h if g.get("dampm") else int(g["dh"])
            return ("TIME", f"{day}T{h:02d}:{g['dm']}", None) if h < 24 else None
        return ("DATE", day, _mod(g.get("mod"))) if day else None

    def _week_of(self, c: Candidate, g: dict[str, str]) -> Result | None:
        """ "the week of March 6": the ISO week holding that day."""
        found = self._month_day(c, g)
        if found is None or not found[1][:1].isdigit():
            return found
        return "DATE", value_at(date.fromisoformat(found[1]), "week"), None

    def _month_year(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return "DATE", f"{int(g['year']):04d}-{month_number(g['month']):02d}", _mod(g.get("mod"))

    def _month(self, c: Candidate, g: dict[str, str]) -> Result | None:
        mo = month_number(g["month"])
        mod = _mod(g.get("mod"))
        if self.dct is None:
            return "DATE", f"XXXX-{mo:02d}", mod
        rel = norm(g.get("rel"))
        if rel in ("last", "past"):
            y = self.dct.year if mo < self.dct.month else self.dct.year - 1
        elif rel in ("next", "coming"):
            y = self.dct.year if mo > self.dct.month else self.dct.year + 1
        elif rel == "this":
            y = self.dct.year
        elif rel == "that" and self.state.last and self.state.last[:4].isdigit():
            y = int(self.state.last[:4])  # "In 2012 she moved to Paris. That April ...": the year just told
            self.state.used = self.state.last
        else:
            direction = self.direction(c)
            y = self._narrative_year(c, direction) or month_year(self.dct, mo, direction)
        return "DATE", f"{y:04d}-{mo:02d}", mod

    def _decade(self, c: Candidate, g: dict[str, str]) -> Result | None:
        if g.get("decade"):
            return "DATE", g["decade"][:3], _mod(g.get("mod"))
        short = int(g["short"])
        century = 20 if self.dct and short <= self.dct.year % 100 and self.dct.year >= 2000 else 19
        return "DATE", f"{century}{short // 10}", _mod(g.get("mod"))

    def _year(self, c: Candidate, g: dict[str, str]) -> Result | None:
        y = int(g["year"])
        if not g.get("mod") and not g.get("fiscal") and not 1600 <= y <= 2100:
            return None
        return "DATE", f"{y:04d}", _mod(g.get("mod"))

    def _season(self, c: Candidate, g: dict[str, str]) -> Result | None:
        code = SEASONS[g["season"].lower()]
        mod = _mod(g.get("mod"))
        if g.get("year"):
            return "DATE", f"{g['year']}-{code}", mod
        if self.dct is None:
            return "DATE", f"XXXX-{code}", mod
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        rel = norm(g.get("rel"))
        here = self.dct.month
        if rel in ("last", "past", "previous", "this past"):
            # in the month right after it ends, a season is still "this summer": "last" is the one before
            y = self.dct.year if start_month + 3 < here else self.dct.year - 1
        elif rel in ("next", "coming", "following", "this coming"):
            y = self.dct.year if start_month > here else self.dct.year + 1
        elif rel == "this":
            y = self.dct.year
        else:
            d = self.direction(c)
            y = self.dct.year
            if d < 0 and start_month > here:
                y -= 1
            elif d > 0 and start_month + 3 <= here:
                y += 1
        return "DATE", f"{y:04d}-{code}", mod

    def _quarter(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return anchoring.quarter(self, c, g)

    def _month_relyear(self, c: Candidate, g: dict[str, str]) -> Result | None:
        mo = month_number(g["month"])
        if self.dct is None:
            return "DATE", f"XXXX-{mo:02d}", None
        year = self.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
        return "DATE", f"{year:04d}-{mo:02d}", None

    def _the_weekend(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return self._on_the_day(c, {"unit": "weekend"})

    def _year_ended(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return "DURATION", "P1Y", None

    def _rel_unit(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return anchoring.relative_unit(self, c, g)

    def _period_of(self, c: Candidate, g: dict[str, str]) -> Result | None:
        unit = g["unit"].lower()
        rel = norm(g["rel"])
        mod = {"rest": None, "remainder": None, "turn": "START"}.get(g["mod"].lower(), _mod(g["mod"]))
        if rel == "that":
            value = self.state.anchor_value(unit, 0, self.dct)
            return ("DATE", value, mod) if value else None
        if self.dct is None:
            return "DATE", "XXXX", mod
        # "the year" is the one its sentence named: "In early 1996 Apple promised to ship it around
        # the middle of the year" (whatever the tense: the promise and the year were both in 1996)
        year = self.state.narrative_year(c.match.string, c.start) if rel == "the" and unit == "year" else None
        if year is not None:
            self.state.used = f"{year:04d}"
            return "DATE", f"{year:04d}", mod
        n = -1 if rel == "last" else 1 if rel == "next" else 0
        return "DATE", shifted_value(self.dct, unit, n), mod

    def _n_rel(self, c: Candidate, g: dict[str, str]) -> Result | None:
        number = parse_number(g["num"])
        return "DURATION", duration_value(number, g["unit"]), _qmod(g.get("qmod"), c)

    def _ago(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return anchoring.ago(self, c, g)

    def _the_day(self, c: Candidate, g: dict[str, str]) -> Result | None:
        n = -1 if g["dir"].lower() == "before" else 1
        unit = g["unit"].lower()
        value = self.state.anchor_value("day" if unit == "night" else unit, n, self.dct, past=self.past(c))
        return ("DATE", value, None) if value else None

    def _ordinal_day(self, c: Candidate, g: dict[str, str]) -> Result | None:
        """ "today is the eighth day of the strike", "has been suspended for a second consecutive
        day": the day (week) of the text's present; a past or future clause does not say which."""
        unit = g["unit"].lower()
        told = self.tense(c.start, c.end) in (Tense.PAST, Tense.PLUPERFECT, Tense.FUTURE)
        if self.dct is None or (told and not self.perfect(c.start, c.end)):
            return "DATE", anchoring.unknown_value(unit), None
        return "DATE", value_at(self.dct, unit), None

    def _duration(self, c: Candidate, g: dict[str, str]) -> Result | None:
        number = parse_number(g["num"])
        if number is not None and number > 1000:
            return None
        return "DURATION", duration_value(number, g["unit"]), _qmod(g.get("qmod"), c)

    def _vague_units(self, c: Candidate, g: dict[str, str]) -> Result | None:
        unit = g.get("unit") or g.get("unit2") or g.get("unit3") or g["unit4"]
        return "DURATION", duration_value(None, unit), None

    def _recent_units(self, c: Candidate, g: dict[str, str]) -> Result | None:
        """ "recent months" in a perfect clause measures the period up to now: a vague duration
        (PXM); elsewhere ("soared in recent years", "losses of recent years") it points to the
        past. "coming years", "past years": a reference."""
        rel = g["rel"].lower()
        if rel == "recent" and self.perfect(c.start, c.end):
            return "DURATION", duration_value(None, g["unit"]), None
        return "DATE", "FUTURE_REF" if rel == "coming" else "PAST_REF", None

    def _weekday(self, c: Candidate, g: dict[str, str]) -> Result | None:
        return anchoring.weekday(self, c, g, _mod(g.get("mod")))

    def _same_period(self, c: Candidate, g: dict[str, str]) -> Result | None:
        text = norm(c.match.group(0))
        unit = g["unit"].lower()
        base_unit = unit if unit in ("quarter", "month", "week", "day") else "quarter"
        if g.get("year") and self.state.last:
            return "DATE", g["year"] + self.state.last[4:], None
        back = -1 if "year" in text else 0
        value = self.state.anchor_value("year", back, self.dct, keep=True) if back else None
        if value is None:
            value = self.state.last or (value_at(self.dct, base_unit) if self.dct else None)
        return ("DATE", value, None) if value else None

    def _on_the_day(self, c: Candidate, g: dict[str, str]) -> Result | None:
        if self.dct is None:
            return "DATE", "XXXX-XX-XX", None
        unit = g["unit"].lower()
        if unit == "year":
            return "DATE", f"{self.dct.year:04d}", None
        if unit == "week":
            base = date.fromisoformat(self.state.last_day) if self.state.last_day else self.dct
            return "DATE", value_at(base, "week"), None
        if unit == "weekend":
            base = self.dct if self.direction(c) >= 0 else self.dct - timedelta(days=2)
            return "DATE", value_at(base, "weekend"), None
        return "DATE", self.state.last_day or self.dct.isoformat(), None

    def _chrono_line(self, c: Candidate, g: dict[str, str]) -> Result | None:
        day = self._day(int(g["year"]), month_number(g["month"]), int(g["day"]))
        return ("DATE", day, None) if day else None

    def _holiday(self, c: Candidate, g: dict[str, str]) -> Result | None:
        mo, d = HOLIDAYS[norm(g["word"])]
        if self.dct is None:
            return "DATE", f"XXXX-{mo:02d}-{d:02d}" if d else f"XXXX-{mo:02d}", None
        y = month_year(self.dct, mo, self.direction(c), d or 22)
        if d == 0:  # Thanksgiving: fourth Thursday of November
            first = date(y, mo, 1)
            d = 1 + (3 - first.weekday()) % 7 + 21
        return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", None

    def _adj_year(self, c: Candidate, g: dict[str, str]) -> Result | None:
        word = g["word"].lower()
        if self.dct is None:
            return "DATE", "XXXX", None
        if word.endswith("end"):
            return "DATE", f"{self.dct.year:04d}", "END"
        value = self.state.anchor_value("year", -1, self.dct, keep=True)
        return ("DATE", value, None) if value else None


Handler = Callable[[Resolver, Candidate, dict[str, str]], Result | None]


def dispatch_table(rules: Iterable[str], handlers: Mapping[str, Handler]) -> Mapping[str, Handler]:
    """``handlers`` as a read-only table, once it names exactly the detection ``rules``.

    Called at import: a rule without a handler (or a handler for a rule that does not
    exist, e.g. a misspelt name) stops the import instead of failing on the first match."""
    names = set(rules)
    missing, unknown = sorted(names - handlers.keys()), sorted(handlers.keys() - names)
    if missing or unknown:
        raise ImportError(f"temporal rules without a handler: {missing}; handlers without a rule: {unknown}")
    return MappingProxyType(dict(handlers))


#: detection rule (``patterns.RULE_NAMES``) -> the Resolver method that normalises its matches
HANDLERS: Mapping[str, Handler] = dispatch_table(
    RULE_NAMES,
    {
        "iso": Resolver._iso,
        "slash": Resolver._slash,
        "month_day": Resolver._month_day,
        "day_month": Resolver._month_day,
        "week_of": Resolver._week_of,
        "month_year": Resolver._month_year,
        "month": Resolver._month,
        "decade": Resolver._decade,
        "decade_word": periods.decade_word,
        "long_unit": periods.long_unit,
        "named_day": periods.named_day,
        "week_of_month": periods.week_of_month,
        "period_duration": Resolver._duration,
        "year": Resolver._year,
        "season": Resolver._season,
        "quarter": Resolver._quarter,
        "quarter_abbr": periods.quarter_abbr,
        "year_quarter": periods.year_quarter,
        "month_relyear": Resolver._month_relyear,
        "spoken_year": periods.spoken_year,
        "the_weekend": Resolver._the_weekend,
        "year_ended": Resolver._year_ended,
        "rel_unit": Resolver._rel_unit,
        "period_of": Resolver._period_of,
        "n_rel": Resolver._n_rel,
        "ago": Resolver._ago,
        "ago_bare": Resolver._ago,
        "the_day": Resolver._the_day,
        "ordinal_day": Resolver._ordinal_day,
        "duration": Resolver._duration,
        "vague_units": Resolver._vague_units,
        "recent_units": Resolver._recent_units,
        "deictic": deictic.deictic,
        "last_night": deictic.last_night,
        "reference": deictic.reference,
        "weekday": Resolver._weekday,
        "clock": clock.clock,
        "same_period": Resolver._same_period,
        "on_the_day": Resolver._on_the_day,
        "noon": clock.noon,
        "set_every": sets.set_every,
        "set_word": sets.set_word,
        "set_plural": sets.set_plural,
        "set_times": sets.set_times,
        "set_rate": sets.set_rate,
        "chrono_line": Resolver._chrono_line,
        "chrono_line_md": Resolver._chrono_line,
        "holiday": Resolver._holiday,
        "century": periods.century,
        "sport_season": periods.sport_season,
        "adj_year": Resolver._adj_year,
    },
)


def to_timex(c: Candidate, text: str, result: Result, anchor: str | None) -> Timex:
    type_, value, mod = result
    return Timex(c.start, c.end, text[c.start : c.end], type_, value, mod, anchor)
