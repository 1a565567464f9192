"""Writes of one article's annotations (called inside a transaction), the record of each ingest
run, and the removal of articles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ..types import Article, DateValue, PublishedBasis, RawRecord, Sentence, Timex, try_date_value
from .database import chunks

__all__ = ["StoredArticle", "WriterMixin"]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What ``add --update`` compares with an article read again: its stored metadata."""

    id: int
    published: DateValue | None
    published_basis: PublishedBasis
    source: str | None
    title: str
    url: str | None
    added_at: str  # when it was first stored, kept when it is read again


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

    # -- ingest runs: when each `add` began and what it added ---------------------

    def start_ingest_run(self) -> tuple[int, str]:
        """Record the start of an ``add``: (run id, when it began)."""
        # to the second, as articles' added_at: an article of this run never sorts before it
        started = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self.conn.execute("INSERT INTO ingest_runs(started_at) VALUES (?)", (started,))
        return int(cur.lastrowid or 0), started

    def finish_ingest_run(self, run_id: int, added: int) -> None:
        self.conn.execute("UPDATE ingest_runs SET added = ? WHERE id = ?", (added, run_id))

    def content_version(self) -> str:
        """Changes whenever an ``add`` ran or rows were added or removed (for caches): a re-read
        article replaces its rows with as many new ones, so counts alone do not tell."""
        row = self.conn.execute(
            """SELECT (SELECT IFNULL(MAX(id), 0) FROM ingest_runs), (SELECT COUNT(*) FROM articles),
                      (SELECT COUNT(*) FROM event_mentions), (SELECT COUNT(*) FROM entities)"""
        ).fetchone()
        return "-".join(str(x) for x in row)

    def last_ingest_start(self) -> str | None:
        """When the latest ``add`` that added articles began."""
        row = self.conn.execute("SELECT MAX(started_at) FROM ingest_runs WHERE added > 0").fetchone()
        return str(row[0]) if row and row[0] else None

    # -- removal: rows go at `storyline gc` (or when an article is re-read) -----

    def delete_article(self, article_id: int) -> None:
        """Delete one article and its annotations (caller holds the transaction); events left
        without any mention go too. Its raw bytes stay until ``gc``."""
        events = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?", (article_id,))]
        self.conn.execute("UPDATE articles SET story_id = NULL WHERE story_id = ? AND id != ?",
                          (article_id, article_id))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        for chunk in chunks(events):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(
                f"""DELETE FROM events WHERE id IN ({marks})
                    AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)""",
                chunk,
            )

    def article_by_hash(self, content_hash: str) -> StoredArticle | None:
        """The stored article of this content hash, if any."""
        row = self.conn.execute(
            """SELECT id, published, published_basis, source, title, url, added_at FROM articles
               WHERE content_hash = ?""",
            (content_hash,),
        ).fetchone()
        if row is None:
            return None
        basis = PublishedBasis(row[2] or "unknown")
        return StoredArticle(row[0], try_date_value(row[1]), basis, row[3], row[4], row[5], row[6])

    def set_added_at(self, article_id: int, added_at: str) -> None:
        """Keep a re-read article's first ``added_at``: it is not new news."""
        self.conn.execute("UPDATE articles SET added_at = ? WHERE id = ?", (added_at, article_id))

    def delete_unreferenced_raw(self) -> int:
        cur = self.conn.execute(
            "DELETE FROM raw_inputs WHERE sha256 NOT IN (SELECT raw_sha256 FROM articles)"
        )
        return int(cur.rowcount)

