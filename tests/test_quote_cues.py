"""Attribution cues beyond speech verbs, speakers from roles and pronouns, and junk filtering."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import storyline.annotate.entities  # noqa: F401  (registers the factory)
import storyline.annotate.quotes  # noqa: F401
from storyline.annotate.quotemarks import find_quote_spans
from storyline.annotate.quotes import find_attributions
from storyline.types import Quote


@pytest.fixture(scope="module")
def nlp(nlp_quotes: spacy.language.Language) -> spacy.language.Language:
    return nlp_quotes


def quotes(nlp: spacy.language.Language, text: str) -> list[Quote]:
    doc: Doc = nlp(text)
    return list(doc._.quotes)


def only(found: list[Quote], fragment: str) -> Quote:
    hits = [q for q in found if fragment in q.text]
    assert len(hits) == 1, (fragment, found)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "fragment", "cue", "cue_class"),
    [
        ("John Smith believes that the tax plan will fail.", "the tax plan", "believe", "cognition"),
        ("John Smith wants to repeal the health law next year.", "to repeal", "want", "intention"),
        ("John Smith warned that the deal would collapse soon.", "the deal", "warn", "stance"),
        ("John Smith denied that he had taken the money.", "the money", "deny", "stance"),
        ("John Smith accused Mary Jones of lying about the vote.", "lying", "accuse", "stance"),
    ],
)
def test_cue_classes(
    nlp: spacy.language.Language, text: str, fragment: str, cue: str, cue_class: str
) -> None:
    q = only(quotes(nlp, text), fragment)
    assert (q.cue, q.cue_class, q.kind, q.speaker) == (cue, cue_class, "indirect", "John Smith")


def test_nominal_cue_and_document_source(nlp: spacy.language.Language) -> None:
    text = "The report said the economy was shrinking. Mary Jones stood by her claim that taxes rose."
    found = quotes(nlp, text)
    assert only(found, "the economy was shrinking").speaker == "The report"
    claim = only(found, "taxes rose")
    assert (claim.cue, claim.cue_class, claim.speaker) == ("claim", "nominal", "Mary Jones")


def test_according_to_is_nominal(nlp: spacy.language.Language) -> None:
    q = only(quotes(nlp, "Turnout was low in the north, according to the Electoral Commission."), "Turnout")
    assert (q.cue, q.cue_class) == ("according to", "nominal")


def test_direct_and_mixed_kinds(nlp: spacy.language.Language) -> None:
    found = quotes(
        nlp,
        '“We will win this race,” John Smith said on Monday. '
        'Mary Jones said the plan was “a disaster for every family in the state” and had to go.',
    )
    assert only(found, "We will win").kind == "direct"
    assert only(found, "the plan was").kind == "mixed"


def test_pronoun_follows_gender(nlp: spacy.language.Language) -> None:
    text = (
        "Mary Jones met John Brown in London on Monday. Mr Brown spoke first and his aides took notes. "
        "Ms Jones listened while her staff waited outside. "
        '“The talks went well and we will meet again,” she said.'
    )
    assert only(quotes(nlp, text), "The talks went well").speaker == "Mary Jones"


def test_role_goes_to_the_named_holder(nlp: spacy.language.Language) -> None:
    text = (
        "The court heard from John Smith QC, who represents the family. "
        '“My clients have waited ten years for this hearing,” the barrister said.'
    )
    speaker = only(quotes(nlp, text), "My clients have waited").speaker
    assert speaker is not None and speaker.startswith("John Smith")  # "John Smith QC"


def test_newcomer_keeps_own_words_and_writer_is_no_speaker(nlp: spacy.language.Language) -> None:
    found = quotes(
        nlp,
        "John Smith spoke at the rally in Dallas. "
        "A woman told John Smith that the rally had been too long for her children. "
        "I reported that the crowd was smaller than last year.",
    )
    newcomer = only(found, "too long for her children")  # not the John Smith named before
    assert (newcomer.speaker, newcomer.speaker_entity) == ("A woman", None)
    # the writer's own "I reported" is the article speaking, not a quote of anyone in it
    assert not [q for q in found if "the crowd was smaller" in q.text]


def test_junk_and_duplicates_are_dropped(nlp: spacy.language.Language) -> None:
    text = (
        'Read more: "Home | World | Politics | Sport" and "Photo: Getty Images". '
        'Mary Jones said: “Taxes will rise next year for every family.” '
        'Later Mary Jones said again: “Taxes will rise next year for every family.” '
        "John Smith accused Mary Jones."
    )
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["Taxes will rise next year for every family."]
    assert found[0].speaker == "Mary Jones"


def test_negated_and_hypothetical_cues_give_no_quote(nlp: spacy.language.Language) -> None:
    found = quotes(
        nlp,
        "John Smith did not say that the plant would close. Mary Jones could argue that the plant is safe.",
    )
    assert found == []


def test_cues_inside_a_quote_are_the_quote(nlp: spacy.language.Language) -> None:
    found = quotes(nlp, "“They said the plan would fail, and they were wrong about it,” John Smith said.")
    assert [(q.cue, q.speaker) for q in found] == [("say", "John Smith")]


def test_straight_marks_realign_after_a_stray_closer() -> None:
    text = 'He left . " Later, " he said , " the talks resumed today . " Then it rained .'
    spans = [text[s.start : s.end].strip() for s in find_quote_spans(text)]
    assert spans == ["Later,", "the talks resumed today ."]


def test_mark_inside_a_word_is_not_a_quote() -> None:
    text = 'A fact"check found that "the numbers were wrong" in the ad.'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ["the numbers were wrong"]


def test_views_and_polls_after_their_clause(nlp: spacy.language.Language) -> None:
    from storyline.annotate.quotes import find_attributions

    text = "Many Republican voters see national security and terrorism as their top concerns."
    doc = nlp(text)
    (seen,) = [a for a in find_attributions(doc) if a.lemma == "see"]
    assert seen.cue_class == "cognition" and "national security" in text[slice(*seen.content[0])]
    text = "Donald Trump achieved 45 percent support among Republicans in a new Fox News poll released today."
    polled = only(quotes(nlp, text), "45 percent support")
    assert polled.cue == "in" and polled.speaker is not None and "poll" in polled.speaker


def test_question_put_by_no_one_is_scored_but_not_stored(nlp: spacy.language.Language) -> None:
    from storyline.annotate.quotes import find_attributions

    text = "Asked about Cruz's charges, Rubio said that the immigration reforms were needed."
    doc = nlp(text)
    asked = [a for a in find_attributions(doc) if a.lemma == "ask"]
    assert asked and asked[0].source is None and "about Cruz's charges" in text[slice(*asked[0].content[0])]
    assert not [q for q in doc._.quotes if "charges" in q.text]


def test_nominal_cue_held_by_whoever_made_it(nlp: spacy.language.Language) -> None:
    text = "At the rally, John Smith made the claim that the governor had raised taxes twice."
    q = only(quotes(nlp, text), "the governor")
    assert (q.cue, q.cue_class, q.speaker) == ("claim", "nominal", "John Smith")


def test_attack_on_is_an_attribution_of_its_launcher(nlp: spacy.language.Language) -> None:
    text = "At the rally, John Smith launched a fierce attack on the governor's tax plan."
    doc = nlp(text)
    (att,) = find_attributions(doc)
    assert (att.lemma, att.cue_class) == ("attack", "nominal")
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "John Smith"
    assert [text[a:b] for a, b in att.content] == ["on the governor's tax plan"]


@pytest.mark.parametrize(
    ("text", "lemma", "cue_class", "content"),
    [
        (
            "Hillary Clinton is calling for the United States to step up military efforts against the "
            "Islamic State.",
            "call", "speech", "for the United States to step up military efforts against the Islamic State",
        ),
        (
            "Senator Jon Tester voted against a background checks proposal in the spring.",
            "vote", "stance", "against a background checks proposal",
        ),
    ],
)
def test_more_verb_cues(
    nlp: spacy.language.Language, text: str, lemma: str, cue_class: str, content: str
) -> None:
    doc = nlp(text)
    (att,) = find_attributions(doc)
    assert (att.lemma, att.cue_class) == (lemma, cue_class)
    assert [text[a:b] for a, b in att.content] == [content]


def test_title_case_headline_name_before_colon(nlp: spacy.language.Language) -> None:
    text = "Trump: Cruz Has To Come a Long Way On Ethanol\n\nDonald Trump spoke in Iowa on Friday."
    doc = nlp(text)
    (att,) = find_attributions(doc)
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Trump"
    assert [text[a:b] for a, b in att.content] == ["Cruz Has To Come a Long Way On Ethanol"]


def test_what_say_takes_as_object_is_what_was_said(nlp: spacy.language.Language) -> None:
    text = "He and Brafman had basically said the same thing about the sentence."
    (att,) = find_attributions(nlp(text))
    assert [text[a:b] for a, b in att.content] == ["the same thing about the sentence"]


@pytest.mark.parametrize(
    ("text", "lemma", "source", "content"),
    [
        (
            "Officials with the committee have no plans to spend money on the race.",
            "plan", "Officials", "to spend money on the race",
        ),
        (
            "Most of the council voted in favor of joining the agreement.",
            "favor", "Most", "of joining the agreement",
        ),
    ],
)
def test_cue_noun_held_by_the_subject_of_have_or_in(
    nlp: spacy.language.Language, text: str, lemma: str, source: str, content: str
) -> None:
    doc = nlp(text)
    att = next(a for a in find_attributions(doc) if a.lemma == lemma)
    assert att.source is not None and doc[att.speaker].text == source
    assert [text[a:b] for a, b in att.content] == [content]


def test_clause_before_a_trailing_cue(nlp: spacy.language.Language) -> None:
    text = "Voters are turning away from the party, a new survey indicates."
    doc = nlp(text)
    (att,) = find_attributions(doc)
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "a new survey"
    assert [text[a:b] for a, b in att.content] == ["Voters are turning away from the party"]


def test_object_content_stays_in_its_paragraph(nlp: spacy.language.Language) -> None:
    text = "Obama announced a series of steps to tighten firearms sales in the U.S.\n\n___.\n\n"
    (att,) = find_attributions(nlp(text))
    assert [text[a:b] for a, b in att.content] == ["a series of steps to tighten firearms sales in the U.S"]


def test_as_reported_cue_reports_the_main_clause(nlp: spacy.language.Language) -> None:
    text = "As the Business Times noted, Clinton raised more than one million dollars from the industry."
    doc = nlp(text)
    (att,) = find_attributions(doc)
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "the Business Times"
    assert [text[a:b] for a, b in att.content] == [text[text.index("Clinton") : -1]]


@pytest.mark.parametrize(
    ("text", "source", "said"),
    [
        # a cue of showing or naming, not only a speech verb, reports the clause it hangs on
        ("And as Menendez pointed out, court rulings have a lasting impact on real women.", "Menendez",
         "court rulings have a lasting impact on real women"),
        # a cue inside that clause ("to say") does not make it someone else's
        ("As the paper noted, it is surprising because Trump has rarely had good things to say about "
         "China.", "the paper", "it is surprising because Trump"),
    ],
)
def test_as_clause_cues_report_their_main_clause(
    nlp: spacy.language.Language, text: str, source: str, said: str
) -> None:
    doc = nlp(text)
    atts = [a for a in find_attributions(doc) if a.source]
    att = next(a for a in atts if a.source and doc[a.source[0] : a.source[1]].text == source)
    assert " ".join(text[a:b] for a, b in att.content).startswith(said)


@pytest.mark.parametrize(
    ("text", "lemma", "speaker"),
    [
        (
            "The union wanted the summit moved. Kasich resisted: “Ohio governors do not have the power to "
            "suspend the law.”",
            "resist", "Kasich",
        ),
        (
            "As Dana Milbank puts it, “Senate Republicans are unmoved, and liberal activists are angry.”",
            "put", "Milbank",
        ),
    ],
)
def test_any_verb_introducing_a_quotation(
    nlp: spacy.language.Language, text: str, lemma: str, speaker: str
) -> None:
    doc = nlp(text)
    att = next(a for a in find_attributions(doc) if a.direct)
    assert (att.lemma, att.kind, doc[att.speaker].text) == (lemma, "direct", speaker)


def test_wanting_and_believing_take_a_plain_object(nlp: spacy.language.Language) -> None:
    text = "Most Democratic voters want a switch to more liberal policies."
    (att,) = [a for a in find_attributions(nlp(text)) if a.lemma == "want"]
    assert [text[a:b] for a, b in att.content] == ["a switch to more liberal policies"]
    assert att.cue_class == "intention"
    text = "Many of his listeners believed the allegations."
    (att,) = [a for a in find_attributions(nlp(text)) if a.lemma == "believe"]
    assert [text[a:b] for a, b in att.content] == ["the allegations"]
    # knowing a person is no attribution: only "knows that ..."
    known = find_attributions(nlp("Her father knew the boxer for decades."))
    assert not [a for a in known if a.lemma == "know"]


def test_whom_someone_talked_to_is_no_content(nlp: spacy.language.Language) -> None:
    talked = find_attributions(nlp("Trump talked to reporters on Monday."))
    assert not [a for a in talked if a.lemma == "talk"]
    text = "Trump talked about the wall on Monday."
    (att,) = [a for a in find_attributions(nlp(text)) if a.lemma == "talk"]
    assert [text[a:b] for a, b in att.content] == ["about the wall"]


def test_a_named_poll_on_a_noun_of_the_clause_is_its_source(nlp: spacy.language.Language) -> None:
    doc = nlp("The governor's approval rating in the latest Harbour Research poll stands at 41 percent.")
    (att,) = [a for a in find_attributions(doc) if a.lemma == "in"]
    assert att.source is not None
    assert doc[att.source[0] : att.source[1]].text == "the latest Harbour Research poll"
    said = ["The governor's approval rating", "stands at 41 percent"]
    assert [doc.text[a:b] for a, b in att.content] == said
    # a standing in polls in general is no one poll's finding
    doc = nlp("The senator has held a steady lead in state polls for months.")
    assert not [a for a in find_attributions(doc) if a.lemma == "in"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a cue noun someone acts with is theirs
        ("Ms. Okafor roused the crowd with criticism of the new tax on fuel.", "Ms. Okafor"),
        # a subject doing something with its own cue noun is the source, named
        ("Governor Okafor repeated his claim that the bridge was safe.", "Governor Okafor"),
        # in a phrase the pronoun stays the source as written
        ("The senators were vocal in their criticism of the new tax.", "their"),
    ],
)
def test_the_holder_of_a_cue_noun(nlp: spacy.language.Language, text: str, source: str) -> None:
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.cue_class == "nominal"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == source


def test_pushing_for_something_is_a_cue_pushing_a_thing_is_not(nlp: spacy.language.Language) -> None:
    doc = nlp("The governor is pushing for a ban on fracking near schools.")
    (att,) = [a for a in find_attributions(doc) if a.lemma == "push"]
    assert [doc.text[a:b] for a, b in att.content] == ["for a ban on fracking near schools"]
    doc = nlp("The volunteers pushed the stalled truck off the road.")
    assert not [a for a in find_attributions(doc) if a.lemma == "push"]


@pytest.mark.parametrize(
    "text",
    [
        "The party may split before Clinton even formally declares she is in the race.",
        "If Smith says the plant is safe, the board will not listen to him.",
        "Lee has legislated like a man who believes he has the mandate of the whole country.",
    ],
)
def test_sayings_still_to_come_or_imagined_give_no_quote(nlp: spacy.language.Language, text: str) -> None:
    assert quotes(nlp, text) == []


def test_only_a_record_shows_what_someone_could_quote(nlp: spacy.language.Language) -> None:
    text = (
        "The Senate shows, however, that the sharp upswing in polarization is largely the product of "
        "voting patterns. A new Gallup poll shows that most voters want the shutdown to end."
    )
    assert [q.speaker for q in quotes(nlp, text)] == ["A new Gallup poll"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a word the parser splits at its hyphen is said whole, in one piece
        ("Jobs also revealed that 140,000 of the new laptops have been pre-ordered before their launch.",
         ["that 140,000 of the new laptops have been pre-ordered before their launch"]),
        # what was said does not end on the "and" that joins the next clause
        ("Mr Jobs claimed the package had been specially made for him and, indeed, his presentation "
         "featured new effects.",
         ["the package had been specially made for him"]),
    ],
)
def test_what_was_said_ends_on_a_whole_word(nlp: spacy.language.Language, text: str, said: list[str]) -> None:
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma in ("reveal", "claim")]
    assert [text[a:b] for a, b in att.content][: len(said)] == said


def test_a_paraphrase_the_cue_interrupts_is_one_quote(nlp: spacy.language.Language) -> None:
    text = "The top-end 500MHz G4 will, Jobs said, be able to perform a billion operations per second."
    (quote,) = quotes(nlp, text)
    assert quote.speaker == "Jobs" and quote.text == text[:-1]


def test_offering_a_thing_is_no_quote(nlp: spacy.language.Language) -> None:
    text = "Much of the music is from older artists offering only selected tracks. Smith offered to quit."
    text += " Jones offered to leave the board."
    assert [q.text for q in quotes(nlp, text)] == ["to leave the board"]


def test_a_paraphrase_held_by_no_one_is_no_quote(nlp: spacy.language.Language) -> None:
    text = (
        "Only time will tell if he has a hit on his hands. It promises Mac owners the kind of "
        "crash-free computing they have hoped for. He added that the internet will be like the telephone."
    )
    assert [q.text for q in quotes(nlp, text)] == ["that the internet will be like the telephone"]


@pytest.mark.parametrize(
    "text",
    [
        # a fact box's fields are no one's words
        "Job: co-founder and chief executive, Apple Computer; co-founder and chief executive, Pixar "
        "Animation Age: 49 Industry: new media, film Company turnover: $6.2bn (£3.4bn) 2003 ranking: 13 "
        "Such has been the success of the iPod that Apple now sells more of them than it does computers.",
        # what someone saw happen is no view of theirs
        "In recent years, the company has seen its computers become noticeably slower than its rivals.",
    ],
)
def test_fact_boxes_and_things_witnessed_are_no_quotes(nlp: spacy.language.Language, text: str) -> None:
    assert quotes(nlp, text) == []


def test_a_quoted_name_of_a_kind_is_no_quote(nlp: spacy.language.Language) -> None:
    text = (
        "Apple says that all new Macs will boot into Mac OS X by default, although they will run OS9 "
        "applications in the “classic” mode that comes bundled with OS X."
    )
    assert all(q.text.strip() != "classic" for q in quotes(nlp, text))


def test_two_according_tos_each_report_the_clause_without_the_other(nlp: spacy.language.Language) -> None:
    text = (
        "According to the Wall Street Journal, Apple has begun briefing some partners about plans to shift "
        "its computers to Intel chips, according to industry executives."
    )
    doc = nlp(text)
    for att in find_attributions(doc):
        said = " ".join(text[a:b] for a, b in att.content)
        assert "according" not in said.casefold(), said


def test_according_to_in_a_relative_clause_reports_that_clause(nlp: spacy.language.Language) -> None:
    text = "The senators, who received 6,000 dollars from Holt according to filings, said they would give it."
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "according to"]
    assert [text[a:b] for a, b in att.content] == ["who received 6,000 dollars from Holt"]


def test_according_to_set_off_after_a_relative_clause_reports_that_clause(
    nlp: spacy.language.Language,
) -> None:
    """The parser hangs "according to" on the main verb after it; the clause it closes is what
    the filings say, and what the spokespeople said is theirs alone."""
    text = (
        "Spokespeople for the Texas governor, Greg Abbott, and senators Ben Sasse of Nebraska and Jim "
        "Risch of Idaho, who received a combined $6,000 in campaign contributions from Holt, according "
        "to filings, said they would be giving the money to charity."
    )
    doc = nlp(text)
    said = {a.lemma: [text[x:y] for x, y in a.content] for a in find_attributions(doc)}
    assert said["according to"] == ["who received a combined $6,000 in campaign contributions from Holt"]
    assert said["say"] == ["they would be giving the money to charity"]


def test_a_plural_role_at_a_sentences_start_is_someone(nlp: spacy.language.Language) -> None:
    """"Spokespeople", "Congressmen": plurals the lemmatiser keeps as written at a sentence's
    start still name people, so their paraphrase is kept."""
    q = only(quotes(nlp, "Spokespeople for the governor said they would be giving the money to charity."),
             "charity")
    assert q.cue == "say"


def test_a_with_phrase_set_off_after_the_object_is_no_content(nlp: spacy.language.Language) -> None:
    """ "supports encryption ..., with a near-transparent process that adds ...": how, not what;
    and a stance on a plain object, with no clause, is not stored as a quote."""
    text = (
        "Panther also supports encryption of the user's home folder, with a near-transparent process "
        "that adds a new layer of security for users."
    )
    doc = nlp(text)
    for att in find_attributions(doc):
        assert all("with" not in text[a:b] for a, b in att.content)
    assert quotes(nlp, text) == []


def test_a_clause_between_dashes_ends_at_the_closing_dash(nlp: spacy.language.Language) -> None:
    text = (
        "The Cruz bubble is built on a charismatic appeal to the most conservative of the conservative "
        "base; Rand's popularity – and he came in third in that RLC straw poll – has its roots in a few "
        "strong policy positions and the ability to not come off like an asshat in public."
    )
    q = only(quotes(nlp, text), "came in third")
    assert "roots" not in q.text


def test_a_speaker_is_not_found_inside_the_quotation_the_cue_opens(nlp: spacy.language.Language) -> None:
    """The parser hangs "telling" on the quotation's verb; the teller is the sentence's subject,
    not the quotation's ("Some people")."""
    text = (
        "Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get "
        "a little carried away, have you noticed that?”"
    )
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "tell"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Clinton"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # the writer's lead-in before a colon that opens the quotation
        ('At the time, Trump seemed to suggest he had silenced his former wife: "She signed a '
         'confidentiality agreement," he told the New York Times.', "She signed a confidentiality agreement"),
        # a phrase of place and time before the cue that opens the quotation
        ("On ABC’s “Good Morning America” Tuesday, he said, “I never said I was going to pay for fees.”",
         "I never said I was going to pay for fees."),
    ],
)
def test_a_quotation_is_said_without_the_writers_lead_in(
    nlp: spacy.language.Language, text: str, said: str
) -> None:
    doc = nlp(text)
    found = [[text[a:b] for a, b in a.content] for a in find_attributions(doc) if a.lemma in ("say", "tell")]
    assert found == [[said]]


