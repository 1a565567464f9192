"""A real browser (Debian's chromium, driven by Playwright) against `storyline serve`'s app.

Loads the timeline of the sample corpus, filters by "Kim Jong-un", opens an event, follows a source
to the highlighted sentence, brushes the overview strip, and saves screenshots under the test output.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import chromium, copy_sample, require_chromium, serving

require_chromium()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Iterator[str]:
    from storyline.web import create_app

    app = create_app(copy_sample(sample_db_file, tmp_path_factory.mktemp("browser"), "web.db"))
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


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
