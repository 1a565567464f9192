"""Printing a summarised timeline: text, Markdown or JSON, every sentence cited."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .summarize import DatedSummary

__all__ = ["render_summary"]


def render_summary(summary: Sequence[DatedSummary], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([d.as_dict() for d in summary], ensure_ascii=False, indent=2)
    lines: list[str] = []
    for day in summary:
        lines.append(f"## {day.value.value}" if fmt == "md" else day.value.value)
        for s in day.sentences:
            cite = f"[{s.source or 'unknown'}, {s.published.isoformat()}, article {s.article}]"
            lines.append(f"- {s.text} {cite}" if fmt == "md" else f"  {s.text} {cite}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n" if lines else "(no dated sentences)\n"
