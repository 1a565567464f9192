"""timeline.html_export: one self-contained, escaped HTML file with every event's sources."""

from __future__ import annotations

from html.parser import HTMLParser

from storyline.timeline.export import render
from storyline.types import DateValue, SourceRef, TimelineEvent

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"'


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("src", "href")]


def _events() -> list[TimelineEvent]:
    refs = (SourceRef(4, HOSTILE, "Kim " + HOSTILE, "Wire <b>", DateValue.parse("2019-06-23")),
            SourceRef(5, "Second", "Trump replied.", None, None))
    return [TimelineEvent(1, DateValue.parse("2019-06"), HOSTILE, ("Kim <Jong-un>",), refs, 2.0,
                          marks=("pinned",)),
            TimelineEvent(2, DateValue.parse("2019-06-30"), "They met.", (), refs[1:])]


def test_html_is_one_escaped_file_without_scripts() -> None:
    page = render(_events(), "html", title="Timeline: <Kim>")
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags and not parser.links
    assert parser.tags.count("style") == 1 and "&lt;script&gt;" in page and "Timeline: &lt;Kim&gt;" in page
    assert page.count('class="event"') == 2 and 'class="mark">pinned' in page


def test_every_source_is_listed_and_cited() -> None:
    page = render(_events(), "html")
    assert page.count("<cite>") == 3 + 2  # three source lines, two articles in the list of sources
    assert "Trump replied." in page and '<li value="4">' in page and '<li value="5">' in page
    assert "(Wire &lt;b&gt;, 2019-06-23)" in page


def test_empty_timeline() -> None:
    page = render([], "html", title="Nothing")
    assert "0 event(s)" in page and page.rstrip().endswith("</html>")
