"""HTML pages: timeline, stories, event, article, entity, entities and quotes (Jinja2, autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import NotFoundError, StorylineError
from ..types import CUE_CLASS_NAMES, MONTH_NAMES, QUOTE_KINDS, TimelineEvent, TimelineQuery
from .csrf import session_token, set_token_cookie
from .format import axis_labels, display_basis, display_date, month_key
from .service import Service, TimelinePage

router = APIRouter(include_in_schema=False)
PAGE = 100

env = Environment(
    loader=FileSystemLoader(FsPath(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["when"] = display_date
env.filters["basis"] = display_basis

Id = Annotated[int, Path(ge=1, le=2**62)]
Page = Annotated[int, Query(ge=1, le=10**6)]
Short = Annotated[str | None, Query(max_length=200)]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    token = session_token(request)  # None unless the server runs with --edit
    context.setdefault("csrf", token)
    html = env.get_template(name).render(request=request, path=request.url.path, **context)
    response = HTMLResponse(html, status_code=status_code)
    set_token_cookie(response, token)
    return response


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status=status, message=message, title="Error")


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _groups(events: list[TimelineEvent]) -> list[dict[str, Any]]:
    """Events grouped by year, then by month (month 0: dated only to the year or coarser)."""
    years = []
    for year, in_year in groupby(events, key=lambda e: month_key(e.date)[0]):
        months = []
        for (_, month), in_month in groupby(in_year, key=lambda e: month_key(e.date)):
            label = f"{MONTH_NAMES[month - 1]} {year}" if month else ""
            months.append({"label": label, "anchor": f"m-{year}-{month:02d}", "events": list(in_month)})
        years.append({"year": year, "months": months})
    return years


@dataclass(frozen=True, slots=True)
class TimelineForm:
    """The timeline form as typed (kept on screen even when a value is wrong)."""

    entity: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    source: str | None = None
    top: int | None = None
    story: int | None = None
    all: bool = False
    new_since: str | None = None

    def query(self, service: Service | None = None) -> TimelineQuery:
        moment = service.new_since(self.new_since) if service and self.new_since else None
        return TimelineQuery.parse(self.entity, self.since, self.until, self.q, self.source, self.top,
                                   self.story, self.all, moment)

    def active(self) -> dict[str, str]:
        values = {"entity": self.entity, "since": self.since, "until": self.until, "q": self.q,
                  "source": self.source, "top": self.top, "story": self.story,
                  "all": "1" if self.all else None, "new_since": self.new_since}
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


@router.get("/", response_class=HTMLResponse)
def timeline(
    request: Request,
    entity: Short = None,
    since: Annotated[str | None, Query(max_length=20)] = None,
    until: Annotated[str | None, Query(max_length=20)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    source: Short = None,
    top: Annotated[str | None, Query(pattern=r"^\d{0,6}$", description="empty: all")] = None,
    bins: Annotated[str | None, Query(pattern="^(year|month|day)?$")] = None,
    story: Annotated[str | None, Query(pattern=r"^\d{0,18}$", description="empty: biggest stories")] = None,
    all: Annotated[str | None, Query(pattern="^(1|0|true|false)?$")] = None,  # noqa: A002
    new_since: Annotated[str | None, Query(max_length=20)] = None,
    page: Page = 1,
) -> HTMLResponse:
    service = _service(request)
    f = TimelineForm(entity or None, since or None, until or None, q or None, source or None,
                     int(top) if top and int(top) > 0 else None,
                     int(story) if story and int(story) > 0 else None, all in ("1", "true"),
                     new_since or None)
    bins = bins or None
    error, status = None, 200
    try:
        result = service.timeline(f.query(service), (page - 1) * PAGE, PAGE, bins)
    except StorylineError as exc:  # keep the filters on screen so they can be corrected
        error, status = str(exc), 404 if isinstance(exc, NotFoundError) else 400
        result = TimelinePage([], 0, 0, PAGE, bins or "month")
    params = {**f.active(), "bins": bins}
    pages = max(1, -(-result.total // PAGE))
    return render(
        request, "timeline.html", status, title="Timeline", f=f, result=result, error=error,
        axis=axis_labels(result.density),
        groups=_groups(result.events),
        params=params, query=_query, page=page, pages=pages, max_count=max(
            [b["count"] for b in result.density] or [1]),
        sources=service.sources(), entity_names=service.entity_names(), stories=service.story_choices(),
    )


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, page: Page = 1) -> HTMLResponse:
    rows = _service(request).stories((page - 1) * PAGE, PAGE + 1)
    return render(request, "stories.html", title="Stories", stories=rows[:PAGE], page=page,
                  more=len(rows) > PAGE, query=_query)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Id) -> HTMLResponse:
    data = _service(request).event(event_id)
    return render(request, "event.html", title=(data["headline"] or data["summary"])[:80], event=data)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, page: Page = 1) -> HTMLResponse:
    rows = _service(request).articles((page - 1) * PAGE, PAGE + 1)
    return render(request, "articles.html", title="Articles", articles=rows[:PAGE], page=page,
                  more=len(rows) > PAGE, query=_query)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id, event: Annotated[int | None, Query(ge=1, le=2**62)] = None,
            ) -> HTMLResponse:
    service = _service(request)
    data = service.article(article_id)
    spans = [s for s in data["event_spans"] if s["event_id"] == event] if event else []
    highlight = (spans[0]["start"], spans[0]["end"]) if spans else None
    segs = service.article_segments(data, highlight)
    first_hl = next((i for i, s in enumerate(segs) if "hl" in s.classes), -1)
    return render(request, "article.html", title=data["title"], article=data, segments=segs,
                  highlighted=highlight is not None, event_id=event, first_hl=first_hl)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: Short = None, type: Annotated[str | None, Query(max_length=20)] = None,  # noqa: A002
             page: Page = 1) -> HTMLResponse:
    rows = _service(request).entities(type, q, (page - 1) * PAGE, PAGE + 1)
    return render(request, "entities.html", title="Entities", entities=rows[:PAGE], q=q or "",
                  type=type or "", page=page, more=len(rows) > PAGE, query=_query)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: Id) -> HTMLResponse:
    data = _service(request).entity(entity_id)
    return render(request, "entity.html", title=data["name"], entity=data, groups=_groups(data["events"]))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: Short = None, q: Annotated[str | None, Query(max_length=500)] = None,
           page: Page = 1, kind: Short = None, cue_class: Short = None) -> HTMLResponse:
    kind = kind if kind in QUOTE_KINDS else None  # an unknown value filters nothing
    cue_class = cue_class if cue_class in CUE_CLASS_NAMES else None
    total, rows = _service(request).quotes(speaker or None, q or None, (page - 1) * PAGE, PAGE,
                                           kind, cue_class)
    return render(request, "quotes.html", title="Quotes", quotes=rows, total=total, speaker=speaker or "",
                  q=q or "", kind=kind or "", cue_class=cue_class or "", kinds=QUOTE_KINDS,
                  cue_classes=CUE_CLASS_NAMES, page=page, pages=max(1, -(-total // PAGE)), query=_query)
