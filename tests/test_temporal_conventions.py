"""Span and value conventions of the temporal tagger (``annotate/temporal/conventions.py``),
the resolver's rule table, and real sentences from the Entities articles."""

from __future__ import annotations

import importlib
import inspect
import sys
from datetime import date

import pytest
from spacy.language import Language

from storyline.annotate.temporal import tag_doc
from storyline.annotate.temporal.conventions import CONVENTIONS
from storyline.annotate.temporal.normalize import HANDLERS, Resolver, dispatch_table
from storyline.annotate.temporal.patterns import RULE_NAMES

DCT = date(2014, 6, 10)


def tag(nlp: Language, text: str, dct: date | None = DCT) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in tag_doc(nlp(text), dct)]


def test_every_convention_is_pinned() -> None:
    here = sys.modules[__name__]
    missing = [c.test for c in CONVENTIONS if not inspect.isfunction(getattr(here, c.test, None))]
    assert missing == []
    assert len({c.name for c in CONVENTIONS}) == len(CONVENTIONS)


# --- the rule table -----------------------------------------------------------------


def test_every_rule_has_a_handler() -> None:
    assert set(HANDLERS) == set(RULE_NAMES)
    assert all(callable(h) for h in HANDLERS.values())


def test_a_misspelt_rule_fails_the_table() -> None:
    handlers = {name: HANDLERS[name] for name in RULE_NAMES}
    handlers["mnoth"] = Resolver._month
    with pytest.raises(ImportError, match="mnoth"):
        dispatch_table(RULE_NAMES, handlers)
    del handlers["mnoth"], handlers["month"]
    with pytest.raises(ImportError, match="'month'"):
        dispatch_table(RULE_NAMES, handlers)


def test_a_misspelt_rule_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.annotate.temporal import normalize, patterns

    monkeypatch.setattr(patterns, "RULE_NAMES", (*RULE_NAMES, "mnoth"))
    try:
        with pytest.raises(ImportError, match="mnoth"):
            importlib.reload(normalize)
    finally:
        monkeypatch.undo()
        importlib.reload(normalize)


# --- spans ----------------------------------------------------------------------------


def test_quantity_modifiers_are_inside_the_span(nlp_base: Language) -> None:
    got = tag(nlp_base, "Talks lasted nearly five years, then a full 48 hours and a little over a month.")
    assert got == [
        ("nearly five years", "DURATION", "P5Y", "APPROX"),
        ("a full 48 hours", "DURATION", "PT48H", None),
        ("a little over a month", "DURATION", "P1M", "MORE_THAN"),
    ]
    assert tag(nlp_base, "He waited about two weeks.") == [("two weeks", "DURATION", "P2W", "APPROX")]


def test_point_modifier_before_a_relative_month(nlp_base: Language) -> None:
    assert tag(nlp_base, "He left early last June.") == [("early last June", "DATE", "2013-06", "START")]


def test_anchored_duration_without_an_anchor_is_a_duration(nlp_base: Language) -> None:
    assert tag(nlp_base, "Some two weeks later he quit.") == [("Some two weeks", "DURATION", "P2W", "APPROX")]
    got = tag(
        nlp_base,
        "He quit in 1985 and returned to revitalise the business 12 years later .",
        date(2011, 10, 6),
    )
    assert got == [("1985", "DATE", "1985", None), ("12 years later", "DATE", "1997", None)]


def test_the_stays_outside_a_century(nlp_base: Language) -> None:
    assert tag(nlp_base, "The 19th century was long.") == [("19th century", "DATE", "18", None)]


def test_year_range_is_two_timexes(nlp_base: Language) -> None:
    got = tag(nlp_base, "The 2011-2012 season followed the 1998-99 budget.")
    assert got == [
        ("2011", "DATE", "2011", None),
        ("2012", "DATE", "2012", None),
        ("1998", "DATE", "1998", None),
        ("99", "DATE", "1999", None),
    ]


def test_from_now_is_a_duration_and_present_ref(nlp_base: Language) -> None:
    assert tag(nlp_base, "Ten years from now we will know.") == [
        ("Ten years", "DURATION", "P10Y", None),
        ("now", "DATE", "PRESENT_REF", None),
    ]


def test_possessive_stays_outside(nlp_base: Language) -> None:
    assert tag(nlp_base, "It took three years' work.") == [("three years", "DURATION", "P3Y", None)]


