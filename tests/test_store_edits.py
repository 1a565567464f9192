"""store.edits: the edit repository (the edits table of migration 0005), the edit-only
connection, the article look-ups that anchor edits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import ConfigError, NotFoundError
from storyline.store import Store
from storyline.store.database import migrations
from storyline.types import Article, DateValue, EditKind, PublishedBasis


def test_migration_adds_edits_and_ingest_runs(store: Store) -> None:
    assert any(name == "0005_edits.sql" for _, name, _ in migrations())
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"edits", "ingest_runs"} <= tables


def test_add_list_undo(store: Store) -> None:
    first = store.edits.add(EditKind.EVENT_HIDE, 3, None, "{}", "why")
    second = store.edits.add(EditKind.EVENT_DATE, 3, "2019-06", "{}", None)
    assert [e.id for e in store.edits.listing()] == [first, second] and store.edits.has_active()
    version = store.edits.version()
    undone = store.edits.undo(first)
    assert undone.undone_at is not None and undone.note == "why"
    assert [e.id for e in store.edits.listing(active_only=True)] == [second]
    assert store.edits.version() != version
    with pytest.raises(ConfigError, match="already undone"):
        store.edits.undo(first)
    with pytest.raises(NotFoundError, match="storyline edits"):
        store.edits.get(99)


def test_edit_connection_writes_the_edits_table_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "ro.db")
    store.read_only()
    store.edits.open_writer()
    store.edits.add(EditKind.EVENT_PIN, 1, None, "{}", None)  # through the edit connection
    assert len(store.edits.listing()) == 1
    writer = store.edits._writer()
    for sql in ("INSERT INTO entities(name, type) VALUES ('x', 'PERSON')", "DELETE FROM articles",
                "UPDATE ingest_runs SET added = 1", "DROP TABLE edits"):
        with pytest.raises(sqlite3.DatabaseError):
            writer.execute(sql)
    with pytest.raises(sqlite3.OperationalError):  # and the main connection writes nothing
        store.conn.execute("INSERT INTO edits(kind, target, anchor, created_at) VALUES ('x', 1, '{}', 'now')")
    store.close()


def test_edits_since_leave_out_older_and_undone_ones(store: Store) -> None:
    old = store.edits.add(EditKind.EVENT_HIDE, 1, None, "{}", None)
    moment = store.edits.get(old).created_at.isoformat()
    undone = store.edits.add(EditKind.EVENT_PIN, 2, None, "{}", None)
    kept = store.edits.add(EditKind.EVENT_DATE, 3, "2019-06", "{}", "the article says June")
    store.edits.undo(undone)
    assert [e.id for e in store.edits.since(moment)] == [old, kept]
    assert store.edits.since("9999") == []


def test_articles_are_found_again_by_content_hash(store: Store) -> None:
    article = Article(title="Trump and Kim meet in Hanoi", text="Trump met Kim in Hanoi on Wednesday.",
                      content_hash="hanoi-1", raw_sha256="raw", path="hanoi.txt",
                      published=DateValue.parse("2019-02-27"), published_basis=PublishedBasis.USER)
    with store.transaction():
        article_id = store.insert_article(article)
    assert store.edits.article_hashes([article_id, 99]) == {article_id: "hanoi-1"}
    assert store.edits.articles_with_hashes(["hanoi-1", "gone"]) == {"hanoi-1": article_id}


def test_closing_the_edit_connection_twice_is_harmless(tmp_path: Path) -> None:
    store = Store(tmp_path / "e.db")
    store.edits.open_writer()
    store.edits.close()
    store.close()  # closes the edit connection again: nothing left to close
