"""Which found quotes a reader gets: no junk, no duplicates.

A quote must say something: its text needs a verb (a clause) unless it is
between quotation marks and a cue attributes it ("called him “childish”"); an
object ("accused Barack Obama"), a topic ("talked about energy policy") or a
refusal ("declined to comment") is not a quote. Stretches
between quotation marks that no cue claims must in addition read as prose:
link lists, captions and title-case headlines are not quotes. The same words
quoted twice in one article are kept once, with a speaker where one of the
copies has one, and paraphrase inside a longer quote of the same speaker is not
kept again, nor a word or two quoted from a longer direct quote of the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..types import Quote
from .attribution_cues import EXTRA_SPEECH

__all__ = ["is_junk", "keep_quotes"]

_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_LINKISH = re.compile(r"https?://|www\.|\S+\.(?:com|org|net)\b|\s\|\s|»|•")
_CAPTION = re.compile(r"\b(?:photo|image|getty|reuters|afp|ap|file|caption|pictured|credit)\b", re.IGNORECASE)
_CLOSING = frozenset(")]}:;")
_NO_COMMENT = re.compile(r"\s*to (?:comment|say|discuss|elaborate|answer|respond|speak|provide|confirm)\b")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NORM = re.compile(r"[\W_]+")
_BASE_OR_FINITE = _FINITE | {"VB"}
_DOING = frozenset({"offer", "order"})  # with a plain object an act ("offering only selected tracks")


def _tokens(doc: Doc, quote: Quote) -> list[tuple[str, str]]:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return [(t.pos_, t.text) for t in span] if span is not None else []


def _tags(doc: Doc, quote: Quote) -> list[str]:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return [t.tag_ for t in span] if span is not None else []


def _reads_as_prose(text: str, words: list[tuple[str, str]]) -> bool:
    """Not a link list, caption or headline: a clause in sentence case."""
    if _LINKISH.search(text) or _CAPTION.search(text) and len(words) < 12:
        return False
    alpha = [w for _, w in words if w[:1].isalpha()]
    titled = sum(1 for w in alpha if w[0].isupper())
    return not (len(alpha) >= 4 and titled >= 0.7 * len(alpha))


def is_junk(doc: Doc, quote: Quote) -> bool:
    """A quote that says nothing a reader could attribute (see the module doc)."""
    words = _tokens(doc, quote)
    has_clause = any(pos in _CLAUSE_POS for pos, _ in words)
    content = sum(1 for pos, _ in words if pos in _CONTENT_POS)
    if not quote.cue:  # between quotation marks, claimed by no cue
        first = quote.text.lstrip()[:1]
        if not first.isupper() and not first.isdigit():
            return True  # 'the “arrival ceremonies ” would be known as “ ...': the gap between two quotes
        return not has_clause or not _reads_as_prose(quote.text, words)
    if _LINKISH.search(quote.text) or quote.text.lstrip()[:1] in _CLOSING:
        return True  # a link, or a fragment left of a bracket the sentence splitter cut through
    if quote.kind == "direct":
        return content == 0
    if quote.cue in ("decline", "refuse") and _NO_COMMENT.match(quote.text):
        return True  # "declined to comment": a refusal to say anything
    if words and words[0][0] == "ADP" and not any(tag in _FINITE for tag in _tags(doc, quote)):
        return True  # a topic ("about energy policy"), not what anyone said
    if quote.cue in _DOING and not any(tag in _BASE_OR_FINITE for tag in _tags(doc, quote)):
        return True  # "artists offering only selected tracks": a thing done, not a wish voiced
    if quote.cue in EXTRA_SPEECH and not any(tag in _FINITE for tag in _tags(doc, quote)):
        return True  # "showing signs of continuing": no statement shown
    if quote.cue_class == "speech" and len(words) < 4 and not any(pos == "VERB" for pos, _ in words):
        return True  # "The AERA will, he said, ...": a stub of the sentence, not what was said
    if len(words) < 3:
        return True  # "claims to rule": too little to say what was claimed
    return not has_clause  # "accused Barack Obama": whom, not what


def _inside_same_speaker(q: Quote, kept: list[Quote]) -> bool:
    """Paraphrase already inside a kept quote of the same speaker ("repeated her claim that
    taxes rose" and "that taxes rose"): the same words twice."""
    if q.kind != "indirect":
        return False
    around = (k for k in kept[-8:] if k.start <= q.start and q.end <= k.end and k.text != q.text)
    return any(k.speaker == q.speaker for k in around)


def _key(text: str) -> str:
    return _NORM.sub(" ", text.casefold()).strip()


def _quoted_again(quotes: list[Quote]) -> set[int]:
    """Indexes of short direct quotes ("receptive") whose words a longer direct quote of the same
    article holds ("The president remains receptive to ..."): the writer quoting a word of it."""
    long = [f" {_key(q.text)} " for q in quotes if q.kind == "direct" and len(q.text.split()) >= 4]
    return {
        k
        for k, q in enumerate(quotes)
        if q.kind == "direct" and len(q.text.split()) < 4 and any(f" {_key(q.text)} " in t for t in long)
    }


def keep_quotes(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """The quotes worth showing, each text once (in text order)."""
    kept: dict[str, int] = {}
    out: list[Quote] = []
    again = _quoted_again(quotes)
    for k, q in enumerate(quotes):
        if k in again or is_junk(doc, q) or _inside_same_speaker(q, out):
            continue
        key = _key(q.text)
        if key in kept:
            first = kept[key]
            if out[first].speaker is None and q.speaker is not None:
                out[first] = q  # the copy that says who spoke
            continue
        kept[key] = len(out)
        out.append(q)
    return out
