"""Headlines from the parse, and the trimmed sentence when the parse gives a fragment (real
sentences of the Ted Cruz articles in the Entities data and of the sample articles)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.annotate.headline import MAX_WORDS, headline


def _headline(nlp: Language, text: str) -> str:
    sentence = list(nlp(text).sents)[-1]
    return headline(sentence.root, sentence)


def _dated(nlp: Language, text: str, verb: str, date: str, length: int = 1) -> str:
    """The headline of ``verb``'s clause in ``text``, its date the ``length`` words from ``date``."""
    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    first = next(t for t in doc if t.text == date)
    return headline(head, head.sent, doc[first.i : first.i + length])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb whose complement the parse left out: "House speaker Paul Ryan went"
        ("As the debate unfolded in Las Vegas , House speaker Paul Ryan went to work to sell a bipartisan "
         "tax - and - spending deal to his caucus , ultimately issuing a statement of a sealed deal .",
         "House speaker Paul Ryan went to work to sell a bipartisan tax - and - spending deal…"),
        # a reported clause cut from its of-phrase: "The chairman said there is a lack"
        ("The chairman said there is a lack of trust between the two parties in the Senate .",
         "The chairman said there is a lack of trust between the two parties in the Senate"),
        # a pronoun subject: named by the plural subject before, cut at its clause boundary
        ("Senior Republicans made clear they were unhappy . They stood on the sidelines as Cruz was joined "
         "on the floor by a clutch of conservative senators likely to become frontrunners .",
         "Senior Republicans stood on the sidelines"),
    ],
)
def test_a_fragment_falls_back_to_the_trimmed_sentence(nlp_base: Language, text: str, expected: str) -> None:
    assert _headline(nlp_base, text) == expected


def test_a_pronoun_subject_takes_the_one_person_named_before(nlp_base: Language) -> None:
    text = ("Ted Cruz spoke for 21 hours on the Senate floor . "
            "He attacked the health care law and called for it to be defunded .")
    assert _headline(nlp_base, text).startswith("Ted Cruz attacked the health care law")


def test_a_complete_clause_keeps_its_parse(nlp_base: Language) -> None:
    text = "Cruz laughed off Rubio's comments in his own interview Friday, calling it a stunning statement."
    assert _headline(nlp_base, text) == "Cruz laughed off Rubio's comments in his own interview"


def test_headlines_stay_short(nlp_base: Language) -> None:
    text = ("Republican Senate leaders Mitch McConnell and John Cornyn refused to back a Cruz plan to block "
            "the resolution , opening the way for Democrat majority leader Harry Reid to schedule the first "
            "in a series of procedural votes starting on Wednesday afternoon .")
    assert len(_headline(nlp_base, text).split()) <= MAX_WORDS


def test_a_relative_clause_takes_the_name_of_its_noun(nlp_base: Language) -> None:
    doc = nlp_base("A number of donors allied with the Kochs also chipped in millions to the Super Pac "
                   "backing Wisconsin’ s governor , Scott Walker , who dropped out of the race last month , "
                   "sparking a subsequent free - for - all .")
    verb = next(t for t in doc if t.text == "dropped")
    last = next(t.i for t in doc if t.text == "last")
    expected = "Scott Walker dropped out of the race"
    assert headline(verb, next(iter(doc.sents)), doc[last : last + 2]) == expected


def test_a_described_subject_takes_the_person_named_beside_it(nlp_base: Language) -> None:
    text = ("Another sponsor and 2016 hopeful , Texas senator Ted Cruz – a driving force behind the shutdown "
            "of October 2013 , over the Affordable Care Act – floated the possibility of another shutdown .")
    assert _headline(nlp_base, text) == "Texas senator Ted Cruz floated the possibility of another shutdown"


def test_a_clause_without_a_finite_verb_is_not_a_headline(nlp_base: Language) -> None:
    doc = nlp_base("The Senate clash also points to a similar generational split likely to erupt among House "
                   "Republicans when the spending bill returns to the lower chamber .")
    erupt = next(t for t in doc if t.text == "erupt")
    assert headline(erupt, next(iter(doc.sents))).startswith("The Senate clash also points to")


def test_the_phrase_of_the_date_goes_with_it(nlp_base: Language) -> None:
    doc = nlp_base("As late as this year , bipartisan coalitions in Congress have attempted to pass a law "
                   "that would forbid anyone on a terrorist watchlist from purchasing a gun .")
    year = next(t.i for t in doc if t.text == "this")
    sentence = next(iter(doc.sents))
    assert headline(sentence.root, sentence, doc[year : year + 2]) == (
        "Bipartisan coalitions in Congress have attempted to pass a law")


