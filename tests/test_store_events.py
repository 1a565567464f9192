"""store.events: the event repository (the linker's look-ups and writes, one event with its
mentions as typed rows, edit anchors, report times)."""

from __future__ import annotations

import pytest

from conftest import link_article
from storyline.errors import NotFoundError
from storyline.link.events import EventStore
from storyline.store import ActorRow, EventDetail, EventMentionRow, EventRepository, Store
from storyline.types import (
    AnnotatedArticle,
    Article,
    DateValue,
    EntityMention,
    EventMention,
    LocalEntity,
    PublishedBasis,
)

KIM = LocalEntity(0, "Kim Jong-un", "PERSON", ("Kim Jong-un", "Kim"), 2)
TRUMP = LocalEntity(1, "Donald Trump", "PERSON", ("Donald Trump", "Trump"), 1)
SINGAPORE = LocalEntity(2, "Singapore", "GPE", ("Singapore",), 1)
MET = "Kim Jong-un met Donald Trump in Singapore on June 12."
RECALLED = "Their first summit, in Singapore in June 2018, ended with a vague statement."


def _ann(n: int, published: str, text: str, date: str, background: bool = False) -> AnnotatedArticle:
    article = Article(
        title=f"Summit report {n}", text=text, content_hash=f"summit-{n}", raw_sha256="raw",
        path=f"{n}.txt", source="Example News", published=DateValue.parse(published),
        published_basis=PublishedBasis.USER,
    )
    entities = (KIM, TRUMP, SINGAPORE)
    mentions = tuple(EntityMention(0, 1, e.name, e.key) for e in entities)
    event = EventMention(0, 0, len(text), text, DateValue.parse(date), date,
                         ("Kim Jong-un", "Donald Trump", "Singapore"), "meet", background=background,
                         keywords=("meet", "singapore", "summit"))
    return AnnotatedArticle(article, (), (), entities, mentions, (), (event,))


def test_the_repository_is_the_event_store_the_linker_needs(store: Store) -> None:
    events: EventStore = store.events  # the Protocol link.events declares
    assert isinstance(events, EventRepository)
    assert store.events.conn is store.conn  # one connection, so one transaction


def test_one_event_with_its_mentions_as_typed_rows(store: Store) -> None:
    link_article(store, _ann(1, "2018-06-13", MET, "2018-06-12"))
    link_article(store, _ann(2, "2019-02-26", RECALLED, "2018-06", background=True))
    [event_id] = store.events.existing([1, 2, 3])
    detail = store.events.get(event_id)
    assert isinstance(detail, EventDetail) and detail.date == DateValue.parse("2018-06-12")
    assert detail.summary == MET and not detail.planned
    first, second = detail.mentions
    assert all(isinstance(m, EventMentionRow) for m in detail.mentions)
    assert (first.article, first.text, first.background) == (1, MET, False)
    assert first.published == DateValue.parse("2018-06-13") and first.published_basis is PublishedBasis.USER
    assert second.background and second.date == DateValue.parse("2018-06")
    assert first.actors == (ActorRow(2, "Donald Trump"), ActorRow(1, "Kim Jong-un"), ActorRow(3, "Singapore"))


def test_as_dict_is_the_api_mapping_with_actors_as_mappings(store: Store) -> None:
    link_article(store, _ann(1, "2018-06-13", MET, "2018-06-12"))
    data = store.events.get(1).mentions[0].as_dict()
    assert list(data)[:4] == ["id", "article", "title", "source"] and list(data)[-1] == "actors"
    assert data["actors"][0] == {"id": 2, "name": "Donald Trump"}
    assert data["date"] == DateValue.parse("2018-06-12")  # text forms are made at the edges


def test_an_unknown_event_says_how_to_list_them(store: Store) -> None:
    with pytest.raises(NotFoundError, match="storyline timeline"):
        store.events.get(7)
    with pytest.raises(NotFoundError, match="storyline timeline"):
        store.events.anchor(7)


def test_anchors_find_the_event_again_by_its_sentences(store: Store) -> None:
    link_article(store, _ann(1, "2018-06-13", MET, "2018-06-12"))
    anchor = store.events.anchor(1)
    assert anchor == [["summit-1", MET]]
    assert store.events.sharing(anchor) == {1: 1}
    assert store.events.sharing([["summit-1", "Another sentence."]]) == {}


def test_report_times_say_when_an_event_was_first_and_last_reported(store: Store) -> None:
    link_article(store, _ann(1, "2018-06-13", MET, "2018-06-12"))
    link_article(store, _ann(2, "2019-02-26", RECALLED, "2018-06", background=True))
    [(first, last)] = store.events.report_times([1]).values()
    assert first <= last
    assert store.events.reported_since(first) == [1]
    assert store.events.reported_since("9999") == []
