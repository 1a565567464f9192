"""A real browser (Debian's chromium, driven by Playwright) editing through `storyline serve --edit`:
open an event, re-date it, merge another event into it with the search box, see the timeline
change, and undo both on the edit history page."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "korea-letters"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing in CI; `make test` installs it (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} not installed; run `make chromium` (apt-get install chromium) to run the "
                "browser test", allow_module_level=True)

if os.environ.get("CI"):
    import playwright.sync_api as playwright_sync  # CI must run this test, never skip it
else:
    playwright_sync = pytest.importorskip("playwright.sync_api", reason="playwright not installed: make test")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from storyline.api import Storyline
    from storyline.web import create_app

    folder = tmp_path_factory.mktemp("browser-edits")
    shutil.copytree(EXAMPLES, folder / "corpus")
    db = folder / "web.db"
    with Storyline(db) as sl:
        sl.add([folder / "corpus"])
    app = create_app(db, edit=True)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    app.state.service.sl.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _summaries(page: Any) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("li.event a.summary").all_inner_texts()]


def test_redate_merge_and_undo_in_the_browser(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.text} {m.location}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))

    page.goto(server + "/")
    before = _summaries(page)
    assert len(before) > 10 and page.locator("h2.year-head", has_text="2031").count() == 0
    other = page.locator("li.event a.summary").nth(5).inner_text()
    page.locator("li.event a.summary").first.click()
    page.wait_for_url("**/events/*")
    event_url = page.url

    page.fill("#edit-date", "2031-02")
    with page.expect_navigation():
        page.click("form[data-edit='event.date'] button[type=submit]")
    assert "2031" in page.locator(".when.big").inner_text()
    assert page.locator(".mark-edited").count() == 1

    page.fill("#merge-q", " ".join(other.split()[:6]))
    page.click("form.merge-search button[type=submit]")
    page.wait_for_selector("button.merge-with")
    with page.expect_navigation():
        page.locator("button.merge-with").first.click()
    assert page.locator("text=Merged into it").count() == 1
    mentions = page.locator("li.mention").count()
    assert mentions >= 2

    page.goto(server + "/")
    after = _summaries(page)
    assert " ".join(other.split()) not in after  # merged into the re-dated event
    assert page.locator("h2.year-head", has_text="2031").count() == 1
    assert page.locator("li.event .mark-edited").count() == 1

    page.goto(server + "/edits")
    assert page.locator("button[data-undo]").count() == 2
    for _ in range(2):
        with page.expect_navigation():
            page.locator("button[data-undo]").last.click()
    assert page.locator("button[data-undo]").count() == 0 and page.locator("tr.undone").count() == 2

    page.goto(server + "/")
    assert _summaries(page) == before
    page.goto(event_url)
    assert "2031" not in page.locator(".when.big").inner_text()
    assert not problems, problems
    page.close()
