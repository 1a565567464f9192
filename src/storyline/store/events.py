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

    def event_candidates(self, date: DateValue, actors: frozenset[int]) -> list[EventCandidate]:
        """Events sharing an actor whose date contains or lies within ``date`` (the blocking
        step: an index look-up per actor, so the cost does not grow with the corpus)."""
        if not actors:
            return []
        marks = ",".join("?" * len(actors))
        start, end = date.start.isoformat(), date.end.isoformat()
        rows = self.conn.execute(
            f"""SELECT DISTINCT e.id, e.date FROM event_mention_actors x
                JOIN event_mentions m ON m.id = x.mention_id JOIN events e ON e.id = m.event_id
                WHERE x.entity_id IN ({marks})
                  AND ((e.date_start <= ? AND e.date_end >= ?) OR (e.date_start >= ? AND e.date_end <= ?))""",
            (*sorted(actors), start, end, start, end),
        ).fetchall()
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        id_marks = ",".join("?" * len(ids))
        event_actors: dict[int, set[int]] = {i: set() for i in ids}
        for r in self.conn.execute(
            f"""SELECT m.event_id, x.entity_id FROM event_mentions m
                JOIN event_mention_actors x ON x.mention_id = m.id WHERE m.event_id IN ({id_marks})""",
            ids,
        ):
            event_actors[r[0]].add(r[1])
        keywords: dict[int, set[str]] = {i: set() for i in ids}
        articles: dict[int, set[int]] = {i: set() for i in ids}
        for r in self.conn.execute(
            f"SELECT event_id, keywords, article_id FROM event_mentions WHERE event_id IN ({id_marks})",
            ids,
        ):
            keywords[r[0]].update(r[1].split())
            articles[r[0]].add(r[2])
        return [
            EventCandidate(
                r["id"], DateValue.parse(r["date"]), frozenset(event_actors[r["id"]]),
                frozenset(keywords[r["id"]]), frozenset(articles[r["id"]]),
            )
            for r in rows
        ]

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
