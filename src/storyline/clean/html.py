"""HTML pages: main text and metadata with trafilatura (publication date via htmldate).

Scripts, styles and comments never reach the text: trafilatura drops them, and
``html_to_text`` (used for HTML fragments in feeds and exports) removes them first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError

__all__ = ["HtmlPage", "extract_html", "html_to_text", "looks_like_html"]

_TAG = re.compile(r"<(?:p|br|div|span|a|b|i|em|strong|img|h[1-6]|ul|li|table|script|figure)\b[^>]*>", re.I)
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")
_BLOCK = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
    "article",
)
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None


def looks_like_html(text: str) -> bool:
    """True when a text field carries HTML markup rather than plain text."""
    return len(_TAG.findall(text[:5000])) >= 1 and "<" in text[:200]


def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout (threads)
    return config


_CONFIG: Any = None


def extract_html(data: bytes | str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of a page; InputError when it holds no article text."""
    global _CONFIG
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - dependency problem
        raise InputError(f"HTML extraction is unavailable ({exc}); reinstall storyline") from None
    if _CONFIG is None:
        _CONFIG = _config()
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
            config=_CONFIG,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on bad input
        raise InputError(f"HTML could not be parsed ({type(exc).__name__})") from None
    if doc is None:
        raise InputError("no article text found in the HTML page")
    fields = doc if isinstance(doc, dict) else doc.as_dict()
    text = (fields.get("text") or "").strip()
    if not text:
        raise InputError("no article text found in the HTML page")
    return HtmlPage(
        text=text,
        title=_clean(fields.get("title")),
        author=_clean(fields.get("author")),
        date=_clean(fields.get("date")),
        sitename=_clean(fields.get("sitename")),
        url=_clean(fields.get("url")),
        description=_clean(fields.get("description")),
    )


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed descriptions, export fields), without scripts."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    for comment in list(root.iter(etree.Comment)):
        if comment.getparent() is not None:
            comment.drop_tree()
    for el in root.iter(*_BLOCK):
        el.tail = "\n" + (el.tail or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().split("\n")).strip()
