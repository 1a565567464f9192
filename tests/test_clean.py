"""clean: main text, metadata, boilerplate removal and page splitting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import clean, clean_text
from storyline.clean.boilerplate import LineKind, classify
from storyline.clean.text import content_hash, normalise_text, parse_header, repair_text
from storyline.errors import InputError
from storyline.read import read_paths
from storyline.read.records import make_record
from storyline.types import Article, PublishedBasis, RawRecord

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "korea-letters"
FIXTURES = Path(__file__).parent / "fixtures" / "input"
JUNK = re.compile(
    r"\blogo\b|Orange background|AI Features|No comments|Related Articles|\bago\b|DOWNLOAD|"
    r"Download|app store|app-store|• Korea Herald",
    re.I,
)


def _clean_file(path: Path) -> list[Article]:
    records = [r for r in read_paths([path], 10_000_000) if isinstance(r, RawRecord)]
    assert len(records) == 1
    return clean(records[0])


def _text_record(text: str, path: str = "x.txt") -> RawRecord:
    return make_record(path, text.encode("utf-8"), "text")


def test_aggregator_page_003_main_story_and_three_teasers() -> None:
    articles = _clean_file(SEEDS / "003_f622a63eab150e64.txt")
    assert [a.part for a in articles] == [0, 1, 2, 3]
    main = articles[0]
    assert main.title == "Trump 'receptive' to correspondence with NK leader Kim: White House"
    assert main.text.startswith("US President Donald Trump is")
    assert main.text.endswith("(Yonhap)")
    assert main.source == "Korea Herald"
    assert main.published is None and main.published_basis == PublishedBasis.UNKNOWN
    titles = [a.title for a in articles[1:]]
    assert titles[0].startswith("President Lee calls on business circles")
    assert titles[1].startswith("Seoul shares open lower")
    assert titles[2].startswith("N. Korea's damaged warship")
    assert articles[1].text.startswith("President Lee Jae-myung called")
    assert articles[3].text.endswith("(Yonhap)")
    for article in articles:
        assert not JUNK.search(article.text), (article.title, JUNK.search(article.text))
        assert article.title not in article.text
        assert article.raw_sha256 == articles[0].raw_sha256
    assert "President Lee Jae-myung called" not in main.text
    assert "Seoul shares" not in main.text and "destroyer" not in main.text
    assert len({a.content_hash for a in articles}) == 4


def test_exactly_three_main_articles_in_the_seed_folder() -> None:
    records = [r for r in read_paths([SEEDS], 10_000_000) if isinstance(r, RawRecord)]
    articles = [a for r in records for a in clean(r)]
    mains = [a for a in articles if a.part == 0]
    assert len(mains) == 3 and len(articles) == 6
    for article in articles:
        assert not JUNK.search(article.text)


def test_plain_article_000() -> None:
    (article,) = _clean_file(SEEDS / "000_ac3c80f9f90edc96.txt")
    assert article.title == "North Korea Says Kim Jong-un Received ‘Excellent’ Letter From Trump"
    assert article.text.startswith("SEOUL, South Korea — North Korea’s leader")
    assert article.dateline == "SEOUL, South Korea"
    assert article.text.count("\n\n") == 14  # 15 paragraphs kept


def test_article_002_caption_dropped_and_wrapped_lines_joined() -> None:
    (article,) = _clean_file(SEEDS / "002_32582272d8d10dff.txt")
    assert article.title.startswith("Trump thanks North Korea's Kim")
    assert "PHOTO" not in article.text and "(right) speaking" not in article.text
    assert "saying whether Kim would take major steps" in article.text
    assert "\u00a0" not in article.text and "  " not in article.text
    assert article.dateline == "SEOUL"


def test_header_block_gives_metadata() -> None:
    text = (
        "Title: Ferry service restored\nDate: 2 May 2022\nSource: Harbour Times\n"
        "URL: https://harbour.example.org/ferry\nAuthor: Tom Okafor\n\n"
        "Ferries between the islands resumed on Monday, two days after a storm closed the port.\n"
    )
    (article,) = clean(_text_record(text))
    assert article.title == "Ferry service restored"
    assert article.published is not None and article.published.value == "2022-05-02"
    assert article.published_basis == PublishedBasis.METADATA
    assert article.source == "Harbour Times" and article.byline == "Tom Okafor"
    assert article.url == "https://harbour.example.org/ferry"
    assert article.text.startswith("Ferries between")
    assert parse_header(["Note: not a header", "text"]).fields == {}


def test_cp1252_file_with_header() -> None:
    (article,) = _clean_file(FIXTURES / "cp1252.txt")
    assert article.title == "Café owners protest new rules"
    assert "“We will not give up,”" in article.text
    assert article.source == "Le Petit Journal"


def test_other_web_copy_boilerplate_by_general_rules() -> None:
    """A page unlike 003: other outlet, other UI strings, same kinds of junk."""
    page = "\n".join([
        "Menu", "Search", "Harbour Times logo",
        "Ferry service restored after storm",
        "By Tom Okafor", "Updated: May 2, 2022 10:30 AM",
        "Share", "Listen to this article",
        "Ferries between the islands resumed on Monday, two days after a storm closed the port.",
        "Advertisement",
        "The operator said timetables would return to normal by Wednesday.",
        "Subscribe to our newsletter for the latest updates",
        "5 Comments", "Great news for the islands, finally.", "About time they fixed it.",
        "More stories",
        "Council approves new harbour wall", "Harbour Times", "3 hours ago",
        "The council approved plans on Tuesday for a new wall to protect the harbour from storms.",
        "Get the app on Google Play",
        "© 2022 Harbour Times. All rights reserved.",
    ])
    main, teaser = clean(_text_record(page))
    assert main.title == "Ferry service restored after storm"
    assert main.byline == "Tom Okafor"
    assert main.published is not None and main.published.value == "2022-05-02"
    assert main.text == (
        "Ferries between the islands resumed on Monday, two days after a storm closed the port."
        "\n\nThe operator said timetables would return to normal by Wednesday."
    )
    assert teaser.part == 1 and teaser.title == "Council approves new harbour wall"
    assert teaser.source == "Harbour Times"
    assert teaser.text.startswith("The council approved") and teaser.text.endswith("storms.")


def test_subheading_inside_article_does_not_split() -> None:
    text = (
        "Budget passes after long night\n\n"
        "The parliament passed the budget early on Friday after a debate that lasted all night.\n\n"
        "What happens next\n\n"
        "The bill now goes to the senate, which is expected to vote next week.\n"
    )
    (article,) = clean(_text_record(text))
    assert "What happens next" in article.text
    assert article.text.endswith("vote next week.")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("logo", LineKind.JUNK),
        ("Blue background", LineKind.JUNK),
        ("Korea Heralda day ago", LineKind.META),
        ("time2 hours ago", LineKind.META),
        ("• Korea Herald", LineKind.META),
        ("Related Articles", LineKind.RELATED),
        ("Comments", LineKind.COMMENTS),
        ("No comments yet...", LineKind.JUNK),
        ("Get Started Now: Download the App", LineKind.JUNK),
        ("app-storeplay-store", LineKind.JUNK),
        ("Trump 'receptive' to correspondence with NK leader Kim: White House", LineKind.SHORT),
        ("Stocks fell on Friday.", LineKind.PROSE),
    ],
)
def test_line_classes(line: str, kind: LineKind) -> None:
    assert classify(line).kind == kind


def test_outlet_glued_to_timestamp() -> None:
    assert classify("Korea Heralda day ago").outlet == "Korea Herald"
    assert classify("time2 hours ago").outlet is None


def test_html_page_main_text_and_metadata() -> None:
    (article,) = _clean_file(FIXTURES / "page.html")
    assert article.title == "Envoy says talks will resume in Geneva"
    assert article.source == "The Daily Ledger"
    assert article.byline == "Maria Jensen"
    assert article.url == "https://ledger.example.com/world/envoy-talks-geneva"
    assert article.published is not None and article.published.value == "2021-03-14"
    assert article.published_basis == PublishedBasis.METADATA
    assert "special envoy said on Sunday" in article.text
    assert "elections in both countries" in article.text
    for junk in ("SECRET_TRACKING_CODE", "INLINE_SCRIPT_TEXT", "adsbygoogle", "Sign in", "All rights"):
        assert junk not in article.text


def test_feed_items_and_exports_become_articles() -> None:
    records = [r for r in read_paths([FIXTURES / "feed.xml"], 10**6) if isinstance(r, RawRecord)]
    first, second = (clean(r)[0] for r in records)
    assert first.title == "Envoy says talks will resume in Geneva"
    assert first.published is not None and first.published.value == "2021-03-14"
    assert first.url == "https://ledger.example.com/world/envoy-talks-geneva"
    assert "FEED_SCRIPT" not in first.text and "<p>" not in first.text
    assert second.text == (
        "Stocks rose on Monday after figures showed inflation slowing for a third month."
        "\n\nBond yields fell."
    )
    records = [r for r in read_paths([FIXTURES / "export.csv"], 10**6) if isinstance(r, RawRecord)]
    ferry = clean(records[0])[0]
    assert ferry.source == "Harbour Times" and ferry.published is not None


def test_empty_text_raises_input_error() -> None:
    with pytest.raises(InputError):
        clean(_text_record("logo\n\nShare\n"))


def test_content_hash_ignores_whitespace_and_typography() -> None:
    a = "He said “yes” — twice.\n\nThen  he left."
    b = 'He said "yes" - twice. Then he left.  '
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash("He said no.")


def test_same_story_resaved_dedups() -> None:
    original = (SEEDS / "003_f622a63eab150e64.txt").read_text()
    resaved = original.replace("\n", "\r\n").replace(" is ", "  is ").replace("logo", "Site logo")
    a = clean(_text_record(original))
    b = clean(_text_record(resaved))
    assert [x.content_hash for x in a] == [x.content_hash for x in b]


_VOCABULARY = (
    "the council said on monday that new rules would apply from june after talks with "
    "unions and ministers in the capital"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))
_SENTENCE = st.lists(_WORDS, min_size=6, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join)
_TITLE = st.lists(_WORDS, min_size=3, max_size=9).map(lambda ws: " ".join(ws).title())


@settings(max_examples=60, deadline=None)
@given(title=_TITLE, paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=5))
def test_cleaning_twice_equals_once(title: str, paragraphs: list[str]) -> None:
    once = clean(_text_record(title + "\n\n" + "\n".join(paragraphs)))
    rendered = [a.title + "\n\n" + a.text for a in once]
    twice = [clean(_text_record(r))[0] for r in rendered]
    assert [(a.title, a.text) for a in once] == [(a.title, a.text) for a in twice]


@pytest.mark.parametrize("text", ["ß\u200b¢", "\xa0Â\x80"])  # found by hypothesis
def test_normalise_text_is_idempotent_when_cleaning_brings_mojibake_together(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=600))
def test_clean_text_never_raises(text: str) -> None:
    for story in clean_text(text):
        assert story.paragraphs


def test_html_in_export_fields_loses_its_scripts() -> None:
    record = make_record(
        "e.jsonl#1",
        b"{}",
        "jsonl",
        {
            "title": "Port reopens",
            "text": "<p>The port reopened on Monday after repairs.</p><script>steal('COOKIE')</script>"
            "<style>p{}</style><p>Ships queued.</p>",
        },
    )
    (article,) = clean(record)
    assert article.text == "The port reopened on Monday after repairs.\n\nShips queued."


def test_export_with_html_field_only() -> None:
    html = (FIXTURES / "page.html").read_text()
    record = make_record("e.jsonl#2", b"{}", "jsonl", {"html": html, "source": "Ledger"})
    (article,) = clean(record)
    assert "special envoy said on Sunday" in article.text and "SECRET" not in article.text


def test_warc_payload_is_cleaned_as_html() -> None:
    data = (FIXTURES / "page.html").read_bytes()
    record = make_record("c.warc#u", data, "warc", {"url": "https://ledger.example.com/a"})
    (article,) = clean(record)
    assert article.title == "Envoy says talks will resume in Geneva"
    plain = make_record(
        "c.warc#t", b"Plain title\n\nPlain text here.", "warc", {"content_type": "text/plain"}
    )
    assert clean(plain)[0].title == "Plain title"


def test_mojibake_repaired_on_input_raw_bytes_kept() -> None:
    # A real row of the Entities (Ted Cruz) export: UTF-8 read as cp1252, then tokenised.
    row = (
        "Cruz fumed . The senatorâ€ ™ s push for reform , â€œa drive he launched last summer ,â€ � "
        "places him on firmly liberal terrain . He raised Â£240,000 in CafÃ© talks ."
    )
    record = make_record("cruz.txt", row.encode("utf-8"), "text")
    article = clean(record)[0]
    assert "senator’ s push" in article.text and "“a drive" in article.text and ",” places" in article.text
    assert "£240,000" in article.text and "Café" in article.text
    assert not re.search("â€|Â|Ã", article.text)
    assert record.data == row.encode("utf-8")


def test_mojibake_split_across_a_line_is_repaired() -> None:
    # the export's tokenizer also broke lines inside a mojibake sequence: "he 's â€\n¦ it appears"
    assert repair_text("out the list and he 's â€\n¦ it appears") == "out the list and he 's … it appears"
    assert repair_text("like green eggs and ham â€\n“ they 're") == "like green eggs and ham – they 're"


@given(st.text())
@settings(max_examples=60, deadline=None)
def test_repair_is_idempotent(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Fiorina :", LineKind.JUNK),  # live-blog speaker labels (Ted Cruz, Guardian live blogs)
        ("Dominic Rushe :", LineKind.JUNK),
        ("1998", LineKind.JUNK),  # a bare year between timeline entries (Steve Jobs rows)
        ("10.32am ET", LineKind.META),
        ("Updated at 3.45pm GMT", LineKind.META),
        ("1. Cruz wins Iowa caucus", LineKind.JUNK),
        ("This article was amended on 3 May 2013 to correct the spelling of a name.", LineKind.JUNK),
        ("Cruz said .", LineKind.PROSE),
        ("There was one major disappointment for Apple - watchers :", LineKind.SHORT),
    ],
)
def test_page_furniture_known_by_its_shape(line: str, kind: LineKind) -> None:
    assert classify(line).kind == kind


def test_a_run_of_title_case_links_is_not_part_of_the_story() -> None:
    page = (
        "Cruz ends filibuster after 21 hours\n\n"
        "Ted Cruz ended his marathon speech on Wednesday after more than 21 hours on the Senate floor.\n\n"
        "Senate Votes On Funding Bill\nObama Signs Budget Deal\n"
        "World Cup Draw Results\nWeather Warning For Texas\n\n"
        "Republican leaders said the vote would go ahead as planned later in the week.\n"
    )
    [story] = clean_text(page)
    assert story.title == "Cruz ends filibuster after 21 hours"
    assert "Obama Signs Budget Deal" not in story.text
    assert "the vote would go ahead" in story.text


def test_a_date_read_from_the_body_is_labelled_text_not_metadata() -> None:
    body = ("Envoy meets leader in Pyongyang\n\nJune 23, 2019\n\n"
            "The special envoy met the leader on Sunday and the two talked for an hour about the talks.\n")
    (article,) = clean(make_record("envoy.txt", body.encode("utf-8"), "text"))
    assert article.published is not None and article.published.value == "2019-06-23"
    assert article.published_basis == PublishedBasis.TEXT
    headed = clean(make_record("envoy2.txt", ("Date: 2019-06-22\n\n" + body).encode("utf-8"), "text"))[0]
    assert headed.published_basis == PublishedBasis.METADATA


def test_a_page_update_stamp_run_into_the_text_is_no_part_of_it() -> None:
    page = ("Page last updated at 07:39 GMT , Wednesday , 27 January 2010 Mika , James Morrison and Rod "
            "Stewart explain why they wanted to be part of the charity single .\n\n"
            "The song was recorded in London on Monday .")
    [story] = clean_text(page)
    told = f"{story.title}\n{story.text}"
    assert "Mika, James Morrison" in told and "updated" not in told
    prose = "The rules were updated at 10:30 on Tuesday to allow it."
    [story] = clean_text(f"Senate rules\n\n{prose}\n\nThe vote is on Friday.")
    assert prose in story.text  # a sentence that says so is kept
