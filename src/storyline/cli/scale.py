"""``storyline annotate`` (parallel, into Parquet) and ``storyline load`` (Parquet into the store)."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import click

from ..api import Storyline, parse_date
from ..errors import ConfigError
from ..pipeline.batch import ENGINES, AnnotateJob, load_dataset, plan_parts, run_job
from ..pipeline.feed import Overrides
from ..pipeline.pool import stop_on_sigterm
from ..pipeline.report import IngestReport
from ..read.manifest import load_manifest
from ..settings import Settings
from . import main
from .common import echo, format_option, handle_errors, print_json
from .core import _print_report, _progress

_TABLE_DIRS = ("annotated", "raw", "skipped")


def _prepare_out(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} exists and is not a folder")
    ours = [out / d for d in _TABLE_DIRS if (out / d).exists()]
    if ours and not overwrite:
        raise ConfigError(f"{out} already holds an annotated dataset; use --overwrite to replace it")
    for folder in ours:
        shutil.rmtree(folder)
    out.mkdir(parents=True, exist_ok=True)


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
    steps. Exits with status 2 when any input was skipped.
    """
    _prepare_out(out, overwrite)
    overrides = Overrides(parse_date(published, "--published"), source,
                          load_manifest(manifest) if manifest else None)
    job = AnnotateJob(str(out.resolve()), settings.model, settings.batch_size,
                      settings.max_file_bytes, overrides)
    report = IngestReport()
    job, tasks = plan_parts(job, inputs, files_per_part, report)
    start = time.perf_counter()
    files = articles = words = 0
    with stop_on_sigterm(), _progress(f"annotating ({engine})") as progress:
        for summary in run_job(tasks, engine, jobs or settings.jobs, scheduler):
            files, articles, words = files + summary.files, articles + summary.articles, words + summary.words
            report.skipped.extend(summary.skipped)
            progress(summary.articles)
    seconds = time.perf_counter() - start
    result = {
        "out": str(out), "engine": engine, "parts": len(tasks), "files": files, "articles": articles,
        "words": words, "seconds": round(seconds, 2),
        "articles_per_second": round(articles / seconds, 2) if seconds else None,
        "words_per_second": round(words / seconds) if seconds else None,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
    }
    if fmt == "json":
        print_json(result)
    else:
        click.echo(f"annotated {articles} article(s), {words} words, from {files} file(s) in "
                   f"{len(tasks)} part(s) in {seconds:.1f} s ({result['articles_per_second']} articles/s, "
                   f"{result['words_per_second']} words/s); {len(report.skipped)} skipped")
        for skipped in report.skipped:
            echo(f"  skipped {skipped.path}: {skipped.reason}")
    if report.skipped:
        sys.exit(2)


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
        report = load_dataset(sl.store, dataset, settings.batch_size, progress)
    if fmt == "json":
        print_json(report.as_dict())
    else:
        _print_report(report)
