"""The command line, run in-process with click's runner on the sample articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_sample
from storyline.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> str:
    return str(copy_sample(sample_db_file, tmp_path_factory.mktemp("cli")))


def test_add_again_reports_json(db: str, examples_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--db", db, "add", str(examples_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["added"], report["already_present"]) == (0, 3)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_listings_have_json(db: str) -> None:
    articles = json.loads(_run("--db", db, "articles", "--format", "json"))
    assert {"id", "title", "source", "published", "published_basis", "path"} <= set(articles[0])
    entities = json.loads(_run("--db", db, "entities", "--format", "json"))
    assert {"name", "type", "aliases", "mentions", "articles"} <= set(entities[0])
    quotes = json.loads(_run("--db", db, "quotes", "--format", "json"))
    assert {"speaker", "text", "article", "date", "cue"} <= set(quotes[0])
    hits = json.loads(_run("--db", db, "search", "Hanoi", "--format", "json"))
    assert hits and "Hanoi" in hits[0]["sentence"]


def test_quote_table_dates_every_quote(db: str) -> None:
    rows = json.loads(_run("--db", db, "quotes", "--format", "json"))
    undated = next(r for r in rows if r["date"] is None)  # a quote tied to no dated event
    table = _run("--db", db, "quotes", "--limit", "500")
    assert undated["published"] in table


def test_timeline_formats(db: str) -> None:
    args = ("timeline", "--format", "json", "--since", "2019-01", "--until", "2019-12")
    data = json.loads(_run("--db", db, *args))
    dates = [e["date"] for e in data["events"]]
    assert dates and all(d.startswith("2019") for d in dates)
    first = data["events"][0]
    assert {"date", "granularity", "summary", "actors", "sources"} <= set(first)
    assert {"article", "title", "sentence"} <= set(first["sources"][0])
    assert _run("--db", db, "timeline", "--format", "md", "--limit", "2").startswith("# Timeline")
    assert _run("--db", db, "timeline", "--format", "csv").startswith("date,granularity")
    tl = json.loads(_run("--db", db, "timeline", "--format", "timelinejs", "--entity", "Kim Jong Un"))
    assert tl["events"] and "start_date" in tl["events"][0]


def test_errors_are_one_line_and_nonzero(db: str) -> None:
    runner = CliRunner()
    bad_date = runner.invoke(main, ["--db", db, "timeline", "--since", "June"])
    assert bad_date.exit_code == 1 and "must be a date" in bad_date.output
    unknown = runner.invoke(main, ["--db", db, "timeline", "--entity", "Nobody Atall"])
    assert unknown.exit_code == 1 and "storyline entities" in unknown.output


def test_add_reports_skipped_inputs(tmp_path: Path) -> None:
    folder = tmp_path  # the database inside the folder added is left out, not skipped
    (folder / "empty.txt").write_bytes(b"")
    (folder / "ok.txt").write_text("A title\n\nKim Jong-un met Donald Trump in Hanoi in February 2019.\n")
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "s.db"), "add", str(folder), "--published", "2019-06-01",
               "--source", "Test Wire", "--format", "json"]
    )
    assert result.exit_code == 3
    report = json.loads(result.output)
    assert report["added"] == 1
    assert [Path(s["path"]).name for s in report["skipped"]] == ["empty.txt"]


def test_cli_starts_without_heavy_libraries() -> None:
    """--help, --version and the listing commands must start at once: spaCy, trafilatura,
    Dask, FastAPI and pyarrow load only in the commands that need them."""
    heavy = ["spacy", "trafilatura", "dask", "distributed", "fastapi", "pyarrow", "datasketch", "scipy"]
    code = (
        "import sys, storyline, storyline.cli\n"
        f"loaded = [m for m in {heavy!r} if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
