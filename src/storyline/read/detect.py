"""Choosing a reader: the kind of an input, from its content as well as its name."""

from __future__ import annotations

import json
import re

__all__ = ["ARCHIVE_KINDS", "detect_kind", "is_hidden", "is_project_file"]

ARCHIVE_KINDS = frozenset({"zip", "tar", "gzip"})

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b)", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:head|body|div|p|article|title|meta|script|span|a\s)\b", re.I)
_FEED = re.compile(rb"<(?:rss\b|feed\b[^>]*xmlns=[\"']http://www\.w3\.org/2005/Atom|rdf:RDF\b)", re.I)
_TEXT_EXT = (".txt", ".text", ".md")
_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
_FEED_EXT = (".rss", ".atom", ".xml")
_CSV_EXT = (".csv", ".tsv")
_JSONL_EXT = (".jsonl", ".ndjson", ".json")


def is_hidden(name: str) -> bool:
    """True for dot-files and files inside dot-folders (``.git/``, ``.DS_Store``, ``__MACOSX``)."""
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


_PROJECT_FILES = re.compile(
    r"^(?:readme|license|licence|changelog|copying|notice)(?:\.(?:md|txt|rst))?$", re.I
)


def is_project_file(name: str) -> bool:
    """True for a folder's README/LICENSE/CHANGELOG: documentation, not an article."""
    return bool(_PROJECT_FILES.match(name.replace("\\", "/").rsplit("/", 1)[-1]))


def _archive_kind(data: bytes, name: str) -> str | None:
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if name.endswith(".tar") and len(data) >= 512 and not data[:512].strip(b"\x00"):
        return "tar"
    return None


def _looks_jsonl(head: bytes, lenient: bool = False) -> bool:
    """JSON objects one per line (``lenient``: the first line is enough)."""
    lines = [ln for ln in head.splitlines() if ln.strip()][:5]
    if not lines:
        return False
    complete = lines[:1] if lenient else (lines[:-1] if len(lines) > 1 else lines)
    try:
        return all(isinstance(json.loads(ln), dict) for ln in complete)
    except ValueError:
        return False


def _looks_json_array(head: bytes) -> bool:
    return head.lstrip().startswith(b"[") and b"{" in head[:200]


def detect_kind(data: bytes, name: str) -> str:
    """The kind of ``data`` (named ``name``): ``zip``/``tar``/``gzip`` (archives),
    ``warc``, ``feed``, ``html``, ``jsonl``, ``csv`` or ``text``. Content wins over the
    extension where they disagree; the extension decides between look-alikes."""
    lower = name.lower()
    archive = _archive_kind(data, lower)
    if archive:
        if archive == "gzip" and lower.endswith((".warc.gz", ".arc.gz")):
            return "warc"
        return archive
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"WARC/"):
        return "warc"
    if _FEED.search(head[:2048]):
        return "feed"
    if _HTML_START.match(head) or (lower.endswith(_HTML_EXT) and _HTML_TAGS.search(head)):
        return "html"
    if lower.endswith(_JSONL_EXT) and (_looks_jsonl(head, lenient=True) or _looks_json_array(head)
                                       or head.lstrip().startswith(b"{")):  # broken JSON: reported as such
        return "jsonl"
    if lower.endswith(_CSV_EXT):
        return "csv"
    if lower.endswith(_FEED_EXT) and head.lstrip().startswith(b"<"):
        return "feed"
    if not lower.endswith(_TEXT_EXT) and _looks_jsonl(head):
        return "jsonl"
    if len(_HTML_TAGS.findall(head)) >= 3 and head.lstrip().startswith(b"<"):
        return "html"
    return "text"
