"""End to end on the sample articles: read -> clean -> annotate -> link -> store -> timeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import storyline
from conftest import copy_sample
from storyline.api import Storyline
from storyline.types import DateValue, TimelineEvent

PROMO_WORDS = ("Download", "comments", "AI Features", "app-store", "Orange background")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Storyline:
    return storyline.open(copy_sample(sample_db_file, tmp_path_factory.mktemp("ingest")))


def _events_on(events: list[TimelineEvent], value: str) -> list[TimelineEvent]:
    return [e for e in events if e.date.value == value]


def _article_ids(sl: Storyline, prefix: str) -> set[int]:
    return {a["id"] for a in sl.articles() if Path(a["path"]).name.startswith(prefix)}


def test_manifest_dates_and_outlets_are_applied(sample_db: Storyline) -> None:
    main = {Path(a["path"]).name[:3]: a for a in sample_db.articles() if a["part"] == 0}
    assert main["000"]["published"] == DateValue.parse("2019-06-23")
    assert main["000"]["source"] == "New York Times"
    assert main["002"]["published"] == DateValue.parse("2018-09-07")
    assert main["003"]["published"] == DateValue.parse("2025-06-12")
    assert {a["published_basis"] for a in main.values()} == {"user"}


def test_key_events_are_dated_and_cited(sample_db: Storyline) -> None:
    events = sample_db.timeline()
    singapore = [e for e in _events_on(events, "2018-06-12") if "Singapore" in e.summary]
    assert singapore, "the Singapore summit is missing"
    cited = {s.article for s in singapore[0].sources}
    assert _article_ids(sample_db, "002") & cited

    hanoi = [e for e in _events_on(events, "2019-02") if "Hanoi" in " ".join(s.sentence for s in e.sources)]
    assert hanoi, "the Hanoi summit is missing"

    letter = [e for e in _events_on(events, "2025-06-11") if "receptive" in e.summary]
    assert letter and _article_ids(sample_db, "003") & {s.article for s in letter[0].sources}


def test_page_junk_is_not_attributed_to_the_letter_story(sample_db: Storyline) -> None:
    main = [a for a in sample_db.articles() if a["path"].endswith("003_f622a63eab150e64.txt")]
    letter = next(a for a in main if a["part"] == 0)
    text = sample_db.article(letter["id"])["text"]
    assert text.startswith("US President Donald Trump is")
    assert not any(word in text for word in PROMO_WORDS)
    assert "President Lee calls on business circles" not in text
    teasers = [a for a in main if a["part"] > 0]
    assert len(teasers) == 3
    assert all(a["published_basis"] == "inferred" for a in teasers)
    for event in sample_db.timeline():
        for source in event.sources:
            if source.article == letter["id"]:
                assert "Seoul shares" not in source.sentence and "warship" not in source.sentence


def test_entities_are_merged_across_spellings(sample_db: Storyline) -> None:
    people = {e["name"]: e for e in sample_db.entities("PERSON")}
    kim = people["Kim Jong-un"]
    assert {"Kim Jong Un", "Mr. Kim"} <= set(kim["aliases"])
    assert "Kim Ki-moon" not in kim["aliases"]


def test_quotes_have_speakers(sample_db: Storyline) -> None:
    quotes = sample_db.quotes("Karoline Leavitt")
    assert any("remains receptive" in q["text"] for q in quotes)


def test_filters(sample_db: Storyline) -> None:
    only_2019 = sample_db.timeline(since="2019", until="2019")
    assert only_2019 and all(e.date.start.year == 2019 for e in only_2019)
    pompeo = sample_db.timeline(entity="Pompeo")
    assert pompeo and all("Mike Pompeo" in e.actors for e in pompeo)
    assert len(sample_db.timeline(limit=3)) == 3
    assert sample_db.search("Singapore")


def test_adding_again_adds_nothing(sample_db: Storyline, examples_dir: Path, tmp_path: Path) -> None:
    before = sample_db.store.count("articles")
    report = sample_db.add([examples_dir])
    assert report.added == [] and len(report.present) == 3
    copy = tmp_path / "copy.txt"
    shutil.copyfile(examples_dir / "000_ac3c80f9f90edc96.txt", copy)
    assert sample_db.add([copy]).added == []
    assert sample_db.store.count("articles") == before


def test_undated_article_gets_an_inferred_date(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text(
        "Talks resume\n\nThe envoy said on Sept 5, 2018 that talks would resume. "
        "Officials met again on Thursday (Sept 6).\n",
        encoding="utf-8",
    )
    with storyline.open(tmp_path / "u.db") as sl:
        sl.add([tmp_path / "undated.txt"])
        article = sl.articles()[0]
        assert article["published_basis"] == "inferred"
        assert article["published"] == DateValue.parse("2018-09-06")
        assert "Sept 6" in sl.article(article["id"])["published_evidence"]


def test_add_url_goes_through_the_injected_fetcher(tmp_path: Path) -> None:
    from storyline.read.fetch import FetchResponse

    page = (
        b"<html><head><title>Envoy returns from Pyongyang</title></head><body><article>"
        b"<h1>Envoy returns from Pyongyang</h1><p>The South Korean envoy Chung Eui-yong returned "
        b"from Pyongyang on Thursday after meeting Kim Jong-un, officials said.</p>"
        b"<p>He said the North Korean leader wanted a second summit with Donald Trump soon.</p>"
        b"</article></body></html>"
    )
    asked: list[str] = []

    def fetcher(url: str, *, timeout: float, max_bytes: int) -> FetchResponse:
        asked.append(url)
        return FetchResponse(url, 200, "text/html; charset=utf-8", page)

    with storyline.open(tmp_path / "url.db", fetcher=fetcher) as sl:
        report = sl.add(["https://news.example/envoy", "ftp://news.example/x"], published="2018-09-06")
        assert asked == ["https://news.example/envoy"]
        assert len(report.added) == 1
        assert [s.path for s in report.skipped] == ["ftp://news.example/x"]
        assert sl.articles()[0]["title"] == "Envoy returns from Pyongyang"


def test_an_article_that_breaks_annotation_is_skipped_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, body in [("a.txt", "Kim met Trump in Hanoi in February 2019."), ("b.txt", "BOOM in Seoul."),
                       ("c.txt", "Moon Jae-in went to Pyongyang on Sept 18.")]:
        (tmp_path / name).write_text(f"Title {name}\n\n{body}\n", encoding="utf-8")
    with storyline.open(tmp_path / "x.db") as sl:
        annotator = sl.ingestor().annotator
        real = annotator.annotate

        def fragile(articles):  # type: ignore[no-untyped-def]
            articles = list(articles)
            if any("BOOM" in a.text for a in articles):
                raise RuntimeError("component bug")
            return real(articles)

        monkeypatch.setattr(annotator, "annotate", fragile)
        report = sl.add([tmp_path], published="2018-09-07")
        assert len(report.added) == 2
        assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
            ("b.txt", "annotation failed: RuntimeError: component bug")
        ]
