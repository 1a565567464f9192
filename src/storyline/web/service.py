"""What the API and the pages show, computed once from the Python API (no SQL here)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from ..api import Storyline, story_dict
from ..errors import ConfigError, NotFoundError
from ..timeline.export import to_dict
from ..timeline.keyevents import KeyParams
from ..types import EditKind, Story, TimelineEvent, TimelineQuery, try_date_value
from .format import BINS, choose_bin, density, display_date, file_name, fit_bin, safe_url, segments

MAX_LIMIT = 1000
CACHE_SECONDS = 30.0
KEY = KeyParams()
T = TypeVar("T")


@dataclass(slots=True)
class TimelinePage:
    events: list[TimelineEvent]
    total: int
    offset: int
    limit: int
    bins: str
    density: list[dict[str, Any]] = field(default_factory=list)
    story: Story | None = None  # the story the page is scoped to
    outside: int = 0  # events left off the overview: background history outside the stories' span


class Service:
    """Thread-safe read access to one storyline database for the web app."""

    def __init__(self, storyline: Storyline) -> None:
        self.sl = storyline
        self.lock = threading.RLock()
        self._cache: dict[str, tuple[float, Any]] = {}

    # -- timeline ----------------------------------------------------------------

    def timeline(self, q: TimelineQuery, offset: int = 0, limit: int = 100,
                 bins: str | None = None) -> TimelinePage:
        """One page of the timeline ``q`` selects (ranked and cut to ``q.limit`` as the CLI
        does), with the density of all of it over time."""
        if bins is not None and bins not in BINS:
            raise ConfigError(f"bins must be one of {', '.join(BINS)}; got {bins!r}")
        with self.lock:
            index = self._cached(f"index-{q!r}-{self.sl.version()}",
                                 lambda: self.sl.timeline_index(q))  # in date order
            starts = [when.start for _, when in index]
            shown = self.sl.events([row[0] for row in index[offset : offset + limit]])
            story = self.sl.shown_stories(q.story)[0] if q.story is not None else None
            around = [story] if story else self.sl.stories() if q.all else self.sl.shown_stories()
            span = self._span(around)
        drawn = [d for d in starts if span is None or span[0] <= d <= span[1]]
        size = fit_bin(drawn, bins or choose_bin(drawn))
        return TimelinePage(shown, len(starts), offset, limit, size, density(drawn, size), story,
                            len(starts) - len(drawn))

    @staticmethod
    def _span(stories: list[Story], p: KeyParams = KEY) -> tuple[date, date] | None:
        """The days the overview axis spans: from a little before the stories' first article
        to a while after their last (as ``keyevents.background`` draws the line), so that
        history recalled in them (the 1953 armistice in 2018 coverage) does not stretch it."""
        firsts = [s.first.start for s in stories if s.first is not None]
        lasts = [s.last.end for s in stories if s.last is not None]
        if not firsts or not lasts:
            return None
        return min(firsts) - timedelta(p.recalled_days), max(lasts) + timedelta(p.after_days)

    # -- stories -----------------------------------------------------------------

    def stories(self, offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        """Stories, the biggest first, with their span for display."""
        with self.lock:
            rows = self.sl.stories()[offset : offset + limit]
        out = []
        for story in rows:
            data = story_dict(story)
            data["display_first"] = display_date(story.first) if story.first else ""
            data["display_last"] = display_date(story.last) if story.last else ""
            out.append(data)
        return out

    def story_choices(self, limit: int = 200) -> list[Story]:
        return self._cached(f"stories-{limit}", lambda: self.sl.stories(limit))

    def event(self, event_id: int) -> dict[str, Any]:
        """One event as edited: its date, headline and marks, the mentions of events merged
        into it; hidden events are shown (marked), so that they can be unhidden."""
        with self.lock:
            edited = self.sl.events([event_id], keep_hidden=True)
            plan = self.sl.editor.plan()
            if not edited and plan.root(event_id) != event_id:
                raise NotFoundError(f"event {event_id} was merged into event {plan.root(event_id)}")
            if not edited:
                raise NotFoundError(f"no event with id {event_id}; list them on the timeline")
            e = edited[0]
            candidates = [i for i in sorted(plan.partners([event_id])) if plan.root(i) == event_id]
            stored = self.sl.event_mentions(candidates)
        members = list(stored)
        kept = {(s.article, s.sentence) for s in e.sources}
        mentions = [m for ms in stored.values() for m in ms if (m["article"], m["text"]) in kept]
        fixed = {r["id"]: r for r in self.sl.editor.articles(
            [{"id": m["article"], "title": m["title"], "source": m["source"], "published": m["published"],
              "published_basis": m["published_basis"], "url": None} for m in mentions])}
        for m in mentions:
            row = fixed.get(m["article"], {})
            m.update({k: row[k] for k in ("title", "source", "published", "published_basis") if k in row})
        event: dict[str, Any] = {"id": e.id, "date": e.date, "granularity": str(e.date.granularity),
                 "summary": e.summary, "headline": e.headline or e.summary, "planned": e.planned,
                 "marks": list(e.marks), "mentions": mentions,
                 "merged": [i for i in members if i != event_id]}
        event["display_date"] = display_date(e.date)
        for m in event["mentions"]:
            m["display_published"] = display_date(m["published"])
            m["offset"] = m["start"]
            m["disagrees"] = m["date"] is not None and not m["date"].compatible(e.date)
        mentions = event["mentions"]
        event["independent"] = len({m["story"] if m["story"] is not None else m["article"] for m in mentions})
        event["outlets"] = list(dict.fromkeys(m["source"] for m in mentions if m["source"]))
        event["disagreements"] = [
            {"article": m["article"], "title": m["title"], "source": m["source"], "date": m["date"],
             "display_date": display_date(m["date"])}
            for m in mentions if m["disagrees"]
        ]
        return event

    # -- articles ----------------------------------------------------------------

    def articles(self, offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.sl.articles(limit, offset)
        for r in rows:
            r["display_published"] = display_date(r["published"])
            r["url"] = safe_url(r.get("url"))
            r["path"] = file_name(r.get("path"))
        return rows

    def article(self, article_id: int) -> dict[str, Any]:
        with self.lock:
            article = self.sl.article(article_id)
            spans = self.sl.spans(article_id)
        article["url"] = safe_url(article.get("url"))
        article["path"] = file_name(article.get("path"))
        article["display_published"] = display_date(article.get("published"))
        article["mentions"] = spans["entities"]
        article["quote_spans"] = spans["quotes"]
        article["event_spans"] = spans["events"]
        article["events_here"] = [
            {"event": e["event_id"], "date": e["date"], "display_date": display_date(e["date"]),
             "text": " ".join(article["text"][e["start"] : e["end"]].split())}
            for e in spans["events"]
        ]
        return article

    def article_segments(self, article: dict[str, Any], highlight: tuple[int, int] | None) -> list[Any]:
        marks: list[dict[str, Any]] = []
        for t in article["timexes"]:
            dv = try_date_value(t["value"])
            label = display_date(dv) if dv else t["value"]
            marks.append({"start": t["start"], "end": t["end"], "cls": "date",
                          "title": f"{t['type']} {label} ({t['value']})"})
        for m in article["mentions"]:
            marks.append({"start": m["start"], "end": m["end"], "cls": "entity",
                          "title": f"{m['name']} ({m['type']})", "entity": m["entity_id"]})
        for q in article["quote_spans"]:
            who = q["speaker"] or "unknown speaker"
            marks.append({"start": q["start"], "end": q["end"], "cls": f"quote {q['kind']}",
                          "title": f"{q['kind']} quote: {who} ({q['cue']})"})
        if highlight:
            start, end = highlight
            text = article["text"]
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            marks.append({"start": start, "end": end, "cls": "hl", "title": ""})
        return segments(article["text"], marks)

    # -- entities, quotes, search -----------------------------------------------

    def entities(self, type_: str | None = None, q: str | None = None,
                 offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.sl.entities(type_ or None)
        if q:
            needle = q.casefold().strip()
            rows = [r for r in rows if any(needle in a.casefold() for a in [r["name"], *r["aliases"]])]
        return rows[offset : offset + limit]

    def entity(self, entity_id: int) -> dict[str, Any]:
        with self.lock:
            entity = self.sl.entity(entity_id)
            events = self.sl.timeline(TimelineQuery(entity=str(entity_id)))
            quotes = self.sl.quotes(str(entity_id))
        for q in quotes:
            q["display_date"] = display_date(q["date"] or q["published"])
        return {**entity, "events": events, "quotes": quotes}

    def quotes(self, speaker: str | None = None, q: str | None = None,
               offset: int = 0, limit: int = 100, kind: str | None = None,
               cue_class: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        with self.lock:
            try:
                rows = self.sl.quotes(speaker)
            except NotFoundError:  # a speaker named only in its article, not in the registry
                wanted = (speaker or "").strip().casefold()
                rows = [r for r in self.sl.quotes() if (r["speaker"] or "").casefold() == wanted]
                if not rows:
                    raise
        if q:
            needle = q.casefold().strip()
            rows = [r for r in rows if needle in r["text"].casefold()
                    or needle in (r["speaker"] or "").casefold()]
        rows = [r for r in rows if kind in (None, r["kind"]) and cue_class in (None, r["cue_class"])]
        for r in rows:
            r["display_date"] = display_date(r["date"] or r["published"])
        return len(rows), rows[offset : offset + limit]

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        if not q.strip():  # no words: nothing matches (schema-valid, so not an error)
            return []
        with self.lock:
            rows = self.sl.search(q, limit)
        for r in rows:
            r["display_published"] = display_date(r["published"])
        return rows

    # -- edits -----------------------------------------------------------------

    def edits(self) -> list[dict[str, Any]]:
        with self.lock:
            return self.sl.editor.listing()

    def make_edit(self, kind: EditKind, target: int, value: str | None, note: str | None) -> dict[str, Any]:
        with self.lock:
            edit = self.sl.editor.make(kind, target, value, note)
            self._cache.clear()
        return {"id": edit.id, "kind": str(edit.kind), "target": edit.target, "value": edit.value,
                "note": edit.note, "undo": f"/api/edits/{edit.id}/undo"}

    def undo_edit(self, edit_id: int) -> dict[str, Any]:
        with self.lock:
            edit = self.sl.editor.undo(edit_id)
            self._cache.clear()
        return {"id": edit.id, "kind": str(edit.kind), "undone": True}

    def new_since(self, value: str) -> datetime:
        with self.lock:
            return self.sl.new_since(value)

    def export_events(self, q: TimelineQuery) -> list[TimelineEvent]:
        with self.lock:
            return self.sl.timeline(q)

    def sources(self) -> list[dict[str, Any]]:
        """Outlets with their article counts (the JSON API's and the outlet filter's rows)."""
        rows = self._cached("sources", self.sl.sources)
        return [{"source": o.source, "articles": o.articles} for o in rows]

    def entity_names(self, limit: int = 300) -> list[str]:
        return self._cached(f"names-{limit}", lambda: [r["name"] for r in self.sl.entities(limit=limit)])

    def _cached(self, key: str, load: Callable[[], T]) -> T:
        """Filter choices change only when articles are added: reuse them for CACHE_SECONDS."""
        now = time.monotonic()
        with self.lock:
            hit = self._cache.get(key)
            if hit is None or now - hit[0] > CACHE_SECONDS:
                if len(self._cache) > 64:
                    self._cache.clear()
                hit = (now, load())
                self._cache[key] = hit
        value: T = hit[1]
        return value


def event_json(event: TimelineEvent) -> dict[str, Any]:
    """The export JSON of an event plus what the UI needs to show it."""
    data = to_dict(event)
    data["display_date"] = display_date(event.date)
    data["articles"] = sorted({s.article for s in event.sources})
    data["outlets"] = sorted({s.source for s in event.sources if s.source})
    data["marks"] = list(event.marks)
    data["stories"] = list(event.stories)
    return data