# --- classes --------------------------------------------------------------------------


def test_sets(nlp_base: Language) -> None:
    got = tag(nlp_base, "Every summer and each evening they meet yearly, every week and each July.")
    assert [(t, ty, v) for t, ty, v, _ in got] == [
        ("Every summer", "SET", "XXXX-SU"),
        ("each evening", "SET", "XXXX-XX-XXTEV"),
        ("yearly", "SET", "P1Y"),
        ("every week", "SET", "P1W"),
        ("each July", "SET", "XXXX-07"),
    ]
    assert tag(nlp_base, "The plant costs $1 billion a year.") == [("a year", "SET", "P1Y", None)]
    assert tag(nlp_base, "He stayed for a year.") == [("a year", "DURATION", "P1Y", None)]


def test_plural_days_are_sets(nlp_base: Language) -> None:
    assert tag(nlp_base, "The market is closed on Sundays.") == [("Sundays", "SET", "XXXX-WXX-7", None)]
    got = tag(nlp_base, "Flights leave on Monday and Tuesday nights, and he works Saturday mornings.")
    assert [t[:3] for t in got[1:]] == [
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("Saturday mornings", "SET", "XXXX-WXX-6TMO"),
    ]


def test_vague_durations(nlp_base: Language) -> None:
    got = tag(
        nlp_base, "It took a few days. They have talked for months, after hours of talks, in recent months."
    )
    assert [(t, v) for t, _, v, _ in got] == [
        ("a few days", "PXD"),
        ("months", "PXM"),
        ("hours", "PTXH"),
        ("recent months", "PXM"),
    ]
    assert all(t[1] == "DURATION" for t in got)


def test_hyphenated_quantity_is_a_duration(nlp_base: Language) -> None:
    assert tag(nlp_base, "It is a 10-minute walk from the station.") == [
        ("10-minute", "DURATION", "PT10M", None)
    ]


# --- values ---------------------------------------------------------------------------


def test_chronology_line_keeps_its_year(nlp_base: Language) -> None:
    text = "Key dates\n2009 12 May Minister resigns over expenses\n2013 June 3 He returns to the cabinet"
    got = tag(nlp_base, text)
    assert [(t, v) for t, _, v, _ in got] == [("2009 12 May", "2009-05-12"), ("2013 June 3", "2013-06-03")]


def test_month_takes_the_year_of_its_sentence(nlp_base: Language) -> None:
    assert tag(nlp_base, "In 2009 the minister resigned in May.")[-1] == ("May", "DATE", "2009-05", None)
    got = tag(nlp_base, "In 2009, the company said it would launch the phone in March.")
    assert got[-1] == ("March", "DATE", "2009-03", None)
    assert tag(nlp_base, "The company said it would launch the phone in March.")[-1][2] == "2015-03"
    got = tag(nlp_base, "The minister, who resigned in 2009, returned to parliament in May.")
    assert got[-1] == ("May", "DATE", "2014-05", None)
    # a new sentence is news again: the month is the latest May before the DCT
    got = tag(nlp_base, "Profits have doubled since 2009. In May, the minister resigned.")
    assert got[-1] == ("May", "DATE", "2014-05", None)


def test_narrative_steps_anchor_on_the_text(nlp_base: Language) -> None:
    text = (
        "After Pink , Apple engineers in 1993 initiated project Raptor , the company 's second attempt "
        "to build MacOS : The Next Generation . Raptor pretty much failed too , being finally rolled "
        "the following year into try three , Copland ."
    )
    assert tag(nlp_base, text, date(2000, 6, 8))[-1] == ("the following year", "DATE", "1994", None)
    text = "He was born in 1960. Sixteen years later, he moved to Paris, and the following year he married."
    got = tag(nlp_base, text)
    assert [(t, v) for t, _, v, _ in got] == [
        ("1960", "1960"),
        ("Sixteen years later", "1976"),
        ("the following year", "1977"),
    ]
    # with nothing before it to count from, a narrative step is no date after the article
    got = tag(
        nlp_base,
        "Sixteen years later , Microsoft hopes Master Chief can repeat that trick .",
        date(2015, 10, 28),
    )
    assert got == [("Sixteen years", "DURATION", "P16Y", None)]


