"""store.edits: the edits table (migration 0005), the edit-only connection, anchors, ingest runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import ConfigError, NotFoundError
from storyline.store import Store
from storyline.store.database import migrations
from storyline.types import EditKind


def test_migration_adds_edits_and_ingest_runs(store: Store) -> None:
    assert any(name == "0005_edits.sql" for _, name, _ in migrations())
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"edits", "ingest_runs"} <= tables


def test_add_list_undo(store: Store) -> None:
    first = store.add_edit(EditKind.EVENT_HIDE, 3, None, "{}", "why")
    second = store.add_edit(EditKind.EVENT_DATE, 3, "2019-06", "{}", None)
    assert [e.id for e in store.list_edits()] == [first, second] and store.has_edits()
    version = store.edits_version()
    undone = store.undo_edit(first)
    assert undone.undone_at is not None and undone.note == "why"
    assert [e.id for e in store.list_edits(active_only=True)] == [second]
    assert store.edits_version() != version
    with pytest.raises(ConfigError, match="already undone"):
        store.undo_edit(first)
    with pytest.raises(NotFoundError, match="storyline edits"):
        store.get_edit(99)


def test_edit_connection_writes_the_edits_table_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "ro.db")
    store.read_only()
    store.open_edit_writer()
    store.add_edit(EditKind.EVENT_PIN, 1, None, "{}", None)  # through the edit connection
    assert len(store.list_edits()) == 1
    writer = store._writer()
    for sql in ("INSERT INTO entities(name, type) VALUES ('x', 'PERSON')", "DELETE FROM articles",
                "UPDATE ingest_runs SET added = 1", "DROP TABLE edits"):
        with pytest.raises(sqlite3.DatabaseError):
            writer.execute(sql)
    with pytest.raises(sqlite3.OperationalError):  # and the main connection writes nothing
        store.conn.execute("INSERT INTO edits(kind, target, anchor, created_at) VALUES ('x', 1, '{}', 'now')")
    store.close()


def test_ingest_runs(store: Store) -> None:
    assert store.last_ingest_start() is None
    run, started = store.start_ingest_run()
    store.finish_ingest_run(run, 0)
    assert store.last_ingest_start() is None  # an add that added nothing does not count
    run, started = store.start_ingest_run()
    store.finish_ingest_run(run, 2)
    assert store.last_ingest_start() == started


def test_unknown_event_has_no_anchor(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.events.anchor(5)
    assert store.events.sharing([["hash", "sentence"]]) == {}
