"""Plain-text helpers: line normalisation, the content hash, the ``Key: value`` header
block, bylines and datelines."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import ftfy

__all__ = [
    "Header",
    "content_hash",
    "find_dateline",
    "normalise_line",
    "normalise_text",
    "parse_header",
    "repair_text",
]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_HASH_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                            "–": "-", "—": "-", "‐": "-", "‑": "-", "…": "..."})
_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "publication date": "published",
    "pubdate": "published", "published on": "published",
    "source": "source", "outlet": "source", "publisher": "source", "publication": "source",
    "url": "url", "link": "url",
    "author": "author", "byline": "author", "by": "author", "authors": "author",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(\S.*?)\s*$")
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'\-]+)(?:\s+[A-Z][A-Z.'\-]+){0,3}"  # SEOUL, NEW YORK
    r"(?:,\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,2})?)"  # , South Korea
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+\S"  # (Reuters) —
)


# ftfy repairs encoding only: quotes, widths and ligatures stay as the outlet wrote them.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False,
    explain=False,
)
# Third bytes of UTF-8 punctuation (U+2000-U+203F, U+2122) as cp1252 shows them; undefined bytes
# were replaced by U+FFFD on the way.
_THIRD = re.escape(bytes(range(0x80, 0xC0)).decode("cp1252", errors="replace").replace("\xa0", ""))
# A tokenizer that split a mojibake sequence ("anyoneâ€ ™ s"): the pieces are joined back.
_SPLIT_MOJIBAKE = re.compile(f"(â€)\\s+(?=[{_THIRD}])")  # across a line break too
# U+201D (E2 80 9D): cp1252 has no 0x9D, so the decoder left U+FFFD where ftfy needs the byte.
_LOST_QUOTE = re.compile("â€\ufffd")


def repair_text(text: str) -> str:
    """``text`` with mojibake (UTF-8 read as cp1252 or latin-1: "â€™", "Ã©") repaired by ftfy."""
    if text.isascii():
        return text
    text = _SPLIT_MOJIBAKE.sub(r"\1", text)
    text = _LOST_QUOTE.sub("\u201d", text)
    return ftfy.fix_text(text, _FTFY)


def normalise_line(line: str) -> str:
    """One line with invisible characters removed and runs of spaces (NBSP too) squeezed."""
    if line.isascii() and "  " not in line and "\t" not in line:
        return line.strip()
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return _SPACES.sub(" ", line).strip()


def normalise_text(text: str) -> str:
    """Repaired text (``repair_text``) with normalised lines, Unix newlines and at most one blank
    line in a row. Repeated to a fixed point: squeezing spaces or dropping an invisible character
    can bring the bytes of a mojibake sequence together for the repair (ASCII needs one pass)."""
    once = _normalise_once(text)
    for _ in range(3):
        if once.isascii():
            break
        again = _normalise_once(once)
        if again == once:
            break
        once = again
    return once


def _normalise_once(text: str) -> str:
    text = repair_text(text.translate(_INVISIBLE))
    lines = [normalise_line(ln) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def content_hash(text: str) -> str:
    """sha256 of the text with case, quote style, dashes and whitespace folded away, so a
    story saved twice with different spacing or typography hashes the same."""
    folded = unicodedata.normalize("NFKC", text).translate(_HASH_FOLD).casefold()
    return hashlib.sha256(" ".join(folded.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Header:
    """Fields of a ``Key: value`` block at the top of a text file, and where the body starts."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


def parse_header(lines: list[str]) -> Header:
    """Read a block of ``Title:``/``Date:``/``Source:``/``URL:``/``Author:`` lines at the top
    (leading blank lines allowed; ends at the first blank or other line)."""
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    start = i
    while i < len(lines):
        m = _HEADER_LINE.match(lines[i])
        key = _HEADER_KEYS.get(m[1].strip().lower()) if m else None
        if not m or key is None or key in fields:
            break
        fields[key] = m[2]
        i += 1
    if not fields or (len(fields) == 1 and "title" not in fields and "published" not in fields
                      and i < len(lines) and lines[i].strip()):
        return Header({}, 0)
    if i == start:
        return Header({}, 0)
    return Header(fields, i)


def find_dateline(paragraph: str) -> str | None:
    """``SEOUL, South Korea`` in ``SEOUL, South Korea — North Korea's leader ...``."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place = m[1].strip()
    return place if any(c.isalpha() for c in place) and len(place) >= 3 else None
