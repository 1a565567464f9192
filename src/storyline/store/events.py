"""The event repository: cross-document events as ``link.events`` finds and writes them (candidate
look-up blocked by actor and date, members), one event with its mentions as typed rows, and the
anchors that find an edited event again."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..errors import NotFoundError
from ..types import DateValue, EventMention, PublishedBasis, try_date_value
from .database import chunks

__all__ = ["ActorRow", "EventCandidate", "EventDetail", "EventMentionRow", "EventRepository", "MemberMention"]


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
    sentence: int = 0  # index of its sentence in the article


@dataclass(frozen=True, slots=True)
class ActorRow:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class EventMentionRow:
    """One stored mention of an event: its sentence, offsets, article, outlet and actors."""

    id: int
    article: int
    title: str
    source: str | None
    published: DateValue | None
    published_basis: PublishedBasis
    sentence_idx: int
    start: int
    end: int
    text: str
    date: DateValue | None
    timex: str
    background: bool
    headline: str
    planned: bool
    support: bool
    story: int | None
    url: str | None
    actors: tuple[ActorRow, ...]

    def as_dict(self) -> dict[str, Any]:
        """The row as the JSON-ready mapping of the API (dates stay DateValues)."""
        out = {name: getattr(self, name) for name in self.__slots__}
        out["actors"] = [{"id": a.id, "name": a.name} for a in self.actors]
        return out


@dataclass(frozen=True, slots=True)
class EventDetail:
    """One event with every mention (``EventRepository.get``)."""

    id: int
    date: DateValue | None
    granularity: str
    summary: str
    headline: str
    planned: bool
    mentions: tuple[EventMentionRow, ...]


class EventRepository:
    """The event tables of a store, through the store's connection (implements
    ``link.events.EventStore``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn


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
                      m.headline, m.planned, m.support, a.story_id, m.sentence_idx
               FROM event_mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id = ? ORDER BY m.id""",
            (event_id,),
        ).fetchall()
        return [
            MemberMention(
                r[0], r[1], DateValue.parse(r[2]), bool(r[3]), r[4], bool(r[5]), r[6], bool(r[7]),
                bool(r[8]), r[9], r[10],
            )
            for r in rows
        ]

    def create_event(self, date: DateValue, summary: str, headline: str = "", planned: bool = False) -> int:
        cur = self.conn.execute(
            """INSERT INTO events(date, date_start, date_end, granularity, summary, headline, planned)
               VALUES (?,?,?,?,?,?,?)""",
            (date.value, date.start.isoformat(), date.end.isoformat(), str(date.granularity), summary,
             headline, int(planned)),
        )
        return int(cur.lastrowid or 0)

    def update_event(
        self, event_id: int, date: DateValue, summary: str, headline: str = "", planned: bool = False
    ) -> None:
        self.conn.execute(
            """UPDATE events SET date=?, date_start=?, date_end=?, granularity=?, summary=?, headline=?,
                   planned=? WHERE id=?""",
            (date.value, date.start.isoformat(), date.end.isoformat(), str(date.granularity),
             summary, headline, int(planned), event_id),
        )

    def insert_event_mention(
        self, event_id: int, article_id: int, mention: EventMention, actor_ids: list[int]
    ) -> int:
        d = mention.date
        if d is None:
            raise ValueError("an undated event mention is stored with the date of the event it joins")
        cur = self.conn.execute(
            """INSERT INTO event_mentions(event_id, article_id, sentence_idx, start, "end", text, date,
                   date_start, date_end, granularity, timex, predicate, background, keywords,
                   headline, planned, support)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                event_id, article_id, mention.sentence, mention.start, mention.end, mention.text,
                d.value, d.start.isoformat(), d.end.isoformat(), str(d.granularity), mention.timex,
                mention.predicate, int(mention.background), " ".join(mention.keywords),
                mention.headline, int(mention.planned), int(mention.support),
            ),
        )
        mention_id = int(cur.lastrowid or 0)
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_mention_actors(mention_id, entity_id) VALUES (?,?)",
            [(mention_id, a) for a in actor_ids],
        )
        return mention_id

    # -- the read side: one event with its mentions -------------------------------

    def get(self, event_id: int) -> EventDetail:
        """One event with every mention: sentence, offsets, article, outlet and actors."""
        row = self.conn.execute(
            "SELECT id, date, granularity, summary, headline, planned FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no event with id {event_id}; list them with `storyline timeline`")
        rows = self.conn.execute(
            """SELECT m.id, m.article_id, a.title, a.source, a.published, a.published_basis,
                      m.sentence_idx, m.start, m."end", m.text, m.date, m.timex, m.background,
                      m.headline, m.planned, m.support, a.story_id, a.url
               FROM event_mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id = ? ORDER BY m.support, a.published, m.article_id, m.start""",
            (event_id,),
        ).fetchall()
        actors = self._mention_actors([r[0] for r in rows])
        mentions = tuple(
            EventMentionRow(
                r[0], r[1], r[2], r[3], try_date_value(r[4]), PublishedBasis(r[5] or "unknown"), r[6], r[7],
                r[8], r[9], try_date_value(r[10]), r[11], bool(r[12]), r[13], bool(r[14]), bool(r[15]),
                r[16], r[17], actors[r[0]],
            )
            for r in rows
        )
        return EventDetail(row["id"], try_date_value(row["date"]), row["granularity"], row["summary"],
                           row["headline"], bool(row["planned"]), mentions)

    def _mention_actors(self, mention_ids: list[int]) -> dict[int, tuple[ActorRow, ...]]:
        """Mention id -> its actors by name."""
        out: dict[int, list[ActorRow]] = defaultdict(list)
        for chunk in chunks(mention_ids, 400):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"""SELECT x.mention_id, e.id, e.name FROM event_mention_actors x JOIN entities e
                    ON e.id = x.entity_id WHERE x.mention_id IN ({marks}) ORDER BY x.mention_id, e.name""",
                chunk,
            ):
                out[r[0]].append(ActorRow(r[1], r[2]))
        return {i: tuple(out[i]) for i in mention_ids}

    # -- anchors: what identifies an edited event after re-annotation -------------

    def anchor(self, event_id: int) -> list[list[str]]:
        """[content hash of the article, sentence] of each mention of the event."""
        rows = self.conn.execute(
            """SELECT a.content_hash, m.text FROM event_mentions m JOIN articles a ON a.id = m.article_id
               WHERE m.event_id = ? ORDER BY m.id""",
            (event_id,),
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no event with id {event_id}; list them with `storyline timeline`")
        return [[r[0], r[1]] for r in rows]

    def sharing(self, anchor: list[list[str]]) -> dict[int, int]:
        """Events holding any of these (content hash, sentence) pairs, with how many each holds."""
        counts: dict[int, int] = defaultdict(int)
        for chunk in chunks(anchor, 300):
            clauses = " OR ".join("(a.content_hash = ? AND m.text = ?)" for _ in chunk)
            params = [x for pair in chunk for x in pair]
            for r in self.conn.execute(
                f"""SELECT m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
                    WHERE {clauses}""",
                params,
            ):
                counts[r[0]] += 1
        return dict(counts)

    def existing(self, ids: list[int]) -> set[int]:
        """Those of ``ids`` that are stored events."""
        found: set[int] = set()
        for chunk in chunks(ids, 400):
            marks = ",".join("?" * len(chunk))
            found |= {r[0] for r in self.conn.execute(f"SELECT id FROM events WHERE id IN ({marks})", chunk)}
        return found

    # -- what is new: when each event was first and last reported -----------------

    def report_times(self, ids: list[int]) -> dict[int, tuple[str, str]]:
        """Event id -> (first, last) ``added_at`` of the articles reporting it."""
        out: dict[int, tuple[str, str]] = {}
        for chunk in chunks(ids, 900):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"""SELECT m.event_id, MIN(a.added_at), MAX(a.added_at) FROM event_mentions m
                    JOIN articles a ON a.id = m.article_id WHERE m.event_id IN ({marks})
                    GROUP BY m.event_id""",
                chunk,
            ):
                out[r[0]] = (r[1], r[2])
        return out

    def reported_since(self, moment: str) -> list[int]:
        """Events that an article added at ``moment`` or later reports."""
        rows = self.conn.execute(
            """SELECT DISTINCT m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
               WHERE a.added_at >= ? ORDER BY m.event_id""",
            (moment,),
        ).fetchall()
        return [r[0] for r in rows]

