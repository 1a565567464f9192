"""The ingest flow: read -> clean -> annotate -> link -> store.

Articles are annotated in batches with ``nlp.pipe`` and each batch is written in
one transaction, raw input bytes included: killing the process leaves only whole
articles behind, and running the same ``add`` again finishes the job (inputs
already stored are recognised by content hash and skipped).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .annotate import Annotator
from .annotate.temporal.dct import infer_dct
from .clean import clean
from .errors import InputError, StorylineError
from .link import link_entities, link_events
from .link.duplicates import DuplicateIndex
from .read import read_paths
from .read.fetch import Fetcher, fetch_url
from .read.manifest import Manifest, find_manifest, load_manifest
from .store import Store
from .types import AnnotatedArticle, Article, DateValue, PublishedBasis, RawRecord, Skipped

ProgressCallback = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the user said about the files given: it wins over what the files say."""

    published: DateValue | None = None
    source: str | None = None
    manifest: Manifest | None = None


@dataclass(slots=True)
class IngestReport:
    added: list[tuple[int, str]] = field(default_factory=list)  # (article id, title)
    present: list[str] = field(default_factory=list)  # paths whose articles were already stored
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0  # added articles marked as copies of a stored story

    def as_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "already_present": len(self.present),
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "near_duplicates": self.duplicates,
            "articles": [{"id": i, "title": t} for i, t in self.added],
        }


@dataclass(slots=True)
class _Batch:
    articles: list[Article] = field(default_factory=list)
    raws: dict[str, RawRecord] = field(default_factory=dict)


