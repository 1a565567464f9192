"""Connection, numbered migrations and transactions for the SQLite store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from ..errors import MigrationError, StoreError

MIGRATIONS_PACKAGE = "storyline.store.migrations"


T = TypeVar("T")


def chunks(items: Sequence[T], size: int = 400) -> list[list[T]]:
    """``items`` in runs of at most ``size``: SQLite caps the parameters of one statement."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def in_story(article: str) -> str:
    """SQL keeping the rows whose ``article`` column is in story ``?`` (every row when it is NULL);
    it takes the story id twice."""
    return f"(? IS NULL OR {article} IN (SELECT article_id FROM story_members WHERE story_id = ?))"


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every ``NNNN_name.sql`` file, in order."""
    found = []
    for item in resources.files(MIGRATIONS_PACKAGE).iterdir():
        name = item.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, item.read_text(encoding="utf-8")))
    return sorted(found)


def connect(path: str | Path, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``; with ``read_only``,
    open an existing one without writing anything (see ``connect_read_only``)."""
    if read_only:
        return connect_read_only(path)
    target = Path(path)
    if str(path) != ":memory:" and not target.parent.exists():
        raise StoreError(f"folder {target.parent} does not exist; create it or choose another --db")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open {path} as a storyline database: {exc}") from exc
    migrate(conn)
    return conn


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open an existing database for reading only: ``mode=ro``, or ``immutable=1`` where even
    that cannot work (a read-only mount, where SQLite cannot create the WAL index).
    Nothing is created, set or migrated; a missing file is an error, not a new store."""
    target = Path(path)
    if not target.is_file():
        raise StoreError(
            f"no database at {path}; check --db, or create one with `storyline --db {path} add FOLDER`"
        )
    uri = "file:" + quote(str(target.resolve()))
    try:
        conn = _open_uri(uri + "?mode=ro")
    except sqlite3.DatabaseError:
        try:
            conn = _open_uri(uri + "?immutable=1")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path} as a storyline database: {exc}") from exc
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    known = migrations()
    latest = known[-1][0] if known else 0
    if version != latest:
        conn.close()
        newer = version > latest
        raise MigrationError(
            f"database {path} has schema version {version}, this storyline reads {latest}; "
            + ("upgrade storyline" if newer else "run a writing command (storyline add) once to upgrade it")
        )
    return conn


def _open_uri(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails here if unreadable
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations, each in its own transaction. Returns the schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    known = migrations()
    latest = known[-1][0] if known else 0
    if version > latest:
        raise MigrationError(
            f"database schema version {version} is newer than this storyline ({latest}); upgrade storyline"
        )
    for number, name, sql in known:
        if number <= version:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            conn.execute("ROLLBACK")
            raise MigrationError(f"migration {name} failed: {exc}") from exc
        version = number
    return version


def _statements(sql: str) -> Iterator[str]:
    """Split a migration script into complete statements (triggers contain ';')."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite has rolled back already after some errors (SQLITE_FULL, SQLITE_IOERR); a
        # second ROLLBACK would fail and hide the error that matters
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
