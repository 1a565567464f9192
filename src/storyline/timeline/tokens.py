"""ROUGE-1.5.5's tokens (``-m -s``): lowercased alphanumeric runs, SMART stopwords
removed, words longer than three characters Porter-stemmed. The summariser compares
sentences in the same terms the evaluation scores them in."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from ..text.stopwords import SMART_STOPWORDS

__all__ = ["tokens"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_STEMMER = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word)) if len(word) > 3 else word


def tokens(text: str, stem: bool = True, stopwords: bool = True) -> list[str]:
    """ROUGE-1.5.5's tokens of ``text``: lowercased alphanumeric runs, stopwords
    removed and words stemmed unless told otherwise."""
    words = _NON_ALNUM.sub(" ", text.lower()).split()
    if stopwords:
        words = [w for w in words if w not in SMART_STOPWORDS]
    if stem:
        words = [_stem(w) for w in words]
    return words