def test_a_described_subject_keeps_every_person_named(nlp_base: Language) -> None:
    text = ("Both senators Rand Paul and Marco Rubio declared their White House bids after the 1 April "
            "deadline for first - quarter submissions to the FEC .")
    assert _headline(nlp_base, text).startswith("Rand Paul and Marco Rubio declared their White House bids")


def test_a_report_ending_on_its_attribution_is_told_by_the_reported_clause(nlp_base: Language) -> None:
    # sample article (The Straits Times): the attribution "the envoy said Thursday" is not the news
    text = ("Offering an olive branch to President Donald Trump, Kim Jong Un said as he met South Korean "
            "special envoys on Wednesday that he wants to denuclearise North Korea before Trump’s current "
            "term ends in early 2021, the envoy said Thursday (Sept 6).")
    assert _headline(nlp_base, text).startswith("Kim Jong Un said")


def test_a_described_subject_gives_way_to_the_name_whole(nlp_base: Language) -> None:
    doc = nlp_base("The veteran South Korean envoy told reporters on Thursday that the talks would resume .")
    sentence = next(doc.sents)
    envoy = next(t for t in doc if t.text == "envoy")
    text = headline(sentence.root, sentence, None, {envoy.i: "Chung Eui-yong"})
    assert text.startswith("Chung Eui-yong told reporters")


def test_an_object_relative_clause_is_told_by_its_own_subject(nlp_base: Language) -> None:
    # sample article (New York Times): "whom Mr. Kim gave ..." is Kim's act, with Xi as its object
    doc = nlp_base("As Mr. Trump has looked for a way forward with Mr. Kim, he has also been locked in a "
                   "festering trade dispute with the Chinese leader, Mr. Xi, whom Mr. Kim gave a "
                   "spectacle-filled welcome to Pyongyang late last week.")
    sentence = next(doc.sents)
    verb = next(t for t in doc if t.text == "gave")
    assert headline(verb, sentence) == "Mr. Kim gave a spectacle-filled welcome to Pyongyang"


def test_hyphenated_words_stay_whole(nlp_base: Language) -> None:
    text = ("In an interview with Time magazine, Trump said he had also received a hand-delivered "
            "letter from Mr. Kim.")
    assert "-delivered" not in _headline(nlp_base, text).replace("hand-delivered", "")
    assert not _headline(nlp_base, text).rstrip("…").endswith(("hand", "-"))


def test_a_description_written_beside_its_name_tells_the_name_once(nlp_base: Language) -> None:
    doc = nlp_base("The former Florida governor Jeb Bush and Louisiana governor Bobby Jindal spoke on "
                   "Friday .")
    sentence = next(doc.sents)
    governor = next(t for t in doc if t.text == "governor")
    text = headline(sentence.root, sentence, None, {governor.i: "Jeb Bush"})
    assert text.startswith("Jeb Bush and") and text.count("Jeb Bush") == 1


def test_a_dropped_date_takes_its_possessive_with_it(nlp_base: Language) -> None:
    doc = nlp_base("Some noted this week 's resignation of the health secretary , Kathleen Sebelius .")
    sentence = next(doc.sents)
    week = next(t for t in doc if t.text == "week")
    assert "'s" not in headline(sentence.root, sentence, doc[week.i - 1 : week.i + 1])


def test_an_object_relative_without_pronoun_is_no_headline_of_its_own(nlp_base: Language) -> None:
    doc = nlp_base("CNBC has been broadcasting the same poll everyone else has picked up on this week .")
    sentence = next(doc.sents)
    picked = next(t for t in doc if t.text == "picked")
    assert headline(picked, sentence).startswith("CNBC has been broadcasting the same poll")


def test_a_quotation_before_its_speaker_is_not_the_headline(nlp_base: Language) -> None:
    doc = nlp_base("“Too many of our leaders and their ideas are stuck in the 20th century,” Rubio said in a "
                   "clear dig at Clinton on Monday, announcing his candidacy in Miami.")
    sentence = next(doc.sents)
    said = next(t for t in doc if t.text == "said")
    monday = next(t for t in doc if t.text == "Monday")
    assert headline(said, sentence, doc[monday.i : monday.i + 1]).startswith("Rubio said")


