"""Editing over the web: JSON endpoints under /api/edits, the edit history page and /export.

Edits are refused (403) unless the server was started with ``serve --edit``, and every
edit request must carry the per-session CSRF token: a random nonce signed with the
server's secret, set as a cookie and sent back in the ``X-CSRF-Token`` header (checked
with ``hmac.compare_digest``). Nothing here builds SQL or HTML from input.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from ..timeline.export import FORMATS
from ..timeline.export import render as render_export
from ..types import EditKind, TimelineQuery
from .api import ErrorOut
from .csrf import COOKIE, HEADER, valid_token
from .pages import render
from .service import Service

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "An edit the store cannot apply (wrong value or target)"},
    403: {"model": ErrorOut, "description": "The server runs without --edit, or the CSRF token is missing"},
    404: {"model": ErrorOut, "description": "No such edit, event, entity or article"},
}
router = APIRouter(tags=["edits"], responses=_ERRORS)
Id = Annotated[int, Path(ge=1, le=2**62)]
MEDIA = {"json": "application/json", "timelinejs": "application/json", "md": "text/markdown",
         "csv": "text/csv", "html": "text/html", "text": "text/plain"}
SUFFIX = {"json": "json", "timelinejs": "timelinejs.json", "md": "md", "csv": "csv", "html": "html",
          "text": "txt"}


class EditIn(BaseModel):
    kind: Literal[tuple(k.value for k in EditKind)]  # type: ignore[valid-type]
    target: int = Field(ge=1, le=10**18, description="The event, article or entity id it changes.")
    value: str | None = Field(default=None, max_length=2000)
    note: str | None = Field(default=None, max_length=1000)


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _check(request: Request) -> None:
    if not request.app.state.editable:
        raise HTTPException(403, "this server is read-only; start it with `storyline serve --edit` to edit")
    secret: bytes = request.app.state.csrf_secret
    cookie, header = request.cookies.get(COOKIE), request.headers.get(HEADER)
    if not (cookie and header and hmac.compare_digest(cookie, header) and valid_token(secret, header)):
        raise HTTPException(403, "missing or wrong CSRF token; reload the page and try again")


@router.get("/api/edits", summary="Every edit, with its status (active, stale, undone)")
def list_edits(request: Request) -> dict[str, Any]:
    return {"items": _service(request).edits(), "editable": bool(request.app.state.editable)}


@router.post("/api/edits", status_code=201, summary="Make an edit (needs `serve --edit` and the CSRF token)")
def make_edit(request: Request, body: EditIn) -> dict[str, Any]:
    _check(request)
    return _service(request).make_edit(EditKind(body.kind), body.target, body.value, body.note)


@router.post("/api/edits/{edit_id}/undo", summary="Undo an edit (needs `serve --edit` and the CSRF token)")
def undo_edit(request: Request, edit_id: Id) -> dict[str, Any]:
    _check(request)
    return _service(request).undo_edit(edit_id)


@router.get("/export", include_in_schema=False)  # a file to download, not JSON: outside /api
def export(
    request: Request,
    format: Annotated[str, Query(pattern=f"^({'|'.join(FORMATS)})$")] = "html",  # noqa: A002
    entity: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(max_length=20)] = None,
    until: Annotated[str | None, Query(max_length=20)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    top: Annotated[str | None, Query(pattern=r"^\d{0,6}$")] = None,
    new_since: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    service = _service(request)
    limit = int(top) if top and int(top) > 0 else None
    moment = service.new_since(new_since) if new_since else None
    query = TimelineQuery.parse(entity, since, until, q, source, limit, new_since=moment)
    events = service.export_events(query)
    title = f"Timeline: {entity}" if entity else "Timeline"
    body = render_export(events, format, title=title)
    headers = {"content-disposition": f'attachment; filename="timeline.{SUFFIX[format]}"'}
    return Response(body, media_type=MEDIA[format], headers=headers)


@router.get("/edits", response_class=HTMLResponse, include_in_schema=False)
def history(request: Request) -> HTMLResponse:
    return render(request, "edits.html", title="Edits", edits=_service(request).edits())
