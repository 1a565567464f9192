"""Manifests: per-file metadata (publication date, outlet, title, URL) given by the user.

A manifest is a CSV file with a header row, or a JSON file (a list of objects, or an
object mapping file names to objects), with these fields per file:

- ``path`` (required): the file name, or its path relative to the manifest's folder
- ``published`` (required): ``YYYY-MM-DD`` (``date`` is accepted as an alias)
- ``source`` (optional, but recommended): the outlet
- ``title``, ``url`` (optional)

A manifest lacking an optional column still gives its dates; ``storyline add`` warns about
rows naming a missing file and about files in the folder that the manifest does not list.

It is found automatically in a folder given to ``storyline add`` when named
``manifest.csv``/``manifest.json`` or ``storyline-manifest.*``, and is not ingested as
an article. Dates from a manifest are the user's word (``published_basis`` ``user``; see
``pipeline.dating``).
"""

from __future__ import annotations

import csv
import io
import json
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ManifestError
from ..types import Article, DateValue

__all__ = ["Manifest", "ManifestEntry", "find_manifest", "is_manifest", "load_manifest"]

_NAMES = ("manifest.csv", "manifest.json")
_PREFIX = "storyline-manifest."
_SUFFIXES = (".csv", ".json")
_ALIASES = {"date": "published", "file": "path", "filename": "path", "outlet": "source"}
_REQUIRED = ("path", "published")


def is_manifest(path: str | Path) -> bool:
    """True for files named ``manifest.csv``/``manifest.json`` or ``storyline-manifest.*``."""
    name = Path(path).name.lower()
    return name in _NAMES or (name.startswith(_PREFIX) and name.endswith(_SUFFIXES))


def find_manifest(folder: Path) -> Path | None:
    """The manifest directly inside ``folder``, if there is one."""
    if not folder.is_dir():
        return None
    for child in sorted(folder.iterdir()):
        if child.is_file() and is_manifest(child):
            return child
    return None


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: str
    published: DateValue
    source: str | None = None
    title: str | None = None
    url: str | None = None

    def apply(self, article: Article) -> Article:
        """``article`` with the manifest's outlet, title and URL (the user's word wins). Its
        date is set where every date is chosen: ``pipeline.dating``."""
        return replace(
            article,
            source=self.source or article.source,
            title=self.title or article.title,
            url=self.url or article.url,
        )


@dataclass(frozen=True, slots=True)
class Manifest:
    """Entries keyed by their path relative to ``folder`` (POSIX form)."""

    folder: Path
    entries: dict[str, ManifestEntry] = field(default_factory=dict)

    def lookup(self, file_path: str | Path) -> ManifestEntry | None:
        """The entry for ``file_path`` (absolute, relative to the manifest's folder or to
        the working folder, or a bare file name), or None when the manifest does not list it."""
        path = Path(file_path)
        candidates: list[str] = []
        for base in (self.folder, self.folder.resolve()):
            with suppress(ValueError):
                candidates.append(PurePosixPath(path.relative_to(base)).as_posix())
        with suppress(ValueError, OSError):
            relative = path.resolve().relative_to(self.folder.resolve())
            candidates.append(PurePosixPath(relative).as_posix())
        candidates += [path.as_posix(), path.name]
        for key in candidates:
            if key in self.entries:
                return self.entries[key]
        return None

    def missing_files(self) -> list[str]:
        """The listed paths with no file at them (relative to the manifest's folder)."""
        return [key for key in self.entries if not (self.folder / key).exists()]

    def __len__(self) -> int:
        return len(self.entries)


def load_manifest(path: Path) -> Manifest:
    """Read a CSV or JSON manifest; raise ManifestError naming the line and field at fault."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"cannot read manifest {path}: {exc}") from None
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        rows = _json_rows(path, text)
    else:
        rows = _csv_rows(path, text)
    entries: dict[str, ManifestEntry] = {}
    for where, row in rows:
        entry = _entry(path, where, row)
        if entry.path in entries:
            raise ManifestError(f"{path}, {where}: file {entry.path!r} is listed twice; keep one entry")
        entries[entry.path] = entry
    return Manifest(path.parent, entries)


def _json_rows(path: Path, text: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}, line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if isinstance(doc, dict):
        doc = [{"path": k, **v} if isinstance(v, dict) else v for k, v in doc.items()]
    if not isinstance(doc, list):
        raise ManifestError(f"{path}: expected a list of objects with path, published (and source)")
    rows = []
    for number, item in enumerate(doc, start=1):
        if not isinstance(item, dict):
            raise ManifestError(f"{path}, item {number}: expected an object with path, published "
                                "(and source)")
        rows.append((f"item {number}", item))
    return rows


def _csv_rows(path: Path, text: str) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [_key(h) for h in (reader.fieldnames or [])]
    missing = [f for f in _REQUIRED if f not in header]
    if missing:
        raise ManifestError(
            f"{path}, line 1: header lacks column(s) {', '.join(missing)}; "
            "expected path,published[,source,title,url]"
        )
    rows = []
    try:
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            rows.append((f"line {reader.line_num}", row))
    except csv.Error as exc:
        raise ManifestError(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from None
    return rows


def _key(name: Any) -> str:
    key = str(name or "").strip().lower()
    return _ALIASES.get(key, key)


def _entry(path: Path, where: str, row: dict[str, Any]) -> ManifestEntry:
    values = {_key(k): str(v).strip() for k, v in row.items() if k is not None and v is not None}
    for name in _REQUIRED:
        if not values.get(name):
            raise ManifestError(f"{path}, {where}: field {name!r} is missing or empty")
    raw_date = values["published"]
    try:
        day = date.fromisoformat(raw_date)
    except ValueError:
        raise ManifestError(
            f"{path}, {where}: field 'published' is {raw_date!r}; write the date as YYYY-MM-DD"
        ) from None
    file_key = PurePosixPath(values["path"].replace("\\", "/")).as_posix().removeprefix("./")
    return ManifestEntry(
        path=file_key,
        published=DateValue.of_day(day),
        source=values.get("source") or None,
        title=values.get("title") or None,
        url=values.get("url") or None,
    )
