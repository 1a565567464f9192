from __future__ import annotations

from dataclasses import replace

from conftest import link_article
from storyline.link.events import event_date
from storyline.store import Store
from storyline.types import (
    AnnotatedArticle,
    Article,
    DateValue,
    EntityMention,
    EventMention,
    LocalEntity,
    PublishedBasis,
)


def _ann(n: int, entities: list[LocalEntity], events: list[EventMention]) -> AnnotatedArticle:
    article = Article(
        title=f"article {n}", text="x" * 100, content_hash=f"h{n}", raw_sha256="raw",
        path=f"{n}.txt", published=DateValue.parse("2019-06-23"),
        published_basis=PublishedBasis.USER,
    )
    mentions = tuple(EntityMention(0, 1, e.name, e.key) for e in entities)
    return AnnotatedArticle(article, (), (), tuple(entities), mentions, (), tuple(events))


def _mention(date: str, actors: tuple[str, ...], keywords: tuple[str, ...], text: str) -> EventMention:
    return EventMention(0, 0, len(text), text, DateValue.parse(date), date, actors, "meet",
                        keywords=keywords)




KIM = LocalEntity(0, "Kim Jong-un", "PERSON", ("Kim Jong-un", "Mr. Kim", "Kim"), 5)
KIM_SPACED = LocalEntity(0, "Kim Jong Un", "PERSON", ("Kim Jong Un", "Kim"), 3)
KIM_KI_MOON = LocalEntity(1, "Kim Ki-moon", "PERSON", ("Kim Ki-moon",), 1)
SINGAPORE = LocalEntity(2, "Singapore", "GPE", ("Singapore",), 1)


def test_spelling_variants_join_and_namesakes_do_not(store: Store) -> None:
    link_article(store, _ann(1, [KIM], []))
    link_article(store, _ann(2, [KIM_SPACED, KIM_KI_MOON], []))
    people = {e.name: e for e in store.entities.listing("PERSON")}
    assert set(people) == {"Kim Jong-un", "Kim Ki-moon"}
    assert {"Kim Jong Un", "Mr. Kim"} <= set(people["Kim Jong-un"].aliases)
    assert people["Kim Jong-un"].articles == 2


def test_type_is_fixed_by_agreement(store: Store) -> None:
    trump_org = LocalEntity(0, "Trump", "ORG", ("Trump",), 1)
    trump = LocalEntity(0, "Donald Trump", "PERSON", ("Donald Trump", "Trump"), 20)
    link_article(store, _ann(1, [trump], []))
    link_article(store, _ann(2, [trump_org], []))
    listed = store.entities.listing()
    assert [(e.name, e.type) for e in listed] == [("Donald Trump", "PERSON")]


def test_background_mention_merges_with_the_dated_report(store: Store) -> None:
    met = _mention("2018-06-12", ("Kim Jong-un", "Singapore"), ("meet", "singapore", "summit"),
                   "The two met in Singapore on June 12.")
    recalled = _mention("2018", ("Kim Jong Un", "Singapore"), ("summit", "singapore", "first"),
                        "Their first summit in Singapore in 2018.")
    unrelated = _mention("2018", ("Kim Jong Un",), ("missile", "test"), "Kim tested missiles in 2018.")
    link_article(store, _ann(1, [KIM, SINGAPORE], [met]))
    link_article(store, _ann(2, [KIM_SPACED, SINGAPORE], [recalled, unrelated]))
    events = {e.date.value: e for e in store.timeline_events()}
    assert set(events) == {"2018-06-12", "2018"}
    summit = events["2018-06-12"]
    assert {s.article for s in summit.sources} == {1, 2}
    assert summit.summary == "The two met in Singapore on June 12."


def test_event_date_is_the_finest_consistent_one() -> None:
    dates = [DateValue.parse(v) for v in ("2018", "2018-06", "2018-06-12")]
    assert event_date(dates).value == "2018-06-12"
    clash = [DateValue.parse(v) for v in ("2018-06-12", "2018-06-13")]
    assert event_date(clash).value in {"2018-06-12", "2018-06-13"}


def test_a_person_mostly_named_by_one_word_only_is_not_a_person(store: Store) -> None:
    # NER types "Twitter" PERSON, and once glues it to a name ("Twitter Graham")
    glued = LocalEntity(0, "Twitter Graham", "PERSON", ("Twitter Graham", "Twitter"), 21)
    link_article(store, _ann(0, [glued], []))
    for n in range(1, 4):
        link_article(store, _ann(n, [LocalEntity(0, "Twitter", "PERSON", ("Twitter",), 1)], []))
    boehner = LocalEntity(0, "John Boehner", "PERSON", ("John Boehner", "Boehner"), 3)
    link_article(store, _ann(8, [boehner], []))
    for n in range(9, 11):
        link_article(store, _ann(n, [LocalEntity(0, "Boehner", "PERSON", ("Boehner",), 2)], []))
    types = {e.name: e.type for e in store.entities.listing()}
    assert types == {"Twitter Graham": "ORG", "John Boehner": "PERSON"}


def test_name_variants_across_articles_are_one_person(store: Store) -> None:
    people = [
        ("John R. Bolton", ("John R. Bolton",)), ("John Bolton", ("John Bolton", "Bolton")),
        ("Bradley Manning", ("Bradley Manning", "Manning")), ("Manning", ("Pte Manning", "Manning")),
        ("Michael Bolton", ("Michael Bolton",)),  # another Bolton
    ]
    for n, (name, aliases) in enumerate(people):
        link_article(store, _ann(n, [LocalEntity(0, name, "PERSON", aliases, 2)], []))
    found = {e.name: e.articles for e in store.entities.listing("PERSON")}
    assert found == {"John R. Bolton": 2, "Bradley Manning": 2, "Michael Bolton": 1}


def test_an_event_is_told_by_the_sentence_its_article_reports_it_in_first(store: Store) -> None:
    lead = replace(_mention("2013-09-23", ("Kim Jong-un",), ("argue", "shutdown", "senate"),
                            "But Kim argued the opposite on Monday , insisting that it could wait ."),
                   sentence=3, headline="Kim argued the opposite")
    quote = replace(_mention("2013-09-23", ("Kim Jong-un",), ("barrier", "senate"),
                             "We don't want barriers , he told Kim on Monday ."),
                    sentence=4, headline="We don't want barriers")
    link_article(store, _ann(1, [KIM], [lead, quote]))
    [event] = store.timeline_events()
    assert event.headline == "Kim argued the opposite"
