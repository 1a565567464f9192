"""The story repository: membership, the clustering's centroids and document frequencies, the
near-duplicate groups re-clustering follows, and the listings, as typed rows.

Tables (migration 0003): ``stories``, ``story_members`` (one story per article),
``story_terms`` (each story's centroid) and ``story_df``. An event belongs to the stories
of the articles citing it, found by a join. ``articles.story_id`` is something else: the
near-duplicate group.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import NotFoundError
from ..types import DateValue, Story, try_date_value
from .database import chunks

__all__ = ["StoryMember", "StoryOverlap", "StoryRepository"]

_STORY_ROWS = """SELECT s.id, s.label, s.first_published, s.last_published,
                        COUNT(m.article_id) AS articles, COUNT(DISTINCT a.source) AS outlets
                 FROM stories s JOIN story_members m ON m.story_id = s.id
                 JOIN articles a ON a.id = m.article_id"""


@dataclass(frozen=True, slots=True)
class StoryOverlap:
    """What the clustering compares an article with: the story's centroid weights of the
    article's terms, the lengths of the centroid's word and entity parts, and its span."""

    weights: dict[str, float]
    word_norm: float
    entity_norm: float
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class StoryMember:
    """A member article of a story as its listing shows it, with its similarity to the story
    when it joined."""

    id: int
    title: str
    source: str | None
    published: DateValue | None
    similarity: float

    def as_dict(self) -> dict[str, Any]:
        """The row as the listing's JSON-ready mapping (dates stay DateValues)."""
        return {name: getattr(self, name) for name in self.__slots__}


