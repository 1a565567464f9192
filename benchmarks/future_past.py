"""Past-tense sentences whose resolved date lies after their article's publication date.

A past-tense clause ("the minister resigned on May 12") cannot report a day after the
article was published, so every such date is a resolution error (a wrong year, or an
anchor taken from the wrong place). Reads the Entities topics (``outputwithpub.csv``:
rows ``date,text``, no header, one sentence a line), takes the first N articles of
each, tags them with their publication date as DCT and counts the DATE/TIME values
whose first day is after that date while the verb governing them is in the past tense,
counting apart those the tagger resolved (against the DCT or an earlier date: the
errors this check is for) and those that carry their own year ("in 2016").
The tense test is the plain one of this script (a past-tense form or auxiliary and no
modal), not the tagger's own.

Usage: python benchmarks/future_past.py [--articles 120] [--data ../shared/data] [--show 20]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

from storyline.annotate.temporal import tag_doc
from storyline.settings import Settings
from storyline.types import DateValue, Timex

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ("Ted_Cruz", "Steve_Jobs")
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_NOT_PAST = frozenset({"will", "would", "shall", "may", "might", "can", "could", "should", "must", "'ll"})


@dataclass(frozen=True, slots=True)
class Hit:
    topic: str
    published: date
    timex: Timex
    sentence: str


def articles(path: Path, n: int) -> Iterator[tuple[date, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if i >= n:
                break
            yield date.fromisoformat(row[0][:10]), row[1]


def _verb(token: Token) -> Token | None:
    tok = token
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def past_tense(doc: Doc, t: Timex) -> bool:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    verb = _verb(span.root) if span is not None and len(span) else None
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _NOT_PAST or "to" in auxes:
        return False
    return verb.tag_ == "VBD" or bool(auxes & _PAST_AUX)


def after_publication(t: Timex, published: date) -> bool:
    if t.type not in ("DATE", "TIME"):
        return False
    try:
        return DateValue.parse(t.value[:10]).start > published
    except ValueError:
        return False


def check(nlp: spacy.language.Language, data: Path, n: int) -> tuple[int, list[Hit]]:
    """Past-tense DATE/TIME values, and those of them after their article's publication."""
    past_dates, hits = 0, []
    for topic in TOPICS:
        rows = list(articles(data / "entities" / topic / "outputwithpub.csv", n))
        for (published, _text), doc in zip(rows, nlp.pipe((t for _, t in rows), batch_size=8), strict=True):
            for t in tag_doc(doc, published):
                if t.type in ("DATE", "TIME") and t.value[:1].isdigit() and past_tense(doc, t):
                    past_dates += 1
                    if after_publication(t, published):
                        sent = doc.char_span(t.start, t.end, alignment_mode="expand")
                        hits.append(Hit(topic, published, t, sent.sent.text if sent is not None else ""))
    return past_dates, hits


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=20, help="print up to N offending sentences")
    args = parser.parse_args()
    nlp = spacy.load(Settings().model, exclude=["ner"])
    past_dates, hits = check(nlp, args.data, args.articles)
    resolved = [h for h in hits if h.timex.anchor is not None]
    print(
        f"past-tense DATE/TIME values: {past_dates}; after publication: {len(hits)} "
        f"(resolved by the tagger: {len(resolved)}, with their own year: {len(hits) - len(resolved)})"
    )
    for h in resolved[: args.show]:
        print(f"{h.topic} {h.published} {h.timex.text!r} -> {h.timex.value} | {h.sentence.strip()[:160]}")


if __name__ == "__main__":
    main()
