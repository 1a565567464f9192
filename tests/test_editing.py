"""editing: edits made through the Python API on the sample corpus, applied by every view,
kept across more articles and re-read articles, reported when stale, and undone exactly."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.api import Storyline
from storyline.errors import ConfigError, NotFoundError, StorylineError
from storyline.timeline.edits import SPLIT_BASE
from storyline.timeline.export import render
from storyline.types import DateValue, EditKind, TimelineQuery

FILES = ("000_ac3c80f9f90edc96.txt", "002_32582272d8d10dff.txt", "003_f622a63eab150e64.txt")
MANIFEST = "path,published,source\n{rows}"


def _folder(root: Path, examples: Path, files: tuple[str, ...]) -> Path:
    folder = root / "corpus"
    folder.mkdir(exist_ok=True)
    rows = [line for line in (examples / "manifest.csv").read_text().splitlines()[1:]
            if line.split(",")[0] in files]
    for name in files:
        shutil.copy(examples / name, folder / name)
    (folder / "manifest.csv").write_text(MANIFEST.format(rows="\n".join(rows) + "\n"))
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """A store of the two older sample articles (the 2025 one is added by tests)."""
    root = tmp_path_factory.mktemp("editing")
    with Storyline(root / "base.db") as sl:
        sl.add([_folder(root, examples_dir, FILES[:2])])
    return root / "base.db"


@pytest.fixture()
def sl(built: Path, tmp_path: Path) -> Iterator[Storyline]:
    shutil.copy(built, tmp_path / "t.db")
    with Storyline(tmp_path / "t.db") as s:
        yield s


def _view(sl: Storyline) -> str:
    """Everything a reader sees: the whole timeline, a short one, articles and entities."""
    return "\n".join([render(sl.timeline(all=True), "json"), render(sl.timeline(all=True, limit=3), "json"),
                      json.dumps(sl.articles(), default=str), json.dumps(sl.entities())])


def _event_with(sl: Storyline, min_sources: int = 1, articles: int = 1) -> int:
    for e in sl.timeline(all=True):
        if len(e.sources) >= min_sources and len({s.article for s in e.sources}) >= articles:
            return e.id
    raise AssertionError("no such event in the sample corpus")


def test_hide_date_headline_pin(sl: Storyline) -> None:
    events = sl.timeline(all=True)
    first, second = events[0].id, events[1].id
    sl.editor.make(EditKind.EVENT_HIDE, first, note="not part of the story")
    sl.editor.make(EditKind.EVENT_DATE, second, "2030-W02")
    sl.editor.make(EditKind.EVENT_HEADLINE, second, "A headline   typed by hand")
    after = {e.id: e for e in sl.timeline(all=True)}
    assert first not in after
    assert after[second].date.value == "2030-W02" and after[second].headline == "A headline typed by hand"
    assert sl.timeline(all=True)[-1].id == second  # re-dated, re-sorted
    assert [e.id for e in sl.timeline(TimelineQuery.parse(since="2030", all=True))] == [second]
    least = min(sl.timeline(all=True), key=lambda e: (e.salience, -e.id)).id
    sl.editor.make(EditKind.EVENT_PIN, least)
    short = sl.timeline(all=True, limit=2)
    assert least in {e.id for e in short} and len(short) == 3
    assert "pinned" in next(e for e in short if e.id == least).marks


def test_merge_and_split_events(sl: Storyline) -> None:
    events = sl.timeline(all=True)
    a, b = events[2], events[3]
    sl.editor.make(EditKind.EVENT_MERGE, a.id, str(b.id))
    merged = {e.id: e for e in sl.timeline(all=True)}
    assert b.id not in merged
    assert {s.sentence for s in merged[a.id].sources} == {s.sentence for s in (*a.sources, *b.sources)}
    moved = b.sources[0]
    value = json.dumps({"article": moved.article, "sentence": moved.sentence})
    edit = sl.editor.make(EditKind.EVENT_SPLIT, a.id, value)
    split = {e.id: e for e in sl.timeline(all=True)}
    assert split[SPLIT_BASE + edit.id].sources[0].sentence == moved.sentence
    assert moved.sentence not in {s.sentence for s in split[a.id].sources}
    with pytest.raises(ConfigError, match="cannot be merged with itself"):
        sl.editor.make(EditKind.EVENT_MERGE, a.id, str(a.id))
    with pytest.raises(ConfigError, match="has no sentence"):
        sl.editor.make(EditKind.EVENT_SPLIT, a.id, json.dumps({"article": 1, "sentence": "Not there."}))
    with pytest.raises(NotFoundError):
        sl.editor.make(EditKind.EVENT_HIDE, 10**9)


def test_entity_rename_merge_split_alias(sl: Storyline) -> None:
    kim = sl.editor.entity_id("Kim Jong-un")
    before = {e.id for e in sl.timeline(all=True, entity="Kim Jong-un")}
    sl.editor.make(EditKind.ENTITY_RENAME, kim, "Kim Jong Un")
    assert {e.id for e in sl.timeline(all=True, entity="Kim Jong Un")} == before
    assert any("Kim Jong Un" in e.actors for e in sl.timeline(all=True))
    assert not any("Kim Jong-un" in e.actors for e in sl.timeline(all=True))
    moon = sl.editor.entity_id("Moon Jae-in")
    moon_events = {e.id for e in sl.timeline(all=True, entity="Moon Jae-in")}
    sl.editor.make(EditKind.ENTITY_MERGE, kim, "Moon Jae-in")
    assert {e.id for e in sl.timeline(all=True, entity="Kim Jong Un")} == before | moon_events
    names = [r["name"] for r in sl.entities()]
    assert "Kim Jong Un" in names and "Moon Jae-in" not in names
    row = next(r for r in sl.entities() if r["name"] == "Kim Jong Un")
    assert "Moon Jae-in" in row["aliases"] and moon != kim
    sl.editor.make(EditKind.ENTITY_SPLIT_ALIAS, kim, "Chairman Kim")
    row = next(r for r in sl.entities() if r["name"] == "Kim Jong Un")
    assert "Chairman Kim" not in row["aliases"]
    with pytest.raises(ConfigError, match="has no alias"):
        sl.editor.make(EditKind.ENTITY_SPLIT_ALIAS, kim, "Nobody")


def test_article_metadata_and_removal(sl: Storyline) -> None:
    article = sl.articles()[0]["id"]
    sl.editor.make(EditKind.ARTICLE_PUBLISHED, article, "2010-07-26")
    sl.editor.make(EditKind.ARTICLE_SOURCE, article, "The Guardian")
    sl.editor.make(EditKind.ARTICLE_TITLE, article, "Corrected title")
    sl.editor.make(EditKind.ARTICLE_URL, article, "https://example.org/a")
    row = sl.article(article)
    assert (row["published"], row["published_basis"], row["source"], row["title"], row["url"]) == (
        DateValue.parse("2010-07-26"), "user", "The Guardian", "Corrected title", "https://example.org/a")
    cited = [s for e in sl.timeline(all=True) for s in e.sources if s.article == article]
    assert cited and all(s.source == "The Guardian" and s.published == row["published"] for s in cited)
    assert [s for s in sl.timeline(all=True, source="The Guardian")]
    with pytest.raises(ConfigError, match="http"):
        sl.editor.make(EditKind.ARTICLE_URL, article, "javascript:alert(1)")
    raw = sl.store.raw_bytes(article)
    sl.editor.make(EditKind.ARTICLE_REMOVE, article)
    assert article not in {r["id"] for r in sl.articles()}
    assert all(s.article != article for e in sl.timeline(all=True) for s in e.sources)
    assert sl.store.raw_bytes(article) == raw  # kept until gc
    assert sl.collect_garbage()[0] == 1
    with pytest.raises(NotFoundError):
        sl.store.raw_bytes(article)
    statuses = {r["kind"]: r["status"] for r in sl.editor.listing()}
    assert statuses["article.remove"].startswith("done")


def test_removed_articles_leave_summaries_quotes_and_search(sl: Storyline) -> None:
    cited = {s.article for day in sl.summarize(dates=5) for s in day.sentences}
    quoted = {q["article"] for q in sl.quotes()}
    article = sorted(cited & quoted)[0]
    sl.editor.make(EditKind.ARTICLE_REMOVE, article)
    assert article not in {s.article for day in sl.summarize(dates=5) for s in day.sentences}
    assert article not in {q["article"] for q in sl.quotes()}
    assert article not in {r["article"] for r in sl.search("Kim")}


def test_moving_an_article_moves_its_events_to_the_other_story(
    sl: Storyline, tmp_path: Path, examples_dir: Path
) -> None:
    sl.add([_folder(tmp_path, examples_dir, FILES)])  # the aggregator page adds teaser stories
    article = sl.articles()[0]["id"]
    home = sl.store.stories.story_of_article(article)
    other = next(s.id for s in sl.stories() if s.id != home)
    with pytest.raises(NotFoundError):
        sl.editor.make(EditKind.ARTICLE_STORY, article, "999999")
    own = {e.id for e in sl.timeline(all=True, story=home)
           if {s.article for s in e.sources} == {article}}
    assert own and not own & {e.id for e in sl.timeline(all=True, story=other)}
    sl.editor.make(EditKind.ARTICLE_STORY, article, str(other))
    assert next(r for r in sl.articles() if r["id"] == article)["story"] == other
    assert own <= {e.id for e in sl.timeline(all=True, story=other)}
    assert not own & {e.id for e in sl.timeline(all=True, story=home)}


def test_edits_survive_more_articles_and_a_reread(sl: Storyline, tmp_path: Path, examples_dir: Path) -> None:
    event = _event_with(sl, articles=1)
    sl.editor.make(EditKind.EVENT_DATE, event, "2001")
    sl.editor.make(EditKind.EVENT_HEADLINE, event, "Kept headline")
    folder = _folder(tmp_path, examples_dir, FILES)
    report = sl.add([folder])
    assert report.added and report.new_events > 0 and not report.stale_edits
    kept = [e for e in sl.timeline(all=True) if e.headline == "Kept headline"]
    assert len(kept) == 1 and kept[0].date.value == "2001"
    # re-read every article a day later: ids change, the edits find their events again (a
    # date moved before the events it reports would rightly leave them undated)
    manifest = folder / "manifest.csv"
    later = {d: (date.fromisoformat(d) + timedelta(days=1)).isoformat()
             for d in re.findall(r",(\d{4}-\d\d-\d\d),", manifest.read_text())}
    manifest.write_text(re.sub(r",(\d{4}-\d\d-\d\d),", lambda m: f",{later[m[1]]},", manifest.read_text()))
    time.sleep(1.1)  # add times are kept to the second
    report = sl.add([folder], update=True)
    assert len(report.updated) == len(sl.articles()) == 6 and not report.added  # 003 holds 4 stories
    assert report.new_events == 0  # re-read news is not new news
    kept = [e for e in sl.timeline(all=True) if e.headline == "Kept headline"]
    assert len(kept) == 1 and kept[0].date.value == "2001" and kept[0].id != event
    given = {r["published"].value for r in sl.articles() if r["published_basis"] == "user"}
    assert given and given <= set(later.values())


def test_stale_edit_is_reported_not_dropped(sl: Storyline, tmp_path: Path, examples_dir: Path) -> None:
    event = sl.timeline(all=True)[0]
    article = event.sources[0].article
    edit = sl.editor.make(EditKind.EVENT_HEADLINE, event.id, "Orphan")
    for e in sl.timeline(all=True):  # remove every article that reports the event, then delete them
        if e.id == event.id:
            for s in e.sources:
                sl.editor.make(EditKind.ARTICLE_REMOVE, s.article)
    sl.collect_garbage()
    time.sleep(1.1)
    status = next(r["status"] for r in sl.editor.listing() if r["id"] == edit.id)
    assert status == "stale: its event no longer exists"
    report = sl.add([_folder(tmp_path, examples_dir, FILES[2:])])
    assert any(f"edit {edit.id}" in line for line in report.stale_edits)
    # ids of deleted articles may be given again: the removal does not hide the newcomer
    assert len(sl.articles()) == 5 and article in {r["id"] for r in sl.articles()}


def test_new_since_last_add(sl: Storyline, tmp_path: Path, examples_dir: Path) -> None:
    with pytest.raises(ConfigError):
        Storyline(tmp_path / "empty.db").new_since("last")
    before = {e.id for e in sl.timeline(all=True)}
    time.sleep(1.1)  # add times are kept to the second
    report = sl.add([_folder(tmp_path, examples_dir, FILES)])
    fresh = sl.timeline(TimelineQuery(all=True, new_since=sl.new_since("last")))
    assert fresh and all(set(e.marks) & {"new", "updated"} for e in fresh)
    assert {e.id for e in fresh if "new" in e.marks}.isdisjoint(before)
    assert sum("new" in e.marks for e in fresh) == report.new_events
    assert sum("updated" in e.marks for e in fresh) == report.updated_events
    assert not sl.timeline(TimelineQuery(all=True, new_since=sl.new_since("2999-01-01")))


def test_undo_restores_the_previous_view_exactly(sl: Storyline) -> None:
    machine = _view(sl)
    a, b = sl.timeline(all=True)[0].id, sl.timeline(all=True)[1].id
    first = sl.editor.make(EditKind.EVENT_MERGE, a, str(b))
    merged = _view(sl)
    second = sl.editor.make(EditKind.EVENT_DATE, a, "1999")
    sl.editor.undo(second.id)
    assert _view(sl) == merged
    sl.editor.undo(first.id)
    assert _view(sl) == machine
    with pytest.raises(ConfigError, match="already undone"):
        sl.editor.undo(first.id)


@st.composite
def _ops(draw: st.DrawFn) -> list[tuple[EditKind, int, int, str]]:
    kinds = st.sampled_from([k for k in EditKind if k is not EditKind.EVENT_SPLIT])
    return draw(st.lists(st.tuples(kinds, st.integers(0, 40), st.integers(0, 40),
                                   st.sampled_from(["2019", "2018-06", "2019-W26", "x", "Kim"])),
                         min_size=1, max_size=8))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=_ops())
def test_random_edits_then_undo_all_give_back_the_machine_timeline(
    sl: Storyline, ops: list[tuple[EditKind, int, int, str]]
) -> None:
    machine = _view(sl)
    events = [e.id for e in sl.timeline(all=True)]
    articles = [r["id"] for r in sl.articles()]
    entities = [r["id"] for r in sl.entities()]
    made = []
    for kind, i, j, text in ops:
        pool = {"event": events, "article": articles, "entity": entities}[kind.subject]
        target = pool[i % len(pool)]
        value = {EditKind.EVENT_MERGE: str(events[j % len(events)]),
                 EditKind.ENTITY_MERGE: str(entities[j % len(entities)]),
                 EditKind.ARTICLE_STORY: str(j + 1),
                 EditKind.ARTICLE_URL: f"https://example.org/{j}"}.get(kind, text)
        try:
            made.append(sl.editor.make(kind, target, value))
        except StorylineError:
            continue
        _view(sl)  # every view still renders
    for edit in reversed(made):
        sl.editor.undo(edit.id)
    assert _view(sl) == machine
