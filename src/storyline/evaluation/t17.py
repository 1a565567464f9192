"""Timeline17 (T17) as news-tls lays it out: topics, reference timelines, keywords,
and the one-time annotation of each topic's articles into a storyline database.

``sources/<folder>/InputDocs/<YYYY-MM-DD>/*.htm.txt`` are tokenised articles (PTB
tokens such as ``-LRB-`` and ````` ``) whose folder name is the publication date;
``sources/<folder>/timelines/*.txt`` are the reference timelines (a date line,
sentences, a ``-----`` line); ``topics/<topic>/keywords.json`` lists a topic's
keywords. A topic's articles are the union of its source folders' InputDocs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError

__all__ = [
    "TOPIC_FOLDERS",
    "Reference",
    "Topic",
    "annotate_manifest",
    "annotate_topic",
    "load_topic",
    "prepare_topic",
    "ptb_detokenise",
    "read_reference",
    "topic_names",
]

# news-tls groups T17's source folders into nine topics by their name prefix.
TOPIC_FOLDERS = {
    "bpoil": "bpoil_",
    "egypt": "EgyptianProtest_",
    "finan": "Finan_",
    "h1n1": "H1N1_",
    "haiti": "haiti_",
    "iraq": "IraqWar_",
    "libya": "LibyaWar_",
    "mj": "MJ_",
    "syria": "SyrianCrisis_",
}

_PTB = {
    "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
    "``": '"', "''": '"',
}
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s|'S|'re|'ve|'ll|'d|'m|n't)(?=\s|$)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$#]) ")
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}$")


def ptb_detokenise(text: str) -> str:
    """Text with PTB bracket and quote tokens replaced and the spaces tokenisation added
    before punctuation and clitics removed (quotes keep their spaces)."""
    words = [_PTB.get(w, w) for w in text.split()]
    out = " ".join(words)
    out = _NO_SPACE_BEFORE.sub(r"\1", out)
    return _NO_SPACE_AFTER.sub(r"\1", out)


@dataclass(frozen=True, slots=True)
class Reference:
    """One journalist-written timeline: dates in order, each with its sentences."""

    name: str
    entries: tuple[tuple[date, tuple[str, ...]], ...]

    @property
    def start(self) -> date:
        return self.entries[0][0]

    @property
    def end(self) -> date:
        return self.entries[-1][0]

    def as_dict(self) -> dict[date, list[str]]:
        return {day: list(sents) for day, sents in self.entries}


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    root: Path
    folders: tuple[Path, ...]
    keywords: tuple[str, ...]
    references: tuple[Reference, ...]

    def articles(self) -> list[tuple[Path, date]]:
        """Every input article file with its publication date (its folder's name)."""
        found: list[tuple[Path, date]] = []
        for folder in self.folders:
            for day_dir in sorted((folder / "InputDocs").iterdir()):
                if not day_dir.is_dir():
                    continue
                day = date.fromisoformat(day_dir.name)
                found.extend((f, day) for f in sorted(day_dir.glob("*.txt")))
        return found


def topic_names(root: Path) -> list[str]:
    return [t for t in TOPIC_FOLDERS if (root / "topics" / t).is_dir()]


def read_reference(path: Path, name: str | None = None) -> Reference:
    """A reference timeline file: date lines, sentence lines, ``-----`` separators."""
    merged: dict[date, list[str]] = {}
    current: date | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or _SEPARATOR.match(line):
            continue
        if _DATE_LINE.match(line):
            current = date.fromisoformat(line)
            merged.setdefault(current, [])
        elif current is not None:
            merged[current].append(line)
    entries = tuple((d, tuple(s)) for d, s in sorted(merged.items()) if s)
    if not entries:
        raise InputError(f"{path}: no dated entries; is it a T17 timeline file?")
    return Reference(name or path.stem, entries)


def load_topic(root: Path, name: str) -> Topic:
    """The topic ``name`` of the T17 folder ``root``."""
    prefix = TOPIC_FOLDERS.get(name)
    if prefix is None:
        raise InputError(f"unknown T17 topic {name!r}; choose from {', '.join(TOPIC_FOLDERS)}")
    sources = root / "sources"
    folders = tuple(sorted(p for p in sources.iterdir() if p.is_dir() and p.name.startswith(prefix)))
    if not folders:
        raise InputError(f"no source folders for topic {name!r} under {sources}")
    kw_path = root / "topics" / name / "keywords.json"
    keywords = tuple(json.loads(kw_path.read_text(encoding="utf-8"))) if kw_path.exists() else ()
    refs: list[Reference] = []
    for folder in folders:
        for path in sorted((folder / "timelines").glob("*.txt")):
            refs.append(read_reference(path, f"{folder.name}/{path.name}"))
    return Topic(name, root, folders, keywords, tuple(refs))


def prepare_topic(topic: Topic, out: Path) -> Path:
    """Detokenised copies of a topic's articles under ``out/docs`` and a manifest giving
    each one's publication date and outlet; returns the manifest's path. Idempotent."""
    docs = out / "docs"
    manifest = out / "docs" / "manifest.json"
    if manifest.exists():
        return manifest
    entries = []
    for path, day in topic.articles():
        folder = path.parents[2].name
        rel = f"{folder}/{day.isoformat()}/{path.name.split('.')[0]}.txt"
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        text = " ".join(ptb_detokenise(ln) for ln in lines if ln.strip())
        target.write_text(text + "\n", encoding="utf-8")
        entries.append({"path": rel, "published": day.isoformat(), "source": folder.split("_", 1)[-1]})
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, indent=0), encoding="utf-8")
    tmp.replace(manifest)
    return manifest


def annotate_topic(
    topic: Topic, cache: Path, progress: Callable[[int], None] | None = None
) -> Path:
    """The storyline database of ``topic`` under ``cache``, annotating its articles once
    (re-running finishes an interrupted annotation and otherwise does nothing)."""
    work = cache / topic.name
    work.mkdir(parents=True, exist_ok=True)
    if (work / "annotated").exists() and (work / "storyline.db").exists():
        return work / "storyline.db"
    return annotate_manifest(prepare_topic(topic, work), work, progress)


def annotate_manifest(
    manifest: Path, work: Path, progress: Callable[[int], None] | None = None
) -> Path:
    """``work/storyline.db`` holding the articles ``manifest`` lists (files beside it),
    annotated once: a finished database is reused, an interrupted one completed."""
    from ..api import Storyline

    db = work / "storyline.db"
    done = work / "annotated"
    if done.exists() and db.exists():
        return db
    failed: list[str] = []
    with Storyline(db) as sl:
        try:
            sl.add([manifest.parent], manifest=manifest, progress=progress)
        except Exception:  # noqa: BLE001 - an annotator bug must not lose the topic
            # one article broke a batch: go file by file, stored ones are skipped by hash
            for path in sorted(manifest.parent.glob("**/*.txt")):
                try:
                    sl.add([path], manifest=manifest, progress=progress)
                except Exception as exc:  # noqa: BLE001
                    failed.append(f"{path.relative_to(manifest.parent)}: {type(exc).__name__}: {exc}")
    (work / "failed.txt").write_text("".join(f + "\n" for f in failed), encoding="utf-8")
    done.write_text("ok\n", encoding="utf-8")
    return db
