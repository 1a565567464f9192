"""Named periods and days (``annotate/temporal/periods.py`` and the calendar helpers in ``dates.py``)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from storyline.annotate.temporal import tag_doc
from storyline.annotate.temporal.dates import easter, thanksgiving


@pytest.mark.parametrize(
    ("year", "sunday"),
    [
        (2000, date(2000, 4, 23)),
        (2016, date(2016, 3, 27)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
    ],
)
def test_easter_sunday(year: int, sunday: date) -> None:
    assert easter(year) == sunday


def test_thanksgiving_is_the_fourth_thursday_of_november() -> None:
    assert thanksgiving(2014) == date(2014, 11, 27)
    assert thanksgiving(2018) == date(2018, 11, 22)


def test_super_tuesday_only_falls_in_election_years(nlp_base: Language) -> None:
    doc = nlp_base("Candidates are already planning for Super Tuesday.")
    assert [t.value for t in tag_doc(doc, date(2015, 6, 1))] == ["2016-03-01"]
    doc = nlp_base("He won big on Super Tuesday.")
    assert [t.value for t in tag_doc(doc, date(2017, 5, 1))] == ["2016-03-01"]


def test_quarters_and_decades_without_a_dct(nlp_base: Language) -> None:
    doc = nlp_base("Revenue in Q3 rose through the nineties.")
    assert [(t.text, t.value) for t in tag_doc(doc, None)] == [("Q3", "XXXX-Q3"), ("the nineties", "199")]
