"""Date-wise timeline summarisation: choose the dates that matter, then say what
happened on each with a few cited sentences.

Dates are scored by how many independent articles mention them in their text
(day-level timexes resolved by the temporal tagger, syndicated copies counted
once; a mention of the article's own day, mostly that day's reporting, at its own
weight), in every sentence of the articles about the topic, not only in those a summary
may quote, plus a smaller weight for how many articles were published that day,
optionally damped where coverage is heaviest (a timeline's dates spread over its
span; the news does not). Each chosen date is summarised from the sentences that
mention it and the leads of that day's articles (page furniture, teasers and wire
datelines removed), ranked by closeness to the centroid of those candidates (at half weight) and of
everything the articles about the topic published that day and the next (their
sentences without a keyword too: what the day's reporting was about), rewarded for
query keywords and for naming the day, and kept only when they do not repeat a
sentence already chosen.

With ``Params.months`` (on for ``timeline --summarize``; T17's references are days), a
month named as such ("the Hanoi summit in February 2019") is a date of its own, scored by
the articles naming it like a day, summarised from the sentences naming it. With
``Params.lead_bonus``, the leads of the articles reporting a day (published on it or the
day after) are preferred, their first sentence most: what the day's news led with.

Given the merged events (``link.events``) of the sentences and ``Params.event_weight``, a
day also gains from the events dated to it that independent articles published later
recall (``event_days``): a happening the coverage keeps coming back to, merged across its
wordings.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from ..types import MONTH_NAMES, WEEKDAY_NAMES, DateValue, Granularity
from .corpus import EventMention, Sentence
from .tokens import tokens

__all__ = ["DatedSummary", "Params", "event_days", "score_dates", "score_months", "summarize"]

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class Params:
    """Knobs of the method (chosen by leave-one-topic-out validation on T17)."""

    published_weight: float = 0.25  # an article published that day, against a mention
    future_weight: float = 0.5  # a mention of a day after the article's publication
    focus: float = 0.2  # share of an article's sentences holding a keyword for all of them to count
    # (see _reporting); leave-one-topic-out on T17 (annotated at 8a0b165) chose focus .2, same-day
    # weight .6 and event weight .5 on 7 of 9 folds (grid .0-.3 x .6/1.0 x .5/1.0)
    same_day_weight: float = 0.6  # a mention of the article's own day of publication
    old_weight: float = 1.0  # a mention more than ``recent_days`` after the day
    recent_days: int = 10_000
    volume_exponent: float = 0.15  # damping of days amid heavy coverage (see _per_volume)
    volume_days: int = 3
    lead: int = 5  # sentences of an article counted as its lead
    mention_window: int = 10_000  # days after a day that sentences mentioning it may be published
    add_leads: bool = True  # leads of the day's (and next day's) articles are candidates too
    redundancy: float = 0.5  # max cosine to a sentence already chosen (see summary_centroid)
    min_words: int = 7  # leave-one-topic-out on T17 chose 7 on 8 of 9 folds (grid 5-9): AR-2 .0414 -> .0417
    max_words: int = 40
    keyword_bonus: float = 0.0  # per query word a sentence holds; off: the pool is keyword-filtered
    # already, and on T17 (leave-one-topic-out, volume_exponent .15 against .25) 0 beat 0.05 on every fold
    mention_bonus: float = 0.2  # for a sentence that names the day itself
    length_penalty: float = 0.0  # per word, relative to max_words
    strip_datelines: bool = True  # "LONDON (Reuters) - " and the like cut from sentences
    news_days: int = 2  # the day's centroid also holds every sentence published in this many days from it
    summary_centroid: float = 8.0  # weight of the whole day summary's closeness to the centroid;
    # leave-one-topic-out on T17 (annotated at 3d164f8) chose 6.0 with redundancy .5 on 9 of 9 folds
    # (grid 4/6/8 x .4/.5/.6 x length penalty 0/.2): AR-2 .0381 -> .0399, AR-1 .1382 -> .1388; then
    # 8.0 with pool_weight .5 on 9 of 9 (grid .25/.5/.75/1 x 6/8): AR-2 .0402 -> .0414, AR-1 .1399
    pool_weight: float = 0.5  # weight of each candidate in the day's centroid, against a sentence of
    # the day's news: what the day's reporting was about weighs more than what names the day
    distinct: bool = False  # a sentence summarises one date only (the best-scored); a date left
    # without sentences gives way to the next best (on for `timeline --summarize`; T17 figures
    # were measured without it)
    months: bool = False  # months named as such are dates too (on for `timeline --summarize`)
    month_weight: float = 1.0  # an article naming a month, against one naming a day
    lead_bonus: float = 0.0  # for the first of the leads of the articles reporting the day
    event_weight: float = 0.5  # per later independent article recalling an event of the day, past the
    # first (chosen with same_day_weight; 1.0 when days were scored on keyword sentences only)


DEFAULT = Params()


@dataclass(frozen=True, slots=True)
class DatedSummary:
    date: date  # the day, or the first day of the month summarised
    score: float
    sentences: tuple[Sentence, ...] = field(default=())
    granularity: Granularity = Granularity.DAY  # DAY or MONTH

    @property
    def value(self) -> DateValue:
        if self.granularity == Granularity.MONTH:
            return DateValue.parse(self.date.isoformat()[:7])
        return DateValue.of_day(self.date)

    def as_dict(self) -> dict[str, object]:
        return {
            "date": self.value.value,
            "granularity": self.granularity.value,
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
    """Salience of each day in ``[since, until]``: independent articles mentioning it (each
    at the weight of its most telling mention, see ``_mention_weight``), plus articles
    published on it."""
    weights: dict[date, dict[int, float]] = defaultdict(dict)
    published: dict[date, set[int]] = defaultdict(set)
    for s in sentences:
        published[s.published].add(s.story)
        for day in s.days:
            if since <= day <= until:
                weight = _mention_weight((s.published - day).days, params)
                by_story = weights[day]
                by_story[s.story] = max(by_story.get(s.story, 0.0), weight)
    days = set(weights) | {d for d in published if since <= d <= until}
    scores = {d: sum(weights[d].values()) + params.published_weight * len(published[d]) for d in days}
    if params.volume_exponent:
        scores = _per_volume(scores, published, params)
    return scores


def _mention_weight(lag: int, params: Params) -> float:
    """What one article's mention of a day counts, by the days from it to the article's
    publication: a day ahead is only expected, the day itself ("today") is mostly that day's
    reporting, which publication already counts; a day looked back on is a recall."""
    if lag < 0:
        return params.future_weight
    if lag == 0:
        return params.same_day_weight
    return params.old_weight if lag > params.recent_days else 1.0


def _per_volume(
    scores: dict[date, float], published: dict[date, set[int]], params: Params
) -> dict[date, float]:
    """Scores divided by (1 + articles published within ``volume_days``) ** exponent:
    coverage is heaviest early in a story, but a timeline's dates spread over its span."""
    exponent = params.volume_exponent
    return {d: v / (1 + _volume(d, d, published, params)) ** exponent for d, v in scores.items()}


