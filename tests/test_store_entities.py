"""store.entities: the entity repository (registry writes, typed listing rows)."""

from __future__ import annotations

import pytest

from conftest import link_article
from storyline.errors import NotFoundError
from storyline.link.entities import RegistryStore
from storyline.store import EntityRepository, EntityRow, Store
from storyline.types import AnnotatedArticle, Article, DateValue, EntityMention, LocalEntity, PublishedBasis

TEXT = "Kim Jong-un met President Donald Trump in Singapore on June 12. Mr. Kim said the talks went well."
KIM = LocalEntity(0, "Kim Jong-un", "PERSON", ("Kim Jong-un", "Mr. Kim"), 2)
TRUMP = LocalEntity(1, "Trump", "PERSON", ("President Trump", "Trump"), 1)
SINGAPORE = LocalEntity(2, "Singapore", "GPE", ("Singapore",), 1)


def _ann(n: int, entities: list[LocalEntity]) -> AnnotatedArticle:
    article = Article(
        title=f"Summit report {n}", text=TEXT, content_hash=f"summit-{n}", raw_sha256="raw",
        path=f"{n}.txt", published=DateValue.parse("2018-06-13"), published_basis=PublishedBasis.USER,
    )
    mentions = tuple(EntityMention(TEXT.index(e.name), TEXT.index(e.name) + len(e.name), e.name, e.key)
                     for e in entities)
    return AnnotatedArticle(article, (), (), tuple(entities), mentions, (), ())


def test_the_repository_is_the_registry_the_linker_needs(store: Store) -> None:
    registry: RegistryStore = store.entities  # the Protocol link.entities declares
    assert isinstance(registry, EntityRepository)
    assert store.entities.conn is store.conn  # one connection, so one transaction


def test_listing_rows_are_typed_and_the_most_cited_first(store: Store) -> None:
    link_article(store, _ann(1, [KIM, TRUMP, SINGAPORE]))
    link_article(store, _ann(2, [KIM]))
    rows = store.entities.listing()
    assert all(isinstance(r, EntityRow) for r in rows)
    kim = rows[0]
    assert (kim.name, kim.type, kim.articles, kim.mentions) == ("Kim Jong-un", "PERSON", 2, 4)
    assert kim.aliases == ("Kim Jong-un", "Mr. Kim")
    assert [r.name for r in store.entities.listing("GPE")] == ["Singapore"]
    assert [r.name for r in store.entities.listing(min_articles=2)] == ["Kim Jong-un"]
    assert len(store.entities.listing(limit=1)) == 1


def test_as_dict_keeps_the_listing_order_with_aliases_a_list(store: Store) -> None:
    link_article(store, _ann(1, [KIM]))
    data = store.entities.listing()[0].as_dict()
    assert list(data) == ["id", "name", "type", "aliases", "mentions", "articles"]
    assert data["aliases"] == ["Kim Jong-un", "Mr. Kim"]


def test_get_and_look_ups_by_name(store: Store) -> None:
    link_article(store, _ann(1, [KIM, TRUMP]))
    kim_id = store.entities.ids_named("mr. kim")[0]  # an alias, any case
    assert store.entities.get(kim_id) == store.entities.listing("PERSON")[0]
    trump_id = store.entities.ids_named("Trump")[0]
    assert store.entities.names([kim_id, trump_id, 999]) == {kim_id: "Kim Jong-un", trump_id: "Trump"}
    assert store.entities.named(["Trump", "Nobody"]) == {"Trump": trump_id}
    assert store.entities.ids_named("Moon Jae-in") == []


def test_an_unknown_entity_says_how_to_list_them(store: Store) -> None:
    with pytest.raises(NotFoundError, match="storyline entities"):
        store.entities.get(42)


def test_a_fuller_name_renames_the_registry_entity(store: Store) -> None:
    link_article(store, _ann(1, [TRUMP]))
    link_article(store, _ann(2, [LocalEntity(0, "Donald Trump", "PERSON", ("Donald Trump", "Trump"), 3)]))
    [row] = store.entities.listing()
    assert row.name == "Donald Trump" and row.articles == 2
    assert store.entities.registry_entity(row.id).aliases == ("Donald Trump", "President Trump", "Trump")