def test_countering_something_is_not_saying_it(nlp: spacy.language.Language) -> None:
    text = (
        "Cuban Americans have a dominant presence in South Florida, one that Republicans have depended on "
        "to counter the large numbers of Democrats in the region."
    )
    assert [a for a in find_attributions(nlp(text)) if a.lemma == "counter"] == []
    said = [a for a in find_attributions(nlp("The senator countered that the vote was rigged.")) if a.content]
    assert [a.lemma for a in said] == ["counter"]


def test_rising_in_the_polls_is_no_polls_statement(nlp: spacy.language.Language) -> None:
    text = (
        "He has been locked in a war of words with Marco Rubio, the Florida senator who like Cruz has "
        "steadily risen in the Republican presidential polls."
    )
    assert find_attributions(nlp(text)) == []
    lead = find_attributions(nlp("Trump leads by nine points in the latest polls, released on Monday."))
    assert [a.lemma for a in lead] == ["in"]


def test_that_said_links_sentences_and_says_nothing(nlp: spacy.language.Language) -> None:
    doc = nlp("That said, a loss to Okafor in this state would be a sour end to her campaign.")
    assert not [a for a in find_attributions(doc) if a.lemma == "say"]
    doc = nlp("That said, Okafor told reporters the campaign would go on.")
    assert [a.lemma for a in find_attributions(doc)] == ["tell"]


