"""Main-text extraction quality on the ScrapingHub article-extraction benchmark layout.

The data folder holds ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``)
and ``html/<id>.html.gz``. Scoring follows the benchmark's description: texts are cut
into ``\\w+`` tokens, then into 4-token shingles counted with multiplicity; per page,
true positives, false positives and false negatives are normalised to sum to one (so
long pages do not weigh more); precision and recall are the means over pages of the
per-page scores, and F1 is their harmonic mean. A bootstrap over pages gives the 95%
interval of F1.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, stdev

from ..errors import EvaluationError, StorylineError

__all__ = [
    "Page",
    "evaluate_extraction",
    "extract_main_text",
    "load_pages",
    "page_counts",
    "scores",
    "trafilatura_text",
]

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: bytes
    truth: str
    url: str | None = None


def load_pages(directory: Path, limit: int | None = None) -> Iterator[Page]:
    """Pages of the benchmark in ``directory``; EvaluationError when the layout is wrong."""
    truth_path = directory / "ground-truth.json"
    if not truth_path.is_file():
        raise EvaluationError(
            f"{truth_path} not found: DIR must hold ground-truth.json and html/<id>.html.gz"
        )
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read {truth_path}: {exc}") from None
    for number, (key, item) in enumerate(sorted(truth.items())):
        if limit is not None and number >= limit:
            return
        html_path = directory / "html" / f"{key}.html.gz"
        try:
            html = gzip.decompress(html_path.read_bytes())
        except (OSError, EOFError) as exc:
            raise EvaluationError(f"cannot read {html_path}: {exc}") from None
        yield Page(key, html, str(item.get("articleBody") or ""), item.get("url"))


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of shingles for one page."""
    gold, pred = _shingles(truth), _shingles(predicted)
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall (means over pages) and F1 (their harmonic mean)."""
    p = mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def extract_main_text(html: bytes, url: str | None = None) -> str:
    """The main story's text as storyline cleans the page ('' when nothing is found)."""
    from ..clean import clean
    from ..read.records import make_record

    record = make_record(url or "page.html", html, "html", {"url": url} if url else {})
    try:
        articles = clean(record)
    except StorylineError:
        return ""
    return articles[0].text if articles else ""


def trafilatura_text(html: bytes, url: str | None = None) -> str:
    """trafilatura alone (the reference), with the same settings storyline uses."""
    from ..clean.html import extract_html

    try:
        return extract_html(html, url).text
    except StorylineError:
        return ""


def evaluate_extraction(
    pages: Iterator[Page],
    extractor: Callable[[bytes, str | None], str] = extract_main_text,
    bootstrap: int = 200,
    progress: Callable[[int], None] | None = None,
) -> dict[str, object]:
    """Scores of ``extractor`` over ``pages``: precision, recall, f1, f1_ci, pages, worst."""
    counts: list[tuple[float, float, float]] = []
    worst: list[tuple[float, str]] = []
    for page in pages:
        c = page_counts(page.truth, extractor(page.html, page.url))
        counts.append(c)
        worst.append((scores([c])["f1"], page.id))
        if progress:
            progress(len(counts))
    if not counts:
        raise EvaluationError("no pages to evaluate")
    result: dict[str, object] = {k: round(v, 4) for k, v in scores(counts).items()}
    rng = random.Random(0)
    samples = [
        scores([counts[rng.randrange(len(counts))] for _ in counts])["f1"] for _ in range(bootstrap)
    ]
    result["f1_ci"] = round(1.96 * stdev(samples), 4) if len(samples) > 1 else 0.0
    result["pages"] = len(counts)
    result["worst"] = [{"id": key, "f1": round(f, 3)} for f, key in sorted(worst)[:5]]
    return result
