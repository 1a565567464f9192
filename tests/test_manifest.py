"""Manifests: per-file date and outlet given by the user."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.errors import ManifestError
from storyline.pipeline.dating import Overrides, dated
from storyline.read.manifest import find_manifest, is_manifest, load_manifest
from storyline.types import Article, DateValue, PublishedBasis

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "korea-letters"


def test_seed_manifest() -> None:
    manifest = load_manifest(SEEDS / "manifest.csv")
    assert len(manifest) == 3
    entry = manifest.lookup(SEEDS / "000_ac3c80f9f90edc96.txt")
    assert entry is not None
    assert entry.published.value == "2019-06-23" and entry.source
    assert manifest.lookup("000_ac3c80f9f90edc96.txt") == entry
    assert manifest.lookup(str(SEEDS / "000_ac3c80f9f90edc96.txt")) == entry
    assert manifest.lookup(SEEDS / "unknown.txt") is None


def test_is_manifest() -> None:
    assert is_manifest("manifest.csv") and is_manifest("x/Manifest.JSON")
    assert is_manifest("storyline-manifest.csv")
    assert not is_manifest("manifest.txt") and not is_manifest("article.csv")
    assert find_manifest(SEEDS) == SEEDS / "manifest.csv"


def test_json_manifest_with_subfolders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    path = tmp_path / "storyline-manifest.json"
    path.write_text(
        '[{"path": "sub/a.txt", "published": "2020-01-02", "source": "Wire", "title": "T",'
        ' "url": "https://x.example/a"}, {"file": "./b.txt", "date": "2020-01-03", "outlet": "Paper"}]'
    )
    manifest = load_manifest(path)
    a = manifest.lookup(tmp_path / "sub" / "a.txt")
    assert a is not None and a.title == "T" and a.url == "https://x.example/a"
    b = manifest.lookup(tmp_path / "b.txt")
    assert b is not None and b.source == "Paper" and b.published.value == "2020-01-03"


def test_mapping_json_manifest(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text('{"a.txt": {"published": "2020-01-02", "source": "Wire"}}')
    assert load_manifest(path).lookup("a.txt") is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("path,source\na.txt,X\n", "line 1: header lacks column(s) published"),
        ("path,published,source\na.txt,23/06/2019,X\n", "line 2: field 'published' is '23/06/2019'"),
        ("path,published,source\na.txt,2019-06-23,X\nb.txt,,Y\n", "line 3: field 'published' is missing"),
        ("path,published,source\na.txt,2019-06-23,X\na.txt,2019-06-24,X\n", "listed twice"),
    ],
)
def test_malformed_csv_manifest_names_line_and_field(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text(content)
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_manifest(path)


def test_malformed_json_manifest(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text('[{"path": "a.txt",\n "published": 2019}, ]')
    with pytest.raises(ManifestError, match="line 2: invalid JSON"):
        load_manifest(path)
    path.write_text('[{"path": "a.txt", "published": "2019-06-23"}]')  # no outlet: the date still counts
    entry = load_manifest(path).lookup("a.txt")
    assert entry is not None and entry.published.value == "2019-06-23" and entry.source is None
    path.write_text('[{"path": "a.txt", "source": "Wire"}]')
    with pytest.raises(ManifestError, match="item 1: field 'published'"):
        load_manifest(path)


def test_entry_gives_the_users_date_and_outlet() -> None:
    entry = load_manifest(SEEDS / "manifest.csv").lookup("003_f622a63eab150e64.txt")
    assert entry is not None
    article = Article(title="t", text="x", content_hash="h", raw_sha256="r", path="p", source="Korea Herald")
    applied = entry.apply(article)
    assert applied.source == entry.source and applied.published is None  # the date: pipeline.dating
    dated_ = dated(applied, Overrides(), entry, lambda text: (DateValue.parse("2001-01-01"), "x"))
    assert dated_.published_basis == PublishedBasis.USER and dated_.published == entry.published
