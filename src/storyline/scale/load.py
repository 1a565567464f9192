"""``storyline load``: the cross-document steps over an annotated Parquet dataset.

Parts are read in order, each in article batches, and every batch is written with the
same code as ``storyline add`` (``ingest.store_batch``): raw inputs, then each article
not stored yet, linked to the entity registry, merged into events and marked when it
is a near-duplicate. One transaction per batch, so a killed load leaves whole articles
only and running it again finishes the job.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path

from ..dataset import part_numbers, read_annotated, read_raws, read_skipped
from ..ingest import store_batch
from ..link.article import ArticleLinker
from ..prepare import IngestReport
from ..store import Store

__all__ = ["load_dataset"]


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