def _volume(first: date, last: date, published: dict[date, set[int]], params: Params) -> int:
    """Articles published from ``volume_days`` before ``first`` to as many after ``last``."""
    w = params.volume_days
    days = range(-w, (last - first).days + w + 1)
    return sum(len(published.get(first + timedelta(days=i), ())) for i in days)


def event_days(
    mentions: Iterable[EventMention], sentences: Iterable[Sentence], since: date, until: date
) -> dict[date, float]:
    """Per day in ``[since, until]``, how much its events are recalled: for each event dated
    to it, the independent articles published after the day that mention it, less one (a
    single recall is no corroboration), summed. Only mentions in ``sentences`` count (those
    that passed the keyword filter)."""
    kept = {(s.article, s.idx) for s in sentences}
    later: dict[tuple[int, date], set[int]] = defaultdict(set)
    for m in mentions:
        if since <= m.day <= until and m.published > m.day and (m.article, m.idx) in kept:
            later[(m.event, m.day)].add(m.group)
    out: dict[date, float] = defaultdict(float)
    for (_, day), groups in later.items():
        if len(groups) >= 2:
            out[day] += len(groups) - 1
    return dict(out)


def score_months(
    sentences: Iterable[Sentence], since: date, until: date, params: Params = DEFAULT
) -> dict[DateValue, float]:
    """Salience of each month within ``[since, until]`` that sentences name as a month:
    independent articles naming it (those published before it ended at ``future_weight``),
    times ``month_weight``, damped by the month's coverage as days are."""
    past: dict[DateValue, set[int]] = defaultdict(set)
    ahead: dict[DateValue, set[int]] = defaultdict(set)
    published: dict[date, set[int]] = defaultdict(set)
    for s in sentences:
        published[s.published].add(s.story)
        for month in s.months:
            if since <= month.start and month.end <= until:
                (past if s.published > month.end else ahead)[month].add(s.story)
    scores = {m: params.month_weight * (len(past[m]) + params.future_weight * len(ahead[m] - past[m]))
              for m in set(past) | set(ahead)}
    if params.volume_exponent:
        scores = {m: v / (1 + _volume(m.start, m.end, published, params)) ** params.volume_exponent
                  for m, v in scores.items()}
    return scores


