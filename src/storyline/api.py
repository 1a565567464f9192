"""The Python API, mirroring the CLI.

>>> import storyline
>>> with storyline.open("news.db") as sl:
...     sl.add(["articles/"], source="Reuters")
...     for event in sl.timeline(entity="Kim Jong-un", limit=10):
...         print(event.date, event.summary)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from .annotate import Annotator
from .errors import ConfigError, NotFoundError
from .ingest import Ingestor, IngestReport, Overrides, ProgressCallback
from .read.fetch import Fetcher
from .read.manifest import load_manifest
from .settings import Settings
from .store import Store
from .timeline import select
from .tls import DatedSummary, load_sentences, summarize, with_keywords
from .types import DateValue, TimelineEvent


def parse_date(value: str | None, what: str) -> DateValue | None:
    """A user-given date (``2019``, ``2019-06``, ``2019-06-23``, ``2019-W26``) or None."""
    if value is None:
        return None
    try:
        return DateValue.parse(value)
    except ValueError:
        raise ConfigError(
            f"{what} must be a date such as 2019-06-23, 2019-06 or 2019; got {value!r}"
        ) from None


class Storyline:
    """A storyline database with the operations of the CLI."""

    def __init__(
        self,
        path: str | Path | None = None,
        settings: Settings | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.settings = settings or Settings.load(db=str(path) if path is not None else None)
        self.store = Store(self.settings.db if path is None else path)
        self.fetcher = fetcher  # how `add URL` fetches pages; the default uses urllib
        self._ingestor: Ingestor | None = None

    # -- writing -----------------------------------------------------------------

    def ingestor(self) -> Ingestor:
        """The ingest machinery; loads the spaCy pipeline on first use."""
        if self._ingestor is None:
            annotator = Annotator(self.settings.model, self.settings.batch_size)
            self._ingestor = Ingestor(
                self.store, annotator, self.settings.max_file_bytes, self.fetcher, self.settings.jobs
            )
        return self._ingestor

    def add(
        self,
        paths: Iterable[str | Path],
        *,
        published: str | None = None,
        source: str | None = None,
        manifest: str | Path | None = None,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Read, annotate, link and store the files, folders, archives and URLs in ``paths``."""
        overrides = Overrides(
            published=parse_date(published, "--published"),
            source=source,
            manifest=load_manifest(Path(manifest)) if manifest else None,
        )
        return self.ingestor().add(paths, overrides, progress)

    # -- reading -----------------------------------------------------------------

    def timeline(
        self,
        *,
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        limit: int | None = None,
    ) -> list[TimelineEvent]:
        """The most salient events (all when ``limit`` is None), in date order."""
        entity_ids = None
        if entity:
            entity_ids = self.store.entity_ids_named(entity)
            if not entity_ids:
                raise NotFoundError(
                    f"no entity named {entity!r}; list them with `storyline entities`"
                )
        events = self.store.timeline_events(
            entity_ids, parse_date(since, "--since"), parse_date(until, "--until"), query
        )
        return select(events, limit)

    def summarize(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        dates: int = 10,
        sentences: int = 1,
        query: str | None = None,
        keywords: Iterable[str] = (),
    ) -> list[DatedSummary]:
        """A summarised timeline: the ``dates`` most important days, each with up to
        ``sentences`` sentences cited to their articles (see :mod:`storyline.tls`).
        ``keywords`` keep only sentences holding one; ``query`` words favour sentences."""
        if dates < 1 or sentences < 1:
            raise ConfigError("--dates and --sentences must be at least 1")
        span = self.store.tls_span()
        if span is None:
            return []
        lo = parse_date(since, "--since")
        hi = parse_date(until, "--until")
        start = lo.start if lo else date.fromisoformat(span[0])
        end = hi.end if hi else date.fromisoformat(span[1])
        pool = with_keywords(load_sentences(self.store, start, end), keywords)
        words = (query or "").split()
        # without --since/--until, days mentioned before or after the articles count too
        first = start if lo else date.min
        last = end if hi else date.max
        return summarize(pool, dates, sentences, first, last, words)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.list_articles(limit, offset)

    def article(self, article_id: int) -> dict[str, Any]:
        return self.store.get_article(article_id)

    def entities(self, type_: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        return self.store.list_entities(type_, limit)

    def quotes(
        self,
        speaker: str | None = None,
        limit: int | None = None,
        kind: str | None = None,
        cue_class: str | None = None,
    ) -> list[dict[str, Any]]:
        speaker_ids = None
        if speaker:
            speaker_ids = self.store.entity_ids_named(speaker)
            if not speaker_ids:
                raise NotFoundError(f"no entity named {speaker!r}; list them with `storyline entities`")
        return self.store.list_quotes(speaker_ids, limit=limit, kind=kind, cue_class=cue_class)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        return self.store.search(query, limit)

    # -- lifetime ----------------------------------------------------------------

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Storyline:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open(  # noqa: A001
    path: str | Path | None = None, settings: Settings | None = None, fetcher: Fetcher | None = None
) -> Storyline:
    """Open (creating if needed) the storyline database at ``path``."""
    return Storyline(path, settings, fetcher)
