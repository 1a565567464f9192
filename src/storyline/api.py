"""The Python API, mirroring the CLI.

>>> import storyline
>>> with storyline.open("news.db") as sl:
...     sl.add(["articles/"], source="Reuters")
...     for event in sl.timeline(entity="Kim Jong-un", limit=10):
...         print(event.date, event.summary)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .editing import Editor
from .errors import ConfigError
from .link.stories import StoryClusterer, assign_stored
from .pipeline.report import IngestReport, ProgressCallback
from .read.fetch import Fetcher, UrlFetcher
from .settings import Settings
from .store import Store
from .timeline import (
    DatedSummary,
    Sentence,
    by_date,
    load_event_mentions,
    load_sentences,
    rank,
    summarize,
    with_keywords,
)
from .timeline.edits import SPLIT_BASE, EditPlan, apply_plan, passes_filters, with_moved_stories
from .timeline.export import story_dict
from .timeline.keyevents import KeyParams, key_events
from .timeline.summarize import DEFAULT as DEFAULT_PARAMS
from .types import DateValue, OutletRow, Story, TimelineEvent, TimelineQuery, parse_user_date

# Without --story the key-events view shows the stories of at least two articles, the
# biggest first, at most this many (or the biggest story when every story is one article).
SHOWN_STORIES = 5
# `timeline --summarize`: a sentence spent on one date only, months named as such are dates
# too (T17's references are days, so its figures are measured without them), leads preferred;
# sentences picked with the centroid weight and redundancy the lead bonus was set with (with
# T17's 6.0 and .5 the sample articles' summary finds 8 of the letter story's dates, not 10)
SUMMARY_PARAMS = replace(
    DEFAULT_PARAMS, distinct=True, months=True, lead_bonus=0.5, summary_centroid=3.0, redundancy=0.3,
    pool_weight=1.0, min_words=5
)

if TYPE_CHECKING:  # spaCy, trafilatura and Dask load only for the commands that need them
    from .pipeline.batch import AnnotateSummary
    from .pipeline.dating import Overrides
    from .pipeline.ingest import Ingestor


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
        self._editor: Editor | None = None

    @property
    def store(self) -> Store:
        """The database, opened (and created if needed) on first use, so that commands
        such as ``annotate`` that never touch it leave no file behind."""
        if self._store is None:
            self._store = Store(self._path, read_only=self._read_only)
        return self._store

    @property
    def editor(self) -> Editor:
        """The user's edits of this store (opening the store on first use, as ``store`` does)."""
        if self._editor is None:
            self._editor = Editor(self.store)
        return self._editor

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
        update: bool = False,
    ) -> IngestReport:
        """Read, annotate, link and store the files, folders, archives and URLs in ``paths``.
        With ``update``, stored articles whose manifest entry changed are read again."""
        overrides = self._overrides(published, source, manifest)
        run, started = self.store.start_ingest_run()
        report = self.ingestor().add(paths, overrides, progress, update=update)
        self.store.finish_ingest_run(run, len(report.added))
        self._grown(started, report)
        report.stale_edits = [f"edit {e.id} ({e.kind}): {why}" for e, why in self.editor.resolved().stale]
        return report

    def _grown(self, since: str, report: IngestReport) -> None:
        """Count on ``report`` the events first reported since ``since``, the older events
        given new sources since then, and the stories that got new events."""
        times = self.store.events.report_times(self.store.events.reported_since(since))
        new = [event_id for event_id, (first, _) in times.items() if first >= since]
        report.new_events, report.updated_events = len(new), len(times) - len(new)
        per_story: dict[int, int] = {}
        for event in self.store.events_by_id(new):
            for story in event.stories:
                per_story[story] = per_story.get(story, 0) + 1
        ranked = sorted(per_story.items(), key=lambda item: (-item[1], item[0]))
        report.grown_stories = [(i, self.store.stories.get_story(i).label, n) for i, n in ranked]

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

        run, started = self.store.start_ingest_run()
        report = load_dataset(self.store, dataset, self.settings.batch_size, progress)
        self.store.finish_ingest_run(run, len(report.added))
        self._grown(started, report)
        return report

    @staticmethod
    def _overrides(published: str | None, source: str | None, manifest: str | Path | None) -> Overrides:
        from .pipeline.dating import Overrides
        from .read.manifest import load_manifest

        return Overrides(
            published=parse_user_date(published, "--published"),
            source=source,
            manifest=load_manifest(Path(manifest)) if manifest else None,
        )

    # -- reading -----------------------------------------------------------------

    def entity_ids(self, name: str | None) -> list[int] | None:
        """The registry ids a user's entity name (or alias, or id) stands for, edits applied;
        None for no name. The one place names are resolved, for the timeline, quotes and the web."""
        if name is None or not name.strip():
            return None
        return self.editor.entity_ids(name)

    def timeline_index(self, q: TimelineQuery) -> list[tuple[int, DateValue]]:
        """(id, date) of the events ``q`` selects, in date order: each
        story's key events, or with ``q.all`` every event, edits applied (with a ``limit``,
        the most salient ones only, ranked on light events when nothing is edited)."""
        if q.empty_range:
            return []
        if not q.all:
            shown = {e.id: e for _, events in self.key_events(q) for e in events}
            return [(e.id, e.date) for e in by_date(shown.values())]
        plan = self.editor.plan()
        if not plan.empty or q.new_since is not None:
            return [(e.id, e.date) for e in self._edited(q, plan)]
        index = self.store.event_index(q, self.entity_ids(q.entity))
        if q.limit is None or q.limit >= len(index):
            return index
        top = rank(self.store.ranking_events([row[0] for row in index]))[: q.limit]
        keep = {e.id for e in top}
        return [row for row in index if row[0] in keep]

    def timeline(self, q: TimelineQuery | None = None, /, **filters: Any) -> list[TimelineEvent]:
        """The events ``q`` selects (or ``TimelineQuery.parse(**filters)``: entity, since,
        until, query, source, limit, story, all, new_since), edits applied, with their
        salience set, in date order: the key events of the stories shown (see ``key_events``),
        or with ``all`` every event."""
        q = q if q is not None else TimelineQuery.parse(**filters)
        if not q.all:
            unique = {e.id: e for _, events in self.key_events(q) for e in events}
            return by_date(unique.values())
        plan = self.editor.plan()
        if not plan.empty or q.new_since is not None:
            return self._edited(q, plan)
        ids = [row[0] for row in self.timeline_index(q)]
        return by_date(rank(self.store.events_by_id(ids)))

    def key_events(self, q: TimelineQuery) -> list[tuple[Story, list[TimelineEvent]]]:
        """Per story shown (``q.story``, or the biggest ones), its key events passing the
        query's filters, edits applied: ``q.limit`` of them (default 15), ranked by
        corroboration, news value and centrality, plus every pinned or edited one, in date order;
        background history left out."""
        params = KeyParams() if q.limit is None else KeyParams(limit=q.limit)
        shown = []
        for story in self.shown_stories(q.story):
            events = self._selected(replace(q, story=story.id, limit=None))
            centroid = self.store.stories.story_centroid(story.id)
            picked = key_events(story, events, params, centroid)
            chosen = {e.id for e in picked}
            # what the user pinned or corrected is shown whatever its rank or date
            kept = [e for e in events if {"pinned", "edited"} & set(e.marks) and e.id not in chosen]
            shown.append((story, by_date([*picked, *kept])))
        return shown

    def _selected(self, q: TimelineQuery) -> list[TimelineEvent]:
        """Every event passing ``q``'s filters (its limit aside), edits applied, unranked."""
        if q.empty_range:
            return []
        plan = self.editor.plan()
        if not plan.empty or q.new_since is not None:
            return self._edited(replace(q, limit=None), plan)
        index = self.store.event_index(q, self.entity_ids(q.entity))
        return self.store.events_by_id([row[0] for row in index])

    def shown_stories(self, story: int | None = None) -> list[Story]:
        """The story asked for, or the stories the default views show (see SHOWN_STORIES)."""
        if story is not None:
            return [self.store.stories.get_story(story)]
        stories = self.store.stories.list_stories()
        several = [s for s in stories if s.articles >= 2][:SHOWN_STORIES]
        return several or stories[:1]

    def stories(self, limit: int | None = None) -> list[Story]:
        """Stories, the biggest first."""
        return self.store.stories.list_stories(limit)

    def story(self, story_id: int) -> dict[str, Any]:
        """One story with its member articles."""
        story = self.store.stories.get_story(story_id)
        members = self.store.stories.story_articles(story_id)
        return {**story_dict(story), "members": [m.as_dict() for m in members]}

    def rebuild_stories(self) -> int:
        """Cluster every stored article afresh (ids are given anew); returns how many."""
        with self.store.transaction():
            self.store.stories.clear_stories()
            return assign_stored(self.store.stories, StoryClusterer(self.store.stories))

    def events(self, ids: list[int], keep_hidden: bool = False) -> list[TimelineEvent]:
        """These events (ids as a timeline gives them) with the edits applied, ranked, in date order."""
        plan = self.editor.plan()
        wanted = set(ids)
        loaded = self.store.events_by_id(sorted(plan.partners(wanted)))
        edited = [e for e in apply_plan(loaded, plan, keep_hidden) if e.id in wanted]
        return by_date(rank(edited))

    def _edited(self, q: TimelineQuery, plan: EditPlan) -> list[TimelineEvent]:
        """The timeline through the edits: machine events matching the entity and word filters
        (and those merged with them), edited, then filtered on their edited dates and outlets."""
        base = replace(q, since=None, until=None, source=None, limit=None, new_since=None)
        if plan.stories:  # articles moved between stories: the story is filtered after editing
            base = replace(base, story=None)
        index = self.store.event_index(base, self.entity_ids(q.entity))
        loaded = self.store.events_by_id(sorted(plan.partners(row[0] for row in index)))
        edited = apply_plan(loaded, plan)
        if plan.stories:
            articles = {s.article for e in edited for s in e.sources}
            homes = {a: plan.stories.get(a) or self.store.stories.story_of_article(a) for a in articles}
            edited = [with_moved_stories(e, plan, homes) for e in edited]
        events = [e for e in edited if passes_filters(e, q)]
        if q.new_since is not None:
            events = self._new_only(events, plan, q.new_since)
        ranked = rank(events)
        if q.limit is not None:
            ranked = [e for i, e in enumerate(ranked) if i < q.limit or "pinned" in e.marks]
        return by_date(ranked)

    def _new_only(self, events: list[TimelineEvent], plan: EditPlan, since: datetime) -> list[TimelineEvent]:
        """The events first reported after ``since`` (marked new), or given new sources or
        edited since then (marked updated)."""
        moment = since.astimezone(UTC).isoformat(timespec="seconds")
        members: dict[int, set[int]] = {}
        for event_id in plan.partners(e.id for e in events):
            members.setdefault(plan.root(event_id), set()).add(event_id)
        for s in plan.splits:
            members.setdefault(s.new_id, set()).add(s.event)
        times = self.store.events.report_times(sorted({i for m in members.values() for i in m}))
        edited = {e.target for e in self.editor.resolved().edits if e.created_at.isoformat() >= moment}
        out = []
        for e in events:
            spans = [times[i] for i in members.get(e.id, {e.id}) if i in times]
            if not spans:
                continue
            first, last = min(t[0] for t in spans), max(t[1] for t in spans)
            if first >= moment:
                out.append(replace(e, marks=(*e.marks, "new")))
            elif last >= moment or e.id in edited:
                out.append(replace(e, marks=(*e.marks, "updated")))
        return out

    def new_since(self, value: str) -> datetime:
        """``last`` (the start of the latest add that added articles) or a date, as a moment."""
        if value.strip().lower() == "last":
            started = self.store.last_ingest_start()
            if started is None:
                raise ConfigError("no `storyline add` has added articles yet; give a date instead of 'last'")
            return datetime.fromisoformat(started)
        day = parse_user_date(value, "--new-since")
        if day is None:
            raise ConfigError("--new-since needs a date (2019-06-23) or 'last'")
        return datetime(day.start.year, day.start.month, day.start.day, tzinfo=UTC)

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
        span = self.store.tls.span()
        if span is None:
            return []
        if story is not None:
            found = self.store.stories.get_story(story)
            if found.first and found.last:
                span = (found.first, found.last)
        lo = parse_user_date(since, "--since")
        hi = parse_user_date(until, "--until")
        start = lo.start if lo else span[0].start
        end = hi.end if hi else span[1].end
        everything = self._edited_sentences(load_sentences(self.store, start, end, story, months=True))
        pool = with_keywords(everything, keywords)
        events = load_event_mentions(self.store, start, end, story) if SUMMARY_PARAMS.event_weight else []
        words = (query or "").split()
        # without --since/--until, days mentioned before or after the articles count too
        first = start if lo else date.min
        last = end if hi else date.max
        return summarize(pool, dates, sentences, first, last, words, SUMMARY_PARAMS, events, everything)

    def _edited_sentences(self, pool: list[Sentence]) -> list[Sentence]:
        """Summary material without removed articles, with the articles' fixed metadata."""
        plan = self.editor.plan()
        if not (plan.removed or plan.articles):
            return pool
        out = []
        for s in pool:
            if s.article in plan.removed:
                continue
            fix = plan.articles.get(s.article)
            if fix is not None:
                s = replace(s, title=fix.title or s.title, source=fix.source or s.source,
                            published=fix.published.start if fix.published else s.published)
            out.append(s)
        return out

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, edits applied (removed ones left out)."""
        if not self.editor.plan().removed:
            return self.editor.articles([r.as_dict() for r in self.store.articles.listing(limit, offset)])
        rows = self.editor.articles([r.as_dict() for r in self.store.articles.listing()])
        return rows[offset : None if limit is None else offset + limit]

    def article(self, article_id: int) -> dict[str, Any]:
        data = self.store.get_article(article_id).as_dict()
        return {**data, **self.editor.articles([data], keep_removed=True)[0]}

    def entities(
        self, type_: str | None = None, limit: int | None = None, story: int | None = None
    ) -> list[dict[str, Any]]:
        story = self._story_id(story)
        merged = bool(self.editor.plan().entity_roots)  # merges change counts: merge first, then cut
        rows = self.store.entities.listing(type_, None if merged else limit, story=story)
        return self.editor.entities([r.as_dict() for r in rows])[:limit]

    def quotes(
        self,
        speaker: str | None = None,
        limit: int | None = None,
        story: int | None = None,
        kind: str | None = None,
        cue_class: str | None = None,
    ) -> list[dict[str, Any]]:
        removed = self.editor.plan().removed
        rows = self.store.quotes.listing(self.entity_ids(speaker), limit=None if removed else limit,
                                      story=self._story_id(story), kind=kind, cue_class=cue_class)
        return [r.as_dict() for r in rows if r.article not in removed][:limit]

    def search(self, query: str, limit: int = 20, story: int | None = None) -> list[dict[str, Any]]:
        """Sentences matching ``query``, removed articles left out, fixed titles shown."""
        plan = self.editor.plan()
        hits = self.store.search(query, limit + len(plan.removed), story=self._story_id(story))
        out = []
        for hit in hits:
            if hit.article in plan.removed:
                continue
            r = hit.as_dict()
            fix = plan.articles.get(hit.article)
            if fix is not None:
                r = {**r, "title": fix.title or r["title"],
                     "published": fix.published or r["published"]}
            out.append(r)
        return out[:limit]

    def entity(self, entity_id: int) -> dict[str, Any]:
        """One registry entity (name, type, aliases, counts), edits applied."""
        entity = self.store.entities.get(entity_id).as_dict()
        entity["aliases"] = entity.pop("aliases")  # the entity page's order: aliases last
        return {**entity, **self.editor.entities([{**entity, "id": entity_id}])[0]}

    def event_mentions(self, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The stored mentions of each of these events that is stored (ids an edit made up, or
        unknown, left out): sentence, offsets, article, outlet, actors, in ``event_ids`` order."""
        stored = self.store.events.existing([i for i in event_ids if i < SPLIT_BASE])
        return {i: [m.as_dict() for m in self.store.events.get(i).mentions] for i in event_ids if i in stored}

    def spans(self, article_id: int) -> dict[str, list[dict[str, Any]]]:
        """Character spans of an article's entity mentions, quotes and event mentions."""
        return self.store.article_spans(article_id).as_dict()

    def sources(self) -> list[OutletRow]:
        """Outlets with their article counts, the biggest first."""
        return self.store.articles.sources()

    def version(self) -> str:
        """Changes whenever articles are added or edits made or undone (a key for caches)."""
        return f"{self.store.count('event_mentions')}-{self.store.edits.version()}"

    def _story_id(self, story: int | None) -> int | None:
        """``story`` after checking it exists (so a wrong id is an error, not an empty list)."""
        return None if story is None else self.store.stories.get_story(story).id

    def collect_garbage(self) -> tuple[int, int]:
        """Delete the removed articles (annotations and raw bytes no other article uses):
        (articles deleted, raw inputs deleted)."""
        removed = sorted(self.editor.plan().removed)
        with self.store.transaction():
            for article_id in removed:
                self.store.delete_article(article_id)
            raws = self.store.delete_unreferenced_raw()
        return len(removed), raws

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
