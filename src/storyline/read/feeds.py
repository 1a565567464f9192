"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one record per item or entry.

Parsed with lxml, with entity resolution and network access turned off. A record is
``<file>#<guid>`` (the item's guid/id, else its link, else its position); its bytes are
the item's XML; its metadata the item's title, link, date, author and whatever text the
feed carries (``content:encoded``/``content`` before ``description``/``summary``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..types import RawRecord, Skipped
from .records import make_record, one_line

__all__ = ["read_feed"]

_ITEM_NAMES = frozenset({"item", "entry"})
_TEXT_FIELDS = ("encoded", "content", "description", "summary")
_DATE_FIELDS = ("pubDate", "published", "date", "issued", "updated", "modified")


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname


def _children(el: etree._Element) -> dict[str, list[etree._Element]]:
    out: dict[str, list[etree._Element]] = {}
    for child in el:
        out.setdefault(_local(child), []).append(child)
    return out


def _text(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def _first_text(children: dict[str, list[etree._Element]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for el in children.get(name, []):
            text = _text(el)
            if text:
                return text
    return None


def _link(children: dict[str, list[etree._Element]]) -> str | None:
    for el in children.get("link", []):
        href = el.get("href")
        if href and el.get("rel", "alternate") == "alternate":
            return href.strip()
        text = _text(el)
        if text:
            return text
    return None


def _author(children: dict[str, list[etree._Element]]) -> str | None:
    for el in children.get("author", []) + children.get("creator", []):
        names = [_text(c) for c in el if _local(c) == "name"]
        text = names[0] if names else _text(el)
        if text:
            return text
    return None


def _item_metadata(item: etree._Element, source: str | None) -> dict[str, str | None]:
    children = _children(item)
    return {
        "title": _first_text(children, ("title",)),
        "text": _first_text(children, _TEXT_FIELDS),
        "published": _first_text(children, _DATE_FIELDS),
        "url": _link(children),
        "source": source,
        "author": _author(children),
        "guid": _first_text(children, ("guid", "id")) or item.get(
            "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
        ),
    }


def _channel_title(root: etree._Element) -> str | None:
    if _local(root) == "feed":
        return _first_text(_children(root), ("title",))
    for el in root.iter():
        if _local(el) == "channel":
            return _first_text(_children(el), ("title",))
    return None


def read_feed(label: str, data: bytes) -> Iterator[RawRecord | Skipped]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        yield Skipped(label, f"malformed feed: {one_line(exc)}")
        return
    if _local(root) not in ("rss", "feed", "RDF"):
        yield Skipped(label, f"not an RSS or Atom feed (root element <{_local(root)}>)")
        return
    source = _channel_title(root)
    items = [el for el in root.iter() if _local(el) in _ITEM_NAMES]
    if not items:
        yield Skipped(label, "feed has no items")
        return
    for number, item in enumerate(items, start=1):
        meta = _item_metadata(item, source)
        key = meta.pop("guid") or meta.get("url") or str(number)
        path = f"{label}#{key}"
        if not meta.get("text") and not meta.get("title"):
            yield Skipped(path, "feed item has neither title nor text")
            continue
        yield make_record(path, etree.tostring(item), "feed", meta)
