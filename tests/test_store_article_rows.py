"""store.article_rows: one article with its annotations, its spans and search hits as typed rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.errors import NotFoundError
from storyline.store import Store
from storyline.store.article_rows import (
    ArticleDetail,
    ArticleEntityRow,
    ArticleSpans,
    EntitySpan,
    EventSpan,
    QuoteSpan,
    SearchHit,
    TimexRow,
)
from storyline.store.quotes import QuoteRow
from storyline.types import DateValue, PublishedBasis, Sentence, Timex


@pytest.fixture(scope="module")
def sample(sample_db_file: Path) -> Iterator[Store]:
    """The session's annotated sample articles, read only."""
    with Store(sample_db_file, read_only=True) as store:
        yield store


def _busiest(store: Store) -> ArticleDetail:
    """The sample article with the most quotes (every kind of annotation is in it)."""
    details = [store.get_article(row.id) for row in store.articles.listing()]
    return max(details, key=lambda d: (len(d.quotes), len(d.entities), d.id))


def test_an_article_comes_back_typed_with_its_annotations(sample: Store) -> None:
    detail = _busiest(sample)
    assert isinstance(detail.published, DateValue) and isinstance(detail.published_basis, PublishedBasis)
    assert detail.timexes and all(isinstance(t, TimexRow) for t in detail.timexes)
    assert detail.entities and all(isinstance(e, ArticleEntityRow) for e in detail.entities)
    assert detail.quotes and all(isinstance(q, QuoteRow) and q.article == detail.id for q in detail.quotes)
    assert [t.start for t in detail.timexes] == sorted(t.start for t in detail.timexes)
    mentions = [e.mentions for e in detail.entities]
    assert mentions == sorted(mentions, reverse=True)
    for t in detail.timexes:  # offsets point at the text they name
        assert detail.text[t.start : t.end] == t.text


def test_as_dict_has_the_article_columns_then_the_annotations(sample: Store) -> None:
    detail = _busiest(sample)
    columns = [r[1] for r in sample.conn.execute("PRAGMA table_info(articles)") if r[1] != "minhash"]
    data = detail.as_dict()
    assert list(data) == [*columns, "timexes", "entities", "quotes"]  # a new column is not forgotten
    assert data["published"] == detail.published  # dates stay DateValues until the JSON edge
    assert data["timexes"][0] == {"start": detail.timexes[0].start, "end": detail.timexes[0].end,
                                  "text": detail.timexes[0].text, "type": detail.timexes[0].type,
                                  "value": detail.timexes[0].value, "mod": detail.timexes[0].mod,
                                  "anchor": detail.timexes[0].anchor}
    assert list(data["entities"][0]) == ["local_key", "local_name", "entity_id", "name", "type", "mentions"]
    assert data["quotes"] == [q.as_dict() for q in detail.quotes]


def test_spans_of_entities_quotes_and_events_in_text_order(sample: Store) -> None:
    detail = _busiest(sample)
    spans = sample.article_spans(detail.id)
    assert isinstance(spans, ArticleSpans)
    assert spans.entities and all(isinstance(s, EntitySpan) for s in spans.entities)
    assert spans.quotes and all(isinstance(s, QuoteSpan) for s in spans.quotes)
    assert spans.events and all(isinstance(s, EventSpan) for s in spans.events)
    assert all(isinstance(s.date, DateValue) for s in spans.events)
    for span in spans.entities:
        assert detail.text[span.start : span.end] == span.text
    assert [s.start for s in spans.quotes] == sorted(s.start for s in spans.quotes)
    assert {s.id for s in spans.quotes} == {q.id for q in detail.quotes}
    data = spans.as_dict()
    assert list(data) == ["entities", "quotes", "events"]
    assert list(data["quotes"][0]) == ["id", "start", "end", "kind", "cue", "speaker", "speaker_id"]


def test_an_unknown_article_says_how_to_list_them(sample: Store) -> None:
    with pytest.raises(NotFoundError, match="storyline articles"):
        sample.get_article(10**6)


def test_search_hits_are_typed_and_dated(store: Store) -> None:
    from storyline.types import Article

    text = "Kim Jong-un met Donald Trump in Singapore on June 12, 2018. The talks went well."
    article = Article(title="Summit in Singapore", text=text, content_hash="summit", raw_sha256="raw",
                      path="summit.txt", published=DateValue.parse("2018-06-13"),
                      published_basis=PublishedBasis.USER)
    with store.transaction():
        article_id = store.insert_article(article)
        store.insert_sentences(article_id, (Sentence(0, 0, 59, text[:59]), Sentence(1, 60, 80, text[60:])))
        store.insert_timexes(article_id, (Timex(45, 58, "June 12, 2018", "DATE", "2018-06-12"),))
    hits = store.search("Singapore")
    assert hits == [SearchHit(article_id, "Summit in Singapore", DateValue.parse("2018-06-13"), 0, text[:59],
                              hits[0].score)]
    assert list(hits[0].as_dict()) == ["article", "title", "published", "sentence_index", "sentence", "score"]
    assert store.get_article(article_id).timexes == (TimexRow(45, 58, "June 12, 2018", "DATE", "2018-06-12",
                                                              None, None),)