def test_a_question_put_to_you_is_no_stance(nlp: spacy.language.Language) -> None:
    doc = nlp("Do you support the new harbour tax?")
    assert not find_attributions(doc)
    doc = nlp("You support the new harbour tax.")
    assert [a.lemma for a in find_attributions(doc)] == ["support"]


def test_a_plan_is_a_policy_not_a_statement(nlp: spacy.language.Language) -> None:
    doc = nlp("The court blocked the governor's plan to build a new harbour.")
    assert not [a for a in find_attributions(doc) if a.lemma == "plan"]
    doc = nlp("The governor plans to build a new harbour.")
    assert "plan" in [a.lemma for a in find_attributions(doc)]


def test_who_heaps_criticism_holds_it(nlp: spacy.language.Language) -> None:
    doc = nlp("Those trailing him heaped criticism on the governor and his former chief of staff.")
    found = [a for a in find_attributions(doc) if a.lemma == "criticism"]
    assert found and found[0].source is not None
    assert doc[found[0].source[0] : found[0].source[1]].text == "Those"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Okafor spoke of a recent visit to a mosque.", "of a recent visit to a mosque"),
        ("The mayor has spoken out against the new harbour tax.", "against the new harbour tax"),
        ("Two officials spoke on the condition of anonymity.", None),
        ("She spoke to reporters in the capital on Tuesday.", None),
        ("As he spoke, the crowd began to leave the hall.", None),
    ],
)
def test_what_someone_spoke_about(nlp: spacy.language.Language, text: str, content: str | None) -> None:
    doc = nlp(text)
    atts = [att for att in find_attributions(doc) if att.lemma == "speak"]
    found = [[doc.text[a:b] for a, b in att.content] for att in atts]
    assert found == ([[content]] if content else [])


