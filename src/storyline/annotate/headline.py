"""A short headline for an event mention, built from the parse of its clause: who did what, to whom.

The clause's verb keeps its subject, auxiliaries, negation, objects, particles, complements and
prepositional phrases; adverbial clauses, relative clauses, appositions, parentheticals, quoted
speech marks and the date expression itself (the timeline shows the date) are left out. A
reporting verb keeps its reported clause ("Kim tells Seoul's envoy he wants denuclearisation").
Longer than ``MAX_WORDS``, the last prepositional phrases go first, then the words past the limit.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

__all__ = ["MAX_WORDS", "headline"]

MAX_WORDS = 15
# Dependents of a kept word that are never part of a headline.
_DROP = frozenset({
    "advcl", "relcl", "appos", "parataxis", "punct", "cc", "conj", "mark", "discourse", "intj",
    "meta", "dep", "preconj", "npadvmod", "acl",
})
# Dependents of the clause's own verb that a headline keeps.
_KEEP_AT_VERB = frozenset({
    "nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "dobj", "dative", "attr", "prt",
    "acomp", "oprd", "ccomp", "xcomp", "prep", "agent", "advmod",
})
_QUOTES = frozenset("\"'“”‘’«»")
_DANGLING = re.compile(
    r"\s+(?:in|on|at|of|to|for|with|by|from|and|or|but|the|a|an|since|after|before)$", re.I
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
REPORTING = frozenset({"say", "tell", "report", "add", "announce", "state", "write", "claim", "insist"})


def headline(verb: Token, sentence: Span, timex: Span | None = None) -> str:
    """The headline of the clause headed by ``verb`` (a sentence's root or a dated clause's verb)."""
    skip = {t.i for t in timex} if timex is not None else set()
    verb = _lead(verb)
    kept = _headline_tokens(verb, skip)
    root = _lead(sentence.root)
    if (kept is None or len(kept) < 3) and root.i != verb.i:  # a bare clause: the sentence's own
        kept = _headline_tokens(root, skip)
        verb = root
    words = [t for t in sentence if kept and t.i in kept]
    if len(words) > MAX_WORDS:
        words = _shorten(verb, words, skip)
    cut = len(words) > MAX_WORDS
    text = _join(words[:MAX_WORDS]) + ("…" if cut else "")
    if not text:
        return " ".join(sentence.text.split()[:MAX_WORDS])
    return text[0].upper() + text[1:]


def _headline_tokens(verb: Token, skip: set[int]) -> set[int] | None:
    """The words of the headline of ``verb``'s clause; None when the clause names no subject."""
    kept = _clause(verb, skip)
    if verb.dep_ == "relcl":  # "the Korean War, which was halted in 1953": the noun is the subject
        relative = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in _SUBJECTS]
        if relative:
            return (kept - {relative[0].i}) | _noun(verb.head)
        if _has_subject(verb):  # "a drive he launched last summer"
            return (kept - {c.i for c in verb.children if c.tag_ in ("WDT", "WP")}) | _noun(verb.head)
        return None
    if not _has_subject(verb):
        if verb.dep_ == "conj" and _has_subject(verb.head):
            subject = next(c for c in verb.head.children if c.dep_ in _SUBJECTS)
            return kept | _phrase(subject, skip)
        return None if verb.pos_ in ("VERB", "AUX") else kept
    return kept


def _lead(verb: Token) -> Token:
    """The clause that says who: "wants to see" is told by "wants", a reported clause by its
    reporting verb ("Kim tells Seoul's envoy he wants ...")."""
    while verb.head.i != verb.i and (
        verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING)
    ):
        verb = verb.head
    if verb.lemma_.lower() in REPORTING:  # "..., the envoy said Thursday": the report is the news
        reported = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if reported and _has_subject(reported[0]):
            return reported[0]
    return verb


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _noun(noun: Token) -> set[int]:
    """A noun with its determiners and modifiers, nothing longer."""
    modifiers = [c for c in noun.children if c.dep_ in ("det", "compound", "amod", "poss", "nummod")]
    return {noun.i} | {t.i for c in modifiers for t in c.subtree}


def _clause(verb: Token, skip: set[int]) -> set[int]:
    kept = {verb.i}
    for child in verb.children:
        if child.dep_ in _KEEP_AT_VERB and child.i not in skip and not _only_date(child, skip):
            if child.dep_ == "advmod" and (child.i > verb.i + 1 or child.tag_ == "WRB"):
                continue  # keeps "never said", drops trailing adverbs and "when"
            kept |= _phrase(child, skip)
    return kept


def _only_date(token: Token, skip: set[int]) -> bool:
    """A preposition whose object is the date expression ("on Tuesday")."""
    return token.dep_ == "prep" and all(t.i in skip or t.i == token.i for t in token.subtree)


def _phrase(token: Token, skip: set[int]) -> set[int]:
    found = {token.i}
    for child in token.children:
        coordinated = child.dep_ in ("conj", "cc") and token.pos_ in ("NOUN", "PROPN", "PRON")
        dropped = child.dep_ in _DROP and not _hyphen(child) and not coordinated  # "Trump and Xi" stays
        if dropped or child.i in skip or _only_date(child, skip):
            continue
        if child.dep_ == "prep" and token.pos_ in ("NOUN", "PROPN") and _long(child):
            continue  # "the memorial closures, one of the most ... on to": keep noun phrases short
        found |= _phrase(child, skip)
    return found


def _hyphen(token: Token) -> bool:
    """The hyphen inside a word: "spectacle-filled"."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def _long(token: Token) -> bool:
    return sum(1 for _ in token.subtree) > 6


def _shorten(verb: Token, words: list[Token], skip: set[int]) -> list[Token]:
    """Drop prepositional phrases of the verb from the end until the headline fits, then cut."""
    kept = {t.i for t in words}
    for child in sorted(verb.children, key=lambda c: -c.i):
        if len(kept) <= MAX_WORDS:
            break
        if child.dep_ in ("prep", "advmod", "agent") and child.i > verb.i:
            kept -= {t.i for t in child.subtree}
    return [t for t in words if t.i in kept]


def _join(words: list[Token]) -> str:
    """Words joined with their own spacing; quote marks, and brackets left unmatched, go."""
    out = []
    for n, t in enumerate(words):
        possessive = t.text in "'’" and n + 1 < len(words) and words[n + 1].lower_ == "s"
        if (t.text in _QUOTES and not possessive) or t.text in "()[]":
            continue
        follow = n + 1 < len(words) and words[n + 1].i == t.i + 1
        out.append(t.text + (t.whitespace_ if follow else " "))
    text = "".join(out).strip()
    while True:  # a phrase cut short: "when he met with Moon in"
        trimmed = _DANGLING.sub("", text).rstrip(",;:-–—").strip()
        if trimmed == text:
            return text
        text = trimmed
