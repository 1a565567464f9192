from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from storyline.timeline import by_date, rank, salience, select
from storyline.timeline.export import render, to_timelinejs
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
                                  "source": None, "published": None}
    tl = to_timelinejs([event], "x")
    assert tl["events"][0]["start_date"] == {"year": "2019", "month": "2"}
    assert "<script>" not in json.dumps(tl)


def test_markdown_and_csv_cite_articles() -> None:
    event = _event(1, "2018-06-12", sources=2)
    assert "[10], [11]" in render([event], "md")
    assert render([event], "csv").splitlines()[1].startswith("2018-06-12,day,event 1")