def summarize(
    sentences: Sequence[Sentence],
    n_dates: int,
    k: int,
    since: date,
    until: date,
    query: Iterable[str] = (),
    params: Params = DEFAULT,
    events: Sequence[EventMention] = (),
    context: Sequence[Sentence] | None = None,
) -> list[DatedSummary]:
    """``n_dates`` dated summaries of up to ``k`` cited sentences, in date order; ``events``:
    the mentions of merged events in the sentences' articles (see ``event_days``).
    ``context``: every sentence of the span, of which ``sentences`` are the ones a summary
    may quote (those holding a keyword); the days are scored, and each day's news is read,
    on the part of it that ``_reporting`` keeps."""
    reporting = sentences if context is None else _reporting(sentences, context, params.focus)
    days = score_dates(reporting, since, until, params)
    if events and params.event_weight:
        for day, recalled in event_days(events, reporting, since, until).items():
            days[day] = days.get(day, 0.0) + params.event_weight * recalled
    scores = {DateValue.of_day(d): v for d, v in days.items()}
    if params.months:
        scores.update(score_months(reporting, since, until, params))
    order = sorted(scores, key=lambda d: (-scores[d], d.start, d.end))
    by_day, leads = _index(sentences, params)
    by_month: dict[DateValue, list[Sentence]] = defaultdict(list)
    for s in sentences:
        for m in s.months:
            by_month[m].append(s)
    idf = _idf(sentences)
    words = [w for q in query for w in tokens(q)]
    news: dict[date, list[Sentence]] = defaultdict(list)
    for s in reporting:
        news[s.published].append(s)
    used: set[tuple[int, int]] = set()
    out: list[DatedSummary] = []
    for when in order if params.distinct else order[:n_dates]:
        if len(out) >= n_dates:
            break
        month = when.granularity == Granularity.MONTH
        found = _unique(by_month[when]) if month else _candidates(when.start, by_day, leads, params)
        pool = [s for s in _usable(found, params) if (s.article, s.idx) not in used]
        vectors = [_vector(s.text, idf) for s in pool]
        context = _month_news(when, news) if month else _news(when.start, news, params)
        centroid = _centroid([_scaled(v, params.pool_weight) for v in vectors]
                             + [_vector(x.text, idf) for x in context])
        ranked = _rank(pool, vectors, words, params, when, centroid)
        if params.summary_centroid:
            picked = _greedy(ranked, k, params, centroid)
        else:
            picked = _novel(ranked, k, params.redundancy)
        if params.distinct and not picked:
            continue
        used.update((s.article, s.idx) for s, _ in picked)
        out.append(DatedSummary(when.start, scores[when], tuple(s for s, _ in picked),
                                Granularity.MONTH if month else Granularity.DAY))
    return sorted(out, key=lambda d: (d.date, d.granularity != Granularity.MONTH))


