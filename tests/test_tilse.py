"""tilse metrics: the toolkit's documented example and hand-checked cases."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.evaluation.tilse import (
    Alignment,
    Costs,
    agreement_rouge,
    align_rouge,
    concat_rouge,
    date_f1,
)

PREDICTED = {
    date(2010, 1, 1): ["Just a test .", "Another sentence ."],
    date(2010, 1, 3): ["Some more content .", "Even more !"],
}
REFERENCES = [
    {date(2010, 1, 2): ["Just a test ."], date(2010, 1, 4): ["This one does not match ."]},
    {date(2010, 1, 5): ["Another timeline !"]},
]


def test_documented_example_concat() -> None:
    score = concat_rouge(PREDICTED, REFERENCES, 1)
    assert score.p == pytest.approx(0.16666666666666666)
    assert score.r == pytest.approx(0.3333333333333333)
    assert score.f1 == pytest.approx(0.2222222222222222)


def test_documented_example_align_date_content() -> None:
    score = align_rouge(PREDICTED, REFERENCES, 1, Costs.DATE_CONTENT, Alignment.ONE_TO_ONE)
    assert score.p == pytest.approx(0.08333333333333333)
    assert score.r == pytest.approx(0.16666666666666666)
    assert score.f1 == pytest.approx(0.1111111111111111)


def test_documented_example_align_many_to_one() -> None:
    # the same alignment here: 2010-01-01 -> 2010-01-02, weight 1/2, one hit ("test")
    score = align_rouge(PREDICTED, REFERENCES, 1)
    assert (score.p, score.r) == (pytest.approx(0.5 / 6), pytest.approx(0.5 / 3))


def test_agreement_needs_the_same_date() -> None:
    assert agreement_rouge(PREDICTED, REFERENCES, 1).f1 == 0.0
    moved = {date(2010, 1, 2): ["Just a test ."]}
    score = agreement_rouge(moved, REFERENCES, 1)
    assert (score.p, score.r) == (pytest.approx(1 / 2), pytest.approx(1 / 3))


def test_exact_dates_and_identical_content_score_one() -> None:
    ref = {date(2011, 2, 11): ["Mubarak resigns as president ."],
           date(2011, 1, 25): ["Protesters gather in Tahrir Square ."]}
    for n in (1, 2):
        assert align_rouge(ref, [ref], n).f1 == pytest.approx(1.0)
        assert concat_rouge(ref, [ref], n).f1 == pytest.approx(1.0)


def test_many_to_one_lets_two_dates_share_a_reference_date() -> None:
    ref = {date(2011, 2, 11): ["Mubarak resigns ."], date(2011, 3, 30): ["Rebels retreat ."]}
    pred = {date(2011, 2, 10): ["Mubarak resigns ."], date(2011, 2, 12): ["Mubarak resigns ."]}
    m1 = align_rouge(pred, [ref], 1)
    # both predicted dates align to 2011-02-11 at weight 1/2, two unigrams each
    assert m1.p == pytest.approx((0.5 * 2 + 0.5 * 2) / 4)
    one = align_rouge(pred, [ref], 1, alignment=Alignment.ONE_TO_ONE)
    assert one.p == pytest.approx(0.5 * 2 / 4)


def test_content_breaks_date_ties() -> None:
    ref = {date(2011, 2, 9): ["Army deployed ."], date(2011, 2, 11): ["Mubarak resigns ."]}
    pred = {date(2011, 2, 10): ["Mubarak resigns ."]}
    by_content = align_rouge(pred, [ref], 1, Costs.DATE_CONTENT)
    assert by_content.p == pytest.approx(0.5)  # aligned to 02-11: 2 hits at weight 1/2
    by_date = align_rouge(pred, [ref], 1, Costs.DATE)
    assert by_date.p == 0.0  # tie on date goes to the earlier reference date


def test_date_f1() -> None:
    score = date_f1(PREDICTED, [{date(2010, 1, 1): ["x"], date(2010, 1, 2): ["y"]}])
    assert (score.p, score.r, score.f1) == (0.5, 0.5, 0.5)
    assert date_f1([], REFERENCES).f1 == 0.0
