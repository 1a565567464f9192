"""The Entities data set reader: topics, keywords, reference dates, even article choice."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.evaluation.entities import (
    entity_topic_names,
    evenly,
    is_entities_root,
    load_entity_topic,
    prepare_entity_topic,
)

ARTICLES = [
    ("2009-06-20", "Michael Jackson rehearsed for his London concerts at the Staples Center .\n"
                   "His doctor was with him , a spokesman for the singer said ."),
    ("2009-06-26", "Michael Jackson died on Thursday in Los Angeles after a cardiac arrest ,"
                   " his family said .\n"
                   "Fans gathered outside the hospital where the singer -LRB- 50 -RRB- was taken .\n"
                   "The `` King of Pop '' had been preparing for a series of concerts in London ."),
    ("2009-07-07", "A public memorial for Michael Jackson was held on July 7 at the Staples Center"
                   " in Los Angeles .\n"
                   "Jackson 's daughter Paris spoke to the crowd at the memorial , which millions watched .\n"
                   "Jackson died on June 25 , 12 days before the memorial , at the age of 50 ."),
    ("2010-01-01", "A year after his death , fans of Michael Jackson remember the singer in Los Angeles ."),
]
REFERENCE = ("\"['2009-06-25 00:00:00', '2009-07-07 00:00:00']\","
             "\"Dies in Los Angeles after a cardiac arrest.A memorial is held at the Staples Center.\"\n")


def write_topic(root: Path, name: str = "Michael_Jackson") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    with (folder / "outputwithpub.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(ARTICLES)
    (folder / "outputTimelines.csv").write_text("time,timeline\n" + REFERENCE, encoding="utf-8")
    return folder


def test_topic_from_folder(tmp_path: Path) -> None:
    write_topic(tmp_path)
    assert entity_topic_names(tmp_path) == ["Michael_Jackson"] and is_entities_root(tmp_path)
    topic = load_entity_topic(tmp_path, "Michael_Jackson")
    assert topic.keywords == ("Michael", "Jackson")
    assert topic.dates == (date(2009, 6, 25), date(2009, 7, 7))
    assert topic.reference_sentences == 2 and topic.k == 1
    # only the articles published within the reference's span, detokenised
    articles = topic.articles()
    assert [d for d, _ in articles] == [date(2009, 6, 26), date(2009, 7, 7)]
    assert articles[0][1].startswith(
        "Michael Jackson died on Thursday in Los Angeles after a cardiac arrest, his family said. Fans")


def test_evenly_keeps_first_and_last() -> None:
    rows = [(date(2000, 1, 1 + i), str(i)) for i in range(10)]
    assert [t for _, t in evenly(rows, 4)] == ["0", "3", "6", "9"]
    assert evenly(rows, None) == rows and evenly(rows, 50) == rows
    assert evenly(rows, 1) == rows[:1]
    with pytest.raises(InputError):
        evenly(rows, 0)


def test_prepare_writes_manifest_once(tmp_path: Path) -> None:
    write_topic(tmp_path / "data")
    topic = load_entity_topic(tmp_path / "data", "Michael_Jackson")
    manifest = prepare_entity_topic(topic, tmp_path / "work", limit=1)
    assert manifest.exists() and len(list(manifest.parent.glob("*/*.txt"))) == 1
    assert prepare_entity_topic(topic, tmp_path / "work", limit=1) == manifest


def test_missing_topic_says_what_is_there(tmp_path: Path) -> None:
    write_topic(tmp_path)
    with pytest.raises(InputError, match="Michael_Jackson"):
        load_entity_topic(tmp_path, "Ted_Cruz")


def test_bad_reference_is_an_input_error(tmp_path: Path) -> None:
    folder = write_topic(tmp_path)
    (folder / "outputTimelines.csv").write_text("time,timeline\n\"not a list\",x\n", encoding="utf-8")
    with pytest.raises(InputError, match="Python list"):
        load_entity_topic(tmp_path, "Michael_Jackson")


def test_real_entities_topics() -> None:
    data = Path(os.environ.get("STORYLINE_DATA_DIR", Path(__file__).parents[1] / ".." / "shared" / "data"))
    root = data / "entities"
    if not root.is_dir():
        pytest.skip(f"Entities not found under {data}; set STORYLINE_DATA_DIR")
    assert entity_topic_names(root) == ["Steve_Jobs", "Ted_Cruz"]
    cruz = load_entity_topic(root, "Ted_Cruz")
    assert cruz.keywords == ("Ted", "Cruz") and len(cruz.dates) == 11
    assert cruz.start == date(2012, 5, 29) and cruz.end == date(2016, 9, 23)
    jobs = load_entity_topic(root, "Steve_Jobs")
    assert len(jobs.dates) == 15 and jobs.k == 1
    assert len(cruz.articles(50)) == 50
