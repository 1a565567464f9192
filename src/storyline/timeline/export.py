"""Timeline renderings: plain text, JSON, Markdown, CSV and Knight Lab TimelineJS JSON."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..types import DateValue, Granularity, SourceRef, Story, TimelineEvent
from .dates import disagreeing, readable
from .html_export import to_html

FORMATS = ("text", "json", "md", "csv", "timelinejs", "html")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def csv_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP: quote one that starts with
    ``= + - @``, TAB or CR)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


# characters that would end a Markdown autolink or open HTML inside one
_MD_UNSAFE_URL = re.compile(r"[<>\s\"']")


def md_text(value: str) -> str:
    """Article text for Markdown: HTML escaped (no raw tags reach a renderer that allows
    them) and Markdown's own markup characters backslashed; one line."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(value.split()), quote=False))


def to_dict(event: TimelineEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date.value,
        "granularity": str(event.date.granularity),
        "display_date": readable(event.date),
        "headline": event.headline or event.summary,
        "summary": event.summary,
        "planned": event.planned,
        "actors": list(event.actors),
        "salience": round(event.salience, 3),
        "independent_sources": event.independent,
        "outlets": list(event.outlets),
        "marks": list(event.marks),
        "sources": [
            {
                "article": s.article,
                "title": s.title,
                "sentence": s.sentence,
                "source": s.source,
                "published": _value(s.published),
                "url": s.url,
                "date": _value(s.date),
                "background": s.background,
            }
            for s in event.sources
        ],
        "disagreements": [
            {"article": s.article, "title": s.title, "source": s.source, "date": d.value}
            for s, d in disagreeing(event)
        ],
    }


def _value(d: DateValue | None) -> str | None:
    """A date as it is written in every export: its TIMEX3 value (``2019-06-23``, ``2019-06``)."""
    return d.value if d is not None else None


def _sources_phrase(event: TimelineEvent) -> str:
    """"3 independent sources (Reuters, AP)": copies of a story and sentences of one article once."""
    n = event.independent
    outlets = ", ".join(event.outlets)
    return f"{n} independent source{'' if n == 1 else 's'}" + (f" ({outlets})" if outlets else "")


def render(events: Sequence[TimelineEvent], fmt: str, title: str = "Timeline") -> str:
    if fmt == "json":
        return json.dumps({"events": [to_dict(e) for e in events]}, ensure_ascii=False, indent=2)
    if fmt == "md":
        return to_markdown(events, title)
    if fmt == "csv":
        return to_csv(events)
    if fmt == "timelinejs":
        return json.dumps(to_timelinejs(events, title), ensure_ascii=False, indent=2)
    if fmt == "text":
        return to_text(events)
    if fmt == "html":
        return to_html(events, title)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_sections(
    sections: Sequence[tuple[Story, Sequence[TimelineEvent]]], fmt: str, title: str = "Timeline",
    more: int = 0,
) -> str:
    """The key-events view: per story its events (text and Markdown under a heading per
    story; JSON with the flat ``events`` and a ``stories`` list; CSV and TimelineJS flat).
    ``more``: how many stories are not shown."""
    unique = sorted({e.id: e for _, events in sections for e in events}.values(),
                    key=lambda e: (e.date.start, e.date.end, e.id))
    if fmt == "json":
        stories = [{**story_dict(st), "events": [e.id for e in events]} for st, events in sections]
        data = {"events": [to_dict(e) for e in unique], "stories": stories, "more_stories": more}
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt not in ("text", "md"):
        return render(unique, fmt, title)
    parts = []
    for story, events in sections:
        heading = _story_heading(story)
        if fmt == "md":
            parts.append(to_markdown(events, f"{title}: {heading}"))  # to_markdown escapes
        else:
            parts.append(f"{heading}\n{'=' * min(len(heading), 100)}\n{to_text(events)}")
    if more:
        parts.append(f"{more} more stor{'y' if more == 1 else 'ies'}: list them with `storyline stories`,"
                     " show one with `storyline timeline --story ID`")
    return "\n\n".join(parts)


