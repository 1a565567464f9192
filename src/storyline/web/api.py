"""JSON API under /api (schema at /api/openapi.json). Errors are JSON: {"detail", "status"}."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from ..api import story_dict
from ..types import TimelineQuery
from .format import plain
from .service import MAX_LIMIT, Service, event_json


class ErrorOut(BaseModel):
    detail: str
    status: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A parameter the database cannot use (e.g. since after until)"},
    404: {"model": ErrorOut, "description": "No such article, entity or event"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Skip this many first.")]
Id = Annotated[int, Path(ge=1, le=2**62)]
Text = Annotated[str | None, Query(max_length=500)]
# only real dates match, so that a value the schema allows is one the timeline can use
_YEAR = r"[1-9][0-9]{3}"
_DAY = (r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)")
_LEAP = r"(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:1[26]|[2468][048]|[3579][26])00)"
_WEEK_YEAR = r"(?:[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])"  # 9999's last week ends in 10000
DATE_PATTERN = (rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])|-{_DAY})?|{_WEEK_YEAR}-W(?:0[1-9]|[1-4][0-9]|5[0-2])"
                rf"|{_LEAP}-02-29)$")
# a date as above, or "last" (the last add)
NEW_SINCE_PATTERN = rf"^(?:last|{DATE_PATTERN[1:-1]})$"
QuoteKind = Literal["direct", "indirect", "mixed"]
CueClass = Literal["speech", "cognition", "intention", "stance", "nominal"]
DateParam = Annotated[
    str | None,
    Query(max_length=20, pattern=DATE_PATTERN,
          description="A date: 2019, 2019-06, 2019-06-23 or 2019-W26 (weeks 01 to 52)."),
]


class SourceOut(BaseModel):
    article: int
    title: str
    sentence: str
    source: str | None
    published: str | None
    url: str | None = None
    date: str | None = None  # the date this source gives the event
    background: bool = False


class EventOut(BaseModel):
    id: int
    date: str
    granularity: str
    display_date: str
    headline: str
    summary: str
    planned: bool
    actors: list[str]
    salience: float
    independent_sources: int  # copies of one wire story and sentences of one article count once
    sources: list[SourceOut]
    articles: list[int]
    outlets: list[str]
    stories: list[int] = []
    marks: list[str] = []  # "edited", "pinned", "new", "updated"


class DensityBin(BaseModel):
    period: str
    label: str
    count: int


class EventList(BaseModel):
    total: int
    offset: int
    limit: int
    bins: str
    density: list[DensityBin]
    outside: int = Field(0, description="Events not in density: background outside the stories' span.")
    events: list[EventOut]


class Listing(BaseModel):
    total: int | None = None
    items: list[dict[str, Any]]


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


@router.get("/events", response_model=EventList, summary="Timeline events, filtered, in date order")
def events(
    request: Request,
    entity: Annotated[str | None, Query(max_length=200, description="Entity name, alias or id.")] = None,
    since: DateParam = None,
    until: DateParam = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in a source sentence.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Outlet name.")] = None,
    top: Annotated[int | None, Query(ge=1, le=100_000, description="Key events per story (with all: the N most salient).")] = None,  # noqa: E501
    story: Annotated[int | None, Query(ge=1, le=2**62, description="Only this story.")] = None,
    all: Annotated[bool, Query(description="Every event, not only each story's key events.")] = False,  # noqa: A002
    bins: Annotated[str | None, Query(pattern="^(year|month|day)$")] = None,
    new_since: Annotated[
        str | None,
        Query(max_length=20, pattern=NEW_SINCE_PATTERN, description="A date or 'last' (the last add)."),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    moment = _service(request).new_since(new_since) if new_since else None
    query = TimelineQuery.parse(entity, since, until, q, source, top, story, all, moment)
    page = _service(request).timeline(query, offset, limit, bins)
    return {"total": page.total, "offset": page.offset, "limit": page.limit, "bins": page.bins,
            "density": page.density, "outside": page.outside, "events": [event_json(e) for e in page.events]}


@router.get("/stories", response_model=Listing, summary="Stories, the biggest first")
def stories(request: Request, limit: Limit = 100) -> dict[str, Any]:
    service = _service(request)
    with service.lock:
        return {"items": [story_dict(s) for s in service.sl.stories(limit)]}


@router.get("/stories/{story_id}", summary="One story: label, span, counts and member articles")
def story(request: Request, story_id: Id) -> dict[str, Any]:
    service = _service(request)
    with service.lock:
        return plain(service.sl.story(story_id))


@router.get("/events/{event_id}", summary="One event with every source sentence and its offsets")
def event(request: Request, event_id: Id) -> dict[str, Any]:
    return plain(_service(request).event(event_id))


@router.get("/articles", response_model=Listing, summary="Stored articles by publication date")
def articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return {"items": plain(_service(request).articles(offset, limit))}


@router.get("/articles/{article_id}", summary="One article: text, timexes, entities, quotes and spans")
def article(request: Request, article_id: Id) -> dict[str, Any]:
    return plain(_service(request).article(article_id))


@router.get("/entities", response_model=Listing, summary="Entities of the cross-document registry")
def entities(
    request: Request,
    type: Annotated[str | None, Query(max_length=20, description="PERSON, ORG, GPE, ...")] = None,  # noqa: A002
    q: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    return {"items": _service(request).entities(type, q, offset, limit)}


@router.get("/entities/{entity_id}", summary="One entity: aliases, events and quotes")
def entity(request: Request, entity_id: Id) -> dict[str, Any]:
    data = _service(request).entity(entity_id)
    data["events"] = [event_json(e) for e in data["events"]]
    return plain(data)


@router.get("/quotes", response_model=Listing, summary="Quotes, by speaker and text")
def quotes(
    request: Request,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker name, alias or id.")] = None,
    q: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
    kind: Annotated[QuoteKind | None, Query(description="direct, indirect or mixed")] = None,
    cue_class: Annotated[CueClass | None, Query(description="the class of the cue")] = None,
) -> dict[str, Any]:
    total, rows = _service(request).quotes(speaker, q, offset, limit, kind, cue_class)
    return {"total": total, "items": plain(rows)}


@router.get("/search", response_model=Listing, summary="Full-text search over sentences")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    return {"items": plain(_service(request).search(q, limit))}


@router.get("/sources", response_model=Listing, summary="Outlets with their article counts")
def sources(request: Request) -> dict[str, Any]:
    return {"items": _service(request).sources()}
