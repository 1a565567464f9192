"""``storyline annotate`` (parallel, into Parquet) and ``storyline load`` (Parquet into the store)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..api import Storyline
from ..pipeline.pool import stop_on_sigterm
from ..settings import ENGINES, Settings
from . import main
from .common import EXIT_SKIPPED, echo, format_option, handle_errors, print_json
from .core import _print_report, _progress


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder of the Parquet dataset to write (e.g. news.parquet).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: a process pool here; dask: a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786); default: a LocalCluster of --jobs workers.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes (local) or LocalCluster workers (dask) [default: setting jobs].")
@click.option("--files-per-part", type=click.IntRange(min=1), default=50, show_default=True,
              help="Input files per task and Parquet part.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of the files given.")
@click.option("--source", metavar="NAME", help="Outlet of the files given.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV or JSON file giving path, published, source per file.")
@click.option("--overwrite", is_flag=True, help="Replace a dataset already in --out.")
@format_option()
@click.pass_obj
@handle_errors
def annotate(
    settings: Settings, inputs: tuple[str, ...], out: Path, engine: str, scheduler: str | None,
    jobs: int | None, files_per_part: int, published: str | None, source: str | None,
    manifest: Path | None, overwrite: bool, fmt: str,
) -> None:
    """Read, clean and annotate INPUTS in parallel into a partitioned Parquet dataset.

    Nothing is linked or stored here: `storyline load OUT` does the cross-document
    steps. Exits with status 3 when any input was skipped.
    """
    with stop_on_sigterm(), Storyline(settings=settings) as sl, \
            _progress(f"annotating ({engine})") as progress:
        summary = sl.annotate(inputs, out, engine=engine, jobs=jobs, scheduler=scheduler,
                              files_per_part=files_per_part, published=published, source=source,
                              manifest=manifest, overwrite=overwrite, progress=progress)
    result = summary.as_dict()
    if fmt == "json":
        print_json(result)
    else:
        echo(f"annotated {summary.articles} article(s), {summary.words} words, from "
             f"{summary.files} file(s) in {summary.parts} part(s) in {summary.seconds:.1f} s "
             f"({result['articles_per_second']} articles/s, {result['words_per_second']} words/s); "
             f"{len(summary.skipped)} skipped")
        for skipped in summary.skipped:
            echo(f"  skipped {skipped.path}: {skipped.reason}")
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_option()
@click.pass_obj
@handle_errors
def load(settings: Settings, dataset: Path, fmt: str) -> None:
    """Link and store an annotated Parquet DATASET (from `storyline annotate`).

    Entity registry, event merging and duplicate marking run here, with candidate
    blocking, so the cost grows about linearly with the number of articles. Loading
    again adds nothing twice.
    """
    with stop_on_sigterm(), Storyline(settings=settings) as sl, _progress("loading") as progress:
        report = sl.load(dataset, progress)
    if fmt == "json":
        print_json(report.as_dict())
    else:
        _print_report(report)