def story_dict(story: Story) -> dict[str, Any]:
    """A story as JSON-ready data (the CLI's, the web API's and the exports' form)."""
    return {"id": story.id, "label": story.label, "first": story.first.value if story.first else None,
            "last": story.last.value if story.last else None, "articles": story.articles,
            "outlets": story.outlets}


def _story_heading(story: Story) -> str:
    span = " to ".join(dict.fromkeys(d.value for d in (story.first, story.last) if d))
    counts = f"{story.articles} article{'s' if story.articles != 1 else ''}, {story.outlets} outlet" + (
        "s" if story.outlets != 1 else "")
    return f"Story {story.id}: {story.label} ({counts}" + (f", {span})" if span else ")")


def _cites(event: TimelineEvent, limit: int | None = None) -> str:
    """The articles citing the event, all of them or the ``limit`` that reported it first."""
    ids = sorted(_cited(event, limit))
    more = len({s.article for s in event.sources}) - len(ids)
    return ", ".join(f"[{i}]" for i in ids) + (f" and {more} more" if more else "")


def _cited(event: TimelineEvent, limit: int | None) -> set[int]:
    first: dict[int, str] = {}
    for s in event.sources:
        first.setdefault(s.article, s.published.start.isoformat() if s.published else "9999")
    order = sorted(first, key=lambda a: (first[a], a))
    return set(order if limit is None else order[:limit])


# citations a terminal line lists per event (the JSON, CSV, Markdown and HTML forms list them all)
TEXT_CITES = 8


def to_text(events: Sequence[TimelineEvent], width: int = 100) -> str:
    """Readable plain text: date, wrapped summary, citations and actors; then the sources cited."""
    indent = " " * 13
    lines: list[str] = []
    cited: dict[int, SourceRef] = {}
    for e in events:
        wrapped = textwrap.wrap(_headline(e), width - len(indent)) or [""]
        when = _text_date(e.date)
        if len(when) > 12:  # "week of 27 August 2018" on a line of its own
            lines.append(when)
            when = ""
        lines.append(f"{when:<12} {wrapped[0]}")
        lines.extend(indent + part for part in wrapped[1:])
        marks = "".join(f" [{m}]" for m in e.marks)
        detail = f"event {e.id} · cited: {_cites(e, TEXT_CITES)} · {_sources_phrase(e)}{marks}"
        if e.actors:
            detail += " · " + ", ".join(e.actors[:5])
        lines.extend(textwrap.wrap(detail, width, initial_indent=indent, subsequent_indent=indent))
        shown = _cited(e, TEXT_CITES)
        for source in e.sources:
            if source.article in shown:
                cited.setdefault(source.article, source)
    if cited:
        lines.append("")
        lines.append("Sources")
        for article_id in sorted(cited):
            ref = cited[article_id]
            where = ", ".join(x for x in (ref.source, _value(ref.published)) if x)
            lines.append(f"  [{article_id}] {ref.title}" + (f" ({where})" if where else ""))
    return "\n".join(lines)


def _text_date(d: DateValue) -> str:
    """The ISO form where a reader knows it (2019-06-23, 2019-06, 2019), words for the codes
    (``2018-W35``, ``2011-H1``, ``201``) that only TIMEX3 readers know."""
    plain = d.granularity in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)
    return d.value if plain and d.value[:1].isdigit() else readable(d)


def _headline(event: TimelineEvent) -> str:
    return (event.headline or event.summary) + (" (planned)" if event.planned else "")