def test_last_summer_in_september(nlp_base: Language) -> None:
    text = "His campaign had been organizing in the Rocky Mountain State since last summer ."
    assert tag(nlp_base, text, date(2015, 9, 10)) == [("last summer", "DATE", "2014-SU", None)]
    assert tag(nlp_base, text, date(2016, 4, 9)) == [("last summer", "DATE", "2015-SU", None)]


def test_christmas_in_january(nlp_base: Language) -> None:
    got = tag(nlp_base, "The talks stalled over Christmas .", date(2015, 1, 11))
    assert got == [("Christmas", "DATE", "2014-12-25", None)]


def test_past_clause_is_not_resolved_after_the_dct(nlp_base: Language) -> None:
    friday = date(2014, 6, 13)
    got = tag(nlp_base, "Police said the men attacked him on Saturday night outside a bar .", friday)
    assert got == [("Saturday night", "TIME", "2014-06-07TNI", None)]
    got = tag(nlp_base, "The minister resigned in July .", date(2014, 6, 10))
    assert got == [("July", "DATE", "2013-07", None)]
    # a word that looks ahead keeps a later date
    got = tag(nlp_base, "The offer was extended to Nov. 16 .", date(1989, 10, 30))
    assert got == [("Nov. 16", "DATE", "1989-11-16", None)]


def test_recent_years_is_a_duration_only_in_a_perfect_clause(nlp_base: Language) -> None:
    # TimeBank (APW19980818.0515, wsj_0135, wsj_0136) and MEANTIME mark both readings
    perfect = "Mexico and Colombia have suffered from a rash of kidnappings in recent years ."
    assert tag(nlp_base, perfect, date(1998, 8, 18)) == [("recent years", "DURATION", "PXY", None)]
    past = "As the yen soared in recent years , Sansui 's deepening financial problems grew ."
    assert tag(nlp_base, past, date(1989, 10, 30)) == [("recent years", "DATE", "PAST_REF", None)]
    noun = "It helped to finance the takeover boom of recent years ."
    assert tag(nlp_base, noun, date(1989, 10, 27)) == [("recent years", "DATE", "PAST_REF", None)]


def test_today_is_the_day_or_the_present(nlp_base: Language) -> None:
    dct = date(1998, 4, 24)
    generic = "The law puts barriers only to fathers and not to mothers in today's world ."
    assert tag(nlp_base, generic, dct) == [("today", "DATE", "PRESENT_REF", None)]
    day_bound = "The offer, advertised in today's editions of The Wall Street Journal, expires in May ."
    assert tag(nlp_base, day_bound, dct)[0] == ("today", "DATE", "1998-04-24", None)
    said = "The Pentagon said today it will re-examine the question ."
    assert tag(nlp_base, said, dct) == [("today", "DATE", "1998-04-24", None)]


def test_names_and_discourse_markers_are_no_time(nlp_base: Language) -> None:
    dct = date(1998, 3, 31)
    assert tag(nlp_base, "Livers are in the shortest supply. This is VOA Today.", dct) == []
    assert tag(nlp_base, "Today, hundreds of people began to arrive .", dct)[0][2] == "1998-03-31"
    marker = 'Iraq was ready to withdraw. Now, he says, "it looks like the war will go on."'
    assert tag(nlp_base, marker, dct) == []
    assert tag(nlp_base, "Montedison now owns about 72% of Erbamont .", dct) == [
        ("now", "DATE", "PRESENT_REF", None)
    ]


def test_ordinal_day_of_a_run(nlp_base: Language) -> None:
    dct = date(1990, 8, 15)
    present = "In Saudi Arabia, today is the eighth day of Desert Shield, the operation ."
    assert tag(nlp_base, present, dct)[-1] == ("the eighth day", "DATE", "1990-08-15", None)
    perfect = "Trading at Russia's major stock markets has been suspended for a second consecutive day ."
    assert tag(nlp_base, perfect, date(2008, 9, 17)) == [
        ("a second consecutive day", "DATE", "2008-09-17", None)
    ]
    past = "On the 12th day of the strike , the workers returned ."
    assert tag(nlp_base, past, dct) == [("the 12th day", "DATE", "XXXX-XX-XX", None)]
    # a calendar day is the month rules' business
    assert tag(nlp_base, "The first day of March was cold .", dct)[-1][0] == "March"


