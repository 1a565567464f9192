"""``storyline_runons``: sentence starts that a lost full stop hid, set before the parser.

Exported corpora often drop the full stop where a line ended ("... complaining about an
“unfair” fight The essence of his beef was that ..."). The parser then reads two sentences as
one and the headline runs them together. A capitalised determiner or pronoun written after a
lower-case word, and followed by a lower-case one, starts a sentence: mid-sentence it would be
written small, and a title ("told The Guardian", "watching The Daily Show") goes on capitalised.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_runons"]

_STARTERS = frozenset({
    "The", "This", "That", "These", "Those", "He", "She", "They", "We", "It", "His", "Her", "Their",
    "Its", "There",
})


@Language.component("storyline_runons")
def mark_runons(doc: Doc) -> Doc:
    for token in doc[1:-1]:
        before, after = doc[token.i - 1], doc[token.i + 1]
        if (token.text in _STARTERS and before.is_alpha and before.is_lower and before.whitespace_
                and after.is_alpha and after.is_lower):
            token.is_sent_start = True
    return doc
