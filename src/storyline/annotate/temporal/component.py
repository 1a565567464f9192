"""The ``storyline_temporal`` spaCy component and the plain ``tag_doc`` function.

Detection is rule-based on the raw text (``patterns``); resolution reads the
dependency parse for tense (``tense``) and the DCT from ``doc._.dct``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from ...types import Timex
from ..extensions import register_extensions
from .anchoring import AnchorState
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
_MONTH_PREPS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "through",
        "throughout",
        "during",
        "from",
        "to",
        "early",
        "late",
        "mid",
        "of",
        "before",
        "after",
        "last",
        "next",
        "this",
        "between",
        "and",
        "or",
        "end",
        "beginning",
        "start",
    ]
)
_SEASON_PREPS = _MONTH_PREPS | {"the", "this", "that", "each", "every", "over", "into"}
_A_PREPS = frozenset(
    [
        "for",
        "in",
        "within",
        "over",
        "after",
        "than",
        "about",
        "nearly",
        "almost",
        "past",
        "last",
        "next",
        "first",
        "lasting",
        "spent",
        "took",
        "take",
        "takes",
        "taking",
        "around",
        "only",
        "just",
        "least",
        "to",
        "barely",
        "as",
    ]
)
#: quantities that are often not a duration when alone ("a day like this", "some weeks are hard")
_VAGUE_A = frozenset({"a", "an", "some"})
#: words before "a year" / "a day" that make it a rate ("$1 billion a year", "twice ... 20 times a day")
_RATE_WORDS = frozenset(
    {"million", "billion", "trillion", "thousand", "hundred", "times", "percent", "cents"}
    | {"millions", "thousands", "hundreds", "dozens"}
)
_WORDS = re.compile(r"[\w$%.,']+")
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
_QUARTER_NUMS = frozenset({"one", "two", "three", "four", "a"})
_FEW = frozenset({"several", "a few", "few", "many"})  # not "some": "in some quarters" is a place
_PREV_WORD = re.compile(r"([\w'’]+)[^\w]*$")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def accept(cand: Candidate, text: str) -> bool:
    """Context checks that need no parse: capitalised names, ambiguous words."""
    g = cand.match.groupdict()
    if g.get("month") is not None and not _capitalised(g["month"]):
        return False
    if g.get("wd") is not None and not _capitalised(g["wd"]):
        return False
    if g.get("wda") is not None and not _capitalised(g["wda"]):
        return False
    if cand.rule in ("quarter_abbr", "named_day") and not cand.match.group(0)[:1].isupper():
        return False  # "q3" in a product name or a URL
    if g.get("tz") and g["tz"].islower() and " " not in g["tz"]:
        return False  # "et", "pt" in lower case are words
    check = _CHECKS.get(cand.rule)
    return check(cand, g, text) if check else True


def _check_month(cand: Candidate, g: dict[str, str], text: str) -> bool:
    if g.get("mod") or g.get("rel") or g["month"].lower() not in ("may", "march"):
        return True
    return _prev_word(text, cand.start) in _MONTH_PREPS


def _check_season(cand: Candidate, g: dict[str, str], text: str) -> bool:
    if g.get("mod") or g.get("rel") or g.get("year"):
        return True
    prev = _prev_word(text, cand.start)
    if g["season"].lower() in ("fall", "spring"):  # also verbs and nouns ("the fall in prices")
        return prev in _MONTH_PREPS and prev not in ("and", "or", "to", "from")
    return prev in _SEASON_PREPS or g["season"][:1].isupper()


def _check_duration(cand: Candidate, g: dict[str, str], text: str) -> bool:
    if g.get("old"):
        return False  # ages ("37 years old", "6-year-old") are rarely TIMEX3 in TimeBank
    num = " ".join((g.get("num") or "").lower().split())
    if g["unit"].lower().startswith("quarter") and not (num[:1].isdigit() or num in _QUARTER_NUMS | _FEW):
        return False  # "in some quarters"
    if num in _VAGUE_A and not g.get("qmod") and not cand.match.group(0).lower().startswith("the"):
        return _prev_word(text, cand.start) in _A_PREPS
    return True


def _check_rate(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """A rate counts something per unit: a number or an amount just before ("$1 billion a year"), or
    a counted noun after one ("1 million cars a year", "hundreds of interviews a day")."""
    prev = _prev_word(text, cand.start)
    if prev in _RATE_WORDS or prev[:1].isdigit() or text[max(0, cand.start - 2) : cand.start].strip() == "%":
        return True
    words = _WORDS.findall(text, max(0, cand.start - 40), cand.start)[-4:-1]
    if not prev.endswith("s") or prev in ("hours", "days", "weeks", "months"):  # "24 hours a day": always
        return False
    return any(w[:1].isdigit() or w.lower() in _RATE_WORDS for w in words)


_NEXT_WORD = re.compile(r"\s+([\w'’]+)")
#: words before "daily" that make it a newspaper ("the Communist Party daily Granma")
_PAPER_BEFORE = frozenset({"party", "state", "state-run", "official", "national", "business", "financial"})


def _check_set_word(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "daily" naming a newspaper ("the party daily", "the daily Granma") is no set."""
    if g["word"].lower() != "daily":
        return True
    m = _NEXT_WORD.match(text, cand.end)
    return _prev_word(text, cand.start) not in _PAPER_BEFORE and not (m and _capitalised(m.group(1)))


