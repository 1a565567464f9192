"""cli.edit: `storyline edit ...`, `storyline edits [undo N]`, `storyline gc`, and the add /
timeline options that go with them (manifest warnings, --update, --new-since, --format html)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import copy_sample
from storyline.cli import main

FILE_A = "000_ac3c80f9f90edc96.txt"  # New York Times, 2019-06-23
FILE_B = "002_32582272d8d10dff.txt"  # The Straits Times, 2018-09-07


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Path:
    return copy_sample(sample_db_file, tmp_path_factory.mktemp("cli-edit"), "base.db")


@pytest.fixture()
def db(built: Path, tmp_path: Path) -> Path:
    shutil.copy(built, tmp_path / "t.db")
    return tmp_path / "t.db"


def _articles(db: Path) -> dict[str, dict[str, str]]:
    """Stored articles by file name."""
    listing = json.loads(_run(db, "articles", "--format", "json").output)
    return {r["path"].rsplit("/", 1)[-1]: r for r in listing}


def _timeline(db: Path, *args: str) -> list[dict[str, object]]:
    """Every event (--all), edits applied."""
    result = _run(db, "timeline", "--format", "json", "--all", *args)
    assert result.exit_code == 0, result.output
    events: list[dict[str, object]] = json.loads(result.output)["events"]
    return events


def test_edit_event_then_undo(db: Path) -> None:
    before = _run(db, "timeline", "--format", "json").output
    first = _timeline(db)[0]
    result = _run(db, "edit", "event", str(first["id"]), "--date", "2030-06", "--headline", "Hand-made",
                  "--note", "checked with the wire")
    assert result.exit_code == 0 and "edit 1: event.date" in result.output and "edit 2" in result.output
    moved = [e for e in _timeline(db) if e["id"] == first["id"]][0]
    assert moved["date"] == "2030-06" and moved["headline"] == "Hand-made" and "edited" in moved["marks"]
    listing = json.loads(_run(db, "edits", "--format", "json").output)
    assert [(r["id"], r["kind"], r["status"]) for r in listing] == [(1, "event.date", "active"),
                                                                    (2, "event.headline", "active")]
    assert listing[0]["note"] == "checked with the wire"
    assert "undid edit 2" in _run(db, "edits", "undo", "2").output
    assert "undid edit 1" in _run(db, "edits", "undo", "1").output
    assert _run(db, "timeline", "--format", "json").output == before
    again = _run(db, "edits", "undo", "1")
    assert again.exit_code == 1 and "already undone" in again.output


def test_edit_event_hide_pin_merge(db: Path) -> None:
    events = _timeline(db)
    a, b, c = (int(str(e["id"])) for e in events[:3])
    assert _run(db, "edit", "event", str(a), "--hide").exit_code == 0
    assert _run(db, "edit", "event", str(b), "--merge", str(c)).exit_code == 0
    assert _run(db, "edit", "event", str(b), "--pin").exit_code == 0
    ids = [e["id"] for e in _timeline(db)]
    assert a not in ids and c not in ids and b in ids
    assert b in [e["id"] for e in _timeline(db, "--limit", "1")]


def test_edit_errors_say_what_to_do(db: Path) -> None:
    nothing = _run(db, "edit", "event", "1")
    assert nothing.exit_code == 1 and "say what to change" in nothing.output
    missing = _run(db, "edit", "event", "999999", "--hide")
    assert missing.exit_code == 1 and "storyline timeline" in missing.output
    bad = _run(db, "edit", "event", "1", "--date", "next week")
    assert bad.exit_code == 1 and "2019-06-23" in bad.output
    unknown = _run(db, "edit", "entity", "Nobody At All", "--rename", "X")
    assert unknown.exit_code == 1 and "storyline entities" in unknown.output


def test_edit_entity_and_article(db: Path) -> None:
    assert _run(db, "edit", "entity", "Kim Jong-un", "--rename", "Kim Jong Un").exit_code == 0
    names = [r["name"] for r in json.loads(_run(db, "entities", "--format", "json").output)]
    assert "Kim Jong Un" in names and "Kim Jong-un" not in names
    assert _timeline(db, "--entity", "Kim Jong Un")
    result = _run(db, "edit", "article", "1", "--published", "2019-06-24", "--source", "NYT",
                  "--title", "Fixed", "--url", "https://www.nytimes.com/x")
    assert result.exit_code == 0, result.output
    row = next(r for r in json.loads(_run(db, "articles", "--format", "json").output) if r["id"] == 1)
    assert (row["published"], row["source"], row["title"]) == ("2019-06-24", "NYT", "Fixed")
    assert _run(db, "edit", "article", "1", "--remove").exit_code == 0
    assert 1 not in [r["id"] for r in json.loads(_run(db, "articles", "--format", "json").output)]
    assert "deleted 1 removed article(s)" in _run(db, "gc").output


def test_edits_text_listing_escapes_markup(db: Path) -> None:
    _run(db, "edit", "event", "1", "--headline", "[bold red]not markup[/]")
    assert "[bold red]" in _run(db, "edits").output


def test_timeline_html_export_is_self_contained(db: Path) -> None:
    _run(db, "edit", "event", "1", "--headline", '<script>alert("x")</script> & co')
    page = _run(db, "timeline", "--format", "html").output
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http" not in page.split("<body>")[0]  # no external resources


def test_manifest_warnings_source_optional_and_update(tmp_path: Path, examples_dir: Path) -> None:
    """The case of the issue: a manifest lacking the `source` column, a row naming a missing
    file, a file not listed; then the date of an article stored as inferred is fixed by --update."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(examples_dir / FILE_A, folder / FILE_A)
    shutil.copy(examples_dir / FILE_B, folder / FILE_B)
    (folder / "manifest.csv").write_text(f"path,published\n{FILE_A},2019-06-23\nmissing.txt,2019-01-01\n")
    db = tmp_path / "m.db"
    result = _run(db, "add", str(folder))
    assert result.exit_code == 3  # the row naming no file is a skipped input
    assert "missing.txt: listed in the manifest, but no such file was read" in result.output
    assert f"{FILE_B} is not listed in the manifest" in result.output
    rows = _articles(db)
    assert (rows[FILE_A]["published"], rows[FILE_A]["published_basis"]) == ("2019-06-23", "user")
    assert rows[FILE_B]["published_basis"] == "inferred"
    again = _run(db, "add", str(folder / FILE_B), "--published", "2018-09-07")
    assert "already present" in again.output  # without --update nothing is read again
    time.sleep(1.1)
    fixed = _run(db, "add", str(folder / FILE_B), "--published", "2018-09-07", "--update")
    assert fixed.exit_code == 0 and "read again" in fixed.output and "grew by 0 new event(s)" in fixed.output
    rows = _articles(db)
    assert (rows[FILE_B]["published"], rows[FILE_B]["published_basis"]) == ("2018-09-07", "user")
    unchanged = _run(db, "add", str(folder / FILE_B), "--published", "2018-09-07", "--update")
    assert "read again" not in unchanged.output and "already present" in unchanged.output


