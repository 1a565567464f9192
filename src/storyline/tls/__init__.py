"""tls: timeline summarisation over a storyline store (dates first, then sentences).

CPU-only and extractive: every sentence is a stored sentence cited to its article.
"""

from __future__ import annotations

from .corpus import Sentence, load_sentences, with_keywords
from .summarize import DatedSummary, Params, score_dates, summarize

__all__ = [
    "DatedSummary",
    "Params",
    "Sentence",
    "load_sentences",
    "score_dates",
    "summarize",
    "with_keywords",
]
