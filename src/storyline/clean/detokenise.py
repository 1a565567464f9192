"""Tokenised text put back as written: "Cruz , who is a Tea Party favourite , said it 's
Tuesday’ s co - operation" reads "Cruz, who is a Tea Party favourite, said it's Tuesday’s
co-operation".

Corpora and exports often hold text that a tokenizer split (spaces before punctuation and
clitics, hyphens set apart). The parser then reads "’ s" as a word and
headlines lose words, so such text is detected from its shape and joined back before anything
is annotated. Text written normally is left untouched: detection needs tokenised punctuation
to outnumber the normal kind several times over. Straight quotation marks keep their spaces:
which of them open and which close cannot be told reliably once one is missing, and the
quotation finder reads spaced marks as they are.
"""

from __future__ import annotations

import re

__all__ = ["detokenise", "looks_tokenised"]

_TOKENISED = re.compile(r"\w (?:[,.;:!?](?=\s|$)|(?:['’](?:s|re|ve|ll|d|m)|n['’]t)\b)")
_NORMAL = re.compile(r"\w(?:[,;:!?]|\.(?=\s))")
_BEFORE = re.compile(r" +([,.;:!?%)\]}]|['’](?:s|S|re|ve|ll|d|m)\b|n['’]t\b)")
_AFTER = re.compile(r"([(\[{$£€#]) +")
_SPLIT_CLITIC = re.compile(r"(\w['’]) (s|t|re|ve|ll|d|m)\b")  # "Tuesday’ s", "don’ t"
_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")  # "co - operation"; dashes are "–" or "--" there


def looks_tokenised(text: str, least: int = 5, ratio: int = 3) -> bool:
    """``text`` has at least ``least`` tokenised punctuation marks or clitics and ``ratio``
    times as many as punctuation written against its word."""
    tokenised = len(_TOKENISED.findall(text))
    return tokenised >= least and tokenised >= ratio * len(_NORMAL.findall(text))


def detokenise(text: str) -> str:
    """``text`` joined back when it looks tokenised (``looks_tokenised``), else as it is."""
    if not looks_tokenised(text):
        return text
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    line = _SPLIT_CLITIC.sub(r"\1\2", line)
    line = _BEFORE.sub(r"\1", line)
    line = _AFTER.sub(r"\1", line)
    return _HYPHEN.sub("-", line)
