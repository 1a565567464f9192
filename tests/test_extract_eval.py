"""eval extract: the ScrapingHub benchmark's shingle scoring, and the command."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import quality_floor, require_data
from storyline.cli import main
from storyline.evaluation.extract import evaluate_extraction, load_pages, page_counts, scores

PAGE = (Path(__file__).parent / "fixtures" / "input" / "page.html").read_bytes()
TRUTH = (
    "The special envoy said on Sunday that negotiations between the two governments would "
    "resume in Geneva next month, after a pause of nearly a year that both sides blamed on the other."
)


def test_page_counts_are_normalised_shingle_matches() -> None:
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")  # 2 true shingles, 1 shared
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert page_counts("", "") == (0.0, 0.0, 0.0)
    result = scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert result["precision"] == pytest.approx(0.75) and result["recall"] == pytest.approx(1.0)


def _benchmark(tmp_path: Path) -> Path:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": TRUTH}}))
    return tmp_path


def test_evaluate_with_a_given_extractor(tmp_path: Path) -> None:
    pages = load_pages(_benchmark(tmp_path))
    result = evaluate_extraction(pages, lambda html, url: TRUTH, bootstrap=0)
    assert result["f1"] == 1.0 and result["pages"] == 1


def test_eval_extract_command_json(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["eval", "extract", str(_benchmark(tmp_path)), "--format", "json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert set(result) == {"precision", "recall", "f1", "pages"}
    assert result["recall"] == 1.0 and result["pages"] == 1


def test_missing_layout_is_an_error(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["eval", "extract", str(tmp_path)])
    assert out.exit_code == 1 and "ground-truth.json" in out.output


def test_real_benchmark_floor() -> None:
    """On the real benchmark pages (if present), the first 15 pages stay above a floor."""
    directory = require_data("article-extraction", "ground-truth.json").parent
    result = evaluate_extraction(load_pages(directory, limit=15), bootstrap=0)
    assert float(result["f1"]) >= quality_floor("extract_first15_f1")  # type: ignore[arg-type]
