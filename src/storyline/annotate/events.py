"""Event mentions: a clause with a resolved calendar date, its actors and predicate.

For every calendar-dated temporal expression, the clause it modifies is found
through the dependency parse (the head the date attaches to, through its
preposition if any; a relative clause brings the noun it describes: "that summit
in Singapore, which you covered in 2018"). The clause's entities are its actors
(a clause naming nobody, "their first summit in 2018", takes the people of its
sentence), the verb governing it is its predicate and its content lemmas, with
event nouns folded into families ("summit", "meeting" -> "meet"), are kept for
matching across articles.

A sentence without a date that refers to a place-named event ("At the Singapore
summit, ...", "the Hanoi collapse") gives an undated mention: ``date`` None and
the naming place in ``places``. Linking attaches it to the one stored event it
can mean, or leaves it out of the timeline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..text.eventwords import EVENT_NOUNS, family
from ..types import DateValue, EntityMention, EventMention, LocalEntity, Quote, Timex
from .antecedents import subject_names
from .clauses import (
    bounds,
    contradicts,
    copula,
    describes,
    finite,
    happening,
    is_planned,
    nominal,
    past,
    todays_news,
    unreal,
)
from .headline import headline

# People, organisations and places; a nationality or group adjective (NORP) is never an actor.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Characters that only a bad decoding leaves in a name: "â€œWith", "Ã©".
_BROKEN = frozenset("\ufffdâ€ÃÂ\u0080\u0099\u009d")
_CLOCK = re.compile(r"\d[\d.:]*\s*(?:[ap]\.?m\.?)?", re.I)  # "2.40pm", "9 PM": a time NER took for a name
_CLOCK_LED = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+[A-Z]", re.I)  # "04:16 GMT Help"
# What the date of a mention dated by its article's publication is called.
PUBLICATION_DATE = "publication date"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Modifiers through which a place names an event: "the Hanoi summit", "Singapore's summit".
_PLACE_MODIFIERS = frozenset({"compound", "nmod", "amod", "poss", "npadvmod"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
# A mention dated this long before the article's publication recalls the past.
BACKGROUND_AFTER = timedelta(days=30)
# An undated present perfect tells the article's own news only in its lead ("Cruz has condemned
# the campus protests"); further down it mostly states a position or a state ("Kasich, meanwhile,
# has enjoyed rising poll numbers", "Paul has struggled in the crowded field").
LEAD_SENTENCES = 3
# Speech verbs date the report, not the thing reported; the reported clause is used instead.
REPORTING_LEMMAS = frozenset({"say", "tell", "report", "add", "announce", "state", "write"})
@Language.factory(
    "storyline_events",
    assigns=["doc._.event_mentions"],
    requires=["doc._.timexes", "doc._.entities", "doc._.entity_mentions", "doc._.quotes", "token.dep"],
)
def make_events(nlp: Language, name: str) -> EventMentionFinder:
    return EventMentionFinder()


class EventMentionFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.event_mentions = find_event_mentions(
            doc, doc._.timexes or [], doc._.entities or [], doc._.entity_mentions or [], doc._.quotes or []
        )
        return doc


def find_event_mentions(
    doc: Doc,
    timexes: list[Timex],
    entities: list[LocalEntity],
    mentions: list[EntityMention],
    quotes: list[Quote] | None = None,
) -> list[EventMention]:
    names = {e.key: e.name for e in entities if real_actor(e.name, e.type)}
    subjects = subject_names(doc, entities, mentions)
    quoted = [(q.start, q.end) for q in quotes or () if q.kind == "direct"]
    types = {e.key: e.type for e in entities}
    dct: date | None = doc._.dct
    sentences = list(doc.sents)
    sentence_starts = [s.start_char for s in sentences]
    by_sentence: dict[int, list[tuple[Timex, Span]]] = {}
    for t in timexes:
        if t.date is not None and (span := doc.char_span(t.start, t.end, alignment_mode="expand")):
            by_sentence.setdefault(bisect_right(sentence_starts, t.start) - 1, []).append((t, span))
    found: list[EventMention] = []
    covered: set[int] = set()  # tokens inside a dated clause
    for index, sentence in enumerate(sentences):
        dated = _one_per_value(by_sentence.get(index, []))
        if _mostly_quoted(sentence, quoted):  # a quotation reports words, not a happening
            dated = []
        found.extend(_sentence_mentions(
            index, sentence, dated, dct, covered, mentions, names, types, subjects
        ))
    found.extend(_undated_mentions(sentences, covered, mentions, names, types))
    found.sort(key=lambda m: (m.sentence, m.date is None, m.support))
    return found


def real_actor(name: str, type_: str) -> bool:
    """A person, organisation or place with a readable name: never a nationality or group
    adjective (NORP), money, a quantity or a date, nor text broken by a bad decoding."""
    if type_ not in ACTOR_TYPES or not any(c.isalpha() for c in name) or _BROKEN & set(name):
        return False
    if _CLOCK.fullmatch(name.strip()) or _CLOCK_LED.match(name.strip()):
        return False  # "2.40pm"; a live blog's entry stamp run into its text: "04:16 GMT Help"
    return name[0].isupper() or name[0].isdigit()


def _one_per_value(dated: list[tuple[Timex, Span]]) -> list[tuple[Timex, Span]]:
    """"Thursday (Sept 6)": one date, one mention; "at 2:40pm ET on Tuesday": the day's."""
    seen: set[str] = set()
    kept = []
    days = [t for t, _ in dated if t.type == "DATE"]
    for timex, span in dated:
        if timex.type == "TIME" and any(_near(timex, d) for d in days):
            continue
        if timex.value not in seen:
            seen.add(timex.value)
            kept.append((timex, span))
    return kept