def test_a_tokenised_hyphen_keeps_both_sides(nlp_base: Language) -> None:
    text = ("The bill had already passed the Republican - controlled House on Tuesday , after what amounted "
            "to a capitulation by Republicans .")
    assert "Republican - controlled House" in _headline(nlp_base, text)


def test_a_clause_that_only_frames_the_news_is_told_by_the_news(nlp_base: Language) -> None:
    doc = nlp_base("The US woke up on Friday to the news that Donald Trump was a full 20 percentage points "
                   "ahead of Ted Cruz , his nearest rival , for the Republican nomination .")
    sentence = next(doc.sents)
    friday = next(t for t in doc if t.text == "Friday")
    text = headline(sentence.root, sentence, doc[friday.i : friday.i + 1])
    assert text == "Donald Trump was a full 20 percentage points ahead of Ted Cruz"


def test_a_dateline_taken_for_the_subject_gives_way_to_the_subject(nlp_base: Language) -> None:
    # sample article (New York Times): the parse makes "SEOUL" the subject of "has received"
    doc = nlp_base("SEOUL, South Korea — North Korea’s leader, Kim Jong-un, has received an “excellent” "
                   "letter from President Trump, the country’s state media said on Sunday.")
    sentence = next(doc.sents)
    received = next(t for t in doc if t.text == "received")
    text = headline(received, sentence)
    assert not text.startswith("SEOUL") and "Kim Jong-un has received" in text


def test_a_trimmed_sentence_is_not_cut_before_what_was_said(nlp_base: Language) -> None:
    doc = nlp_base("After reading the letter, Mr. Kim “said with satisfaction that the letter is of "
                   "excellent content,” the North’s official Korean Central News Agency reported on Sunday.")
    sentence = next(doc.sents)
    sunday = next(t for t in doc if t.text == "Sunday")
    assert "that the letter is" in headline(sentence.root, sentence, doc[sunday.i : sunday.i + 1])


def test_a_report_ending_on_its_attribution_keeps_who_said_it(nlp_base: Language) -> None:
    text = ("The battle within the Republican party has damaged the party and hurt innocent Americans, "
            "Senator John McCain said on Sunday.")
    line = _dated(nlp_base, text, "said", "Sunday")
    assert line.startswith("The battle") and line.endswith(", Senator John McCain said")
    assert len(line.split()) <= MAX_WORDS + 1


def test_a_headline_keeps_to_the_part_of_a_semicolon_sentence_it_tells(nlp_base: Language) -> None:
    text = ("The retired neurosurgeon Ben Carson announced his candidacy too; former Arkansas governor Mike "
            "Huckabee is expected to launch his campaign on Tuesday.")
    line = _dated(nlp_base, text, "expected", "Tuesday")
    assert line.startswith("Former Arkansas governor Mike Huckabee is expected to launch")
    assert "Carson" not in line


def test_a_copula_with_its_adverb_is_a_clause_and_what_is_no_subject(nlp_base: Language) -> None:
    line = _dated(nlp_base, "Christie, who last month was relegated to the undercard debate, will be back on "
                  "the main stage Tuesday evening.", "be", "Tuesday", 2)
    assert line == "Christie will be back on the main stage"
    doc = nlp_base("None of the panel were rude enough to bring it up again during what proved a more "
                   "tightly controlled appearance than her speech this week.")
    verb = next(t for t in doc if t.text == "proved")
    assert not headline(verb, next(doc.sents)).startswith("What proved")


def test_a_report_of_a_quotation_gives_its_first_words(nlp_base: Language) -> None:
    text = ("“This is a world in pure chaos and she was in the lead seat as secretary of state,” the Florida "
            "Republican adviser Rick Wilson told the Guardian on Monday.")
    line = _dated(nlp_base, text, "told", "Monday")
    assert line.startswith("The Florida Republican adviser Rick Wilson told the Guardian: “This is a world")
    assert line.endswith("…”") and len(line.split()) <= MAX_WORDS


def test_words_in_the_first_person_are_the_speakers_though_unmarked(nlp_base: Language) -> None:
    doc = nlp_base('We don\'t want to add any more barriers, " he told Cruz in the Senate debate on Monday.')
    told = next(t for t in doc if t.text == "told")
    he = next(t for t in doc if t.text == "he")
    line = headline(told, next(doc.sents), None, {he.i: "Harry Reid"})
    assert line.startswith("Harry Reid told Cruz") and "“We don't want" in line



