"""Quotes through the store (``store.quotes``: typed rows, filters, order) and ``storyline quotes
--kind/--cue-class``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_sample
from storyline.cli import main
from storyline.store import QuoteRow, Store
from storyline.store.database import migrations
from storyline.types import Article, DateValue, LocalEntity, PublishedBasis, Quote


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> str:
    """The sample articles as ``storyline add`` stores them (the session's copy)."""
    return str(copy_sample(sample_db_file, tmp_path_factory.mktemp("quotes"), "quotes.db"))


def _quotes(db: str, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["--db", db, "quotes", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.output)
    return rows


def test_migration_adds_cue_class() -> None:
    names = [name for _, name, _ in migrations()]
    assert "0004_quote_kinds.sql" in names


def test_filters_by_kind_and_cue_class(db: str) -> None:
    everything = _quotes(db)
    assert {"kind", "cue_class"} <= set(everything[0])
    assert {q["kind"] for q in everything} >= {"direct", "indirect"}
    direct_speech = _quotes(db, "--kind", "direct", "--cue-class", "speech")
    assert direct_speech and len(direct_speech) < len(everything)
    assert all(q["kind"] == "direct" and q["cue_class"] == "speech" for q in direct_speech)
    nominal = _quotes(db, "--cue-class", "nominal")
    assert all(q["cue_class"] == "nominal" for q in nominal)


def test_unknown_kind_is_refused(db: str) -> None:
    result = CliRunner().invoke(main, ["--db", db, "quotes", "--kind", "verbatim"])
    assert result.exit_code != 0 and "verbatim" in result.output


# -- the quote repository on hand-made rows ----------------------------------------------

SAID = 'Mr. Kim said on Sunday: "We will meet again."'
KIM = LocalEntity(0, "Kim Jong-un", "PERSON", ("Kim Jong-un", "Mr. Kim"), 1)


def _quoted(store: Store, n: int, published: str, speaker_id: int | None, date: str | None) -> int:
    article = Article(title=f"Letters {n}", text=SAID, content_hash=f"letters-{n}", raw_sha256="raw",
                      path=f"{n}.txt", published=DateValue.parse(published),
                      published_basis=PublishedBasis.USER)
    quote = Quote(SAID.index('"'), len(SAID), "We will meet again.", "say", "Mr. Kim", 0, "direct", 0,
                  DateValue.parse(date) if date else None)
    with store.transaction():
        article_id = store.insert_article(article)
        store.quotes.insert_quote(article_id, quote, speaker_id)
    return article_id


def test_quote_rows_are_typed_in_the_order_they_were_said(store: Store) -> None:
    with store.transaction():
        kim = store.entities.create_entity("Kim Jong-un", "PERSON")
    later = _quoted(store, 1, "2019-06-30", kim, "2019-06-30")
    earlier = _quoted(store, 2, "2019-07-02", None, None)  # undated: its article's date orders it
    first = _quoted(store, 3, "2018-06-13", kim, "2018-06-12")
    rows = store.quotes.listing()
    assert all(isinstance(r, QuoteRow) for r in rows)
    assert [r.article for r in rows] == [first, later, earlier]
    assert rows[0].speaker == "Kim Jong-un" and rows[2].speaker == "Mr. Kim"  # the registry's name first
    assert rows[0].date == DateValue.parse("2018-06-12") and rows[2].date is None
    assert rows[2].published == DateValue.parse("2019-07-02")
    assert [r.article for r in store.quotes.listing(speaker_ids=[kim])] == [first, later]
    assert store.quotes.listing(speaker_ids=[]) == []
    assert [r.article for r in store.quotes.listing(article_id=earlier)] == [earlier]
    assert store.quotes.listing(kind="indirect") == [] and len(store.quotes.listing(limit=2)) == 2
    assert list(rows[0].as_dict()) == ["id", "speaker", "text", "article", "title", "date", "cue", "kind",
                                       "cue_class", "published", "event", "event_headline"]
    assert rows[0].event is None  # no event stored


def test_a_speakers_quotes_name_the_event_their_sentence_reports(db: str) -> None:
    rows = _quotes(db, "--speaker", "Kim Jong-un")
    linked = [r for r in rows if r["event"] is not None]
    assert linked and len(linked) < len(rows)  # some sentences report no dated event
    with sqlite3.connect(db) as conn:
        for r in linked:
            (sentence,) = conn.execute("SELECT sentence_idx FROM quotes WHERE id = ?", (r["id"],)).fetchone()
            mention = conn.execute(
                "SELECT 1 FROM event_mentions WHERE event_id = ? AND article_id = ? AND sentence_idx = ?",
                (r["event"], r["article"], sentence),
            ).fetchone()
            assert mention is not None, r
            assert r["event_headline"]
    table = CliRunner().invoke(main, ["--db", db, "quotes", "--speaker", "Kim Jong-un"]).output
    assert "event" in table.splitlines()[1]
