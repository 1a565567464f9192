"""Regular expressions that find candidate temporal expressions in raw text.

Each rule is one compiled pattern with named groups; ``find_candidates`` runs them
all and keeps the longest non-overlapping matches. Patterns are case-insensitive;
``normalize`` rejects month and weekday names that are not capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import (
    HOLIDAYS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    QUANTITY_MODS,
    REFERENCE_WORDS,
    SEASONS,
    SET_WORDS,
    SPAN_ONLY_QMODS,
    UNITS,
    VAGUE_NUMBERS,
)


def _alt(words: object) -> str:
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


B = r"(?<![\w'’-])"  # left word boundary (not inside a word or hyphenation)
E = r"(?![\w])"
MONTH_FULL = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_ABBR = (
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept\.|sep\.|oct\.|nov\.|dec\."
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
MONTH = rf"(?P<month>{MONTH_FULL}|{MONTH_ABBR})"
MONTH_NAMED = rf"(?P<month>{MONTH_FULL}|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)"
WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
#: "Mon 3 Feb 2014 12.01 GMT": a dateline's weekday and time
WEEKDAY_ABBR = r"(?P<wda>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
TZ = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|JST|AEST|AEDT|Z)(?!\w)"
DATELINE_CLOCK = (
    rf"(?P<dh>[0-2]?\d)[.:](?P<dm>[0-5]\d)(?!\d|\s*(?:%|percent))(?:\s*(?P<dampm>am|pm|a\.m\.|p\.m\.)(?!\w))?"
    rf"(?:\s+{TZ})?"
)
YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
NUMWORD = _alt(k for k in NUMBER_WORDS if " " not in k)
_CHAIN = _alt(k for k in NUMBER_WORDS if " " not in k and k not in ("a", "an"))
NUM = (
    rf"(?P<num>\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:{_alt(k for k in NUMBER_WORDS if ' ' in k)})"
    rf"|(?:{_CHAIN})(?:[\s-](?:{_CHAIN}))*(?:\s+and\s+a\s+half)?|an?|{_alt(VAGUE_NUMBERS)})"
)
#: words that may stand between a number and its unit ("five trading days")
UNIT_ADJ = r"(?:(?:trading|business|working|straight|consecutive|full|calendar|more|additional|extra)\s+)?"
UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True)).replace("century", "century|centuries")
UNIT = rf"{UNIT_ADJ}(?P<unit>(?:{UNIT_WORDS})s?)"
#: a quantity modifier is inside a duration's span ("nearly five years", "a full 48 hours",
#: "a little over a month"), except "about", "almost" and "around", which TimeBank leaves outside
#: (their mod is still read)
OUTSIDE_QMODS = ("about", "almost", "around")
_INSIDE_QMODS = [*(k for k in QUANTITY_MODS if k not in OUTSIDE_QMODS), *SPAN_ONLY_QMODS]
QMOD = rf"(?:(?P<qmod>{_alt(_INSIDE_QMODS)})\s+(?!the\b))"
#: before "the past 18 months" a modifier is inside too ("at least the past 18 months")
QMOD_THE = (
    r"(?:(?P<qmod>at\s+least|more\s+than|less\s+than|no\s+more\s+than|nearly|roughly|approximately)\s+)"
)
#: but keeps them inside a point in time ("almost two years ago")
ANY_QMOD = rf"(?:(?P<qmod>{_alt([*QUANTITY_MODS, *SPAN_ONLY_QMODS])})\s+(?!the\b))"
PMOD = r"(?:(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)(?:\s*-\s*|\s+))"
REL = r"(?P<rel>last|next|this|coming|past|previous|following)"
POD = r"(?P<pod>morning|afternoon|evening|night)"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]


_RULES: tuple[tuple[str, str], ...] = (
    (
        "iso",
        r"(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:T(?P<time>\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?",
    ),
    ("slash", r"(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})"),
    (
        "month_day",
        rf"(?:(?:{WEEKDAY}|{WEEKDAY_ABBR})(?:\s*,\s*|[ \t]+)(?:the\s+)?)?{PMOD}?{MONTH}\s+{DAY}"
        rf"(?:(?:\s*,\s*|\s+){YEAR}(?:,?[ \t]+(?:at[ \t]+)?{DATELINE_CLOCK})?)?"
        r"(?!\d|:\d|\.\d|\s*(?:%|percent))",
    ),
    (
        "day_month",
        rf"(?:(?:{WEEKDAY}|{WEEKDAY_ABBR})(?:\s*,\s*|[ \t]+))?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"
        rf"(?:\s*,?\s+{YEAR}(?:,?[ \t]+{DATELINE_CLOCK})?)?",
    ),
    ("week_of", rf"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:\s*,\s*{YEAR})?(?!\d)"),
    ("month_year", rf"{PMOD}?{MONTH}(?:\s*,\s*|\s+)(?:of\s+)?{YEAR}"),
    ("month", rf"{PMOD}?(?:(?P<rel>last|next|this|coming|past|that)\s+)?{MONTH_NAMED}(?!\s*\d)"),
    # a line of a chronology box: "2009 12 May Minister resigns" keeps its own year
    ("chrono_line", rf"(?m:^)[ \t]*{YEAR}[ \t]+{DAY}[ \t]+{MONTH}"),
    ("chrono_line_md", rf"(?m:^)[ \t]*{YEAR}[ \t]+{MONTH}[ \t]+{DAY}(?!\d)"),
    ("decade", rf"(?:the\s+)?{PMOD}?(?:(?P<decade>(?:1[0-9]|20)\d0)'?s|'(?P<short>\d0)s)"),
    (
        "year",
        rf"(?<![$£€#\d.,]){PMOD}?(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|calendar(?:\s+year)?)\s+)?"
        rf"{YEAR}(?:\s*-\s*(?P<year2>\d{{2}}|\d{{4}}))?(?![\d%]|[.,]\d|\s*%|\s*percent)",
    ),
    (
        "season",
        rf"(?:the\s+)?{PMOD}?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past|previous|following)\s+)?(?P<season>{_alt(SEASONS)})(?:(?:\s+of)?\s+{YEAR}(?:[-–/]\d\d(?!\d))?)?",
    ),
    (
        "quarter",
        r"(?:the\s+)?(?:(?P<rel>latest|last|current|previous|past|same|next|coming|year-earlier|year-ago"
        r"|year-before|comparable|recent)\s+)?(?:(?P<fy>fiscal|calendar)[\s-]+)?"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+)?(?:fiscal\s+)?"
        r"(?P<qh>quarter|half|period)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>\d{4})|(?P<yrel>this|last|next)\s+year)"
        r"|\s+of\s+the\s+(?:current\s+|fiscal\s+)?year"
        r"|\s+(?P<yago>a\s+year\s+(?:ago|earlier|before)))?",
    ),
    # "Q3", "Q3 2014", "the 2014 Q3", "FY2015", "FY15": quarters and fiscal years in figures
    (
        "quarter_abbr",
        r"(?:(?P<fyq>fiscal\s+|FY\s*)?Q(?P<qn>[1-4])(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)|['’]?(?P<yy>\d\d)\b)?"
        r"|FY\s*(?P<fy>(?:19|20)?\d\d))",
    ),
    (
        "year_quarter",
        rf"(?:the\s+)?(?:{YEAR}|(?P<yrel>this|last|next)\s+year)(?:'s)?\s+(?:fiscal\s+)?"
        r"(?:(?P<ord>first|second|third|fourth)[\s-]+(?P<qh>quarter|half)|(?P<period>period))",
    ),
    ("month_relyear", rf"{MONTH_NAMED}\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year"),
    (
        "spoken_year",
        r"(?:the\s+year\s+)?(?:nineteen[\s-]+(?P<tens>ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty)"
        r"(?:[\s-](?P<ones>one|two|three|four|five|six|seven|eight|nine))?|(?P<y2k>two\s+thousand(?!\s+(?:years|months|weeks|days|hours|people)\b)))",
    ),
    (
        "rel_unit",
        r"(?:(?P<mod>early|late|mid|earlier|later)(?:\s+|-))?"
        r"(?P<rel>last|next|this|past|coming|previous|following|current|the\s+past|the\s+last|the\s+next"
        r"|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|that|the\s+prior|the\s+latest)"
        r"\s+(?:(?P<fiscal>fiscal|financial)\s+)?"
        r"(?P<unit>week|weekend|month|year|decade|century|day|morning|afternoon|evening|night)"
        r"(?:\s+or\s+so\b)?",
    ),
    (
        "period_of",
        r"(?:the\s+)?(?P<mod>end|beginning|start|middle|rest|remainder|turn)\s+of\s+"
        r"(?P<rel>the|this|last|next|that)\s+(?P<unit>year|month|week|decade|century|day|quarter)",
    ),
    (
        "n_rel",
        rf"{QMOD_THE}?(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+first"
        rf"|the\s+final|the\s+latest|the\s+following|past|last|next|coming|previous|first)"
        rf"\s+{NUM}\s+{UNIT}(?:\s+or\s+so\b)?",
    ),
    # an anchored point keeps "later"/"earlier" in its span; ``component`` trims them off when
    # nothing in the text anchors it and only the duration is left ("some two weeks later")
    (
        "ago",
        rf"{ANY_QMOD}?{NUM}[\s-]+{UNIT}\s+(?:(?P<dir>ago|earlier|later|hence)"
        rf"|(?P<dir2>before|after)(?=\s*[,.;:)!?\"”]|\s*$|\s+(?:and|but|when|as|in|on|at|to|that|for|with|by)\b))",
    ),
    ("ago_bare", r"(?P<unit>day|week|month|year)\s+(?P<dir>ago)"),
    (
        "same_period",
        r"the\s+(?:same|corresponding|comparable)\s+(?P<unit>period|quarter|month|week|day)"
        r"(?:\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year"
        r"|of\s+(?:the\s+)?(?:last|previous|prior)\s+year|(?:in|of)\s+(?P<year>\d{4})))?",
    ),
    ("the_weekend", r"the\s+weekend"),
    # "the year ended March 31": a reporting year, a duration in TimeBank
    ("year_ended", r"the\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending)\b)"),
    (
        "on_the_day",
        r"the\s+(?:(?:full|whole|entire)\s+)?(?P<unit>day|weekend|week|year)"
        r"(?!-|\s+(?:before|after|of|when|that|in)\b)",
    ),
    (
        "the_day",
        r"the\s+(?P<unit>day|week|month|year|night)\s+(?P<dir>before|after)(?!\s+\w*\s*(?:the|a|his|her|its|their|[A-Z]))",
    ),
    ("duration", rf"{QMOD}?(?:the\s+)?{NUM}(?:\s*-\s*|\s+){UNIT}(?:(?P<old>\s*-?\s*old)|\s+or\s+so\b)?"),
    # "a three-year period": the period noun is inside the duration (TimeBank)
    ("period_duration", rf"(?:an?|the)\s+{NUM}-{UNIT}\s+(?:period|span|stretch|spell)(?!s)"),
    # "the nineties", "the mid-eighties" (without "the" it is an age: "in her forties")
    (
        "decade_word",
        r"the\s+(?:(?P<mod>early|late|mid)[\s-]+)?(?:nineteen[\s-]+)?['’]?(?P<dw>twenties|thirties|forties|fifties"
        r"|sixties|seventies|eighties|nineties)",
    ),
    # the day or week a run has reached: "today is the eighth day of the siege", "a second
    # consecutive day" (not a calendar day: "the first day of March" is left to the month rules)
    (
        "ordinal_day",
        rf"(?:(?:the|a)\s+)?(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty)-)?(?:{_alt(ORDINAL_WORDS)}))"
        rf"\s+(?:(?:straight|consecutive|successive)\s+)?(?P<unit>day|week)(?!-)"
        rf"(?!\s+of\s+(?:{MONTH_FULL}|the\s+(?:month|year)|\d))",
    ),
    (
        "vague_units",
        r"(?:(?:(?<=for\s)|(?<=over\s)|(?<=within\s)|(?<=in\s)|(?<=after\s)|(?<=took\s)|(?<=takes\s)"
        r"|(?<=lasted\s)|(?<=spent\s)|(?<=during\s))(?P<unit>months|years|weeks|days|decades|hours|minutes|centuries)"
        r"|(?<!the\s)(?<!early\s)(?<!small\s)(?<!wee\s)(?P<unit2>months|years|weeks|days|decades|hours)"
        r"(?=\s+of\s)"
        # "Days after the attack", "the weeks ahead", "in the months since"
        r"|(?P<unit3>days|weeks|months|years|hours|minutes)(?=\s+(?:after|later)\b)"
        r"|the\s+(?P<unit4>days|weeks|months|years)\s+(?:ahead|since)(?=\W))",
    ),
    ("recent_units", r"(?P<rel>recent|coming|past)\s+(?P<unit>months|years|weeks|days|decades|quarters)"),
    (
        "deictic",
        rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow"
        rf"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))(?:\s+{POD})?",
    ),
    ("last_night", r"(?P<word>last\s+night)"),
    ("reference", rf"(?P<word>{_alt(REFERENCE_WORDS)})"),
    (
        "weekday",
        rf"(?:(?P<mod>early|late)\s+)?(?:(?:the\s+)?(?P<rel>this\s+past|this\s+coming|last|next|this|coming"
        rf"|past|previous|following|that)\s+)?{WEEKDAY}(?:\s+{POD})?",
    ),
    (
        "clock",
        r"(?:(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)(?!\w)"
        r"|(?P<h24>[0-2]?\d)[:.]?(?P<m24>[0-5]\d)(?=\s+(?:GMT|UTC|BST|CES?T)(?!\w))"
        r"|(?P<h24b>[0-2]\d):(?P<m24b>[0-5]\d)(?!\d))"
        rf"(?:\s+(?P<tz>{TZ}|local\s+time|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?"
        r"(?:\s+time)?(?!\s+(?:Europe|Africa|Asia|Oregon|Washington|Standard|Daylight))))?"
        r"(?:(?:\s+on)?\s+(?P<cday>today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday"
        rf"|friday|saturday|sunday))?(?:(?:\s*,\s*|\s+)(?:on\s+)?{MONTH}\s+{DAY}(?!\d)(?:\s*,\s*{YEAR})?)?",
    ),
    (
        "noon",
        rf"(?P<word>noon|midday|midnight|mid-?afternoon|mid-?morning)(?:\s+{TZ})?"
        r"(?:(?:\s+on)?\s+(?P<cday>today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday))?",
    ),
    (
        "set_every",
        rf"(?P<q>every|each|per)\s+(?:(?P<num>other|\d+|{NUMWORD})\s+)?(?:(?P<unit>(?:{UNIT_WORDS})s?)"
        rf"|{WEEKDAY}(?:\s+{POD})?|(?P<season>{_alt(SEASONS)})|(?P<pod2>morning|afternoon|evening|night)"
        rf"|{MONTH_NAMED})",
    ),
    # plural days and parts of days recur: "on Sundays", "Tuesday nights", "at weekends"
    (
        "set_plural",
        r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s(?:\s+(?P<pod>morning|afternoon"
        r"|evening|night)s?)?|\s+(?P<pods>mornings|afternoons|evenings|nights))",
    ),
    # a rate: "$1 billion a year", "20 times a day" (``component`` checks the word before)
    ("set_rate", r"(?:a|an)\s+(?P<unit>day|week|month|year|hour)"),
    ("set_word", rf"(?P<word>{_alt(SET_WORDS)})"),
    ("set_times", r"(?P<times>once|twice|three\s+times)\s+a\s+(?P<unit>day|week|month|year)"),
    ("holiday", rf"(?P<word>{_alt(HOLIDAYS)})"),
    # days named after a feast or an event: "Good Friday", "Black Friday", "Super Tuesday"
    (
        "named_day",
        r"(?P<nd>super|black|cyber|good|ash|palm|easter|maundy|holy)\s+"
        r"(?P<ndw>monday|tuesday|wednesday|thursday|friday|sunday)",
    ),
    # "the first week of January": that week of the month
    (
        "week_of_month",
        rf"the\s+(?P<wk>first|second|third|fourth|last|final)\s+week\s+of\s+{MONTH_NAMED}(?:\s*,?\s+{YEAR})?",
    ),
    # "a week-long trip", "decades-long": a duration of one unit, or a vague one
    ("long_unit", r"(?P<unit>day|week|month|year|decade|hour|minute)(?P<plural>s)?-long"),
    (
        "century",
        r"(?:(?P<mod>early|late|mid)[\s-]+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
    ),
    # a league's season in a sports report ("this season", "last season"); ``normalize`` drops it elsewhere
    (
        "sport_season",
        r"(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+coming|the\s+past|the\s+upcoming"
        r"|the\s+new)\s+season(?!al|s)",
    ),
    ("adj_year", r"(?P<word>year-earlier|year-ago|year-before|year(?:-|\s+|'s\s+)end)"),
)

RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(B + "(?:" + rx + ")" + E, re.IGNORECASE)) for name, rx in _RULES
)
PRIORITY = {name: i for i, (name, _) in enumerate(_RULES)}
RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in _RULES)


#: words at least one of which must occur (lower-cased) for a rule to be worth running
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "season": tuple(SEASONS),
    "quarter": ("quarter", "half", "period"),
    "year_quarter": ("quarter", "half", "period"),
    "month_relyear": (" year",),
    "spoken_year": ("nineteen", "thousand"),
    "rel_unit": (
        "last",
        "next",
        "this",
        "past",
        "coming",
        "previous",
        "following",
        "current",
        "same",
        "that",
        "prior",
    ),
    "period_of": (" of ",),
    "same_period": ("same", "corresponding", "comparable"),
    "ago": ("ago", "earlier", "later", "from now", "hence", "before", "after"),
    "ago_bare": ("ago",),
    "the_day": ("before", "after"),
    "ordinal_day": (" day", " week"),
    "deictic": ("today", "tonight", "yesterday", "tomorrow"),
    "last_night": ("last night",),
    "the_weekend": ("weekend",),
    "week_of": ("week of",),
    "year_ended": ("ended", "ending"),
    "clock": ("a.m", "p.m", "am", "pm", ":", "gmt", "utc"),
    "noon": ("noon", "midday", "midnight", "afternoon", "morning"),
    "set_every": ("every", "each", "per"),
    "set_times": ("once", "twice", "times"),
    "holiday": ("christmas", "new year", "independence", "halloween", "valentine", "thanksgiving"),
    "century": ("century",),
    "long_unit": ("-long",),
    "set_plural": ("days", "mornings", "afternoons", "evenings", "nights"),
    "week_of_month": ("week of",),
    "named_day": ("super ", "black ", "cyber ", "good ", "ash ", "palm ", "easter ", "maundy ", "holy "),
    "period_duration": ("period", "span", "stretch", "spell"),
    "decade_word": ("ties",),
    "quarter_abbr": ("q1", "q2", "q3", "q4", "fy"),
    "sport_season": ("season",),
    "adj_year": ("year-", "year end", "year's end"),
}


def find_candidates(text: str, accept: Callable[[Candidate, str], bool] | None = None) -> list[Candidate]:
    """Rule matches that ``accept`` keeps, longest first, without overlaps, in text order."""
    found: list[Candidate] = []
    lower = text.lower()
    for name, rx in RULES:
        triggers = _TRIGGERS.get(name)
        if triggers is not None and not any(t in lower for t in triggers):
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append(Candidate(m.start(), m.end(), name, m))
    found.sort(key=lambda c: (c.start - c.end, PRIORITY[c.rule], c.start))
    used = bytearray(len(text) + 1)
    taken: list[Candidate] = []
    for cand in found:
        if any(used[cand.start : cand.end]):
            continue
        if accept is not None and not accept(cand, text):
            continue
        used[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken
