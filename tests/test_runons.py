"""Sentence starts that a lost full stop hid (real lines of the Ted Cruz export)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import MODEL
from storyline.annotate.model import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(MODEL)


def test_a_capitalised_determiner_after_a_lower_case_word_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("In advance of the debate, he was already complaining about an “unfair” fight The essence of "
              "his beef was that CNBC has been broadcasting the same poll.")
    assert [s.text.split()[0] for s in doc.sents] == ["In", "The"]


@pytest.mark.parametrize(("text", "sentences"), [
    ("Cruz told The Guardian that he would run.", 1),
    ("She starred in The Apprentice for years.", 1),
    ("He said the plan was dead. The senator left.", 2),
])
def test_titles_and_written_sentences_are_left_alone(nlp: Language, text: str, sentences: int) -> None:
    assert len(list(nlp(text).sents)) == sentences
