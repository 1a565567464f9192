"""Finding direct-quote spans in plain text by their quotation marks.

Handles straight (") and curly (“ ”) double quotes, two apostrophes ('') or
backticks (``) standing for them, and quotes that run over
several paragraphs in the newspaper convention: each paragraph opens with a
quotation mark and only the last one closes. Single quotes are left alone
(they are mostly apostrophes, or quotes nested inside double quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]

_OPENERS = frozenset('“"„«')
_CLOSERS = frozenset('”"»')
_MAX_CHARS = 4000
# words that follow a closing mark far more often than an opening one: ', " he said'
_STARTS_TEXT = """
he she they we i it said says say told tells added adds asked asks wrote writes according replied
continued explained noted argued insisted
"""
_ATTRIBUTION_STARTS = frozenset(_STARTS_TEXT.split())
_SAID_BEFORE = re.compile(
    r"\b(?:says|said|say|told|tells|added|adds|asked|wrote|writes|replied|explained|declared|insisted)\s*$",
    re.IGNORECASE,
)
_GAP_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
_GAP_VERBS = _ATTRIBUTION_STARTS - _GAP_PRONOUNS - {"it", "according"}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text inside one pair of quotation marks; ``group`` ties the paragraphs of
    one multi-paragraph quote together."""

    start: int  # first character after the opening mark
    end: int  # the closing mark (exclusive end of the quoted text)
    group: int


def _next_visible(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at ``i`` as one character, and its width: two
    apostrophes stand for a straight quote, two backticks for an opening one."""
    two = text[i : i + 2]
    if two == "''":
        return '"', 2
    if two == "``":
        return "“", 2
    return text[i], 1


def _looks_closing(text: str, i: int, width: int) -> bool:
    """A straight mark right after the end of a clause and before a lower-case word (',"
    said the aide') or more punctuation closes a quote: met outside one, it is left over
    from a missing opener and must not open another (which would pair every later mark
    the wrong way round). In tokenised text, where marks stand apart (', " but history'
    opens), only words that attribute a quote (', " he said') tell a closing mark."""
    k = i - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    j = i + width
    while j < len(text) and text[j] in " \t":
        j += 1
    word = text[j : j + 12].split(" ", 1)[0].casefold()
    after = text[j] if j < len(text) else "\n"
    if k < 0 or text[k] not in ",.!?;":
        return False
    if text[k] == "," and _SAID_BEFORE.search(text, max(0, k - 16), k):
        return False  # 'He now says , " I was never ...': a speech verb and a comma open a quote
    if after in ",.;:)\n":
        return True
    if k == i - 1:  # ',"' then a space and a lower-case word: ',” said the aide'
        return j > i + width and after.islower()
    # tokenised ', " he said' closes; ', "the deal' opens, and so does '. " We think' (a capital)
    return j > i + width and word in _ATTRIBUTION_STARTS and text[j].islower()


def _is_gap(inner: str) -> bool:
    """Text between straight marks that reads as the attribution between two quotes
    ("he said ." / "said Smith ,"): the marks around it were paired the wrong way."""
    words = [w.casefold() for w in inner.split()]
    if not 1 < len(words) <= 8 or words[-1][-1:] not in ".,:" and words[-1] not in (".", ",", ":"):
        return False
    verb = words[1] if words[0] in _GAP_PRONOUNS else words[0]
    return verb in _GAP_VERBS


def _looks_opening(text: str, i: int, width: int) -> bool:
    """A straight mark after a space and right before a word ('said "this election'),
    met inside a quote: that quote was never closed and this one starts afresh."""
    before = text[i - 1] if i else "\n"
    after = text[i + width] if i + width < len(text) else " "
    return before in " \t\n(" and after.isalnum()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches of ``text`` in order, without the marks themselves."""
    spans: list[QuoteSpan] = []
    pending: list[tuple[int, int]] = []  # earlier paragraphs of the open quote
    start: int | None = None
    group = 0
    i, n = 0, len(text)
    while i < n:
        ch, width = _mark(text, i)
        if ch == '"' and i > 0 and i + width < n and text[i - 1].isalnum() and text[i + width].isalnum():
            i += width  # 'fact"check': a stray mark inside a word, not a quotation mark
            continue
        if start is None:
            if ch in _OPENERS and not (ch == '"' and _looks_closing(text, i, width)):
                start, pending = i + width, []
            i += width
            continue
        if ch == "\n":
            j = _next_visible(text, i)
            mark, w = _mark(text, j) if j < n else ("", 1)
            if j + w < n and mark in _OPENERS and not text[j + w].isspace():
                pending.append((start, i))
                start, i = j + w, j + w
            else:
                start, pending, i = None, [], j  # an unterminated quote: drop it
            continue
        if ch == "“" and _looks_closing(text, i, width):
            ch = "”"  # '“It's unusual,“ said Larry Noble': an opening mark typed for the closing one
        if ch == "“" or ch == '"' and _looks_opening(text, i, width):
            start, pending = i + width, []  # unbalanced: restart at the newer mark
        elif ch == '"' and not pending and _is_gap(text[start:i]):
            start = i + width  # ', " he said . "': between two quotes, so this mark opens one
        elif ch in _CLOSERS:
            if i - (pending[0][0] if pending else start) <= _MAX_CHARS:
                for s, e in [*pending, (start, i)]:
                    if text[s:e].strip():
                        spans.append(QuoteSpan(s, e, group))
                group += 1
            start, pending = None, []
        i += width
    return spans
