"""WARC files of crawled pages (plain or gzipped), read with warcio.

One record per ``response`` (or ``resource``) record whose payload is HTML or text:
``<file>#<target URI>``, the bytes being the HTTP payload. The WARC date is the crawl
date, not the publication date, so it is kept as ``crawled``, never as ``published``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from ..types import RawRecord, Skipped
from .records import make_record, one_line

__all__ = ["read_warc"]

_WANTED = ("text/html", "application/xhtml", "text/plain")


def _content_type(record: Any) -> str:
    if record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def read_warc(label: str, stream: IO[bytes], max_bytes: int) -> Iterator[RawRecord | Skipped]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Skipped(label, "reading WARC files needs the warcio package: pip install warcio")
        return
    count = wanted = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = str(record.rec_headers.get_header("WARC-Target-URI") or "")
            count += 1
            path = f"{label}#{uri or count}"
            ctype = _content_type(record).lower()
            if not ctype.startswith(_WANTED):
                continue
            wanted += 1
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            if status and not str(status).startswith("2"):
                yield Skipped(path, f"HTTP status {status}")
                continue
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Skipped(path, f"record over the size limit of {max_bytes} bytes")
                continue
            if not payload.strip():
                yield Skipped(path, "empty payload")
                continue
            crawled = record.rec_headers.get_header("WARC-Date")
            meta = {"url": uri, "crawled": crawled, "content_type": ctype}
            yield make_record(path, payload, "warc", meta)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Skipped(label, f"unreadable WARC: {one_line(exc)}")
        return
    if not wanted:
        yield Skipped(label, "WARC holds no HTML or text responses")