@pytest.mark.parametrize(
    ("text", "lemma", "content"),
    [
        ("Okafor compared the tax to a toll on the poor.", "compare", "the tax to a toll on the poor"),
        ("The council recommended that the harbour stay open.", "recommend", "that the harbour stay open"),
        ("Brandt encouraged voters to reject the plan.", "encourage", "voters to reject the plan"),
        ("Okafor invoked the legacy of the founders in his speech.", "invoke", "the legacy of the founders"),
        ("Brandt downplayed the threat to the harbour.", "downplay", "the threat to the harbour"),
        ("The senator retweeted a post that called her a liar.", "retweete", "a post that called her a liar"),
        ("The court ruled that the harbour ban was unlawful.", "rule", "that the harbour ban was unlawful"),
        ("Okafor confessed that he had lied to the council.", "confess", "that he had lied to the council"),
    ],
)
def test_cue_verbs_of_speech_and_stance(
    nlp: spacy.language.Language, text: str, lemma: str, content: str
) -> None:
    # comparing, recommending, encouraging, invoking and retweeting say something; downplaying is a stance
    assert said_with(nlp, text, lemma) == [[content]]


def said_with(nlp: spacy.language.Language, text: str, lemma: str) -> list[list[str]]:
    """The contents of the cues with ``lemma`` in ``text``."""
    doc = nlp(text)
    return [[doc.text[a:b] for a, b in att.content] for att in find_attributions(doc) if att.lemma == lemma]


