"""annotate: one spaCy Language with storyline's registered components (see ``annotator``)."""

from __future__ import annotations

from .annotator import STORYLINE_COMPONENTS, Annotator, build_nlp, to_annotated

__all__ = ["STORYLINE_COMPONENTS", "Annotator", "build_nlp", "to_annotated"]
