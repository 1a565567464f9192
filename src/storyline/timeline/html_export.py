"""A self-contained HTML timeline to send or publish: one file, our own CSS inline, no script,
every event with its sources; all article text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape

from ..types import DateValue, TimelineEvent
from .dates import readable

__all__ = ["to_html"]

CSS = """
body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.7rem;margin-bottom:.2rem}.made{color:#666;font-size:.85rem;margin-top:0}
ol.events{list-style:none;padding:0;border-left:3px solid #c9d3df;margin-left:.4rem}
li.event{margin:0 0 1.4rem 1.2rem;position:relative}
li.event::before{content:"";position:absolute;left:-1.62rem;top:.45rem;width:.7rem;height:.7rem;
border-radius:50%;background:#3a6ea5}
.when{font:600 .9rem system-ui,sans-serif;color:#3a6ea5}.headline{font-weight:600;margin:.1rem 0}
.summary{margin:.1rem 0 .3rem}
.actors{font:.8rem system-ui,sans-serif;color:#555}.mark{font:600 .7rem system-ui,sans-serif;
text-transform:uppercase;background:#eef2f7;border-radius:3px;padding:0 .3rem;margin-left:.3rem}
ul.sources{font-size:.88rem;color:#333;margin:.3rem 0 0;padding-left:1.1rem}
ul.sources li{margin-bottom:.2rem}.outlet{color:#666}
ol.cited{font-size:.85rem;color:#444}
"""


def to_html(events: Sequence[TimelineEvent], title: str) -> str:
    """The events as one HTML document (no external resources, no script)."""
    made = datetime.now(UTC).strftime("%Y-%m-%d")
    items = "\n".join(_event(e) for e in events)
    cited = _cited(events)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        f"<p class=\"made\">{len(events)} event(s) · made with storyline on {made}</p>\n"
        f"<ol class=\"events\">\n{items}\n</ol>\n"
        f"<h2>Sources</h2>\n<ol class=\"cited\">\n{cited}\n</ol>\n</body>\n</html>\n"
    )


def _event(e: TimelineEvent) -> str:
    marks = "".join(f"<span class=\"mark\">{escape(m)}</span>" for m in e.marks if m != "hidden")
    actors = f"<div class=\"actors\">{escape(', '.join(e.actors))}</div>" if e.actors else ""
    sources = "".join(
        f"<li>“{escape(s.sentence)}” — <cite>{escape(s.title)}</cite>"
        f"<span class=\"outlet\">{escape(_where(s.source, s.published))}</span> [{s.article}]</li>"
        for s in e.sources
    )
    return (
        f"<li class=\"event\" id=\"event-{e.id}\"><div class=\"when\">{escape(readable(e.date))}{marks}</div>"
        f"<p class=\"headline\">{escape(e.headline or e.summary)}</p>"
        f"<p class=\"summary\">{escape(e.summary)}</p>{actors}<ul class=\"sources\">{sources}</ul></li>"
    )


def _where(source: str | None, published: DateValue | None) -> str:
    parts = [p for p in (source, published.value if published else None) if p]
    return f" ({', '.join(parts)})" if parts else ""


def _cited(events: Sequence[TimelineEvent]) -> str:
    seen: dict[int, str] = {}
    for e in events:
        for s in e.sources:
            where = escape(_where(s.source, s.published))
            seen.setdefault(s.article, f"<cite>{escape(s.title)}</cite>{where}")
    return "\n".join(f"<li value=\"{i}\">{text}</li>" for i, text in sorted(seen.items()))
