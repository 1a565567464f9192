"""Word lists for temporal expressions: months, weekdays, numbers, units, modifiers.

Every list here is plain data; ``patterns`` turns it into regular expressions and
``normalize`` maps matched words back to values.
"""

from __future__ import annotations

from ...types import MONTHS as _CALENDAR_MONTHS
from ...types import WEEKDAYS as _CALENDAR_WEEKDAYS

# months and weekdays: the shared calendar table (``types``), copied so this table may grow
MONTHS: dict[str, int] = dict(_CALENDAR_MONTHS)
WEEKDAYS: dict[str, int] = dict(_CALENDAR_WEEKDAYS)

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a half": 0.5,
    "half a": 0.5,
    "half an": 0.5,
    "one and a half": 1.5,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}

#: quantity words whose number is unknown: the value gets an ``X`` ("PXY")
VAGUE_NUMBERS = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "numerous",
    "the next few",
    "the past few",
    "the last few",
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

#: ordinal words of a day or week in a run ("the eighth day of the siege", "its 50th day")
ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
)

#: unit word -> TIMEX3 duration letter (time units take the ``T`` prefix)
UNITS: dict[str, str] = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}

#: words before a date that give it a TIMEX3 ``mod``
POINT_MODS: dict[str, str] = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "late": "END",
    "later": "END",
    "end": "END",
    "mid": "MID",
    "middle": "MID",
}

#: words before a quantity that give a duration a TIMEX3 ``mod``
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "nearly": "APPROX",
    "almost": "APPROX",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "just over": "MORE_THAN",
    "just under": "LESS_THAN",
    "well over": "MORE_THAN",
    "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN",
    "a little less than": "LESS_THAN",
    "a little under": "LESS_THAN",
}

#: words inside a duration's span that give it no mod ("a full 48 hours")
SPAN_ONLY_QMODS = (
    "a full",
    "full",
    "a good",
    "a whole",
    "an entire",
    "a further",
    "another",
    "an additional",
)

#: words just before a date that fix its direction from the DCT, whatever the verb's tense
#: ("payable Dec. 7", "as early as Tuesday"; "since March")
FUTURE_CUES = ("payable", "effective", "of record", "as early as", "as soon as", "no later than")
PAST_CUES = ("since", "ended")
#: deadlines that look ahead unless the verb is in the past ("until Friday", "had filed by Wednesday")
DEADLINE_CUES = ("until", "till", "by")

#: single words with a fixed reference value
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "recently": "PAST_REF",
    "a long time ago": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
}

#: nouns after "today's" that name something bound to that day ("today's meeting", "today's
#: editions"); with any other noun "today's" is generic, the present ("today's world", "today's youth")
DAY_BOUND_NOUNS = frozenset(
    {
        "announcement",
        "broadcast",
        "decision",
        "edition",
        "editions",
        "game",
        "hearing",
        "issue",
        "match",
        "meeting",
        "news",
        "paper",
        "papers",
        "program",
        "quiz",
        "race",
        "ruling",
        "session",
        "show",
        "speech",
        "statement",
        "trading",
        "vote",
    }
)

#: set adverbs
SET_WORDS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
}

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year": (1, 1),
    "independence day": (7, 4),
    "thanksgiving": (11, 0),
    "thanksgiving day": (11, 0),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}


def norm(s: str | None) -> str:
    """Lower case with single spaces ("Early  Last" -> "early last"); empty for nothing."""
    return " ".join(s.lower().split()) if s else ""


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def point_mod(word: str | None) -> str | None:
    """The TIMEX3 mod a point modifier gives ("early" START, "the end of" END, "mid-" MID)."""
    words = " ".join(word.lower().replace("-", " ").split()).split() if word else []
    for key, mod in POINT_MODS.items():
        if key in words:
            return mod
    return None
