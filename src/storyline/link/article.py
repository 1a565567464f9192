"""Store one annotated article and link it to what the store already holds."""

from __future__ import annotations

from ..store import Store
from ..types import AnnotatedArticle
from .duplicates import DuplicateIndex
from .entities import link_entities
from .events import link_events
from .stories import StoryClusterer


class ArticleLinker:
    """Writes annotated articles into ``store``: the article, its near-duplicate story,
    sentences, timexes, entities (through the registry), quotes and events (merged).
    The caller holds the transaction. Needs no spaCy pipeline, so ``storyline load``
    uses it as ``storyline add`` does."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stories = StoryClusterer(store.stories)
        self.duplicates = DuplicateIndex()
        for article_id, signature in store.minhash_signatures():
            self.duplicates.add_signature(article_id, signature)

    def store_article(self, ann: AnnotatedArticle) -> tuple[int, bool]:
        """The new article's id, and whether it is a near-duplicate of a stored story."""
        store = self.store
        signature = self.duplicates.signature(ann.article.text)
        article_id = store.insert_article(ann.article, self.duplicates.to_bytes(signature))
        copies = [int(str(key)) for key in self.duplicates.query_signature(signature)]
        if copies:
            store.stories.set_story(article_id, store.stories.story_of(min(copies)))
        self.duplicates.add_signature(article_id, signature)
        store.insert_sentences(article_id, ann.sentences)
        store.insert_timexes(article_id, ann.timexes)
        entity_ids = link_entities(store.entities, article_id, ann)
        for quote in ann.quotes:
            speaker = entity_ids.get(quote.speaker_entity) if quote.speaker_entity is not None else None
            store.quotes.insert_quote(article_id, quote, speaker)
        link_events(store.events, article_id, ann, entity_ids)
        self._assign_story(article_id, ann, entity_ids, min(copies) if copies else None)
        return article_id, bool(copies)

    def _assign_story(
        self, article_id: int, ann: AnnotatedArticle, entity_ids: dict[int, int], copy_of: int | None
    ) -> None:
        """The article joins a story (that of the article it copies, if any)."""
        merged: dict[int, tuple[str, int]] = {}
        for entity in ann.entities:
            if entity.key in entity_ids:
                eid = entity_ids[entity.key]
                name, n = merged.get(eid, (entity.name, 0))
                merged[eid] = (name, n + entity.mentions)
        story = self.store.stories.story_of_article(copy_of) if copy_of is not None else None
        article = ann.article
        self.stories.assign(article_id, article.title, article.text, article.published,
                            [(eid, name, n) for eid, (name, n) in merged.items()], story, article.part > 0)
