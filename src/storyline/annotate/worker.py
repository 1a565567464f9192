"""The annotate function shared by every way of running it: in the caller's process
(``add``), in a process pool (``add --jobs N``) and on Dask workers (``annotate``).

Each process loads the spaCy pipeline once, on its first batch, and keeps it.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from ..types import AnnotatedArticle, Article, Skipped
from .annotator import Annotator, build_nlp
from .model import TOKENIZER_ONLY, load_pipeline

__all__ = ["annotate_batch", "annotate_safely", "annotator_for", "load_tokenizer"]

Result = AnnotatedArticle | Skipped


@lru_cache(maxsize=2)
def annotator_for(model: str, batch_size: int) -> Annotator:
    """This process's annotator for ``model`` (loaded on first use, then reused)."""
    return Annotator(model, batch_size, build_nlp(model))


def load_tokenizer(model: str) -> Language:
    """Only the tokenizer of ``model``: what estimating a date from text needs."""
    return load_pipeline(model, exclude=TOKENIZER_ONLY)


def annotate_safely(annotator: Annotator, articles: list[Article]) -> list[Result]:
    """Annotate a batch; if that fails, article by article, so an article that trips a
    component is skipped with the reason instead of losing the batch."""
    try:
        return list(annotator.annotate(articles))
    except Exception:  # noqa: BLE001  (any bug in a component; retried one by one below)
        results: list[Result] = []
        for article in articles:
            try:
                results.extend(annotator.annotate([article]))
            except Exception as exc:  # noqa: BLE001
                results.append(Skipped(article.path, f"annotation failed: {type(exc).__name__}: {exc}"))
        return results


def annotate_batch(articles: list[Article], model: str, batch_size: int) -> list[Result]:
    """Annotate ``articles`` with this process's pipeline; picklable, for worker processes."""
    return annotate_safely(annotator_for(model, batch_size), articles)
