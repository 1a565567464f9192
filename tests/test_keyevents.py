"""The key-events view (timeline/keyevents.py) on the sample articles, against the reference
chronology of the letter story in tests/fixtures/letter_story_chronology.json."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_sample, require_data
from storyline.cli import main
from storyline.timeline.keyevents import KeyParams, background
from storyline.types import DateValue, SourceRef, Story, TimelineEvent

REFERENCE = json.loads(
    (Path(__file__).parent / "fixtures" / "letter_story_chronology.json").read_text(encoding="utf-8")
)["events"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> str:
    return str(copy_sample(sample_db_file, tmp_path_factory.mktemp("key")))


def _json(*args: str) -> object:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _matches(ref: dict[str, object], day: DateValue, text: str) -> bool:
    want = DateValue.parse(str(ref["date"]))
    near = want.compatible(day) or (
        want.days == 1 and day.days == 1 and abs(want.start - day.start) <= timedelta(days=1))
    sets = ref["words"]
    assert isinstance(sets, list)
    return near and any(all(w in text.lower() for w in words) for words in sets)


def _found(items: list[tuple[DateValue, str]]) -> list[str]:
    return [str(ref["what"]) for ref in REFERENCE if any(_matches(ref, d, t) for d, t in items)]


def _letter_story(db: str) -> dict[str, object]:
    stories = _json("--db", db, "stories")
    assert isinstance(stories, list)
    return stories[0]


def test_default_timeline_of_the_letter_story(db: str) -> None:
    story = _letter_story(db)
    members = {m["id"] for m in _json("--db", db, "stories", str(story["id"]))["members"]}  # type: ignore[index]
    shown = _json("--db", db, "timeline", "--story", str(story["id"]))
    assert isinstance(shown, dict)
    events = shown["events"]
    assert 8 <= len(events) <= KeyParams().limit
    items = [(DateValue.parse(e["date"]), " ".join([e["summary"], *(s["sentence"] for s in e["sources"])]))
             for e in events]
    found = _found(items)
    assert len(found) >= 8, found
    assert all(any(s["article"] in members for s in e["sources"]) for e in events)  # all of the story
    assert all(DateValue.parse(e["date"]).start.year >= 2018 for e in events)  # 1953, 2017: background


def test_default_view_is_the_biggest_story_first(db: str) -> None:
    default = _json("--db", db, "timeline")
    assert isinstance(default, dict)
    assert [s["id"] for s in default["stories"]] == [_letter_story(db)["id"]]
    assert default["more_stories"] == 3
    every = _json("--db", db, "timeline", "--all")
    assert isinstance(every, dict)
    assert len(every["events"]) > len(default["events"])
    text = CliRunner().invoke(main, ["--db", db, "timeline"]).output
    assert text.startswith("Story ") and "3 more stories" in text


def test_summary_of_the_letter_story(db: str) -> None:
    story = _letter_story(db)
    days = _json("--db", db, "timeline", "--summarize", "--dates", "12", "--story", str(story["id"]))
    assert isinstance(days, list)
    members = {m["id"] for m in _json("--db", db, "stories", str(story["id"]))["members"]}  # type: ignore[index]
    items = [(DateValue.parse(d["date"]), " ".join(s["text"] for s in d["sentences"])) for d in days]
    found = _found(items)
    assert len(found) >= 10, found  # the target is 8; months named as such (Hanoi in February
    # 2019, Panmunjom in June 2019) are dates, and 2019-06-23 is told by its article's lead
    assert {"2019-02", "2019-06"} <= {d["date"] for d in days}
    assert all(d["granularity"] == ("month" if len(d["date"]) == 7 else "day") for d in days)
    assert all(s["article"] in members for d in days for s in d["sentences"])
    texts = [s["text"] for d in days for s in d["sentences"]]
    assert len(texts) == len(set(texts))  # no sentence spent on two dates


def _event(day: str, articles: list[int]) -> TimelineEvent:
    refs = tuple(SourceRef(a, "t", "s", published=DateValue.parse("2018-09-07")) for a in articles)
    return TimelineEvent(1, DateValue.parse(day), "x", (), refs)


def test_a_year_begun_before_the_coverage_is_background() -> None:
    """Coverage from 7 January 1999: "1998" ends within the margin but starts long before it."""
    story = Story(1, "x", DateValue.parse("1999-01-07"), DateValue.parse("2005-06-06"), 28, 1)
    assert background(_event("1998", [1, 2]), story)
    assert background(_event("1998-12", [1]), story)
    assert not background(_event("1998-12-20", [1]), story)  # within the margin
    assert not background(_event("1999", [1]), story)


def test_background_history() -> None:
    story = Story(1, "x", DateValue.parse("2018-09-07"), DateValue.parse("2025-06-12"), 3, 3)
    assert background(_event("1953", [1]), story)
    assert background(_event("2018-06-12", [1]), story)  # before the span, recalled once
    assert not background(_event("2018-06-12", [1, 2]), story)  # recalled by two articles
    assert not background(_event("2018-08-20", [1]), story)  # within a month of the span
    assert background(_event("2033", [1]), story)
    assert background(_event("2018-08", [1]), story)  # the month starts more than a month before
    assert not background(_event("2018-08", [1, 2]), story)  # ... but two articles follow it up
    assert background(_event("2018", [1, 2]), story)  # a year begun before the coverage is history
    assert not background(_event("2025-12", [1]), story)
    assert date(2018, 9, 7) == story.first.start  # type: ignore[union-attr]


def test_main_story_of_real_coverage_shows_nothing_before_it(tmp_path: Path) -> None:
    """The first 20 Steve Jobs articles of the Entities data set (1999-2001) recall 1977,
    the 1980s and the 1990s: the biggest story's default timeline starts with its coverage."""
    source = require_data("entities", "Steve_Jobs", "outputwithpub.csv")
    subset = tmp_path / "jobs.csv"
    csv.field_size_limit(2**31 - 1)
    with source.open(encoding="utf-8", newline="") as f, subset.open("w", encoding="utf-8", newline="") as o:
        writer = csv.writer(o)
        writer.writerow(["date", "text"])
        for i, row in enumerate(csv.reader(f)):
            if i >= 20:
                break
            writer.writerow(row[:2])
    db = str(tmp_path / "jobs.db")
    result = CliRunner().invoke(main, ["--db", db, "add", str(subset)])
    assert result.exit_code == 0, result.output
    shown = _json("--db", db, "timeline")
    assert isinstance(shown, dict)
    [story, *_] = shown["stories"]
    first = DateValue.parse(story["first"]).start
    events = {e["id"]: e for e in shown["events"]}
    dates = [DateValue.parse(events[i]["date"]) for i in story["events"]]
    assert len(dates) >= 8
    assert all(d.start >= first - timedelta(KeyParams().before_days) for d in dates), dates
    every = _json("--db", db, "timeline", "--story", str(story["id"]), "--all")
    assert isinstance(every, dict)
    assert any(DateValue.parse(e["date"]).end < first for e in every["events"])  # the history is kept