def _check_rel_unit(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "This Week" inside a sentence with every word capitalised is a name (a programme, a column)."""
    words = cand.match.group(0).split()
    if not all(_capitalised(w) for w in words):
        return True
    return bool(_SENTENCE_START.search(text, max(0, cand.start - 40), cand.start)) and text[
        max(0, cand.start - 1) : cand.start
    ] not in ('"', "“")


_OF_NO_TIME = re.compile(
    r"\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?(?!(?:fiscal\s+)?(?:year|decade|century|month"
    r"|season|\d|'\d|this\b|last\b|next\b|the\b))[a-z]",
    re.IGNORECASE,
)


def _check_quarter(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "the second half of the Democratic race", "the first quarter of the game": a part of
    something that is not a time."""
    return g.get("year") is not None or not _OF_NO_TIME.match(text, cand.end)


#: words before "days after" that make the plural unit part of a longer expression or no time
_NOT_BEFORE_UNITS = frozenset(
    {"the", "of", "a", "few", "many", "several", "these", "those", "recent", "coming", "past", "next", "last"}
    | {"his", "her", "their", "its", "our", "my", "some", "two", "three", "four", "five", "ten", "and", "or"}
    | {"first", "final", "early", "initial", "christmas"}
)


def _check_vague_units(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "Days after the attack", "crashed minutes after take-off" (not "the days after" or "five
    days after", which other rules read, nor "Christmas days after")."""
    if g.get("unit3") is None:
        return True
    prev = _prev_word(text, cand.start)
    at_start = _SENTENCE_START.search(text, max(0, cand.start - 40), cand.start)
    if at_start:
        return g["unit3"][:1].isupper()
    return g["unit3"][:1].islower() and prev not in _NOT_BEFORE_UNITS and not prev[:1].isdigit()


def _check_holiday(cand: Candidate, g: dict[str, str], text: str) -> bool:
    return not g["word"].lower().startswith("new year") or g["word"][:1] == "N"  # not "the new year"


def _check_clock(cand: Candidate, g: dict[str, str], text: str) -> bool:
    if g.get("h24") is None or g.get("tz"):
        return True
    return _prev_word(text, cand.start) in ("at", "by", "until", "from", "to", "before", "after")


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n)[\s\"“'‘`(]*$")


def _check_deictic(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "USA Today", "VOA Today": a capitalised "Today" after a capitalised word inside a
    sentence is part of a name."""
    if g["word"] != "Today" or _SENTENCE_START.search(text, max(0, cand.start - 40), cand.start):
        return True
    m = _PREV_WORD.search(text, max(0, cand.start - 40), cand.start)
    return not (m and _capitalised(m.group(1)))


def _check_reference(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """A sentence-initial "Now," is a discourse marker, not a time; a capitalised "the Future"
    inside a sentence is part of a name ("the Future of Europe conference")."""
    at_start = _SENTENCE_START.search(text, max(0, cand.start - 40), cand.start)
    last = g["word"].split()[-1]
    if last[:1].isupper() and len(g["word"].split()) > 1 and not at_start:
        return False
    if g["word"].lower() != "now" or text[cand.end : cand.end + 1] != ",":
        return True
    return not at_start


#: a weekday before one of these is a publication's name ("the Sunday Times", "Mail on Sunday")
_PAPER_AFTER = frozenset(
    {"times", "telegraph", "express", "mirror", "herald", "post", "tribune", "mail", "independent", "people"}
)


def _check_weekday(cand: Candidate, g: dict[str, str], text: str) -> bool:
    m = _NEXT_WORD.match(text, cand.end)
    if m and _capitalised(m.group(1)) and m.group(1).lower() in _PAPER_AFTER:
        return False
    return not (g["wd"].lower() == "sunday" and text[max(0, cand.start - 8) : cand.start] == "Mail on ")


_CHECKS: dict[str, Callable[[Candidate, dict[str, str], str], bool]] = {
    "deictic": _check_deictic,
    "reference": _check_reference,
    "month": _check_month,
    "season": _check_season,
    "duration": _check_duration,
    "clock": _check_clock,
    "holiday": _check_holiday,
    "vague_units": _check_vague_units,
    "quarter": _check_quarter,
    "weekday": _check_weekday,
    "set_word": _check_set_word,
    "rel_unit": _check_rel_unit,
    "set_rate": _check_rate,
}


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
    return _prev_word(text, cand.start) not in _AHEAD


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
