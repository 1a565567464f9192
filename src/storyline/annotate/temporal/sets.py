"""Sets: "every summer" (XXXX-SU), "each evening" (XXXX-XX-XXTEV), "every other week" (P2W),
"yearly" (P1Y), rates ("$1 billion a year") and "twice a day". Rule handlers of ``normalize``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import PARTS_OF_DAY, SEASONS, SET_WORDS, WEEKDAYS, month_number, norm
from .numbers import duration_value, parse_number
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalize import Resolver, Result

__all__ = ["set_every", "set_plural", "set_rate", "set_times", "set_word"]


def set_every(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    pod = PARTS_OF_DAY.get(norm(g.get("pod") or g.get("pod2")))
    time = f"T{pod}" if pod else ""
    if g.get("wd"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}{time}", None
    if g.get("season"):
        return "SET", f"XXXX-{SEASONS[g['season'].lower()]}", None
    if g.get("month"):
        return "SET", f"XXXX-{month_number(g['month']):02d}", None
    if pod:
        return "SET", f"XXXX-XX-XX{time}", None
    num = norm(g.get("num"))
    n = 2.0 if num == "other" else parse_number(num) if num else 1.0
    return "SET", duration_value(n or 1.0, g["unit"]), None


def set_word(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    return "SET", SET_WORDS[g["word"].lower()], None


def set_rate(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    return "SET", duration_value(1.0, g["unit"]), None


def set_times(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    return "SET", duration_value(1.0, g["unit"]), None


def set_plural(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    """ "on Sundays" XXXX-WXX-7, "Tuesday nights" XXXX-WXX-2TNI."""
    pod = PARTS_OF_DAY.get(norm(g.get("pod") or (g.get("pods") or "")[:-1]))
    return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}" + (f"T{pod}" if pod else ""), None
