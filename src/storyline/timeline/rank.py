"""Rank and order events: salience, most salient first, chronological order.

Salience of an event: independent sources (copies of one syndicated story count
once), then the number of mentions, then how recently it was reported; events
reported as the news of their article weigh more than background recalls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..types import TimelineEvent

__all__ = ["by_date", "rank", "salience", "select"]


def salience(event: TimelineEvent) -> float:
    news = sum(1 for s in event.sources if not s.background)
    return event.independent + 0.5 * len(event.outlets) + 0.25 * len(event.sources) + 0.25 * min(news, 4)


def rank(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Events with their salience set, most salient first (ties: earlier date first)."""
    scored = [replace(e, salience=salience(e)) for e in events]
    return sorted(scored, key=lambda e: (-e.salience, e.date.start, e.date.end, e.id))


def by_date(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Chronological order: by start, then the more specific first, then id."""
    return sorted(events, key=lambda e: (e.date.start, e.date.end, e.id))


def select(events: Iterable[TimelineEvent], limit: int | None = None) -> list[TimelineEvent]:
    """The ``limit`` most salient events (all when None), in chronological order."""
    ranked = rank(events)
    return by_date(ranked if limit is None else ranked[:limit])
