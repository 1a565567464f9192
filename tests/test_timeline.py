from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from storyline.timeline import by_date, rank, salience, select
from storyline.timeline.export import render, to_text, to_timelinejs
from storyline.types import DateValue, SourceRef, TimelineEvent

VALUES = ["2018", "2018-06", "2018-06-12", "2018-W24", "2019-02", "2019-06-23", "2025-06-11"]


def _event(i: int, value: str, sources: int = 1, story_shared: bool = False) -> TimelineEvent:
    refs = tuple(
        SourceRef(article=i * 10 + k, title=f"t{k}", sentence=f"s{k}", source=f"outlet{k}",
                  story=1 if story_shared else i * 10 + k)
        for k in range(sources)
    )
    return TimelineEvent(i, DateValue.parse(value), f"event {i}", ("Kim Jong-un",), refs)


@given(st.lists(st.sampled_from(VALUES), min_size=1, max_size=20), st.randoms())
def test_timelines_are_sorted_whatever_the_input_order(values: list[str], rnd: object) -> None:
    events = [_event(i, v) for i, v in enumerate(values)]
    shuffled = list(events)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    ordered = by_date(shuffled)
    assert [e.date.start for e in ordered] == sorted(e.date.start for e in events)
    assert by_date(shuffled) == by_date(events)


def test_independent_sources_outrank_copies_of_one_story() -> None:
    many = _event(1, "2019-02", sources=3)
    copies = _event(2, "2019-02", sources=3, story_shared=True)
    assert salience(many) > salience(copies)
    assert rank([copies, many])[0].id == 1


def test_select_keeps_most_salient_in_date_order() -> None:
    events = [_event(1, "2019-06-23", 1), _event(2, "2018-06-12", 3), _event(3, "2019-02", 2)]
    chosen = select(events, limit=2)
    assert [e.id for e in chosen] == [2, 3]


def test_json_shape_and_escaping() -> None:
    event = TimelineEvent(
        7, DateValue.parse("2019-02"), "<script>alert(1)</script>", ("Kim",),
        (SourceRef(1, "T <b>", "S & co"),),
    )
    data = json.loads(render([event], "json"))
    item = data["events"][0]
    assert item["date"] == "2019-02" and item["granularity"] == "month"
    assert item["sources"][0] == {"article": 1, "title": "T <b>", "sentence": "S & co",
                                  "source": None, "published": None, "url": None, "date": None,
                                  "background": False}
    assert item["headline"] == item["summary"] == "<script>alert(1)</script>"
    tl = to_timelinejs([event], "x")
    assert tl["events"][0]["start_date"] == {"year": "2019", "month": "2"}
    assert "<script>" not in json.dumps(tl)


def test_markdown_and_csv_cite_articles() -> None:
    event = _event(1, "2018-06-12", sources=2)
    assert "[10], [11]" in render([event], "md")
    assert render([event], "csv").splitlines()[1].startswith("2018-06-12,day,12 June 2018,event 1")


def _reported(value: str, headline: str, refs: tuple[SourceRef, ...]) -> TimelineEvent:
    return TimelineEvent(5, DateValue.parse(value), "Kim met Trump in Singapore on June 12.", ("Kim",),
                         refs, headline=headline)


_D = DateValue.parse
REFS = (
    SourceRef(1, "Summit held", "Kim met Trump on June 12.", "Reuters", _D("2018-06-13"), story=1,
              url="https://example.org/a", date=_D("2018-06-12")),
    SourceRef(2, "Summit held (copy)", "Kim met Trump on June 12.", "Yahoo", _D("2018-06-13"), story=1,
              date=_D("2018-06-12")),
    SourceRef(1, "Summit held", "The two shook hands on June 12.", "Reuters", _D("2018-06-13"), story=1,
              date=_D("2018-06-12")),
    SourceRef(3, "Leaders meet", "They met on Wednesday.", "AP", _D("2018-06-14"), url="javascript:x",
              date=_D("2018-06-13")),
)


