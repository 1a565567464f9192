"""Precision, recall and F1, shared by the evaluations."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    p: float
    r: float
    f1: float

    @classmethod
    def of(cls, p: float, r: float) -> PRF:
        """From precision and recall (F1 their harmonic mean, 0 when both are 0)."""
        return cls(p, r, 2 * p * r / (p + r) if p + r > 0 else 0.0)

    @classmethod
    def from_counts(cls, tp_sys: int, n_sys: int, tp_gold: int, n_gold: int) -> PRF:
        """From hits among system items (for precision) and among gold items (for recall)."""
        return cls.of(tp_sys / n_sys if n_sys else 0.0, tp_gold / n_gold if n_gold else 0.0)

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}
