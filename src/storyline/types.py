"""Domain types shared by every stage of the flow.

Offsets are character offsets into an article's cleaned text. Dates inside the
core are `DateValue`s (a TIMEX3 calendar value with its granularity and the day
range it covers), never bare strings.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from .errors import ConfigError


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class PublishedBasis(StrEnum):
    """How an article's publication date was known."""

    METADATA = "metadata"
    TEXT = "text"
    INFERRED = "inferred"
    USER = "user"
    UNKNOWN = "unknown"


# The calendar's names, once: the date parsers of clean and the temporal tagger and every
# display of a date build on these tables.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
# lower-case month name or abbreviation -> 1..12
MONTHS: dict[str, int] = {n.lower(): i for i, n in enumerate(MONTH_NAMES, 1)} | _MONTH_ABBREVIATIONS
# lower-case weekday name -> 0 (Monday) .. 6, as ``date.weekday()``
WEEKDAYS: dict[str, int] = {n.lower(): i for i, n in enumerate(WEEKDAY_NAMES)}

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True, order=True)
class DateValue:
    """A calendar date at some granularity, e.g. ``2019-06-23``, ``2019-W26``, ``2019``.

    ``start`` and ``end`` are the first and last day covered (inclusive), so values
    of different granularity can be compared and ordered.
    """

    start: date
    end: date
    value: str = field(compare=False)
    granularity: Granularity = field(compare=False)

    @classmethod
    def parse(cls, value: str) -> DateValue:
        """Parse a TIMEX3 calendar value; raise ValueError for non-calendar values
        such as ``PRESENT_REF`` or ``P2D``."""
        v = value.strip()
        try:
            return cls._parse(v)
        except ValueError as exc:
            raise ValueError(f"not a calendar TIMEX3 value: {value!r} ({exc})") from None

    @classmethod
    def _parse(cls, v: str) -> DateValue:
        if m := _DAY.match(v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return cls(d, d, v[:10], Granularity.DAY)
        if m := _WEEKEND.match(v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return cls(monday + timedelta(5), monday + timedelta(6), v, Granularity.WEEK)
        if m := _WEEK.match(v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return cls(monday, monday + timedelta(6), v, Granularity.WEEK)
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return cls(date(y, mo, 1), _month_end(y, mo), v, Granularity.MONTH)
        if m := _QUARTER.match(v):
            y, q = int(m[1]), int(m[2])
            return cls(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), v, Granularity.QUARTER)
        if m := _HALF.match(v):
            y, h = int(m[1]), int(m[2])
            return cls(date(y, 6 * h - 5, 1), _month_end(y, 6 * h), v, Granularity.QUARTER)
        if m := _SEASON.match(v):
            y = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            end = _month_end(y + 1, last - 12) if last > 12 else _month_end(y, last)
            return cls(date(y, first, 1), end, v, Granularity.SEASON)
        if m := _YEAR.match(v):
            y = int(m[1])
            return cls(date(y, 1, 1), date(y, 12, 31), v, Granularity.YEAR)
        if m := _DECADE.match(v):
            y = int(m[1]) * 10
            return cls(date(max(y, 1), 1, 1), date(y + 9, 12, 31), v, Granularity.DECADE)
        if m := _CENTURY.match(v):
            y = int(m[1]) * 100
            return cls(date(max(y, 1), 1, 1), date(y + 99, 12, 31), v, Granularity.CENTURY)
        raise ValueError("unrecognised form")

    @classmethod
    def of_day(cls, d: date) -> DateValue:
        return cls(d, d, d.isoformat(), Granularity.DAY)

    def contains(self, other: DateValue) -> bool:
        return self.start <= other.start and other.end <= self.end

    def compatible(self, other: DateValue) -> bool:
        """True when one value lies within the other (same event, coarser report)."""
        return self.contains(other) or other.contains(self)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.value


def try_date_value(value: str | None) -> DateValue | None:
    """Parse ``value`` when it is a calendar value; None for anything else
    (durations, ``PRESENT_REF``, empty). Used where non-calendar values are expected."""
    if not value:
        return None
    try:
        return DateValue.parse(value)
    except ValueError:
        return None


def parse_user_date(value: str | None, what: str) -> DateValue | None:
    """A date the user typed (``2019``, ``2019-06``, ``2019-06-23``, ``2019-W26``); None when
    blank. The one parser of user dates: every command, option and query string uses it."""
    if value is None or not value.strip():
        return None
    try:
        return DateValue.parse(value)
    except ValueError:
        raise ConfigError(
            f"{what} must be a date such as 2019-06-23, 2019-06 or 2019; got {value!r}"
        ) from None


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """What a timeline is asked for: which events (entity, date range, words in a source
    sentence, outlet) and how many of the most salient (``limit``; all when None).
    Taken by ``Storyline.timeline``, the store, the CLI and the web alike."""

    entity: str | None = None  # a name, an alias or an entity id
    since: DateValue | None = None
    until: DateValue | None = None
    query: str | None = None
    source: str | None = None
    limit: int | None = None
    story: int | None = None  # a story id (see ``Story``); None: every story
    all: bool = False  # every event; False: each story's key events (``timeline.keyevents``)
    new_since: datetime | None = None  # only events first reported (or updated) after this moment

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 1:
            raise ConfigError("limit must be at least 1")
        if self.story is not None and self.story < 1:
            raise ConfigError("story must be a story id; list them with `storyline stories`")

    @classmethod
    def parse(
        cls,
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        story: int | None = None,
        all: bool = False,  # noqa: A002
        new_since: datetime | None = None,
    ) -> TimelineQuery:
        """The query from what a user typed; blank strings mean "no filter"."""
        return cls(
            entity=(entity or "").strip() or None,
            since=parse_user_date(since, "since"),
            until=parse_user_date(until, "until"),
            query=(query or "").strip() or None,
            source=(source or "").strip() or None,
            limit=limit,
            story=story,
            all=all,
            new_since=new_since,
        )

    @property
    def empty_range(self) -> bool:
        """``since`` after ``until``: a valid question whose answer is no events."""
        return bool(self.since and self.until and self.since.start > self.until.end)

    def active(self) -> dict[str, str]:
        """The filters set, as text (for query strings and "filtered by" lines)."""
        values = {"entity": self.entity, "since": self.since, "until": self.until,
                  "query": self.query, "source": self.source, "limit": self.limit,
                  "story": self.story, "all": "1" if self.all else None,
                  "new_since": self.new_since.isoformat() if self.new_since else None}
        return {k: str(v) for k, v in values.items() if v is not None}


# --- read / clean ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawRecord:
    """Bytes of one input as read, with whatever metadata the reader found."""

    path: str
    data: bytes
    sha256: str
    kind: str  # "text", "html", "jsonl", ...
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read or used, with the reason."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article, ready for annotation."""

    title: str
    text: str
    content_hash: str
    raw_sha256: str
    path: str
    source: str | None = None
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: DateValue | None = None
    published_basis: PublishedBasis = PublishedBasis.UNKNOWN
    published_evidence: str | None = None
    part: int = 0  # index of this story within its input (pages holding several stories)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article as listings show it (``Store.articles.listing``)."""

    id: int
    title: str
    source: str | None
    published: DateValue | None
    published_basis: PublishedBasis
    path: str
    url: str | None
    part: int
    story_id: int | None  # its near-duplicate group (``SourceRef.story``)

    def as_dict(self) -> dict[str, Any]:
        """The row as the listing's JSON-ready mapping (dates stay DateValues)."""
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class OutletRow:
    """An outlet with the number of stored articles it published (``Store.articles.sources``)."""

    source: str
    articles: int


# --- annotate -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 temporal expression found in text."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value, e.g. 2019-06-23, P2D, PRESENT_REF
    mod: str | None = None  # TIMEX3 mod, e.g. START, END, APPROX
    anchor: str | None = None  # what it was resolved against: "dct" or another timex's value

    @property
    def date(self) -> DateValue | None:
        return try_date_value(self.value) if self.type in ("DATE", "TIME") else None


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """An entity as one article knows it: a canonical name and the names used for it."""

    key: int  # index within the article
    name: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, ...
    aliases: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity: int  # LocalEntity.key


# Quote.kind and Quote.cue_class values (CLI and web filters)
QUOTE_KINDS = ("direct", "indirect", "mixed")
CUE_CLASS_NAMES = ("speech", "cognition", "intention", "stance", "nominal")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    cue: str
    speaker: str | None  # canonical local name, None if unresolved
    speaker_entity: int | None  # LocalEntity.key
    kind: str  # "direct", "indirect" or "mixed" (own words with a quoted stretch)
    sentence: int
    date: DateValue | None = None
    cue_class: str = "speech"  # speech, cognition, intention, stance or nominal


@dataclass(frozen=True, slots=True)
class EventMention:
    """A sentence (or clause) reporting something dated: the unit merged into events."""

    sentence: int
    start: int
    end: int
    text: str
    date: DateValue | None  # None: an undated reference ("the Hanoi summit"), see ``places``
    timex: str  # the expression that dated it ("" when undated)
    actors: tuple[str, ...]  # canonical local names
    predicate: str  # lemma of the main verb
    background: bool = False  # a past event recalled, not the news of the article
    keywords: tuple[str, ...] = ()  # content lemmas of the clause, for cross-article matching
    places: tuple[str, ...] = ()  # undated: the place naming the event ("Hanoi" in "the Hanoi summit")
    headline: str = ""  # who did what, to whom: a short clause from the parse
    planned: bool = False  # a plan or expectation ("plans to go on Sept 18"), not a happening
    # Evidence only: the date is a subordinate clause's ("since the two met on June 12"); the
    # mention supports an event already known and never starts one.
    support: bool = False


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    sentences: tuple[Sentence, ...]
    timexes: tuple[Timex, ...]
    entities: tuple[LocalEntity, ...]
    mentions: tuple[EntityMention, ...]
    quotes: tuple[Quote, ...]
    events: tuple[EventMention, ...]


# --- store / timeline -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRef:
    article: int
    title: str
    sentence: str
    source: str | None = None
    published: DateValue | None = None  # the article's publication date
    story: int | None = None  # near-duplicate group; copies of one story count once
    background: bool = False
    url: str | None = None
    date: DateValue | None = None  # the date this source gives the event
    support: bool = False  # evidence from a subordinate clause ("since the two met on June 12")


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    id: int
    date: DateValue
    summary: str
    actors: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    salience: float = 0.0
    stories: tuple[int, ...] = ()  # the stories (``Story``) of the articles citing it

    headline: str = ""
    planned: bool = False  # every source reports it as a plan or expectation

    @property
    def independent(self) -> int:
        """Independent articles: copies of one syndicated story count once, and so do several
        sentences of one article."""
        return len({s.story if s.story is not None else s.article for s in self.sources})

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets of its sources, each once, in source order."""
        return tuple(dict.fromkeys(s.source for s in self.sources if s.source))

    marks: tuple[str, ...] = ()  # set by views: "edited", "pinned", "hidden", "new", "updated"


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about one evolving matter, found by online clustering
    (``link.stories``). Not the near-duplicate group of ``SourceRef.story``."""

    id: int
    label: str
    first: DateValue | None  # earliest publication of a member
    last: DateValue | None
    articles: int
    outlets: int


# --- edits -----------------------------------------------------------------------


class EditKind(StrEnum):
    EVENT_HIDE = "event.hide"
    EVENT_UNHIDE = "event.unhide"
    EVENT_DATE = "event.date"
    EVENT_HEADLINE = "event.headline"
    EVENT_PIN = "event.pin"
    EVENT_UNPIN = "event.unpin"
    EVENT_MERGE = "event.merge"  # value: the id of the event merged into the target
    EVENT_SPLIT = "event.split"  # value: {"article": id, "sentence": text} taken out of the target
    ENTITY_MERGE = "entity.merge"  # value: the id of the entity merged into the target
    ENTITY_RENAME = "entity.rename"
    ENTITY_SPLIT_ALIAS = "entity.split_alias"
    ARTICLE_PUBLISHED = "article.published"
    ARTICLE_SOURCE = "article.source"
    ARTICLE_TITLE = "article.title"
    ARTICLE_URL = "article.url"
    ARTICLE_REMOVE = "article.remove"
    ARTICLE_STORY = "article.story"  # value: a story id; applied where stories exist

    @property
    def subject(self) -> str:
        """What the target id names: ``event``, ``entity`` or ``article``."""
        return self.value.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Edit:
    """One user edit. ``target`` (and, for merges, ``value``) hold current ids once resolved."""

    id: int
    kind: EditKind
    target: int
    value: str | None
    created_at: datetime
    note: str | None = None
    anchor: str = "{}"  # JSON identifying the target again after re-annotation
    undone_at: datetime | None = None

    def describe(self) -> str:
        value = "" if self.value is None else f" {self.value}"
        return f"{self.kind} {self.kind.subject} {self.target}{value}"
