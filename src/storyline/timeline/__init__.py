"""timeline: pure functions over stored events and sentences: rank and order events
(``rank``), summarise a timeline (``summarize``, over ``corpus`` sentences) and export it
(``export``, ``render``)."""

from __future__ import annotations

from .corpus import Sentence, load_sentences, with_keywords
from .rank import by_date, rank, salience, select
from .summarize import DatedSummary, Params, score_dates, summarize

__all__ = [
    "DatedSummary",
    "Params",
    "Sentence",
    "by_date",
    "load_sentences",
    "rank",
    "salience",
    "score_dates",
    "select",
    "summarize",
    "with_keywords",
]