def test_new_since_last_and_growth_line(tmp_path: Path, examples_dir: Path) -> None:
    db = tmp_path / "n.db"
    first = _run(db, "add", str(examples_dir / FILE_A), "--published", "2019-06-23")
    assert "the timeline grew by" in first.output
    old = {e["id"] for e in _timeline(db)}
    time.sleep(1.1)
    second = _run(db, "add", str(examples_dir / FILE_B), "--published", "2018-09-07", "--format", "json")
    report = json.loads(second.output)
    fresh = _timeline(db, "--new-since", "last")
    assert fresh and {e["id"] for e in fresh if "new" in e["marks"]}.isdisjoint(old)
    assert sum("new" in e["marks"] for e in fresh) == report["new_events"] > 0
    assert "[new]" in _run(db, "timeline", "--new-since", "last").output
    assert _timeline(db, "--new-since", "2999-01-01") == []
    bad = _run(db, "timeline", "--new-since", "yesterday")
    assert bad.exit_code == 1 and "--new-since" in bad.output


def test_add_names_the_stories_that_grew(tmp_path: Path, examples_dir: Path) -> None:
    db = tmp_path / "g.db"
    result = _run(db, "add", str(examples_dir / FILE_A), "--published", "2019-06-23", "--format", "json")
    grown = json.loads(result.output)["grown_stories"]
    assert grown and grown[0]["new_events"] >= 1 and grown[0]["label"]
    text = _run(db, "add", str(examples_dir / FILE_B), "--published", "2018-09-07")
    assert "stories that grew: [" in text.output
