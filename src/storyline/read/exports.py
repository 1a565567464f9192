"""Readers for exports from news databases: JSON Lines, JSON arrays and CSV.

Accepted field names (case-insensitive; the first present wins):

- title: ``title``, ``headline``, ``name``
- text: ``text``, ``body``, ``content``, ``article``, ``maintext``, ``full_text``,
  ``articleBody``, ``article_text``; else ``html``/``raw_html`` (cleaned as HTML); else
  ``description``/``summary``/``abstract``
- published: ``published``, ``date``, ``publish_date``, ``published_at``, ``pubdate``,
  ``datePublished``, ``date_published``, ``publication_date``, ``pub_date``
- url: ``url``, ``link``, ``uri``, ``href``
- source: ``source``, ``outlet``, ``publisher``, ``site``, ``sitename``, ``site_name``,
  ``source_name``, ``domain`` (a ``{"name": ...}`` object is accepted, as NewsAPI writes it)
- author: ``author``, ``authors``, ``byline``, ``creator``

A record is ``<file>#<n>``: for JSON Lines ``n`` is the line number, for JSON arrays and
CSV the item number (first item = 1). Its bytes are the JSON line as read; for CSV the
row as canonical JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any

from ..types import RawRecord, Skipped
from .decode import decode
from .records import make_record, one_line

__all__ = ["FIELDS", "item_metadata", "read_csv", "read_jsonl"]

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "text": (
        "text", "body", "content", "article", "maintext", "full_text", "articlebody",
        "article_text",
    ),
    "html": ("html", "raw_html"),
    "summary": ("description", "summary", "abstract"),
    "published": (
        "published", "date", "publish_date", "published_at", "pubdate", "datepublished",
        "date_published", "publication_date", "pub_date",
    ),
    "url": ("url", "link", "uri", "href"),
    "source": (
        "source", "outlet", "publisher", "site", "sitename", "site_name", "source_name", "domain",
    ),
    "author": ("author", "authors", "byline", "creator"),
}
_CONTAINER_KEYS = ("articles", "items", "data", "results", "documents", "docs", "records")


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or value.get("value"))
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    text = str(value).strip()
    return text or None


def item_metadata(item: dict[str, Any]) -> dict[str, str]:
    """The storyline metadata of one exported item (see the module doc for field names)."""
    lowered = {str(k).lower(): v for k, v in item.items()}
    found: dict[str, str] = {}
    for key, names in FIELDS.items():
        for name in names:
            value = _as_text(lowered.get(name))
            if value:
                found[key] = value
                break
    if "text" not in found and "html" not in found and "summary" in found:
        found["text"] = found["summary"]
    found.pop("summary", None)
    return found


def _item_record(path: str, data: bytes, item: Any, kind: str) -> RawRecord | Skipped:
    if not isinstance(item, dict):
        return Skipped(path, f"not a JSON object but {type(item).__name__}")
    meta = item_metadata(item)
    if "text" not in meta and "html" not in meta:
        return Skipped(path, "no text field (expected text, body, content or html)")
    return make_record(path, data, kind, meta)


def _json_items(doc: Any) -> list[Any] | None:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in _CONTAINER_KEYS:
            if isinstance(doc.get(key), list):
                return list(doc[key])
        return [doc]
    return None


def read_jsonl(label: str, data: bytes) -> Iterator[RawRecord | Skipped]:
    """One record per line of a JSON Lines file, or per item of a JSON array/object."""
    text, _ = decode(data)
    if text.lstrip().startswith(("[", "{")):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            doc = None  # JSON Lines (or broken): read line by line
            if not _first_line_is_json(text):  # one document, broken: one reason, not one per line
                yield Skipped(label, f"invalid JSON ({exc.msg}: line {exc.lineno}, column {exc.colno}); "
                              "the file may be cut short")
                return
        if doc is not None:
            yield from _document_items(label, doc)
            return
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        path = f"{label}#{number}"
        try:
            item = json.loads(line)
        except ValueError as exc:
            yield Skipped(path, f"invalid JSON: {one_line(exc)}")
            continue
        yield _item_record(path, line.encode("utf-8"), item, "jsonl")


def _first_line_is_json(text: str) -> bool:
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def _document_items(label: str, doc: Any) -> Iterator[RawRecord | Skipped]:
    items = _json_items(doc)
    if items is None:
        yield Skipped(label, "JSON holds no article objects")
        return
    for number, item in enumerate(items, start=1):
        data = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield _item_record(f"{label}#{number}", data, item, "jsonl")


def read_csv(label: str, data: bytes) -> Iterator[RawRecord | Skipped]:
    """One record per row of a CSV (or TSV) file with a header row."""
    text, _ = decode(data)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if label.lower().endswith(".tsv") else csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = [h.lower().strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        yield Skipped(label, f"malformed CSV: {one_line(exc)}")
        return
    names = set(FIELDS["text"] + FIELDS["html"] + FIELDS["summary"])
    if not names & set(header):
        yield Skipped(label, "CSV has no text column (expected text, body, content or html)")
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skipped(f"{label}#{number + 1}", f"malformed CSV row: {one_line(exc)}")
            return
        number += 1
        clean_row = {k: v for k, v in row.items() if isinstance(k, str)}
        data_bytes = json.dumps(clean_row, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield _item_record(f"{label}#{number}", data_bytes, clean_row, "csv")
