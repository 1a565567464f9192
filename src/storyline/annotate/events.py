"""Event mentions: a clause with a resolved calendar date, its actors and predicate.

For every calendar-dated temporal expression, the clause it modifies is found
through the dependency parse (the head the date attaches to, through its
preposition if any). The clause's entities are its actors, the verb governing it
is its predicate and its content lemmas are kept for matching across articles.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..types import EntityMention, EventMention, LocalEntity, Timex

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
# A mention dated this long before the article's publication recalls the past.
BACKGROUND_AFTER = timedelta(days=30)
# Speech verbs date the report, not the thing reported; the reported clause is used instead.
REPORTING_LEMMAS = frozenset({"say", "tell", "report", "add", "announce", "state", "write"})


@Language.factory(
    "storyline_events",
    assigns=["doc._.event_mentions"],
    requires=["doc._.timexes", "doc._.entities", "doc._.entity_mentions", "token.dep"],
)
def make_events(nlp: Language, name: str) -> EventMentionFinder:
    return EventMentionFinder()


class EventMentionFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.event_mentions = find_event_mentions(
            doc, doc._.timexes or [], doc._.entities or [], doc._.entity_mentions or []
        )
        return doc


def find_event_mentions(
    doc: Doc,
    timexes: list[Timex],
    entities: list[LocalEntity],
    mentions: list[EntityMention],
) -> list[EventMention]:
    names = {e.key: e.name for e in entities}
    types = {e.key: e.type for e in entities}
    dct: date | None = doc._.dct
    sentences = list(doc.sents)
    sentence_starts = [s.start_char for s in sentences]
    dated = [
        (t, span, bisect_right(sentence_starts, t.start) - 1)
        for t in timexes
        if t.date is not None
        and (span := doc.char_span(t.start, t.end, alignment_mode="expand")) is not None
    ]
    found: list[EventMention] = []
    seen: set[tuple[int, str]] = set()
    for timex, span, index in dated:
        if (index, timex.value) in seen:  # "Thursday (Sept 6)": one date, one mention
            continue
        seen.add((index, timex.value))
        sentence = sentences[index]
        head = _attachment(span)
        others = [o for t, o, i in dated if i == index and t is not timex]
        clause = _clause_tokens(head, span, others)
        actors = _actors(clause, mentions, names, types)
        date_value = timex.date
        assert date_value is not None
        found.append(
            EventMention(
                sentence=index,
                start=sentence.start_char,
                end=sentence.end_char,
                text=sentence.text.strip(),
                date=date_value,
                timex=timex.text,
                actors=actors,
                predicate=_predicate(head),
                background=bool(dct and date_value.end < dct - BACKGROUND_AFTER),
                keywords=_keywords(clause, span),
            )
        )
    return found


def _attachment(span: Span) -> Token:
    """The token the date modifies: through its preposition when it has one."""
    head = span.root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return head


def _clause_tokens(head: Token, span: Span, others: list[Span]) -> list[Token]:
    """The head's subtree, minus sub-parts that carry another date of their own."""
    excluded: set[int] = set()
    for child in head.children:
        sub = {t.i for t in child.subtree}
        if span.root.i in sub:
            continue
        if any(o.root.i in sub for o in others):
            excluded |= sub
    return [t for t in head.subtree if t.i not in excluded]


def _actors(
    clause: list[Token],
    mentions: list[EntityMention],
    names: dict[int, str],
    types: dict[int, str],
) -> tuple[str, ...]:
    if not clause:
        return ()
    positions = {t.idx for t in clause}
    found: list[str] = []
    for m in mentions:
        if m.start in positions and types.get(m.entity) in ACTOR_TYPES:
            name = names.get(m.entity)
            if name and name not in found:
                found.append(name)
    return tuple(found)


def _predicate(head: Token) -> str:
    token = head
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:  # spaCy makes a new Token per access
        token = token.head
    return (token if token.pos_ in ("VERB", "AUX") else head).lemma_.lower()


def _keywords(clause: list[Token], span: Span) -> tuple[str, ...]:
    inside = {t.i for t in span}
    words = {
        t.lemma_.lower()
        for t in clause
        if t.pos_ in CONTENT_POS and not t.is_stop and t.i not in inside and t.is_alpha
        and t.lemma_.lower() not in REPORTING_LEMMAS
    }
    return tuple(sorted(words))
