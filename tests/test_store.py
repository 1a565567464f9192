from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.errors import MigrationError, NotFoundError, StoreError
from storyline.store import Store
from storyline.store.database import migrations
from storyline.types import Article, DateValue, PublishedBasis, RawRecord


def _article(text: str = "Kim met Trump in Singapore on June 12.") -> Article:
    return Article(
        title="A title",
        text=text,
        content_hash=f"hash-{len(text)}",
        raw_sha256="raw1",
        path="a.txt",
        source="Example",
        published=DateValue.parse("2018-09-07"),
        published_basis=PublishedBasis.USER,
    )


def test_new_database_is_migrated_to_latest(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == migrations()[-1][0]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(MigrationError, match="newer"):
        Store(path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "s.db")


def test_article_roundtrip_and_raw_bytes(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_raw(RawRecord("a.txt", b"raw bytes", "raw1", "text"))
            article_id = store.insert_article(_article())
        assert store.has_content("hash-38")
        assert store.raw_bytes(article_id) == b"raw bytes"
        listed = store.articles.listing()
        assert listed[0].published == DateValue.parse("2018-09-07")  # a typed row, a date
        assert listed[0].published_basis is PublishedBasis.USER and listed[0].source == "Example"
        with pytest.raises(NotFoundError):
            store.get_article(article_id + 1)


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_raw(RawRecord("a.txt", b"x", "raw1", "text"))
            store.insert_article(_article())
            raise RuntimeError("killed")
        assert store.count("articles") == 0
        assert store.count("raw_inputs") == 0


def test_search_treats_user_text_as_words(tmp_path: Path) -> None:
    from storyline.types import Sentence

    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_raw(RawRecord("a.txt", b"x", "raw1", "text"))
            article_id = store.insert_article(_article())
            store.insert_sentences(article_id, (Sentence(0, 0, 38, "Kim met Trump in Singapore."),))
        assert store.search("Singapore")[0].article == article_id
        assert store.search('Singapore" OR (') == []


def test_settings_come_from_environment_then_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.errors import ConfigError
    from storyline.settings import SETTINGS, Settings

    assert {s.name for s in SETTINGS} == set(Settings.__dataclass_fields__)
    monkeypatch.setenv("STORYLINE_DB", "env.db")
    monkeypatch.setenv("STORYLINE_BATCH_SIZE", "8")
    assert Settings.load().db == "env.db" and Settings.load().batch_size == 8
    assert Settings.load(db="arg.db").db == "arg.db"
    monkeypatch.setenv("STORYLINE_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="integer"):
        Settings.load()


def test_outlets_are_typed_rows_the_biggest_first(store: Store) -> None:
    from storyline.types import OutletRow

    with store.transaction():
        for i, outlet in enumerate(["Wire", "Herald", "Wire"]):
            article = _article(f"Kim met Moon in Seoul on day {i}.")
            store.insert_article(replace(article, source=outlet, content_hash=f"o{i}", raw_sha256="raw"))
    assert store.articles.sources() == [OutletRow("Wire", 2), OutletRow("Herald", 1)]
