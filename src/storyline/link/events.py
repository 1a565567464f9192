"""Merging dated event mentions into events across articles.

A dated mention joins an existing event when their dates are compatible (one
lies within the other, at any granularity: "their first summit in 2018" and "met
in Singapore on June 12") and they share enough actors and content words;
otherwise it starts a new event. Candidates come from the store blocked by
shared actor and date span, so linking is not quadratic in the number of articles.

A supporting mention (the date of a subordinate clause: "since the two met in
Singapore on June 12") joins the best such event when there is one and never starts
an event, so that a sentence is shown under the date it reports.

An undated reference ("At the Singapore summit, ...") joins the one event that
began by the article's publication, shares its naming place and also shares a
person or an event word; when there is none or more than one, it stays out of
the timeline (it cannot be dated).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Protocol

from ..store import EventCandidate, MemberMention
from ..text.eventwords import EVENT_WORDS
from ..types import AnnotatedArticle, DateValue, EventMention

# A mention must reach this score to join an event (see _score).
MERGE_THRESHOLD = 1.0
# An undated reference is ambiguous when its place had more events than this.
PLACE_CANDIDATES = 20
# Reporting lag: an undated reference may name an event that began this soon after the dateline.
UNDATED_LAG = timedelta(days=2)


class EventStore(Protocol):
    def event_candidates(self, date: DateValue, actors: frozenset[int]) -> list[EventCandidate]: ...
    def events_at_places(self, places: frozenset[int], until: str, limit: int) -> list[EventCandidate]: ...
    def event_members(self, event_id: int) -> list[MemberMention]: ...
    def create_event(
        self, date: DateValue, summary: str, headline: str = "", planned: bool = False
    ) -> int: ...
    def update_event(
        self, event_id: int, date: DateValue, summary: str, headline: str = "", planned: bool = False
    ) -> None: ...
    def insert_event_mention(
        self, event_id: int, article_id: int, mention: EventMention, actor_ids: list[int]
    ) -> int: ...


def link_events(
    store: EventStore, article_id: int, ann: AnnotatedArticle, entity_ids: dict[int, int]
) -> list[int]:
    """Store every event mention of ``ann``, merged into events; return the event ids."""
    by_name = {e.name: entity_ids[e.key] for e in ann.entities if e.key in entity_ids}
    people = {entity_ids[e.key] for e in ann.entities if e.key in entity_ids and e.type == "PERSON"}
    event_ids = []
    for mention in ann.events:
        actors = sorted({by_name[a] for a in mention.actors if a in by_name})
        if mention.date is None:
            places = frozenset(by_name[p] for p in mention.places if p in by_name)
            present = frozenset(actors) & people
            found = _undated_event(store, mention, places, present, ann)
            if found is not None:  # its actors: the place and the people of its sentence
                kept = sorted(places | present)
                store.insert_event_mention(found.id, article_id, replace(mention, date=found.date), kept)
                event_ids.append(found.id)
            continue
        event_id = _best_event(store, mention, frozenset(actors))
        if event_id is None and mention.support:
            continue  # evidence for an event not (yet) known: the sentence reports another date
        if event_id is None:
            event_id = store.create_event(mention.date, mention.text, mention.headline, mention.planned)
            store.insert_event_mention(event_id, article_id, mention, actors)
        else:
            store.insert_event_mention(event_id, article_id, mention, actors)
            _refresh(store, event_id)
        event_ids.append(event_id)
    return event_ids


def _undated_event(
    store: EventStore,
    mention: EventMention,
    places: frozenset[int],
    people: frozenset[int],
    ann: AnnotatedArticle,
) -> EventCandidate | None:
    """The single event an undated reference can mean (see the module docstring)."""
    published = ann.article.published
    if not places or published is None:
        return None
    until = (published.end + UNDATED_LAG).isoformat()
    candidates = store.events_at_places(places, until, PLACE_CANDIDATES + 1)
    if len(candidates) > PLACE_CANDIDATES:
        return None
    names = {w for n in mention.places for w in n.lower().split()}
    words = frozenset(mention.keywords) - names
    fitting = [c for c in candidates if (c.actors & people) or (c.keywords & words & EVENT_WORDS)]
    return fitting[0] if len(fitting) == 1 else None


def _best_event(store: EventStore, mention: EventMention, actors: frozenset[int]) -> int | None:
    assert mention.date is not None
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
    """Date the event by what its independent sources support; summarise by its best report."""
    members = [m for m in store.event_members(event_id) if m.dated]
    date = event_date([m.date for m in members], [_source_key(m) for m in members])
    # what happened tells the event better than what was expected of it ("will heat up this weekend");
    # of one article, the sentence it reports the event in first (a lead, not a quote further down)
    best = min(
        members,
        key=lambda m: (
            m.support, m.planned, not date.contains(m.date), m.date.days, m.background, m.published or "9999",
            m.sentence, len(m.text),
        ),
    )
    planned = all(m.planned for m in members if not m.support)
    store.update_event(event_id, date, best.text, best.headline, planned)


def _source_key(member: MemberMention) -> int:
    """Copies of one syndicated story are one source; so are the sentences of one article."""
    return member.story if member.story is not None else member.article_id


def event_date(dates: Sequence[DateValue], sources: Sequence[int] | None = None) -> DateValue:
    """The date most independent sources support, at the finest granularity they support
    together: the finest date that lies within every other date when they all agree ("2018",
    "June 12"); when they disagree ("Wednesday" in two, "Thursday" in one), the finest date
    compatible with a majority of the sources, else the one compatible with most."""
    keys = list(sources) if sources is not None else list(range(len(dates)))
    values = sorted(set(dates), key=lambda d: (d.days, d.start))
    for candidate in values:
        if all(other.contains(candidate) for other in values):
            return candidate
    everyone = len(set(keys))

    def votes(candidate: DateValue) -> int:
        return len({k for k, d in zip(keys, dates, strict=True) if d.compatible(candidate)})

    majority = [c for c in values if 2 * votes(c) > everyone]
    if majority:
        return majority[0]
    return max(values, key=lambda c: (votes(c), c.days))


def disagreements(date: DateValue, dates: Iterable[DateValue]) -> list[DateValue]:
    """The dates of sources that do not agree with an event's date (neither lies within the other)."""
    return [d for d in dates if not d.compatible(date)]
