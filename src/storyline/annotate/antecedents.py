"""Who a clause's subject is, by name: the person behind a pronoun or a description.

A headline says who did what, so a subject written as "he", "she" or "they", or as a role
("the conservative Texas senator"), is replaced by the name the article gave it:

- a description the entity resolver tied to a person is that person;
- "he" or "she" in a sentence that names no one before it is the person named as subject of
  one of the two sentences before, else the one person the nearest of them names ("McCain
  chastised Cruz ... None of which bothered Cruz ... When he took the floor": Cruz); never a
  person of the other gender, known from "Mr.", "Ms." and gendered roles. A quotation's own
  sentences and sentences whose subject is the same pronoun do not count among the two: they
  carry the reference on ("Fiorina says. “They believed ... We know ...” She adds: ... In a call
  with reporters, she said": Fiorina);
- "they" is the plural subject of the sentence before ("Senior Republicans made clear they
  were unhappy. They stood ..."), a group or several people;
- a role opening a sentence ("The conservative Texas senator, who ..., raised") is the
  article's main person when the sentence before has them as subject ("Ted Cruz is raising
  money ..."), and no title they carry says otherwise ("Pope Francis ... The US president"
  are two people).

Nothing is guessed: a pronoun with no such antecedent keeps no name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..text.names import HONORIFICS
from ..types import EntityMention, LocalEntity

__all__ = ["subject_names"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_GENDER = {"he": "m", "she": "f"}
# Honorifics and roles in a person's aliases that tell the gender.
_GENDERED = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "congressman": "m", "chairman": "m",
    "spokesman": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f",
}
_GROUP_TYPES = frozenset({"ORG", "NORP"})
_BACK = 2  # sentences before in which a pronoun's antecedent is looked for
_CHAIN = 8  # sentences a chain of quotations and repeated pronouns is followed back at most
_OPENING_QUOTES = frozenset("“\"‘")
_CLOSING_QUOTES = frozenset("”\"’")
# Nouns of a person's role or office: the last word of each title, and roles news gives people.
ROLES = frozenset(h[-1] for h in HONORIFICS if len(h[-1]) > 2) | frozenset({
    "candidate", "leader", "nominee", "hopeful", "lawmaker", "politician", "official", "spokesman",
    "spokeswoman", "billionaire", "businessman", "businesswoman", "congressman", "congresswoman",
})
_TITLE_WORDS = ROLES | frozenset(w for h in HONORIFICS for w in h)


def subject_names(doc: Doc, entities: list[LocalEntity], mentions: list[EntityMention]) -> dict[int, str]:
    """Token index of a subject's head -> the name it stands for, for every pronoun or
    description subject of ``doc`` that has one."""
    by_key = {e.key: e for e in entities}
    owner: dict[int, int] = {}  # token index -> entity key
    described: dict[int, str] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        entity = by_key.get(m.entity)
        if span is None or entity is None:
            continue
        owner.update((t.i, m.entity) for t in span)
        if entity.type == "PERSON" and m.text not in entity.aliases and span.root.dep_ in _SUBJECTS:
            described[span.root.i] = entity.name  # "the Kentucky senator" said
    genders = {e.key: g for e in entities if e.type == "PERSON" and (g := _gender(e))}
    found = dict(described)
    sentences = list(doc.sents)
    people = [e for e in entities if e.type == "PERSON"]
    main = max(people, key=lambda e: e.mentions) if people else None
    for index, sentence in enumerate(sentences):
        for token in sentence:
            if token.dep_ not in _SUBJECTS or token.i in found:
                continue
            word = token.lower_
            name: str | None = None
            if word in _GENDER:
                here = sentence[: token.i - sentence.start]
                if any(by_key[owner[t.i]].type == "PERSON" for t in here if t.i in owner):
                    continue  # "Trump, after boasting that he ...": the sentence names him already
                window = _window(sentences, index, word, found)
                if isinstance(window, str):  # the same pronoun before it, named already
                    name = window
                else:
                    key = _person(window, owner, by_key, genders, _GENDER[word])
                    name = by_key[key].name if key is not None else None
            elif word == "they" and index:
                name = _group(sentences[index - 1], owner, by_key)
            elif index and main is not None and _role_opening(token, sentence, owner, by_key):
                name = _protagonist(token, sentences[index - 1], main, owner)
            if name:
                found[token.i] = name
    return found


def _window(sentences: list[Span], index: int, pronoun: str, found: dict[int, str]) -> list[Span] | str:
    """The sentences before ``index`` where the antecedent of ``pronoun`` is looked for, nearest
    first: ``_BACK`` of them, a quotation's sentences and those whose subject is the same pronoun
    not counted. The name of that same pronoun, when one of them has it already."""
    window: list[Span] = []
    counted = 0
    for sentence in reversed(sentences[max(0, index - _CHAIN) : index]):
        same = [t for t in sentence if t.dep_ in _SUBJECTS and t.lower_ == pronoun]
        named = [found[t.i] for t in same if t.i in found]
        if named:
            return named[-1]
        window.append(sentence)
        if not same and not _quotation(sentence):
            counted += 1
        if counted >= _BACK:
            break
    return window


def _quotation(sentence: Span) -> bool:
    """A sentence of someone's own words: it opens a quotation, or closes one it did not open."""
    text = sentence.text.strip()
    if not text:
        return False
    opens = text[0] in _OPENING_QUOTES
    closes = text.rstrip(".")[-1:] in _CLOSING_QUOTES and not _OPENING_QUOTES & set(text[:-1])
    return opens or closes


