"""The timeline-summary repository: the sentences of the articles published in a span, the
day- and month-level dates their timexes resolve to and the mentions of day-dated events, as
typed rows (``timeline.corpus`` reads them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..types import DateValue, try_date_value
from .database import in_story

__all__ = ["DatedSentenceRow", "TLSEventMentionRow", "TLSRepository", "TLSSentenceRow"]

# "the article is in story ?" (or no story asked for); takes the story id twice
_IN_STORY = in_story("a.id")
_IN_SPAN = f"substr(a.published, 1, 10) BETWEEN ? AND ? AND {_IN_STORY}"


@dataclass(frozen=True, slots=True)
class TLSSentenceRow:
    """A sentence of an article, with the article's day of publication, outlet, title and
    near-duplicate group (``story``: copies of one wire story share it)."""

    article_id: int
    idx: int
    text: str
    published: DateValue
    source: str | None
    title: str
    story: int


@dataclass(frozen=True, slots=True)
class DatedSentenceRow:
    """A sentence (article, index) and a date one of its DATE timexes resolves to."""

    article_id: int
    idx: int
    date: DateValue


@dataclass(frozen=True, slots=True)
class TLSEventMentionRow:
    """A mention of a day-dated event: the event and its day, the sentence citing it, the
    article's day of publication and near-duplicate group."""

    event_id: int
    day: DateValue
    article_id: int
    idx: int
    published: DateValue
    group: int


class TLSRepository:
    """Rows for timeline summarisation, through the store's connection. Spans are ISO days,
    inclusive, of the articles' publication; ``story`` keeps that story's articles."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def sentences(self, since: str, until: str, story: int | None = None) -> list[TLSSentenceRow]:
        """Sentences of the articles published between ``since`` and ``until``, in publication
        order; an article whose publication day is no real date is left out."""
        rows = self.conn.execute(
            f"""SELECT s.article_id, s.idx, s.text, substr(a.published, 1, 10), a.source, a.title,
                       COALESCE(a.story_id, a.id)
               FROM sentences s JOIN articles a ON a.id = s.article_id
               WHERE {_IN_SPAN}
               ORDER BY a.published, s.article_id, s.idx""",
            (since, until, story, story),
        )
        return [TLSSentenceRow(r[0], r[1], r[2], day, r[4], r[5], r[6]) for r, (day,) in _dated(rows, 3)]

    def sentence_days(self, since: str, until: str, story: int | None = None) -> list[DatedSentenceRow]:
        """(article, sentence index, day) for each day-level DATE timex in those articles."""
        return self._dated_sentences(since, until, story, 10, "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")

    def sentence_months(self, since: str, until: str, story: int | None = None) -> list[DatedSentenceRow]:
        """(article, sentence index, month) for each month-level DATE timex (``2019-02``) in
        those articles."""
        return self._dated_sentences(since, until, story, 7, "[0-9][0-9][0-9][0-9]-[0-1][0-9]")

    def _dated_sentences(
        self, since: str, until: str, story: int | None, length: int, pattern: str
    ) -> list[DatedSentenceRow]:
        """The DATE timexes of one shape (``length`` characters matching GLOB ``pattern``) in the
        articles of that span, by sentence; values that are no real date (``2019-02-30``) left out."""
        rows = self.conn.execute(
            f"""SELECT t.article_id, s.idx, t.value
               FROM timexes t JOIN articles a ON a.id = t.article_id
               JOIN sentences s ON s.article_id = t.article_id
                    AND t.start >= s.start AND t.start < s."end"
               WHERE {_IN_SPAN} AND t.type = 'DATE' AND length(t.value) = ? AND t.value GLOB ?""",
            (since, until, story, story, length, pattern),
        )
        return [DatedSentenceRow(r[0], r[1], value) for r, (value,) in _dated(rows, 2)]

    def event_mentions(self, since: str, until: str, story: int | None = None) -> list[TLSEventMentionRow]:
        """The mentions of day-dated events in the articles published from ``since`` to ``until``."""
        rows = self.conn.execute(
            f"""SELECT m.event_id, e.date, m.article_id, m.sentence_idx, substr(a.published, 1, 10),
                       COALESCE(a.story_id, a.id)
               FROM event_mentions m JOIN events e ON e.id = m.event_id
               JOIN articles a ON a.id = m.article_id
               WHERE {_IN_SPAN} AND e.granularity = 'day'""",
            (since, until, story, story),
        )
        return [TLSEventMentionRow(r[0], day, r[2], r[3], published, r[5])
                for r, (day, published) in _dated(rows, 1, 4)]

    def span(self) -> tuple[DateValue, DateValue] | None:
        """First and last publication day of the stored articles, or None when none is dated."""
        row = self.conn.execute(
            "SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)) FROM articles"
            " WHERE published IS NOT NULL"
        ).fetchone()
        return (DateValue.parse(row[0]), DateValue.parse(row[1])) if row and row[0] else None


def _dated(
    rows: Iterable[sqlite3.Row], *columns: int
) -> list[tuple[sqlite3.Row, tuple[DateValue, ...]]]:
    """Each row with the values of these columns parsed into DateValues; a row whose value is
    no real date is left out."""
    out = []
    for row in rows:
        parsed = [_date(row[c]) for c in columns]
        dates = tuple(d for d in parsed if d is not None)
        if len(dates) == len(columns):
            out.append((row, dates))
    return out


@lru_cache(maxsize=65536)
def _date(value: str | None) -> DateValue | None:
    """Parsed dates, shared (DateValue is immutable; the rows repeat the same days)."""
    return try_date_value(value)
