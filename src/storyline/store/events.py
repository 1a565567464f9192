"""SQL of cross-document events: candidate look-up (blocked by actor and date) and members."""

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
    dated: bool = True  # False: an undated reference stored with its event's date
    headline: str = ""
    planned: bool = False
    support: bool = False  # evidence from a subordinate clause, not a report of the event
    story: int | None = None  # near-duplicate group of its article


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
            f"""SELECT DISTINCT e.id FROM event_mention_actors x
                JOIN event_mentions m ON m.id = x.mention_id JOIN events e ON e.id = m.event_id
                WHERE x.entity_id IN ({marks})
                  AND ((e.date_start <= ? AND e.date_end >= ?) OR (e.date_start >= ? AND e.date_end <= ?))""",
            (*sorted(actors), start, end, start, end),
        ).fetchall()
        return self._load_candidates([r["id"] for r in rows])

    def events_at_places(self, places: frozenset[int], until: str, limit: int) -> list[EventCandidate]:
        """Events that had one of ``places`` among their actors and began by ``until``: the
        candidates of an undated reference ("the Hanoi summit"). At most ``limit`` of them."""
        if not places:
            return []
        marks = ",".join("?" * len(places))
        rows = self.conn.execute(
            f"""SELECT DISTINCT e.id FROM event_mention_actors x
                JOIN event_mentions m ON m.id = x.mention_id JOIN events e ON e.id = m.event_id
                WHERE x.entity_id IN ({marks}) AND e.date_start <= ? LIMIT ?""",
            (*sorted(places), until, limit),
        ).fetchall()
        return self._load_candidates([r["id"] for r in rows])

    def _load_candidates(self, ids: list[int]) -> list[EventCandidate]:
        if not ids:
            return []
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
        dates = dict(
            self.conn.execute(f"SELECT id, date FROM events WHERE id IN ({id_marks})", ids).fetchall()
        )
        return [
            EventCandidate(
                i, DateValue.parse(dates[i]), frozenset(event_actors[i]),
                frozenset(keywords[i]), frozenset(articles[i]),
            )
            for i in ids
        ]

    def event_members(self, event_id: int) -> list[MemberMention]:
        rows = self.conn.execute(
            """SELECT m.article_id, m.text, m.date, m.background, a.published, m.timex != '',
                      m.headline, m.planned, m.support, a.story_id
               FROM event_mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id = ? ORDER BY m.id""",
            (event_id,),
        ).fetchall()
        return [
            MemberMention(
                r[0], r[1], DateValue.parse(r[2]), bool(r[3]), r[4], bool(r[5]), r[6], bool(r[7]),
                bool(r[8]), r[9],
            )
            for r in rows
        ]
