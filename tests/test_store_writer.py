"""store.writer: the record of ingest runs, the stored version of an article read again, and the
removal of an article with its annotations."""

from __future__ import annotations

from conftest import link_article
from storyline.store import Store, StoredArticle
from storyline.types import (
    AnnotatedArticle,
    Article,
    DateValue,
    EntityMention,
    EventMention,
    LocalEntity,
    PublishedBasis,
)

KIM = LocalEntity(0, "Kim Jong-un", "PERSON", ("Kim Jong-un", "Kim"), 1)
MET = "Kim Jong-un met Donald Trump in Hanoi on Wednesday."


def _ann(n: int) -> AnnotatedArticle:
    article = Article(title=f"Hanoi summit {n}", text=MET, content_hash=f"hanoi-{n}", raw_sha256="raw",
                      path=f"{n}.txt", published=DateValue.parse("2019-02-28"),
                      published_basis=PublishedBasis.USER)
    event = EventMention(0, 0, len(MET), MET, DateValue.parse("2019-02-27"), "2019-02-27", ("Kim Jong-un",),
                         "meet", keywords=("hanoi", "meet"))
    return AnnotatedArticle(article, (), (), (KIM,), (EntityMention(0, 11, "Kim Jong-un", 0),), (), (event,))


def test_ingest_runs(store: Store) -> None:
    assert store.last_ingest_start() is None
    run, started = store.start_ingest_run()
    store.finish_ingest_run(run, 0)
    assert store.last_ingest_start() is None  # an add that added nothing does not count
    run, started = store.start_ingest_run()
    store.finish_ingest_run(run, 2)
    assert store.last_ingest_start() == started


def test_deleting_an_article_takes_the_events_only_it_reported(store: Store) -> None:
    first, second = link_article(store, _ann(1)), link_article(store, _ann(2))
    [event] = store.events.existing([1])
    with store.transaction():
        store.delete_article(first)
    assert store.events.existing([event]) == {event}  # the second article still reports it
    assert store.article_by_hash("hanoi-1") is None
    kept = store.article_by_hash("hanoi-2")
    assert kept is not None and kept == StoredArticle(
        second, DateValue.parse("2019-02-28"), PublishedBasis.USER, None, "Hanoi summit 2", None,
        kept.added_at,
    )
    with store.transaction():
        store.delete_article(second)
    assert store.events.existing([event]) == set()
    assert store.delete_unreferenced_raw() == 1  # the raw input no article points at any more