class StoryRepository:
    """The stories of a store, through the store's connection: what ``link.stories`` reads and
    writes (its ``StoryStore`` and ``StoredStoryStore``) and the story listings."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- what the clustering reads -------------------------------------------------

    def story_documents(self) -> int:
        """How many articles have been clustered (the N of the IDF)."""
        return int(self.conn.execute("SELECT COUNT(*) FROM story_members").fetchone()[0])

    def story_dfs(self, terms: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in chunks(terms, 900):
            marks = ",".join("?" * len(chunk))
            found.update(self.conn.execute(f"SELECT term, df FROM story_df WHERE term IN ({marks})", chunk))
        return found

    def stories_with_term(self, term: str, limit: int) -> list[int]:
        """The ``limit`` stories weighing ``term`` most (the blocking step of assignment)."""
        rows = self.conn.execute(
            "SELECT story_id FROM story_terms WHERE term = ? ORDER BY weight DESC LIMIT ?", (term, limit)
        )
        return [r[0] for r in rows]

    def story_overlaps(self, story_ids: list[int], terms: list[str]) -> dict[int, StoryOverlap]:
        """Per story: its weights of ``terms``, the lengths of its centroid's word and entity
        parts, and its span."""
        out: dict[int, StoryOverlap] = {}
        if not story_ids:
            return out
        weights: dict[int, dict[str, float]] = defaultdict(dict)
        id_marks, term_marks = ",".join("?" * len(story_ids)), ",".join("?" * len(terms))
        for r in self.conn.execute(
            f"""SELECT story_id, term, weight FROM story_terms
                WHERE story_id IN ({id_marks}) AND term IN ({term_marks})""",
            (*story_ids, *terms),
        ):
            weights[r[0]][r[1]] = r[2]
        for r in self.conn.execute(
            f"""SELECT s.id, s.first_published, s.last_published,
                       SUM(CASE WHEN t.term GLOB 'e:*' THEN 0 ELSE t.weight * t.weight END),
                       SUM(CASE WHEN t.term GLOB 'e:*' THEN t.weight * t.weight ELSE 0 END)
                FROM stories s JOIN story_terms t ON t.story_id = s.id
                WHERE s.id IN ({id_marks}) GROUP BY s.id""",
            story_ids,
        ):
            out[r[0]] = StoryOverlap(weights[r[0]], (r[3] or 0.0) ** 0.5, (r[4] or 0.0) ** 0.5, r[1], r[2])
        return out

    # -- what the clustering writes ------------------------------------------------

    def add_story_dfs(self, terms: list[str]) -> None:
        self.conn.executemany(
            "INSERT INTO story_df(term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(t,) for t in terms],
        )

    def create_story(self) -> int:
        cur = self.conn.execute(
            "INSERT INTO stories(label, created_at) VALUES ('', ?)",
            (datetime.now(UTC).isoformat(timespec="seconds"),),
        )
        return int(cur.lastrowid or 0)

    def add_story_member(
        self, story_id: int, article_id: int, similarity: float, vector: dict[str, tuple[str, float]],
        keep_terms: int,
    ) -> None:
        """Put the article in the story, add its vector to the centroid (keeping the
        ``keep_terms`` heaviest terms), and refresh the story's norm, span and label."""
        conn = self.conn
        conn.execute(
            "INSERT INTO story_members(article_id, story_id, similarity) VALUES (?,?,?)",
            (article_id, story_id, similarity),
        )
        conn.executemany(
            """INSERT INTO story_terms(story_id, term, word, weight) VALUES (?,?,?,?)
               ON CONFLICT(story_id, term) DO UPDATE SET weight = weight + excluded.weight""",
            [(story_id, t, word, w) for t, (word, w) in vector.items()],
        )
        conn.execute(
            """DELETE FROM story_terms WHERE story_id = ? AND term NOT IN
               (SELECT term FROM story_terms WHERE story_id = ? ORDER BY weight DESC LIMIT ?)""",
            (story_id, story_id, keep_terms),
        )
        self.refresh_story(story_id)

    def refresh_story(self, story_id: int, label_terms: int = 3) -> None:
        """Recompute a story's norm, span and label from its members and centroid (call it
        after moving articles between stories)."""
        conn = self.conn
        norm = conn.execute(
            "SELECT COALESCE(SUM(weight * weight), 0) FROM story_terms WHERE story_id = ?", (story_id,)
        ).fetchone()[0]
        top = conn.execute(
            "SELECT term, word FROM story_terms WHERE story_id = ? ORDER BY weight DESC, term LIMIT 40",
            (story_id,),
        ).fetchall()
        names = [r[1] for r in top if r[0].startswith("e:")][:label_terms]
        named = {w for n in names for w in n.lower().split()}
        words = [r[1] for r in top if not r[0].startswith("e:") and r[1] not in named][:label_terms]
        span = conn.execute(
            """SELECT MIN(a.published), MAX(a.published) FROM story_members m
               JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?""",
            (story_id,),
        ).fetchone()
        conn.execute(
            "UPDATE stories SET norm = ?, label = ?, first_published = ?, last_published = ? WHERE id = ?",
            (norm**0.5, "; ".join(x for x in (", ".join(names), ", ".join(words)) if x),
             span[0], span[1], story_id),
        )

    def clear_stories(self) -> None:
        """Forget every story (before re-clustering the whole store)."""
        for table in ("story_members", "story_terms", "story_df", "stories"):
            self.conn.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)

    # -- what re-clustering reads ---------------------------------------------------

    def articles_without_story(self) -> list[int]:
        """Ids of the articles in no story, in publication order."""
        rows = self.conn.execute(
            """SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
               WHERE m.article_id IS NULL ORDER BY COALESCE(a.published, ''), a.id"""
        )
        return [r[0] for r in rows]

    def story_material(
        self, article_id: int
    ) -> tuple[str, str, str | None, list[tuple[int, str, int]], int]:
        """(title, text, published, [(entity id, name, mentions)], part) of a stored article
        (part: its index among the stories of the page it came from)."""
        row = self.conn.execute(
            "SELECT title, text, published, part FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        entities = self.conn.execute(
            """SELECT a.entity_id, e.name, SUM(a.mentions) FROM article_entities a
               JOIN entities e ON e.id = a.entity_id WHERE a.article_id = ? GROUP BY a.entity_id""",
            (article_id,),
        ).fetchall()
        return row[0], row[1], row[2], [(r[0], r[1], r[2]) for r in entities], row[3]

    def story_centroid(self, story_id: int, limit: int = 100) -> dict[str, float]:
        """The heaviest word terms (stems) of a story's centroid, with their weights."""
        rows = self.conn.execute(
            """SELECT term, weight FROM story_terms WHERE story_id = ? AND term NOT LIKE 'e:%'
               ORDER BY weight DESC LIMIT ?""",
            (story_id, limit),
        )
        return {r[0]: r[1] for r in rows}

    def story_of(self, article_id: int) -> int:
        """The article's near-duplicate group: the id of the first article it copies (else its own)."""
        row = self.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return int(row[0]) if row and row[0] is not None else article_id

    def set_story(self, article_id: int, story_id: int) -> None:
        """Put the article in the near-duplicate group ``story_id``."""
        self.conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))

    def story_of_article(self, article_id: int) -> int | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        return int(row[0]) if row else None

    # -- listings -------------------------------------------------------------------

    def list_stories(self, limit: int | None = None) -> list[Story]:
        """Stories, the biggest first (ties: the most outlets, then the oldest)."""
        rows = self.conn.execute(
            f"""{_STORY_ROWS} GROUP BY s.id ORDER BY articles DESC, outlets DESC, s.id LIMIT ?""",
            (-1 if limit is None else limit,),
        ).fetchall()
        return [_story(r) for r in rows]

    def get_story(self, story_id: int) -> Story:
        row = self.conn.execute(f"{_STORY_ROWS} WHERE s.id = ? GROUP BY s.id", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story with id {story_id}; list them with `storyline stories`")
        return _story(row)

    def story_articles(self, story_id: int) -> list[StoryMember]:
        """The member articles of a story, by publication date."""
        rows = self.conn.execute(
            """SELECT a.id, a.title, a.source, a.published, m.similarity FROM story_members m
               JOIN articles a ON a.id = m.article_id WHERE m.story_id = ?
               ORDER BY COALESCE(a.published, ''), a.id""",
            (story_id,),
        ).fetchall()
        return [StoryMember(r[0], r[1], r[2], try_date_value(r[3]), r[4]) for r in rows]


def _story(row: sqlite3.Row) -> Story:
    return Story(
        id=row["id"], label=row["label"], first=_day(row["first_published"]),
        last=_day(row["last_published"]), articles=row["articles"], outlets=row["outlets"],
    )


def _day(value: str | None) -> DateValue | None:
    return try_date_value(value[:10] if value else None)