def test_term_and_tenure_are_no_durations(nlp_base: Language) -> None:
    # Entities (Ted Cruz) sentences: an office's term has no length of its own
    for text in (
        "Fiorina takes a question about how terribly Hewlett - Packard stock did during her tenure as CEO .",
        "He had the bad luck to have two supreme court justices die in office during his term .",
        "They want to win over the Latino voters who secured President Obama 's second term .",
    ):
        assert tag(nlp_base, text, date(2015, 9, 17)) == []
    assert tag(nlp_base, "The loan has a one-year term .") == [("one-year", "DURATION", "P1Y", None)]


def test_past_clause_anchors_on_a_reported_date(nlp_base: Language) -> None:
    # Entities (Steve Jobs, 2000-07-19): "Christmas" is a plan, "yesterday" the news
    text = (
        "Apple took the wraps off four new models of the iMac yesterday . Apple hopes that the latest "
        "range will reinvigorate demand in the run - up to the all - important Christmas selling season . "
        "Shares in Apple were down as traders reacted to the slightly weaker sales released "
        "the night before ."
    )
    got = tag(nlp_base, text, date(2000, 7, 19))
    assert got[-1] == ("the night before", "DATE", "2000-07-17", None)
    # nothing reported to count from: the month stays unknown rather than after the article
    text = (
        "Eventually , Apple bought NeXT , Steve Jobs ' company , you 'll recall , just before Christmas "
        "for $ 400 m . The following month Apple announced Copland 's replacement , Rhapsody ."
    )
    assert tag(nlp_base, text, date(2000, 6, 8))[-1] == ("The following month", "DATE", "XXXX-XX", None)


def test_the_year_is_the_one_its_sentence_named(nlp_base: Language) -> None:
    text = (
        "In early 1996 , Apple officially announced Copland and promised to ship it around "
        "the middle of the year ."
    )
    assert tag(nlp_base, text, date(2000, 6, 8))[-1] == ("the middle of the year", "DATE", "1996", "MID")


def test_sports_season(nlp_base: Language) -> None:
    report = (
        "The Patriots have won 12 games this year, and their quarterback threw for 4,300 yards as they "
        "reached the playoffs. The coach said the team had lost only four times this season. Last season "
        "they fell in the AFC title game."
    )
    got = tag(nlp_base, report, date(2014, 1, 20))
    assert [t[:3] for t in got] == [
        ("this year", "DATE", "2013"),
        ("this season", "DATE", "2013"),
        ("Last season", "DATE", "2012"),
    ]
    # baseball runs inside the calendar year; politics has no season
    summer = "The Yankees have won 50 games this season, and the pitcher leads the league in strikeouts."
    assert tag(nlp_base, summer, date(2014, 7, 20))[0][:3] == ("this season", "DATE", "2014")
    match = (
        "In the second half, United scored twice, and the striker's goal in the first half stood. The coach "
        "praised the league leaders after the match."
    )
    assert tag(nlp_base, match, date(2014, 2, 3)) == []
    assert tag(nlp_base, "Revenue rose in the second half.", date(2014, 2, 3))[0][2] == "2013-H2"
    budget = "The governor said this year would bring new taxes. This season of budget talks begins in March."
    got = tag(nlp_base, budget, date(2014, 1, 20))
    assert [t[:3] for t in got] == [("this year", "DATE", "2014"), ("March", "DATE", "2014-03")]


def test_weekday_of_a_past_narrative(nlp_base: Language) -> None:
    story = (
        "On March 5, protesters gathered outside the parliament, and by Saturday night police had "
        "cleared the square, and at 9 p.m. the last tents came down."
    )
    got = tag(nlp_base, story)
    assert [t[:3] for t in got] == [
        ("March 5", "DATE", "2014-03-05"),
        ("Saturday night", "TIME", "2014-03-08TNI"),
        ("9 p.m.", "TIME", "2014-03-08T21:00"),
    ]
    got = tag(nlp_base, "Protesters gathered on March 5. That Saturday, police cleared the square.")
    assert got[1][:3] == ("That Saturday", "DATE", "2014-03-08")
    # the report's own weekday, and a background date in an earlier sentence, keep the DCT's week
    report = "The bombing on March 5 killed 12 people. Officials said Friday that the talks had stalled."
    assert tag(nlp_base, report)[1][:3] == ("Friday", "DATE", "2014-06-06")
    bought = "The company bought 254,200 shares from March 5 to Thursday."
    assert tag(nlp_base, bought)[1][:3] == ("Thursday", "DATE", "2014-06-05")


