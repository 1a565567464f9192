"""Read-side queries: one article and its spans, search (as typed rows) and timeline rows."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import lru_cache

from ..errors import NotFoundError, StorylineError
from ..types import DateValue, PublishedBasis, SourceRef, TimelineEvent, TimelineQuery, try_date_value
from .article_rows import (
    ArticleDetail,
    ArticleEntityRow,
    ArticleSpans,
    EntitySpan,
    EventSpan,
    QuoteSpan,
    SearchHit,
    TimexRow,
)
from .database import chunks, in_story
from .quotes import QuoteRepository, QuoteRow

_ALL = TimelineQuery()
# the columns of an ArticleDetail (the MinHash signature is no part of it)
_ARTICLE_COLUMNS = """id, content_hash, raw_sha256, part, path, title, text, source, url, byline, dateline,
    published, published_basis, published_evidence, story_id, added_at"""
# "the article is in story ?" (or no story asked for); takes the story id twice


class QueriesMixin:
    conn: sqlite3.Connection
    quotes: QuoteRepository

    def get_article(self, article_id: int) -> ArticleDetail:
        """One stored article with its timexes, entities and quotes."""
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)  # noqa: S608 (fixed names)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}; list them with `storyline articles`")
        timexes = self.conn.execute(
            'SELECT start, "end", text, type, value, mod, anchor FROM timexes WHERE article_id = ?'
            " ORDER BY start",
            (article_id,),
        )
        entities = self.conn.execute(
            """SELECT a.local_key, a.name AS local_name, e.id AS entity_id, e.name, e.type, a.mentions
               FROM article_entities a JOIN entities e ON e.id = a.entity_id
               WHERE a.article_id = ? ORDER BY a.mentions DESC""",
            (article_id,),
        )
        return _article_detail(
            row, tuple(TimexRow(*r) for r in timexes), tuple(ArticleEntityRow(*r) for r in entities),
            tuple(self.quotes.listing(article_id=article_id)),
        )

    def raw_bytes(self, article_id: int) -> bytes:
        row = self.conn.execute(
            "SELECT r.data FROM raw_inputs r JOIN articles a ON a.raw_sha256 = r.sha256 WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return bytes(row[0])

    def count(self, table: str) -> int:
        if table not in {"articles", "entities", "quotes", "events", "event_mentions", "raw_inputs"}:
            raise StorylineError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def search(self, query: str, limit: int = 20, story: int | None = None) -> list[SearchHit]:
        """Full-text search over sentences (each word quoted), within ``story`` when given."""
        if not fts_query(query):
            return []
        try:
            rows = self.conn.execute(
                f"""SELECT s.article_id AS article, a.title, a.published, s.idx AS sentence_index,
                          s.text AS sentence, bm25(sentences_fts) AS score
                   FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
                   JOIN articles a ON a.id = s.article_id
                   WHERE sentences_fts MATCH ? AND {in_story("s.article_id")}
                   ORDER BY score LIMIT ?""",
                (fts_query(query), story, story, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StorylineError(f"cannot search for {query!r}: {exc}") from exc
        return [SearchHit(r[0], r[1], try_date_value(r[2]), r[3], r[4], r[5]) for r in rows]

    def timeline_events(
        self, query: TimelineQuery = _ALL, entity_ids: list[int] | None = None
    ) -> list[TimelineEvent]:
        """Every event passing the query's filters (its ``limit`` is not applied here), with
        all their source mentions and actors, unranked, in date order. ``entity_ids`` are
        the ids ``query.entity`` names (the caller resolves the name)."""
        return self.events_by_id([row[0] for row in self.event_index(query, entity_ids)])

    # -- for the web UI: one event, one entity, annotation spans, sources --------

    def read_only(self) -> None:
        """Refuse every write on this connection (the web server never writes)."""
        self.conn.execute("PRAGMA query_only = ON")

    def article_spans(self, article_id: int) -> ArticleSpans:
        """Character spans of an article's entity mentions, quotes and event mentions."""
        entities = self.conn.execute(
            """SELECT m.start, m."end", m.text, m.entity_id, e.name, e.type
               FROM entity_mentions m JOIN entities e ON e.id = m.entity_id
               WHERE m.article_id = ? ORDER BY m.start""",
            (article_id,),
        )
        quotes = self.conn.execute(
            """SELECT q.id, q.start, q."end", q.kind, q.cue, COALESCE(e.name, q.speaker_name) AS speaker,
                      q.speaker_entity_id AS speaker_id
               FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id
               WHERE q.article_id = ? ORDER BY q.start""",
            (article_id,),
        )
        events = self.conn.execute(
            'SELECT event_id, start, "end", date FROM event_mentions WHERE article_id = ? ORDER BY start',
            (article_id,),
        )
        return ArticleSpans(
            tuple(EntitySpan(*r) for r in entities), tuple(QuoteSpan(*r) for r in quotes),
            tuple(EventSpan(r[0], r[1], r[2], try_date_value(r[3])) for r in events),
        )

    def event_index(
        self, query: TimelineQuery = _ALL, entity_ids: list[int] | None = None
    ) -> list[tuple[int, DateValue]]:
        """(id, date) of the events passing the query's filters, in date order (start, then
        end, then id: the order of ``timeline.by_date``). Cheap: no sources loaded."""
        since, until, words, source = query.since, query.until, query.query, query.source
        where: list[str] = ["1=1"]
        params: list[str | int] = []
        if since is not None:
            where.append("e.date_end >= ?")
            params.append(since.start.isoformat())
        if until is not None:
            where.append("e.date_start <= ?")
            params.append(until.end.isoformat())
        if entity_ids is not None:
            marks = ",".join("?" * len(entity_ids)) or "NULL"
            where.append(
                f"""e.id IN (SELECT m.event_id FROM event_mentions m
                    JOIN event_mention_actors x ON x.mention_id = m.id WHERE x.entity_id IN ({marks}))"""
            )
            params.extend(entity_ids)
        if words and fts_query(words):  # no words (blank, NULs only): no word filter
            where.append(
                """e.id IN (SELECT m.event_id FROM event_mentions m JOIN sentences s
                    ON s.article_id = m.article_id AND s.idx = m.sentence_idx
                    WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))"""
            )
            params.append(fts_query(words))
        if source is not None:
            where.append(
                """e.id IN (SELECT m.event_id FROM event_mentions m JOIN articles a
                    ON a.id = m.article_id WHERE a.source = ?)"""
            )
            params.append(source)
        if query.story is not None:  # an event belongs to the stories of the articles citing it
            where.append(
                """e.id IN (SELECT m.event_id FROM event_mentions m JOIN story_members s
                    ON s.article_id = m.article_id WHERE s.story_id = ?)"""
            )
            params.append(query.story)
        rows = self.conn.execute(
            f"""SELECT e.id, e.date FROM events e WHERE {' AND '.join(where)}
                ORDER BY e.date_start, e.date_end, e.id""",
            params,
        ).fetchall()
        return [(r[0], _date(r[1])) for r in rows]

    def events_by_id(self, ids: list[int]) -> list[TimelineEvent]:
        """The events with these ids (in this order, unknown ids left out), with sources and actors."""
        found: dict[int, tuple[str, str, str, bool]] = {}
        sources: dict[int, list[SourceRef]] = defaultdict(list)
        actors: dict[int, list[str]] = defaultdict(list)
        stories: dict[int, list[int]] = defaultdict(list)
        for chunk in chunks(ids, 900):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT id, date, summary, headline, planned FROM events WHERE id IN ({marks})", chunk
            ):
                found[r[0]] = (r[1], r[2], r[3], bool(r[4]))
            for r in self.conn.execute(
                f"""SELECT m.event_id, m.article_id, a.title, m.text, a.source, a.published, a.story_id,
                           m.background, a.url, m.date, m.support
                    FROM event_mentions m JOIN articles a ON a.id = m.article_id
                    WHERE m.event_id IN ({marks}) ORDER BY m.support, a.published, m.article_id, m.start""",
                chunk,
            ):
                sources[r[0]].append(
                    SourceRef(r[1], r[2], r[3], r[4], _maybe_date(r[5]), r[6], bool(r[7]), r[8],
                              _maybe_date(r[9]), bool(r[10]))
                )
            for r in self.conn.execute(
                f"""SELECT m.event_id, e.name, COUNT(*) AS n FROM event_mention_actors x
                    JOIN event_mentions m ON m.id = x.mention_id JOIN entities e ON e.id = x.entity_id
                    WHERE m.event_id IN ({marks}) GROUP BY m.event_id, e.id
                    ORDER BY m.event_id, n DESC, e.name""",
                chunk,
            ):
                actors[r[0]].append(r[1])
            for r in self.conn.execute(
                f"""SELECT DISTINCT m.event_id, s.story_id FROM event_mentions m
                    JOIN story_members s ON s.article_id = m.article_id
                    WHERE m.event_id IN ({marks}) ORDER BY m.event_id, s.story_id""",
                chunk,
            ):
                stories[r[0]].append(r[1])
        return [
            TimelineEvent(
                i, _date(found[i][0]), found[i][1], tuple(actors[i]), tuple(sources[i]),
                stories=tuple(stories[i]), headline=found[i][2] or found[i][1], planned=found[i][3],
            )
            for i in ids
            if i in found
        ]

    def ranking_events(self, ids: list[int]) -> list[TimelineEvent]:
        """The events with these ids carrying only what ranking reads (dates, and per source its
        article, outlet, story and background flag; titles, sentences and actors left empty)."""
        found: dict[int, str] = {}
        sources: dict[int, list[SourceRef]] = defaultdict(list)
        for chunk in chunks(ids, 900):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT id, date FROM events WHERE id IN ({marks})", chunk):
                found[r[0]] = r[1]
            for r in self.conn.execute(
                f"""SELECT m.event_id, m.article_id, a.source, a.story_id, m.background
                    FROM event_mentions m JOIN articles a ON a.id = m.article_id
                    WHERE m.event_id IN ({marks})""",
                chunk,
            ):
                sources[r[0]].append(SourceRef(r[1], "", "", r[2], None, r[3], bool(r[4])))
        return [
            TimelineEvent(i, _date(found[i]), "", (), tuple(sources[i])) for i in ids if i in found
        ]