def _role_opening(
    noun: Token, sentence: Span, owner: dict[int, int], by_key: dict[int, LocalEntity]
) -> bool:
    """"The conservative Texas senator": a definite role noun, subject of its sentence, that
    opens it and names no person."""
    if noun.lower_ not in ROLES or noun.i in owner or noun.tag_ != "NN":
        return False
    first = noun.left_edge
    named = any(t.i in owner and by_key[owner[t.i]].type == "PERSON" for t in noun.subtree)
    return first.i == sentence.start and first.lower_ == "the" and not named


def _protagonist(noun: Token, previous: Span, main: LocalEntity, owner: dict[int, int]) -> str | None:
    subjects = [owner[c.i] for c in previous.root.children if c.dep_ in _SUBJECTS and c.i in owner]
    if main.key not in subjects:
        return None
    titles = {w for a in main.aliases for w in a.casefold().replace(".", "").split()} & _TITLE_WORDS
    return main.name if not titles or noun.lower_ in titles else None


def _gender(entity: LocalEntity) -> str | None:
    for alias in entity.aliases:
        for word in alias.casefold().replace(".", "").split()[:2]:
            if word in _GENDERED:
                return _GENDERED[word]
    return None


def _person(
    window: list[Span], owner: dict[int, int], by_key: dict[int, LocalEntity], genders: dict[int, str],
    gender: str,
) -> int | None:
    """The person subject of the nearest span of ``window`` that names people (nearest first),
    else the one person it names."""
    def fits(key: int) -> bool:
        return by_key[key].type == "PERSON" and genders.get(key, gender) == gender

    for span in window:
        subjects = [owner[t.i] for t in reversed(span) if t.dep_ in _SUBJECTS and t.i in owner]
        fitting = [k for k in subjects if fits(k)]
        if fitting:
            return fitting[0]
        named = [k for k in dict.fromkeys(owner[t.i] for t in span if t.i in owner) if fits(k)]
        if named or subjects:  # the nearest sentence naming people decides: one person, or nobody
            return named[0] if len(named) == 1 else None
    return None


def _group(previous: Span, owner: dict[int, int], by_key: dict[int, LocalEntity]) -> str | None:
    """The plural subject of ``previous``: a group entity, people joined by "and", or a plural noun."""
    root = previous.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    key = owner.get(subject.i)
    group = key is not None and by_key[key].type in _GROUP_TYPES and subject.tag_ == "NNPS"
    if subject.tag_ == "NNS" or group:  # "Senior Republicans", as written
        return _words(subject.doc[subject.left_edge.i : subject.i + 1])
    if any(c.dep_ == "conj" for c in subject.children) and key is not None:
        phrase = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
        return _words(phrase) if len(phrase) <= 7 else None
    return None


def _words(span: Span) -> str:
    """"Senior Republicans", "Rubio and Cruz": the phrase as written."""
    return " ".join(span.text.split())
