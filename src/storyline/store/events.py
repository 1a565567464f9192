"""SQL of cross-document events: candidate look-up (blocked by date) and members."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..types import DateValue


@dataclass(frozen=True, slots=True)
class EventCandidate:
    id: int
    date: DateValue
    actors: frozenset[int]
    keywords: frozenset[str]
    articles: frozenset[int]


@dataclass(frozen=True, slots=True)
class MemberMention:
    article_id: int
    text: str
    date: DateValue
    background: bool
    published: str | None


class EventsMixin:
    conn: sqlite3.Connection

    def event_candidates(self, date: DateValue) -> list[EventCandidate]:
        """Events whose span overlaps ``date``'s span (the blocking step)."""
        rows = self.conn.execute(
            "SELECT id, date FROM events WHERE date_start <= ? AND date_end >= ?",
            (date.end.isoformat(), date.start.isoformat()),
        ).fetchall()
        return [self._candidate(r["id"], DateValue.parse(r["date"])) for r in rows]

    def _candidate(self, event_id: int, date: DateValue) -> EventCandidate:
        actors = frozenset(
            r[0]
            for r in self.conn.execute(
                """SELECT DISTINCT a.entity_id FROM event_mention_actors a
                   JOIN event_mentions m ON m.id = a.mention_id WHERE m.event_id = ?""",
                (event_id,),
            )
        )
        keywords: set[str] = set()
        articles: set[int] = set()
        for r in self.conn.execute(
            "SELECT keywords, article_id FROM event_mentions WHERE event_id = ?", (event_id,)
        ):
            keywords.update(r[0].split())
            articles.add(r[1])
        return EventCandidate(event_id, date, actors, frozenset(keywords), frozenset(articles))

    def event_members(self, event_id: int) -> list[MemberMention]:
        rows = self.conn.execute(
            """SELECT m.article_id, m.text, m.date, m.background, a.published
               FROM event_mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id = ? ORDER BY m.id""",
            (event_id,),
        ).fetchall()
        return [
            MemberMention(r[0], r[1], DateValue.parse(r[2]), bool(r[3]), r[4]) for r in rows
        ]
