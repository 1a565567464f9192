"""Timeline summarisation metrics of Martschat & Markert (EACL 2017, CoNLL 2018), as
the tilse toolkit reports them, implemented from the papers' definitions.

A timeline maps dates to sentences. Every ROUGE variant sums (possibly weighted)
n-gram hits and n-gram totals over the reference timelines and divides at the end
(ROUGE-1.5.5's multi-reference averaging; see :mod:`.rouge`):

- **concat**: each timeline's sentences concatenated into one summary.
- **agreement**: only n-grams of daily summaries with the same date match.
- **align**: each predicted date is aligned to a reference date and its matches are
  weighted by ``1 / (|d - r| + 1)`` (days). ``one_to_one`` alignments minimise the
  total cost (Hungarian method); ``many_to_one`` ("align+ m:1", the AR metric of
  the TLS literature) gives each predicted date its cheapest reference date. Date
  costs are ``1 - 1/(|d - r| + 1)``; date-content costs multiply that by
  ``1 - cosine(d, r)`` over the daily summaries' (stemmed, stopword-free) unigrams.
- **date F1**: exact matches of predicted and reference dates.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from enum import Enum

import numpy as np
from scipy.optimize import linear_sum_assignment

from .rouge import PRF, Counts, ngrams, overlap

__all__ = [
    "Alignment",
    "Costs",
    "Timeline",
    "agreement_rouge",
    "align_rouge",
    "concat_rouge",
    "date_f1",
]

Timeline = Mapping[date, Sequence[str]]
Grams = Counter[tuple[str, ...]]


class Costs(Enum):
    DATE = "date"
    DATE_CONTENT = "date_content"


class Alignment(Enum):
    ONE_TO_ONE = "one_to_one"
    MANY_TO_ONE = "many_to_one"


def _daily(timeline: Timeline, n: int) -> dict[date, Grams]:
    return {day: ngrams(list(sents), n) for day, sents in timeline.items()}


def _total(grams: Mapping[date, Grams]) -> int:
    return sum(sum(g.values()) for g in grams.values())


def concat_rouge(predicted: Timeline, references: Sequence[Timeline], n: int) -> PRF:
    """ROUGE-N of all predicted sentences against each reference's sentences."""
    peer = ngrams([s for day in sorted(predicted) for s in predicted[day]], n)
    peer_total = sum(peer.values())
    counts = Counts()
    for ref in references:
        ref_grams = ngrams([s for day in sorted(ref) for s in ref[day]], n)
        counts = counts + Counts(overlap(peer, ref_grams), peer_total, sum(ref_grams.values()))
    return counts.prf()


def agreement_rouge(predicted: Timeline, references: Sequence[Timeline], n: int) -> PRF:
    """ROUGE-N where n-grams match only between daily summaries of the same date."""
    peer = _daily(predicted, n)
    peer_total = _total(peer)
    counts = Counts()
    for ref in references:
        ref_grams = _daily(ref, n)
        hits = sum(overlap(g, ref_grams[d]) for d, g in peer.items() if d in ref_grams)
        counts = counts + Counts(hits, peer_total, _total(ref_grams))
    return counts.prf()


def _weight(a: date, b: date) -> float:
    return 1.0 / (abs((a - b).days) + 1)


def _cosine(a: Grams, b: Grams) -> float:
    dot = sum(c * b[g] for g, c in a.items() if g in b)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm


def _cost_matrix(
    peer_days: list[date], ref_days: list[date], peer: dict[date, Grams],
    ref: dict[date, Grams], costs: Costs,
) -> np.ndarray:
    matrix = np.empty((len(peer_days), len(ref_days)))
    for i, d in enumerate(peer_days):
        for j, r in enumerate(ref_days):
            cost = 1.0 - _weight(d, r)
            if costs is Costs.DATE_CONTENT:
                cost *= 1.0 - _cosine(peer[d], ref[r])
            matrix[i, j] = cost
    return matrix


def _align(
    peer_days: list[date], ref_days: list[date], matrix: np.ndarray, alignment: Alignment
) -> list[tuple[date, date]]:
    if alignment is Alignment.ONE_TO_ONE:
        rows, cols = linear_sum_assignment(matrix)
        return [(peer_days[i], ref_days[j]) for i, j in zip(rows, cols, strict=True)]
    pairs = []
    for i, d in enumerate(peer_days):
        # cheapest reference date; ties go to the nearest, then the earliest
        j = min(range(len(ref_days)), key=lambda k: (matrix[i, k], abs((d - ref_days[k]).days), k))
        pairs.append((d, ref_days[j]))
    return pairs


def align_rouge(
    predicted: Timeline,
    references: Sequence[Timeline],
    n: int,
    costs: Costs = Costs.DATE_CONTENT,
    alignment: Alignment = Alignment.MANY_TO_ONE,
) -> PRF:
    """Alignment-based ROUGE-N: matches of aligned daily summaries, weighted by the
    closeness of their dates. Defaults give align+ m:1 with date-content costs (AR-N)."""
    peer = _daily(predicted, n)
    peer_total = _total(peer)
    # content similarity is always judged on unigrams, whatever n is scored
    peer_uni = _daily(predicted, 1) if n != 1 else peer
    peer_days = sorted(peer)
    counts = Counts()
    for ref in references:
        ref_grams = _daily(ref, n)
        ref_uni = _daily(ref, 1) if n != 1 else ref_grams
        ref_days = sorted(ref_grams)
        hits = 0.0
        if peer_days and ref_days:
            matrix = _cost_matrix(peer_days, ref_days, peer_uni, ref_uni, costs)
            for d, r in _align(peer_days, ref_days, matrix, alignment):
                hits += _weight(d, r) * overlap(peer[d], ref_grams[r])
        counts = counts + Counts(hits, peer_total, _total(ref_grams))
    return counts.prf()


def date_f1(predicted: Timeline | Sequence[date], references: Sequence[Timeline]) -> PRF:
    """Precision, recall and F1 of predicted dates matching reference dates exactly."""
    peer = set(predicted)
    counts = Counts()
    for ref in references:
        counts = counts + Counts(len(peer & set(ref)), len(peer), len(set(ref)))
    return counts.prf()
