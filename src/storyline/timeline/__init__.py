"""timeline: pure functions over stored events and sentences: rank and order events
(``rank``), summarise a timeline (``summarize``, over ``corpus`` sentences) and export it
(``export``, ``render``)."""

from __future__ import annotations

from .corpus import EventMention, Sentence, load_event_mentions, load_sentences, with_keywords
from .rank import by_date, rank, salience, select
from .summarize import DatedSummary, Params, score_dates, summarize

__all__ = [
    "DatedSummary",
    "EventMention",
    "Params",
    "Sentence",
    "by_date",
    "load_event_mentions",
    "load_sentences",
    "rank",
    "salience",
    "score_dates",
    "select",
    "summarize",
    "with_keywords",
]
