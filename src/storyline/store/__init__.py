"""store: the SQLite store (WAL, FTS5, numbered migrations). All SQL lives here.

``store.Store`` is the one entry point: one connection, shared by the repositories that return
typed rows (``Store.articles``: the article and outlet listings; ``Store.entities``: the entity
registry and listings; ``Store.events``: events as the linker finds and writes them, one event
with its mentions, edit anchors; ``Store.stories``: the story clustering's tables, near-duplicate
groups and story listings; ``Store.quotes``: quotes in and their listings; ``Store.tls``: the
rows timeline summaries are made of; ``Store.edits``: the user's edits) and carrying the methods
of the parts still mixed in: ``writer`` (articles and annotations in, ingest runs, removal) and
``queries`` (search and the article view, as the typed rows of ``article_rows``; timeline rows);
``database`` opens, migrates and wraps transactions; ``parquet`` holds the annotated-dataset
format.
"""

from .articles import ArticleRepository
from .edits import EditRepository
from .entities import EntityRepository, EntityRow, RegistryEntity
from .events import ActorRow, EventCandidate, EventDetail, EventMentionRow, EventRepository, MemberMention
from .quotes import QuoteRepository, QuoteRow
from .store import Store
from .stories import StoryMember, StoryOverlap, StoryRepository
from .tls import TLSRepository
from .writer import StoredArticle

__all__ = [
    "ActorRow", "ArticleRepository", "EditRepository", "EntityRepository", "EntityRow", "EventCandidate",
    "EventDetail", "EventMentionRow", "EventRepository", "MemberMention", "QuoteRepository", "QuoteRow",
    "RegistryEntity", "Store", "StoredArticle", "StoryMember", "StoryOverlap", "StoryRepository",
    "TLSRepository",
]
