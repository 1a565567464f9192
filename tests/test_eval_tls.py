"""storyline eval tls on a tiny T17-shaped folder; the T17 reader on the real data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import quality_floor, require_data
from storyline.cli import main
from storyline.evaluation.t17 import load_topic, ptb_detokenise, read_reference, topic_names
from test_eval_entities import write_topic

DOCS = {
    "2009-06-26": [
        "Michael Jackson died on Thursday in Los Angeles after a cardiac arrest , his family said .",
        "Fans gathered outside the hospital where the singer -LRB- 50 -RRB- was taken .",
        "The `` King of Pop '' had been preparing for a series of concerts in London .",
    ],
    "2009-07-07": [
        "A public memorial for Michael Jackson was held on July 7 at the Staples Center in Los Angeles .",
        "Jackson 's daughter Paris spoke to the crowd at the memorial , which millions watched .",
        "Jackson died on June 25 , 12 days before the memorial , at the age of 50 .",
    ],
}
TIMELINE = """2009-06-25
Michael Jackson dies in Los Angeles after a cardiac arrest .
--------------------------------
2009-07-07
A memorial service for Jackson is held at the Staples Center .
--------------------------------
"""


@pytest.fixture()
def t17(tmp_path: Path) -> Path:
    root = tmp_path / "t17"
    source = root / "sources" / "MJ_wire"
    for day, lines in DOCS.items():
        folder = source / "InputDocs" / day
        folder.mkdir(parents=True)
        (folder / "1.htm.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (source / "timelines").mkdir()
    (source / "timelines" / "wire.txt").write_text(TIMELINE, encoding="utf-8")
    (root / "topics" / "mj").mkdir(parents=True)
    (root / "topics" / "mj" / "keywords.json").write_text('["jackson"]', encoding="utf-8")
    return root


def test_ptb_detokenise() -> None:
    text = "The `` King of Pop '' -LRB- 50 -RRB- did n't stop , Jackson 's fans said ."
    assert ptb_detokenise(text) == "The \" King of Pop \" (50) didn't stop, Jackson's fans said."


def test_read_reference(t17: Path) -> None:
    ref = read_reference(t17 / "sources" / "MJ_wire" / "timelines" / "wire.txt")
    assert [d for d, _ in ref.entries] == [date(2009, 6, 25), date(2009, 7, 7)]
    assert ref.start == date(2009, 6, 25) and ref.end == date(2009, 7, 7)


def test_eval_tls_json_and_cache_reuse(t17: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["eval", "tls", str(t17), "--topics", "mj", "--cache", str(cache), "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)["datasets"]["t17"]
    [timeline] = out["timelines"]
    assert timeline["dataset"] == "t17"
    assert timeline["topic"] == "mj" and timeline["timeline"] == "MJ_wire/wire.txt"
    assert timeline["dates"] == 2 and timeline["k"] == 1
    assert timeline["date_f1"] == pytest.approx(1.0)  # both days are mentioned in articles of the span
    assert timeline["ar1"]["f1"] >= quality_floor("t17_mj_wire_ar1_f1")
    assert set(out["average"]) == {"ar1", "ar2", "date_f1"}
    assert set(out["average"]["ar1"]) == {"p", "r", "f1"}
    assert out["seconds_per_topic"] > 0  # measured, not left at zero
    assert (cache / "mj" / "annotated").exists()
    again = CliRunner().invoke(main, args[:-2])  # text table, annotation reused
    assert again.exit_code == 0, again.output
    assert "average over 1 timelines (T17)" in again.stdout
    assert "0.544" in again.stdout  # DATEWISE beside it


def test_eval_tls_t17_and_entities_in_one_table(t17: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    t17.rename(data / "t17")
    write_topic(data / "entities")
    cache = tmp_path / "cache"
    args = ["eval", "tls", str(data), "--cache", str(cache), "--limit-articles", "2"]
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out["datasets"]) == {"t17", "entities"} and out["limit_articles"] == 2
    [mj] = out["datasets"]["entities"]["timelines"]
    assert mj["dataset"] == "entities" and mj["ar1"] is None and mj["dates"] == 2
    assert mj["date_f1"] == pytest.approx(1.0)  # June 25 and July 7 are both named in the two articles
    assert out["datasets"]["entities"]["articles_by_topic"] == {"Michael_Jackson": 2}
    assert (cache / "entities" / "Michael_Jackson-2" / "annotated").exists()
    table = CliRunner().invoke(main, args)
    assert table.exit_code == 0, table.output
    assert "Entities" in table.stdout and "T17" in table.stdout and "0.205" in table.stdout
    assert "only Date F1" in table.stdout and "2 evenly spaced articles" in table.stdout


def test_eval_tls_unknown_topic_and_folder(t17: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "tls", str(t17), "--topics", "nope", "--cache", str(tmp_path)])
    assert result.exit_code != 0 and "unknown topic" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["eval", "tls", str(empty), "--cache", str(tmp_path)])
    assert result.exit_code != 0 and "neither T17" in result.output


def test_real_t17_references() -> None:
    root = require_data("t17")
    topics = [load_topic(root, name) for name in topic_names(root)]
    assert len(topics) == 9
    assert sum(len(t.references) for t in topics) == 19
    assert all(t.keywords for t in topics)
