"""Quote kinds and cue classes through the store and ``storyline quotes --kind/--cue-class``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_sample
from storyline.cli import main
from storyline.store.database import migrations


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> str:
    """The sample articles as ``storyline add`` stores them (the session's copy)."""
    return str(copy_sample(sample_db_file, tmp_path_factory.mktemp("quotes"), "quotes.db"))


def _quotes(db: str, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["--db", db, "quotes", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.output)
    return rows


def test_migration_adds_cue_class() -> None:
    names = [name for _, name, _ in migrations()]
    assert "0004_quote_kinds.sql" in names


def test_filters_by_kind_and_cue_class(db: str) -> None:
    everything = _quotes(db)
    assert {"kind", "cue_class"} <= set(everything[0])
    assert {q["kind"] for q in everything} >= {"direct", "indirect"}
    direct_speech = _quotes(db, "--kind", "direct", "--cue-class", "speech")
    assert direct_speech and len(direct_speech) < len(everything)
    assert all(q["kind"] == "direct" and q["cue_class"] == "speech" for q in direct_speech)
    nominal = _quotes(db, "--cue-class", "nominal")
    assert all(q["cue_class"] == "nominal" for q in nominal)


def test_unknown_kind_is_refused(db: str) -> None:
    result = CliRunner().invoke(main, ["--db", db, "quotes", "--kind", "verbatim"])
    assert result.exit_code != 0 and "verbatim" in result.output
