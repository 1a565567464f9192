"""A user's edits as data, and how they change a timeline (pure: no store, no I/O).

An ``Edit`` records one correction (hide an event, re-date it, merge two events, rename an
entity, fix an article's date, ...). ``plan_edits`` folds the active edits, oldest first,
into an ``EditPlan``; ``apply_plan`` turns the machine's events into the edited ones.
Machine output is never changed: undoing an edit is dropping it from the list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..errors import ConfigError
from ..types import DateValue, Edit, EditKind, SourceRef, TimelineEvent, TimelineQuery

__all__ = [
    "SPLIT_BASE", "ArticleFix", "Edit", "EditKind", "EditPlan", "apply_plan", "passes_filters", "plan_edits",
    "with_moved_stories",
]

SPLIT_BASE = 10**15  # ids of events split out by an edit: SPLIT_BASE + the edit's id


@dataclass(frozen=True, slots=True)
class ArticleFix:
    title: str | None = None
    source: str | None = None
    published: DateValue | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Split:
    new_id: int
    event: int
    article: int
    sentence: str


@dataclass(frozen=True, slots=True)
class EditPlan:
    """The net effect of a list of edits."""

    hidden: frozenset[int] = frozenset()
    dates: Mapping[int, DateValue] = field(default_factory=dict)
    headlines: Mapping[int, str] = field(default_factory=dict)
    pinned: frozenset[int] = frozenset()
    merged: Mapping[int, int] = field(default_factory=dict)  # event -> event it went into
    splits: tuple[Split, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)  # actor name -> name shown
    entity_roots: Mapping[int, int] = field(default_factory=dict)  # entity -> entity it went into
    split_aliases: Mapping[int, frozenset[str]] = field(default_factory=dict)
    articles: Mapping[int, ArticleFix] = field(default_factory=dict)
    removed: frozenset[int] = frozenset()
    stories: Mapping[int, int] = field(default_factory=dict)  # article -> story id

    @property
    def empty(self) -> bool:
        return not (self.hidden or self.dates or self.headlines or self.pinned or self.merged
                    or self.splits or self.names or self.articles or self.removed or self.stories)

    def root(self, event_id: int) -> int:
        """The event ``event_id`` ended up in after merges (itself when not merged)."""
        return _root(self.merged, event_id)

    def partners(self, ids: Iterable[int]) -> set[int]:
        """Events to load beside ``ids`` so that merges and splits can be applied to them."""
        wanted = set(ids)
        for _ in range(len(self.merged) + 1):
            more = {self.root(i) for i in wanted} | {b for b, a in self.merged.items() if a in wanted}
            more |= {s.event for s in self.splits if s.new_id in wanted}
            if more <= wanted:
                break
            wanted |= more
        return wanted


def parse_value_date(value: str | None, what: str = "date") -> DateValue:
    try:
        return DateValue.parse(value or "")
    except ValueError:
        raise ConfigError(
            f"{what} must be a date such as 2019-06-23, 2019-06 or 2019; got {value!r}"
        ) from None


def split_value(value: str | None) -> tuple[int, str]:
    """(article id, sentence) of an ``event.split`` value."""
    try:
        data = json.loads(value or "")
        return int(data["article"]), str(data["sentence"])
    except (ValueError, KeyError, TypeError):
        raise ConfigError(f"a split names an article and a sentence; got {value!r}") from None


def plan_edits(edits: Sequence[Edit], entity_names: Mapping[int, str] | None = None) -> EditPlan:
    """Fold ``edits`` (oldest first; later ones win) into their net effect. ``entity_names``:
    the current names of the entities the edits name (for renames and merges of actors)."""
    names = dict(entity_names or {})
    hidden: set[int] = set()
    pinned: set[int] = set()
    dates: dict[int, DateValue] = {}
    headlines: dict[int, str] = {}
    merged: dict[int, int] = {}
    splits: list[Split] = []
    shown = dict(names)  # entity id -> the name shown
    roots: dict[int, int] = {}
    split_aliases: dict[int, set[str]] = {}
    fixes: dict[int, ArticleFix] = {}
    removed: set[int] = set()
    stories: dict[int, int] = {}
    for e in edits:
        t, v, k = e.target, e.value, e.kind
        if k is EditKind.EVENT_HIDE:
            hidden.add(t)
        elif k is EditKind.EVENT_UNHIDE:
            hidden.discard(t)
        elif k is EditKind.EVENT_PIN:
            pinned.add(t)
        elif k is EditKind.EVENT_UNPIN:
            pinned.discard(t)
        elif k is EditKind.EVENT_DATE:
            dates[t] = parse_value_date(v)
        elif k is EditKind.EVENT_HEADLINE:
            headlines[t] = v or ""
        elif k is EditKind.EVENT_MERGE and v is not None and _root(merged, t) != _root(merged, int(v)):
            merged[int(v)] = t
        elif k is EditKind.EVENT_SPLIT:
            article, sentence = split_value(v)
            splits.append(Split(SPLIT_BASE + e.id, t, article, sentence))
        elif k is EditKind.ENTITY_RENAME:
            shown[t] = v or shown.get(t, "")
        elif k is EditKind.ENTITY_MERGE and v is not None and _root(roots, t) != _root(roots, int(v)):
            roots[int(v)] = t
        elif k is EditKind.ENTITY_SPLIT_ALIAS and v:
            split_aliases.setdefault(t, set()).add(v)
        elif k is EditKind.ARTICLE_REMOVE:
            removed.add(t)
        elif k is EditKind.ARTICLE_STORY and v is not None:
            stories[t] = int(v)
        elif k.subject == "article":
            fixes[t] = _fix(fixes.get(t, ArticleFix()), k, v)
    return EditPlan(
        hidden=frozenset(hidden), dates=dates, headlines=headlines, pinned=frozenset(pinned),
        merged=merged, splits=tuple(splits), names=_actor_names(names, shown, roots),
        entity_roots=roots, split_aliases={k: frozenset(v) for k, v in split_aliases.items()},
        articles=fixes, removed=frozenset(removed), stories=stories,
    )


def _root(into: Mapping[int, int], item: int) -> int:
    seen = {item}
    while item in into and into[item] not in seen:
        item = into[item]
        seen.add(item)
    return item


def _fix(fix: ArticleFix, kind: EditKind, value: str | None) -> ArticleFix:
    if kind is EditKind.ARTICLE_PUBLISHED:
        return replace(fix, published=parse_value_date(value, "published"))
    if kind is EditKind.ARTICLE_SOURCE:
        return replace(fix, source=value)
    if kind is EditKind.ARTICLE_TITLE:
        return replace(fix, title=value)
    return replace(fix, url=value)


def _actor_names(
    names: Mapping[int, str], shown: Mapping[int, str], roots: Mapping[int, int]
) -> dict[str, str]:
    """Machine actor name -> the name shown, following merges then renames."""
    out: dict[str, str] = {}
    for entity_id, name in names.items():
        final = shown.get(_root(roots, entity_id), name)
        if final != name:
            out[name] = final
    return out


def apply_plan(
    events: Iterable[TimelineEvent], plan: EditPlan, keep_hidden: bool = False
) -> list[TimelineEvent]:
    """The events as edited (order kept, split events appended). Hidden ones are left out, or
    with ``keep_hidden`` marked "hidden"; events left without any source are dropped."""
    if plan.empty:
        return list(events)
    by_id = {e.id: _fixed_sources(e, plan) for e in events}
    by_id = _merged(by_id, plan)
    by_id = _split(by_id, plan)
    out = []
    for e in by_id.values():
        if not e.sources:
            continue
        e = _touched(e, plan)
        if e.id in plan.hidden:
            if not keep_hidden:
                continue
            e = replace(e, marks=(*e.marks, "hidden"))
        out.append(e)
    return out


def _fixed_sources(event: TimelineEvent, plan: EditPlan) -> TimelineEvent:
    if not (plan.removed or plan.articles):
        return event
    sources = []
    for s in event.sources:
        if s.article in plan.removed:
            continue
        fix = plan.articles.get(s.article)
        if fix is not None:
            s = replace(s, title=fix.title if fix.title is not None else s.title,
                        source=fix.source if fix.source is not None else s.source,
                        published=fix.published if fix.published is not None else s.published)
        sources.append(s)
    return replace(event, sources=tuple(sources))


def _merged(by_id: dict[int, TimelineEvent], plan: EditPlan) -> dict[int, TimelineEvent]:
    if not plan.merged:
        return by_id
    out: dict[int, TimelineEvent] = {}
    for event_id in by_id:
        root = plan.root(event_id)
        if root not in by_id:  # what it went into is not loaded: keep it as it is
            root = event_id
        out.setdefault(root, by_id[root])
    for event_id in sorted(by_id):  # members join in id order, whatever the input order
        e = by_id[event_id]
        root = plan.root(event_id)
        if root != event_id and root in out:
            into = out[root]
            out[root] = replace(into, sources=_union(into.sources, e.sources),
                                actors=tuple(dict.fromkeys((*into.actors, *e.actors))),
                                marks=_mark(into.marks, "edited"))
    return out


def _union(a: Sequence[SourceRef], b: Sequence[SourceRef]) -> tuple[SourceRef, ...]:
    seen = {(s.article, s.sentence) for s in a}
    return (*a, *(s for s in b if (s.article, s.sentence) not in seen))


def _split(by_id: dict[int, TimelineEvent], plan: EditPlan) -> dict[int, TimelineEvent]:
    for s in plan.splits:
        parent = by_id.get(plan.root(s.event))
        if parent is None:
            continue
        taken = tuple(x for x in parent.sources if x.article == s.article and x.sentence == s.sentence)
        if not taken or len(taken) == len(parent.sources):
            continue
        rest = tuple(x for x in parent.sources if x not in taken)
        by_id[parent.id] = replace(parent, sources=rest, marks=_mark(parent.marks, "edited"))
        actors = tuple(a for a in parent.actors if a in s.sentence or a.split()[-1] in s.sentence)
        by_id[s.new_id] = TimelineEvent(s.new_id, parent.date, s.sentence, actors, taken, marks=("edited",))
    return by_id


def _touched(e: TimelineEvent, plan: EditPlan) -> TimelineEvent:
    marks = e.marks
    if e.id in plan.dates:
        e = replace(e, date=plan.dates[e.id])
        marks = _mark(marks, "edited")
    if e.id in plan.headlines:
        e = replace(e, headline=plan.headlines[e.id])
        marks = _mark(marks, "edited")
    if plan.names and any(a in plan.names for a in e.actors):
        e = replace(e, actors=tuple(dict.fromkeys(plan.names.get(a, a) for a in e.actors)))
    if e.id in plan.pinned:
        marks = _mark(marks, "pinned")
    return replace(e, marks=marks) if marks != e.marks else e


def _mark(marks: tuple[str, ...], mark: str) -> tuple[str, ...]:
    return marks if mark in marks else (*marks, mark)


def with_moved_stories(event: TimelineEvent, plan: EditPlan, homes: dict[int, int | None]) -> TimelineEvent:
    """The event with the stories of its articles as the user moved them (``homes``: each
    article's story after the moves)."""
    articles = {s.article for s in event.sources}
    if not articles & plan.stories.keys():
        return event
    stories = {story for a in articles if (story := homes[a]) is not None}
    return replace(event, stories=tuple(sorted(stories)))


def passes_filters(event: TimelineEvent, q: TimelineQuery) -> bool:
    """The date, story and outlet filters of ``q``, on an edited event."""
    if q.since is not None and event.date.end < q.since.start:
        return False
    if q.until is not None and event.date.start > q.until.end:
        return False
    if q.story is not None and q.story not in event.stories:
        return False
    return q.source is None or any(s.source == q.source for s in event.sources)