def _near(a: Timex, b: Timex) -> bool:
    return abs(b.start - a.end) < 20 or abs(a.start - b.end) < 20


def _sentence_mentions(
    index: int,
    sentence: Span,
    dated: list[tuple[Timex, Span]],
    dct: date | None,
    covered: set[int],
    mentions: list[EntityMention],
    names: dict[int, str],
    types: dict[int, str],
    subjects: dict[int, str],
) -> list[EventMention]:
    """The mentions of one sentence: one report per date governing its main clause (two only
    when it reports two events), support for each date of a subordinate clause, and a report
    dated by the publication when it tells today's news without a date of its own. A date that
    only says which thing a noun is ("the 2016 nomination"), or that the clause's tense denies (a
    past clause dated after its article), dates no report."""
    main = main_verbs(sentence)
    spans = [span for _, span in dated]
    parts: list[tuple[bool, bool, Timex, Span, list[Token], Token, int]] = []
    for timex, span in dated:
        head = _attachment(span)
        clause = _clause_tokens(head, span, [o for o in spans if o is not span])
        covered.update(t.i for t in clause)
        verb = _verb(head)
        governs = verb.i in main and head.pos_ in ("VERB", "AUX") or head.i == sentence.root.i
        bound = bounds(span, verb)
        governs = governs and not bound
        verb = verb if governs else _verb(span.root)
        # else evidence at most; a non-finite clause dates the report only when it modifies the
        # main clause ("Speaking on Tuesday, Cruz said"), not a noun or a deeper clause ("opening
        # the way for Reid to schedule votes starting on Wednesday")
        near = verb.head.i in main and verb.dep_ not in ("acl", "ccomp")
        # a description dated in the future tells a plan: "is meeting donors next week" (a copula
        # still describes: "Hosting the debate this evening will be six television personalities")
        later = bool(dct and timex.date and timex.date.start > dct) and not copula(verb)
        dates_it = not nominal(span) and not contradicts(verb, timex, dct)
        dates_it = dates_it and (later or not describes(verb))
        can_report = happening(verb) and (governs or _finite_clause(verb) or near) and not bound and dates_it
        parts.append((governs and can_report, can_report, timex, span, clause, verb, _listed(head)))
    found = []
    if not any(p[0] for p in parts) and dct is not None and index < LEAD_SENTENCES and todays_news(sentence):
        today = DateValue.parse(dct.isoformat())
        found.append(_mention(
            index, sentence, today, PUBLICATION_DATE, list(sentence), None, sentence.root, dct,
            (mentions, names, types, subjects), support=False,
        ))
    # a main clause denied or hypothetical ("Cruz did not announce ... on the day he announced",
    # "if it had lasted until Wednesday, he would have broken ...") lends no report to its dates
    reported = bool(found) or any(p[0] for p in parts) or unreal(sentence.root)
    lists: set[int] = set()  # "the first in Singapore in 2018, the second in Hanoi in February 2019"
    for governs, can_report, timex, span, clause, verb, listed in parts:
        assert timex.date is not None
        # without a report the first date reports it; the dates listed with a report report too
        support = not governs and (not can_report or (reported and listed not in lists))
        if not support:
            reported = True
            lists.add(listed)
        mention = _mention(
            index, sentence, timex.date, timex.text, clause, span, verb, dct,
            (mentions, names, types, subjects), support=support,
        )
        if not support and not governs and _untold(verb, mention.headline):
            mention = replace(mention, support=True, background=True)
        found.append(mention)
    return found


