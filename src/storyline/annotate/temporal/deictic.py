"""Words that point at the time of speech: "today", "tonight", "yesterday", "last night",
"now", "recently", "the future". "today's" before a noun not bound to a day is the present in
general (PRESENT_REF, TE3). Rule handlers of ``normalize``."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from ...text.eventwords import EVENT_NOUNS
from .lexicon import DAY_BOUND_NOUNS, PARTS_OF_DAY, REFERENCE_WORDS, norm, point_mod
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalize import Resolver, Result

__all__ = ["deictic", "last_night", "reference"]


_POSSESSIVE_NP = re.compile(r"['’]s\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)")


def _generic_possessive(c: Candidate) -> bool:
    """ "today's world", "today's youth": the present in general, not the day (TE3); "today's
    meeting" or "today's editions" (a happening or an issue of that day) stay the day."""
    m = _POSSESSIVE_NP.match(c.match.string, c.end)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return not any(w in DAY_BOUND_NOUNS or w in EVENT_NOUNS for w in words)


def deictic(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    word = norm(g["word"])
    if word == "today" and not g.get("pod") and _generic_possessive(c):
        return "DATE", "PRESENT_REF", None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if offset is None:
        offset = -2 if "yesterday" in word else 2
    pod = PARTS_OF_DAY.get(norm(g.get("pod"))) or ("NI" if word == "tonight" else None)
    mod = point_mod(g.get("mod"))
    if r.dct is None:
        return ("TIME" if pod else "DATE"), "XXXX-XX-XX" + (f"T{pod}" if pod else ""), mod
    day = (r.dct + timedelta(days=offset)).isoformat()
    if pod:
        return "TIME", f"{day}T{pod}", mod
    return "DATE", day, mod


def last_night(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    if r.dct is None:
        return "TIME", "XXXX-XX-XXTNI", None
    return "TIME", f"{(r.dct - timedelta(days=1)).isoformat()}TNI", None


def reference(r: Resolver, c: Candidate, g: dict[str, str]) -> Result | None:
    return "DATE", REFERENCE_WORDS[norm(g["word"])], None
