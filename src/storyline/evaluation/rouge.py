"""ROUGE-N as ROUGE-1.5.5 computes it with ``-a -n 2 -x -m -s``.

Text is lowercased and every run of characters other than ``a-z0-9`` becomes a
space; stopwords (the SMART list) are removed (``-s``); words longer than three
characters are Porter-stemmed (``-m``); n-grams are counted over the whole summary
and matched with clipped counts. Against several references, hits and counts are
summed over the references (ROUGE-1.5.5's model average): recall is hits over all
reference n-grams, precision hits over the peer's n-grams times the number of
references.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..timeline.tokens import tokens
from .metrics import PRF

__all__ = ["Counts", "PRF", "ngrams", "overlap", "rouge_n", "tokens"]


def ngrams(text: str | Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """The n-gram counts of a text, or of sentences taken together as one text."""
    words = tokens(text) if isinstance(text, str) else [w for s in text for w in tokens(s)]
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def overlap(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> int:
    """Clipped n-gram matches between two count tables."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(c, b[g]) for g, c in a.items() if g in b)


@dataclass(frozen=True, slots=True)
class Counts:
    """Summed (possibly weighted) hits and the n-gram totals they are divided by."""

    hits: float = 0.0
    peer: float = 0.0
    ref: float = 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.hits + other.hits, self.peer + other.peer, self.ref + other.ref)

    def prf(self) -> PRF:
        p = self.hits / self.peer if self.peer else 0.0
        r = self.hits / self.ref if self.ref else 0.0
        return PRF.of(p, r)


def rouge_n(peer: str | Sequence[str], references: Iterable[str | Sequence[str]], n: int) -> PRF:
    """ROUGE-N of ``peer`` against one or more references (each a text or its sentences)."""
    peer_grams = ngrams(peer, n)
    total = Counts()
    for ref in references:
        ref_grams = ngrams(ref, n)
        total = total + Counts(
            overlap(peer_grams, ref_grams), sum(peer_grams.values()), sum(ref_grams.values())
        )
    return total.prf()
