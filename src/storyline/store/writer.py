"""Writes of one article's annotations. Called inside a transaction."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from ..types import Article, DateValue, EventMention, Quote, RawRecord, Sentence, Timex


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class WriterMixin:
    conn: sqlite3.Connection

    def has_content(self, content_hash: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def has_raw(self, sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM raw_inputs WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add_raw(self, record: RawRecord) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO raw_inputs(sha256, path, kind, data, read_at) VALUES (?,?,?,?,?)",
            (record.sha256, record.path, record.kind, record.data, _now()),
        )

    def insert_article(self, article: Article, minhash: bytes | None = None) -> int:
        cur = self.conn.execute(
            """INSERT INTO articles(content_hash, raw_sha256, part, path, title, text, source, url,
                   byline, dateline, published, published_basis, published_evidence, minhash, added_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article.content_hash,
                article.raw_sha256,
                article.part,
                article.path,
                article.title,
                article.text,
                article.source,
                article.url,
                article.byline,
                article.dateline,
                article.published.value if article.published else None,
                str(article.published_basis),
                article.published_evidence,
                minhash,
                _now(),
            ),
        )
        article_id = int(cur.lastrowid or 0)
        self.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (article_id, article_id))
        return article_id

    def minhash_signatures(self) -> list[tuple[int, bytes]]:
        """(article id, MinHash signature) of every stored article that has one."""
        rows = self.conn.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL")
        return [(r[0], bytes(r[1])) for r in rows]

    def story_of(self, article_id: int) -> int:
        row = self.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return int(row[0]) if row and row[0] is not None else article_id

    def set_story(self, article_id: int, story_id: int) -> None:
        self.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def insert_sentences(self, article_id: int, sentences: tuple[Sentence, ...]) -> None:
        self.conn.executemany(
            'INSERT INTO sentences(article_id, idx, start, "end", text) VALUES (?,?,?,?,?)',
            [(article_id, s.index, s.start, s.end, s.text) for s in sentences],
        )

    def insert_timexes(self, article_id: int, timexes: tuple[Timex, ...]) -> None:
        self.conn.executemany(
            """INSERT INTO timexes(article_id, start, "end", text, type, value, mod, anchor)
               VALUES (?,?,?,?,?,?,?,?)""",
            [(article_id, t.start, t.end, t.text, t.type, t.value, t.mod, t.anchor) for t in timexes],
        )

    def insert_quote(self, article_id: int, quote: Quote, speaker_entity_id: int | None) -> None:
        self.conn.execute(
            """INSERT INTO quotes(article_id, start, "end", text, cue, kind, speaker_name,
                   speaker_entity_id, sentence_idx, date, cue_class) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article_id,
                quote.start,
                quote.end,
                quote.text,
                quote.cue,
                quote.kind,
                quote.speaker,
                speaker_entity_id,
                quote.sentence,
                quote.date.value if quote.date else None,
                quote.cue_class,
            ),
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
                event_id,
                article_id,
                mention.sentence,
                mention.start,
                mention.end,
                mention.text,
                d.value,
                d.start.isoformat(),
                d.end.isoformat(),
                str(d.granularity),
                mention.timex,
                mention.predicate,
                int(mention.background),
                " ".join(mention.keywords),
                mention.headline,
                int(mention.planned),
                int(mention.support),
            ),
        )
        mention_id = int(cur.lastrowid or 0)
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_mention_actors(mention_id, entity_id) VALUES (?,?)",
            [(mention_id, a) for a in actor_ids],
        )
        return mention_id

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
