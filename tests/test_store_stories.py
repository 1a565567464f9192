"""store.stories: the story repository (clustering tables, near-duplicate groups, typed listings)."""

from __future__ import annotations

import pytest

from storyline.errors import NotFoundError
from storyline.link.stories import StoredStoryStore, StoryClusterer, StoryStore, assign_stored
from storyline.store import Store, StoryMember, StoryRepository
from storyline.types import Article, DateValue, PublishedBasis

FLOOD = [
    ("Flood hits the river town", "The river flooded the town and the flood destroyed bridges and homes.",
     "2020-01-01", "Daily River"),
    ("Flood waters recede", "Flood waters receded from the river town; homes and bridges are being rebuilt.",
     "2020-01-03", "Valley News"),
]


def _insert(store: Store, i: int, title: str, text: str, day: str | None, source: str | None) -> int:
    article = Article(title=title, text=text, content_hash=f"flood-{i}", raw_sha256="raw", path=f"{i}.txt",
                      source=source, published=DateValue.parse(day) if day else None,
                      published_basis=PublishedBasis.USER if day else PublishedBasis.UNKNOWN)
    return store.insert_article(article)


def _cluster(store: Store) -> tuple[list[int], list[int]]:
    clusterer = StoryClusterer(store.stories)
    ids, stories = [], []
    with store.transaction():
        for i, (title, text, day, source) in enumerate(FLOOD):
            ids.append(_insert(store, i, title, text, day, source))
            stories.append(clusterer.assign(ids[-1], title, text, DateValue.parse(day), []))
    return ids, stories


def test_the_repository_is_the_story_store_the_linker_needs(store: Store) -> None:
    clustering: StoryStore = store.stories  # the Protocols link.stories declares
    stored: StoredStoryStore = store.stories
    assert isinstance(clustering, StoryRepository) and stored is clustering
    assert store.stories.conn is store.conn  # one connection, so one transaction


def test_members_are_typed_rows_in_publication_order(store: Store) -> None:
    ids, stories = _cluster(store)
    assert stories[0] == stories[1]
    members = store.stories.story_articles(stories[0])
    assert all(isinstance(m, StoryMember) for m in members)
    assert [m.id for m in members] == ids
    first = members[0]
    assert (first.title, first.source, first.published) == ("Flood hits the river town", "Daily River",
                                                             DateValue.parse("2020-01-01"))
    assert first.similarity == 1.0 and 0 < members[1].similarity <= 1.0
    assert list(first.as_dict()) == ["id", "title", "source", "published", "similarity"]


def test_listing_and_one_story_with_its_span(store: Store) -> None:
    _, stories = _cluster(store)
    story = store.stories.get_story(stories[0])
    assert store.stories.list_stories() == [story]
    assert (story.articles, story.outlets) == (2, 2)
    assert (story.first, story.last) == (DateValue.parse("2020-01-01"), DateValue.parse("2020-01-03"))
    assert "flood" in story.label
    with pytest.raises(NotFoundError, match="storyline stories"):
        store.stories.get_story(999)


def test_near_duplicate_groups_and_re_clustering(store: Store) -> None:
    ids, stories = _cluster(store)
    assert store.stories.story_of(ids[1]) == ids[1]  # a new article is its own group
    with store.transaction():
        store.stories.set_story(ids[1], ids[0])
    assert store.stories.story_of(ids[1]) == ids[0]
    assert store.stories.story_of_article(ids[0]) == stories[0]
    with store.transaction():
        store.stories.clear_stories()
    assert store.stories.list_stories() == [] and store.stories.articles_without_story() == ids
    with store.transaction():
        assert assign_stored(store.stories, StoryClusterer(store.stories)) == 2
    again = store.stories.list_stories()
    assert len(again) == 1 and [m.id for m in store.stories.story_articles(again[0].id)] == ids
