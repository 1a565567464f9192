"""Context checks on a candidate that need no parse: capitalised names, ambiguous words, names
that look like times ("the Sunday Times", "Coach"), and the words around a rate or a duration.
``accept`` is what ``patterns.find_candidates`` calls on each match."""

from __future__ import annotations

import re
from collections.abc import Callable

from .patterns import Candidate

__all__ = ["accept", "capitalised", "prev_word"]

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
_QUARTER_NUMS = frozenset({"one", "two", "three", "four", "a"})
_FEW = frozenset({"several", "a few", "few", "many"})  # not "some": "in some quarters" is a place
_PREV_WORD = re.compile(r"([\w'’]+)[^\w]*$")


def prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def accept(cand: Candidate, text: str) -> bool:
    """Context checks that need no parse: capitalised names, ambiguous words."""
    g = cand.match.groupdict()
    if g.get("month") is not None and not capitalised(g["month"]):
        return False
    if g.get("wd") is not None and not capitalised(g["wd"]):
        return False
    if g.get("wda") is not None and not capitalised(g["wda"]):
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
    return prev_word(text, cand.start) in _MONTH_PREPS


def _check_season(cand: Candidate, g: dict[str, str], text: str) -> bool:
    if g.get("mod") or g.get("rel") or g.get("year"):
        return True
    prev = prev_word(text, cand.start)
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
        return prev_word(text, cand.start) in _A_PREPS
    return True


def _check_rate(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """A rate counts something per unit: a number or an amount just before ("$1 billion a year"), or
    a counted noun after one ("1 million cars a year", "hundreds of interviews a day")."""
    prev = prev_word(text, cand.start)
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
    return prev_word(text, cand.start) not in _PAPER_BEFORE and not (m and capitalised(m.group(1)))


def _check_rel_unit(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "This Week" inside a sentence with every word capitalised is a name (a programme, a column)."""
    words = cand.match.group(0).split()
    if not all(capitalised(w) for w in words):
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
    prev = prev_word(text, cand.start)
    at_start = _SENTENCE_START.search(text, max(0, cand.start - 40), cand.start)
    if at_start:
        return g["unit3"][:1].isupper()
    return g["unit3"][:1].islower() and prev not in _NOT_BEFORE_UNITS and not prev[:1].isdigit()


def _check_holiday(cand: Candidate, g: dict[str, str], text: str) -> bool:
    return not g["word"].lower().startswith("new year") or g["word"][:1] == "N"  # not "the new year"


def _check_clock(cand: Candidate, g: dict[str, str], text: str) -> bool:
    if g.get("h24") is None or g.get("tz"):
        return True
    return prev_word(text, cand.start) in ("at", "by", "until", "from", "to", "before", "after")


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n)[\s\"“'‘`(]*$")


def _check_deictic(cand: Candidate, g: dict[str, str], text: str) -> bool:
    """ "USA Today", "VOA Today": a capitalised "Today" after a capitalised word inside a
    sentence is part of a name."""
    if g["word"] != "Today" or _SENTENCE_START.search(text, max(0, cand.start - 40), cand.start):
        return True
    m = _PREV_WORD.search(text, max(0, cand.start - 40), cand.start)
    return not (m and capitalised(m.group(1)))


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
    if m and capitalised(m.group(1)) and m.group(1).lower() in _PAPER_AFTER:
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
