"""Parallel annotation: add --jobs, annotate (local pool and Dask) to Parquet, load."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import storyline
from conftest import EXAMPLES, MODEL, require_data
from storyline.annotate.worker import annotator_for
from storyline.cli import main
from storyline.pipeline.feed import ArticleFeed, Overrides
from storyline.pipeline.report import IngestReport
from storyline.settings import Settings
from storyline.store.parquet import PartWriter, read_annotated
from storyline.store.parquet_schema import arrow_schema
from storyline.types import AnnotatedArticle

_VOLATILE = {"added_at", "read_at", "created_at", "started_at"}  # wall-clock times of writing


def dump(db: Path) -> dict[str, list[str]]:
    """Every row of every table but the full-text indexes, timestamps left out."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        " AND name NOT LIKE 'sqlite%'")]
    result = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _VOLATILE]
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
        result[table] = [repr(r) for r in rows]
    conn.close()
    return result


def _add(paths: list[Path], db: Path, jobs: int) -> set[str]:
    """Add ``paths`` to ``db``; the paths skipped (T17 holds a few empty files)."""
    settings = Settings.load(db=str(db), model=MODEL, jobs=jobs)
    with storyline.open(settings=settings) as sl:
        report = sl.add(paths)
    assert report.added
    return {s.path for s in report.skipped}


# T17 articles in the engine comparisons: enough for several parts of FILES_PER_PART and every
# source folder; each engine annotates them all, so this number sets the module's time
T17_ARTICLES = 40
FILES_PER_PART = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample articles (with their manifest), T17_ARTICLES T17 articles spread over every
    source, and an empty file (an input every engine must skip alike)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES, root / "examples")
    t17 = require_data("t17", "sources")
    files = sorted(t17.glob("*/InputDocs/*/*.txt"))
    step = max(1, len(files) // T17_ARTICLES)
    for file in files[::step][:T17_ARTICLES]:
        target = root / "t17" / file.relative_to(t17)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(file, target)
    (root / "t17" / "empty.txt").write_bytes(b"")
    return [root / "examples", root / "t17"]


@pytest.fixture(scope="module")
def added(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    db = tmp_path_factory.mktemp("add") / "add.db"
    return db, _add(corpus, db, jobs=1)


def test_annotated_articles_round_trip_through_parquet(tmp_path: Path) -> None:
    annotator = annotator_for(MODEL, 32)
    feed = ArticleFeed(annotator.nlp.make_doc, 10_000_000)
    pairs = list(feed.articles([str(EXAMPLES)], Overrides(), [], IngestReport()))
    annotated = list(annotator.annotate([a for _, a in pairs]))
    writer = PartWriter(tmp_path, 3)
    writer.write("annotated", annotated)
    writer.close()
    assert list(read_annotated(tmp_path, 3)) == annotated
    assert pq.read_schema(tmp_path / "annotated" / "part-00003.parquet") == arrow_schema(AnnotatedArticle)
    assert pq.read_table(tmp_path / "raw" / "part-00003.parquet").num_rows == 0  # written, empty


def test_add_with_two_jobs_stores_what_one_job_stores(tmp_path: Path, sample_db_file: Path) -> None:
    assert not _add([EXAMPLES], tmp_path / "two.db", jobs=2)
    assert dump(tmp_path / "two.db") == dump(sample_db_file)  # the session's store: one job


def _annotate_and_load(
    corpus: list[Path], tmp_path: Path, *options: str
) -> tuple[dict[str, Any], set[str]]:
    """The stored rows after annotate + load, and the paths annotate skipped."""
    out, db = tmp_path / "news.parquet", tmp_path / "load.db"
    runner = CliRunner()
    args = ["--model", MODEL, "annotate", *map(str, corpus), "--out", str(out), "--jobs", "2",
            "--files-per-part", str(FILES_PER_PART), "--format", "json", *options]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code in (0, 3), result.output
    skipped = {s["path"] for s in json.loads(result.stdout)["skipped"]}
    result = runner.invoke(main, ["--db", str(db), "load", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return dump(db), skipped


def test_dask_local_cluster_stores_what_add_stores(
    corpus: list[Path], added: tuple[Path, set[str]], tmp_path: Path
) -> None:
    loaded, skipped = _annotate_and_load(corpus, tmp_path, "--engine", "dask")
    expected = dump(added[0])
    assert len(expected["articles"]) >= T17_ARTICLES
    assert loaded == expected
    assert skipped == added[1] and any(p.endswith("empty.txt") for p in skipped)


def test_local_pool_stores_what_add_stores_and_loading_twice_adds_nothing(
    corpus: list[Path], added: tuple[Path, set[str]], tmp_path: Path
) -> None:
    assert _annotate_and_load(corpus, tmp_path, "--engine", "local") == (dump(added[0]), added[1])
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "load.db"), "load",
                                       str(tmp_path / "news.parquet"), "--format", "json"])
    assert '"added": 0' in result.output


def test_annotate_reports_bad_input_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Envoy back\n\nKim met Moon in Seoul on Sunday.\n")
    out = tmp_path / "x.parquet"
    args = ["--model", MODEL, "annotate", str(tmp_path / "in"), "--out", str(out),
            "--published", "2018-09-07", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 3
    assert '"articles": 1' in result.output and "empty file" in result.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 1 and "--overwrite" in again.output
