"""The edit repository: the user's edits, on their own connection when the server may write
nothing else, and the article look-ups by content hash that anchor an edit to its target."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from ..errors import ConfigError, NotFoundError
from ..types import Edit, EditKind
from .database import chunks

__all__ = ["EditRepository"]

_WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _only_edits(action: int, table: str | None, *_: Any) -> int:
    """Authorizer of the edit connection: it may write to the edits table and nowhere else."""
    if action in _WRITES and table not in ("edits", "sqlite_sequence"):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK



class EditRepository:
    """The edits table of a store, read through the store's connection and written through it
    too, or through a connection of its own after ``open_writer``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._edit_conn: sqlite3.Connection | None = None

    def open_writer(self) -> None:
        """A second connection that may write the edits table only (for a read-only server)."""
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.set_authorizer(_only_edits)
        self._edit_conn = conn

    def close(self) -> None:
        """Close the edit connection, if one was opened (the store closes its own)."""
        if self._edit_conn is not None:
            self._edit_conn.close()
            self._edit_conn = None

    def _writer(self) -> sqlite3.Connection:
        return self._edit_conn or self.conn

    # -- the edit log ------------------------------------------------------------

    def add(self, kind: EditKind, target: int, value: str | None, anchor: str, note: str | None) -> int:
        cur = self._writer().execute(
            "INSERT INTO edits(kind, target, value, anchor, note, created_at) VALUES (?,?,?,?,?,?)",
            (str(kind), target, value, anchor, note, _now()),
        )
        return int(cur.lastrowid or 0)

    def listing(self, active_only: bool = False) -> list[Edit]:
        """Every edit (or those not undone), oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM edits WHERE (? = 0 OR undone_at IS NULL) ORDER BY id", (int(active_only),)
        ).fetchall()
        return [_edit(r) for r in rows]

    def get(self, edit_id: int) -> Edit:
        row = self.conn.execute("SELECT * FROM edits WHERE id = ?", (edit_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no edit number {edit_id}; list them with `storyline edits`")
        return _edit(row)

    def undo(self, edit_id: int) -> Edit:
        edit = self.get(edit_id)
        if edit.undone_at is not None:
            raise ConfigError(f"edit {edit_id} was already undone")
        self._writer().execute("UPDATE edits SET undone_at = ? WHERE id = ?", (_now(), edit_id))
        return self.get(edit_id)

    def has_active(self) -> bool:
        return self.conn.execute("SELECT 1 FROM edits WHERE undone_at IS NULL LIMIT 1").fetchone() is not None

    def version(self) -> str:
        """Changes whenever an edit is made or undone (for caches)."""
        row = self.conn.execute("SELECT COUNT(*), MAX(id), MAX(undone_at) FROM edits").fetchone()
        return f"{row[0]}-{row[1]}-{row[2]}"

    def since(self, moment: str) -> list[Edit]:
        """The edits made at ``moment`` or later and not undone."""
        rows = self.conn.execute(
            "SELECT * FROM edits WHERE undone_at IS NULL AND created_at >= ? ORDER BY id", (moment,)
        ).fetchall()
        return [_edit(r) for r in rows]

    # -- anchors: an edited article is found again by its content hash ----------

    def article_hashes(self, ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for chunk in chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", chunk):
                out[r[0]] = r[1]
        return out

    def articles_with_hashes(self, hashes: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in chunks(hashes):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT id, content_hash FROM articles WHERE content_hash IN ({marks})", chunk
            ):
                out[r[1]] = r[0]
        return out


def _edit(row: sqlite3.Row) -> Edit:
    return Edit(
        id=row["id"],
        kind=EditKind(row["kind"]),
        target=row["target"],
        value=row["value"],
        created_at=datetime.fromisoformat(row["created_at"]),
        note=row["note"],
        anchor=row["anchor"],
        undone_at=datetime.fromisoformat(row["undone_at"]) if row["undone_at"] else None,
    )


def anchor_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