@lru_cache(maxsize=65536)
def _date(value: str) -> DateValue:
    """Parsed event dates, shared (DateValue is immutable; stores repeat the same dates)."""
    return DateValue.parse(value)


def _article_detail(
    row: sqlite3.Row, timexes: tuple[TimexRow, ...], entities: tuple[ArticleEntityRow, ...],
    quotes: tuple[QuoteRow, ...],
) -> ArticleDetail:
    return ArticleDetail(
        id=row["id"], content_hash=row["content_hash"], raw_sha256=row["raw_sha256"], part=row["part"],
        path=row["path"], title=row["title"], text=row["text"], source=row["source"], url=row["url"],
        byline=row["byline"], dateline=row["dateline"], published=try_date_value(row["published"]),
        published_basis=PublishedBasis(row["published_basis"] or "unknown"),
        published_evidence=row["published_evidence"], story_id=row["story_id"], added_at=row["added_at"],
        timexes=timexes, entities=entities, quotes=quotes,
    )


def _maybe_date(value: str | None) -> DateValue | None:
    """A stored date column (publication or mention date) as a DateValue; None when empty."""
    return _date(value) if value else None


def fts_query(text: str) -> str:
    """Quote each word so user text is never parsed as FTS5 syntax (a NUL would end the
    query string in the middle of a quoted word: it separates words here)."""
    words = [w.replace('"', '""') for w in text.replace("\x00", " ").split()]
    return " ".join(f'"{w}"' for w in words if w)

