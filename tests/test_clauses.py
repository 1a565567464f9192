"""What a clause reports, on the parse of real sentences of the Ted Cruz articles in the Entities data."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Token

from storyline.annotate.clauses import bounds, contradicts, describes, is_planned, nominal, past
from storyline.types import Timex


def _verb(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def test_a_progressive_and_a_passive_judgement_describe(nlp_base: Language) -> None:
    text = "Democrats meanwhile were doing as little as possible to help Republicans out of their hole ."
    assert describes(_verb(nlp_base, text, "help"))  # the purpose clause of the description
    text = "The original combined bill is widely seen as a last - ditch Republican effort ."
    assert describes(_verb(nlp_base, text, "seen"))
    text = "Boehner announced his resignation last week ."
    assert not describes(_verb(nlp_base, text, "announced"))


def test_a_copula_with_its_attribute_describes(nlp_base: Language) -> None:
    text = ("The most shocking thing about the Republican debate last week was the way in which we were "
            "made to take Donald Trump seriously .")
    assert describes(_verb(nlp_base, text, "was"))
    assert not describes(_verb(nlp_base, "Cruz was in Iowa on Monday .", "was"))  # a whereabouts


def test_how_things_seemed_describes(nlp_base: Language) -> None:
    text = ("For a dramatic 35 minutes on Wednesday , it seemed the vote for cloture might not pass .")
    assert describes(_verb(nlp_base, text, "seemed"))
    assert describes(_verb(nlp_base, "The plan appears to be dead after the vote on Tuesday .", "appears"))
    assert not describes(_verb(nlp_base, "Cruz appeared at a rally in Des Moines on Tuesday .", "appeared"))


def test_plans_in_the_present_are_planned(nlp_base: Language) -> None:
    assert is_planned(_verb(nlp_base, "On Wednesday afternoon the Senate is scheduled to vote to take up the "
                                      "House bill .", "scheduled"))
    assert is_planned(_verb(nlp_base, "Singer is slated to host a large campaign fundraiser for the senator "
                                      "in New York this month .", "host"))
    assert not is_planned(_verb(nlp_base, "Scott Walker dropped out of the race last month .", "dropped"))


def test_a_date_naming_a_noun_or_as_subject_dates_nothing(nlp_base: Language) -> None:
    doc = nlp_base("Cruz , a Texan who is running for the 2016 Republican presidential nomination , made the "
                   "comments in a speech .")
    assert nominal(doc[[t.text for t in doc].index("2016"):][:1])
    doc = nlp_base("When primary voters queue in Iowa , this night will be remembered .")
    night = [t.text for t in doc].index("this")
    assert nominal(doc[night : night + 2])
    doc = nlp_base("Kasich has enjoyed rising poll numbers following his performance at Wednesday's second "
                   "Republican debate.")
    wednesday = [t.text for t in doc].index("Wednesday")
    assert nominal(doc[wednesday : wednesday + 1])  # a possessive names the debate


def test_a_past_clause_is_not_dated_after_its_article(nlp_base: Language) -> None:
    doc = nlp_base("Senior figures with presidential ambitions in 2016 have already spoken out in favour of "
                   "the bill .")
    spoken = next(t for t in doc if t.text == "spoken")
    year = Timex(start=0, end=4, text="2016", type="DATE", value="2016")
    assert past(spoken) and contradicts(spoken, year, date(2013, 5, 10))
    assert not contradicts(spoken, year, date(2016, 5, 10))


def test_a_limit_ahead_bounds_its_clause(nlp_base: Language) -> None:
    doc = nlp_base("Republicans want to block the Affordable Care Act before it is implemented next month .")
    implemented = next(t for t in doc if t.text == "implemented")
    start = [t.text for t in doc].index("next")
    assert bounds(doc[start : start + 2], implemented)