class Ingestor:
    """Adds inputs to a store. One instance keeps its spaCy pipeline for many calls."""

    def __init__(
        self,
        store: Store,
        annotator: Annotator,
        max_file_bytes: int,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.store = store
        self.annotator = annotator
        self.max_file_bytes = max_file_bytes
        self.fetcher = fetcher
        self.duplicates = DuplicateIndex()
        for article_id, signature in store.minhash_signatures():
            self.duplicates.add_signature(article_id, signature)

    def add(
        self,
        paths: Iterable[str | Path],
        overrides: Overrides = Overrides(),
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        given = [str(p) for p in paths]
        report = IngestReport()
        manifests = _manifests([Path(p) for p in given if "://" not in p], overrides.manifest, report)
        batch = _Batch()
        for record, article in self._articles(given, overrides, manifests, report):
            batch.articles.append(article)
            batch.raws[record.sha256] = record
            if len(batch.articles) >= self.annotator.batch_size:
                self._flush(batch, report, progress)
                batch = _Batch()
        self._flush(batch, report, progress)
        return report

    def _articles(
        self,
        paths: list[str],
        overrides: Overrides,
        manifests: list[Manifest],
        report: IngestReport,
    ) -> Iterator[tuple[RawRecord, Article]]:
        seen: set[str] = set()  # content hashes of this run, not yet committed
        for item in self._records(paths):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            try:
                articles = clean(item)
            except StorylineError as exc:
                report.skipped.append(Skipped(item.path, str(exc)))
                continue
            if not articles:
                report.skipped.append(Skipped(item.path, "no article text found"))
                continue
            new = 0
            for article in articles:
                article = self._dated(_override(article, item.path, overrides, manifests))
                if article.content_hash in seen or self.store.has_content(article.content_hash):
                    continue
                seen.add(article.content_hash)
                new += 1
                yield item, article
            if not new:
                report.present.append(item.path)

    def _records(self, paths: list[str]) -> Iterator[RawRecord | Skipped]:
        """Files, folders and archives through the readers; http(s) URLs through the fetcher."""
        for path in paths:
            if "://" not in path:
                own = self._own_files()
                records = read_paths([path], self.max_file_bytes)
                yield from (r for r in records if os.path.abspath(r.path) not in own)
                continue
            try:
                yield fetch_url(path, fetcher=self.fetcher, max_bytes=self.max_file_bytes)
            except InputError as exc:
                yield Skipped(path, str(exc))

    def _own_files(self) -> set[str]:
        """The database's own files, left out when the folder holding them is added."""
        db = os.path.abspath(self.store.path)
        return {db + suffix for suffix in ("", "-wal", "-shm", "-journal")}

    def _dated(self, article: Article) -> Article:
        """An undated article gets a date estimated from its text, marked as inferred."""
        if article.published is not None:
            return article
        try:
            estimate = infer_dct(self.annotator.nlp.make_doc(article.text))
        except InputError:
            return article
        return replace(
            article,
            published=estimate.value,
            published_basis=PublishedBasis.INFERRED,
            published_evidence=estimate.evidence,
        )

    def _flush(self, batch: _Batch, report: IngestReport, progress: ProgressCallback | None) -> None:
        if not batch.articles:
            return
        annotated = self._annotate(batch.articles, report)
        with self.store.transaction():
            for raw in batch.raws.values():
                self.store.add_raw(raw)
            added = [(self.store_annotated(ann, report), ann.article.title) for ann in annotated]
        report.added.extend(added)
        if progress:
            progress(len(annotated))

    def _annotate(self, articles: list[Article], report: IngestReport) -> list[AnnotatedArticle]:
        """Annotate a batch; if that fails, article by article, so one article that trips a
        component is skipped with the reason instead of losing the batch."""
        try:
            return list(self.annotator.annotate(articles))
        except Exception:  # noqa: BLE001  (any bug in a component; retried one by one below)
            annotated: list[AnnotatedArticle] = []
            for article in articles:
                try:
                    annotated.extend(self.annotator.annotate([article]))
                except Exception as exc:  # noqa: BLE001
                    report.skipped.append(
                        Skipped(article.path, f"annotation failed: {type(exc).__name__}: {exc}")
                    )
            return annotated

    def store_annotated(self, ann: AnnotatedArticle, report: IngestReport) -> int:
        store = self.store
        signature = self.duplicates.signature(ann.article.text)
        article_id = store.insert_article(ann.article, self.duplicates.to_bytes(signature))
        copies = [int(str(key)) for key in self.duplicates.query_signature(signature)]
        if copies:
            store.set_story(article_id, store.story_of(min(copies)))
            report.duplicates += 1
        self.duplicates.add_signature(article_id, signature)
        store.insert_sentences(article_id, ann.sentences)
        store.insert_timexes(article_id, ann.timexes)
        entity_ids = link_entities(store, article_id, ann)
        for quote in ann.quotes:
            speaker = entity_ids.get(quote.speaker_entity) if quote.speaker_entity is not None else None
            store.insert_quote(article_id, quote, speaker)
        link_events(store, article_id, ann, entity_ids)
        return article_id


def _manifests(paths: list[Path], given: Manifest | None, report: IngestReport) -> list[Manifest]:
    """The manifest given, plus any manifest file found in the folders given."""
    found = [given] if given else []
    for path in paths:
        candidate = find_manifest(path) if path.is_dir() else None
        if candidate is not None:
            try:
                found.append(load_manifest(candidate))
            except StorylineError as exc:
                report.skipped.append(Skipped(str(candidate), str(exc)))
    return found


def _override(
    article: Article, path: str, overrides: Overrides, manifests: list[Manifest]
) -> Article:
    for manifest in manifests:
        entry = manifest.lookup(path.split("#", 1)[0])
        if entry is not None:
            title = article.title
            article = entry.apply(article)
            if article.part:  # another story on the page: own title, date only inferred
                article = replace(
                    article,
                    title=title,
                    published_basis=PublishedBasis.INFERRED,
                    published_evidence=f"printed on a page dated {entry.published.value}",
                )
            break
    if overrides.source:
        article = replace(article, source=overrides.source)
    if overrides.published:
        article = replace(
            article,
            published=overrides.published,
            published_basis=PublishedBasis.USER,
            published_evidence="given with --published",
        )
    return article
