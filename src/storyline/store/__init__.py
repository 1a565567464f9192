"""store: the SQLite store (WAL, FTS5, numbered migrations). All SQL lives here."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from .database import connect, transaction
from .entities import EntitiesMixin, RegistryEntity
from .events import EventCandidate, EventsMixin, MemberMention
from .queries import QueriesMixin, TLSQueriesMixin
from .stories import StoriesMixin
from .writer import WriterMixin

__all__ = ["EventCandidate", "MemberMention", "RegistryEntity", "Store"]


class Store(WriterMixin, EntitiesMixin, EventsMixin, StoriesMixin, QueriesMixin, TLSQueriesMixin):
    """A storyline database. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """``read_only``: open an existing store without writing anything (a missing file is
        an error, not a new store)."""
        self.path = str(path)
        self.conn: sqlite3.Connection = connect(path, read_only)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with transaction(self.conn):
            yield self

    def close(self) -> None:
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
