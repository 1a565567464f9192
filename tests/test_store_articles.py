"""store.articles: the article repository (article and outlet listings as typed rows)."""

from __future__ import annotations

from storyline.store import ArticleRepository, Store
from storyline.types import Article, ArticleRow, DateValue, OutletRow, PublishedBasis

REPORTS = [
    ("Kim writes to Trump", "Kim Jong-un sent President Trump a letter on Sunday.", "2019-06-23", "Wire"),
    ("Summit in Singapore", "Kim Jong-un met Donald Trump in Singapore on June 12.", "2018-06-13", "Herald"),
    ("An undated note", "Officials said the talks would resume.", None, None),
    ("Letters again", "Mr. Trump said he had received another beautiful letter.", "2019-08-10", "Wire"),
]


def _add(store: Store) -> list[int]:
    ids = []
    with store.transaction():
        for i, (title, text, day, source) in enumerate(REPORTS):
            ids.append(store.insert_article(Article(
                title=title, text=text, content_hash=f"report-{i}", raw_sha256="raw", path=f"{i}.txt",
                source=source, published=DateValue.parse(day) if day else None,
                published_basis=PublishedBasis.USER if day else PublishedBasis.UNKNOWN,
            )))
    return ids


def test_the_repository_shares_the_store_connection(store: Store) -> None:
    assert isinstance(store.articles, ArticleRepository) and store.articles.conn is store.conn


def test_listing_is_by_publication_date_undated_first_with_offsets(store: Store) -> None:
    ids = _add(store)
    rows = store.articles.listing()
    assert all(isinstance(r, ArticleRow) for r in rows)
    assert [r.id for r in rows] == [ids[2], ids[1], ids[0], ids[3]]
    undated = rows[0]
    assert undated.published is None and undated.published_basis is PublishedBasis.UNKNOWN
    assert rows[1].published == DateValue.parse("2018-06-13")
    assert rows[1].published_basis is PublishedBasis.USER
    assert rows[1].story_id == ids[1]  # each article starts as its own near-duplicate group
    assert [r.id for r in store.articles.listing(limit=2, offset=1)] == [ids[1], ids[0]]
    assert list(rows[0].as_dict())[:4] == ["id", "title", "source", "published"]


def test_outlets_count_their_articles_the_biggest_first(store: Store) -> None:
    _add(store)
    assert store.articles.sources() == [OutletRow("Wire", 2), OutletRow("Herald", 1)]  # no outlet: left out
