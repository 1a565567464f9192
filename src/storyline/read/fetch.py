"""Fetching a page by URL (``storyline add URL``), through an injectable fetcher.

``fetch_url(url)`` returns the page as a ``RawRecord``; the network is touched only by
the fetcher, so tests pass their own. The default ``UrlFetcher`` (stdlib urllib) allows
http and https only (redirects included), waits at most ``timeout`` seconds for any one
read and gives up on a page after ``deadline`` seconds in all (a server sending a few
bytes now and then cannot hold it), refuses bodies over ``max_bytes``, and connects to
no loopback, private, link-local or otherwise reserved address unless ``allow_private``
(the address connected to is checked, so a name that resolves differently the second
time cannot slip past). Failures raise ``InputError`` with a one-line reason.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
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


def _check_peer(sock: socket.socket | None, host: str) -> None:
    if sock is None:
        return
    address = ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if not address.is_global:
        sock.close()
        raise InputError(
            f"{one_line(host, 80)} is at a private or local address ({address}); "
            "storyline fetches such pages only with add --allow-private"
        )


class _PublicHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self.sock, self.host)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self.sock, self.host)


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPSConnection, req)  # default context: certificates verified


class UrlFetcher:
    """The default fetcher: urllib with per-read and overall time limits, a size cap, http(s)
    only, and public addresses only unless ``allow_private``."""

    def __init__(
        self, user_agent: str = _USER_AGENT, deadline: float = 60.0, allow_private: bool = False
    ) -> None:
        self.user_agent = user_agent
        self.deadline = deadline
        handlers: list[urllib.request.BaseHandler] = [_HttpOnlyRedirects()]
        if not allow_private:
            handlers += [_PublicHTTPHandler(), _PublicHTTPSHandler()]
        self._opener = urllib.request.build_opener(*handlers)

    def __call__(self, url: str, *, timeout: float, max_bytes: int) -> FetchResponse:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        end = time.monotonic() + self.deadline
        try:
            with self._opener.open(request, timeout=min(timeout, self.deadline)) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise InputError(f"page is {length} bytes, over the limit of {max_bytes}")
                return FetchResponse(
                    url=response.geturl(),
                    status=int(response.status),
                    content_type=str(response.headers.get("Content-Type", "")),
                    data=self._body(response, url, end, max_bytes),
                )
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the connection
            if 300 <= exc.code < 400:  # urllib refused to follow: a loop, or to another scheme
                raise InputError(f"redirect not followed for {url}: {one_line(exc.msg, 160)}") from None
            raise InputError(f"HTTP {exc.code} for {url}") from None
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(f"cannot fetch {url}: {one_line(reason, 120)}") from None

    def _body(self, response: http.client.HTTPResponse, url: str, end: float, max_bytes: int) -> bytes:
        """The body, read as it comes (``read1``), so that the deadline is checked at every piece."""
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(65536):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                break  # fetch_url reports it
            if time.monotonic() > end:
                raise InputError(f"gave up on {url} after {self.deadline:g} s (the server sends too slowly)")
        return b"".join(chunks)


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
