"""Timeline renderings: plain text, JSON, Markdown, CSV and Knight Lab TimelineJS JSON."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import textwrap
from collections.abc import Sequence
from typing import Any

from ..types import Granularity, SourceRef, Story, TimelineEvent

FORMATS = ("text", "json", "md", "csv", "timelinejs")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def csv_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP: quote one that starts with
    ``= + - @``, TAB or CR)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def md_text(value: str) -> str:
    """Article text for Markdown: HTML escaped (no raw tags reach a renderer that allows
    them) and Markdown's own markup characters backslashed; one line."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(value.split()), quote=False))


def to_dict(event: TimelineEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date.value,
        "granularity": str(event.date.granularity),
        "summary": event.summary,
        "actors": list(event.actors),
        "salience": round(event.salience, 3),
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
        stories = [{**_story_dict(st), "events": [e.id for e in events]} for st, events in sections]
        data = {"events": [to_dict(e) for e in unique], "stories": stories, "more_stories": more}
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt not in ("text", "md"):
        return render(unique, fmt, title)
    parts = []
    for story, events in sections:
        heading = _story_heading(story)
        if fmt == "md":
            parts.append(to_markdown(events, f"{_md(title)}: {_md(heading)}"))
        else:
            parts.append(f"{heading}\n{'=' * min(len(heading), 100)}\n{to_text(events)}")
    if more:
        parts.append(f"{more} more stor{'y' if more == 1 else 'ies'}: list them with `storyline stories`,"
                     " show one with `storyline timeline --story ID`")
    return "\n\n".join(parts)


def _story_dict(story: Story) -> dict[str, Any]:
    return {"id": story.id, "label": story.label, "first": story.first.value if story.first else None,
            "last": story.last.value if story.last else None, "articles": story.articles,
            "outlets": story.outlets}


def _story_heading(story: Story) -> str:
    span = " to ".join(dict.fromkeys(d.value for d in (story.first, story.last) if d))
    counts = f"{story.articles} article{'s' if story.articles != 1 else ''}, {story.outlets} outlet" + (
        "s" if story.outlets != 1 else "")
    return f"Story {story.id}: {story.label} ({counts}" + (f", {span})" if span else ")")


def _md(text: str) -> str:
    """Markdown-inert text: every punctuation character that Markdown reads is escaped."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|~" else c for c in " ".join(text.split()))


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
        detail = f"cited: {_cites(e)}"
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
    out = [f"# {md_text(title)}", ""]
    for e in events:
        out.append(f"## {e.date.value}")
        out.append("")
        out.append(f"{md_text(e.summary)} {_cites(e)}")
        if e.actors:
            out.append("")
            out.append("Actors: " + ", ".join(md_text(a) for a in e.actors))
        out.append("")
        for s in e.sources:
            out.append(f"- [{s.article}] *{md_text(s.title)}*"
                       + (f" ({md_text(s.source)})" if s.source else "") + f": {md_text(s.sentence)}")
        out.append("")
    return "\n".join(out)


def to_csv(events: Sequence[TimelineEvent]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["date", "granularity", "summary", "actors", "articles", "salience"])
    for e in events:
        writer.writerow(
            [e.date.value, str(e.date.granularity), csv_cell(e.summary), csv_cell("; ".join(e.actors)),
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
