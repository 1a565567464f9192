"""annotate: one spaCy Language with storyline's registered components.

``build_nlp`` loads the configured model and adds, in order, the temporal,
entity, quote and event components (each registered with ``@Language.factory``
in its own module). ``Annotator.annotate`` runs ``nlp.pipe`` over cleaned
articles, with the publication date set as each Doc's DCT, and turns each Doc
into an ``AnnotatedArticle``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..types import AnnotatedArticle, Article, Sentence
from . import entities, events, quotes, temporal  # noqa: F401  (registers factories)
from .model import load_pipeline
from .pieces import MAX_BATCH_CHARS, MAX_PIECE_CHARS, join_pieces, piece_starts

__all__ = ["STORYLINE_COMPONENTS", "Annotator", "build_nlp", "to_annotated"]

STORYLINE_COMPONENTS = (
    "storyline_temporal",
    "storyline_entities",
    "storyline_quotes",
    "storyline_events",
)


def build_nlp(model: str, components: Iterable[str] = STORYLINE_COMPONENTS) -> Language:
    """Load ``model`` and append storyline's components."""
    nlp = load_pipeline(model)
    for name in components:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, article: Article, text: str | None = None) -> Doc:
    """A Doc of ``text`` (default: the article's) with the article's date as its DCT."""
    doc = nlp.make_doc(article.text if text is None else text)
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
        self.max_chars = MAX_PIECE_CHARS  # longer texts are annotated in pieces
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(self.model)
        return self._nlp

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
        """Annotations in the order of ``articles``. Long texts go in pieces, and a batch
        holds at most ``batch_size`` docs and about ``MAX_BATCH_CHARS`` characters: the
        parser's memory grows with the tokens of a batch, so it stays bounded."""
        parts: list[tuple[int, AnnotatedArticle]] = []
        for batch in self._batches(articles):
            for piece, annotated in zip(batch, self._annotate_batch(batch), strict=True):
                parts.append((piece.start, annotated))
                if piece.last:
                    yield parts[0][1] if len(parts) == 1 else join_pieces(piece.article, parts)
                    parts = []

    def _annotate_batch(self, batch: list[_Piece]) -> list[AnnotatedArticle]:
        # The words a batch adds to the vocabulary are dropped after it, so a process that
        # annotates millions of articles does not grow with every new name it has seen.
        with self.nlp.memory_zone():
            docs = (make_doc(self.nlp, p.article, p.article.text[p.start : p.end]) for p in batch)
            done = self.nlp.pipe(docs, batch_size=len(batch))
            return [to_annotated(doc, piece.article) for piece, doc in zip(batch, done, strict=True)]

    def _batches(self, articles: Iterable[Article]) -> Iterator[list[_Piece]]:
        batch: list[_Piece] = []
        chars = 0
        for article in articles:
            text = article.text
            starts = piece_starts(text, self.max_chars)
            ends = [*starts[1:], len(text)]
            for start, end in zip(starts, ends, strict=True):
                if batch and (len(batch) >= self.batch_size or chars + end - start > MAX_BATCH_CHARS):
                    yield batch
                    batch, chars = [], 0
                batch.append(_Piece(article, start, end))
                chars += end - start
        if batch:
            yield batch


@dataclass(frozen=True, slots=True)
class _Piece:
    article: Article
    start: int  # offsets of the piece in the article's text
    end: int

    @property
    def last(self) -> bool:
        return self.end == len(self.article.text)
