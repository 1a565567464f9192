"""A real browser (Debian's chromium, driven by Playwright) editing through `storyline serve --edit`:
open an event, re-date it, merge another event into it with the search box, see the timeline
change, and undo both on the edit history page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import chromium, copy_sample, require_chromium, serving

require_chromium()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Iterator[str]:
    from storyline.web import create_app

    db = copy_sample(sample_db_file, tmp_path_factory.mktemp("browser-edits"), "web.db")
    app = create_app(db, edit=True)
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


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
