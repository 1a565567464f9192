"""Sports reports: "this year" and "this season" name a league's season.

A league whose season runs over the new year (football, basketball, ice hockey) is in
January to June still in the season that started the year before: "the Patriots have won
12 games this year" in a January report is the 2013 season, not 2014 (a season is valued
by the year it started, as leagues name them: "the 2013 season", "2013-14"). A report is
a sports report when several words only sports coverage uses occur in it; a season over
the new year is read from the text's own words (league names, "2013-14" season labels,
winter sports' words), so baseball or a tennis season, which run inside one calendar year,
keep the DCT's year.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["SportsSeason"]

#: words of sports coverage; a report needs several different ones
_SPORTS = re.compile(
    r"\b(?:season|seasons|playoffs?|coach(?:es|ed)?|quarterback|touchdowns?|innings|striker|midfielder"
    r"|goalkeeper|goalie|goaltender|rebounds|assists|standings|scored|scoring|league|leagues|fixtures?"
    r"|championship|tournament|semi-?finals?|play-?offs?|stadium|halftime|half-time|overtime|roster"
    r"|rookie|draft|pitcher|batting|wicket|points|games|match(?:es)?|defeat(?:ed)?|wins?|won|lost|losses"
    r"|home|away|title|club|manager|champions)\b",
    re.IGNORECASE,
)
#: words only sports coverage uses (in lower case: "Coach Inc." is no sports word; "season" is not one:
#: politics has its primary season); a report needs two different ones
_STRONG = re.compile(
    r"\b(?:playoffs?|play-?offs?|coach(?:es|ed)?|quarterback|touchdowns?|innings|striker|midfielder"
    r"|goalkeeper|goalie|goaltender|rebounds|standings|halftime|half-time|rookie|pitcher|strikeouts?"
    r"|wicket|hat-trick|tiebreak|straight\s+sets|home\s+runs?|free\s+kick|penalty\s+kick|referee)\b",
)
#: a season over the new year: winter leagues and their words, or a split season label
_OVER_NEW_YEAR = re.compile(
    r"\b(?:NFL|NBA|NHL|Super\s+Bowl|Premier\s+League|Champions\s+League|La\s+Liga|Bundesliga|Serie\s+A"
    r"|Ligue\s+1|FA\s+Cup|Stanley\s+Cup|quarterback|touchdowns?|rebounds|goalie|goaltender|striker"
    r"|midfielder|goalkeeper|(?:19|20)\d\d[-–/](?:\d\d)\s+season)\b",
)
_INFLECTION = re.compile(r"(?:es|ed|s)$")
_MIN_WORDS = 4  # distinct sports words in a report
_MIN_STRONG = 2  # of them distinct words only sports use


class SportsSeason:
    """Whether a text is a sports report and which year its current season started in."""

    __slots__ = ("sports", "over_new_year")

    def __init__(self, text: str) -> None:
        words = {m.group(0).lower() for m in _SPORTS.finditer(text)}
        strong = {_INFLECTION.sub("", m.group(0)) for m in _STRONG.finditer(text)}  # "coach", "coached"
        self.sports = len(words) >= _MIN_WORDS and len(strong) >= _MIN_STRONG
        self.over_new_year = self.sports and _OVER_NEW_YEAR.search(text) is not None

    def year(self, dct: date) -> int:
        """The year the season under way at ``dct`` started in."""
        return dct.year - 1 if self.over_new_year and dct.month <= 6 else dct.year
