"""Batch annotation for large corpora: ``storyline annotate`` writes parts of a Parquet
dataset in parallel (a local process pool or Dask), ``storyline load`` stores them.

``annotate_part`` is what every engine runs; it uses the same feed and the same annotate
function as ``storyline add``, and the worker's spaCy pipeline is loaded once per
process, not once per part.

Engines: ``local`` runs the parts in ``jobs`` processes on this machine (in this process
when ``jobs`` is 1). ``dask`` submits them to a ``dask.distributed`` cluster: the one at
``scheduler`` when given (workers need storyline and the spaCy model installed and the
input and output paths reachable), else a ``LocalCluster`` of ``jobs`` worker processes
with one thread each.

Loading reads parts in order, each in article batches, and writes every batch with the
same code as ``storyline add`` (``ingest.store_batch``). One transaction per batch, so a
killed load leaves whole articles only and running it again finishes the job.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from ..annotate.worker import annotate_safely, annotator_for
from ..errors import ConfigError
from ..link.article import ArticleLinker
from ..read import list_inputs
from ..read.manifest import Manifest
from ..settings import ENGINES
from ..store import Store
from ..store.parquet import PartWriter, part_numbers, read_annotated, read_raws, read_skipped
from ..types import AnnotatedArticle, Skipped
from .feed import ArticleFeed, Overrides, find_manifests
from .ingest import store_batch
from .pool import unordered_map
from .report import IngestReport

T = TypeVar("T")

__all__ = [
    "ENGINES",
    "AnnotateJob",
    "AnnotateSummary",
    "PartSummary",
    "PartTask",
    "annotate_dataset",
    "annotate_part",
    "load_dataset",
    "plan_parts",
    "prepare_out",
    "run_job",
]


@dataclass(frozen=True, slots=True)
class AnnotateJob:
    """What ``storyline annotate`` was asked to do (everything a worker needs, picklable)."""

    out: str
    model: str
    batch_size: int = 32
    max_file_bytes: int = 50_000_000
    overrides: Overrides = field(default_factory=Overrides)
    manifests: tuple[Manifest, ...] = ()


@dataclass(frozen=True, slots=True)
class PartTask:
    job: AnnotateJob
    number: int
    paths: tuple[str, ...]
    size: int = 0  # input bytes, so engines can start the biggest parts first


@dataclass(frozen=True, slots=True)
class PartSummary:
    number: int
    files: int
    articles: int
    words: int
    skipped: tuple[Skipped, ...]


def plan_parts(
    job: AnnotateJob, inputs: Iterable[str], files_per_part: int, report: IngestReport
) -> tuple[AnnotateJob, list[PartTask]]:
    """Split the inputs into parts of ``files_per_part`` files, in the order ``add``
    reads them; manifests in the folders given are found here, once."""
    given = list(inputs)
    manifests = tuple(find_manifests(given, job.overrides.manifest, report))
    job = AnnotateJob(job.out, job.model, job.batch_size, job.max_file_bytes,
                      Overrides(job.overrides.published, job.overrides.source), manifests)
    files: list[str] = []
    for item in list_inputs(given):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            files.append(item)
    chunks = [tuple(files[i : i + files_per_part]) for i in range(0, len(files), files_per_part)]
    return job, [PartTask(job, n, chunk, sum(map(_size, chunk))) for n, chunk in enumerate(chunks)]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # gone or unreadable: the worker reports it
        return 0


def annotate_part(task: PartTask) -> PartSummary:
    """Annotate one part and write it; runs in a worker process."""
    job = task.job
    annotator = annotator_for(job.model, job.batch_size)
    feed = ArticleFeed(annotator.nlp.make_doc, job.max_file_bytes)
    report = IngestReport()
    writer = PartWriter(job.out, task.number)
    articles = words = 0
    pairs = feed.articles(task.paths, job.overrides, list(job.manifests), report)
    for batch in _chunks(pairs, job.batch_size):
        raws = {record.sha256: record for record, _ in batch}
        results = annotate_safely(annotator, [article for _, article in batch])
        annotated = [r for r in results if isinstance(r, AnnotatedArticle)]
        report.skipped.extend(r for r in results if isinstance(r, Skipped))
        writer.write("raw", raws.values())
        writer.write("annotated", annotated)
        articles += len(annotated)
        words += sum(len(a.article.text.split()) for a in annotated)
    writer.write("skipped", report.skipped)
    writer.close()
    return PartSummary(task.number, len(task.paths), articles, words, tuple(report.skipped))


@dataclass(frozen=True, slots=True)
class AnnotateSummary:
    """What one ``storyline annotate`` run wrote."""

    out: str
    engine: str
    parts: int
    files: int
    articles: int
    words: int
    seconds: float
    skipped: tuple[Skipped, ...]

    def as_dict(self) -> dict[str, object]:
        s = self.seconds
        return {
            "out": self.out, "engine": self.engine, "parts": self.parts, "files": self.files,
            "articles": self.articles, "words": self.words, "seconds": round(s, 2),
            "articles_per_second": round(self.articles / s, 2) if s else None,
            "words_per_second": round(self.words / s) if s else None,
            "skipped": [{"path": k.path, "reason": k.reason} for k in self.skipped],
        }


_TABLE_DIRS = ("annotated", "raw", "skipped")


def prepare_out(out: Path, overwrite: bool) -> None:
    """Make ``out`` ready for a new dataset; refuse to replace one unless ``overwrite``."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} exists and is not a folder")
    ours = [out / d for d in _TABLE_DIRS if (out / d).exists()]
    if ours and not overwrite:
        raise ConfigError(f"{out} already holds an annotated dataset; use --overwrite to replace it")
    for folder in ours:
        shutil.rmtree(folder)
    out.mkdir(parents=True, exist_ok=True)


