"""The store-free first half of the flow: read -> clean -> the user's word -> a date (``dating``).

``ArticleFeed`` turns paths and URLs into cleaned ``Article``s, applying ``--published``,
``--source`` and manifests, and estimating the date of undated articles from their
text. It never touches the database, so ``storyline add`` and the parallel
``storyline annotate`` workers share it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from ..annotate.pieces import piece_starts
from ..annotate.temporal.dct import infer_dct_pieces
from ..clean import clean
from ..errors import InputError, StorylineError
from ..read import read_paths
from ..read.fetch import Fetcher, fetch_url
from ..read.manifest import Manifest, ManifestEntry, find_manifest, load_manifest
from ..types import Article, DateValue, RawRecord, Skipped
from .dating import Overrides, dated, manifest_entry
from .report import IngestReport

__all__ = ["ArticleFeed", "Overrides", "find_manifests", "unmatched_rows"]

Tokenizer = Callable[[str], Doc]


class ArticleFeed:
    """Cleaned, dated articles from files, folders, archives and URLs."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        max_file_bytes: int,
        fetcher: Fetcher | None = None,
        exclude: Iterable[str] = (),
    ) -> None:
        self.tokenizer = tokenizer  # for estimating dates; the model's own tokenizer
        self.max_file_bytes = max_file_bytes
        self.fetcher = fetcher
        self.exclude = {os.path.abspath(p) for p in exclude}  # e.g. the database's own files

    def articles(
        self,
        paths: Iterable[str],
        overrides: Overrides,
        manifests: list[Manifest],
        report: IngestReport,
        known: Callable[[str], bool] = lambda content_hash: False,
        changed: Callable[[Article], bool] | None = None,
    ) -> Iterator[tuple[RawRecord, Article]]:
        """Each new article with the record it came from; ``known(content_hash)`` says
        which are stored already, ``changed(article)`` which of those to read again. Unusable
        inputs go to ``report.skipped``, files a manifest beside them does not list to warnings."""
        seen: set[str] = set()  # content hashes of this run, not yet stored
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
            _warn_unlisted(item.path, manifests, report)
            for article in articles:
                entry = manifest_entry(item.path, manifests)
                article = dated(_override(article, entry, overrides), overrides, entry, self._estimate)
                if article.content_hash in seen:
                    continue
                if known(article.content_hash) and not (changed and changed(article)):
                    continue
                seen.add(article.content_hash)
                new += 1
                yield item, article
            if not new:
                report.present.append(item.path)

    def _records(self, paths: Iterable[str]) -> Iterator[RawRecord | Skipped]:
        """Files, folders and archives through the readers; http(s) URLs through the fetcher."""
        for path in paths:
            if "://" not in path:
                records = read_paths([path], self.max_file_bytes)
                yield from (r for r in records if os.path.abspath(r.path) not in self.exclude)
                continue
            try:
                yield fetch_url(path, fetcher=self.fetcher, max_bytes=self.max_file_bytes)
            except InputError as exc:
                yield Skipped(path, str(exc))

    def _estimate(self, text: str) -> tuple[DateValue, str]:
        """The publication date estimated from the dates ``text`` mentions (InputError: none)."""
        starts = piece_starts(text)  # in pieces, as annotation is: a Doc of the whole text may not fit
        pieces = (text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True))
        estimate = infer_dct_pieces(self.tokenizer(piece) for piece in pieces)
        return estimate.value, estimate.evidence


def find_manifests(paths: Iterable[str], given: Manifest | None, report: IngestReport) -> list[Manifest]:
    """The manifest given, plus any manifest file found in the folders given (rows naming a
    file that does not exist are reported by ``unmatched_rows`` once the files are read)."""
    found = [given] if given else []
    for path in (Path(p) for p in paths if "://" not in p):
        candidate = find_manifest(path) if path.is_dir() else None
        if candidate is not None:
            try:
                found.append(load_manifest(candidate))
            except StorylineError as exc:
                report.skipped.append(Skipped(str(candidate), str(exc)))
    return found


def unmatched_rows(manifests: list[Manifest], read: Iterable[str]) -> list[Skipped]:
    """A line for each manifest row that names no file on disk and matched nothing read
    (a typo in the manifest would otherwise leave its file's date unset without a word)."""
    matched = {id(entry) for path in read for m in manifests
               if (entry := m.lookup(path.split("#", 1)[0])) is not None}
    return [
        Skipped(str(manifest.folder / key), "listed in the manifest, but no such file was read")
        for manifest in manifests
        for key, entry in manifest.entries.items()
        if id(entry) not in matched and not (manifest.folder / key).exists()
    ]


def _warn_unlisted(path: str, manifests: list[Manifest], report: IngestReport) -> None:
    """A warning for a file inside a manifest's folder that the manifest does not list."""
    file_path = path.split("#", 1)[0]
    if not manifests or any(m.lookup(file_path) is not None for m in manifests):
        return
    resolved = Path(file_path).resolve()
    for manifest in manifests:
        if resolved.is_relative_to(manifest.folder.resolve()):
            message = f"{file_path} is not listed in the manifest in {manifest.folder}; its date is its own"
            if message not in report.warnings:
                report.warnings.append(message)
            return


def _override(article: Article, entry: ManifestEntry | None, overrides: Overrides) -> Article:
    """The outlet, title and URL the user gave (a manifest row, ``--source``); dates: ``dating``."""
    if entry is not None:
        title = article.title
        article = entry.apply(article)
        if article.part:  # another story on the page keeps its own title
            article = replace(article, title=title)
    if overrides.source:
        article = replace(article, source=overrides.source)
    return article
