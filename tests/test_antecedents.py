"""Pronoun and description subjects named by the person the article gave (real sentences of the
Ted Cruz articles in the Entities data)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from conftest import MODEL
from storyline.annotate.annotator import build_nlp
from storyline.annotate.antecedents import subject_names


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return build_nlp(MODEL)


def _names(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    return {f"{doc[i].text}@{doc[i].sent.start}": name for i, name in found.items()}


def test_he_is_the_subject_of_the_sentence_before(pipeline: Language) -> None:
    text = ("In April , Charles Koch told USA Today that he and his brother might back more than one "
            "candidate in the primaries . But in late November , in another USA Today interview , he took "
            "another tack .")
    doc = pipeline(text)
    second = list(doc.sents)[1]
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    assert [found.get(t.i) for t in second if t.lower_ == "he"] == ["Charles Koch"]
    # the first "he" follows its own sentence's "Charles Koch": left as written
    first = list(doc.sents)[0]
    assert not [t for t in first if t.lower_ == "he" and t.i in found]


def test_a_pronoun_nobody_named_keeps_no_name(pipeline: Language) -> None:
    assert _names(pipeline, "But in late November , in another interview , he took another tack .") == {}


def test_they_is_the_plural_subject_before(pipeline: Language) -> None:
    text = ("Senior Republicans made clear they were unhappy . They stood on the sidelines as Cruz was "
            "joined on the floor by a clutch of conservative senators .")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    second = list(doc.sents)[1]
    assert found[second[0].i] == "Senior Republicans"


def test_a_role_description_is_the_person_it_describes(pipeline: Language) -> None:
    text = ("Texas senator Ted Cruz raised more than expected . The conservative Texas senator , who is "
            "seeking to unite the Republicans’ Tea Party wing behind his White House run , raised $ 4.3 m .")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    senator = next(t for t in list(doc.sents)[1] if t.lower_ == "senator")
    assert found[senator.i] == "Ted Cruz"


def test_the_nearest_sentence_naming_a_person_decides(pipeline: Language) -> None:
    text = ("McCain also chastised Cruz for comparing the battle against Obamacare to the second world war . "
            "None of which bothered Cruz who has made a virtue out of bucking against the GOP old guard . "
            "When he took the floor of the senate at 2:40pm ET on Tuesday , he knew there was no chance .")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    third = list(doc.sents)[2]
    assert [found.get(t.i) for t in third if t.lower_ == "he"][0] == "Cruz"


def test_a_role_opening_a_sentence_is_the_protagonist_just_named(pipeline: Language) -> None:
    text = ("Ted Cruz is raising money for his presidential campaign at a significantly faster rate than "
            "Mitt Romney did four years ago . The conservative Texas senator , who is seeking to unite the "
            "Republicans’ Tea Party wing behind his White House run , raised $ 4.3 m during March .")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    senator = next(t for t in list(doc.sents)[1] if t.lower_ == "senator")
    assert found[senator.i] == "Ted Cruz"


def test_a_role_the_protagonists_title_contradicts_keeps_no_name(pipeline: Language) -> None:
    text = ("Pope Francis added his voice to the political leaders on Monday , warning that the world was at "
            "the limits of suicide . The US president quoted Martin Luther King .")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    president = next(t for t in list(doc.sents)[1] if t.lower_ == "president")
    assert president.i not in found


def test_a_pronoun_is_followed_back_through_quotations_and_itself(pipeline: Language) -> None:
    text = ("Carly Fiorina formally declared herself a candidate for president on Monday. Fiorina, a "
            "former chief executive of Hewlett-Packard, joins senators Ted Cruz and Marco Rubio in the "
            "field. “Our founders never intended us to have a professional political class,” Fiorina "
            "says. “They believed that citizens and leaders needed to step forward. We know the only way "
            "to reimagine our government is to reimagine who is leading it.” She adds: “If you’re tired "
            "of the soundbites, then join us.” In a call with reporters on Monday, she said her campaign "
            "was not just anti-Clinton, then proceeded to attack Clinton again.")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    last = list(doc.sents)[-1]
    assert [found.get(t.i) for t in last if t.lower_ == "she"] == ["Carly Fiorina"]


def test_a_pronoun_chain_stops_at_narrative_naming_nobody(pipeline: Language) -> None:
    text = ("Fiorina spoke in Iowa. The crowd was small. The hall was half empty. She said her campaign was "
            "not just anti-Clinton.")
    doc = pipeline(text)
    found = subject_names(doc, doc._.entities, doc._.entity_mentions)
    assert not [t for t in list(doc.sents)[-1] if t.lower_ == "she" and t.i in found]
