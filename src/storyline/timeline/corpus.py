"""The material of a timeline summary: stored sentences with the days (and months) they mention."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..store import Store
from ..types import DateValue

__all__ = ["EventMention", "Sentence", "load_event_mentions", "load_sentences", "with_keywords"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One stored sentence, the article it cites and the days its timexes resolve to (and
    the months of its month-level timexes, "in February 2019", when loaded with months)."""

    article: int
    idx: int
    text: str
    published: date
    source: str | None
    title: str
    story: int
    days: tuple[date, ...]
    months: tuple[DateValue, ...] = ()


def load_sentences(
    store: Store, since: date, until: date, story: int | None = None, months: bool = False
) -> list[Sentence]:
    """Sentences of the articles published from ``since`` to ``until`` (inclusive), of
    ``story`` only when given; with ``months``, the months they mention too."""
    lo, hi = since.isoformat(), until.isoformat()
    days: dict[tuple[int, int], set[date]] = defaultdict(set)
    for row in store.tls.sentence_days(lo, hi, story):
        days[(row.article_id, row.idx)].add(row.date.start)
    named: dict[tuple[int, int], set[DateValue]] = defaultdict(set)
    for row in store.tls.sentence_months(lo, hi, story) if months else ():
        named[(row.article_id, row.idx)].add(row.date)
    return [
        Sentence(
            article=r.article_id,
            idx=r.idx,
            text=" ".join(r.text.split()),
            published=r.published.start,
            source=r.source,
            title=r.title,
            story=r.story,
            days=tuple(sorted(days.get((r.article_id, r.idx), ()))),
            months=tuple(sorted(named.get((r.article_id, r.idx), ()))),
        )
        for r in store.tls.sentences(lo, hi, story)
    ]


@dataclass(frozen=True, slots=True)
class EventMention:
    """A sentence's mention of a merged event dated to a day (``link.events``): the unit of
    the events' salience in a summary (``summarize.event_days``)."""

    event: int
    day: date
    article: int
    idx: int
    published: date
    group: int  # near-duplicate group: copies of one wire story count once


def load_event_mentions(
    store: Store, since: date, until: date, story: int | None = None
) -> list[EventMention]:
    """The mentions of day-dated events in the articles published from ``since`` to ``until``."""
    return [
        EventMention(r.event_id, r.day.start, r.article_id, r.idx, r.published.start, r.group)
        for r in store.tls.event_mentions(since.isoformat(), until.isoformat(), story)
    ]


def with_keywords(sentences: Iterable[Sentence], keywords: Iterable[str]) -> list[Sentence]:
    """The sentences containing at least one keyword; all of them when no keyword is given.
    A lowercase keyword matches as a case-insensitive substring (as news-tls filters:
    "spill" finds "spills"); a capitalised one is a name and matches as a whole word with
    its case ("Ted" finds "Ted Cruz", not "started"; "Jobs" finds Steve Jobs, not "jobs")."""
    kept = [k.strip() for k in keywords if k.strip()]
    if not kept:
        return list(sentences)
    words = [k.lower() for k in kept if not k[0].isupper()]
    names = [re.compile(rf"(?<!\w){re.escape(k)}(?!\w)") for k in kept if k[0].isupper()]
    return [s for s in sentences
            if any(w in s.text.lower() for w in words) or any(n.search(s.text) for n in names)]
