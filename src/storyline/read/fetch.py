"""Fetching a page by URL (``storyline add URL``), through an injectable fetcher.

``fetch_url(url)`` returns the page as a ``RawRecord``; the network is touched only by
the fetcher, so tests pass their own. The default ``UrlFetcher`` (stdlib urllib) allows
http and https only (redirects included), stops after ``timeout`` seconds and refuses
bodies over ``max_bytes``. Failures raise ``InputError`` with a one-line reason.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from ..errors import InputError
from ..types import RawRecord
from .decode import looks_binary
from .detect import detect_kind
from .records import make_record, one_line

__all__ = ["FetchResponse", "Fetcher", "UrlFetcher", "fetch_url", "is_url"]

_SCHEMES = ("http", "https")
_USER_AGENT = "storyline/0.1 (+https://pypi.org/project/storyline/)"
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")


@dataclass(frozen=True, slots=True)
class FetchResponse:
    url: str  # final URL, after redirects
    status: int
    content_type: str
    data: bytes


class Fetcher(Protocol):
    def __call__(self, url: str, *, timeout: float, max_bytes: int) -> FetchResponse: ...


def is_url(text: str) -> bool:
    """True for an http(s) URL (what ``add`` should fetch rather than open as a path)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in _SCHEMES and bool(parts.netloc)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise InputError(f"redirect to a non-http(s) URL refused: {one_line(newurl, 100)}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class UrlFetcher:
    """The default fetcher: urllib with a timeout, a size cap and http(s) only."""

    def __init__(self, user_agent: str = _USER_AGENT) -> None:
        self.user_agent = user_agent
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects())

    def __call__(self, url: str, *, timeout: float, max_bytes: int) -> FetchResponse:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with self._opener.open(request, timeout=timeout) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise InputError(f"page is {length} bytes, over the limit of {max_bytes}")
                data = response.read(max_bytes + 1)
                return FetchResponse(
                    url=response.geturl(),
                    status=int(response.status),
                    content_type=str(response.headers.get("Content-Type", "")),
                    data=data,
                )
        except urllib.error.HTTPError as exc:
            raise InputError(f"HTTP {exc.code} for {url}") from None
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(f"cannot fetch {url}: {one_line(reason, 120)}") from None


def fetch_url(
    url: str,
    *,
    fetcher: Fetcher | None = None,
    timeout: float = 20.0,
    max_bytes: int = 50_000_000,
) -> RawRecord:
    """The page at ``url`` as a raw record (kind by content: html, feed, text, ...)."""
    if not is_url(url):
        raise InputError(f"not an http(s) URL: {one_line(url, 100)}; only http and https are fetched")
    response = (fetcher or UrlFetcher())(url, timeout=timeout, max_bytes=max_bytes)
    if not 200 <= response.status < 300:
        raise InputError(f"HTTP {response.status} for {url}")
    if len(response.data) > max_bytes:
        raise InputError(f"page at {url} is over the limit of {max_bytes} bytes")
    if not response.data.strip():
        raise InputError(f"empty page at {url}")
    ctype = response.content_type.lower()
    if ctype and not ctype.startswith(_TEXT_TYPES):
        raise InputError(f"not a web page ({ctype.split(';')[0]}) at {url}")
    reason = looks_binary(response.data)
    if reason:
        raise InputError(f"{reason} at {url}")
    kind = detect_kind(response.data, urlsplit(response.url).path or "page.html")
    if kind not in ("html", "text", "feed"):
        kind = "html" if "html" in ctype else "text"
    meta = {"url": response.url, "content_type": ctype}
    return make_record(response.url, response.data, kind, meta)
