"""TIMEX3 tagging evaluation in the TempEval-3 manner.

Strict match: same character span. Relaxed match: overlapping spans (one-to-one).
Type and value accuracy are measured over relaxed matches; value F1 is relaxed F1
times value accuracy, as TempEval-3 defines it. Speed is reported separately for
the bare spaCy pipeline and for the temporal component run on its output.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..annotate.temporal import infer_dct, tag_doc
from ..errors import InputError
from .metrics import PRF
from .timeml import GoldDoc, GoldTimex, as_gold

__all__ = ["DocResult", "PRF", "TimexScores", "match", "score", "evaluate"]


@dataclass(frozen=True, slots=True)
class DocResult:
    """One document's system output against its gold annotation."""

    doc: GoldDoc
    system: tuple[GoldTimex, ...]
    pairs: tuple[tuple[GoldTimex, GoldTimex], ...]  # relaxed matches (gold, system)

    @property
    def missed(self) -> list[GoldTimex]:
        hit = {id(g) for g, _ in self.pairs}
        return [g for g in self.doc.timexes if id(g) not in hit]

    @property
    def spurious(self) -> list[GoldTimex]:
        hit = {id(s) for _, s in self.pairs}
        return [s for s in self.system if id(s) not in hit]


@dataclass(frozen=True, slots=True)
class TimexScores:
    strict: PRF
    relaxed: PRF
    type_accuracy: float
    value_accuracy: float
    value_f1: float
    docs: int
    gold: int
    system: int
    spacy_seconds: float = 0.0
    temporal_seconds: float = 0.0
    results: tuple[DocResult, ...] = field(default=(), repr=False)

    @property
    def docs_per_second(self) -> float:
        total = self.spacy_seconds + self.temporal_seconds
        return self.docs / total if total else 0.0

    @property
    def overhead(self) -> float:
        return self.temporal_seconds / self.spacy_seconds if self.spacy_seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "type_accuracy": round(self.type_accuracy, 4),
            "value_accuracy": round(self.value_accuracy, 4),
            "value_f1": round(self.value_f1, 4),
            "docs_per_second": round(self.docs_per_second, 2),
            "docs": self.docs,
            "gold": self.gold,
            "system": self.system,
            "spacy_seconds": round(self.spacy_seconds, 3),
            "temporal_seconds": round(self.temporal_seconds, 3),
            "temporal_overhead": round(self.overhead, 4),
        }


def match(gold: Sequence[GoldTimex], system: Sequence[GoldTimex]) -> list[tuple[GoldTimex, GoldTimex]]:
    """One-to-one relaxed matching: each gold span paired with the system span that
    overlaps it most (exact matches first)."""
    pairs: list[tuple[GoldTimex, GoldTimex]] = []
    used: set[int] = set()
    for g in gold:
        best: tuple[tuple[int, int], int] | None = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            key = (1 if (s.start, s.end) == (g.start, g.end) else 0, overlap)
            if best is None or key > best[0]:
                best = (key, i)
        if best is not None:
            used.add(best[1])
            pairs.append((g, system[best[1]]))
    return pairs


def score(
    results: Iterable[DocResult], spacy_seconds: float = 0.0, temporal_seconds: float = 0.0
) -> TimexScores:
    results = tuple(results)
    n_gold = sum(len(r.doc.timexes) for r in results)
    n_sys = sum(len(r.system) for r in results)
    pairs = [p for r in results for p in r.pairs]
    strict_hits = sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end))
    relaxed = PRF.from_counts(len(pairs), n_sys, len(pairs), n_gold)
    type_acc = sum(1 for g, s in pairs if g.type == s.type) / len(pairs) if pairs else 0.0
    value_acc = sum(1 for g, s in pairs if _same_value(g.value, s.value)) / len(pairs) if pairs else 0.0
    return TimexScores(
        strict=PRF.from_counts(strict_hits, n_sys, strict_hits, n_gold),
        relaxed=relaxed,
        type_accuracy=type_acc,
        value_accuracy=value_acc,
        value_f1=relaxed.f1 * value_acc,
        docs=len(results),
        gold=n_gold,
        system=n_sys,
        spacy_seconds=spacy_seconds,
        temporal_seconds=temporal_seconds,
        results=results,
    )


def _inferred_dct(doc: Doc) -> date | None:
    """A gold file without a usable DCT is tagged as ``storyline timex`` would tag it:
    against the date its text suggests (None when the text gives none)."""
    try:
        return infer_dct(doc).value.start
    except InputError:
        return None


def _same_value(a: str, b: str) -> bool:
    return a.strip().upper() == b.strip().upper()


def evaluate(docs: Sequence[GoldDoc], nlp: Language, batch_size: int = 16) -> TimexScores:
    """Run ``nlp`` (without the temporal component) and then the temporal tagger on
    each gold document's text with its DCT (inferred from the text when the gold file
    has none); score against the gold TIMEX3s."""
    disabled = [name for name in nlp.pipe_names if name.startswith("storyline_")]
    started = time.perf_counter()
    with nlp.select_pipes(disable=disabled):
        parsed = list(nlp.pipe((d.text for d in docs), batch_size=batch_size))
    spacy_seconds = time.perf_counter() - started
    results: list[DocResult] = []
    temporal_seconds = 0.0
    for gold, doc in zip(docs, parsed, strict=True):
        started = time.perf_counter()
        found = tag_doc(doc, gold.dct if gold.dct is not None else _inferred_dct(doc))
        temporal_seconds += time.perf_counter() - started
        limit = gold.scored_until if gold.scored_until is not None else len(gold.text)
        system = tuple(as_gold(t) for t in found if t.start < limit)
        results.append(DocResult(gold, system, tuple(match(gold.timexes, system))))
    return score(results, spacy_seconds, temporal_seconds)
