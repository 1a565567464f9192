"""pipeline.dating: the precedence user > manifest > metadata > text > inferred."""

from __future__ import annotations

from dataclasses import replace

from storyline.errors import InputError
from storyline.pipeline.dating import Overrides, dated
from storyline.read.manifest import ManifestEntry
from storyline.types import Article, DateValue, PublishedBasis

TEXT = ("SEOUL — North Korean leader Kim Jong Un said on Sunday that he had received a letter "
        "from President Trump, a day after the two met at the border.")
ARTICLE = Article(title="Kim receives a letter", text=TEXT, content_hash="h", raw_sha256="r",
                  path="/news/kim.txt")
IN_TEXT = replace(ARTICLE, published=DateValue.parse("2019-06-23"), published_basis=PublishedBasis.TEXT,
                  published_evidence="text: June 23, 2019")
ENTRY = ManifestEntry(path="kim.txt", published=DateValue.parse("2019-06-24"))


def _estimate(text: str) -> tuple[DateValue, str]:
    return DateValue.parse("2019-06-30"), "on Sunday"


def _nothing(text: str) -> tuple[DateValue, str]:
    raise InputError("no date in the text")


def test_the_user_date_wins_over_manifest_and_text() -> None:
    got = dated(IN_TEXT, Overrides(published=DateValue.parse("2019-07-01")), ENTRY, _estimate)
    assert (got.published, got.published_basis) == (DateValue.parse("2019-07-01"), PublishedBasis.USER)
    assert got.published_evidence == "given with --published"


def test_a_manifest_row_wins_over_the_text() -> None:
    got = dated(IN_TEXT, Overrides(), ENTRY, _estimate)
    assert got.published == ENTRY.published and got.published_basis == PublishedBasis.USER
    assert got.published_evidence == "manifest: 2019-06-24"


def test_a_second_story_on_a_listed_page_is_only_inferred_from_the_page() -> None:
    got = dated(replace(ARTICLE, part=1), Overrides(), ENTRY, _estimate)
    assert got.published == ENTRY.published and got.published_basis == PublishedBasis.INFERRED
    assert got.published_evidence == "printed on a page dated 2019-06-24"


def test_the_documents_own_date_keeps_its_basis() -> None:
    got = dated(IN_TEXT, Overrides(), None, _estimate)
    assert got == IN_TEXT and got.published_basis == PublishedBasis.TEXT


def test_an_undated_article_is_estimated_from_its_text() -> None:
    got = dated(ARTICLE, Overrides(), None, _estimate)
    assert (got.published, got.published_basis) == (DateValue.parse("2019-06-30"), PublishedBasis.INFERRED)
    assert got.published_evidence == "on Sunday"


def test_no_date_anywhere_stays_unknown() -> None:
    got = dated(ARTICLE, Overrides(), None, _nothing)
    assert got.published is None and got.published_basis == PublishedBasis.UNKNOWN
