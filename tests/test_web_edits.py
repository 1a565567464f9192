"""web.edits: editing through /api/edits in-process (ASGI): refused without `serve --edit` or
without the CSRF token, each edit kind applied to the API and pages, undo, exports, fuzzing."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_sample
from storyline.types import EditKind
from storyline.web import create_app
from storyline.web.csrf import COOKIE, HEADER, new_token


class Client:
    """Synchronous requests to an ASGI app, keeping the cookies it sets."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.cookies: dict[str, str] = {}

    def request(self, method: str, url: str, cookies: dict[str, str] | None = None,
                **kwargs: Any) -> httpx.Response:
        jar = {**self.cookies, **(cookies or {})}

        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost",
                                         cookies=jar) as client:
                return await client.request(method, url, **kwargs)

        response = asyncio.run(call())
        self.cookies.update(dict(response.cookies))
        return response

    def get(self, url: str, **params: Any) -> httpx.Response:
        return self.request("GET", url, params=params or None)

    def token(self) -> str:
        self.get("/edits")
        return self.cookies[COOKIE]

    def edit(self, kind: str, target: int, value: str | None = None,
             token: str | None = "session") -> httpx.Response:
        headers = {HEADER: self.token() if token == "session" else token} if token else {}
        return self.request("POST", "/api/edits", json={"kind": kind, "target": target, "value": value},
                            headers=headers)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sample_db_file: Path) -> Path:
    return copy_sample(sample_db_file, tmp_path_factory.mktemp("web-edits"), "base.db")


@pytest.fixture()
def db(built: Path, tmp_path: Path) -> Path:
    shutil.copy(built, tmp_path / "t.db")
    return tmp_path / "t.db"


@pytest.fixture()
def client(db: Path) -> Iterator[Client]:
    app = create_app(db, edit=True)
    yield Client(app)
    app.state.service.sl.close()


def _events(client: Client, **params: Any) -> list[dict[str, Any]]:
    """Every event (not only the key events of each story), edits applied."""
    response = client.get("/api/events", **{"all": "true", **params})
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def test_read_only_server_refuses_every_edit(db: Path) -> None:
    ro = Client(create_app(db))
    page = ro.get("/events/1")
    assert page.status_code == 200 and "csrf-token" not in page.text and "edit.js" not in page.text
    assert COOKIE not in ro.cookies
    forged = new_token(b"x" * 32)
    for response in (ro.request("POST", "/api/edits", json={"kind": "event.hide", "target": 1},
                                headers={HEADER: forged}, cookies={COOKIE: forged}),
                     ro.request("POST", "/api/edits/1/undo", headers={HEADER: forged})):
        assert response.status_code == 403 and "serve --edit" in response.json()["detail"]
    assert ro.get("/api/edits").json() == {"items": [], "editable": False}


def test_edits_need_the_session_token(client: Client, db: Path) -> None:
    assert client.edit("event.hide", 1, token=None).status_code == 403
    assert client.edit("event.hide", 1, token="abc.def").status_code == 403
    other = new_token(b"another server's secret, 32 byt")
    assert client.edit("event.hide", 1, token=other).status_code == 403
    # a cookie and a header that differ are refused even when both are well signed
    good = client.token()
    response = client.request("POST", "/api/edits", json={"kind": "event.hide", "target": 1},
                              headers={HEADER: new_token(client.app.state.csrf_secret)},
                              cookies={COOKIE: good})
    assert response.status_code == 403
    assert client.edit("event.hide", 1).status_code == 201
    assert client.get("/edits").text.count("data-undo") == 1


