"""Readers for TIMEX3 gold data: TimeML / TempEval-3 (``.tml``, ``.TE3input``) and
MEANTIME's CAT XML (tokens with ids; TIMEX3 markables point at token ids).

Both give a ``GoldDoc``: the raw text the tagger sees, the DCT, and the gold
TIMEX3 spans as character offsets into that text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from ..errors import EvaluationError
from ..types import Timex

__all__ = [
    "GoldDoc",
    "GoldTimex",
    "find_gold_files",
    "read_cat",
    "read_gold",
    "read_timeml",
    "tagged_text",
    "write_timeml",
]

_DCT_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]
    scored_until: int | None = None  # only text before this offset is annotated (MEANTIME)


def _dct(value: str | None) -> date | None:
    m = _DCT_VALUE.match(value or "")
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _parse_xml(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}; is it TimeML or CAT XML?") from exc


def read_timeml(path: str | Path) -> GoldDoc:
    """A TimeML document: text of ``<TEXT>`` (tags removed) and its TIMEX3s."""
    path = Path(path)
    root = _parse_xml(path)
    dct_el = root.find("DCT/TIMEX3")
    dct = _dct(dct_el.get("value") if dct_el is not None else None)
    text_el = root.find("TEXT")
    if text_el is None:
        raise EvaluationError(f"{path} has no <TEXT> element; is it a TimeML file?")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            covered = "".join(parts)[start:pos]
            timexes.append(
                GoldTimex(start, pos, covered, el.get("type", ""), el.get("value", ""), el.get("mod"))
            )

    walk(text_el)
    name = path.name.removesuffix(".TE3input")
    return GoldDoc(name, "".join(parts), dct, tuple(sorted(timexes, key=lambda t: t.start)))


#: MEANTIME annotates the title and the first sentences only (sentence ids 0-5;
#: no markable in the corpus lies beyond them), so output after them is not scored
ANNOTATED_SENTENCES = 6

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:?!%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|''|'|’s|”)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "#"})


def read_cat(path: str | Path) -> GoldDoc:
    """A MEANTIME CAT document: tokens joined into text, TIMEX3 markables as spans."""
    path = Path(path)
    root = _parse_xml(path)
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    prev_sentence: str | None = None
    prev_token = ""
    scored_until: int | None = None
    for tok in root.iter("token"):
        word = tok.text or ""
        sentence = tok.get("sentence")
        if parts:
            if sentence != prev_sentence:
                sep = "\n"
            elif _NO_SPACE_BEFORE.match(word) or prev_token in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        if int(sentence or 0) < ANNOTATED_SENTENCES:
            scored_until = pos
        prev_sentence, prev_token = sentence, word
    text = "".join(parts)
    dct: date | None = None
    timexes: list[GoldTimex] = []
    by_id = {tx.get("m_id"): tx for tx in root.iter("TIMEX3")}
    anchors = Counter(tx.get("anchorTimeID") for tx in by_id.values() if tx.get("anchorTimeID"))
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _dct(tx.get("value"))
    if dct is None and anchors:  # no DCT marked: the time most others are anchored on
        most = by_id.get(anchors.most_common(1)[0][0])
        dct = _dct(most.get("value")) if most is not None else None
    for tx in root.iter("TIMEX3"):
        spans = [offsets[a.get("t_id", "")] for a in tx.iter("token_anchor") if a.get("t_id") in offsets]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        timexes.append(
            GoldTimex(
                start, end, text[start:end], tx.get("type", ""), tx.get("value", ""), tx.get("mod") or None
            )
        )
    timexes.sort(key=lambda t: t.start)
    return GoldDoc(path.stem, text, dct, tuple(timexes), scored_until)


def read_gold(path: str | Path) -> GoldDoc:
    """Read one gold file, choosing the reader by its content."""
    path = Path(path)
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    if "<TimeML" in head or "<TEXT>" in head:
        return read_timeml(path)
    if "<Document" in head and "<token" in head:
        return read_cat(path)
    raise EvaluationError(f"{path} is neither TimeML nor MEANTIME CAT XML")


def find_gold_files(root: str | Path) -> Iterator[Path]:
    """Gold files under ``root`` in sorted order: ``*.tml`` and CAT ``*.xml``.

    For MEANTIME only the intra-document annotation is read when both copies exist."""
    root = Path(root)
    if not root.exists():
        raise EvaluationError(f"gold directory {root} does not exist; give the path to TimeML or CAT files")
    files = sorted(p for p in root.rglob("*") if p.suffix in (".tml", ".xml") and p.is_file())
    if any("intra-doc_annotation" in p.parts for p in files):
        files = [p for p in files if "intra_cross-doc_annotation" not in p.parts]
    yield from (p for p in files if not p.name.endswith(".xsd"))


def as_gold(t: Timex) -> GoldTimex:
    return GoldTimex(t.start, t.end, t.text, t.type, t.value, t.mod)


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def timex_tag(t: Timex | GoldTimex, tid: int) -> str:
    attrs = f'tid="t{tid}" type="{t.type}" value="{_attr(t.value)}"'
    if t.mod:
        attrs += f' mod="{_attr(t.mod)}"'
    return f"<TIMEX3 {attrs}>{escape(t.text)}</TIMEX3>"


def tagged_text(text: str, timexes: Sequence[Timex | GoldTimex]) -> str:
    """``text`` XML-escaped with TIMEX3 elements around ``timexes`` (ids from t1)."""
    out: list[str] = []
    pos = 0
    for i, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if t.start < pos:
            continue
        out.append(escape(text[pos : t.start]))
        out.append(timex_tag(t, i))
        pos = t.end
    out.append(escape(text[pos:]))
    return "".join(out)


def write_timeml(
    name: str, text: str, dct: date | None, timexes: Sequence[Timex | GoldTimex], source: str | None = None
) -> str:
    """A TempEval-3 TimeML document. With ``source`` (the input TimeML), everything
    outside ``<TEXT>`` is kept as it was and only the text is re-tagged."""
    body = f"<TEXT>{tagged_text(text, timexes)}</TEXT>"
    if source is not None and "<TEXT>" in source and "</TEXT>" in source:
        head, rest = source.split("<TEXT>", 1)
        tail = rest.split("</TEXT>", 1)[1]
        return head + body + tail
    dct_xml = ""
    if dct is not None:
        dct_xml = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
        )
    return (
        '<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
        f"<DOCID>{escape(name)}</DOCID>\n{dct_xml}{body}\n</TimeML>\n"
    )
