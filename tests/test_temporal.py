"""Temporal engine: detection and normalisation rules, the sample articles' dates,
DCT inference, and invariants (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from storyline.annotate.temporal import infer_dct, tag_doc
from storyline.annotate.temporal.dates import month_year, shift_value, weekday_near
from storyline.annotate.temporal.numbers import duration_value, parse_number
from storyline.errors import InputError
from storyline.types import DateValue, Timex

DCTS = {"000": date(2019, 6, 23), "002": date(2018, 9, 7), "003": date(2025, 6, 12)}


@pytest.fixture(scope="module")
def tagged(nlp_base: Language, sample_texts: dict[str, str]) -> dict[str, list[Timex]]:
    return {key: tag_doc(nlp_base(sample_texts[key]), DCTS[key]) for key in DCTS}


def tag(nlp: Language, text: str, dct: date | None = date(2019, 6, 23)) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_doc(nlp(text), dct)]


def find(timexes: list[Timex], text: str, nth: int = 0) -> Timex:
    hits = [t for t in timexes if t.text == text]
    assert len(hits) > nth, f"{text!r} not tagged; got {[t.text for t in timexes]}"
    return hits[nth]


# --- the sample articles ----------------------------------------------------------

SEED_CASES = [
    ("000", "Sunday", 0, "2019-06-23", None),
    ("000", "February", 0, "2019-02", None),
    ("000", "June 11", 0, "2019-06-11", None),
    ("000", "a day earlier", 0, "2019-06-10", None),
    ("000", "last Monday", 0, "2019-06-17", None),
    ("000", "June 14", 0, "2019-06-14", None),
    ("000", "late last week", 0, "2019-W24", "END"),
    ("000", "Thursday", 0, "2019-06-20", None),
    ("000", "Friday", 0, "2019-06-21", None),
    ("000", "this weekend", 0, "2019-W26-WE", None),
    ("000", "months", 0, "PXM", None),
    ("000", "14 years", 0, "P14Y", None),
    ("000", "the end of the year", 0, "2019", "END"),
    ("002", "Wednesday", 0, "2018-09-05", None),
    ("002", "Thursday", 0, "2018-09-06", None),
    ("002", "Sept 6", 0, "2018-09-06", None),
    ("002", "early 2021", 0, "2021", "START"),
    ("002", "June 12", 0, "2018-06-12", None),
    ("002", "Sept\xa018", 0, "2018-09-18", None),
    ("002", "April", 0, "2018-04", None),
    ("002", "last week", 0, "2018-W35", None),
    ("002", "this year", 0, "2018", None),
    ("002", "1953", 0, "1953", None),
    ("002", "Sept 5, 2018", 0, "2018-09-05", None),
    ("003", "Wednesday", 0, "2025-06-11", None),
    ("003", "2018", 0, "2018", None),
    ("003", "February 2019", 0, "2019-02", None),
    ("003", "June 2019", 0, "2019-06", None),
    ("003", "day ago", 0, "2025-06-11", None),
]


@pytest.mark.parametrize(("article", "text", "nth", "value", "mod"), SEED_CASES)
def test_sample_article_dates(
    tagged: dict[str, list[Timex]], article: str, text: str, nth: int, value: str, mod: str | None
) -> None:
    t = find(tagged[article], text, nth)
    assert (t.value, t.mod) == (value, mod)


def test_anchored_expression_names_its_anchor(tagged: dict[str, list[Timex]]) -> None:
    assert find(tagged["000"], "a day earlier").anchor == "2019-06-11"
    assert find(tagged["000"], "last Monday").anchor == "dct"
    assert find(tagged["002"], "1953").anchor is None


def test_offsets_point_into_the_text(tagged: dict[str, list[Timex]], sample_texts: dict[str, str]) -> None:
    for key, timexes in tagged.items():
        for t in timexes:
            assert sample_texts[key][t.start : t.end] == t.text


def test_no_ages_or_bare_numbers(tagged: dict[str, list[Timex]]) -> None:
    texts = {t.text for t in tagged["000"]}
    assert "73" not in texts


# --- rule families ------------------------------------------------------------------


def test_absolute_dates(nlp_base: Language) -> None:
    assert tag(nlp_base, "It opened on March 5, 1946 and closed 2001-09-11.") == [
        ("March 5, 1946", "DATE", "1946-03-05"),
        ("2001-09-11", "DATE", "2001-09-11"),
    ]
    assert tag(nlp_base, "He was born on 4 July 1976.")[0][2] == "1976-07-04"


def test_years_decades_centuries(nlp_base: Language) -> None:
    got = tag(nlp_base, "Growth in the 1990s beat the mid-1980s and the 20th century; 2,000 troops came.")
    assert ("the 1990s", "DATE", "199") in got
    assert ("the mid-1980s", "DATE", "198") in got
    assert ("20th century", "DATE", "19") in got  # "the" stays outside a century (see conventions)
    assert all(t[0] != "2,000" for t in got)


def test_years_before_plural_nouns(nlp_base: Language) -> None:
    got = tag(
        nlp_base, "Leaders of the 1992 protests left; the company's 1989 results fell; 2000 troops came."
    )
    assert [t[0] for t in got] == ["1992", "1989"]


def test_may_as_a_verb_is_not_a_month(nlp_base: Language) -> None:
    assert tag(nlp_base, "Prices may rise.") == []
    assert tag(nlp_base, "Prices rose in May.") == [("May", "DATE", "2019-05")]


def test_seasons_and_quarters(nlp_base: Language) -> None:
    got = tag(nlp_base, "Profit rose in the third quarter, and last summer sales fell.", date(1989, 10, 26))
    assert ("the third quarter", "DATE", "1989-Q3") in got
    assert ("last summer", "DATE", "1989-SU") in got
    assert tag(nlp_base, "Prices fall when demand drops.") == []
    got = tag(nlp_base, "Over the summer, rivals cut prices.", date(1989, 10, 26))
    assert got == [("the summer", "DATE", "1989-SU")]


def test_hyphenated_adjectives_leave_the_article_out(nlp_base: Language) -> None:
    got = tag(nlp_base, "A factor in the third-quarter loss was the 14-day strike.", date(1989, 10, 26))
    assert got == [("third-quarter", "DATE", "1989-Q3"), ("14-day", "DURATION", "P14D")]


def test_year_ago_keeps_the_reported_quarter(nlp_base: Language) -> None:
    got = tag(nlp_base, "Third-quarter net fell 5% from a year earlier.", date(1989, 10, 26))
    assert got == [("Third-quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]


def test_relative_units(nlp_base: Language) -> None:
    dct = date(2018, 9, 7)
    got = tag(nlp_base, "Sales grew last year, fell last month and will rise next week.", dct)
    assert got == [
        ("last year", "DATE", "2017"),
        ("last month", "DATE", "2018-08"),
        ("next week", "DATE", "2018-W37"),
    ]


def test_deictic_words(nlp_base: Language) -> None:
    got = tag(nlp_base, "He left yesterday, is here now and returns tomorrow; he spoke this morning.")
    assert got == [
        ("yesterday", "DATE", "2019-06-22"),
        ("now", "DATE", "PRESENT_REF"),
        ("tomorrow", "DATE", "2019-06-24"),
        ("this morning", "TIME", "2019-06-23TMO"),
    ]
    assert tag(nlp_base, "She has recently moved.") == [("recently", "DATE", "PAST_REF")]


def test_ago_and_anchoring(nlp_base: Language) -> None:
    got = tag(nlp_base, "Two weeks ago he quit. On May 3, he said he had called a day earlier.")
    assert got == [
        ("Two weeks ago", "DATE", "2019-W23"),
        ("May 3", "DATE", "2019-05-03"),
        ("a day earlier", "DATE", "2019-05-02"),
    ]


def test_durations(nlp_base: Language) -> None:
    got = tag(nlp_base, "Talks lasted nearly three years after a 70-hour trip over the past two months.")
    assert ("nearly three years", "DURATION", "P3Y") in got
    assert ("70-hour", "DURATION", "PT70H") in got
    assert ("the past two months", "DURATION", "P2M") in got
    assert tag(nlp_base, "He is 37 years old.") == []
    got = tag(nlp_base, "He was kidnapped almost two years ago.")  # a point keeps its "almost"
    assert got == [("almost two years ago", "DATE", "2017")]


def test_sets_and_times(nlp_base: Language) -> None:
    got = tag(nlp_base, "The paper is printed daily and every Monday at 3 p.m. EST, and at 18:00 UTC.")
    assert ("daily", "SET", "P1D") in got
    assert ("every Monday", "SET", "XXXX-WXX-1") in got
    assert ("3 p.m. EST", "TIME", "2019-06-23T15:00") in got
    assert ("18:00 UTC", "TIME", "2019-06-23T18:00Z") in got


def test_weekday_direction_follows_tense(nlp_base: Language) -> None:
    dct = date(2019, 6, 19)  # a Wednesday
    assert tag(nlp_base, "They met on Monday.", dct) == [("Monday", "DATE", "2019-06-17")]
    assert tag(nlp_base, "They will meet on Monday.", dct) == [("Monday", "DATE", "2019-06-24")]
    assert tag(nlp_base, "They are scheduled to meet on Friday.", dct) == [("Friday", "DATE", "2019-06-21")]


def test_month_direction_follows_tense(nlp_base: Language) -> None:
    dct = date(2018, 11, 20)
    assert tag(nlp_base, "He visited Seoul in October.", dct) == [("October", "DATE", "2018-10")]
    assert tag(nlp_base, "He plans to visit Seoul in February.", dct) == [("February", "DATE", "2019-02")]


def test_month_direction_follows_past_tense_across_new_year(nlp_base: Language) -> None:
    dct = date(1989, 10, 27)  # a January three months ahead is nearer, but the verb is past
    assert tag(nlp_base, "In January, the company brought in a new chief executive.", dct) == [
        ("January", "DATE", "1989-01")
    ]
    assert tag(
        nlp_base, "Colonel Collins will be named commander for a mission in December.", date(1998, 3, 4)
    ) == [("December", "DATE", "1998-12")]


def test_direction_cues_override_tense(nlp_base: Language) -> None:
    dct = date(1989, 10, 27)
    got = tag(nlp_base, "The board declared a dividend, payable Dec. 7 to stock of record Nov. 22.", dct)
    assert got == [("Dec. 7", "DATE", "1989-12-07"), ("Nov. 22", "DATE", "1989-11-22")]
    assert tag(nlp_base, "Prices have risen since March.", dct) == [("March", "DATE", "1989-03")]
    dct = date(2008, 9, 18)  # a Thursday
    got = tag(nlp_base, "The government kept the markets closed until Friday.", dct)
    assert got == [("Friday", "DATE", "2008-09-19")]
    dct = date(2000, 4, 3)  # a Monday: a deadline looks ahead even after a past verb, unless pluperfect
    assert tag(nlp_base, "The agency extended its deadline until Tuesday.", dct)[0][2] == "2000-04-04"
    assert tag(nlp_base, "Thirty members had filed reports by Saturday.", dct)[0][2] == "2000-04-01"


def test_perfect_forms_point_to_the_past(nlp_base: Language) -> None:
    dct = date(1989, 10, 30)  # a Monday
    assert tag(nlp_base, "The offer had been scheduled to expire Friday.", dct) == [
        ("Friday", "DATE", "1989-10-27")
    ]
    assert (
        tag(nlp_base, "Concern may have caused the drop in trading on Wednesday.", dct)[0][2] == "1989-10-25"
    )
    got = tag(nlp_base, "The index is near its record high set on Aug. 6.", date(1998, 2, 6))
    assert got == [("Aug. 6", "DATE", "1997-08-06")]


def test_reporting_periods(nlp_base: Language) -> None:
    dct = date(1989, 10, 30)
    got = tag(nlp_base, "Revenue rose in the year ended March 31.", dct)
    assert got[0] == ("the year", "DURATION", "P1Y")
    text = (
        "Third-quarter net fell. The company expects a fourth-quarter charge. "
        "In the latest quarter, profit fell from a year ago. For the quarter a year ago, it earned more."
    )
    got = tag(nlp_base, text, dct)
    assert ("the latest quarter", "DATE", "1989-Q3") in got
    assert ("a year ago", "DATE", "1988-Q3") in got
    assert ("the quarter a year ago", "DATE", "1988-Q3") in got
    got = tag(nlp_base, "The deal should close by year end; sales for the full year will rise.", dct)
    assert got == [("year end", "DATE", "1989"), ("the full year", "DATE", "1989")]


def test_anchored_weeks_days_and_years(nlp_base: Language) -> None:
    dct = date(1989, 10, 30)
    got = tag(nlp_base, "Stocks fell on Friday, down 4% from the previous Friday.", dct)
    assert got == [("Friday", "DATE", "1989-10-27"), ("the previous Friday", "DATE", "1989-10-20")]
    got = tag(nlp_base, "On May 22, 1995, he was promoted, and the following year he moved.", dct)
    assert got[-1] == ("the following year", "DATE", "1996")
    got = tag(nlp_base, "A hearing is set for the week of March 6.", date(2000, 2, 24))
    assert got == [("the week of March 6", "DATE", "2000-W10")]


def test_clock_time_with_a_date(nlp_base: Language) -> None:
    got = tag(nlp_base, "The offer was extended until 5 p.m. EST, Nov. 6.", date(1989, 10, 30))
    assert got == [("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")]


def test_vague_future_terms(nlp_base: Language) -> None:
    got = tag(nlp_base, "Prospects for growth in the near term look good.")
    assert got == [("the near term", "DATE", "FUTURE_REF")]


def test_without_dct_values_stay_underspecified(nlp_base: Language) -> None:
    assert tag(nlp_base, "They met on June 11 and on Sunday.", None) == [
        ("June 11", "DATE", "XXXX-06-11"),
        ("Sunday", "DATE", "XXXX-WXX-7"),
    ]


def test_component_sets_doc_extension() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_temporal")
    doc = nlp.make_doc("The summit was held on June 12, 2018.")
    doc._.dct = date(2018, 9, 7)
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.timexes] == [("June 12, 2018", "2018-06-12")]


# --- numbers and calendar helpers -------------------------------------------------


def test_numbers() -> None:
    assert parse_number("twenty-five") == 25
    assert parse_number("5 1/2") == 5.5
    assert parse_number("several") is None
    assert duration_value(2, "decades") == "P20Y"
    assert duration_value(None, "months") == "PXM"
    assert duration_value(3, "hours") == "PT3H"


def test_shift_value_keeps_granularity() -> None:
    assert shift_value("1989-Q3", "year", -1) == "1988-Q3"
    assert shift_value("2019-06-11", "day", -1) == "2019-06-10"
    assert shift_value("2019", "day", 1) == "2019-01-02"


# --- DCT inference ------------------------------------------------------------------


def test_infer_dct_from_latest_date(nlp_base: Language, sample_texts: dict[str, str]) -> None:
    estimate = infer_dct(nlp_base(sample_texts["002"]))
    assert estimate.value.value == "2018-09-06"
    assert "Sept 6" in estimate.evidence
    assert estimate.basis == "inferred"


def test_infer_dct_raises_without_evidence(nlp_base: Language, sample_texts: dict[str, str]) -> None:
    with pytest.raises(InputError, match="cannot infer"):
        infer_dct(nlp_base(sample_texts["000"]))


def test_infer_dct_from_plain_text() -> None:
    assert infer_dct("Filed on March 3, 2021 after talks in 2020.").value.value == "2021-03-03"


# --- invariants -----------------------------------------------------------------------

dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))


@given(dct=dates, weekday=st.integers(0, 6), direction=st.sampled_from([-1, 1]))
def test_weekday_resolution_is_within_a_week_in_the_right_direction(
    dct: date, weekday: int, direction: int
) -> None:
    day = weekday_near(dct, weekday, direction)
    assert day.weekday() == weekday
    assert timedelta(0) <= (day - dct) * direction < timedelta(days=7)


@given(dct=dates, month=st.integers(1, 12), direction=st.sampled_from([-1, 0, 1]))
def test_month_resolution_stays_within_a_year(dct: date, month: int, direction: int) -> None:
    assert abs(month_year(dct, month, direction) - dct.year) <= 1


@pytest.fixture(scope="module")
def parsed_sentences(nlp_base: Language) -> dict[str, spacy.tokens.Doc]:
    texts = {
        "past": "Officials said on Tuesday that talks ended last week, two days after a visit.",
        "future": "The leaders will meet on Friday and plan to travel on Sept. 18 next year.",
    }
    return {k: nlp_base(v) for k, v in texts.items()}


@settings(max_examples=60, deadline=None)
@given(dct=dates)
def test_tagging_is_deterministic_and_weekdays_point_the_right_way(
    parsed_sentences: dict[str, spacy.tokens.Doc], dct: date
) -> None:
    for kind, doc in parsed_sentences.items():
        first = tag_doc(doc, dct)
        assert first == tag_doc(doc, dct)
        for t in first:
            if t.type == "DATE" and t.value[:1].isdigit():
                DateValue.parse(t.value)  # every calendar value parses
        weekday = next(t for t in first if t.text in ("Tuesday", "Friday"))
        delta = (date.fromisoformat(weekday.value) - dct).days
        assert (-6 <= delta <= 0) if kind == "past" else (0 <= delta <= 6)
