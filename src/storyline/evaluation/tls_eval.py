"""Timeline summarisation on T17 in the news-tls setup.

For each reference timeline: the topic's articles are clipped to the timeline's
first and last date, as many dates are produced as the reference has, each with
k = round(mean sentences per reference date) sentences, and only sentences holding
a topic keyword are used. The reference is read only to score. Scores: AR-1 and
AR-2 (alignment ROUGE, align+ m:1 with date-content costs) and Date F1; averages
take the mean P and R over timelines, then F.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store import Store
from ..timeline.corpus import load_sentences, with_keywords
from ..timeline.summarize import DatedSummary, Params, summarize
from .rouge import PRF
from .t17 import Reference, Topic, annotate_topic, load_topic, ptb_detokenise, topic_names
from .tilse import align_rouge, date_f1

DEFAULT = Params()

__all__ = ["TimelineScore", "evaluate_reference", "evaluate_t17", "average"]


@dataclass(frozen=True, slots=True)
class TimelineScore:
    topic: str
    timeline: str
    ar1: PRF
    ar2: PRF
    date_f1: PRF
    dates: int
    k: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic, "timeline": self.timeline,
            "ar1": self.ar1.as_dict(), "ar2": self.ar2.as_dict(),
            "date_f1": self.date_f1.f1, "date": self.date_f1.as_dict(),
            "dates": self.dates, "k": self.k, "seconds": round(self.seconds, 3),
        }


def generate(
    store: Store, topic: Topic, ref_span: tuple[Any, Any], n_dates: int, k: int,
    params: Params = DEFAULT,
) -> list[DatedSummary]:
    """The system timeline for one reference's span and size (never its content)."""
    since, until = ref_span
    sentences = with_keywords(load_sentences(store, since, until), topic.keywords)
    return summarize(sentences, n_dates, k, since, until, topic.keywords, params)


def size_of(ref: Reference) -> tuple[int, int]:
    """The number of dates and k (sentences per date) asked for a reference's size."""
    return len(ref.entries), max(1, round(sum(len(s) for _, s in ref.entries) / len(ref.entries)))


def evaluate_reference(
    store: Store, topic: Topic, ref: Reference, params: Params = DEFAULT
) -> TimelineScore:
    started = time.perf_counter()
    n_dates, k = size_of(ref)
    system = generate(store, topic, (ref.start, ref.end), n_dates, k, params)
    return score_system(topic, ref, system, k, time.perf_counter() - started)


def score_system(
    topic: Topic, ref: Reference, system: list[DatedSummary], k: int, seconds: float
) -> TimelineScore:
    """AR-1, AR-2 and Date F1 of a system timeline against one reference."""
    predicted = {d.date: [s.text for s in d.sentences] for d in system}
    gold = [{day: [ptb_detokenise(s) for s in sents] for day, sents in ref.entries}]
    return TimelineScore(
        topic.name, ref.name,
        align_rouge(predicted, gold, 1), align_rouge(predicted, gold, 2),
        date_f1(predicted, gold), len(ref.entries), k, seconds,
    )


def average(scores: Sequence[TimelineScore]) -> dict[str, Any]:
    """Mean P and R over timelines, F of the means (as news-tls reports)."""
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    out: dict[str, Any] = {}
    for name in ("ar1", "ar2"):
        prf = PRF.of(mean([getattr(s, name).p for s in scores]), mean([getattr(s, name).r for s in scores]))
        out[name] = prf.as_dict()
    out["date_f1"] = PRF.of(mean([s.date_f1.p for s in scores]), mean([s.date_f1.r for s in scores])).f1
    return out


def evaluate_t17(
    root: Path,
    cache: Path,
    topics: Sequence[str] | None = None,
    params: Params = DEFAULT,
    on_topic: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score every reference timeline of ``topics`` (all by default); annotation of a
    topic's articles is stored under ``cache`` once and reused."""
    names = list(topics) if topics else topic_names(root)
    scores: list[TimelineScore] = []
    generation: dict[str, float] = {}
    for name in names:
        if on_topic:
            on_topic(name)
        topic = load_topic(root, name)
        db = annotate_topic(topic, cache)
        with Store(db) as store:
            topic_scores = [evaluate_reference(store, topic, ref, params) for ref in topic.references]
        generation[name] = sum(s.seconds for s in topic_scores)
        scores.extend(topic_scores)
    return {
        "timelines": [s.as_dict() for s in scores],
        "average": average(scores),
        "seconds_per_topic": sum(generation.values()) / max(len(generation), 1),
        "seconds_by_topic": {k: round(v, 3) for k, v in generation.items()},
    }