def test_each_event_edit_through_the_api(client: Client) -> None:
    events = _events(client)
    a, b, c = events[0], events[1], events[2]
    assert client.edit("event.date", a["id"], "2031-03").status_code == 201
    assert client.edit("event.headline", a["id"], "<b>typed</b> headline").status_code == 201
    assert client.edit("event.merge", a["id"], str(b["id"])).status_code == 201
    assert client.edit("event.pin", a["id"]).status_code == 201
    assert client.edit("event.hide", c["id"]).status_code == 201
    after = {e["id"]: e for e in _events(client)}
    assert b["id"] not in after and c["id"] not in after
    edited = after[a["id"]]
    assert edited["date"] == "2031-03" and edited["headline"] == "<b>typed</b> headline"
    assert {"edited", "pinned"} <= set(edited["marks"])
    assert len(edited["sources"]) == len(a["sources"]) + len(b["sources"])
    page = client.get(f"/events/{a['id']}").text
    assert "&lt;b&gt;typed&lt;/b&gt;" in page and "<b>typed" not in page and "Merged into it" in page
    assert client.get(f"/events/{b['id']}").status_code == 404
    hidden = client.get(f"/events/{c['id']}").text
    assert "mark-hidden" in hidden and 'data-edit="event.unhide"' in hidden
    sentence = b["sources"][0]
    value = json.dumps({"article": sentence["article"], "sentence": sentence["sentence"]})
    created = client.edit("event.split", a["id"], value)
    assert created.status_code == 201
    assert any(e["summary"] == sentence["sentence"] and e["id"] > 10**15 for e in _events(client))


def test_entity_and_article_edits_through_the_api(client: Client) -> None:
    kim = next(r for r in client.get("/api/entities").json()["items"] if r["name"] == "Kim Jong-un")
    assert client.edit("entity.rename", kim["id"], "Kim Jong Un").status_code == 201
    assert client.get(f"/entities/{kim['id']}").text.count("Kim Jong Un") >= 1
    assert _events(client, entity="Kim Jong Un")
    assert client.edit("entity.split_alias", kim["id"], "Chairman Kim").status_code == 201
    assert "Chairman Kim" not in client.get(f"/api/entities/{kim['id']}").json()["aliases"]
    assert client.edit("article.published", 1, "2019-06-22").status_code == 201
    assert client.edit("article.source", 1, "NYT").status_code == 201
    assert client.edit("article.url", 1, "javascript:alert(1)").status_code == 400
    article = client.get("/api/articles/1").json()
    assert (article["published"], article["source"]) == ("2019-06-22", "NYT")
    assert "meta-form" in client.get("/articles/1").text
    assert client.edit("article.remove", 1).status_code == 201
    assert 1 not in [r["id"] for r in client.get("/api/articles").json()["items"]]
    assert "is removed from every view" in client.get("/articles/1").text


def test_undo_through_the_api_restores_the_timeline(client: Client) -> None:
    before = client.get("/api/events", all="true").json()
    first = _events(client)[0]["id"]
    made = client.edit("event.hide", first).json()
    assert client.get("/api/events", all="true").json() != before
    undo = client.request("POST", made["undo"], headers={HEADER: client.token()})
    assert undo.status_code == 200 and undo.json()["undone"] is True
    assert client.get("/api/events", all="true").json() == before
    assert client.request("POST", made["undo"], headers={HEADER: client.token()}).status_code == 400
    assert client.request("POST", "/api/edits/999/undo", headers={HEADER: client.token()}).status_code == 404


def test_timeline_marks_and_export_buttons(client: Client) -> None:
    first = client.get("/api/events").json()["events"][0]["id"]  # one the default view shows
    client.edit("event.headline", first, 'Quote " and <script>x</script>')
    page = client.get("/").text
    assert "mark-edited" in page and "/export?format=html" in page
    for fmt, media in (("html", "text/html"), ("md", "text/markdown"), ("csv", "text/csv"),
                       ("json", "application/json"), ("timelinejs", "application/json"),
                       ("text", "text/plain")):
        response = client.get("/export", format=fmt)
        assert response.status_code == 200 and response.headers["content-type"].startswith(media)
        assert "attachment" in response.headers["content-disposition"]
    html = client.get("/export", format="html").text
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    assert client.get("/export", format="exe").status_code == 422


BODIES = st.fixed_dictionaries(
    {"kind": st.one_of(st.sampled_from([k.value for k in EditKind]), st.text(max_size=20)),
     "target": st.one_of(st.integers(-5, 2**63), st.text(max_size=5)),
     "value": st.one_of(st.none(), st.text(max_size=60),
                        st.sampled_from(["2019", "1", "2", "{}", '{"article": 1}'])),
     "note": st.one_of(st.none(), st.text(max_size=30))})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES)
def test_fuzzed_edit_requests_never_fail_with_500(client: Client, body: dict[str, Any]) -> None:
    response = client.request("POST", "/api/edits", json=body, headers={HEADER: client.token()})
    assert response.status_code in (201, 400, 404, 422), response.text
    assert client.get("/api/events").status_code == 200
    assert client.get("/").status_code == 200
