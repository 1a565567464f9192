"""Tokenised text joined back on input, normal text left as written."""

from __future__ import annotations

from storyline.clean.articles import clean_text
from storyline.clean.detokenise import detokenise, looks_tokenised

TOKENISED = (
    "When the firebrand Republican senator Ted Cruz went on Laura Ingraham 's radio show last week , "
    "the topic turned to Barack Obama . Cruz , who is a Tea Party favourite , said he does n't trust "
    "Tuesday’ s co - operation deal ( signed in 2013 ) worth $ 5 billion , or 24 % of the budget ."
)


def test_tokenised_text_is_joined_back() -> None:
    assert looks_tokenised(TOKENISED)
    assert detokenise(TOKENISED) == (
        "When the firebrand Republican senator Ted Cruz went on Laura Ingraham's radio show last week, "
        "the topic turned to Barack Obama. Cruz, who is a Tea Party favourite, said he doesn't trust "
        "Tuesday’s co-operation deal (signed in 2013) worth $5 billion, or 24% of the budget."
    )


def test_text_written_normally_is_left_as_it_is() -> None:
    text = (
        "Cruz, who is a favourite, said it's Tuesday's plan. The vote - a formality - passed 52 - 48 , "
        "he said . Another line, as written."
    )
    assert not looks_tokenised(text)
    assert detokenise(text) == text


def test_clean_joins_a_tokenised_article() -> None:
    (story,) = clean_text(TOKENISED)
    assert "Ingraham's radio show last week, the topic" in story.text