def test_date_before_a_noun_follows_the_noun(nlp_base: Language) -> None:
    dct = date(2000, 1, 5)
    got = tag(nlp_base, "The minister gave no reason for the Jan. 14 deadline.", dct)
    assert got[0][:3] == ("Jan. 14", "DATE", "2000-01-14")
    got = tag(nlp_base, "The board has set Jan. 20 as the deadline for competing bids.", dct)
    assert got[0][:3] == ("Jan. 20", "DATE", "2000-01-20")
    got = tag(nlp_base, "Police are still searching for the gunman after the Oct. 23 shooting.", dct)
    assert got[0][:3] == ("Oct. 23", "DATE", "1999-10-23")
    got = tag(nlp_base, "Supporters hope to build on his victory on Tuesday.", date(2016, 4, 21))
    assert got[0][:3] == ("Tuesday", "DATE", "2016-04-19")
    got = tag(nlp_base, "Democrats hope to win the election in November.", date(2014, 2, 3))
    assert got[0][:3] == ("November", "DATE", "2014-11")
    got = tag(nlp_base, "Democrats hope to win the November election.", date(2014, 2, 3))
    assert got[0][:3] == ("November", "DATE", "2014-11")
    got = tag(nlp_base, "Leaders agreed to meet at a summit set for Geneva in March.", dct)
    assert got[0][:3] == ("March", "DATE", "2000-03")
    got = tag(
        nlp_base, "Under a plan approved in 1998, the firm had bought 400,000 shares through Dec. 29.", dct
    )
    assert got[-1][:3] == ("Dec. 29", "DATE", "1999-12-29")


def test_datelines_and_time_zones(nlp_base: Language) -> None:
    dct = date(2014, 2, 3)
    assert tag(nlp_base, "Mon 3 Feb 2014 12.01 GMT", dct) == [
        ("Mon 3 Feb 2014 12.01 GMT", "TIME", "2014-02-03T12:01", None)
    ]
    got = tag(nlp_base, "The announcement came at 10:30 a.m. ET on Tuesday.", dct)
    assert got == [("10:30 a.m. ET on Tuesday", "TIME", "2014-01-28T10:30", None)]
    got = tag(nlp_base, "The rally began at 2 p.m. local time and at 14.00 BST in London.", dct)
    assert [t[0] for t in got] == ["2 p.m. local time", "14.00 BST"]
    got = tag(nlp_base, "Posted: Feb 3, 2014 10:23 AM EST", dct)
    assert got == [("Feb 3, 2014 10:23 AM EST", "TIME", "2014-02-03T10:23", None)]
    assert tag(nlp_base, "The vote is at noon ET on Tuesday.", dct)[0][:3] == (
        "noon ET on Tuesday",
        "TIME",
        "2014-02-04T12:00",
    )
    got = tag(nlp_base, "On March 5, 2014 12.50 percent of votes were counted.", dct)
    assert got == [("March 5, 2014", "DATE", "2014-03-05", None)]
    got = tag(nlp_base, "The flight left at 9:40 p.m. Eastern time on Sunday.", dct)
    assert got[0][:3] == ("9:40 p.m. Eastern time on Sunday", "TIME", "2014-02-02T21:40")


def test_quarters_and_fiscal_years_in_figures(nlp_base: Language) -> None:
    dct = date(2014, 2, 3)
    got = tag(nlp_base, "Revenue in Q3 rose 5 percent, and Q4 sales will rise too, the company said.", dct)
    assert [t[:3] for t in got] == [("Q3", "DATE", "2013-Q3"), ("Q4", "DATE", "2014-Q4")]
    got = tag(nlp_base, "The FY2015 budget and the FY15 plans were cut, unlike Q2 2013 spending.", dct)
    assert [t[2] for t in got] == ["2015", "2015", "2013-Q2"]
    text = "Sales rose 4 percent in the latest fiscal year, and will grow in the current fiscal year."
    got = tag(nlp_base, text, dct)
    assert [t[:3] for t in got] == [
        ("the latest fiscal year", "DATE", "2013"),
        ("the current fiscal year", "DATE", "2014"),
    ]
    assert tag(nlp_base, "Visit q3.example.com for details.", dct) == []


def test_decades_in_words(nlp_base: Language) -> None:
    got = tag(nlp_base, "Crime fell sharply through the nineties, when she was in her forties.")
    assert got == [("the nineties", "DATE", "199", None)]
    assert tag(nlp_base, "The band was formed in the mid-eighties.")[0][1:] == ("DATE", "198", "MID")