def test_sources_are_counted_as_independent_articles() -> None:
    event = _reported("2018-06-12", "Kim meets Trump in Singapore", REFS)
    assert event.independent == 2  # a wire copy and a second sentence of one article count once
    item = json.loads(render([event], "json"))["events"][0]
    assert item["independent_sources"] == 2 and item["outlets"] == ["Reuters", "Yahoo", "AP"]
    assert (item["sources"][0]["published"], item["sources"][0]["date"]) == ("2018-06-13", "2018-06-12")
    assert item["disagreements"] == [{"article": 3, "title": "Leaders meet", "source": "AP",
                                      "date": "2018-06-13"}]
    assert "2 independent sources" in render([event], "text")


def test_csv_carries_the_evidence() -> None:
    event = _reported("2018-06-12", "Kim meets Trump", REFS)
    rows = list(csv.DictReader(io.StringIO(render([event], "csv"))))
    assert rows[0]["headline"] == "Kim meets Trump" and rows[0]["display_date"] == "12 June 2018"
    assert rows[0]["sentence"] == "Kim met Trump in Singapore on June 12."
    assert rows[0]["urls"] == "https://example.org/a"  # only web addresses
    assert rows[0]["titles"] == "Summit held | Summit held (copy) | Leaders meet"
    assert rows[0]["independent_sources"] == "2"


def test_markdown_groups_by_date_with_sources_at_the_end() -> None:
    events = [_reported("2018-06-12", "Kim meets Trump", REFS), _event(2, "2018-06-12"), _event(3, "2019")]
    md = render(events, "md")
    assert md.count("## 12 June 2018") == 1 and "## 2019" in md
    assert md.index("## Sources") > md.index("## 2019")
    assert "<https://example.org/a>" in md and "javascript:" not in md
    assert "- [3] *Leaders meet* (AP, 2018-06-14)" in md


def test_timelinejs_readable_dates_periods_groups_and_links() -> None:
    week = replace(_reported("2010-W29", "A week", REFS[:1]), stories=(1,))
    half = _reported("2011-H1", "A half", REFS[3:])
    century = _reported("19", "A century", ())
    slides = to_timelinejs([week, half, century], "x")["events"]
    assert [s["display_date"] for s in slides] == ["week of 19 July 2010", "first half of 2011",
                                                   "20th century"]
    assert slides[0]["end_date"] == {"year": "2010", "month": "7", "day": "25"}
    assert slides[1]["end_date"] == {"year": "2011", "month": "6", "day": "30"}
    assert slides[0]["group"] == "story 1" and "group" not in slides[2]
    assert '<a href="https://example.org/a">Summit held</a>' in slides[0]["text"]["text"]
    assert "javascript" not in slides[1]["text"]["text"]


def test_text_view_writes_week_and_half_year_codes_in_words() -> None:
    text = to_text([_event(1, "2018-W35"), _event(2, "2011-H1"), _event(3, "2019-06-23")])
    assert "week of 27 August 2018" in text and "first half of 2011" in text
    assert "2018-W35" not in text and "2011-H1" not in text
    assert "2019-06-23" in text  # ISO days stay as they are


def test_text_view_cites_the_first_reports_and_counts_the_rest() -> None:
    refs = tuple(
        SourceRef(article=k, title=f"t{k}", sentence="s", source=f"outlet{k}",
                  published=DateValue.parse(f"2010-05-{k:02d}"), story=k)
        for k in range(20, 0, -1)  # the latest first
    )
    text = to_text([TimelineEvent(1, DateValue.parse("2010-04-20"), "The rig exploded.", (), refs)])
    assert "cited: [1], [2], [3], [4], [5], [6], [7], [8] and 12 more" in text
    assert "[8] t8" in text and "[9] t9" not in text  # the sources list holds those cited
    markdown = render([TimelineEvent(1, DateValue.parse("2010-04-20"), "The rig exploded.", (), refs)], "md")
    assert "[20]" in markdown  # exports cite every article
