"""The web app in-process through ASGI: every API endpoint and page, filters, errors, escaping."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import copy_sample
from storyline.api import Storyline
from storyline.store import Store
from storyline.types import Article, DateValue, PublishedBasis, RawRecord, TimelineQuery, Timex
from storyline.web import create_app
from storyline.web.format import (
    MAX_BINS,
    axis_labels,
    density,
    display_date,
    fit_bin,
    plain,
    safe_url,
    segments,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "korea-letters"

HOSTILE_TITLE = '<script>alert("t")</script> Kim Jong-un "><img src=x onerror=alert(1)> letter'
HOSTILE_TEXT = (
    HOSTILE_TITLE
    + "\n\nSEOUL — On June 30, 2019, Kim Jong-un met Donald Trump at the border, "
    '<script>alert("body")</script> officials said. "><img src=x onerror=alert(2)> '
    'Trump said on Sunday that "it was a great day for the world." '
    '<a href="javascript:alert(3)">click here</a> to read more.\n'
)
HOSTILE_PLAIN = (
    'Kim Jong-un writes "><img src=x onerror=alert(2)> to Trump\n\n'
    "SEOUL — On June 30, 2019, Kim Jong-un met Donald Trump at the border, officials said. "
    '"><img src=x onerror=alert(3)> Trump said on Sunday that "it was a great day for the world." '
    "Visit javascript:alert(9) to read more.\n"
)
RAW_MARKERS = ("<script>", "<img src=x", 'href="javascript:')


class Client:
    """A synchronous face over httpx.AsyncClient + ASGITransport (no server, no TestClient)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def get(self, url: str, **params: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
                return await client.get(url, params=params or None)

        return asyncio.run(call())


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Path:
    """The session's sample store, then hostile articles added to it."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile"
    hostile.mkdir()
    record = {"title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "published": "2019-07-01",
              "source": '<b>Evil</b> "><img src=y onerror=alert(4)>', "url": "javascript:alert(6)"}
    (hostile / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (hostile / "evil.txt").write_text(HOSTILE_PLAIN, encoding="utf-8")
    path = copy_sample(sample_db_file, folder, "web.db")
    with Storyline(path) as sl:
        report = sl.add([hostile])
        assert not report.skipped and report.added
    _insert_raw_markup_article(path)
    return path


def _insert_raw_markup_article(path: Path) -> None:
    """An article whose stored text itself holds markup, with a date annotation across it."""
    text = 'Officials met on June 30, 2019. <script>alert("body")</script> "><img src=x onerror=alert(7)>'
    article = Article(title="<script>alert(8)</script>", text=text, content_hash="hostile-raw",
                      raw_sha256="hostile-raw", path="hostile-raw.txt", source="<i>Raw</i>",
                      published=DateValue.parse("2019-07-02"), published_basis=PublishedBasis.USER)
    with Store(path) as store, store.transaction():
        store.add_raw(RawRecord("hostile-raw.txt", text.encode(), "hostile-raw", "text"))
        article_id = store.insert_article(article)
        store.insert_timexes(article_id, (Timex(16, 40, text[16:40], "DATE", "2019-06-30"),))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[Client]:
    app = create_app(db)
    yield Client(app)
    app.state.service.sl.close()


@pytest.fixture(scope="module")
def hostile_ids(client: Client) -> list[int]:
    items = client.get("/api/articles").json()["items"]
    ids = [a["id"] for a in items if "evil" in a["path"] or "hostile" in a["path"]]
    assert len(ids) == 3
    return ids


def _event_ids(body: dict[str, Any]) -> list[int]:
    return [e["id"] for e in body["events"]]


# -- JSON API ------------------------------------------------------------------------


def test_events_are_dated_sorted_and_cited(client: Client) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == len(body["events"]) > 10
    starts = [DateValue.parse(e["date"]).start for e in body["events"]]
    assert starts == sorted(starts)
    first = body["events"][0]
    assert {"id", "date", "granularity", "display_date", "summary", "actors", "sources"} <= set(first)
    assert all(e["sources"] and e["sources"][0]["sentence"] for e in body["events"])
    assert sum(b["count"] for b in body["density"]) == body["total"]


def test_events_filters(client: Client) -> None:
    everything = client.get("/api/events").json()
    kim = client.get("/api/events", entity="Kim Jong-un").json()
    assert 0 < kim["total"] < everything["total"]
    assert client.get("/api/events", entity="Mr. Kim").json()["total"] == kim["total"]
    in_2019 = client.get("/api/events", since="2019-01", until="2019-12-31").json()
    assert in_2019["events"]
    assert all(e["date"][:4] == "2019" or len(e["date"]) < 4 for e in in_2019["events"])
    letter = client.get("/api/events", q="letter").json()
    assert letter["events"] and all(
        any("letter" in s["sentence"].lower() for s in e["sources"]) for e in letter["events"]
    )
    nyt = client.get("/api/events", source="New York Times").json()
    assert nyt["events"] and all(
        any(s["source"] == "New York Times" for s in e["sources"]) for e in nyt["events"]
    )
    top = client.get("/api/events", top=5).json()
    assert top["total"] == 5


def test_top_events_are_the_most_salient(client: Client, db: Path) -> None:
    with Storyline(db) as sl:
        expected = [e.id for e in sl.timeline(limit=7)]
    for _ in range(2):  # the second answer comes from the cache
        assert _event_ids(client.get("/api/events", top=7).json()) == expected


def test_events_pagination_and_bins(client: Client) -> None:
    everything = _event_ids(client.get("/api/events").json())
    page1 = client.get("/api/events", limit=5, offset=0).json()
    page2 = client.get("/api/events", limit=5, offset=5).json()
    assert _event_ids(page1) + _event_ids(page2) == everything[:10]
    assert page1["total"] == len(everything)
    years = client.get("/api/events", bins="year").json()
    assert years["bins"] == "year" and all(len(b["period"]) == 4 for b in years["density"])


def test_one_event_has_every_source_with_offsets(client: Client) -> None:
    listed = client.get("/api/events").json()["events"]
    cited = max(listed, key=lambda e: len(e["sources"]))
    event = client.get(f"/api/events/{cited['id']}").json()
    assert len(event["mentions"]) == len(cited["sources"])
    for m in event["mentions"]:
        article = client.get(f"/api/articles/{m['article']}").json()
        assert article["text"][m["start"] : m["end"]].strip() == m["text"].strip()


def test_article_with_annotations(client: Client) -> None:
    article = client.get("/api/articles/1").json()
    assert article["text"] and article["timexes"] and article["entities"]
    for key in ("mentions", "quote_spans", "event_spans"):
        assert isinstance(article[key], list)
    first = article["mentions"][0]
    assert article["text"][first["start"] : first["end"]] == first["text"]


def test_entities_quotes_search_sources(client: Client) -> None:
    entities = client.get("/api/entities").json()["items"]
    kim = next(e for e in entities if e["name"] == "Kim Jong-un")
    assert "Mr. Kim" in kim["aliases"]
    assert client.get("/api/entities", q="chairman kim").json()["items"][0]["id"] == kim["id"]
    detail = client.get(f"/api/entities/{kim['id']}").json()
    assert detail["events"] and detail["aliases"]
    # the entity page's quotes name the event their sentence reports, one click away
    linked = [q for q in detail["quotes"] if q["event"]]
    assert linked
    page = client.get(f"/entities/{kim['id']}").text
    assert f'href="/events/{linked[0]["event"]}"' in page
    quotes = client.get("/api/quotes", speaker="Donald Trump").json()
    assert quotes["total"] > 0 and all(q["speaker"] == "Donald Trump" for q in quotes["items"])
    letter = client.get("/api/quotes", q="letter").json()["items"]
    assert letter and all("letter" in (q["text"] + (q["speaker"] or "")).lower() for q in letter)
    hits = client.get("/api/search", q="beautiful letter").json()["items"]
    assert hits and "letter" in hits[0]["sentence"]
    outlets = {s["source"] for s in client.get("/api/sources").json()["items"]}
    assert {"New York Times", "The Korea Herald"} <= outlets


def test_openapi_schema_lists_the_api(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/entities", "/api/entities/{entity_id}", "/api/quotes", "/api/search", "/api/sources"):
        assert path in schema["paths"]
    assert "/" not in schema["paths"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events/999999", 404),
        ("/api/articles/999999", 404),
        ("/api/entities/999999", 404),
        ("/api/nothing-here", 404),
        ("/api/events?entity=Nobody%20At%20All", 404),
        ("/api/quotes?speaker=Nobody%20At%20All", 404),
        ("/api/events?since=yesterday", 422),  # the schema's date pattern: only real dates
        ("/api/events?since=2019-02-30", 422),
        ("/api/events?limit=0", 422),
        ("/api/events?limit=abc", 422),
        ("/api/events?offset=-1", 422),
        ("/api/events?bins=week", 422),
        ("/api/events/abc", 422),
        ("/api/events/0", 422),
        ("/api/search", 422),
    ],
)
def test_errors_are_json_with_the_right_status(client: Client, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["detail"]


@example(q="", entity="²", since="", source="")  # a digit that int() refuses
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    q=st.text(max_size=30),
    entity=st.text(max_size=20),
    since=st.text(max_size=12),
    source=st.text(max_size=12),
)
def test_arbitrary_parameters_never_give_500(
    client: Client, q: str, entity: str, since: str, source: str
) -> None:
    response = client.get("/api/events", q=q, entity=entity, since=since, source=source)
    assert response.status_code in (200, 400, 404, 422), response.text
    assert client.get("/api/quotes", q=q, speaker=entity).status_code in (200, 400, 404, 422)
    assert client.get("/api/search", q=q or "x").status_code in (200, 400, 422)
    assert client.get("/", q=q, since=since).status_code in (200, 400, 404, 422)


def _operations(client: Client) -> list[tuple[str, list[dict[str, Any]]]]:
    schema = client.get("/api/openapi.json").json()
    return [(path, op.get("parameters", [])) for path, item in schema["paths"].items()
            for method, op in item.items() if method == "get"]


_VALUES = st.one_of(st.text(max_size=25), st.integers(-3, 10**7).map(str), st.sampled_from(
    ["", "0", "2019", "2019-06", "2019-W26", "Kim Jong-un", "year", '"', "*", "AND", "NEAR(", "%"]))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_schema_driven_requests_never_give_500(client: Client, data: st.DataObject) -> None:
    """Every GET operation of the OpenAPI schema, with arbitrary values for its parameters."""
    path, parameters = data.draw(st.sampled_from(_operations(client)))
    query: dict[str, str] = {}
    for p in parameters:
        value = data.draw(_VALUES)
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", quote(value, safe="") or "1")
        elif p.get("required") or data.draw(st.booleans()):
            query[p["name"]] = value
    response = client.get(path, **query)
    assert response.status_code in (200, 400, 404, 422), (path, query, response.text)
    assert response.headers["content-type"].startswith("application/json")


# -- pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/articles", "/entities", "/quotes", "/articles/1", "/events/1",
                                 "/entities/1", "/?entity=Kim%20Jong-un", "/?q=letter&bins=year",
                                 "/?entity=&source=&since=&until=&q=&top=",
                                 "/?source=New%20York%20Times", "/?since=2019-06&until=2019-06",
                                 "/quotes?speaker=Donald%20Trump", "/entities?q=kim&type=PERSON",
                                 "/stories", "/?story=1", "/?story=1&all=1", "/?all=1&top=10", "/?story="])
def test_pages_render_with_security_headers(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in response.text


def test_timeline_page_groups_by_year_and_month(client: Client) -> None:
    html = client.get("/").text
    assert '<h2 class="year-head">2019</h2>' in html
    assert "June 2019" in html
    assert "2019-06-23" not in re.sub(r'title="[^"]*"', "", re.sub(r"<[^>]+>", "", html))
    assert 'class="density"' in html and "source sentences" in html.lower()


def test_event_page_links_to_highlighted_sentence(client: Client) -> None:
    event = client.get("/api/events").json()["events"][0]
    html = client.get(f"/events/{event['id']}").text
    link = re.search(r'href="(/articles/\d+\?event=\d+)#hl"', html)
    assert link
    article_html = client.get(link.group(1)).text
    assert re.search(r'<span class="[^"]*\bhl\b[^"]*"[^>]*id="hl"', article_html)


def test_page_errors_are_html_not_500(client: Client) -> None:
    assert client.get("/events/999999").status_code == 404
    assert client.get("/?since=garbage").status_code == 400
    assert client.get("/articles/1?event=abc").status_code == 422
    assert client.get("/?story=999999").status_code == 404
    assert client.get("/?story=abc").status_code == 422
    assert client.get("/no/such/page").status_code == 404


# -- hostile input ------------------------------------------------------------------------


def test_hostile_text_is_escaped_in_every_page(client: Client, hostile_ids: list[int]) -> None:
    entity = client.get("/api/entities", q="Kim Jong-un").json()["items"][0]["id"]
    events = client.get("/api/events", source=_evil_source(client)).json()["events"]
    urls = ["/", "/articles", f"/entities/{entity}", "/quotes", "/?q=onerror", "/?q=script",
            f"/?entity={_quote('<script>')}", f"/quotes?q={_quote('<script>')}", "/entities?q=%3Cimg"]
    urls += [f"/articles/{i}" for i in hostile_ids]
    urls += [f"/events/{e['id']}" for e in events]
    urls += [f"/articles/{s['article']}?event={e['id']}" for e in events for s in e["sources"]]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        for marker in RAW_MARKERS:
            assert marker not in response.text, (url, marker)
    pages = "".join(client.get(f"/articles/{i}").text for i in hostile_ids)
    assert "&lt;script&gt;alert(8)&lt;/script&gt;" in pages  # title
    assert "2019. &lt;script&gt;</span>alert(&#34;body&#34;)&lt;/script&gt;" in pages  # date across markup
    assert "&lt;img src=x onerror=alert(7)&gt;" in pages
    assert "&lt;b&gt;Evil&lt;/b&gt;" in pages  # outlet
    assert "javascript:alert(6)" not in pages  # the unsafe URL is not linked


def test_hostile_text_stays_data_in_the_api(client: Client, hostile_ids: list[int]) -> None:
    articles = [client.get(f"/api/articles/{i}").json() for i in hostile_ids]
    assert any("<script>" in a["title"] for a in articles)  # JSON carries text as it is; pages escape it
    assert all(a["url"] is None for a in articles)  # javascript: URLs are dropped


def _evil_source(client: Client) -> str:
    return next(s["source"] for s in client.get("/api/sources").json()["items"] if "Evil" in s["source"])


def _quote(text: str) -> str:
    return httpx.URL("http://x/", params={"q": text}).query.decode()[2:]


# -- helpers -------------------------------------------------------------------------------


def test_display_date_uses_the_real_granularity() -> None:
    assert display_date("2019-06") == "June 2019"
    assert display_date("2019-06-23") == "23 June 2019"
    assert display_date("2019-W26") == "week 26, 2019"
    assert display_date("2019") == "2019"
    assert display_date("2019-Q2") == "Q2 2019"
    assert display_date("2019-SU") == "summer 2019"
    assert display_date("195") == "1950s"
    assert display_date(None) == ""
    assert display_date("PRESENT_REF") == "PRESENT_REF"


def test_density_fills_empty_bins() -> None:
    dates = [DateValue.parse(v).start for v in ("2019-01-05", "2019-03", "2019-03-10")]
    bins = density(dates, "month")
    assert [(b["period"], b["count"]) for b in bins] == [("2019-01", 1), ("2019-02", 0), ("2019-03", 2)]


def test_bins_are_coarsened_to_stay_drawable() -> None:
    starts = [DateValue.parse(v).start for v in ("1953", "2026-06-12")]
    assert fit_bin(starts, "day") == "year"
    assert fit_bin([DateValue.parse("2019").start, *starts[1:]], "day") == "month"
    assert fit_bin(starts[1:], "day") == "day"
    assert len(density(starts, fit_bin(starts, "day"))) <= MAX_BINS
    labels = axis_labels(density(starts, "year"))
    assert labels[0] == "1953" and 4 <= sum(1 for x in labels if x) <= 7


def test_plain_writes_dates_as_their_timex_value_at_any_depth() -> None:
    row = {"published": DateValue.parse("2019-06-23"), "basis": PublishedBasis.TEXT,
           "mentions": [{"date": DateValue.parse("2019-W26"), "text": "Kim met Trump on Sunday."}],
           "span": (DateValue.parse("2019"), None)}
    assert plain(row) == {"published": "2019-06-23", "basis": "text",
                          "mentions": [{"date": "2019-W26", "text": "Kim met Trump on Sunday."}],
                          "span": ["2019", None]}
    assert json.loads(json.dumps(plain(row))) == plain(row)


def test_segments_cover_the_text_once() -> None:
    text = "Kim met Trump on Sunday."
    marks = [{"start": 0, "end": 3, "cls": "entity", "title": "Kim", "entity": 1},
             {"start": 17, "end": 23, "cls": "date", "title": "2019-06-23"},
             {"start": 0, "end": 24, "cls": "hl", "title": ""}]
    parts = segments(text, marks)
    assert "".join(p.text for p in parts) == text
    assert parts[0].classes == ("entity", "hl") and parts[0].entity == 1


def test_safe_url_keeps_only_http() -> None:
    assert safe_url("https://example.com/a") == "https://example.com/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,x") is None


def test_store_view_queries(db: Path) -> None:
    with Store(db) as store:
        store.read_only()
        event = store.events.get(1)
        assert event.mentions and event.mentions[0].actors is not None
        entity = store.entities.get(store.entities.ids_named("Kim Jong-un")[0])
        assert "Kim Jong-un" in entity.aliases
        spans = store.article_spans(1)
        assert spans.entities and spans.events
        assert store.articles.sources()
        kim = store.entities.ids_named("Kim Jong-un")
        in_2019 = TimelineQuery(since=DateValue.parse("2019"), until=DateValue.parse("2019"), query="letter")
        for query, ids in ((TimelineQuery(), None), (TimelineQuery(), kim), (in_2019, None)):
            events = store.timeline_events(query, ids)
            assert [e.id for e in events] == [row[0] for row in store.event_index(query, ids)]
        assert store.timeline_events(in_2019) and all(
            e.date.start.year == 2019 for e in store.timeline_events(in_2019)
        )
        nyt = store.timeline_events(TimelineQuery(source="New York Times"))
        assert nyt and all(any(s.source == "New York Times" for s in e.sources) for e in nyt)
        with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
            store.conn.execute("DELETE FROM entities")


def test_serve_binds_localhost_by_default(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from click.testing import CliRunner

    from storyline.cli import main

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    result = CliRunner().invoke(main, ["--db", str(db), "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    seen["app"].state.service.sl.close()
    result = CliRunner().invoke(main, ["--db", str(db), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0 and "warning" in result.output
    seen["app"].state.service.sl.close()


def test_stories_api(db: Path) -> None:
    client = Client(create_app(db))
    items = client.get("/api/stories").json()["items"]
    assert items[0]["articles"] >= 3 and {"id", "label", "first", "last", "outlets"} <= set(items[0])
    one = client.get(f"/api/stories/{items[0]['id']}").json()
    assert len(one["members"]) == items[0]["articles"]
    scoped = client.get("/api/events", story=items[0]["id"]).json()["events"]
    every = client.get("/api/events", story=items[0]["id"], all="true").json()["events"]
    assert scoped and len(every) >= len(scoped)
    assert client.get("/api/stories/999999").status_code == 404


# -- stories pages ---------------------------------------------------------------------


def test_stories_page_links_each_story_timeline(client: Client) -> None:
    stories = client.get("/api/stories").json()["items"]
    html = client.get("/stories").text
    rows = re.findall(r'<tr>\s*<td><a href="/\?story=(\d+)">[^<]+</a>.*?</td>\s*'
                      r'<td>([^<]*)</td><td>([^<]*)</td>\s*<td>(\d+)</td><td>(\d+)</td>', html, re.S)
    assert [int(r[0]) for r in rows] == [s["id"] for s in stories]  # the biggest first, every one
    first = stories[0]
    assert rows[0][3:] == (str(first["articles"]), str(first["outlets"]))
    assert rows[0][1] == display_date(first["first"]) and rows[0][2] == display_date(first["last"])
    assert 'href="/stories" aria-current="page"' in html


@pytest.mark.parametrize("every", [False, True])
def test_timeline_page_scoped_to_a_story(client: Client, every: bool) -> None:
    stories = client.get("/api/stories").json()["items"]
    for story in stories[:3]:
        extra = {"all": "1"} if every else {}
        html = client.get("/", story=story["id"], **extra).text
        shown = {int(i) for i in re.findall(r'<li class="event" id="e-(\d+)"', html)}
        api = client.get("/api/events", story=story["id"], limit=1000, all=str(every).lower()).json()
        assert shown and shown == {e["id"] for e in api["events"]}
        assert f'<option value="{story["id"]}" selected>' in html
        assert '<h1 class="story-head">' in html


def test_story_overview_spans_the_story_not_its_history(client: Client) -> None:
    story = client.get("/api/stories").json()["items"][0]
    every = client.get("/api/events", story=story["id"], all="true", limit=1000).json()["events"]
    oldest = min(e["date"] for e in every)
    assert oldest < story["first"][:4]  # the story recalls history from before its coverage
    html = client.get("/", story=story["id"], all="1", bins="year").text
    periods = re.findall(r'data-period="([^"]+)"', html)
    assert periods and periods[0] >= str(int(story["first"][:4]) - 1)
    assert "outside the story" in html
    body = client.get("/api/events", story=story["id"], all="true", limit=1000).json()
    assert body["outside"] > 0 and sum(b["count"] for b in body["density"]) + body["outside"] == body["total"]