def test_duration_spans(nlp_base: Language) -> None:
    got = tag(nlp_base, "The firm reported losses over a three-year period.")
    assert got == [("a three-year period", "DURATION", "P3Y", None)]
    got = tag(nlp_base, "The plant could run for at least 20 more years.")
    assert got == [("at least 20 more years", "DURATION", "P20Y", "EQUAL_OR_MORE")]
    got = tag(nlp_base, "Prices have been cut for at least the past 18 months.")
    assert got == [("at least the past 18 months", "DURATION", "P18M", "EQUAL_OR_MORE")]
    got = tag(nlp_base, "Jobs grew strongly over the past four months.")
    assert got[0][0] == "the past four months"
    got = tag(nlp_base, "A few days later, the company announced a merger.")
    assert got == [("A few days", "DURATION", "PXD", None)]
    text = "The insurer returned to profit after several quarters of losses, as in some quarters."
    got = tag(nlp_base, text)
    assert got == [("several quarters", "DURATION", "PXQ", None)]
    got = tag(nlp_base, "A fire broke out in the early hours of Sunday, police said.")
    assert [t[0] for t in got] == ["Sunday"]
    got = tag(nlp_base, "The plant will be closed over the next year or so, for a week or so.")
    assert [t[0] for t in got] == ["the next year or so", "a week or so"]
    assert tag(nlp_base, "They kept the secret for two thousand years.") == []
    got = tag(nlp_base, "The deal came barely a month after the merger talks collapsed.")
    assert got == [("a month", "DURATION", "P1M", None)]


def test_clock_times_of_live_blogs_and_schedules(nlp_base: Language) -> None:
    dct = date(2014, 2, 3)
    got = tag(nlp_base, "Updated 5.45pm GMT: Police have confirmed two arrests.", dct)
    assert got == [("5.45pm GMT", "TIME", "2014-02-03T17:45Z", None)]
    got = tag(nlp_base, "Voting ends at 8 p.m. on Tuesday, Feb. 4.", dct)
    assert got == [("8 p.m. on Tuesday, Feb. 4", "TIME", "2014-02-04T20:00", None)]
    assert tag(nlp_base, "Shares rose 2.45 percent.", dct) == []


def test_rates_and_one_unit_adjectives(nlp_base: Language) -> None:
    got = tag(nlp_base, "By 2020, the plant will produce 1 million cars a year.")
    assert got[-1] == ("a year", "SET", "P1Y", None)
    assert tag(nlp_base, "The clinic is staffed 24 hours a day.")[0][:2] == ("24 hours", "DURATION")
    assert len(tag(nlp_base, "The clinic is staffed 24 hours a day.")) == 1
    got = tag(nlp_base, "The president returned from a week-long trip, ending a decades-long feud.")
    assert got == [("week-long", "DURATION", "P1W", None), ("decades-long", "DURATION", "PXY", None)]
    got = tag(nlp_base, "Markets were closed for the New Year holiday. Hopes are high for the new year.")
    assert got == [("New Year", "DATE", "2014-01-01", None)]


def test_years_of_figures_and_fronted_plans(nlp_base: Language) -> None:
    got = tag(nlp_base, "Analysts were predicting 2015 earnings of $2 a share, while 2000 troops waited.")
    assert got == [("2015", "DATE", "2015", None)]
    dct = date(2014, 6, 11)  # a Wednesday
    got = tag(nlp_base, "On Friday, the government planned to send aid to the flooded towns.", dct)
    assert got[0][:3] == ("Friday", "DATE", "2014-06-06")
    got = tag(nlp_base, "The government planned a rally on Friday.", dct)
    assert got[0][:3] == ("Friday", "DATE", "2014-06-13")
    text = "The firm warned of weaker profits for the last half of 2013 and in coming quarters."
    got = tag(nlp_base, text, dct)
    assert [t[:3] for t in got] == [
        ("the last half of 2013", "DATE", "2013-H2"),
        ("coming quarters", "DATE", "FUTURE_REF"),
    ]


