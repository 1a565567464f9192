"""``storyline eval extract DIR``: main-text extraction on the ScrapingHub benchmark layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..evaluation.extract import (
    evaluate_extraction,
    extract_main_text,
    load_pages,
    trafilatura_text,
)
from .common import format_option, handle_errors, print_json
from .eval import eval_group


@eval_group.command("extract")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N pages.")
@click.option(
    "--extractor",
    type=click.Choice(["storyline", "trafilatura"]),
    default="storyline",
    show_default=True,
    help="storyline's cleaning, or trafilatura alone (the reference).",
)
@format_option()
@handle_errors
def extract_command(directory: Path, limit: int | None, extractor: str, fmt: str) -> None:
    """Score main-text extraction on DIR (ground-truth.json + html/<id>.html.gz).

    Prints precision, recall and F1 over 4-token shingles, averaged over pages as the
    ScrapingHub article-extraction benchmark does.
    """
    func = extract_main_text if extractor == "storyline" else trafilatura_text
    result: dict[str, Any] = evaluate_extraction(load_pages(directory, limit), func)
    if fmt == "json":
        print_json({k: result[k] for k in ("precision", "recall", "f1", "pages")})
        return
    click.echo(f"pages: {result['pages']}  extractor: {extractor}")
    click.echo(
        f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f} ± {result['f1_ci']:.3f}"
    )
    worst = ", ".join(f"{w['id'][:10]} {w['f1']:.2f}" for w in result["worst"])
    click.echo(f"lowest pages: {worst}")
