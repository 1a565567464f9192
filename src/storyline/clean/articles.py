"""From a raw record to articles (main text and metadata).

``clean(record)`` returns the articles a record holds: one for most inputs, several for
a page holding several stories (``part`` 0 is the main story, 1.. the others). It raises
``InputError`` (a StorylineError) when the record holds no usable text.

- plain text: optional ``Key: value`` header block (Title, Date, Source, URL, Author),
  then the first non-junk line is the title; boilerplate lines go and extra stories are
  split off (``boilerplate``, ``split``);
- HTML (and WARC payloads): trafilatura + htmldate (``html``), then the same line-level
  cleaning of the extracted text;
- JSON Lines / CSV / feed items: the fields the reader found; HTML in a text field is
  reduced to text first.

``published`` comes from the input's own metadata or header (``published_basis`` =
``metadata``), else from a date line in the story's body (``text``), else it is None with
basis ``unknown``.
``content_hash`` is the sha256 of the normalised main text (``text.content_hash``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..read.decode import decode
from ..types import Article, PublishedBasis, RawRecord
from .boilerplate import unglue_stamps
from .dates import parse_published
from .detokenise import detokenise
from .html import extract_html, html_to_text, looks_like_html
from .split import Story, split_stories
from .text import content_hash, find_dateline, normalise_text, parse_header, repair_text

__all__ = ["clean", "clean_text"]

_HTML_KINDS = ("html", "warc")
_ITEM_KINDS = ("jsonl", "csv", "feed")


@dataclass(frozen=True, slots=True)
class _Meta:
    """What is known about a document before its text is split into stories."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None


def clean(record: RawRecord) -> list[Article]:
    """The articles held by ``record``, main story first."""
    meta = record.metadata
    if record.kind in _HTML_KINDS and not _is_plain_payload(record):
        page = extract_html(record.data, url=meta.get("url"))
        known = _Meta(
            title=page.title or meta.get("title"),
            published=page.date or meta.get("published"),
            source=page.sitename or meta.get("source"),
            url=page.url or meta.get("url"),
            author=page.author or meta.get("author"),
        )
        stories = _stories(page.text, known, headings_only=True)
    elif record.kind in _ITEM_KINDS:
        known = _Meta(**{k: _str(meta.get(k)) for k in ("title", "published", "source", "url", "author")})
        body = _str(meta.get("text")) or ""
        if body and looks_like_html(body):
            body = html_to_text(body)
        elif not body and meta.get("html"):
            body = extract_html(str(meta["html"]), url=known.url).text
        stories = _stories(body, known)
    else:
        text, _ = decode(record.data)
        lines = normalise_text(text).split("\n")
        header = parse_header(lines)
        known = _Meta(
            title=header.fields.get("title") or _str(meta.get("title")),
            published=header.fields.get("published") or _str(meta.get("published")),
            source=header.fields.get("source") or _str(meta.get("source")),
            url=header.fields.get("url") or _str(meta.get("url")),
            author=header.fields.get("author") or _str(meta.get("author")),
        )
        stories = _stories("\n".join(lines[header.body_start :]), known)
    if not stories:
        raise InputError("no article text found")
    return [_article(record, story, known, part) for part, story in enumerate(stories)]


def clean_text(text: str, title: str | None = None) -> list[Story]:
    """The stories of a plain text (``title``: a title known from elsewhere)."""
    return _stories(normalise_text(text), _Meta(title=title))


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(repair_text(str(value)).split())
    return text or None


def _is_plain_payload(record: RawRecord) -> bool:
    ctype = str(record.metadata.get("content_type", ""))
    return ctype.startswith("text/plain")


def _stories(text: str, known: _Meta, headings_only: bool = False) -> list[Story]:
    """Split ``text`` into stories; a title known from metadata heads the main story."""
    body = unglue_stamps(detokenise(normalise_text(text)))
    if not body:
        return []
    if known.title:
        body = known.title + "\n\n" + body
    stories = split_stories(body, title_first=True, headings_only=headings_only)
    if stories and known.title:
        stories[0].title = known.title
    return stories


def _derived_title(text: str) -> str:
    words = text.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _article(record: RawRecord, story: Story, known: _Meta, part: int) -> Article:
    text = story.text
    main = part == 0
    from_metadata = known.published if main else None
    published_raw = from_metadata or story.date  # story.date: a date line in the body
    published = parse_published(published_raw)
    basis = PublishedBasis.METADATA if from_metadata else PublishedBasis.TEXT
    return Article(
        title=story.title or _derived_title(text),
        text=text,
        content_hash=content_hash(text),
        raw_sha256=record.sha256,
        path=record.path,
        source=(known.source if main else None) or story.source or known.source,
        url=known.url if main else None,
        byline=(known.author if main else None) or story.byline,
        dateline=next(filter(None, map(find_dateline, story.paragraphs[:3])), None),
        published=published,
        published_basis=basis if published else PublishedBasis.UNKNOWN,
        published_evidence=f"{basis}: {published_raw}" if published else None,
        part=part,
    )
