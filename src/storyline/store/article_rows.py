"""Typed rows of the article read side: one article with its annotations (``Store.get_article``),
the character spans of what was found in it (``Store.article_spans``) and search hits
(``Store.search``). Dates are DateValues; ``as_dict`` gives the JSON-ready mapping the API shows,
in the order its columns have always had."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..types import DateValue, PublishedBasis
from .quotes import QuoteRow

__all__ = [
    "ArticleDetail", "ArticleEntityRow", "ArticleSpans", "EntitySpan", "EventSpan", "QuoteSpan",
    "SearchHit", "TimexRow",
]


class _Row:
    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        """The row as a JSON-ready mapping, field by field (dates stay DateValues)."""
        names: tuple[str, ...] = self.__slots__  # the subclass's fields, in order
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True, slots=True)
class TimexRow(_Row):
    """A temporal expression of the article: offsets, text, TIMEX3 type and value (a value such
    as ``PRESENT_REF`` or ``P2D`` is no date, so values stay as the tagger wrote them)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    anchor: str | None


@dataclass(frozen=True, slots=True)
class ArticleEntityRow(_Row):
    """An entity of the article: its key and name in the article, the registry entity it was
    linked to, and how often the article mentions it."""

    local_key: int
    local_name: str
    entity_id: int
    name: str
    type: str
    mentions: int


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One stored article with its metadata (the publication date and how it was known), its
    timexes, entities (most mentioned first) and quotes."""

    id: int
    content_hash: str
    raw_sha256: str
    part: int
    path: str
    title: str
    text: str
    source: str | None
    url: str | None
    byline: str | None
    dateline: str | None
    published: DateValue | None
    published_basis: PublishedBasis
    published_evidence: str | None
    story_id: int | None  # its near-duplicate group
    added_at: str
    timexes: tuple[TimexRow, ...]
    entities: tuple[ArticleEntityRow, ...]
    quotes: tuple[QuoteRow, ...]

    def as_dict(self) -> dict[str, Any]:
        """The article as the API's mapping, its annotations as lists of mappings."""
        out = {name: getattr(self, name) for name in self.__slots__}
        for name in ("timexes", "entities", "quotes"):
            out[name] = [row.as_dict() for row in out[name]]
        return out


@dataclass(frozen=True, slots=True)
class EntitySpan(_Row):
    """Where the article mentions a registry entity."""

    start: int
    end: int
    text: str
    entity_id: int
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class QuoteSpan(_Row):
    """Where a quote of the article stands, with its speaker (the registry's name, else the
    article's; ``speaker_id`` when linked)."""

    id: int
    start: int
    end: int
    kind: str
    cue: str
    speaker: str | None
    speaker_id: int | None


@dataclass(frozen=True, slots=True)
class EventSpan(_Row):
    """Where the article mentions an event, and the date that mention gives it."""

    event_id: int
    start: int
    end: int
    date: DateValue | None


@dataclass(frozen=True, slots=True)
class ArticleSpans:
    """The character spans of an article's entity mentions, quotes and event mentions, each in
    text order."""

    entities: tuple[EntitySpan, ...]
    quotes: tuple[QuoteSpan, ...]
    events: tuple[EventSpan, ...]

    def as_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {name: [row.as_dict() for row in getattr(self, name)] for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class SearchHit(_Row):
    """A sentence matching a full-text search, with its article and the match's BM25 score
    (lower is better)."""

    article: int
    title: str
    published: DateValue | None
    sentence_index: int
    sentence: str
    score: float
