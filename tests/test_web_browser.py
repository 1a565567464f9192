"""A real browser (Debian's chromium, driven by Playwright) against `storyline serve`'s app.

Loads the timeline of the sample corpus, filters by "Kim Jong-un", opens an event, follows a source
to the highlighted sentence, brushes the overview strip, and saves screenshots under the test output.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import playwright.sync_api as playwright_sync  # a dev dependency: `make test` installs it
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from storyline.api import Storyline
    from storyline.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    shutil.copytree(EXAMPLES, folder / "corpus")
    db = folder / "web.db"
    with Storyline(db) as sl:
        sl.add([folder / "corpus"])
    app = create_app(db)
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


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("STORYLINE_SCREENSHOTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_timeline_filter_event_and_highlighted_sentence(server: str, browser: Any, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.text} {m.location}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    page.goto(server + "/")
    assert page.locator("li.event").count() > 10
    assert page.locator("h2.year-head", has_text="2019").count() == 1
    assert page.locator("svg.density rect.bar").count() > 0
    page.screenshot(path=str(shots / "timeline.png"), full_page=False)
    everything = page.locator("li.event").count()

    page.fill("input[name=entity]", "Kim Jong-un")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*entity=Kim*")
    filtered = page.locator("li.event").count()
    assert 0 < filtered < everything
    assert page.locator(".chip.removable", has_text="Kim Jong-un").count() == 1
    page.screenshot(path=str(shots / "timeline-kim.png"))

    first = page.locator("li.event").first
    first.locator("details.sources summary").click()
    assert first.locator("details.sources li").first.is_visible()
    first.locator("a.summary").click()
    page.wait_for_url("**/events/*")
    sentence = page.locator("li.mention blockquote").first.inner_text().strip()
    page.locator("a.open-article").first.click()
    page.wait_for_url("**/articles/*")
    highlighted = page.locator("#hl")
    assert "hl" in (highlighted.get_attribute("class") or "")
    assert highlighted.is_visible()
    marked = " ".join("".join(page.locator("article.text .hl").all_inner_texts()).split())
    assert " ".join(sentence.split())[:40] in marked
    assert page.evaluate("() => { const r = document.getElementById('hl').getBoundingClientRect();"
                         " return r.top >= 0 && r.top < window.innerHeight; }")
    page.screenshot(path=str(shots / "article-highlight.png"))
    assert not problems, problems
    page.close()


def test_brushing_the_overview_zooms_the_timeline(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/?bins=year")
    box = page.locator("svg.density").bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=5)
    page.mouse.up()
    page.wait_for_url("**since=*until=*")
    assert page.locator("a.zoom-out").count() == 1
    page.close()
