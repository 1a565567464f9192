"""store.tls: the timeline-summary repository (sentences, their dated timexes, event mentions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store
from storyline.store.tls import DatedSentenceRow, TLSEventMentionRow, TLSRepository, TLSSentenceRow
from storyline.types import Article, DateValue, PublishedBasis, Sentence, Timex

TEXT = ("Kim Jong-un met Donald Trump in Hanoi on February 27, 2019. "
        "A third meeting was planned for February 30, 2019, officials said. "
        "The two leaders first met in June 2018.")


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        out.append(Sentence(i, start, end, text[start:end]))
        start = end + 1
    return tuple(out)


def _timexes(text: str) -> tuple[Timex, ...]:
    found = [("February 27, 2019", "2019-02-27"), ("February 30, 2019", "2019-02-30"),
             ("June 2018", "2018-06")]
    return tuple(Timex(text.index(t), text.index(t) + len(t), t, "DATE", v) for t, v in found)


@pytest.fixture()
def hanoi(store: Store) -> tuple[Store, int]:
    article = Article(title="Hanoi summit", text=TEXT, content_hash="hanoi", raw_sha256="raw",
                      path="hanoi.txt", source="Wire", published=DateValue.parse("2019-02-28"),
                      published_basis=PublishedBasis.USER)
    with store.transaction():
        article_id = store.insert_article(article)
        store.insert_sentences(article_id, _sentences(TEXT))
        store.insert_timexes(article_id, _timexes(TEXT))
    return store, article_id


@pytest.fixture(scope="module")
def sample(sample_db_file: Path) -> Iterator[Store]:
    with Store(sample_db_file, read_only=True) as store:
        yield store


def test_the_repository_shares_the_store_connection(store: Store) -> None:
    assert isinstance(store.tls, TLSRepository) and store.tls.conn is store.conn
    assert store.tls.span() is None  # nothing dated stored yet


def test_sentences_of_the_span_with_their_publication_day(hanoi: tuple[Store, int]) -> None:
    store, article_id = hanoi
    rows = store.tls.sentences("2019-02-01", "2019-02-28")
    assert [r.idx for r in rows] == [0, 1, 2] and all(isinstance(r, TLSSentenceRow) for r in rows)
    assert rows[0] == TLSSentenceRow(article_id, 0, _sentences(TEXT)[0].text, DateValue.parse("2019-02-28"),
                                     "Wire", "Hanoi summit", article_id)
    assert store.tls.sentences("2019-03-01", "2019-03-31") == []  # published outside the span
    assert store.tls.span() == (DateValue.parse("2019-02-28"), DateValue.parse("2019-02-28"))


def test_days_and_months_by_sentence_real_dates_only(hanoi: tuple[Store, int]) -> None:
    store, article_id = hanoi
    days = store.tls.sentence_days("2019-02-28", "2019-02-28")
    assert days == [DatedSentenceRow(article_id, 0, DateValue.parse("2019-02-27"))]  # no February 30
    months = store.tls.sentence_months("2019-02-28", "2019-02-28")
    assert months == [DatedSentenceRow(article_id, 2, DateValue.parse("2018-06"))]


def test_a_story_keeps_its_own_articles(hanoi: tuple[Store, int]) -> None:
    store, _ = hanoi
    assert store.tls.sentences("2019-02-01", "2019-02-28", story=999) == []
    assert store.tls.sentence_days("2019-02-01", "2019-02-28", story=999) == []


def test_event_mentions_of_day_dated_events(sample: Store) -> None:
    first, last = sample.tls.span() or pytest.fail("the sample articles are dated")
    rows = sample.tls.event_mentions(first.value, last.value)
    assert rows and all(isinstance(r, TLSEventMentionRow) for r in rows)
    assert all(len(r.day.value) == 10 and first <= r.published <= last for r in rows)
    articles = {a.id: a.story_id for a in sample.articles.listing()}
    assert all(r.group == articles[r.article_id] for r in rows)  # the near-duplicate group
    story = sample.stories.list_stories()[0].id
    members = {m.id for m in sample.stories.story_articles(story)}
    assert {r.article_id for r in sample.tls.event_mentions(first.value, last.value, story)} <= members
