"""ROUGE-1.5.5 (-n 2 -m -s) tokenisation, stemming, stopwords and multi-reference counts."""

from __future__ import annotations

import pytest

from storyline.evaluation.rouge import PRF, ngrams, rouge_n, tokens


def test_tokens_lowercase_split_on_non_alphanumerics_and_drop_stopwords() -> None:
    assert tokens("The U.S. economy's GDP-growth: 3.5%!") == ["economi", "gdp", "growth", "3", "5"]


def test_short_words_are_not_stemmed() -> None:
    assert tokens("bus gas oil", stopwords=False) == ["bus", "gas", "oil"]
    assert tokens("running sentences", stopwords=False) == ["run", "sentenc"]


def test_raw_tokens_without_stemming_or_stopwords() -> None:
    assert tokens("Just a test .", stem=False, stopwords=False) == ["just", "a", "test"]


def test_bigrams_skip_removed_stopwords_and_span_sentences() -> None:
    grams = ngrams(["Oil spills.", "BP caps the rig."], 2)
    assert grams == {("oil", "spill"): 1, ("spill", "bp"): 1, ("bp", "cap"): 1, ("cap", "rig"): 1}


def test_identical_texts_score_one() -> None:
    text = "BP caps the leaking well in the Gulf of Mexico."
    assert rouge_n(text, [text], 1) == PRF(1.0, 1.0, 1.0)
    assert rouge_n(text, [text], 2) == PRF(1.0, 1.0, 1.0)


def test_clipped_counts() -> None:
    # peer says "oil" three times, the reference once: one hit
    score = rouge_n("oil oil oil", ["oil spill"], 1)
    assert score.p == pytest.approx(1 / 3)
    assert score.r == pytest.approx(1 / 2)


def test_multiple_references_sum_hits_and_counts() -> None:
    # hits 1 + 0 over reference unigrams 2 + 1; the peer's 2 unigrams count once per reference
    score = rouge_n("oil spill", ["oil rig", "storm"], 1)
    assert score.p == pytest.approx(1 / 4)
    assert score.r == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))


def test_empty_peer_scores_zero() -> None:
    assert rouge_n("", ["oil spill"], 1) == PRF(0.0, 0.0, 0.0)
