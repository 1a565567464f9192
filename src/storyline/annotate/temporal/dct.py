"""Estimate a publication date (DCT) for an article that carries none.

The estimate is the latest past date the text mentions: full dates first
("Sept 5, 2018"), then month-days completed with the latest year mentioned
("Thursday (Sept 6)" next to "2018"), then bare years. Dates in future-tense
clauses ("plans to go on Sept 18") are ignored. The result carries its evidence;
when nothing in the text dates it, ``InputError`` says so (never a silent None).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ...errors import InputError
from ...types import DateValue, Granularity, Timex
from .component import tag_doc
from .tense import Tense, tense_at

__all__ = ["DctEstimate", "infer_dct", "infer_dct_pieces"]

_PARTIAL_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class DctEstimate:
    """An inferred publication date and the expression that gave it."""

    value: DateValue
    evidence: str
    basis: str = "inferred"


def _future(doc: Doc, t: Timex) -> bool:
    if not doc.has_annotation("DEP"):
        return False
    return tense_at(doc, t.start, t.end) is Tense.FUTURE


def infer_dct(doc: Doc | str, max_year: int | None = None) -> DctEstimate:
    """Estimate the DCT of ``doc`` (a parsed Doc, or raw text: explicit dates only).

    Raises ``InputError`` when the text mentions no usable date."""
    if isinstance(doc, str):
        import spacy

        doc = spacy.blank("en")(doc)
    limit = max_year if max_year is not None else date.today().year + 1
    timexes = [t for t in tag_doc(doc, None) if t.type in ("DATE", "TIME") and not _future(doc, t)]
    days: list[tuple[DateValue, str]] = []
    years: list[tuple[DateValue, str]] = []
    for t in timexes:
        value = t.value[:10]
        if _FULL_DAY.match(value):
            dv = DateValue.parse(value)
            if dv.start.year <= limit:
                days.append((dv, t.text))
        elif re.fullmatch(r"\d{4}(?:-\d\d)?", t.value) and int(t.value[:4]) <= limit:
            years.append((DateValue.parse(t.value), t.text))
    latest_year = max((dv.start.year for dv, _ in days or years), default=None)
    if latest_year is not None:
        for t in timexes:
            if m := _PARTIAL_DAY.match(t.value[:10]):
                try:
                    d = date(latest_year, int(m[1]), int(m[2]))
                except ValueError:
                    continue
                days.append((DateValue.of_day(d), f"{t.text} (year from the latest year mentioned)"))
    if days:
        dv, evidence = max(days, key=lambda p: p[0].start)
        return DctEstimate(dv, f"latest date mentioned: {evidence}")
    if years:
        dv, evidence = max(years, key=lambda p: p[0].start)
        return DctEstimate(dv, f"latest year mentioned: {evidence}")
    raise InputError(
        "cannot infer a publication date: the text mentions no absolute date; "
        "give one with --dct or in the article's metadata"
    )


def infer_dct_pieces(docs: Iterable[Doc], max_year: int | None = None) -> DctEstimate:
    """``infer_dct`` over a long text given as consecutive pieces (each its own Doc, so no
    Doc ever holds the whole text): the latest full date of any piece, else the latest year.

    Raises ``InputError`` when no piece mentions a usable date."""
    best: DctEstimate | None = None
    for doc in docs:
        try:
            estimate = infer_dct(doc, max_year)
        except InputError:
            continue
        if best is None or _rank(estimate) > _rank(best):
            best = estimate
    if best is None:
        raise InputError(
            "cannot infer a publication date: the text mentions no absolute date; "
            "give one with --dct or in the article's metadata"
        )
    return best


def _rank(estimate: DctEstimate) -> tuple[bool, date]:
    return estimate.value.granularity is Granularity.DAY, estimate.value.start
