"""fetch: pages by URL through an injectable fetcher (no network in tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.read.fetch import FetchResponse, fetch_url, is_url

PAGE = (Path(__file__).parent / "fixtures" / "input" / "page.html").read_bytes()


class FakeFetcher:
    def __init__(self, response: FetchResponse) -> None:
        self.response = response
        self.calls: list[tuple[str, float, int]] = []

    def __call__(self, url: str, *, timeout: float, max_bytes: int) -> FetchResponse:
        self.calls.append((url, timeout, max_bytes))
        return self.response


def _ok(data: bytes = PAGE, ctype: str = "text/html; charset=utf-8", status: int = 200) -> FakeFetcher:
    return FakeFetcher(FetchResponse("https://ledger.example.com/final", status, ctype, data))


def test_fetch_returns_html_record() -> None:
    fetcher = _ok()
    record = fetch_url("https://ledger.example.com/a", fetcher=fetcher, timeout=5, max_bytes=10**6)
    assert record.kind == "html" and record.data == PAGE
    assert record.path == record.metadata["url"] == "https://ledger.example.com/final"
    assert fetcher.calls == [("https://ledger.example.com/a", 5, 10**6)]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.example/a", "javascript:alert(1)", "/tmp/a"])
def test_only_http_and_https(url: str) -> None:
    assert not is_url(url)
    with pytest.raises(InputError, match="only http and https"):
        fetch_url(url, fetcher=_ok())


@pytest.mark.parametrize(
    ("fetcher", "message"),
    [
        (_ok(status=404), "HTTP 404"),
        (_ok(data=b"x" * 2000), "over the limit"),
        (_ok(data=b"  "), "empty page"),
        (_ok(data=b"\x89PNG....", ctype="image/png"), "not a web page"),
        (_ok(data=b"\x00\x01\x02" * 10, ctype=""), "binary"),
    ],
)
def test_bad_responses_raise_input_error(fetcher: FakeFetcher, message: str) -> None:
    with pytest.raises(InputError, match=message):
        fetch_url("https://x.example/a", fetcher=fetcher, max_bytes=1000)


def test_is_url() -> None:
    assert is_url("https://www.koreaherald.com/article/1") and is_url("HTTP://x.example")
    assert not is_url("examples/korea-letters")
