"""The ingest flow: read -> clean -> annotate -> link -> store.

Articles are annotated in batches with ``nlp.pipe`` (in this process, or in ``jobs``
worker processes, results kept in input order) and each batch is written in one
transaction, raw input bytes included: killing the process leaves only whole
articles behind, and running the same ``add`` again finishes the job (inputs
already stored are recognised by content hash and skipped).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..annotate import Annotator
from ..annotate.worker import Result, annotate_batch, annotate_safely, load_tokenizer
from ..link.article import ArticleLinker
from ..read.fetch import Fetcher
from ..store import Store, StoredArticle
from ..types import Article, DateValue, RawRecord, Skipped
from .feed import ArticleFeed, Overrides, find_manifests, unmatched_rows
from .pool import ordered_map
from .report import IngestReport, ProgressCallback

__all__ = ["Ingestor", "IngestReport", "Overrides", "ProgressCallback", "store_batch"]

@dataclass(slots=True)
class _Batch:
    articles: list[Article] = field(default_factory=list)
    raws: dict[str, RawRecord] = field(default_factory=dict)


class Ingestor:
    """Adds inputs to a store. One instance keeps its spaCy pipeline for many calls.

    With ``jobs`` > 1 annotation runs in that many worker processes, each loading the
    pipeline once; this process then loads only the tokenizer (for date estimates).
    """

    def __init__(
        self,
        store: Store,
        annotator: Annotator,
        max_file_bytes: int,
        fetcher: Fetcher | None = None,
        jobs: int = 1,
    ) -> None:
        self.store = store
        self.annotator = annotator
        self.jobs = max(1, jobs)
        self.linker = ArticleLinker(store)
        tokenizer = annotator.nlp if self.jobs == 1 else load_tokenizer(annotator.model)
        db = str(Path(store.path).resolve())
        own_files = [db + suffix for suffix in ("", "-wal", "-shm", "-journal")]
        self.feed = ArticleFeed(tokenizer.make_doc, max_file_bytes, fetcher, exclude=own_files)

    def add(
        self,
        paths: Iterable[str | Path],
        overrides: Overrides | None = None,
        progress: ProgressCallback | None = None,
        update: bool = False,
    ) -> IngestReport:
        """Add the inputs; with ``update``, stored articles whose date, outlet, title or URL
        as given now (manifest, --published, --source) differ from the stored ones are read again."""
        given = [str(p) for p in paths]
        overrides = overrides or Overrides()
        report = IngestReport()
        manifests = find_manifests(given, overrides.manifest, report)
        changed = partial(metadata_changed, self.store) if update else None
        articles = self.feed.articles(given, overrides, manifests, report, self.store.has_content, changed)
        read: list[str] = []
        for batch, results in self._annotated(self._batches(articles)):
            read.extend(article.path for article in batch.articles)
            added = store_batch(self.store, self.linker, batch.raws.values(), results, report, update)
            if progress:
                progress(added)
        read += report.present + [s.path for s in report.skipped]
        report.skipped.extend(unmatched_rows(manifests, read))
        return report

    def _batches(self, articles: Iterator[tuple[RawRecord, Article]]) -> Iterator[_Batch]:
        batch = _Batch()
        for record, article in articles:
            batch.articles.append(article)
            batch.raws[record.sha256] = record
            if len(batch.articles) >= self.annotator.batch_size:
                yield batch
                batch = _Batch()
        if batch.articles:
            yield batch

    def _annotated(self, batches: Iterator[_Batch]) -> Iterator[tuple[_Batch, list[Result]]]:
        if self.jobs == 1:
            for batch in batches:
                yield batch, annotate_safely(self.annotator, batch.articles)
            return
        work = partial(annotate_batch, model=self.annotator.model, batch_size=self.annotator.batch_size)
        yield from ordered_map(work, ((b, b.articles) for b in batches), self.jobs)


def metadata_changed(store: Store, article: Article) -> bool:
    """True when ``article`` is stored with another date, outlet, title or URL."""
    return _stored_otherwise(store, article) is not None


def _stored_otherwise(store: Store, article: Article) -> StoredArticle | None:
    """The stored version of ``article`` when its date, outlet, title or URL differ."""
    row = store.article_by_hash(article.content_hash)
    if row is None:
        return None
    now = (_value(article.published), article.published_basis, article.source, article.title, article.url)
    was = (_value(row.published), row.published_basis, row.source, row.title, row.url)
    return row if now != was else None


def _value(date: DateValue | None) -> str | None:
    return date.value if date else None


def store_batch(
    store: Store,
    linker: ArticleLinker,
    raws: Iterable[RawRecord],
    results: Iterable[Result],
    report: IngestReport,
    update: bool = False,
) -> int:
    """Write one annotated batch in one transaction: its raw inputs, then each article not
    stored yet (with ``update``, also those whose metadata changed, replacing the stored one).
    Skipped results go to the report. Returns how many articles were added."""
    added: list[tuple[int, str]] = []
    with store.transaction():
        for raw in raws:
            store.add_raw(raw)
        for result in results:
            if isinstance(result, Skipped):
                report.skipped.append(result)
            elif update and (old := _stored_otherwise(store, result.article)) is not None:
                store.delete_article(old.id)
                article_id, _ = linker.store_article(result)
                store.set_added_at(article_id, old.added_at)
                report.updated.append((article_id, result.article.title))
            elif store.has_content(result.article.content_hash):
                report.present.append(result.article.path)
            else:
                article_id, duplicate = linker.store_article(result)
                report.duplicates += duplicate
                added.append((article_id, result.article.title))
    report.added.extend(added)
    return len(added)
