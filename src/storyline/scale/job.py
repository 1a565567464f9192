"""One unit of parallel work: read, clean, date and annotate a chunk of input files and
write them as one part of the Parquet dataset.

``annotate_part`` is what every engine runs (a local process pool or Dask workers); it
uses the same feed and the same annotate function as ``storyline add``, and the
worker's spaCy pipeline is loaded once per process, not once per part.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from ..annotate.worker import annotate_safely, annotator_for
from ..dataset import PartWriter
from ..prepare import ArticleFeed, IngestReport, Overrides, find_manifests
from ..read import list_inputs
from ..read.manifest import Manifest
from ..types import AnnotatedArticle, Skipped

T = TypeVar("T")

__all__ = ["AnnotateJob", "PartSummary", "PartTask", "annotate_part", "plan_parts"]


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


def _chunks(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(islice(items, size)):
        yield chunk
