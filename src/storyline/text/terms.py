"""Content-word stems: the word terms story vectors and key-event centrality compare."""

from __future__ import annotations

import re

from snowballstemmer import stemmer

from .stopwords import SMART_STOPWORDS

__all__ = ["CONTENT_WORD", "STOPWORDS", "stems"]

CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STEM = stemmer("english")
# SMART's list plus reporting words every news story has
STOPWORDS = frozenset(SMART_STOPWORDS) | {"said", "says", "told", "year", "years", "time", "people", "week"}


def stems(text: str) -> list[str]:
    """The stems of the content words of ``text`` (the word terms of story vectors)."""
    out = []
    for match in CONTENT_WORD.finditer(text):
        word = match.group().lower().strip("'-")
        if len(word) >= 3 and word not in STOPWORDS:
            out.append(_STEM.stemWord(word))
    return out
