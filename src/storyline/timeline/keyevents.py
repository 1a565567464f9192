"""A story's key events: the short, ranked list a reader sees first.

An event's key score adds up
- corroboration: independent articles citing it (copies of one wire story count once)
  and outlets;
- news value: the share of its mentions that report it as news, published near its date
  (rather than recalling it as background);
- centrality: how many of its actors are the story's central actors (those most cited
  across the story's events), and how close its sentences are to the story's centroid
  (the words weighing most in the story's articles);
- precision: a day-dated event says more than one dated to a year.

Events dated far outside the story's span (the 1953 armistice in 2018 coverage) are
background: never key events (they stay in ``--all`` and on their event pages). A date
is before the span when it *starts* before it (with a margin): "1998" is before coverage
beginning in January 1999 although the year ends within a month of it.
Choosing greedily, each further event from an article already cited weighs a little
less, so the list covers the story's articles rather than the longest one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..text.terms import stems
from ..types import Granularity, Story, TimelineEvent
from .rank import by_date

__all__ = ["KeyParams", "background", "key_events", "key_score"]


@dataclass(frozen=True, slots=True)
class KeyParams:
    limit: int = 15  # key events per story
    before_days: int = 31  # events starting this long before the story's first article are background
    after_days: int = 366  # ... or starting this long after its last one
    recalled_days: int = 366  # ... unless recalled by two articles and this recent
    news_days: int = 14  # a mention published within this many days of the event reports news
    central_actors: int = 8  # the story's central actors: its this-many most cited
    article_penalty: float = 0.3  # taken off per event already chosen from the same article


def background(event: TimelineEvent, story: Story, p: KeyParams = KeyParams()) -> bool:
    """True when the event lies far outside the story's span: history recalled, not news.
    A happening dated to a day, week or month shortly before the span (within
    ``recalled_days``) that several of the story's articles recall (the summit the coverage
    follows up) is part of the story; a year or longer that begins before the span is not."""
    first = story.first.start if story.first is not None else None
    before = first is not None and event.date.start < first - timedelta(p.before_days)
    if before and first is not None and not _followed_up(event, first, p):
        return True
    return story.last is not None and event.date.start > story.last.end + timedelta(p.after_days)


_HAPPENING = frozenset({Granularity.DAY, Granularity.WEEK, Granularity.MONTH})


def _followed_up(event: TimelineEvent, first: date, p: KeyParams) -> bool:
    """A happening recalled by two independent articles, shortly before ``first``."""
    recalled = len({s.story if s.story is not None else -s.article for s in event.sources}) >= 2
    recent = event.date.start >= first - timedelta(p.recalled_days)
    return recalled and recent and event.date.granularity in _HAPPENING


def news_share(event: TimelineEvent, p: KeyParams = KeyParams()) -> float:
    """The share of the event's mentions reporting it as news near its publication date."""
    if not event.sources:
        return 0.0
    near = 0
    for s in event.sources:
        published = s.published.start if s.published and s.published.granularity == Granularity.DAY else None
        if s.background or published is None:
            continue
        if event.date.start - timedelta(p.news_days) <= published <= event.date.end + timedelta(p.news_days):
            near += 1
    return near / len(event.sources)


def central_actors(events: Iterable[TimelineEvent], n: int) -> frozenset[str]:
    """The ``n`` actors cited by the most sources across the events."""
    counts: Counter[str] = Counter()
    for e in events:
        for actor in e.actors:
            counts[actor] += len({s.article for s in e.sources})
    return frozenset(a for a, _ in counts.most_common(n))


def term_centrality(event: TimelineEvent, centroid: dict[str, float]) -> float:
    """Cosine between the event's sentences (stems) and the story's centroid, 0 to 1."""
    if not centroid:
        return 0.0
    counts = Counter(t for s in {src.sentence for src in event.sources} | {event.summary} for t in stems(s))
    dot = sum(n * centroid.get(t, 0.0) for t, n in counts.items())
    norm = (sum(n * n for n in counts.values()) * sum(w * w for w in centroid.values())) ** 0.5
    return dot / norm if norm else 0.0


def key_score(
    event: TimelineEvent, central: frozenset[str], centroid: dict[str, float], p: KeyParams = KeyParams()
) -> float:
    groups = {s.story if s.story is not None else -s.article for s in event.sources}
    outlets = {s.source for s in event.sources if s.source}
    actors = min(sum(1 for a in event.actors if a in central), 2) / 2
    precise = 0.5 if event.date.granularity == Granularity.DAY else 0.0
    return (len(groups) + 0.5 * len(outlets) + 1.5 * news_share(event, p) + actors
            + 3.0 * term_centrality(event, centroid) + precise)


def key_events(
    story: Story, events: Sequence[TimelineEvent], p: KeyParams = KeyParams(),
    centroid: dict[str, float] | None = None,
) -> list[TimelineEvent]:
    """The story's ``p.limit`` key events (salience set to the key score), in date order.
    ``centroid``: the story's word weights (``Store.stories.story_centroid``). Background events
    are left out; of events with the same summary only the best is kept."""
    current = [e for e in events if not background(e, story, p)]
    central = central_actors(current, p.central_actors)
    scored = [replace(e, salience=round(key_score(e, central, centroid or {}, p), 3)) for e in current]
    chosen: list[TimelineEvent] = []
    seen: set[str] = set()
    per_article: Counter[int] = Counter()
    pool = list(scored)
    while pool and len(chosen) < p.limit:
        best = max(pool, key=lambda e: (_discounted(e, per_article, p), -e.date.start.toordinal(), -e.id))
        pool.remove(best)
        text = " ".join(best.summary.lower().split())
        if text in seen:
            continue
        seen.add(text)
        chosen.append(best)
        per_article.update({s.article for s in best.sources})
    return by_date(chosen)


def _discounted(event: TimelineEvent, per_article: Counter[int], p: KeyParams) -> float:
    """The key score less the penalty for articles already cited by chosen events."""
    cited = min((per_article[s.article] for s in event.sources), default=0)
    return event.salience - p.article_penalty * cited