def test_a_long_headline_drops_its_source_before_what_happened(nlp_base: Language) -> None:
    text = ("Trump remains ahead of his Texas rival in national polling – up by 27% to 22%, according to the "
            "latest NBC / Wall Street Journal poll this weekend – but faces questions.")
    line = _dated(nlp_base, text, "remains", "this", 2)
    assert line.startswith("Trump remains ahead of his Texas rival")


def test_a_phrase_before_the_reported_clause_stays_when_the_headline_is_cut(nlp_base: Language) -> None:
    text = ("He responded angrily to reports this week that party leaders have been discussing alternative "
            "ways of deciding the nomination process if Trump leads a divided field.")
    line = _dated(nlp_base, text, "responded", "this", 2)
    assert line.startswith("He responded angrily to reports")


def test_a_verb_with_nothing_after_it_is_told_by_the_verb_conjoined_to_it(nlp_base: Language) -> None:
    text = ("But Republican candidate Ted Cruz has gone one step further and sent an operative across the "
            "Pacific Ocean .")
    expected = "Republican candidate Ted Cruz sent an operative across the Pacific Ocean"
    assert _headline(nlp_base, text) == expected


def test_a_phrase_holding_the_date_is_kept_without_it(nlp_base: Language) -> None:
    text = ("The race for the Republican nomination for the White House took a new turn in the aftermath of "
            "the Paris terrorist attacks on Thursday .")
    assert _dated(nlp_base, text, "took", "Thursday") == (
        "The race took a new turn in the aftermath of the Paris terrorist attacks")


def test_the_start_of_a_range_stays_with_its_end(nlp_base: Language) -> None:
    text = "Cruz spoke from 2.40pm ET Tuesday to 12.03pm ET Wednesday , his speech interrupted by questions ."
    title = _dated(nlp_base, text, "spoke", "2.40pm", 3)
    assert title.startswith("Cruz spoke from 2.40pm ET") and "to 12.03pm" in title


def test_a_long_subject_loses_its_phrases_before_the_verb_loses_its_complement(nlp_base: Language) -> None:
    text = ("Bush interjected as Rubio tried to explain away his attendance record , on the same day one of "
            "the largest newspapers in their home state of Florida called on Rubio to resign his seat .")
    doc = nlp_base(text)
    verb = next(t for t in doc if t.text == "called")
    assert headline(verb, verb.sent) == "One of the largest newspapers called on Rubio to resign his seat"


def test_a_quotation_after_its_reporting_verb_is_set_off_as_a_quotation(nlp_base: Language) -> None:
    text = ("Rick Santorum spoke on Saturday . Repeating a line from an appearance in South Carolina , he "
            "added : “ We have a president that has abandoned ship on realism . ”")
    doc = nlp_base(text)
    verb = next(t for t in doc if t.text == "added")
    he = next(t for t in doc if t.text == "he")
    title = headline(verb, verb.sent, None, {he.i: "Rick Santorum"})
    assert title == "Rick Santorum added: “We have a president that has abandoned ship on realism”"


def test_a_sentence_without_a_verb_is_no_headline_of_its_noun(nlp_base: Language) -> None:
    text = "And now a hint at why Cruz picked 23 March for his presidential announcement ."
    title = _headline(nlp_base, text)
    assert "picked" in title and title != "Now hint"


def test_be_back_on_stage_is_complete_without_the_verb_conjoined_to_it(nlp_base: Language) -> None:
    text = ("Christie , who last month was relegated to the undercard debate , will be back on the main "
            "stage Tuesday evening and looking to pick up steam .")
    assert _dated(nlp_base, text, "be", "Tuesday", 2) == "Christie will be back on the main stage"


def test_a_plural_relative_clause_tells_of_the_plural_noun_it_agrees_with(nlp_base: Language) -> None:
    text = ("Appearing on CNN 's State of the Union , McCain said problems surrounding the rollout of "
            "Obamacare , which were acknowledged on Sunday by the treasury secretary , Jack Lew , would have "
            "been a bigger story .")
    assert _dated(nlp_base, text, "acknowledged", "Sunday") == (
        "Problems surrounding the rollout of Obamacare were acknowledged by the treasury secretary")
    # written normally, the parser makes "surrounding" a clause of its own
    text = ("Appearing on CNN's State of the Union, McCain, the 2008 Republican presidential nominee, said "
            "problems surrounding the rollout of Obamacare, which were acknowledged on Sunday by the "
            "treasury secretary, Jack Lew, would have been a bigger story if conservative Republicans had "
            "not staged a \"fools errand\" in their efforts to defund the law.")
    assert _dated(nlp_base, text, "acknowledged", "Sunday") == (
        "Problems surrounding the rollout of Obamacare were acknowledged by the treasury secretary")