def _reporting(sentences: Sequence[Sentence], context: Sequence[Sentence], focus: float) -> list[Sentence]:
    """The topic's reporting, which dates the days and is each day's news: every sentence of
    an article about the topic (at least ``focus`` of its sentences hold a keyword), whether
    or not each sentence names it, and only the keyword sentences of an article that names
    the topic in passing (a profile of Steve Jobs's rival dates the rival's days). On T17,
    scoring on the keyword sentences only gave Date F1 .555, on every sentence .572 but
    Entities .20 and .18, with focus .2 .578 and Entities .33 and .27."""
    quoted = Counter(s.article for s in sentences)
    written = Counter(s.article for s in context)
    about = {a for a, n in quoted.items() if n >= focus * written[a]}
    keyed = {(s.article, s.idx) for s in sentences}
    return [s for s in context if s.article in about or (s.article, s.idx) in keyed]


def _month_news(month: DateValue, news: dict[date, list[Sentence]]) -> list[Sentence]:
    """Every sentence published within ``month``."""
    days = range((month.end - month.start).days + 1)
    return [s for i in days for s in news.get(month.start + timedelta(i), ())]


def _news(day: date, news: dict[date, list[Sentence]], params: Params) -> list[Sentence]:
    """Every sentence published on ``day`` and the ``news_days - 1`` days after: what the
    day's reporting was about, whether or not it names the day."""
    return [s for i in range(params.news_days) for s in news.get(day + timedelta(days=i), ())]


def _candidates(
    day: date, by_day: dict[date, list[Sentence]], leads: dict[date, list[Sentence]], params: Params
) -> list[Sentence]:
    candidates = by_day.get(day, [])
    if params.add_leads:
        candidates = candidates + leads.get(day, [])
    return _unique(candidates)


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


_CALENDAR = frozenset(n.lower() for n in (*MONTH_NAMES, *WEEKDAY_NAMES, "am", "pm", "gmt", "et"))


def _has_content(text: str) -> bool:
    """At least three words that are neither stopwords, numbers nor calendar words
    (drops page furniture such as "January 31, 2011 at 5:21 pm | ...")."""
    words = [w for w in tokens(text, stem=False) if w.isalpha() and w not in _CALENDAR]
    return len(words) >= 3


