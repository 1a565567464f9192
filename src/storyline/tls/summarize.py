"""Date-wise timeline summarisation: choose the dates that matter, then say what
happened on each with a few cited sentences.

Dates are scored by how many independent articles mention them in their text
(day-level timexes resolved by the temporal tagger, syndicated copies counted
once), plus a smaller weight for how many articles were published that day.
Each chosen date is summarised by the sentences that mention it and the leads of
that day's articles, ranked by closeness to the centroid of the
date's candidate sentences, rewarded for query keywords, and kept only when they
do not repeat a sentence already chosen (novelty).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..evaluation.rouge import tokens
from .corpus import Sentence

__all__ = ["DatedSummary", "Params", "score_dates", "summarize"]

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class Params:
    """Knobs of the method (chosen by leave-one-topic-out validation on T17)."""

    published_weight: float = 0.25  # an article published that day, against a mention
    future_weight: float = 0.5  # a mention of a day after the article's publication
    old_weight: float = 1.0  # a mention more than ``recent_days`` after the day
    recent_days: int = 10_000
    lead: int = 5  # sentences of an article counted as its lead
    mention_window: int = 10_000  # days after a day that sentences mentioning it may be published
    add_leads: bool = True  # leads of the day's (and next day's) articles are candidates too
    redundancy: float = 0.3  # max cosine to a sentence already chosen
    min_words: int = 5
    max_words: int = 40
    keyword_bonus: float = 0.1
    mention_bonus: float = 0.0  # for a sentence that names the day itself
    length_penalty: float = 0.0  # per word, relative to max_words


DEFAULT = Params()


@dataclass(frozen=True, slots=True)
class DatedSummary:
    date: date
    score: float
    sentences: tuple[Sentence, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "score": round(self.score, 3),
            "sentences": [
                {"text": s.text, "article": s.article, "sentence": s.idx, "title": s.title,
                 "source": s.source, "published": s.published.isoformat()}
                for s in self.sentences
            ],
        }


def score_dates(
    sentences: Iterable[Sentence], since: date, until: date, params: Params = DEFAULT
) -> dict[date, float]:
    """Salience of each day in ``[since, until]``: independent articles mentioning it,
    plus articles published on it."""
    mentions: dict[date, set[int]] = defaultdict(set)
    future: dict[date, set[int]] = defaultdict(set)
    old: dict[date, set[int]] = defaultdict(set)
    published: dict[date, set[int]] = defaultdict(set)
    for s in sentences:
        published[s.published].add(s.story)
        for day in s.days:
            if since <= day <= until:
                if day > s.published:
                    future[day].add(s.story)
                elif (s.published - day).days > params.recent_days:
                    old[day].add(s.story)
                else:
                    mentions[day].add(s.story)
    days = set(mentions) | set(future) | set(old) | {d for d in published if since <= d <= until}
    return {
        d: len(mentions[d]) + params.future_weight * len(future[d] - mentions[d])
        + params.old_weight * len(old[d] - mentions[d])
        + params.published_weight * len(published[d])
        for d in days
    }


def summarize(
    sentences: Sequence[Sentence],
    n_dates: int,
    k: int,
    since: date,
    until: date,
    query: Iterable[str] = (),
    params: Params = DEFAULT,
) -> list[DatedSummary]:
    """``n_dates`` dated summaries of up to ``k`` cited sentences, in date order."""
    scores = score_dates(sentences, since, until, params)
    chosen = sorted(scores, key=lambda d: (-scores[d], d))[:n_dates]
    by_day, leads = _index(sentences, params)
    idf = _idf(sentences)
    words = [w for q in query for w in tokens(q)]
    out = []
    for day in sorted(chosen):
        candidates = by_day.get(day, [])
        if params.add_leads:
            candidates = candidates + leads.get(day, [])
        picked = _pick(_unique(candidates), k, idf, words, params, day)
        out.append(DatedSummary(day, scores[day], tuple(picked)))
    return out


def _index(
    sentences: Sequence[Sentence], params: Params
) -> tuple[dict[date, list[Sentence]], dict[date, list[Sentence]]]:
    by_day: dict[date, list[Sentence]] = defaultdict(list)
    leads: dict[date, list[Sentence]] = defaultdict(list)
    for s in sentences:
        for day in s.days:
            if -1 <= (s.published - day).days <= params.mention_window:
                by_day[day].append(s)
        if s.idx < params.lead and all(d == s.published for d in s.days):
            leads[s.published].append(s)
            leads[s.published - timedelta(days=1)].append(s)
    return by_day, leads


_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday am pm gmt et"
_CALENDAR = frozenset(f"{_MONTHS} {_DAYS}".split())


def _has_content(text: str) -> bool:
    """At least three words that are neither stopwords, numbers nor calendar words
    (drops page furniture such as "January 31, 2011 at 5:21 pm | ...")."""
    words = [w for w in tokens(text, stem=False) if w.isalpha() and w not in _CALENDAR]
    return len(words) >= 3


def _unique(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[str] = set()
    out = []
    for s in sentences:
        key = s.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _idf(sentences: Sequence[Sentence]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(set(tokens(s.text)))
    n = max(len(sentences), 1)
    return {w: math.log(n / c) + 1.0 for w, c in df.items()}


def _vector(text: str, idf: dict[str, float]) -> Vector:
    tf = Counter(tokens(text))
    return {w: c * idf.get(w, 1.0) for w, c in tf.items()}


def _cosine(a: Vector, b: Vector) -> float:
    dot = sum(v * b[w] for w, v in a.items() if w in b)
    if not dot:
        return 0.0
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def _pick(
    candidates: list[Sentence], k: int, idf: dict[str, float], query: list[str], params: Params,
    day: date,
) -> list[Sentence]:
    usable = [
        s for s in candidates
        if params.min_words <= len(s.text.split()) <= params.max_words and _has_content(s.text)
    ]
    usable = usable or candidates
    vectors = [_vector(s.text, idf) for s in usable]
    centroid: Vector = defaultdict(float)
    for v in vectors:
        for w, x in v.items():
            centroid[w] += x
    ranked = []
    for s, v in zip(usable, vectors, strict=True):
        score = _cosine(v, centroid) + params.keyword_bonus * sum(1 for q in query if q in v)
        score += params.mention_bonus * (day in s.days)
        score -= params.length_penalty * len(s.text.split()) / params.max_words
        ranked.append((score, s, v))
    ranked.sort(key=lambda t: (-t[0], t[1].published, t[1].article, t[1].idx))
    picked: list[tuple[Sentence, Vector]] = []
    for _, s, v in ranked:
        if len(picked) >= k:
            break
        if all(_cosine(v, pv) <= params.redundancy for _, pv in picked):
            picked.append((s, v))
    return [s for s, _ in picked]
