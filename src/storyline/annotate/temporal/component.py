"""The ``storyline_temporal`` spaCy component and the plain ``tag_doc`` function.

Detection is rule-based on the raw text (``patterns``); resolution reads the
dependency parse for tense (``tense``) and the DCT from ``doc._.dct``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from ...types import Timex
from ..extensions import register_extensions
from .anchoring import AnchorState
from .checks import accept, prev_word
from .consistency import past_consistent
from .normalize import Resolver, direction_cue, to_timex
from .patterns import Candidate, find_candidates
from .ranges import split_year_range
from .tense import Tense, clause_kind, perfect_at, reporting_at, tense_at

__all__ = ["TemporalTagger", "tag_doc", "tag_text_candidates"]

#: rules whose value never depends on the DCT when they carry a year
_ABSOLUTE = frozenset(
    {
        "iso",
        "slash",
        "month_year",
        "year",
        "decade",
        "century",
        "year_quarter",
        "chrono_line",
        "chrono_line_md",
    }
)
#: words before a date that may look ahead from a past verb ("extended to Nov. 16", "asked ... by Oct. 31")
_AHEAD = frozenset({"to", "by", "until", "till", "through", "before", "for", "expire", "record", "payable"})
#: rules whose day the text itself named ("On March 3", "3/2/2014"), which a past narrative follows
_NAMED_DAY = frozenset({"iso", "slash", "month_day", "day_month", "chrono_line", "chrono_line_md"})
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: figures a year before them is the period of ("predicting 1990 earnings"), not a count
_PERIOD_FIGURES = frozenset(
    {"earning", "earnings", "result", "sale", "profit", "revenue", "figure", "forecast", "estimate"}
    | {"election"}
)


def _is_quantity(doc: Doc, cand: Candidate) -> bool:
    """A bare four-digit number used as a count ("2000 troops")."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.i > 0 and tok.nbor(-1).tag_ in ("DT", "PRP$", "POS"):
        return False  # "the 1992 protests", "the company's 1989 results"
    if tok.head.lemma_.lower() in _PERIOD_FIGURES:
        return False  # "1990 earnings", "2015 sales": the year the figures are for
    return tok.dep_ == "nummod" and tok.head.tag_ == "NNS"


_HYPHEN_ADJ = re.compile(r"(?:an?|the)\s+(?=\S+-(?:quarter|year|month|week|day|hour|minute|decade)\b)", re.I)


def _trim(cand: Candidate, text: str) -> Candidate:
    """TimeBank leaves the article out of hyphenated adjectives ("the third-quarter")."""
    if cand.rule in ("quarter", "duration"):
        m = _HYPHEN_ADJ.match(text, cand.start, cand.end)
        if m:
            return Candidate(m.end(), cand.end, cand.rule, cand.match)
    return cand


def _bare_name(cand: Candidate, text: str) -> bool:
    """A month, weekday, season or holiday name with no word of its own saying which one."""
    g = cand.match.groupdict()
    if g.get("rel") or g.get("wd") and cand.rule != "weekday" or direction_cue(cand):
        return False
    return prev_word(text, cand.start) not in _AHEAD


def _moves_on(cand: Candidate) -> bool:
    if cand.rule == "weekday":  # a past narrative's "Saturday night" is the story's new day
        return not cand.match.group("rel")
    return cand.rule == "ago" and (cand.match.group("dir") or "").lower() == "later"


def _duration_only(cand: Candidate, type_: str) -> Candidate:
    """ "some two weeks later" with nothing to count from: the duration "some two weeks" alone."""
    if cand.rule == "ago" and type_ == "DURATION" and cand.match.group("dir2") is None:
        direction = (cand.match.group("dir") or "").lower()
        if direction in ("later", "earlier"):
            return Candidate(cand.start, cand.match.end("unit"), cand.rule, cand.match)
    return cand


def tag_text_candidates(text: str) -> list[Candidate]:
    """Candidates found in ``text`` (detection only, no resolution)."""
    return find_candidates(text, accept)


def _as_date(dct: object) -> date | None:
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    return None


def tag_doc(doc: Doc, dct: date | None) -> list[Timex]:
    """TIMEX3 expressions of ``doc`` resolved against ``dct`` (None: values stay
    under-specified, e.g. ``XXXX-06-11``)."""
    dct = _as_date(dct)
    text = doc.text
    # any token with a dependency label means the doc was parsed (cheaper than has_annotation)
    has_parse = bool(len(doc)) and any(tok.dep != 0 for tok in doc[:50])
    cache: dict[tuple[int, int], Tense] = {}

    def tense(start: int, end: int) -> Tense:
        if not has_parse:
            return Tense.UNKNOWN
        key = (start, end)
        if key not in cache:
            cache[key] = tense_at(doc, start, end)
        return cache[key]

    def perfect(start: int, end: int) -> bool:
        return has_parse and perfect_at(doc, start, end)

    def reporting(start: int, end: int) -> bool:
        return has_parse and reporting_at(doc, start, end)

    def kind(start: int, end: int) -> str:
        return clause_kind(doc, start, end) if has_parse else ""

    state = AnchorState(dct)
    resolver = Resolver(dct, tense, state, perfect, text, reporting, kind=kind)
    timexes: list[Timex] = []
    for found in find_candidates(text, accept):
        cand = _trim(found, text)
        if cand.rule == "year" and has_parse and _is_quantity(doc, cand):
            continue
        years = split_year_range(cand, text)
        if years is not None:
            timexes += years
            state.explicit = (int(years[-1].value), cand.end)
            continue
        state.used = None
        try:
            result = resolver.resolve(cand)
        except (ValueError, OverflowError):  # arithmetic past the calendar's range ("year -491")
            continue
        if result is None:
            continue
        type_, value, mod = result
        explicit = cand.rule in _ABSOLUTE or bool(cand.match.groupdict().get("year"))
        if state.used is not None:
            anchor: str | None = state.used
        elif explicit or type_ in ("DURATION", "SET"):
            anchor = None
        else:
            anchor = "dct" if dct is not None and value[:1].isdigit() else None
        if anchor == "dct" and type_ in ("DATE", "TIME") and _bare_name(cand, text):
            value = past_consistent(cand.rule, value, tense(cand.start, cand.end), dct)
            result = (type_, value, mod)
        cand = _duration_only(cand, type_)
        # a year in a relative clause ("who resigned in 2009") is background, not the story's time
        if explicit and type_ == "DATE" and value[:4].isdigit() and kind(cand.start, cand.end) != "relative":
            state.explicit = (int(value[:4]), cand.end)
        if cand.rule in _NAMED_DAY and type_ == "DATE" and _FULL_DAY.fullmatch(value):
            state.told_day = (value, cand.end)
        timexes.append(to_timex(cand, text, result, anchor))
        # values derived from an earlier mention do not become anchors, except a narrative step
        # ("Sixteen years later"), which moves the story's time for what follows
        if type_ in ("DATE", "TIME") and (state.used is None or _moves_on(cand)):
            state.note(value, explicit)
    return timexes


class TemporalTagger:
    """spaCy component: sets ``doc._.timexes`` from ``doc._.dct``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = tag_doc(doc, doc._.dct)
        return doc


@Language.factory(
    "storyline_temporal",
    assigns=["doc._.timexes"],
    requires=["token.pos", "token.tag", "token.dep", "token.lemma", "doc.sents"],
)
def make_temporal(nlp: Language, name: str) -> TemporalTagger:
    return TemporalTagger(nlp, name)
