"""Content-word stems: the word terms story vectors and key-event centrality compare."""

from __future__ import annotations

import re

from snowballstemmer import stemmer

from ..types import MONTHS, WEEKDAYS
from .stopwords import SMART_STOPWORDS

__all__ = ["CONTENT_WORD", "STOPWORDS", "stems"]

CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STEM = stemmer("english")
# the calendar and the clock: a wire dateline ("LONDON | Tue Apr 27, 2010 4:08 am EDT") says when,
# not what about ("march" stays: a protest march)
_CALENDAR = (
    {m for m in MONTHS if m != "march"} | set(WEEKDAYS) | {d[:3] for d in WEEKDAYS}
    | {"tues", "thur", "thurs", "edt", "est", "gmt", "bst", "pdt", "pst", "cet", "utc"}
)
# SMART's list plus reporting words every news story has
_REPORTING = {"said", "says", "told", "year", "years", "time", "people", "week"}
STOPWORDS = frozenset(SMART_STOPWORDS) | _REPORTING | _CALENDAR


def stems(text: str) -> list[str]:
    """The stems of the content words of ``text`` (the word terms of story vectors)."""
    out = []
    for match in CONTENT_WORD.finditer(text):
        word = match.group().lower().strip("'-")
        if len(word) >= 3 and word not in STOPWORDS:
            out.append(_STEM.stemWord(word))
    return out
