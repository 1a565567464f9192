"""Timeline summarisation on T17 and on the Entities data set in the news-tls setup.

For each reference timeline: the topic's articles are clipped to the timeline's
first and last date, as many dates are produced as the reference has, each with
k = round(mean sentences per reference date) sentences, and only sentences holding
a topic keyword are used (an Entities topic's keywords are its name's parts). The
reference is read only to score. Scores: AR-1 and AR-2 (alignment ROUGE, align+ m:1
with date-content costs) and Date F1; averages take the mean P and R over timelines,
then F. The Entities references run their sentences together, so only Date F1 is
scored there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store import Store
from ..timeline.corpus import load_event_mentions, load_sentences, with_keywords
from ..timeline.summarize import DatedSummary, Params, summarize
from .entities import EntityTopic, annotate_entity_topic, entity_topic_names, load_entity_topic
from .rouge import PRF
from .t17 import Reference, Topic, annotate_topic, load_topic, ptb_detokenise, topic_names
from .tilse import align_rouge, date_f1

DEFAULT = Params()

__all__ = [
    "DATEWISE", "TimelineScore", "evaluate_reference", "evaluate_t17", "evaluate_entities", "average",
    "datasets_under",
]

# news-tls's DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020), as published: on T17, and on
# the whole Entities data set (47 entities; Date F1 only is comparable here)
DATEWISE = {
    "t17": {"ar1": 0.120, "ar2": 0.035, "date_f1": 0.544},
    "entities": {"ar1": None, "ar2": None, "date_f1": 0.205},
}


@dataclass(frozen=True, slots=True)
class TimelineScore:
    topic: str
    timeline: str
    ar1: PRF | None  # None where the reference's text cannot be aligned (Entities)
    ar2: PRF | None
    date_f1: PRF
    dates: int
    k: int
    seconds: float
    dataset: str = "t17"

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "topic": self.topic, "timeline": self.timeline,
            "ar1": self.ar1.as_dict() if self.ar1 else None, "ar2": self.ar2.as_dict() if self.ar2 else None,
            "date_f1": self.date_f1.f1, "date": self.date_f1.as_dict(),
            "dates": self.dates, "k": self.k, "seconds": round(self.seconds, 3),
        }


def generate(
    store: Store, keywords: Sequence[str], ref_span: tuple[Any, Any], n_dates: int, k: int,
    params: Params = DEFAULT,
) -> list[DatedSummary]:
    """The system timeline for one reference's span and size (never its content)."""
    since, until = ref_span
    everything = load_sentences(store, since, until)
    sentences = with_keywords(everything, keywords)
    events = load_event_mentions(store, since, until) if params.event_weight else []
    return summarize(sentences, n_dates, k, since, until, keywords, params, events, everything)


def size_of(ref: Reference) -> tuple[int, int]:
    """The number of dates and k (sentences per date) asked for a reference's size."""
    return len(ref.entries), max(1, round(sum(len(s) for _, s in ref.entries) / len(ref.entries)))


def evaluate_reference(
    store: Store, topic: Topic, ref: Reference, params: Params = DEFAULT
) -> TimelineScore:
    started = time.perf_counter()
    n_dates, k = size_of(ref)
    system = generate(store, topic.keywords, (ref.start, ref.end), n_dates, k, params)
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
        got = [x for x in (getattr(s, name) for s in scores) if x is not None]
        out[name] = PRF.of(mean([x.p for x in got]), mean([x.r for x in got])).as_dict() if got else None
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
    def score(name: str) -> tuple[list[TimelineScore], int]:
        topic = load_topic(root, name)
        with Store(annotate_topic(topic, cache)) as store:
            return [evaluate_reference(store, topic, ref, params) for ref in topic.references], \
                store.count("articles")

    return _score_topics("t17", list(topics) if topics else topic_names(root), score, on_topic)


def evaluate_entity(store: Store, topic: EntityTopic, params: Params = DEFAULT) -> TimelineScore:
    """Date F1 of the system timeline of one Entities topic (its reference's span and size)."""
    started = time.perf_counter()
    system = generate(store, topic.keywords, (topic.start, topic.end), len(topic.dates), topic.k, params)
    score = date_f1([d.date for d in system], [{day: [""] for day in topic.dates}])
    return TimelineScore(topic.name, topic.name, None, None, score, len(topic.dates), topic.k,
                         time.perf_counter() - started, "entities")


def evaluate_entities(
    root: Path,
    cache: Path,
    topics: Sequence[str] | None = None,
    params: Params = DEFAULT,
    limit: int | None = None,
    on_topic: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Date F1 of every Entities topic under ``root`` (or ``topics``), on ``limit``
    evenly spaced articles of each reference's span (all by default), annotated once
    under ``cache/entities``."""
    def score(name: str) -> tuple[list[TimelineScore], int]:
        topic = load_entity_topic(root, name)
        with Store(annotate_entity_topic(topic, cache, limit)) as store:
            return [evaluate_entity(store, topic, params)], store.count("articles")

    return _score_topics("entities", list(topics) if topics else entity_topic_names(root), score, on_topic)


def _score_topics(
    dataset: str,
    names: list[str],
    score: Callable[[str], tuple[list[TimelineScore], int]],
    on_topic: Callable[[str], None] | None,
) -> dict[str, Any]:
    """``score(name)`` (a topic's timeline scores and article count) for each topic, as one result."""
    scores: list[TimelineScore] = []
    generation: dict[str, float] = {}
    articles: dict[str, int] = {}
    for name in names:
        if on_topic:
            on_topic(name)
        topic_scores, articles[name] = score(name)
        generation[name] = sum(s.seconds for s in topic_scores)
        scores.extend(topic_scores)
    return _result(dataset, scores, generation, articles)


def _result(
    dataset: str, scores: list[TimelineScore], generation: dict[str, float], articles: dict[str, int]
) -> dict[str, Any]:
    return {
        "dataset": dataset,
        "timelines": [s.as_dict() for s in scores],
        "average": average(scores),
        "datewise": DATEWISE[dataset],
        "articles_by_topic": articles,
        "seconds_per_topic": sum(generation.values()) / max(len(generation), 1),
        "seconds_by_topic": {k: round(v, 3) for k, v in generation.items()},
    }


def datasets_under(data_dir: Path) -> dict[str, Path]:
    """The data sets ``data_dir`` holds: T17 (``topics/`` and ``sources/``), Entities
    (entity folders), or a folder holding ``t17/`` and ``entities/``."""
    from .entities import is_entities_root

    if (data_dir / "sources").is_dir() and (data_dir / "topics").is_dir():
        return {"t17": data_dir}
    if is_entities_root(data_dir):
        return {"entities": data_dir}
    found = {}
    if (data_dir / "t17" / "sources").is_dir():
        found["t17"] = data_dir / "t17"
    if is_entities_root(data_dir / "entities"):
        found["entities"] = data_dir / "entities"
    if not found:
        raise InputError(f"{data_dir} holds neither T17 (topics/, sources/) nor Entities topics "
                         f"(folders with outputwithpub.csv); give the folder of one or of both")
    return found
