"""The article repository: the article and outlet listings, as typed rows."""

from __future__ import annotations

import sqlite3

from ..types import ArticleRow, OutletRow, PublishedBasis, try_date_value

__all__ = ["ArticleRepository"]


class ArticleRepository:
    """The stored articles as listings show them, through the store's connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def listing(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        """Stored articles by publication date (undated first), then id."""
        rows = self.conn.execute(
            """SELECT id, title, source, published, published_basis, path, url, part, story_id
               FROM articles ORDER BY COALESCE(published, ''), id LIMIT ? OFFSET ?""",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [
            ArticleRow(r["id"], r["title"], r["source"], try_date_value(r["published"]),
                       PublishedBasis(r["published_basis"] or "unknown"), r["path"], r["url"], r["part"],
                       r["story_id"])
            for r in rows
        ]

    def sources(self) -> list[OutletRow]:
        """Outlets with their article counts, the biggest first."""
        rows = self.conn.execute(
            """SELECT source, COUNT(*) AS articles FROM articles WHERE source IS NOT NULL
               GROUP BY source ORDER BY articles DESC, source"""
        ).fetchall()
        return [OutletRow(r[0], r[1]) for r in rows]
