"""Timeline renderings: plain text, JSON, Markdown, CSV and Knight Lab TimelineJS JSON."""

from __future__ import annotations

import csv
import html
import io
import json
import textwrap
from collections.abc import Sequence
from typing import Any

from ..types import Granularity, SourceRef, TimelineEvent
from .html_export import to_html

FORMATS = ("text", "json", "md", "csv", "timelinejs", "html")


def to_dict(event: TimelineEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date.value,
        "granularity": str(event.date.granularity),
        "summary": event.summary,
        "actors": list(event.actors),
        "salience": round(event.salience, 3),
        "marks": list(event.marks),
        "sources": [
            {
                "article": s.article,
                "title": s.title,
                "sentence": s.sentence,
                "source": s.source,
                "published": s.published,
            }
            for s in event.sources
        ],
    }


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


def _cites(event: TimelineEvent) -> str:
    ids = sorted({s.article for s in event.sources})
    return ", ".join(f"[{i}]" for i in ids)


def to_text(events: Sequence[TimelineEvent], width: int = 100) -> str:
    """Readable plain text: date, wrapped summary, citations and actors; then the sources cited."""
    indent = " " * 13
    lines: list[str] = []
    cited: dict[int, SourceRef] = {}
    for e in events:
        wrapped = textwrap.wrap(e.summary, width - len(indent)) or [""]
        lines.append(f"{e.date.value:<12} {wrapped[0]}")
        lines.extend(indent + part for part in wrapped[1:])
        detail = f"event {e.id} · cited: {_cites(e)}" + "".join(f" [{m}]" for m in e.marks)
        if e.actors:
            detail += " · " + ", ".join(e.actors[:5])
        lines.extend(textwrap.wrap(detail, width, initial_indent=indent, subsequent_indent=indent))
        for source in e.sources:
            cited.setdefault(source.article, source)
    if cited:
        lines.append("")
        lines.append("Sources")
        for article_id in sorted(cited):
            ref = cited[article_id]
            where = ", ".join(x for x in (ref.source, ref.published) if x)
            lines.append(f"  [{article_id}] {ref.title}" + (f" ({where})" if where else ""))
    return "\n".join(lines)


def to_markdown(events: Sequence[TimelineEvent], title: str) -> str:
    out = [f"# {title}", ""]
    for e in events:
        out.append(f"## {e.date.value}")
        out.append("")
        out.append(f"{e.summary} {_cites(e)}")
        if e.actors:
            out.append("")
            out.append("Actors: " + ", ".join(e.actors))
        out.append("")
        for s in e.sources:
            out.append(f"- [{s.article}] *{s.title}*" + (f" ({s.source})" if s.source else "")
                       + f": {s.sentence}")
        out.append("")
    return "\n".join(out)


def to_csv(events: Sequence[TimelineEvent]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["date", "granularity", "summary", "actors", "articles", "salience"])
    for e in events:
        writer.writerow(
            [e.date.value, str(e.date.granularity), e.summary, "; ".join(e.actors),
             " ".join(str(a) for a in sorted({s.article for s in e.sources})), f"{e.salience:.3f}"]
        )
    return buffer.getvalue()


def _tl_date(event: TimelineEvent) -> dict[str, str]:
    d = event.date.start
    parts = {"year": str(d.year)}
    if event.date.granularity in (Granularity.DAY, Granularity.WEEK, Granularity.MONTH):
        parts["month"] = str(d.month)
    if event.date.granularity == Granularity.DAY:
        parts["day"] = str(d.day)
    return parts


def to_timelinejs(events: Sequence[TimelineEvent], title: str) -> dict[str, Any]:
    """Knight Lab TimelineJS3 JSON. Text fields are HTML there, so everything is escaped."""
    items = []
    for e in events:
        sources = "".join(
            f"<li>{html.escape(s.title)}: {html.escape(s.sentence)}</li>" for s in e.sources
        )
        items.append(
            {
                "start_date": _tl_date(e),
                "display_date": e.date.value,
                "text": {
                    "headline": html.escape(e.summary[:120]),
                    "text": f"<p>{html.escape(e.summary)}</p><ul>{sources}</ul>",
                },
                "unique_id": f"event-{e.id}",
            }
        )
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": items}
