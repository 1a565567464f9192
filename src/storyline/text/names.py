"""Pure helpers for person and organisation names: normalising keys and deciding
whether two names can refer to the same person.

Used within an article (alias chains in ``entities``) and across articles (the
cross-document registry in ``link``). No spaCy here: plain strings in, plain
values out.
"""

from __future__ import annotations

import re

__all__ = [
    "HONORIFICS",
    "is_short_form",
    "name_tokens",
    "normalize_name",
    "same_person",
    "short_forms",
    "strip_honorifics",
]

# Titles and honorifics that may precede a name ("Secretary of State Mike Pompeo"),
# lower-case and without dots.
_HONORIFIC_TEXT = """
mr, mrs, ms, miss, mx, dr, prof, professor, sir, dame, lord, lady, rev, reverend, father,
president, vice president, prime minister, deputy prime minister, chairman, chairwoman,
chair, chairperson, chief executive, ceo, secretary of state, secretary general,
secretary, foreign minister, defense minister, defence minister, minister, ambassador,
envoy, special envoy, sen, senator, rep, representative, congressman, congresswoman,
gov, governor, lt, gen, col, colonel, maj, capt, captain, adm, admiral,
sgt, sergeant, pte, pvt, pfc, cpl, corporal, judge, chief justice, attorney general, mayor, king,
queen, prince, princess, crown prince, emperor, pope, sheikh, supreme leader,
premier, chancellor, first lady, executive chairman, executive chair
"""
HONORIFICS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {tuple(p.split()) for p in _HONORIFIC_TEXT.split(",") if p.strip()},
        key=len,
        reverse=True,
    )
)
_HONORIFIC_SET = frozenset(HONORIFICS)
_MAX_HONORIFIC = max(len(h) for h in _HONORIFIC_SET)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$", re.IGNORECASE)
_EDGE_PUNCT = " \t\n\"'“”‘’.,;:!?()[]{}«»—–-"
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_SPACES = re.compile(r"\s+")


def strip_honorifics(tokens: list[str]) -> list[str]:
    """Drop leading honorific tokens (lower-case, dot-free), keeping at least one token."""
    i = 0
    while i < len(tokens) - 1:
        for n in range(min(_MAX_HONORIFIC, len(tokens) - 1 - i), 0, -1):
            if tuple(tokens[i : i + n]) in _HONORIFIC_SET:
                i += n
                break
        else:
            break
    return tokens[i:]


def _words(text: str, split: re.Pattern[str]) -> list[str]:
    t = text.strip(_EDGE_PUNCT)
    t = _POSSESSIVE.sub("", t).strip(_EDGE_PUNCT)
    t = t.replace(".", " ").casefold()
    tokens = [w.strip("-‐‑–") for w in split.split(t)]
    tokens = [w for w in tokens if w and w not in {"'", "’"}]
    # a leading "the", honorifics and what they leave at the edge ("Pte ,J" -> "j") go, again until
    # nothing changes ("Mr the Mr J" -> "j"), so that normalising is idempotent
    while True:
        before = tokens
        if len(tokens) > 1 and tokens[0] == "the":
            tokens = tokens[1:]
        kept = [w.strip(_EDGE_PUNCT) for w in strip_honorifics(tokens)]
        tokens = [w for w in kept if w] or kept[:1]
        if tokens == before:
            return tokens


def normalize_name(text: str) -> str:
    """A case-folded comparison key: possessives, honorifics, dots, hyphens and a
    leading "the" removed ("Mr. Kim Jong-Un's" -> "kim jong un")."""
    return " ".join(_words(text, _SPLIT))


def name_tokens(text: str) -> list[str]:
    """Tokens of the normalised name without single-letter middle initials."""
    tokens = normalize_name(text).split()
    if len(tokens) > 2:
        inner = [w for w in tokens[1:-1] if len(w) > 1]
        tokens = [tokens[0], *inner, tokens[-1]]
    return tokens


def _core(tokens: list[str]) -> tuple[list[str], str]:
    if len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        return tokens[:-1], tokens[-1]
    return tokens, ""


def short_forms(full: str) -> tuple[str, ...]:
    """The one-word forms of a multi-word name: its family name ("trump" for
    "Donald Trump") and its first word, the family name of names written
    family-name first ("kim" for "Kim Jong-un"). Hyphenated given names stay
    whole, so "un" is not a form of "Kim Jong-un"."""
    words, _ = _core(_words(full, _SPACES))
    if len(words) < 2 and len(name_tokens(full)) < 2:
        return ()
    return tuple(dict.fromkeys(w.replace("-", " ") for w in (words[0], words[-1])))


def is_short_form(short: str, full: str) -> bool:
    """True when ``short`` is a one-word form of the multi-word name ``full``
    (see ``short_forms``)."""
    s = name_tokens(short)
    return len(s) == 1 and s[0] in short_forms(full)


def same_person(a: str, b: str) -> bool:
    """True when two full names are compatible as one person: equal once
    normalised ("Kim Jong Un" / "Kim Jong-un"), or equal but for middle names
    and initials ("John R. Bolton" / "John Bolton"). Different given names
    under one family name are different people ("Lee Jae-myung" / "Lee Sung-yoon").
    A one-word name is compatible with a longer one by ``is_short_form``."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        return is_short_form(a, b) if len(ta) == 1 else is_short_form(b, a)
    (ca, sa), (cb, sb) = _core(ta), _core(tb)
    if sa != sb:
        return False
    if ca == cb:
        return True
    short, long_ = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    # "john bolton" within "john robert bolton": same first and last word.
    return len(short) == 2 and short[0] == long_[0] and short[-1] == long_[-1]
