"""Clock times and the day they fall on: "9 p.m.", "10:30 a.m. ET on Tuesday", "noon Saturday".
Rule handlers of ``normalize`` (each takes the ``Resolver``)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .dates import weekday_near
from .lexicon import WEEKDAYS
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalize import Resolver, Result

__all__ = ["clock", "clock_day", "noon"]


def clock(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    if g.get("h24") is not None:
        h, m = int(g["h24"]), int(g["m24"])
    elif g.get("h24b") is not None:
        h, m = int(g["h24b"]), int(g["m24b"])
    else:
        h, m = int(g["h"]), int(g["m"] or 0)
        if not 1 <= h <= 12:
            return None
        pm = g["ampm"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    if h > 24:
        return None
    zone = "Z" if (g.get("tz") or "").upper() in ("GMT", "UTC", "Z") else ""
    day = clock_day(r, c, g.get("cday"))
    if g.get("month"):  # "5 p.m. EST, Nov. 6"
        found = r._month_day(c, g)
        if found is None:
            return None
        day = found[1]
    return "TIME", f"{day}T{h:02d}:{m:02d}{zone}", None


def clock_day(r: Resolver, c: Candidate, word: str | None) -> str:
    if word and r.dct is not None:
        w = word.lower()
        if w in WEEKDAYS:
            return weekday_near(r.dct, WEEKDAYS[w], r.direction(c, weekday=True)).isoformat()
        offset = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        return (r.dct + timedelta(days=offset)).isoformat()
    return r.state.last_day or (r.dct.isoformat() if r.dct else "XXXX-XX-XX")


def noon(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    day = clock_day(r, c, g.get("cday"))
    word = g["word"].lower().replace("-", "")
    hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00", "midafternoon": "AF"}.get(word, "MO")
    return "TIME", f"{day}T{hm}", None
