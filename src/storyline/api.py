"""The Python API, mirroring the CLI.

>>> import storyline
>>> with storyline.open("news.db") as sl:
...     sl.add(["articles/"], source="Reuters")
...     for event in sl.timeline(entity="Kim Jong-un", limit=10):
...         print(event.date, event.summary)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, NotFoundError
from .link.stories import StoryClusterer, assign_stored
from .pipeline.report import IngestReport, ProgressCallback
from .read.fetch import Fetcher, UrlFetcher
from .settings import Settings
from .store import Store
from .timeline import (
    DatedSummary,
    by_date,
    load_event_mentions,
    load_sentences,
    rank,
    summarize,
    with_keywords,
)
from .timeline.keyevents import KeyParams, key_events
from .timeline.summarize import DEFAULT as DEFAULT_PARAMS
from .types import DateValue, Story, TimelineEvent, TimelineQuery, parse_user_date

# Without --story the key-events view shows the stories of at least two articles, the
# biggest first, at most this many (or the biggest story when every story is one article).
SHOWN_STORIES = 5
# `timeline --summarize`: a sentence spent on one date only, months named as such are dates
# too (T17's references are days, so its figures are measured without them), leads preferred
SUMMARY_PARAMS = replace(DEFAULT_PARAMS, distinct=True, months=True, lead_bonus=0.5)

if TYPE_CHECKING:  # spaCy, trafilatura and Dask load only for the commands that need them
    from .pipeline.batch import AnnotateSummary
    from .pipeline.feed import Overrides
    from .pipeline.ingest import Ingestor


def parse_date(value: str | None, what: str) -> DateValue | None:
    """A user-given date or None (see ``types.parse_user_date``, the one parser of them)."""
    return parse_user_date(value, what)


class Storyline:
    """A storyline database with the operations of the CLI."""

    def __init__(
        self,
        path: str | Path | None = None,
        settings: Settings | None = None,
        fetcher: Fetcher | None = None,
        read_only: bool = False,
        allow_private: bool = False,
    ) -> None:
        self.settings = settings or Settings.load(db=str(path) if path is not None else None)
        self._path = self.settings.db if path is None else path
        self._read_only = read_only
        self._store: Store | None = None
        # how `add URL` fetches pages; the default uses urllib, public addresses only
        # unless ``allow_private``
        self.fetcher = fetcher or UrlFetcher(deadline=self.settings.fetch_deadline,
                                             allow_private=allow_private)
        self._ingestor: Ingestor | None = None

    @property
    def store(self) -> Store:
        """The database, opened (and created if needed) on first use, so that commands
        such as ``annotate`` that never touch it leave no file behind."""
        if self._store is None:
            self._store = Store(self._path, read_only=self._read_only)
        return self._store

    # -- writing -----------------------------------------------------------------

    def ingestor(self) -> Ingestor:
        """The ingest machinery; loads the spaCy pipeline on first use."""
        if self._ingestor is None:
            from .annotate import Annotator
            from .pipeline.ingest import Ingestor

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
        return self.ingestor().add(paths, self._overrides(published, source, manifest), progress)

    def annotate(
        self,
        inputs: Iterable[str],
        out: str | Path,
        *,
        engine: str = "local",
        jobs: int | None = None,
        scheduler: str | None = None,
        files_per_part: int = 50,
        published: str | None = None,
        source: str | None = None,
        manifest: str | Path | None = None,
        overwrite: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> AnnotateSummary:
        """Read, clean and annotate ``inputs`` in parallel into a Parquet dataset at ``out``
        (nothing is linked or stored: ``load`` does that). See docs/scaling.md."""
        from .pipeline.batch import AnnotateJob, annotate_dataset, prepare_out

        folder = Path(out)
        prepare_out(folder, overwrite)
        s = self.settings
        job = AnnotateJob(str(folder.resolve()), s.model, s.batch_size, s.max_file_bytes,
                          self._overrides(published, source, manifest))
        return annotate_dataset(job, inputs, engine, jobs or s.jobs, scheduler, files_per_part, progress)

    def load(self, dataset: str | Path, progress: Callable[[int], None] | None = None) -> IngestReport:
        """Link and store an annotated Parquet dataset (from ``annotate``); loading again adds nothing."""
        from .pipeline.batch import load_dataset

        return load_dataset(self.store, dataset, self.settings.batch_size, progress)

    @staticmethod
    def _overrides(published: str | None, source: str | None, manifest: str | Path | None) -> Overrides:
        from .pipeline.feed import Overrides
        from .read.manifest import load_manifest

        return Overrides(
            published=parse_date(published, "--published"),
            source=source,
            manifest=load_manifest(Path(manifest)) if manifest else None,
        )

    # -- reading -----------------------------------------------------------------

    def entity_ids(self, name: str | None) -> list[int] | None:
        """The registry ids a user's entity name (or alias, or id) stands for; None for no
        name. The one place names are resolved, for the timeline, quotes and the web."""
        if name is None or not name.strip():
            return None
        name = name.strip()
        if re.fullmatch(r"[0-9]{1,18}", name):  # an entity id, as the web links give it
            return [int(name)]
        ids = self.store.entity_ids_named(name)
        if not ids:
            raise NotFoundError(f"no entity named {name!r}; list them with `storyline entities`")
        return ids

    def timeline_index(self, q: TimelineQuery) -> list[tuple[int, str, str]]:
        """(id, date_start, date_end) of the events ``q`` selects, in date order: each
        story's key events, or with ``q.all`` every event (with a ``limit``, the most
        salient ones only, ranked on light events, sources not loaded)."""
        if q.empty_range:
            return []
        index = self.store.event_index(q, self.entity_ids(q.entity))
        if not q.all:
            keep = {e.id for _, events in self.key_events(q) for e in events}
            return [row for row in index if row[0] in keep]
        if q.limit is None or q.limit >= len(index):
            return index
        top = rank(self.store.ranking_events([row[0] for row in index]))[: q.limit]
        keep = {e.id for e in top}
        return [row for row in index if row[0] in keep]

    def timeline(self, q: TimelineQuery | None = None, /, **filters: Any) -> list[TimelineEvent]:
        """The events ``q`` selects (or ``TimelineQuery.parse(**filters)``: entity, since,
        until, query, source, limit, story, all), with their salience set, in date order:
        the key events of the stories shown (see ``key_events``), or with ``all`` every event."""
        q = q if q is not None else TimelineQuery.parse(**filters)
        if not q.all:
            unique = {e.id: e for _, events in self.key_events(q) for e in events}
            return by_date(unique.values())
        ids = [row[0] for row in self.timeline_index(q)]
        return by_date(rank(self.store.events_by_id(ids)))

    def key_events(self, q: TimelineQuery) -> list[tuple[Story, list[TimelineEvent]]]:
        """Per story shown (``q.story``, or the biggest ones), its key events passing the
        query's filters: ``q.limit`` of them (default 15), ranked by corroboration, news
        value and centrality, in date order; background history left out."""
        params = KeyParams() if q.limit is None else KeyParams(limit=q.limit)
        entity_ids = self.entity_ids(q.entity)
        shown = []
        for story in self.shown_stories(q.story):
            index = [] if q.empty_range else self.store.event_index(replace(q, story=story.id), entity_ids)
            events = self.store.events_by_id([row[0] for row in index])
            centroid = self.store.story_centroid(story.id)
            shown.append((story, key_events(story, events, params, centroid)))
        return shown

    def shown_stories(self, story: int | None = None) -> list[Story]:
        """The story asked for, or the stories the default views show (see SHOWN_STORIES)."""
        if story is not None:
            return [self.store.get_story(story)]
        stories = self.store.list_stories()
        several = [s for s in stories if s.articles >= 2][:SHOWN_STORIES]
        return several or stories[:1]

    def stories(self, limit: int | None = None) -> list[Story]:
        """Stories, the biggest first."""
        return self.store.list_stories(limit)

    def story(self, story_id: int) -> dict[str, Any]:
        """One story with its member articles."""
        story = self.store.get_story(story_id)
        return {**story_dict(story), "members": self.store.story_articles(story_id)}

    def rebuild_stories(self) -> int:
        """Cluster every stored article afresh (ids are given anew); returns how many."""
        with self.store.transaction():
            self.store.clear_stories()
            return assign_stored(self.store, StoryClusterer(self.store))

    def summarize(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        dates: int = 10,
        sentences: int = 1,
        query: str | None = None,
        keywords: Iterable[str] = (),
        story: int | None = None,
    ) -> list[DatedSummary]:
        """A summarised timeline: the ``dates`` most important days, each with up to
        ``sentences`` sentences cited to their articles (see :mod:`storyline.timeline`).
        ``keywords`` keep only sentences holding one; ``query`` words favour sentences;
        ``story`` keeps the sentences of that story's articles."""
        if dates < 1 or sentences < 1:
            raise ConfigError("--dates and --sentences must be at least 1")
        span = self.store.tls_span()
        if span is None:
            return []
        if story is not None:
            found = self.store.get_story(story)
            if found.first and found.last:
                span = (found.first.start.isoformat(), found.last.end.isoformat())
        lo = parse_date(since, "--since")
        hi = parse_date(until, "--until")
        start = lo.start if lo else date.fromisoformat(span[0])
        end = hi.end if hi else date.fromisoformat(span[1])
        pool = with_keywords(load_sentences(self.store, start, end, story, months=True), keywords)
        events = load_event_mentions(self.store, start, end, story) if SUMMARY_PARAMS.event_weight else []
        words = (query or "").split()
        # without --since/--until, days mentioned before or after the articles count too
        first = start if lo else date.min
        last = end if hi else date.max
        return summarize(pool, dates, sentences, first, last, words, SUMMARY_PARAMS, events)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        return self.store.list_articles(limit, offset)

    def article(self, article_id: int) -> dict[str, Any]:
        return self.store.get_article(article_id)

    def entities(
        self, type_: str | None = None, limit: int | None = None, story: int | None = None
    ) -> list[dict[str, Any]]:
        return self.store.list_entities(type_, limit, story=self._story_id(story))

    def quotes(
        self, speaker: str | None = None, limit: int | None = None, story: int | None = None
    ) -> list[dict[str, Any]]:
        return self.store.list_quotes(self.entity_ids(speaker), limit=limit, story=self._story_id(story))

    def search(self, query: str, limit: int = 20, story: int | None = None) -> list[dict[str, Any]]:
        return self.store.search(query, limit, story=self._story_id(story))

    def _story_id(self, story: int | None) -> int | None:
        """``story`` after checking it exists (so a wrong id is an error, not an empty list)."""
        return None if story is None else self.store.get_story(story).id

    # -- lifetime ----------------------------------------------------------------

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

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


def story_dict(story: Story) -> dict[str, Any]:
    """A story as JSON-ready data (the CLI's and the web API's form)."""
    return {
        "id": story.id,
        "label": story.label,
        "first": story.first.value if story.first else None,
        "last": story.last.value if story.last else None,
        "articles": story.articles,
        "outlets": story.outlets,
    }
