"""storyline_quotes on the sample articles, and quotation-mark scanning."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import storyline.annotate.entities  # noqa: F401  (registers the factory)
import storyline.annotate.extensions  # noqa: F401
import storyline.annotate.quotes  # noqa: F401
from storyline.annotate.quotemarks import find_quote_spans
from storyline.annotate.quotes import find_attributions
from storyline.types import CUE_CLASS_NAMES, Quote

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "korea-letters"


def sample(prefix: str) -> str:
    text = next(EXAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    return text.split("Orange background")[0]


@pytest.fixture(scope="module")
def nlp(nlp_quotes: spacy.language.Language) -> spacy.language.Language:
    return nlp_quotes


@pytest.fixture(scope="module")
def docs(nlp: spacy.language.Language) -> dict[str, Doc]:
    return {p: nlp(sample(p)) for p in ("000", "002", "003")}


def quote(doc: Doc, fragment: str, kind: str = "direct") -> Quote:
    found = [q for q in doc._.quotes if fragment in q.text and q.kind == kind]
    assert found, f"no {kind} quote containing {fragment!r}"
    return found[0]


@pytest.mark.parametrize(
    ("prefix", "fragment", "speaker", "cue"),
    [
        ("003", "The president remains receptive", "Karoline Leavitt", "tell"),
        ("003", "As for specific correspondence", "Karoline Leavitt", "add"),
        ("000", "I’m hopeful that this will provide", "Mike Pompeo", "say"),
        ("000", "important discussions with the North Koreans", "Mike Pompeo", "say"),
        ("002", "He strongly expressed his will", "Chung Eui-yong", "say"),
        ("002", "He made it clear that his trust", "Chung Eui-yong", "say"),
        ("002", "He said he wished he could eliminate", "Chung Eui-yong", "say"),
        ("002", "is buying time", "Lee Byong-chul", "say"),
        ("002", "He probably saw that there was nothing good", "Lee Byong-chul", "say"),
        ("002", "We will get it done together!", "Donald Trump", "write"),
        ("002", "we have a good feeling", "Donald Trump", "tell"),
        ("003", "smart guy", "Donald Trump", "claim"),  # "The president has said ..., claiming ..."
    ],
)
def test_direct_quotes_have_the_right_speaker(
    docs: dict[str, Doc], prefix: str, fragment: str, speaker: str, cue: str
) -> None:
    q = quote(docs[prefix], fragment)
    assert (q.speaker, q.cue) == (speaker, cue)
    names = {e.key: e.name for e in docs[prefix]._.entities}
    assert q.speaker_entity is not None and names[q.speaker_entity] == speaker


def test_multi_sentence_quote_is_one_quote(docs: dict[str, Doc]) -> None:
    q = quote(docs["002"], "Thank you to Chairman")
    assert q.text.startswith("Kim") and q.text.endswith("together!")
    assert q.speaker == "Donald Trump"


@pytest.mark.parametrize(
    ("prefix", "fragment", "speaker"),
    [
        ("002", "Kim had voiced frustration", "Chung Eui-yong"),
        ("002", "Kim brought up a series of confidence-building measures", "Chung Eui-yong"),
        ("002", "South Korea was coddling the North", "Lee Sung-yoon"),
        ("000", "he had also received a hand-delivered", "Trump"),
        ("000", "it would help build momentum for dialogue", "Moon Jae-in"),
    ],
)
def test_indirect_speech(docs: dict[str, Doc], prefix: str, fragment: str, speaker: str) -> None:
    assert quote(docs[prefix], fragment, kind="indirect").speaker == speaker


def test_according_to(docs: dict[str, Doc]) -> None:
    found = [q for q in docs["002"]._.quotes if q.cue == "according to"]
    assert found and found[0].speaker == "Chung Eui-yong"
    assert "never spoken badly" in found[0].text


def test_quote_offsets_and_sentences(docs: dict[str, Doc]) -> None:
    for doc in docs.values():
        n_sents = len(list(doc.sents))
        for q in doc._.quotes:
            assert doc.text[q.start : q.end] == q.text
            assert 0 <= q.sentence < n_sents
            assert q.kind in ("direct", "indirect", "mixed")
            assert q.cue_class in CUE_CLASS_NAMES


def test_every_long_direct_quote_has_a_speaker(docs: dict[str, Doc]) -> None:
    for prefix in ("000", "003"):
        for q in docs[prefix]._.quotes:
            if q.kind == "direct" and len(q.text.split()) >= 4:
                assert q.speaker is not None, (prefix, q.text)


def test_quote_marks_straight_curly_split_and_paragraphs() -> None:
    text = (
        '“First part,” he said, “second part.” Then "straight one" here.\n'
        "“A long quote that runs on\n“into a second paragraph.”"
    )
    spans = [(text[s.start : s.end], s.group) for s in find_quote_spans(text)]
    assert spans == [
        ("First part,", 0),
        ("second part.", 1),
        ("straight one", 2),
        ("A long quote that runs on", 3),
        ("into a second paragraph.", 3),
    ]


def test_spaced_straight_marks_open_before_a_capital_pronoun() -> None:
    # old wire copy puts spaces inside straight marks; after a full stop, '" We' opens a quote
    text = (
        'The firm struggled against Dell. " We like to call it BYODKM, " Jobs said, claiming that '
        '" people who are thinking of switching have no excuses ". " It is fine, " it said.'
    )
    assert [text[s.start : s.end].strip() for s in find_quote_spans(text)] == [
        "We like to call it BYODKM,",
        "people who are thinking of switching have no excuses",
        "It is fine,",
    ]


def test_unterminated_quote_is_dropped() -> None:
    assert find_quote_spans("He said “this never ends.\nNext paragraph.") == []


def test_two_apostrophes_stand_for_quote_marks() -> None:
    text = "''I love Oreos,'' he said. ''I will never eat them again.'' It's ``fine''."
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == [
        "I love Oreos,",
        "I will never eat them again.",
        "fine",
    ]


def test_date_from_a_timex_on_the_cue(nlp: spacy.language.Language) -> None:
    from storyline.types import Timex

    text = "Karoline Leavitt told reporters on Wednesday that the president remains receptive."
    at = text.index("Wednesday")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "storyline_quotes":
            doc._.timexes = [Timex(at, at + 9, "Wednesday", "DATE", "2025-06-11")]
        doc = proc(doc)
    (q,) = doc._.quotes
    assert q.speaker == "Karoline Leavitt" and q.kind == "indirect"
    assert q.date is not None and q.date.value == "2025-06-11"
    # a date inside what was said dates what it is about, not the saying
    text = "“Imagine we were all sitting here, it was 1979, and we listened to him,” Okafor told the crowd."
    at = text.index("1979")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "storyline_quotes":
            doc._.timexes = [Timex(at, at + 4, "1979", "DATE", "1979")]
        doc = proc(doc)
    (q,) = doc._.quotes
    assert q.speaker == "Okafor" and q.date is None


def _found(nlp: spacy.language.Language, text: str) -> list[Quote]:
    return list(nlp(text)._.quotes)


def test_quote_after_two_apostrophes_keeps_the_speaker(nlp: spacy.language.Language) -> None:
    text = (
        "''Even if she could convince people she's right today, by a year from now the situation will "
        "have morphed,'' Michael O'Hanlon said. ''And in the meantime, she would have scared many people.''"
    )
    q = next(q for q in _found(nlp, text) if q.text.startswith("And in the meantime"))
    assert (q.speaker, q.kind) == ("Michael O'Hanlon", "direct")


def test_transcript_line_mid_paragraph_names_its_speaker(nlp: spacy.language.Language) -> None:
    text = (
        "Jeb Bush says he is by nature impatient. Marco Rubio: “I’m not sure it’s a weakness, but I "
        "believe there’s a sense in this country that our best days lay behind us.”"
    )
    q = next(q for q in _found(nlp, text) if "not sure it’s a weakness" in q.text)
    assert q.speaker == "Marco Rubio"


def test_inverted_cue_reports_the_clause_before_it(nlp: spacy.language.Language) -> None:
    text = (
        'The rejection of the treaty signals "the beginning of the end" for the EU, said Geert Wilders, '
        "founder of the right-wing Dutch Party for Freedom."
    )
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "say"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Geert Wilders"
    assert text[att.content[0][0] :].startswith("The rejection of the treaty")


def test_word_quoted_from_a_longer_quote_is_not_stored_again(nlp: spacy.language.Language) -> None:
    text = (
        'US President Donald Trump is "receptive" to letters from Kim Jong-un, a White House spokesperson '
        'said. "The president remains receptive to correspondence with Kim Jong-un," Karoline Leavitt told '
        "a press briefing."
    )
    direct = [q.text for q in _found(nlp, text) if q.kind == "direct"]
    assert "receptive" not in direct and any(t.startswith("The president remains") for t in direct)


def test_quoted_judgement_in_a_paraphrase_is_the_speakers_word(nlp: spacy.language.Language) -> None:
    text = (
        "Lee Sung-yoon, a professor at Tufts University, said South Korea was coddling the North. "
        "He said Chung would take “happy” messages from Pyongyang to the White House."
    )
    q = next(q for q in _found(nlp, text) if q.text == "happy")
    assert (q.speaker, q.kind) == ("Lee Sung-yoon", "direct")


def test_hedges_and_mispaired_fragments_are_no_quotes(nlp: spacy.language.Language) -> None:
    hedge = "In his Heritage speech, Mike Lee appeared to advocate a subtle shift away from the obsession."
    assert _found(nlp, hedge) == []
    text = 'Residents said the " arrival ceremonies " would henceforth be " honour ceremonies " at the base.'
    assert not [q for q in _found(nlp, text) if q.text.strip().startswith("would henceforth")]


def test_quote_split_around_a_cue_with_a_clause_after_it_is_one_speakers(
    nlp: spacy.language.Language,
) -> None:
    text = (
        '"The problems started when the bank started lending for deficit financing," Ms. Acosta said, '
        '"and when it started lending to entities that had no source of repayment."'
    )
    speakers = {q.text.split()[0]: q.speaker for q in _found(nlp, text) if q.kind == "direct"}
    assert speakers == {"The": "Acosta", "and": "Acosta"}


def test_quote_after_a_colon_goes_on_with_the_paraphrase_before_it(nlp: spacy.language.Language) -> None:
    text = (
        "Bernie Sanders promised that he is staying in the race until the convention: "
        '"Let me be as clear as I can be: We are in till the last ballot is cast!"'
    )
    q = next(q for q in _found(nlp, text) if q.text.startswith("Let me be as clear"))
    assert q.speaker == "Bernie Sanders"


def test_speech_verb_the_parser_left_without_a_subject_keeps_its_speaker(
    nlp: spacy.language.Language,
) -> None:
    inverted = '“Having the RNC file is valuable,” said Skelly, explaining he worked with Chrabaszcz.'
    doc = nlp(inverted)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "say"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Skelly"
    before = (
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke "
        "with Mr. Sanders on Tuesday."
    )
    (q,) = [q for q in _found(nlp, before) if "spoke with" in q.text]
    assert q.speaker is not None and q.speaker.endswith("Reid")


def test_clause_before_a_cue_that_opens_with_a_phrase_is_what_was_said(nlp: spacy.language.Language) -> None:
    text = "In this year's contest, undeclared voters are not likely to help one candidate, Smith said."
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "say"]
    assert text[att.content[0][0] :].startswith("In this year's contest")
    gerund = "He said legalizing it could put thousands of people to work upstate."
    doc = nlp(gerund)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "say"]
    assert gerund[att.content[0][0] :].startswith("legalizing it could put")


def test_clause_before_a_cue_whose_own_clause_opens_with_if_is_what_was_said(
    nlp: spacy.language.Language,
) -> None:
    # the "if" marks a clause inside the reported one, which has its own subject
    text = "If states fail to protect students, the Department of Justice can step in, Wilcox said."
    assert _read(nlp, text, "say") == ("Wilcox", [text[text.index("If") : text.index(", Wilcox")]])
    # a clause marked itself stays a frame, not what was said
    framed = "As new evidence emerges, Cruz argued that the case is closed."
    assert _read(nlp, framed, "argue") == ("Cruz", ["that the case is closed"])


def _read(nlp: spacy.language.Language, text: str, lemma: str) -> tuple[str | None, list[str]]:
    """The source and contents of the one attribution of ``lemma`` found in ``text``."""
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == lemma]
    source = doc[att.source[0] : att.source[1]].text if att.source is not None else None
    return source, [text[a:b] for a, b in att.content]


def test_what_a_writing_verb_puts_out_is_its_noun_object(nlp: spacy.language.Language) -> None:
    text = "Ted Cruz, by contrast, wrote an op-ed urging Congress to fast track the trade pact."
    said = ["an op-ed urging Congress to fast track the trade pact"]
    assert _read(nlp, text, "write") == ("Ted Cruz", said)
    # a pronoun object is no content: nothing to attribute
    assert not [a for a in find_attributions(nlp("She wrote it on Monday.")) if a.lemma == "write"]


def test_has_said_read_as_a_passive_keeps_its_speaker(nlp: spacy.language.Language) -> None:
    text = "He's said he gets his ideas about monetary policy from a speech in a novel."
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "say"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "He"
    crowd = "The firepower reflects anxiety among senior GOP fundraisers about meeting the declared goal."
    doc = nlp(crowd)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "anxiety"]
    assert att.source is not None and "fundraisers" in doc[att.source[0] : att.source[1]].text


def test_a_cue_after_the_reported_clause_is_the_speakers_next_words(nlp: spacy.language.Language) -> None:
    # the parser hangs "telling", "called", "highlighted" inside the reported clause
    text = "Carson said he saw no reason to change course, telling reporters that voters still backed him."
    assert _read(nlp, text, "say") == ("Carson", ["he saw no reason to change course"])
    assert _read(nlp, text, "tell") == ("Carson", ["that voters still backed him"])
    text = "Paul said the tax plan would reward donors, and called him a liberal."
    assert _read(nlp, text, "say") == ("Paul", ["the tax plan would reward donors"])
    assert _read(nlp, text, "call") == ("Paul", ["him a liberal"])
    # no comma: the speech verb's tense, not the clause's, says whose verb it is
    text = "She said she admires his courage and highlighted their shared goals."
    assert _read(nlp, text, "say") == ("She", ["she admires his courage"])
    # a participle that is no cue stays in what was said
    text = "He said the plan would fail, leaving millions without cover."
    assert _read(nlp, text, "say") == ("He", ["the plan would fail, leaving millions without cover"])


def test_a_quote_after_a_colon_is_spoken_by_the_subject_of_the_clause_it_ends(
    nlp: spacy.language.Language,
) -> None:
    said = "That would be good for nobody."
    text = f'Asked whether the campaign should apologise, Mr. Smith shot back: "{said}"'
    assert _read(nlp, text, "shoot") == ("Mr. Smith", [said])
    said = "You can easily argue that this is a disaster."
    text = f'One early supporter, Lee Zeldin, gave the idea a whirl in an interview on Tuesday: "{said}"'
    assert _read(nlp, text, "give") == ("One early supporter", [said])
    # a clause of no one's makes the quote no one's
    doc = nlp('The results of the vote were clear: "We won the whole state tonight."')
    assert all(a.source is None for a in find_attributions(doc))


@pytest.mark.parametrize(
    ("text", "lemma", "source"),
    [
        # an infinitive on a verb's object is the subject's act, not the object's
        ("The mayor took the opportunity to argue that the bridge was safe.", "argue", "The mayor"),
        # what a subject sends or writes speaks for it
        ("The Lopez campaign sent an email saying that the race was tied.", "say", "The Lopez campaign"),
        ("The council issued a statement saying that the bridge would reopen.", "say", "The council"),
        # a passive subject made to speak says it; one only expected to speak says nothing yet
        ("Several residents were heard telling neighbours that the water had risen.", "tell",
         "Several residents"),
        ("The governor is expected to announce that taxes will rise.", "announce", None),
        # a gerund after a preposition: the clause's subject, the noun's owner, the passive subject
        ("The governor praised the inquiry but stopped short of calling for the chief to resign.", "call",
         "The governor"),
        ("The two rivals abandoned their strategy of attacking him on the economy.", "attack", "their"),
        ("The comedian was booed after telling the crowd that the team would lose.", "tell", "The comedian"),
        ("The cost of defending the new law is high.", "defend", None),  # on a noun of the subject
        # a cue on a noun is the noun's only when it can speak, else its owner's or no one's
        ("The decision to announce the closure came late on Friday.", "announce", None),
        ("The mayor's refusal to condemn the protest angered the council.", "condemn", "The mayor's"),
        # an "it" that stands for the infinitive after it is no one
        ("Given the floods, it is hard to imagine the mayor winning in May.", "imagine", None),
        ("It would take the Senate a month to confirm the new judge.", "confirm", None),
        ("When the council asked the agency for the report, it declined, citing legal risks.", "cite", "it"),
    ],
)
def test_who_does_what_a_cue_says(
    nlp: spacy.language.Language, text: str, lemma: str, source: str | None
) -> None:
    doc = nlp(text)
    sources = [doc[a.source[0] : a.source[1]].text if a.source else None
               for a in find_attributions(doc) if a.lemma == lemma]
    assert sources == [source] if source else all(x is None for x in sources)


def test_a_quote_before_a_bare_name_and_verb_is_that_persons(nlp: spacy.language.Language) -> None:
    said = "If they were serious about this, they would have called us first,"
    assert _read(nlp, f"“{said}” Okafor fumed.", "fume") == ("Okafor", [said])
    assert _read(nlp, f"“{said}” snapped Okafor.", "snap") == ("Okafor", [said])
    # a title or a scare-quoted phrase before a clause is no one's words
    doc = nlp("He praised “This Morning,” which he watches daily.")
    assert all(a.source is None for a in find_attributions(doc))


def test_a_clause_of_the_speakers_own_after_and_ends_what_was_said(nlp: spacy.language.Language) -> None:
    text = "Rubio said the real extremist on abortion is his rival, and he railed against the moderators."
    assert _read(nlp, text, "say") == ("Rubio", ["the real extremist on abortion is his rival"])
    # "…, the Times reported": the writer's source for the whole, not what was said
    text = "Okafor said the mayor would resign by Friday, the Harbour Times reported on Thursday."
    assert _read(nlp, text, "say") == ("Okafor", ["the mayor would resign by Friday"])
    # in the reported clause's own tense it stays part of what was said
    text = "Okafor said the real problem is the budget, and it needs a vote."
    assert _read(nlp, text, "say") == ("Okafor", ["the real problem is the budget, and it needs a vote"])


def test_an_answer_said_is_what_was_said(nlp: spacy.language.Language) -> None:
    text = "Asked if he was ever bullied, the candidate said no."
    assert _read(nlp, text, "say") == ("the candidate", ["no"])
    text = "Asked if the plan was illegal, 46 percent of voters said yes, against 23 percent."
    assert _read(nlp, text, "say") == ("46 percent", ["yes"])


def test_what_a_question_was_about(nlp: spacy.language.Language) -> None:
    text = "The host asked the senator about the leaked memo."
    assert _read(nlp, text, "ask") == ("The host", ["the leaked memo"])
    # a request for comment unanswered is nobody's words
    doc = nlp("The campaign did not respond to a request for comment.")
    assert not [a for a in find_attributions(doc) if a.lemma == "respond"]


def test_a_quote_ending_a_paragraph_is_not_the_next_paragraphs(nlp: spacy.language.Language) -> None:
    text = (
        "The council met on Monday. “We will not back down from this fight for our town,” Okafor said. "
        "“Nobody asked us what we wanted.”\n\n"
        "Mayor Lena Brandt responded on Tuesday, at a crowded meeting in the harbour hall."
    )
    q = next(q for q in _found(nlp, text) if q.text.startswith("Nobody asked"))
    assert q.speaker == "Okafor"


def test_a_speaker_with_a_long_apposition_after_the_quote() -> None:
    # the parser joined "said" to the quotation's verb; 14 words of name and role stand between
    rows = (
        "“/punct/3/PUNCT/`` Fares/nsubj/3/NOUN/NNS will/aux/3/AUX/MD rise/ROOT/3/VERB/VB ,/punct/3/PUNCT/, "
        "”/punct/3/PUNCT/'' Ada/compound/7/PROPN/NNP Okafor/nsubj/20/PROPN/NNP ,/punct/7/PUNCT/, "
        "the/det/10/DET/DT director/appos/7/NOUN/NN of/prep/10/ADP/IN the/det/14/DET/DT "
        "Harbour/compound/14/PROPN/NNP Authority/pobj/11/PROPN/NNP of/prep/14/ADP/IN the/det/18/DET/DT "
        "Northern/compound/18/PROPN/NNP District/pobj/15/PROPN/NNP ,/punct/7/PUNCT/, said/conj/3/VERB/VBD "
        "at/prep/20/ADP/IN a/det/23/DET/DT meeting/pobj/21/NOUN/NN ./punct/20/PUNCT/."
    )
    fields = [r.split("/") for r in rows.split()]
    words = [f[0] for f in fields]
    after = [*words[1:], "."]
    spaces = [w != "“" and nxt not in (",", ".", "”") for w, nxt in zip(words, after, strict=True)]
    doc = Doc(
        spacy.blank("en").vocab, words=words, spaces=spaces, heads=[int(f[2]) for f in fields],
        deps=[f[1] for f in fields], pos=[f[3] for f in fields], tags=[f[4] for f in fields],
        lemmas=["say" if w == "said" else w for w in words], sent_starts=[i == 0 for i in range(len(words))],
    )
    doc.ents = [doc.char_span(doc.text.index("Ada"), doc.text.index(",", doc.text.index("Ada")), "PERSON")]
    (att,) = find_attributions(doc)
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Ada Okafor"
    assert [doc.text[a:b] for a, b in att.content] == ["Fares will rise,"]


def test_a_name_with_an_age_after_the_quote_told_it(nlp: spacy.language.Language) -> None:
    # the parser joins "told" to the quotation's verb: its subject is not the quotation's "We"
    text = "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, told AFP."
    assert _read(nlp, text, "tell") == ("Ramos", [text[1 : text.index("”")]])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Lena Brandt, meanwhile, who holds no such endorsements, said that fact speaks volumes.",
         "Lena Brandt"),
        ("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he was alarmed.",
         "Jeffrey Salkin"),
    ],
)
def test_a_name_set_off_before_its_aside_says_it(
    nlp: spacy.language.Language, text: str, source: str
) -> None:
    # the parser hung "said" elsewhere; the writer's aside about the name stands between them
    assert _read(nlp, text, "say")[0] == source


def test_an_inverted_cue_between_subject_and_verb(nlp: spacy.language.Language) -> None:
    text = "The contrast with the mayor, said Okafor and others, would be clear since the mayor has no aides."
    assert _read(nlp, text, "say") == (
        "Okafor", ["The contrast with the mayor", "would be clear since the mayor has no aides"]
    )
    # not inverted: the subject before the verb says it
    text = "The mayor said Okafor, who leads the council, would resign."
    assert _read(nlp, text, "say")[0] == "The mayor"


def test_the_object_before_a_participle_does_it(nlp: spacy.language.Language) -> None:
    text = "The attacks have left 62 percent of voters saying race relations are growing worse."
    assert _read(nlp, text, "say")[0] == "62 percent"
    # after a comma, or a document sent: the subject's words
    assert _read(nlp, "The senator left the room, saying the bill was dead.", "say")[0] == "The senator"
    assert _read(nlp, "Minutes later, she sent an email saying the bill was dead.", "say")[0] == "she"


def test_a_cue_closing_its_sentence_reports_all_before_it(nlp: spacy.language.Language) -> None:
    text = (
        "As the mayor prepared to speak to supporters on Tuesday, a 15-year-old girl outside the venue "
        "was pepper-sprayed by another bystander, police said."
    )
    assert _read(nlp, text, "say") == ("police", [text[: text.index(", police")]])
    # "there is" opening the reported clause is no adverbial clause before the cue
    text = "Though rivals boast of turnout, there is no link between turnout and victory, scientists say."
    assert _read(nlp, text, "say") == ("scientists", [text[: text.index(", scientists")]])


def test_a_cue_closing_a_paragraph_the_parser_joined_to_the_next(nlp: spacy.language.Language) -> None:
    text = (
        "Populists in such movements have little interest in knitting together interests and deploying "
        "forces for common goals, he said.\n\n''These anti-establishment movements stand in contrast to "
        "everything which is the alliance,'' he added."
    )
    assert _read(nlp, text, "say") == ("he", [text[: text.index(", he said")]])
    # a cue before a colon opens what follows
    text = "In a 1963 speech, he declared:\n\n“It is very appropriate that we meet here today.”"
    assert _read(nlp, text, "declare") == ("he", ["It is very appropriate that we meet here today."])


def test_a_quotation_after_but_goes_on_with_the_speaker(nlp: spacy.language.Language) -> None:
    text = "Okafor said he had offers for the boat, but “the offers were to use it in a way I disliked.”"
    assert _read(nlp, text, "say") == (
        "Okafor", ["he had offers for the boat", "the offers were to use it in a way I disliked."]
    )


def test_what_a_sign_reads(nlp: spacy.language.Language) -> None:
    text = "Dawson smiled and lifted a sign of her own.\n\n“I am still with the union,” it read."
    assert _read(nlp, text, "read") == ("it", ["I am still with the union,"])


def test_a_relative_that_stands_for_what_it_follows(nlp: spacy.language.Language) -> None:
    text = "Outside the hall, the crowd waved a banner that said, “The harbour will close in May.”"
    assert _read(nlp, text, "say")[0] == "a banner"
    text = "In selling the courses, Okafor released a video that said, “We will have great teachers.”"
    assert _read(nlp, text, "say")[0] == "Okafor"


def test_what_is_sent_to_people_is_the_senders(nlp: spacy.language.Language) -> None:
    text = "Before the count, her campaign sent out a text message to supporters saying: “We won the state!”"
    assert _read(nlp, text, "say") == ("her campaign", ["We won the state!"])


def test_a_dateline_is_no_speaker(nlp: spacy.language.Language) -> None:
    text = (
        "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Okafor told delegates at the "
        "convention that the email server should disqualify her."
    )
    assert _read(nlp, text, "tell")[0] == "Former Attorney General Michael Okafor"
    # the hyphen of a party and state is no dateline's dash
    text = "Rep. Lena Brandt (D-Ga.) said the plan had failed."
    assert _read(nlp, text, "say")[0] == "Rep. Lena Brandt"


def test_with_a_name_and_a_participle(nlp: spacy.language.Language) -> None:
    text = "The interview ended with Okafor asking the mayor whether she would run again."
    assert _read(nlp, text, "ask")[0] == "Okafor"


def test_the_writers_clause_before_a_dash_is_not_what_the_cue_says(nlp: spacy.language.Language) -> None:
    text = (
        "Okafor is used to opprobrium from his own party – Lena Brandt famously described him and "
        "his ally as \" wacko birds \" – but he became the most talked-about senator."
    )
    speaker, said = _read(nlp, text, "describe")
    assert speaker == "Lena Brandt" and not any("opprobrium" in s for s in said)


def test_shooting_back_is_an_answer(nlp: spacy.language.Language) -> None:
    text = "After the governor criticized her, Brandt shot back, “I chose my profession.”"
    assert _read(nlp, text, "shoot") == ("Brandt", ["I chose my profession."])
    assert _read(nlp, "Okafor shot back that the reporter had not been called on.", "shoot") == (
        "Okafor", ["that the reporter had not been called on"]
    )
    doc = nlp("The soldiers fired back at the attackers.")
    assert not find_attributions(doc)


def test_a_role_after_as_is_not_the_subject(nlp: spacy.language.Language) -> None:
    text = (
        "In 2013, Okafor called the pills “dangerous”, and as a senator has supported “liberty” "
        "measures intended to protect private employers who would invoke religious beliefs."
    )
    assert _read(nlp, text, "support")[0] == "Okafor"
