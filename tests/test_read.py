"""read: files, folders, archives and exports become raw records or skipped reasons."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.read import read_bytes, read_paths
from storyline.read.decode import decode
from storyline.read.detect import detect_kind
from storyline.types import RawRecord, Skipped

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "korea-letters"
FIXTURES = Path(__file__).parent / "fixtures" / "input"
MAX = 1_000_000


def _read(*paths: Path | str, max_bytes: int = MAX) -> tuple[list[RawRecord], list[Skipped]]:
    results = list(read_paths(paths, max_bytes))
    records = [r for r in results if isinstance(r, RawRecord)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    assert len(records) + len(skipped) == len(results)
    return records, skipped


def test_seed_folder_gives_one_text_record_per_article() -> None:
    records, skipped = _read(SEEDS)
    names = [Path(r.path).name for r in records]
    assert names == sorted(n.name for n in SEEDS.glob("0*.txt"))  # no manifest, no README
    assert not skipped
    assert all(r.kind == "text" for r in records)
    first = records[0]
    assert first.data == (SEEDS / names[0]).read_bytes()
    assert len(first.sha256) == 64


def test_folder_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second title\n\nSome text here.\n")
    (tmp_path / "a.txt").write_text("First title\n\nSome text here.\n")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.\n")
    (tmp_path / ".git" / "config.txt").write_text("x\n\ny.\n")
    records, skipped = _read(tmp_path)
    assert [Path(r.path).relative_to(tmp_path).as_posix() for r in records] == ["a.txt", "b/two.txt"]
    assert not skipped


def test_html_detected_by_content_not_extension(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_bytes((FIXTURES / "page.html").read_bytes())
    records, _ = _read(page)
    assert records[0].kind == "html"


def test_kinds_by_extension_and_content() -> None:
    assert detect_kind(b"<rss version='2.0'><channel/></rss>", "x.bin") == "feed"
    assert detect_kind(b'{"title": "a", "text": "b"}\n', "x.json") == "jsonl"
    assert detect_kind(b"WARC/1.0\r\n", "crawl") == "warc"
    assert detect_kind(b"Plain title\n\nBody.", "notes.md") == "text"


def test_bad_inputs_are_skipped_with_one_line_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"   \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3)
    (tmp_path / "nul.txt").write_bytes(b"abc\x00\x01\x02def" * 50)
    (tmp_path / "big.txt").write_bytes(b"A title\n\n" + b"word " * 300)
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "broken.tar.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "feed.xml").write_bytes(b"<rss><channel><item><title>x</title></chan")
    records, skipped = _read(tmp_path, tmp_path / "missing.txt", max_bytes=1000)
    assert not records
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert "binary" in reasons["nul.txt"]
    assert "over the limit" in reasons["big.txt"]
    assert "zip" in reasons["broken.zip"]
    assert "gzip" in reasons["broken.tar.gz"]
    assert "malformed feed" in reasons["feed.xml"]
    assert "no such file" in reasons["missing.txt"]
    assert all("\n" not in s.reason for s in skipped)


def test_invalid_utf8_is_decoded_as_cp1252() -> None:
    records, _ = _read(FIXTURES / "cp1252.txt")
    assert records[0].metadata["encoding"] == "cp1252"
    text, encoding = decode((FIXTURES / "cp1252.txt").read_bytes())
    assert encoding == "cp1252"
    assert "Café" in text and "“We will not give up,”" in text
    assert decode(b"caf\xe9 \x81")[1] == "latin-1"  # 0x81 is undefined in cp1252
    assert decode("naïve".encode("utf-16"))[0] == "naïve"


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_and_tar_gz_archives(tmp_path: Path) -> None:
    article = (SEEDS / "000_ac3c80f9f90edc96.txt").read_bytes()
    inner = _zip_bytes({"nested/c.txt": b"Nested title\n\nNested text."})
    files = {
        "b.txt": article,
        "a.html": (FIXTURES / "page.html").read_bytes(),
        "__MACOSX/._b.txt": b"junk",
        "manifest.csv": b"path,published,source\nb.txt,2019-06-23,NYT\n",
        "empty.txt": b"",
        "inner.zip": inner,
        "export.jsonl": (FIXTURES / "export.jsonl").read_bytes(),
    }
    (tmp_path / "saved.zip").write_bytes(_zip_bytes(files))
    tgz = tmp_path / "saved.tar.gz"
    with tarfile.open(tgz, "w:gz") as tf:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    for archive in ("saved.zip", "saved.tar.gz"):
        records, skipped = _read(tmp_path / archive)
        paths = [r.path.split(archive + "/", 1)[1] for r in records]
        assert paths == [
            "a.html", "b.txt", "export.jsonl#1", "export.jsonl#2", "inner.zip/nested/c.txt"
        ], archive
        assert records[1].data == article
        left_out = {s.path.rsplit("/", 1)[-1] for s in skipped}
        assert left_out == {"empty.txt", "export.jsonl#3", "export.jsonl#4"}


def test_gzipped_single_page(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress((FIXTURES / "page.html").read_bytes()))
    records, _ = _read(tmp_path / "page.html.gz")
    assert records[0].kind == "html" and records[0].path.endswith("page.html.gz")


def test_jsonl_export_one_record_per_line() -> None:
    records, skipped = _read(FIXTURES / "export.jsonl")
    assert [r.path.rsplit("#", 1)[1] for r in records] == ["1", "2"]
    first = records[0].metadata
    assert first["title"] == "Envoy says talks will resume in Geneva"
    assert first["source"] == "The Daily Ledger"
    assert first["author"] == "Maria Jensen"
    assert first["published"] == "2021-03-14"
    assert records[1].metadata["source"] == "Ledger Markets"
    assert [s.reason.split(" ")[0] for s in skipped] == ["invalid", "no"]
    assert skipped[1].reason == "no text field (expected text, body, content or html)"
    assert all(r.kind == "jsonl" for r in records)


def test_json_array_export(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text('{"status": "ok", "articles": [{"title": "A", "description": "Alpha text."}, 3]}')
    records, skipped = _read(path)
    assert records[0].path.endswith("news.json#1") and records[0].metadata["text"] == "Alpha text."
    assert skipped[0].path.endswith("#2")


def test_csv_export() -> None:
    records, skipped = _read(FIXTURES / "export.csv")
    assert not skipped
    assert [r.kind for r in records] == ["csv", "csv"]
    assert records[0].metadata["source"] == "Harbour Times"
    assert '"We are back,"' in records[0].metadata["text"]
    assert "url" not in records[1].metadata


def test_rss_and_atom_feeds() -> None:
    records, skipped = _read(FIXTURES / "feed.xml", FIXTURES / "atom.xml")
    assert not skipped
    assert [r.path.split("#", 1)[1] for r in records] == [
        "ledger-1001",
        "https://ledger.example.com/markets/rally",
        "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a",
    ]
    rss = records[0].metadata
    assert rss["source"] == "Ledger World News" and rss["author"] == "Maria Jensen"
    assert rss["published"].startswith("Sun, 14 Mar 2021")
    assert records[1].metadata["text"].startswith("<p>Stocks rose")
    atom = records[2].metadata
    assert atom["url"] == "https://harbour.example.org/ferry-restored"
    assert atom["published"] == "2022-05-02T08:00:00Z" and atom["author"] == "Tom Okafor"


def test_feed_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    feed = tmp_path / "evil.xml"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><title>t</title><item><title>a</title><description>&x;</description>"
        "</item></channel></rss>"
    )
    results = list(read_paths([feed], MAX))
    assert all("TOP SECRET" not in str(getattr(r, "metadata", "")) for r in results)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=st.sampled_from(
    ["x.txt", "x.html", "x.jsonl", "x.csv", "x.xml", "x.zip", "x.tar.gz", "x.warc", "x"]
))
def test_read_never_raises_on_arbitrary_bytes(data: bytes, name: str) -> None:
    for result in read_bytes(name, data, 2000):
        assert isinstance(result, RawRecord | Skipped)
        if isinstance(result, Skipped):
            assert "\n" not in result.reason


@pytest.mark.parametrize("prefix", [b"PK\x03\x04", b"\x1f\x8b\x08", b"WARC/1.0\r\n", b"<rss>", b"{"])
def test_read_never_raises_on_truncated_containers(prefix: bytes) -> None:
    results = list(read_bytes("x", prefix + b"\x00garbage" * 10, MAX))
    assert results and all(isinstance(r, RawRecord | Skipped) for r in results)


def _warc_bytes(pages: dict[str, tuple[str, bytes]]) -> bytes:
    """A small gzipped WARC file of HTTP responses, written by hand (the format is simple)."""
    out = io.BytesIO()
    for number, (uri, (ctype, body)) in enumerate(pages.items()):
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
        block = http.encode() + body
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        )
        out.write(gzip.compress(head.encode() + block + b"\r\n\r\n"))
    return out.getvalue()


def test_warc_one_record_per_html_response(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_bytes()
    data = _warc_bytes({
        "https://ledger.example.com/a": ("text/html; charset=utf-8", page),
        "https://ledger.example.com/logo.png": ("image/png", b"\x89PNG..."),
        "https://ledger.example.com/b.txt": ("text/plain", b"A title\n\nSome text."),
    })
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    records, skipped = _read(tmp_path / "crawl.warc.gz")
    assert not skipped
    assert [r.path.split("#", 1)[1] for r in records] == [
        "https://ledger.example.com/a", "https://ledger.example.com/b.txt"
    ]
    assert records[0].kind == "warc" and records[0].data == page
    assert records[0].metadata["url"] == "https://ledger.example.com/a"
    assert "published" not in records[0].metadata