def _unique(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[str] = set()
    out: list[Sentence] = []
    for s in sentences:
        key = s.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


@lru_cache(maxsize=200_000)
def _terms(text: str) -> tuple[str, ...]:
    """ROUGE's tokens of a sentence, cached: the timelines of a topic share most sentences."""
    return tuple(tokens(text))


def _idf(sentences: Sequence[Sentence]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for s in sentences:
        df.update(set(_terms(s.text)))
    n = max(len(sentences), 1)
    return {w: math.log(n / c) + 1.0 for w, c in df.items()}


def _vector(text: str, idf: dict[str, float]) -> Vector:
    tf = Counter(_terms(text))
    return {w: c * idf.get(w, 1.0) for w, c in tf.items()}


def _norm(v: Vector) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def _cosine(a: Vector, b: Vector, b_norm: float | None = None) -> float:
    """Cosine of two vectors; pass ``b``'s norm when ``b`` is a centroid used many times."""
    dot = sum(v * b[w] for w, v in a.items() if w in b)
    if not dot:
        return 0.0
    return dot / (_norm(a) * (_norm(b) if b_norm is None else b_norm))


_WEEKDAY = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "LONDON | Tue Apr 27, 2010 4:08 am EDT LONDON (Reuters) - ", and a page's headline and
# standfirst up to "Tuesday 4 January 2005 08.43 GMT "
_DATELINE = re.compile(
    r"^.{0,100}?\((?:Reuters|AP|AFP|CNN)\)\s*-+\s*"
    rf"|^.{{0,250}}?\b{_WEEKDAY} \d{{1,2}} [A-Z][a-z]+ \d{{4}} \d{{1,2}}\.\d{{2}} (?:GMT|BST)\s+"
    # a live blog's timestamp: "(Update 1:00 a.m. in Cairo, 6:00 p.m. ET) ", "Cairo, 5:20 p.m. ET) "
    r"|^\([^()]{0,40}\d{1,2}:\d{2} [ap]\.?m\.? [A-Z]{2,3}\)\s*"
    r"|^[A-Z][\w .'-]{0,30}, \d{1,2}:\d{2} [ap]\.?m\.? [A-Z]{2,3}\)\s*"
)


def _strip_dateline(s: Sentence) -> Sentence:
    """The sentence without a wire dateline or the headline and timestamp a page put before
    its lead: words that say nothing about the event (the rest is still a quote)."""
    text = _DATELINE.sub("", s.text, count=1)
    return replace(s, text=text) if text != s.text and text else s


def _usable(candidates: list[Sentence], params: Params) -> list[Sentence]:
    if params.strip_datelines:
        candidates = [_strip_dateline(s) for s in candidates]
    usable = [
        s for s in candidates
        if params.min_words <= len(s.text.split()) <= params.max_words and _has_content(s.text)
        and not _is_teaser(s.text) and not _FURNITURE.search(s.text)
    ]
    return usable or candidates


# reader comments and page chrome ("Posted by: oline | September 16, 2008 1:50 PM | Report abuse")
_FURNITURE = re.compile(r"\||\b(?:Posted|Submitted) by\b|Report abuse")


def _is_teaser(text: str) -> bool:
    """A link teaser cut off mid-sentence ("... federal health officials say the Gulf seafood tha ...")."""
    return text.rstrip().endswith(("...", "\u2026"))


def _scaled(v: Vector, weight: float) -> Vector:
    return v if weight == 1.0 else {w: weight * x for w, x in v.items()}


def _centroid(vectors: Iterable[Vector]) -> Vector:
    centroid: Vector = defaultdict(float)
    for v in vectors:
        for w, x in v.items():
            centroid[w] += x
    return centroid


def _rank(
    usable: list[Sentence], vectors: list[Vector], query: list[str], params: Params, when: DateValue,
    centroid: Vector,
) -> list[tuple[Sentence, Vector, float]]:
    """Candidates best first: close to the day's centroid, holding query words, naming the
    day, leading the day's news, short."""
    norm = _norm(centroid)
    month = when.granularity == Granularity.MONTH
    ranked = []
    for s, v in zip(usable, vectors, strict=True):
        score = _cosine(v, centroid, norm) + params.keyword_bonus * sum(1 for q in query if q in v)
        score += params.mention_bonus * ((when in s.months) if month else (when.start in s.days))
        reports = 0 <= (s.published - when.start).days <= 1  # published on the day or the day after
        if params.lead_bonus and not month and reports and s.idx < params.lead:
            score += params.lead_bonus * (params.lead - s.idx) / params.lead  # the day's news led with it
        score -= params.length_penalty * len(s.text.split()) / params.max_words
        ranked.append((score, s, v))
    ranked.sort(key=lambda t: (-t[0], t[1].published, t[1].article, t[1].idx))
    return [(s, v, score) for score, s, v in ranked]


def _novel(
    ranked: list[tuple[Sentence, Vector, float]], k: int, redundancy: float
) -> list[tuple[Sentence, Vector]]:
    """The first ``k`` of ``ranked`` that do not repeat one another."""
    picked: list[tuple[Sentence, Vector]] = []
    for s, v, _ in ranked:
        if len(picked) >= k:
            break
        if all(_cosine(v, pv) <= redundancy for _, pv in picked):
            picked.append((s, v))
    return picked


def _greedy(
    ranked: list[tuple[Sentence, Vector, float]], k: int, params: Params, centroid: Vector,
    pool: int = 50,
) -> list[tuple[Sentence, Vector]]:
    """Up to ``k`` sentences added one at a time, each the one whose own score plus
    ``summary_centroid`` times the closeness of the summary so far (with it) to the
    day's centroid is highest, among the ``pool`` best ranked (as DATEWISE's CentroidOpt)."""
    norm = _norm(centroid)
    options = ranked[:pool]
    picked: list[tuple[Sentence, Vector]] = []
    summary: Vector = defaultdict(float)
    while options and len(picked) < k:
        def gain(t: tuple[Sentence, Vector, float]) -> float:
            merged = dict(summary)
            for w, x in t[1].items():
                merged[w] = merged.get(w, 0.0) + x
            return t[2] + params.summary_centroid * _cosine(merged, centroid, norm)
        best = max(options, key=gain)
        picked.append((best[0], best[1]))
        for w, x in best[1].items():
            summary[w] += x
        options = [t for t in options if t is not best and _cosine(t[1], best[1]) <= params.redundancy]
    return picked

