"""The Python API's read side: typed dates, edits applied, the methods the web goes through."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import storyline
from conftest import copy_sample
from storyline.api import Storyline
from storyline.errors import NotFoundError
from storyline.types import DateValue, EditKind, PublishedBasis, TimelineQuery


@pytest.fixture()
def sl(sample_db_file: Path, tmp_path: Path) -> Iterator[Storyline]:
    with storyline.open(copy_sample(sample_db_file, tmp_path)) as opened:
        yield opened


def test_a_storyline_that_reads_nothing_leaves_no_file(tmp_path: Path) -> None:
    """``storyline annotate`` writes Parquet only: no database appears beside it."""
    db = tmp_path / "never.db"
    with Storyline(db) as sl:
        assert sl.settings.db
    assert not db.exists()
    with Storyline(db) as sl:
        assert sl.editor.listing() == []
    assert db.exists()


def test_dates_come_back_as_date_values_with_their_basis(sl: Storyline) -> None:
    articles = sl.articles()
    assert articles and all(isinstance(a["published"], DateValue) for a in articles)
    assert {a["published_basis"] for a in articles} <= set(PublishedBasis)
    one = sl.article(articles[0]["id"])
    assert one["published"] == articles[0]["published"] and isinstance(one["published_basis"], PublishedBasis)
    quotes = sl.quotes()
    assert quotes and all(q["date"] is None or isinstance(q["date"], DateValue) for q in quotes)
    sources = [s for e in sl.timeline(all=True) for s in e.sources]
    assert all(isinstance(s.published, DateValue) and isinstance(s.date, DateValue) for s in sources)


def test_an_edited_date_is_a_user_date_value(sl: Storyline) -> None:
    first = sl.articles()[0]["id"]
    sl.editor.make(EditKind.ARTICLE_PUBLISHED, first, "2019-06-22")
    row = sl.article(first)
    assert (row["published"], row["published_basis"]) == (DateValue.parse("2019-06-22"), PublishedBasis.USER)


def test_entity_carries_its_edits(sl: Storyline) -> None:
    kim = sl.editor.entity_id("Kim Jong-un")
    assert sl.entity(kim)["name"] == "Kim Jong-un"
    sl.editor.make(EditKind.ENTITY_RENAME, kim, "Kim Jong Un")
    assert sl.entity(kim)["name"] == "Kim Jong Un"
    with pytest.raises(NotFoundError):
        sl.entity(10**9)


def test_event_mentions_leave_out_ids_that_are_not_stored(sl: Storyline) -> None:
    events = sl.timeline(TimelineQuery(all=True))
    ids = [events[1].id, 10**9, events[0].id]
    found = sl.event_mentions(ids)
    assert list(found) == [events[1].id, events[0].id]
    sentences = {m["text"] for m in found[events[0].id]}
    assert {s.sentence for s in events[0].sources} <= sentences


def test_version_changes_with_every_edit(sl: Storyline) -> None:
    before = sl.version()
    edit = sl.editor.make(EditKind.EVENT_HIDE, sl.timeline(all=True)[0].id)
    assert sl.version() != before
    hidden = sl.version()
    sl.editor.undo(edit.id)
    assert sl.version() != hidden


def test_spans_and_sources_are_the_stored_ones(sl: Storyline) -> None:
    article = sl.articles()[0]["id"]
    spans = sl.spans(article)
    assert set(spans) == {"entities", "quotes", "events"} and spans["entities"]
    assert sum(s.articles for s in sl.sources()) <= len(sl.articles())
