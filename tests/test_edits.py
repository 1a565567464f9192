"""timeline.edits: how a list of edits changes a timeline (pure, hand-made events)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.errors import ConfigError
from storyline.timeline.edits import SPLIT_BASE, apply_plan, plan_edits
from storyline.types import DateValue, Edit, EditKind, SourceRef, TimelineEvent

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def _src(article: int, sentence: str, outlet: str = "Wire") -> SourceRef:
    return SourceRef(article, f"title {article}", sentence, outlet, DateValue.parse("2019-06-23"), article)


def _events() -> list[TimelineEvent]:
    return [
        TimelineEvent(1, DateValue.parse("2019-06-12"), "Trump sent a letter.", ("Donald Trump",),
                      (_src(1, "Trump sent a letter."), _src(2, "A letter was sent by Trump."))),
        TimelineEvent(2, DateValue.parse("2019-06-23"), "Kim received the letter.", ("Kim Jong-un",),
                      (_src(2, "Kim received the letter."),)),
        TimelineEvent(3, DateValue.parse("2019"), "Talks stalled.", ("Kim Jong-un", "Donald Trump"),
                      (_src(3, "Talks stalled.", "Paper"),)),
    ]


def _edit(n: int, kind: EditKind, target: int, value: str | None = None) -> Edit:
    return Edit(n, kind, target, value, WHEN)


def _by_id(events: list[TimelineEvent]) -> dict[int, TimelineEvent]:
    return {e.id: e for e in events}


def test_no_edits_leave_the_timeline_as_it_is() -> None:
    events = _events()
    assert apply_plan(events, plan_edits([])) == events


def test_hide_and_unhide() -> None:
    hidden = plan_edits([_edit(1, EditKind.EVENT_HIDE, 2)])
    assert [e.id for e in apply_plan(_events(), hidden)] == [1, 3]
    marked = _by_id(apply_plan(_events(), hidden, keep_hidden=True))
    assert "hidden" in marked[2].marks
    again = plan_edits([_edit(1, EditKind.EVENT_HIDE, 2), _edit(2, EditKind.EVENT_UNHIDE, 2)])
    assert apply_plan(_events(), again) == _events()


def test_later_date_wins_and_keeps_granularity() -> None:
    plan = plan_edits([_edit(1, EditKind.EVENT_DATE, 3, "2019-06"),
                       _edit(2, EditKind.EVENT_DATE, 3, "2019-W26")])
    event = _by_id(apply_plan(_events(), plan))[3]
    assert event.date.value == "2019-W26" and str(event.date.granularity) == "week"
    assert "edited" in event.marks


def test_bad_date_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="must be a date"):
        plan_edits([_edit(1, EditKind.EVENT_DATE, 3, "June")])


def test_headline_and_pin() -> None:
    plan = plan_edits([_edit(1, EditKind.EVENT_HEADLINE, 1, "Trump writes to Kim"),
                       _edit(2, EditKind.EVENT_PIN, 1)])
    event = _by_id(apply_plan(_events(), plan))[1]
    assert event.headline == "Trump writes to Kim" and event.summary == "Trump sent a letter."
    assert {"edited", "pinned"} <= set(event.marks)


def test_merge_joins_sources_and_actors_once() -> None:
    plan = plan_edits([_edit(1, EditKind.EVENT_MERGE, 1, "2"), _edit(2, EditKind.EVENT_MERGE, 1, "3")])
    events = apply_plan(_events(), plan)
    assert [e.id for e in events] == [1]
    merged = events[0]
    assert [s.article for s in merged.sources] == [1, 2, 2, 3]
    assert merged.actors == ("Donald Trump", "Kim Jong-un")


def test_merge_chain_and_cycle_terminate() -> None:
    chain = plan_edits([_edit(1, EditKind.EVENT_MERGE, 2, "3"), _edit(2, EditKind.EVENT_MERGE, 1, "2")])
    assert chain.root(3) == 1
    assert [e.id for e in apply_plan(_events(), chain)] == [1]
    # merging back what was merged into it is ignored: no cycle, no duplicate
    cycle = plan_edits([_edit(1, EditKind.EVENT_MERGE, 1, "2"), _edit(2, EditKind.EVENT_MERGE, 2, "1")])
    assert [e.id for e in apply_plan(_events(), cycle)] == [1, 3]


def test_split_takes_one_sentence_out() -> None:
    value = json.dumps({"article": 2, "sentence": "A letter was sent by Trump."})
    plan = plan_edits([_edit(7, EditKind.EVENT_SPLIT, 1, value)])
    events = _by_id(apply_plan(_events(), plan))
    assert [s.article for s in events[1].sources] == [1]
    new = events[SPLIT_BASE + 7]
    assert new.summary == "A letter was sent by Trump." and new.date == events[1].date
    assert new.actors == ("Donald Trump",)
    # a sentence the event does not hold, or its only sentence, splits nothing
    only = json.dumps({"article": 2, "sentence": "Kim received the letter."})
    assert apply_plan(_events(), plan_edits([_edit(8, EditKind.EVENT_SPLIT, 2, only)])) == _events()


def test_article_fix_and_removal() -> None:
    plan = plan_edits([
        _edit(1, EditKind.ARTICLE_PUBLISHED, 2, "2019-06-24"),
        _edit(2, EditKind.ARTICLE_SOURCE, 2, "Agency"),
        _edit(3, EditKind.ARTICLE_TITLE, 2, "Fixed title"),
        _edit(4, EditKind.ARTICLE_REMOVE, 3),
    ])
    events = _by_id(apply_plan(_events(), plan))
    assert 3 not in events  # its only source was removed
    ref = events[2].sources[0]
    assert (ref.published, ref.source, ref.title) == (DateValue.parse("2019-06-24"), "Agency", "Fixed title")


def test_entity_rename_and_merge_change_actor_names() -> None:
    names = {4: "Kim Jong-un", 5: "Donald Trump"}
    plan = plan_edits([_edit(1, EditKind.ENTITY_RENAME, 4, "Kim Jong Un"),
                       _edit(2, EditKind.ENTITY_MERGE, 4, "5")], names)
    events = _by_id(apply_plan(_events(), plan))
    assert events[2].actors == ("Kim Jong Un",)
    assert events[3].actors == ("Kim Jong Un",)  # both actors are now one entity


def test_story_moves_are_recorded() -> None:
    plan = plan_edits([_edit(1, EditKind.ARTICLE_STORY, 2, "9")])
    assert plan.stories == {2: 9} and apply_plan(_events(), plan) == _events()


KINDS = st.sampled_from([EditKind.EVENT_HIDE, EditKind.EVENT_UNHIDE, EditKind.EVENT_PIN, EditKind.EVENT_MERGE,
                         EditKind.EVENT_DATE, EditKind.ARTICLE_REMOVE, EditKind.ARTICLE_SOURCE])


@given(st.lists(st.tuples(KINDS, st.integers(1, 3), st.integers(1, 3)), max_size=12),
       st.permutations([0, 1, 2]))
def test_edited_timeline_does_not_depend_on_input_order(ops: list[tuple[EditKind, int, int]],
                                                        order: list[int]) -> None:
    edits = []
    for n, (kind, target, other) in enumerate(ops, start=1):
        value = {EditKind.EVENT_MERGE: str(other), EditKind.EVENT_DATE: f"201{other}",
                 EditKind.ARTICLE_SOURCE: f"Outlet {other}"}.get(kind)
        edits.append(_edit(n, kind, target, value))
    plan = plan_edits(edits)
    events = _events()
    shuffled = [events[i] for i in order]
    def key(items: list[TimelineEvent]) -> list[tuple[object, ...]]:
        return sorted((e.id, e.date.value, e.summary, e.sources, e.marks) for e in apply_plan(items, plan))

    assert key(events) == key(shuffled)
    for e in apply_plan(events, plan):
        assert e.sources and e.id not in plan.hidden
