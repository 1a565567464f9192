"""store: the SQLite store (WAL, FTS5, numbered migrations). All SQL lives here.

``store.Store`` is the one entry point: a connection carrying the methods of ``writer``
(articles and annotations in), ``events`` and ``stories`` (the link steps' rows), with the
repositories sharing it (``Store.entities``: the entity registry and listings, typed rows),
``queries`` (listings, search, timeline rows), ``edits`` (the user's edits); ``database`` opens,
migrates and wraps transactions; ``parquet`` holds the annotated-dataset format.
"""

from .entities import EntityRepository, EntityRow, RegistryEntity
from .events import EventCandidate, MemberMention
from .store import Store

__all__ = ["EntityRepository", "EntityRow", "EventCandidate", "MemberMention", "RegistryEntity", "Store"]