_AT_THE_TIME = frozenset({"as", "when", "while", "whilst"})
_CLAUSES_BELOW = frozenset({"relcl", "acl", "advcl", "xcomp", "ccomp", "pcomp", "csubj"})


def _untold(verb: Token, headline: str) -> bool:
    """A dated clause below the main one whose headline had to tell the main clause instead
    ("... delegates who will attend the convention in July 2016, it is far more significant ...":
    the convention's date, not Guam's; "Cruz has been notching up endorsements and positioning
    himself to win the caucuses on 1 February"): evidence for that date, no report. A headline
    quoting the speaker tells the words the clause is in; a participle's date, or that of an
    "as", "when" or "while" clause, dates its main clause too ("Speaking on Tuesday, Cruz said")."""
    if verb.i == verb.sent.root.i or "“" in headline or verb.text in headline.split():
        return False
    if verb.dep_ not in _CLAUSES_BELOW:  # "remains ahead … but is seeing …"; "according to"
        return False  # a clause joined to the main one shares its subject and its time
    if verb.dep_ == "advcl":
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        return bool(marks) and not marks & _AT_THE_TIME
    return True


def _mention(
    index: int,
    sentence: Span,
    date_value: DateValue,
    timex: str,
    clause: list[Token],
    span: Span | None,
    verb: Token,
    dct: date | None,
    known: tuple[list[EntityMention], dict[int, str], dict[int, str], dict[int, str]],
    support: bool,
) -> EventMention:
    mentions, names, types, subjects = known
    actors = _actors(clause, mentions, names, types) or _actors(
        list(sentence), mentions, names, types, only=frozenset({"PERSON"})
    )
    # "he", "the conservative Texas senator": the person the subject stands for acts too
    named = set(names.values())
    near = [*clause, *verb.children]
    referred = [n for t in near if (n := subjects.get(t.i)) in named and n not in actors]
    actors = (*dict.fromkeys(referred), *actors)
    # a clause about the future relative to its article: a modal or plan verb, or a later date
    # that its tense does not put in the past
    planned = is_planned(verb) or bool(dct and date_value.start > dct and not past(verb))
    return EventMention(
        sentence=index,
        start=sentence.start_char,
        end=sentence.end_char,
        text=sentence.text.strip(),
        date=date_value,
        timex=timex,
        actors=actors,
        predicate=_predicate(verb),
        background=support or bool(dct and date_value.end < dct - BACKGROUND_AFTER),
        keywords=_keywords(clause, span),
        headline=headline(verb, sentence, span, subjects),
        planned=planned,
        support=support,
    )


def main_verbs(sentence: Span) -> set[int]:
    """Token indices of the verbs of a sentence's main clause: its root, the root's conjoined
    verbs and open complements ("plans to go"), and the clause a reporting verb reports."""
    root = sentence.root
    found = {root.i}
    todo = [root]
    while todo:
        verb = todo.pop()
        for child in verb.children:
            clausal = child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
            clausal |= child.dep_ == "xcomp"
            clausal |= child.dep_ == "ccomp" and verb.lemma_.lower() in REPORTING_LEMMAS
            if clausal and child.i not in found:
                found.add(child.i)
                todo.append(child)
    return found