def to_markdown(events: Sequence[TimelineEvent], title: str) -> str:
    """Grouped by date: each event's headline, its evidence sentence and citations; the sources
    (outlet, title, publication date, URL) listed once at the end. Article text is escaped."""
    out = [f"# {md_text(title)}", ""]
    cited: dict[int, SourceRef] = {}
    last = None
    for e in events:
        if e.date.value != last:
            out.extend([f"## {readable(e.date)}", ""])
            last = e.date.value
        out.append(f"- **{md_text(_headline(e))}** {_cites(e)}")
        out.append(f"  > {md_text(e.summary)}")
        actors = f"; actors: {', '.join(md_text(a) for a in e.actors)}" if e.actors else ""
        out.append(f"  {md_text(_sources_phrase(e))}{actors}")
        for s, d in disagreeing(e):
            out.append(f"  - [{s.article}] dates it {readable(d)}")
        out.append("")
        for s in e.sources:
            cited.setdefault(s.article, s)
    if cited:
        out.extend(["## Sources", ""])
        for article_id in sorted(cited):
            ref = cited[article_id]
            where = ", ".join(md_text(x) for x in (ref.source, _value(ref.published)) if x)
            link = f" <{ref.url}>" if _web_url(ref.url) and not _MD_UNSAFE_URL.search(ref.url or "") else ""
            out.append(f"- [{article_id}] *{md_text(ref.title)}*" + (f" ({where})" if where else "") + link)
        out.append("")
    return "\n".join(out)


def to_csv(events: Sequence[TimelineEvent]) -> str:
    """One row per event with its evidence: headline, dates, outlets, titles, URLs, the cited sentence."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["date", "granularity", "display_date", "headline", "sentence", "planned", "actors",
         "independent_sources", "outlets", "titles", "urls", "articles", "salience"]
    )
    for e in events:
        writer.writerow(
            [e.date.value, str(e.date.granularity), readable(e.date), csv_cell(e.headline or e.summary),
             csv_cell(e.summary), "yes" if e.planned else "", csv_cell("; ".join(e.actors)), e.independent,
             csv_cell("; ".join(e.outlets)), csv_cell(" | ".join(dict.fromkeys(s.title for s in e.sources))),
             csv_cell(" ".join(dict.fromkeys(str(s.url) for s in e.sources if _web_url(s.url)))),
             " ".join(str(a) for a in sorted({s.article for s in e.sources})), f"{e.salience:.3f}"]
        )
    return buffer.getvalue()


def _web_url(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def _tl_date(d: date, granularity: Granularity) -> dict[str, str]:
    parts = {"year": str(d.year)}
    if granularity in (Granularity.DAY, Granularity.WEEK, Granularity.MONTH):
        parts["month"] = str(d.month)
    if granularity in (Granularity.DAY, Granularity.WEEK):
        parts["day"] = str(d.day)
    return parts


def _tl_source(s: SourceRef) -> str:
    title = html.escape(s.title)
    cite = f'<a href="{html.escape(str(s.url))}">{title}</a>' if _web_url(s.url) else title
    outlet = f" ({html.escape(s.source)})" if s.source else ""
    return f"<li>{cite}{outlet}: {html.escape(s.sentence)}</li>"


def _tl_group(event: TimelineEvent) -> str | None:
    """The event's (first) story (``Story``), if it has one."""
    return f"story {event.stories[0]}" if event.stories else None


def to_timelinejs(events: Sequence[TimelineEvent], title: str) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON. Text fields are HTML there, so everything is escaped."""
    items = []
    for e in events:
        sources = "".join(_tl_source(s) for s in e.sources)
        item: dict[str, Any] = {
            "start_date": _tl_date(e.date.start, e.date.granularity),
            "display_date": readable(e.date),
            "text": {
                "headline": html.escape(_headline(e)),
                "text": f"<p>{html.escape(e.summary)}</p><p>{html.escape(_sources_phrase(e))}</p>"
                f"<ul>{sources}</ul>",
            },
            "unique_id": f"event-{e.id}",
        }
        if e.date.granularity != Granularity.DAY:
            item["end_date"] = _tl_date(e.date.end, Granularity.DAY)
        group = _tl_group(e)
        if group:
            item["group"] = group
        items.append(item)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": items}
