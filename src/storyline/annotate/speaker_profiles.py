"""What an article tells about its people before anyone is quoted: the gender of each person
(honorifics, role nouns, the pronouns that follow their mentions), the roles its descriptions and
titles give them ("the spokesperson", "Senator Ted Cruz"), and which entity each token names."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc

from ..types import EntityMention, LocalEntity
from .attribution_cues import words

__all__ = ["GENDER", "ROLE_GENDER", "described_roles", "learn_genders", "titled_roles", "token_entities"]

GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_HONORIFIC_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
}
_GENDER_HASHES = {hash_string(w): g for w, g in GENDER.items()}
ROLE_GENDER = dict.fromkeys(
    words("spokesman chairman congressman businessman man actor father"), "m"
) | dict.fromkeys(
    words("spokeswoman chairwoman congresswoman businesswoman woman actress mother"), "f"
)  # role nouns that say the holder's gender


def token_entities(doc: Doc, mentions: list[EntityMention]) -> dict[int, int]:
    out: dict[int, int] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                out[i] = m.entity
    return out


def described_roles(doc: Doc, mentions: list[EntityMention], types: dict[int, str]) -> dict[str, set[int]]:
    """Role noun -> the people the entity resolver tied a description to ("the spokesperson")."""
    roles: dict[str, set[int]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) < 2 or types.get(m.entity) != "PERSON":
            continue
        if span[0].lower_ in ("the", "this", "that") and span[-1].pos_ == "NOUN":
            roles.setdefault(span[-1].lemma_.lower(), set()).add(m.entity)
    return roles


def titled_roles(entities: list[LocalEntity]) -> dict[str, set[int]]:
    """Title word -> the people who carry it in one of their names ("Senator Ted Cruz", "X QC")."""
    roles: dict[str, set[int]] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        name_words = set(e.name.casefold().split())
        for alias in e.aliases:
            for word in alias.casefold().replace(".", "").split():
                if word not in name_words and word.isalpha():
                    roles.setdefault(word, set()).add(e.key)
    return roles


def learn_genders(
    doc: Doc, sent_of: list[int], entities: list[LocalEntity], people: list[tuple[int, int]]
) -> dict[int, str]:
    """Gender of person entities, from honorifics ("Mr.", "Ms.") and from the gendered
    pronouns whose sentence or the one before names that person and no other."""
    votes: dict[int, Counter[str]] = {}
    for e in entities:
        for alias in e.aliases:
            for word in alias.casefold().replace(".", "").split()[:2]:  # "Mr", "Congresswoman"
                g = _HONORIFIC_GENDER.get(word) or ROLE_GENDER.get(word)
                if g is not None:
                    votes.setdefault(e.key, Counter())[g] += 3
    tokens = [i for i, _ in people]
    lowers = doc.to_array([LOWER]).tolist()
    for i, low in enumerate(lowers):
        g = _GENDER_HASHES.get(low)
        if g is None:
            continue
        lo = bisect_left(tokens, i)
        window = {ent for t, ent in people[:lo] if sent_of[t] >= sent_of[i] - 1} if lo else set()
        if len(window) == 1:
            votes.setdefault(next(iter(window)), Counter())[g] += 1
    # one stray pronoun is no evidence: two votes at least (an honorific counts three)
    return {
        k: c.most_common(1)[0][0] for k, c in votes.items() if c.total() >= 2 and (len(c) == 1 or _clear(c))
    }


def _clear(c: Counter[str]) -> bool:
    (_, a), (_, b) = c.most_common(2)
    return a >= 3 * b
