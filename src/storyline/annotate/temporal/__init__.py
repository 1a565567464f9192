"""Temporal engine: TIMEX3 detection and normalisation for news text.

``from storyline.annotate import temporal`` registers the ``storyline_temporal``
spaCy factory. ``tag_doc`` runs the tagger on a parsed Doc; ``infer_dct``
estimates a publication date from an article's text.
"""

from __future__ import annotations

from .component import TemporalTagger, tag_doc
from .dct import DctEstimate, infer_dct
from .tense import Tense

__all__ = ["DctEstimate", "Tense", "TemporalTagger", "infer_dct", "tag_doc"]