def test_timestamps_and_this_weekday(nlp_base: Language) -> None:
    dct = date(2014, 2, 3)  # a Monday
    got = tag(nlp_base, "Published 2014-02-03T10:00:00Z by staff.", dct)
    assert got == [("2014-02-03T10:00:00Z", "TIME", "2014-02-03T10:00:00", None)]
    assert tag(nlp_base, "The film premieres this Friday.", dct)[0][2] == "2014-02-07"
    assert tag(nlp_base, "The film premiered this Friday.", dct)[0][2] == "2014-01-31"
    got = tag(nlp_base, "The ceasefire took effect at midnight on Sunday.", dct)
    assert got == [("midnight on Sunday", "TIME", "2014-02-02T24:00", None)]


def test_names_that_look_like_times(nlp_base: Language) -> None:
    got = tag(nlp_base, "The state daily Granma said the airline plans daily flights to Havana.")
    assert got == [("daily", "SET", "P1D", None)]
    assert tag(nlp_base, 'The minister, speaking on ABC News\' "This Week," said talks would go on.') == []
    assert tag(nlp_base, "This week, the minister resigned.")[0][:2] == ("This week", "DATE")
    assert tag(nlp_base, "The Sunday Times and the Mail on Sunday reported the leak.") == []
    assert tag(nlp_base, "The minister spoke at the Future of Europe conference.") == []
    assert tag(nlp_base, "The Future is bright, she said.")[0][2] == "FUTURE_REF"


def test_named_days(nlp_base: Language) -> None:
    got = tag(
        nlp_base,
        "Cruz lost ground after Super Tuesday, and the Good Friday service drew crowds.",
        date(2016, 4, 6),
    )
    assert [t[:3] for t in got] == [
        ("Super Tuesday", "DATE", "2016-03-01"),
        ("Good Friday", "DATE", "2016-03-25"),
    ]
    got = tag(
        nlp_base,
        "Shoppers flocked to stores on Black Friday, and Cyber Monday sales rose.",
        date(2014, 12, 2),
    )
    assert [t[2] for t in got] == ["2014-11-28", "2014-12-01"]
    assert tag(nlp_base, "The super tuesday deals were good.", date(2014, 12, 2)) == []


def test_parts_of_things_that_are_not_times(nlp_base: Language) -> None:
    dct = date(2016, 4, 6)
    assert tag(nlp_base, "She needs delegates from the second half of the Democratic race.", dct) == []
    got = tag(
        nlp_base, "Profits will rise in the first half of the year and in the second half of 2017.", dct
    )
    assert [t[:3] for t in got] == [
        ("the first half of the year", "DATE", "2016-H1"),
        ("the second half of 2017", "DATE", "2017-H2"),
    ]
    got = tag(nlp_base, "Speaking this week, he said: suddenly 18 months later it all changed.", dct)
    assert got[-1][:3] == ("18 months later", "DATE", "2017-10")
    assert tag(nlp_base, "I remember I did that a long time ago.", dct)[0][2] == "PAST_REF"


def test_vague_durations_of_news_narrative(nlp_base: Language) -> None:
    assert tag(nlp_base, "Days after the attack, police made arrests.") == [("Days", "DURATION", "PXD", None)]
    got = tag(
        nlp_base, "Tensions rose in the weeks ahead of the vote, and in the months since, little has changed."
    )
    assert [t[:3] for t in got] == [
        ("the weeks ahead", "DURATION", "PXW"),
        ("the months since", "DURATION", "PXM"),
    ]
    assert tag(nlp_base, "The report says days are getting longer.") == []
    assert tag(nlp_base, "The plane crashed minutes after take-off.") == [
        ("minutes", "DURATION", "PTXM", None)
    ]
    assert tag(nlp_base, "In the first days after the vote, calm returned.") == []


def test_week_of_a_month(nlp_base: Language) -> None:
    dct = date(2014, 2, 3)
    assert tag(nlp_base, "In the first week of January, sales slumped.", dct) == [
        ("the first week of January", "DATE", "2014-W01", None)
    ]
    assert tag(nlp_base, "The talks will end in the last week of March.", dct)[0][2] == "2014-W13"


def test_until_and_by_look_ahead_only_from_a_postponing_verb(nlp_base: Language) -> None:
    dct = date(2014, 2, 3)  # a Monday
    assert tag(nlp_base, "By Sunday afternoon, the fire was contained.", dct)[0][2] == "2014-02-02TAF"
    assert tag(nlp_base, "The talks lasted until Friday.", dct)[0][2] == "2014-01-31"
    assert tag(nlp_base, "The court postponed the hearing until Thursday.", dct)[0][2] == "2014-02-06"