def test_what_was_addressed_not_whom(nlp: spacy.language.Language) -> None:
    text = "The mayor also addressed the controversy over the harbour tax."
    assert said_with(nlp, text, "address") == [["the controversy over the harbour tax"]]
    assert not said_with(nlp, "The mayor will address the convention on Thursday.", "address")


def test_a_headline_names_who_spoke_before_on_or_at(nlp: spacy.language.Language) -> None:
    text = "CNN President On Trump: ‘We Do Not Pay Candidates To Appear At Debates.’\n\nThe network said so."
    doc = nlp(text)
    found = [a for a in find_attributions(doc) if a.lemma == ":"]
    assert [doc[a.source[0] : a.source[1]].text for a in found if a.source] == ["CNN President"]


def test_ruling_out_is_no_ruling(nlp: spacy.language.Language) -> None:
    assert not said_with(nlp, "The mayor ruled out a second term.", "rule")


def test_painting_someone_as_and_persuading(nlp: spacy.language.Language) -> None:
    text = "The ads painted the mayor as a friend of the developers."
    assert said_with(nlp, text, "paint") == [["the mayor as a friend of the developers"]]
    assert not said_with(nlp, "The volunteers painted the old harbour office.", "paint")
    assert said_with(nlp, "Okafor persuaded the council to keep the harbour open.", "persuade")


def test_a_title_with_a_colon_is_no_transcript_line(nlp: spacy.language.Language) -> None:
    text = (
        "Okafor: A Mayor's Last Stand, is the Gazette's cover story for July 26, and there's an \"online "
        "extra\" in the form of an interview with Lena Brandt. She is always interesting."
    )
    assert not said_with(nlp, text, ":")
