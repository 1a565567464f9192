"""Presentation helpers: dates at their real granularity, density bins, highlighted text segments."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..types import MONTH_NAMES, DateValue, Granularity, try_date_value

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
BINS = ("year", "month", "day")


BASIS = {
    "metadata": "known from the page's metadata",
    "text": "stated in the article text",
    "inferred": "inferred",
    "user": "given by the user",
    "unknown": "unknown",
}


def display_basis(basis: str | None) -> str:
    """How a publication date was known, in words."""
    return BASIS.get(basis or "unknown", basis or "unknown")


def display_date(value: DateValue | str | None) -> str:
    """``2019-06`` -> "June 2019", ``2019-06-23`` -> "23 June 2019", ``2019-W26`` -> "week 26, 2019"."""
    d = try_date_value(value) if isinstance(value, str) or value is None else value
    if d is None:
        return "" if value is None else str(value)
    g, v, s = d.granularity, d.value, d.start
    if g == Granularity.DAY:
        return f"{s.day} {MONTH_NAMES[s.month - 1]} {s.year}"
    if g == Granularity.MONTH:
        return f"{MONTH_NAMES[s.month - 1]} {s.year}"
    if g == Granularity.WEEK:
        week = v.split("-W")[1][:2]
        prefix = "weekend of week" if v.endswith("-WE") else "week"
        return f"{prefix} {int(week)}, {v[:4]}"
    if g == Granularity.QUARTER:
        return f"{v[5:]} {v[:4]}"
    if g == Granularity.SEASON:
        return f"{SEASONS.get(v[5:], v[5:])} {v[:4]}"
    if g == Granularity.DECADE:
        return f"{v}0s"
    if g == Granularity.CENTURY:
        return f"{int(v) + 1}th century"
    return v


def plain(data: Any) -> Any:
    """``data`` with every DateValue written as its TIMEX3 value (``2019-06-23``, ``2019-06``):
    the JSON API's form of a date, made at the edge."""
    if isinstance(data, DateValue):
        return data.value
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [plain(v) for v in data]
    return data


def month_key(d: DateValue) -> tuple[int, int]:
    """Year and month a timeline row is grouped under (month 0: the whole year or coarser)."""
    fine = d.granularity in (Granularity.DAY, Granularity.WEEK, Granularity.MONTH)
    return d.start.year, d.start.month if fine else 0


def choose_bin(starts: Sequence[date]) -> str:
    """Density bin size that gives a readable strip for the span covered."""
    if not starts:
        return "month"
    span = (max(starts) - min(starts)).days
    if span > 365 * 8:
        return "year"
    if span > 120:
        return "month"
    return "day"


MAX_BINS = 400


def fit_bin(starts: Sequence[date], size: str) -> str:
    """``size``, or a coarser one when it would draw more than MAX_BINS bars."""
    if not starts:
        return size
    first, last = min(starts), max(starts)
    counts = {
        "day": (last - first).days + 1,
        "month": (last.year - first.year) * 12 + last.month - first.month + 1,
        "year": last.year - first.year + 1,
    }
    for candidate in BINS[BINS.index(size) :: -1]:
        if counts[candidate] <= MAX_BINS or candidate == "year":
            return candidate
    return "year"


def axis_labels(bins: Sequence[dict[str, Any]], wanted: int = 6) -> list[str]:
    """One label per bin, blank except for about ``wanted`` evenly spaced ones."""
    step = max(1, -(-len(bins) // wanted))
    return [b["label"] if i % step == 0 else "" for i, b in enumerate(bins)]


def bin_value(d: date, size: str) -> str:
    if size == "year":
        return f"{d.year:04d}"
    if size == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def density(starts: Iterable[date], size: str) -> list[dict[str, Any]]:
    """Event counts per bin (by each event's first day), every bin in range present, in order."""
    counts = Counter(bin_value(d, size) for d in starts)
    if not counts:
        return []
    keys = sorted(counts)
    out = []
    for key in _range(keys[0], keys[-1], size):
        out.append({"period": key, "label": display_date(key), "count": counts.get(key, 0)})
    return out


def _range(first: str, last: str, size: str) -> list[str]:
    start, end = DateValue.parse(first).start, DateValue.parse(last).start
    keys: list[str] = []
    if size == "year":
        return [f"{y:04d}" for y in range(start.year, end.year + 1)]
    if size == "month":
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            keys.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return keys
    return [date.fromordinal(o).isoformat() for o in range(start.toordinal(), end.toordinal() + 1)]


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None (no ``javascript:`` links)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def file_name(path: str | None) -> str | None:
    """What the web shows of where an article came from: its URL, or only the file's name
    (an absolute local path tells a reader of the API about the machine, not the article)."""
    if not path or safe_url(path):
        return path
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text with the annotations covering it."""

    text: str
    start: int
    classes: tuple[str, ...] = ()
    title: str = ""
    entity: int | None = None
    event: int | None = None


def segments(text: str, marks: Sequence[dict[str, Any]]) -> list[Segment]:
    """Split ``text`` at every mark boundary; each piece carries the marks covering it.

    A mark is ``{"start", "end", "cls", "title", "entity"?, "event"?}``.
    """
    bounds = {0, len(text)}
    for m in marks:
        bounds.update((max(0, min(m["start"], len(text))), max(0, min(m["end"], len(text)))))
    cuts = sorted(bounds)
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m["start"] <= a and b <= m["end"]]
        classes = tuple(dict.fromkeys(m["cls"] for m in covering))
        title = "; ".join(dict.fromkeys(m["title"] for m in covering if m.get("title")))
        entity = next((m["entity"] for m in covering if m.get("entity") is not None), None)
        event = next((m["event"] for m in covering if m.get("event") is not None), None)
        out.append(Segment(text[a:b], a, classes, title, entity, event))
    return out
