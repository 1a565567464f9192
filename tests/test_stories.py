"""Stories: online clustering of the sample articles (link/stories.py, store/stories.py), the
`stories` command and `--story` on the listings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import copy_sample
from storyline.cli import main
from storyline.link.stories import (
    StoryClusterer,
    StoryParams,
    article_vector,
    story_similarity,
    term_counts,
    time_factor,
)
from storyline.store import Store
from storyline.store.stories import StoryOverlap
from storyline.text.terms import stems
from storyline.types import Article, DateValue


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> str:
    return str(copy_sample(sample_db_file, tmp_path_factory.mktemp("stories")))


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _titles(db: str) -> dict[int, list[str]]:
    """story id -> member titles."""
    out: dict[int, list[str]] = {}
    for story in json.loads(_run("--db", db, "stories", "--format", "json")):
        members = json.loads(_run("--db", db, "stories", str(story["id"]), "--format", "json"))["members"]
        out[story["id"]] = [m["title"] for m in members]
    return out


def test_letter_story_apart_from_the_teasers(db: str) -> None:
    stories = json.loads(_run("--db", db, "stories", "--format", "json"))
    assert [s["articles"] for s in stories] == [3, 1, 1, 1]
    letters = stories[0]
    assert (letters["first"], letters["last"], letters["outlets"]) == ("2018-09-07", "2025-06-12", 3)
    assert "Kim Jong-un" in letters["label"] and "Trump" in letters["label"]
    # the warship teaser names Kim Jong-un and North Korea as the letter story does; split off
    # the page, it joins only on its words (StoryParams.teaser_words), and they are another matter's
    titles = _titles(db)[letters["id"]]
    assert any("receptive" in t for t in titles) and any("Excellent" in t for t in titles)
    teasers = [t for sid, ts in _titles(db).items() if sid != letters["id"] for t in ts]
    assert any("warship" in t for t in teasers) and any("shares" in t for t in teasers)
    assert any("business circles" in t for t in teasers)


def test_ids_are_stable_and_readding_changes_nothing(db: str, examples_dir: Path, tmp_path: Path) -> None:
    copy = str(tmp_path / "copy.db")
    shutil.copy(db, copy)
    before = _run("--db", copy, "stories", "--format", "json")
    assert "already present" in _run("--db", copy, "add", str(examples_dir))
    assert _run("--db", copy, "stories", "--format", "json") == before


def test_a_story_keeps_its_id_as_it_grows(store: Store) -> None:
    clusterer = StoryClusterer(store.stories)
    texts = [
        ("Flood hits the river town",
         "The river flooded the town and the flood destroyed bridges and homes."),
        ("Flood waters recede",
         "Flood waters receded from the river town; homes and bridges are being rebuilt."),
        ("Chess final tonight", "The chess champion plays the final game of the chess tournament tonight."),
    ]
    stories = []
    with store.transaction():
        for i, (title, text) in enumerate(texts):
            article = store.insert_article(_article(title, text, i))
            day = DateValue.parse(f"2020-01-0{i + 1}")
            stories.append(clusterer.assign(article, title, text, day, []))
    assert stories[0] == stories[1] != stories[2]
    assert [s.id for s in store.stories.list_stories()] == [stories[0], stories[2]]


def test_time_damping_and_vectors() -> None:
    p = StoryParams()
    assert time_factor(DateValue.parse("2019-06-01"), "2019-01-01", "2019-03-01", p) == 1.0
    far = time_factor(DateValue.parse("2030-01-01"), "2019-01-01", "2019-03-01", p)
    assert 0 < far < 0.5
    counts = term_counts("Kim letters", "Kim sent letters; the letters arrived.", [(7, "Kim Jong-un", 3)], p)
    assert counts["e:7"] == ("Kim Jong-un", 3.0) and counts["letter"][1] == 5.0  # title words count 3 times
    vector = article_vector(counts, {}, 0, p)
    assert abs(sum(w * w for _, w in vector.values()) - 1.0) < 1e-9


def test_rebuild_gives_the_same_grouping(db: str, tmp_path: Path) -> None:
    copy = str(tmp_path / "copy.db")
    shutil.copy(db, copy)
    before = sorted(sorted(ts) for ts in _titles(copy).values())
    result = CliRunner().invoke(main, ["--db", copy, "stories", "--rebuild", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sorted(sorted(ts) for ts in _titles(copy).values()) == before


def test_listings_take_story(db: str) -> None:
    letters = json.loads(_run("--db", db, "stories", "--format", "json"))[0]["id"]
    teaser = next(sid for sid, ts in _titles(db).items() if any("shares" in t for t in ts))
    rows = json.loads(_run("--db", db, "entities", "--story", str(letters), "--format", "json"))
    names = {e["name"] for e in rows}
    assert "Kim Jong-un" in names and "Nasdaq" not in names
    assert json.loads(_run("--db", db, "search", "Hanoi", "--story", str(teaser), "--format", "json")) == []
    assert json.loads(_run("--db", db, "search", "Hanoi", "--story", str(letters), "--format", "json"))
    quotes = json.loads(_run("--db", db, "quotes", "--story", str(letters), "--format", "json"))
    assert quotes and all(q["article"] in _member_ids(db, letters) for q in quotes)
    missing = CliRunner().invoke(main, ["--db", db, "entities", "--story", "999"])
    assert missing.exit_code == 1 and "storyline stories" in missing.output


def _member_ids(db: str, story: int) -> set[int]:
    story_json = json.loads(_run("--db", db, "stories", str(story), "--format", "json"))
    return {m["id"] for m in story_json["members"]}


def _article(title: str, text: str, i: int) -> Article:
    return Article(title=title, text=text, content_hash=f"h{i}", raw_sha256="raw", path=f"{i}.txt")



def _macworld() -> list[dict[str, Any]]:
    path = Path(__file__).parent / "fixtures" / "stories_macworld.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["articles"])


def _cluster(store: Store, articles: list[dict[str, Any]]) -> list[int]:
    """The story of each article as they are added in order (registry ids by entity name)."""
    clusterer, ids, stories = StoryClusterer(store.stories), {}, []
    with store.transaction():
        for i, a in enumerate(articles):
            title = a["text"].split(" . ")[0][:80]
            day = DateValue.parse(a["published"])
            entities = [(ids.setdefault(name, len(ids) + 1), name, n) for name, n in a["entities"]]
            article = store.insert_article(_article(title, a["text"], i))
            stories.append(clusterer.assign(article, title, a["text"], day, entities))
    return stories


def test_coverage_of_one_matter_naming_many_people_joins(store: Store) -> None:
    """Three articles on the Macworld Expo of January 2003 share the matter's words but each
    names its own products and people: compared part by part they make one story; the
    Segway excerpt, naming Apple too, stays apart."""
    articles = _macworld()
    stories = _cluster(store, articles)
    macworld = {s for s, a in zip(stories, articles, strict=True) if a["story"] == "macworld"}
    other = {s for s, a in zip(stories, articles, strict=True) if a["story"] == "other"}
    assert len(macworld) == 1 and len(other) == 1 and macworld != other


def test_similarity_mixes_the_word_and_entity_cosines() -> None:
    p = StoryParams()
    counts = term_counts("Pixar ends Disney talks", "Pixar ends talks with Disney over its films.",
                         [(1, "Pixar", 2), (2, "Disney", 1)], p)
    vector = article_vector(counts, {}, 0, p)
    words = {t: w for t, (_, w) in vector.items() if not t.startswith("e:")}
    names = {t: w for t, (_, w) in vector.items() if t.startswith("e:")}
    norm = lambda v: sum(w * w for w in v.values()) ** 0.5  # noqa: E731
    same_words = StoryOverlap(dict(words), norm(words), norm(names), "2004-01-29", "2004-01-29")
    w, s = story_similarity(vector, same_words, norm(words), norm(names), p)
    assert abs(w - 1.0) < 1e-9 and abs(s - (1 - p.entity_share)) < 1e-9  # no name shared
    same_names = StoryOverlap(dict(names), norm(words), norm(names), "2004-01-29", "2004-01-29")
    w, s = story_similarity(vector, same_names, norm(words), norm(names), p)
    assert w == 0.0 and abs(s - p.entity_share) < 1e-9  # names alone: below min_words, never joins
    nameless = StoryOverlap(dict(words), norm(words), 0.0, None, None)  # a story naming no one
    w, s = story_similarity(vector, nameless, norm(words), norm(names), p)
    assert abs(w - 1.0) < 1e-9 and abs(s - 1.0) < 1e-9  # the word cosine alone


def test_a_wire_dateline_is_no_story_term() -> None:
    # Reuters copies shared their timestamp words ("edt", "jun", "wed") and clustered on them
    words = stems("LONDON | Wed Jun 2, 2010 4:08 am EDT - BP shares fell after the cap failed on Wednesday")
    assert not {"wed", "jun", "edt", "wednesday"} & set(words)
    assert {"share", "cap"} <= set(words) and "march" in stems("a protest march")
