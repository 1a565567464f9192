"""Doc extensions through which storyline's spaCy components pass their results.

``doc._.dct`` (a ``datetime.date`` or None) is set by the caller before the
pipeline runs; every other attribute is assigned by one component:

=====================  ======================  ===========================
attribute              assigned by             type
=====================  ======================  ===========================
``timexes``            ``storyline_temporal``  list[Timex]
``entities``           ``storyline_entities``  list[LocalEntity]
``entity_mentions``    ``storyline_entities``  list[EntityMention]
``quotes``             ``storyline_quotes``    list[Quote]
``event_mentions``     ``storyline_events``    list[EventMention]
=====================  ======================  ===========================
"""

from __future__ import annotations

from spacy.tokens import Doc

ATTRIBUTES = ("dct", "timexes", "entities", "entity_mentions", "quotes", "event_mentions")


def register_extensions() -> None:
    """Idempotently register storyline's Doc extensions."""
    for name in ATTRIBUTES:
        if not Doc.has_extension(name):
            # getter-free defaults must not be shared mutable lists, so default None
            Doc.set_extension(name, default=None)


register_extensions()
