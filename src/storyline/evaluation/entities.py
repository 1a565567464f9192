"""The Entities timeline data set (news-tls) as redistributed here: one folder per entity.

``<root>/<Entity_Name>/outputwithpub.csv`` holds the articles, rows ``date,text`` with no
header (the publication date, then the article tokenised one sentence a line);
``outputTimelines.csv`` holds the reference timeline, a header ``time,timeline`` and one
row: ``time`` is a Python list literal of the reference dates, ``timeline`` their text run
together without separators, so only the dates can be scored (Date F1). An entity's
keywords are the parts of its name (``Ted_Cruz``: Ted, Cruz).
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError
from .t17 import annotate_manifest, ptb_detokenise

__all__ = [
    "EntityTopic", "annotate_entity_topic", "entity_topic_names", "evenly", "is_entities_root",
    "load_entity_topic", "prepare_entity_topic",
]

ARTICLES = "outputwithpub.csv"
TIMELINES = "outputTimelines.csv"
SOURCE = "Entities"  # the data set names no outlets
_SENTENCE_END = re.compile(r"[.!?](?=[A-Z\"']|\s|$)")


@dataclass(frozen=True, slots=True)
class EntityTopic:
    """One entity: its folder, keywords, reference dates and reference sentence count."""

    name: str
    folder: Path
    keywords: tuple[str, ...]
    dates: tuple[date, ...]
    reference_sentences: int

    @property
    def start(self) -> date:
        return self.dates[0]

    @property
    def end(self) -> date:
        return self.dates[-1]

    @property
    def k(self) -> int:
        """Sentences per date asked of a system: the reference's mean (at least 1)."""
        return max(1, round(self.reference_sentences / len(self.dates)))

    def articles(self, limit: int | None = None) -> list[tuple[date, str]]:
        """(publication date, detokenised text) of the articles published within the
        reference's span (the only ones a system may use), in date order; with ``limit``,
        that many spread evenly over them (first and last kept)."""
        csv.field_size_limit(sys.maxsize)
        rows: list[tuple[date, str]] = []
        with (self.folder / ARTICLES).open(encoding="utf-8", errors="replace", newline="") as fh:
            for number, row in enumerate(csv.reader(fh), start=1):
                if len(row) != 2:
                    raise InputError(f"{self.folder / ARTICLES}, row {number}: expected date,text")
                text = " ".join(ptb_detokenise(ln) for ln in row[1].splitlines() if ln.strip())
                day = _day(row[0], self.folder / ARTICLES, number)
                if self.start <= day <= self.end:
                    rows.append((day, text))
        rows.sort(key=lambda r: r[0])
        return evenly(rows, limit)


def evenly(rows: list[tuple[date, str]], limit: int | None) -> list[tuple[date, str]]:
    """``limit`` rows spread evenly over ``rows`` (all of them without a limit)."""
    if limit is None or limit >= len(rows):
        return rows
    if limit < 1:
        raise InputError("--limit-articles must be at least 1")
    if limit == 1:
        return rows[:1]
    step = (len(rows) - 1) / (limit - 1)
    return [rows[round(i * step)] for i in range(limit)]


def _day(value: str, path: Path, row: int) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{path}, row {row}: date {value!r} is not YYYY-MM-DD") from None


def is_entities_root(root: Path) -> bool:
    return bool(entity_topic_names(root))


def entity_topic_names(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / ARTICLES).is_file()
                  and (p / TIMELINES).is_file()) if root.is_dir() else []


def load_entity_topic(root: Path, name: str) -> EntityTopic:
    folder = root / name
    if not (folder / ARTICLES).is_file() or not (folder / TIMELINES).is_file():
        known = ", ".join(entity_topic_names(root)) or "none"
        raise InputError(f"no Entities topic {name!r} under {root} (with {ARTICLES} and {TIMELINES}); "
                         f"topics there: {known}")
    dates, sentences = _reference(folder / TIMELINES)
    keywords = tuple(w for w in re.split(r"[_\s]+", name) if w)
    return EntityTopic(name, folder, keywords, dates, sentences)


def _reference(path: Path) -> tuple[tuple[date, ...], int]:
    """The reference dates and the number of sentences in the reference text."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "time" not in rows[0]:
        raise InputError(f"{path}: expected a header time,timeline and one row")
    try:
        values = ast.literal_eval(rows[0]["time"])
    except (ValueError, SyntaxError):
        raise InputError(f"{path}: column time is not a Python list of dates") from None
    dates = sorted({_day(str(v), path, 1) for v in values})
    if not dates:
        raise InputError(f"{path}: the reference timeline has no dates")
    text = rows[0].get("timeline") or ""
    return tuple(dates), max(len(_SENTENCE_END.findall(text)), 1)


def prepare_entity_topic(topic: EntityTopic, out: Path, limit: int | None = None) -> Path:
    """The topic's (evenly chosen) articles as text files under ``out/docs`` with a
    manifest of their publication dates; returns the manifest's path. Idempotent."""
    docs = out / "docs"
    manifest = docs / "manifest.json"
    if manifest.exists():
        return manifest
    entries = []
    for i, (day, text) in enumerate(topic.articles(limit)):
        rel = f"{day.isoformat()}/{i:05d}.txt"
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text + "\n", encoding="utf-8")
        entries.append({"path": rel, "published": day.isoformat(), "source": SOURCE})
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, indent=0), encoding="utf-8")
    tmp.replace(manifest)
    return manifest


def annotate_entity_topic(
    topic: EntityTopic, cache: Path, limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Path:
    """The storyline database of ``topic`` (its ``limit`` evenly spaced articles, or all)
    under ``cache/entities/<name>[-<limit>]``, annotated once and reused."""
    work = cache / "entities" / (topic.name if limit is None else f"{topic.name}-{limit}")
    work.mkdir(parents=True, exist_ok=True)
    return annotate_manifest(prepare_entity_topic(topic, work, limit), work, progress)