def annotate_dataset(
    job: AnnotateJob,
    inputs: Iterable[str],
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    files_per_part: int = 50,
    progress: Callable[[int], None] | None = None,
) -> AnnotateSummary:
    """Annotate ``inputs`` into the Parquet dataset at ``job.out`` with ``engine``."""
    report = IngestReport()
    job, tasks = plan_parts(job, inputs, files_per_part, report)
    start = time.perf_counter()
    files = articles = words = 0
    for summary in run_job(tasks, engine, jobs, scheduler):
        files, articles, words = files + summary.files, articles + summary.articles, words + summary.words
        report.skipped.extend(summary.skipped)
        if progress:
            progress(summary.articles)
    return AnnotateSummary(job.out, engine, len(tasks), files, articles, words,
                           time.perf_counter() - start, tuple(report.skipped))


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk


# -- engines ----------------------------------------------------------------------


# Worker settings for annotation (used for the LocalCluster; docs/scaling.md gives them
# for a real cluster). Dask's monitoring wakes each worker every few milliseconds
# (profiler every 10 ms, event-loop tick every 20 ms), which costs while annotation holds
# the GIL; and Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc
# hand memory back to the system after nearly every free: for spaCy, which allocates
# and frees all the time, that is a stream of system calls (a worker's system time doubled).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: not set
}


def run_job(
    tasks: list[PartTask], engine: str = "local", jobs: int = 1, scheduler: str | None = None
) -> Iterator[PartSummary]:
    """Each part's summary as it finishes. The biggest parts start first, so the last
    ones to run are small and no worker waits long for the others at the end."""
    tasks = sorted(tasks, key=lambda task: task.size, reverse=True)
    if engine == "local":
        if scheduler:
            raise ConfigError("--scheduler needs --engine dask")
        return unordered_map(annotate_part, tasks, jobs)
    if engine == "dask":
        return _run_dask(tasks, jobs, scheduler)
    raise ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def _run_dask(tasks: list[PartTask], jobs: int, scheduler: str | None) -> Iterator[PartSummary]:
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    connect: Callable[[], Client]
    if scheduler:
        connect = lambda: Client(scheduler)  # noqa: E731
    else:
        def connect() -> Client:
            # dashboard on any free port: a fixed one clashes with another cluster running
            with dask.config.set(QUIET_WORKERS):
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
            return Client(cluster)
    client = connect()
    try:
        # explicit priorities: the scheduler would otherwise order independent tasks by key
        futures = [client.submit(annotate_part, task, pure=False, priority=len(tasks) - i)
                   for i, task in enumerate(tasks)]
        for future in as_completed(futures):
            yield future.result()
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()


# -- load -------------------------------------------------------------------------

def load_dataset(
    store: Store, root: str | Path, batch_size: int = 32, progress: Callable[[int], None] | None = None
) -> IngestReport:
    report = IngestReport()
    linker = ArticleLinker(store)
    for number in part_numbers(root):
        report.skipped.extend(read_skipped(root, number))
        raws = {raw.sha256: raw for raw in read_raws(root, number)}
        articles = read_annotated(root, number)
        while batch := list(islice(articles, batch_size)):
            shas = dict.fromkeys(a.article.raw_sha256 for a in batch)
            batch_raws = [raws.pop(sha) for sha in shas if sha in raws]
            added = store_batch(store, linker, batch_raws, batch, report)
            if progress:
                progress(added)
        if raws:  # inputs whose every article failed annotation: kept, as add keeps them
            store_batch(store, linker, raws.values(), [], report)
    return report
