"""SQL of the user's edits, the anchors that find their targets again, ingest runs and gc."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from ..errors import ConfigError, NotFoundError
from ..types import Edit, EditKind

__all__ = ["EditsMixin"]

_WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _only_edits(action: int, table: str | None, *_: Any) -> int:
    """Authorizer of the edit connection: it may write to the edits table and nowhere else."""
    if action in _WRITES and table not in ("edits", "sqlite_sequence"):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _chunks(items: list[Any], size: int = 400) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class EditsMixin:
    conn: sqlite3.Connection
    path: str
    _edit_conn: sqlite3.Connection | None = None

    # -- the edit log ------------------------------------------------------------

    def open_edit_writer(self) -> None:
        """A second connection that may write the edits table only (for a read-only server)."""
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.set_authorizer(_only_edits)
        self._edit_conn = conn

    def _writer(self) -> sqlite3.Connection:
        return self._edit_conn or self.conn

    def add_edit(self, kind: EditKind, target: int, value: str | None, anchor: str, note: str | None) -> int:
        cur = self._writer().execute(
            "INSERT INTO edits(kind, target, value, anchor, note, created_at) VALUES (?,?,?,?,?,?)",
            (str(kind), target, value, anchor, note, _now()),
        )
        return int(cur.lastrowid or 0)

    def list_edits(self, active_only: bool = False) -> list[Edit]:
        rows = self.conn.execute(
            "SELECT * FROM edits WHERE (? = 0 OR undone_at IS NULL) ORDER BY id", (int(active_only),)
        ).fetchall()
        return [_edit(r) for r in rows]

    def get_edit(self, edit_id: int) -> Edit:
        row = self.conn.execute("SELECT * FROM edits WHERE id = ?", (edit_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no edit number {edit_id}; list them with `storyline edits`")
        return _edit(row)

    def undo_edit(self, edit_id: int) -> Edit:
        edit = self.get_edit(edit_id)
        if edit.undone_at is not None:
            raise ConfigError(f"edit {edit_id} was already undone")
        self._writer().execute("UPDATE edits SET undone_at = ? WHERE id = ?", (_now(), edit_id))
        return self.get_edit(edit_id)

    def has_edits(self) -> bool:
        return self.conn.execute("SELECT 1 FROM edits WHERE undone_at IS NULL LIMIT 1").fetchone() is not None

    def edits_version(self) -> str:
        """Changes whenever an edit is made or undone (for caches)."""
        row = self.conn.execute("SELECT COUNT(*), MAX(id), MAX(undone_at) FROM edits").fetchone()
        return f"{row[0]}-{row[1]}-{row[2]}"

    def article_hashes(self, ids: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", chunk):
                out[r[0]] = r[1]
        return out

    def articles_with_hashes(self, hashes: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in _chunks(hashes):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT id, content_hash FROM articles WHERE content_hash IN ({marks})", chunk
            ):
                out[r[1]] = r[0]
        return out

    def edits_since(self, moment: str) -> list[Edit]:
        rows = self.conn.execute(
            "SELECT * FROM edits WHERE undone_at IS NULL AND created_at >= ? ORDER BY id", (moment,)
        ).fetchall()
        return [_edit(r) for r in rows]

    def start_ingest_run(self) -> tuple[int, str]:
        """Record the start of an ``add``: (run id, when it began)."""
        # to the second, as articles' added_at: an article of this run never sorts before it
        started = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self.conn.execute("INSERT INTO ingest_runs(started_at) VALUES (?)", (started,))
        return int(cur.lastrowid or 0), started

    def finish_ingest_run(self, run_id: int, added: int) -> None:
        self.conn.execute("UPDATE ingest_runs SET added = ? WHERE id = ?", (added, run_id))

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
        for chunk in _chunks(events):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(
                f"""DELETE FROM events WHERE id IN ({marks})
                    AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)""",
                chunk,
            )

    def article_by_hash(self, content_hash: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            """SELECT id, published, published_basis, source, title, url, added_at FROM articles
               WHERE content_hash = ?""",
            (content_hash,),
        ).fetchone()
        return dict(row) if row else None

    def set_added_at(self, article_id: int, added_at: str) -> None:
        """Keep a re-read article's first ``added_at``: it is not new news."""
        self.conn.execute("UPDATE articles SET added_at = ? WHERE id = ?", (added_at, article_id))

    def delete_unreferenced_raw(self) -> int:
        cur = self.conn.execute(
            "DELETE FROM raw_inputs WHERE sha256 NOT IN (SELECT raw_sha256 FROM articles)"
        )
        return int(cur.rowcount)


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