def _finite_clause(verb: Token) -> bool:
    """A finite verb with a subject of its own or shared with the verb it is conjoined to. A
    finite-looking verb without one is a participle the parser misread ("He asks Graham whether he
    would vote for a budget deal agreed to Monday night": the deal's, not a report)."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    return finite(verb) and (subject or verb.dep_ == "conj")


def _mostly_quoted(sentence: Span, quoted: list[tuple[int, int]]) -> bool:
    inside = sum(max(0, min(e, sentence.end_char) - max(s, sentence.start_char)) for s, e in quoted)
    return inside * 2 > len(sentence.text)


def _listed(head: Token) -> int:
    """The word a list of conjuncts or appositions hangs from: the same for every item."""
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.i


def _verb(token: Token) -> Token:
    """The verb of the clause ``token`` belongs to (itself when it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _undated_mentions(
    sentences: list[Span],
    covered: set[int],
    mentions: list[EntityMention],
    names: dict[int, str],
    types: dict[int, str],
) -> list[EventMention]:
    """One mention per sentence that names an event by its place and gives it no date."""
    doc = sentences[0].doc if sentences else None
    places: dict[int, str] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
        if span is not None and types.get(m.entity) in PLACE_TYPES and m.entity in names:
            places.update((t.i, names[m.entity]) for t in span)
    found = []
    for index, sentence in enumerate(sentences):
        for token in sentence:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in EVENT_NOUNS or not _definite(token):
                continue
            if any(t.i in covered for t in token.subtree):  # dated already: "the summit planned for May"
                continue
            place = _naming_place(token, places)
            if place is None:
                continue
            tokens = list(sentence)
            found.append(EventMention(
                sentence=index, start=sentence.start_char, end=sentence.end_char,
                text=sentence.text.strip(), date=None, timex="",
                actors=_actors(tokens, mentions, names, types), predicate=_predicate(token),
                background=True, keywords=_keywords(tokens, None), places=(place,),
            ))
            break
    return found


def _definite(noun: Token) -> bool:
    """"the/that summit", "their meeting": a known event is referred to, not a new one reported."""
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in noun.children
    )


def _naming_place(noun: Token, places: dict[int, str]) -> str | None:
    """The place in "the <place> <noun>" or "the <noun> in/at <place>", if any."""
    for child in noun.children:
        if child.dep_ in _PLACE_MODIFIERS and child.i < noun.i:
            for t in child.subtree:  # "the Vietnam summit meeting": through nested compounds
                if t.i in places:
                    return places[t.i]
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in places:
                    return places[obj.i]
    return None


def _attachment(span: Span) -> Token:
    """The token the date modifies: through its preposition when it has one."""
    head = span.root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    node = head
    while node.dep_ in ("ccomp", "xcomp") and node.head.i != node.i:  # "which I know you covered"
        node = node.head
    if node.dep_ == "relcl":  # "that summit in Singapore, which you covered in 2018"
        head = node.head
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head
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
    only: frozenset[str] = ACTOR_TYPES,
) -> tuple[str, ...]:
    if not clause:
        return ()
    positions = {t.idx for t in clause}
    found: list[str] = []
    for m in mentions:
        if m.start in positions and types.get(m.entity) in only:
            name = names.get(m.entity)
            if name and name not in found:
                found.append(name)
    return tuple(found)


def _predicate(head: Token) -> str:
    token = head
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:  # spaCy makes a new Token per access
        token = token.head
    return (token if token.pos_ in ("VERB", "AUX") else head).lemma_.lower()


def _keywords(clause: list[Token], span: Span | None) -> tuple[str, ...]:
    """What the clause is about, the date and the names of people left out: people are its
    actors, counted apart ("Marco Rubio made a joke" and "Bush threw down the gauntlet at
    Rubio" share an actor, not a word)."""
    inside = {t.i for t in span} if span is not None else set()
    words = {
        family(t.lemma_.lower()) if t.pos_ == "NOUN" else t.lemma_.lower()
        for t in clause
        if t.pos_ in CONTENT_POS and not t.is_stop and t.i not in inside and t.is_alpha
        and t.lemma_.lower() not in REPORTING_LEMMAS and t.ent_type_ != "PERSON"
    }
    return tuple(sorted(words))
