"""Merging dated event mentions into events across articles.

A mention joins an existing event when their dates are compatible (one lies
within the other, at any granularity) and they share enough actors and content
words; otherwise it starts a new event. Candidates come from the store blocked
by date span, so linking is not quadratic in the number of articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..store import EventCandidate, MemberMention
from ..types import AnnotatedArticle, DateValue, EventMention

# A mention must reach this score to join an event (see _score).
MERGE_THRESHOLD = 1.0


class EventStore(Protocol):
    def event_candidates(self, date: DateValue, actors: frozenset[int]) -> list[EventCandidate]: ...
    def event_members(self, event_id: int) -> list[MemberMention]: ...
    def create_event(self, date: DateValue, summary: str) -> int: ...
    def update_event(self, event_id: int, date: DateValue, summary: str) -> None: ...
    def insert_event_mention(
        self, event_id: int, article_id: int, mention: EventMention, actor_ids: list[int]
    ) -> int: ...


def link_events(
    store: EventStore, article_id: int, ann: AnnotatedArticle, entity_ids: dict[int, int]
) -> list[int]:
    """Store every event mention of ``ann``, merged into events; return the event ids."""
    by_name = {e.name: entity_ids[e.key] for e in ann.entities if e.key in entity_ids}
    event_ids = []
    for mention in ann.events:
        actors = sorted({by_name[a] for a in mention.actors if a in by_name})
        event_id = _best_event(store, mention, frozenset(actors))
        if event_id is None:
            event_id = store.create_event(mention.date, mention.text)
            store.insert_event_mention(event_id, article_id, mention, actors)
        else:
            store.insert_event_mention(event_id, article_id, mention, actors)
            _refresh(store, event_id)
        event_ids.append(event_id)
    return event_ids


def _best_event(store: EventStore, mention: EventMention, actors: frozenset[int]) -> int | None:
    keywords = frozenset(mention.keywords)
    best: tuple[float, int] | None = None
    for candidate in store.event_candidates(mention.date, actors):
        if not candidate.date.compatible(mention.date):
            continue
        score = _score(candidate, mention.date, actors, keywords)
        if score >= MERGE_THRESHOLD and (best is None or score > best[0]):
            best = (score, candidate.id)
    return best[1] if best else None


def _overlap(a: frozenset[int] | frozenset[str], b: frozenset[int] | frozenset[str]) -> float:
    """Overlap coefficient |a & b| / min(|a|, |b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _score(
    candidate: EventCandidate, date: DateValue, actors: frozenset[int], keywords: frozenset[str]
) -> float:
    """Actor overlap + content-word overlap, both needed; a coarser date asks for more."""
    shared_actors = _overlap(candidate.actors, actors)
    shared_words = _overlap(candidate.keywords, keywords)
    if not (candidate.actors & actors) or not (candidate.keywords & keywords):
        return 0.0
    score = shared_actors + shared_words
    if date.granularity != candidate.date.granularity:
        score -= 0.25
    return score


def _refresh(store: EventStore, event_id: int) -> None:
    """Date the event by its most specific consistent mention; summarise by the best one."""
    members = store.event_members(event_id)
    date = event_date(m.date for m in members)
    summary = min(
        members,
        key=lambda m: (m.date.days, m.background, m.published or "9999", len(m.text)),
    ).text
    store.update_event(event_id, date, summary)


def event_date(dates: Iterable[DateValue]) -> DateValue:
    """The finest date that lies within every other date; else the coarsest one."""
    values = sorted(dates, key=lambda d: d.days)
    for candidate in values:
        if all(other.contains(candidate) for other in values):
            return candidate
    return values[-1]
