"""``Store``: one SQLite connection, shared by the repositories (``articles``, ``entities``,
``events``, ``stories``, ``quotes``, ``edits``, ``tls``) and carrying the methods of the parts of the
store that are still mixins (writer, read-side queries)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from .articles import ArticleRepository
from .database import connect, transaction
from .edits import EditRepository
from .entities import EntityRepository
from .events import EventRepository
from .queries import QueriesMixin
from .quotes import QuoteRepository
from .stories import StoryRepository
from .tls import TLSRepository
from .writer import WriterMixin

__all__ = ["Store"]


class Store(WriterMixin, QueriesMixin):
    """A storyline database. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """``read_only``: open an existing store without writing anything (a missing file is
        an error, not a new store)."""
        self.path = str(path)
        self.conn: sqlite3.Connection = connect(path, read_only)
        self.articles = ArticleRepository(self.conn)
        self.entities = EntityRepository(self.conn)
        self.events = EventRepository(self.conn)
        self.stories = StoryRepository(self.conn)
        self.edits = EditRepository(self.conn, self.path)
        self.quotes = QuoteRepository(self.conn)
        self.tls = TLSRepository(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with transaction(self.conn):
            yield self

    def close(self) -> None:
        self.edits.close()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