@pytest.mark.parametrize("before", [
    "Lee thanked him . ",
    # the parser splits the opening mark off and hangs "used" on "take"
    "Within minutes of sitting down in the Senate to applause from conservative hardliners, Cruz received a "
    "public lecture from his fellow Republican, former presidential candidate John McCain, on the need to "
    "respect legislation that has been passed in a democratic manner. ",
])
def test_a_quotation_before_its_inverted_speaker_is_told_as_the_speakers(
    nlp_base: Language, before: str
) -> None:
    text = (f"{before}\" I won't take too much time – the floor here has been well used over the "
            "last day or so , \" quipped McCain before the grandee reminded the senator of the struggle .")
    doc = nlp_base(text)
    verb = next(t for t in doc if t.text == "used")
    last = next(t for t in doc if t.text == "last")
    title = headline(verb, verb.sent, doc[last.i - 1 : last.i + 4])  # "the last day or so"
    assert title.startswith("McCain quipped: “I won't take too much time"), title


def test_a_date_that_is_the_verbs_object_stays(nlp_base: Language) -> None:
    text = "And now a hint at why Cruz picked 23 March for his presidential announcement ."
    assert "picked 23 March for his presidential announcement" in _dated(nlp_base, text, "picked", "23", 2)


def test_a_short_clause_keeps_the_participle_that_says_what_it_did(nlp_base: Language) -> None:
    text = ("But Cruz argued the opposite on Monday , insisting that Senate Democrats were passing up an "
            "opportunity to prevent a government shutdown .")
    title = _dated(nlp_base, text, "argued", "Monday")
    assert title.startswith("Cruz argued the opposite, insisting Senate Democrats were passing up"), title


def test_a_frame_before_the_subject_goes_before_the_verbs_complement(nlp_base: Language) -> None:
    text = ("On the Democratic side , the independent Vermont senator Bernie Sanders joined Clinton as an "
            "official candidate last week .")
    title = _dated(nlp_base, text, "joined", "last", 2)
    assert title == "The independent Vermont senator Bernie Sanders joined Clinton as an official candidate"


def test_a_subject_keeps_its_possessor_and_the_infinitive_that_says_what_it_is(nlp_base: Language) -> None:
    # the parser hangs "’s" on the verb and the government on it
    text = ("The US government’s right to monitor citizens’ phones and data in an effort to catch potential "
            "terrorists took centre stage early in Tuesday night’s Republican debate in Las Vegas.")
    assert _headline(nlp_base, text) == (
        "The US government’s right to monitor citizens’ phones and data took centre stage")


def test_a_headline_does_not_end_on_the_then_of_a_dropped_clause(nlp_base: Language) -> None:
    text = ("In a call with reporters on Monday, she said her campaign was not just anti-Clinton, then "
            "proceeded to attack Clinton again.")
    assert _headline(nlp_base, text) == "She said her campaign was not just anti-Clinton"


def test_a_root_without_its_subject_takes_the_words_before_the_first_comma(nlp_base: Language) -> None:
    # the parser reads "Rightwing" as a participle and leaves "pounced" without a subject
    text = ("Rightwing challengers to Mitch McConnell and John Cornyn, the two most senior Republicans in "
            "the Senate, on Thursday pounced on the fact that the duo aided the passage of legislation.")
    title = _dated(nlp_base, text, "pounced", "Thursday")
    assert title.startswith("Rightwing challengers to Mitch McConnell and John Cornyn pounced on the")


def test_a_clause_after_the_previous_sentences_quotation_is_not_quoted_words(nlp_base: Language) -> None:
    text = ("“She has a lot of explaining to do.” In an interview with ABC’s Good Morning America on Monday, "
            "she went further: “She clearly is not trustworthy, about a whole set of things,” Fiorina said.")
    title = _dated(nlp_base, text, "went", "Monday")
    assert not title.startswith("Fiorina said: “In an interview"), title


def test_a_role_subject_is_told_by_the_name_set_beside_it(nlp_base: Language) -> None:
    # the parser hangs the name on "Perry", the last name before it
    text = ("The favourite to replace Perry, Texas attorney general Greg Abbott, was expected to announce "
            "his candidacy at an event in San Antonio Sunday afternoon.")
    assert _dated(nlp_base, text, "expected", "Sunday", 2).startswith(
        "Texas attorney general Greg Abbott was expected to announce his candidacy")
