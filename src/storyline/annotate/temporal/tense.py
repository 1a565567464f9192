"""Tense of the verb group governing a temporal expression.

Reads the dependency parse: from the expression's root token climb to the verb it
modifies, then read that verb's auxiliaries and, for infinitives ("plans to go",
"is set to discuss"), the verb that governs it. The result tells ``normalize``
in which direction an under-specified date ("Sunday", "June 12") lies from the DCT.
"""

from __future__ import annotations

from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from .lexicon import MONTHS


class Tense(StrEnum):
    PAST = "past"
    PLUPERFECT = "pluperfect"  # past before a past reference point ("had filed by Wednesday")
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll", "’ll"})
PAST_AUX = frozenset({"did", "was", "were", "had", "'d", "’d"})
PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve", "having"})
#: verbs whose complement or participle looks ahead ("plans to", "is scheduled for")
FUTURE_VERBS = frozenset(
    {
        "plan",
        "schedule",
        "set",
        "expect",
        "intend",
        "aim",
        "hope",
        "want",
        "prepare",
        "due",
        "go",
        "promise",
        "vow",
        "pledge",
        "seek",
        "propose",
        "threaten",
        "agree",
        "slate",
        "likely",
        "poise",
        "wish",
        "ready",
        "about",
        "able",
        "try",
    }
)
#: reporting verbs: in the present tense they still report a past event ("says on Sunday")
REPORTING = frozenset(
    {
        "say",
        "tell",
        "report",
        "announce",
        "add",
        "confirm",
        "state",
        "claim",
        "note",
        "write",
        "reveal",
        "disclose",
        "acknowledge",
        "insist",
        "deny",
    }
)
#: nouns of what is planned for a date ("the Jan. 14 deadline"): the nearest such date, whatever
#: the clause's tense; other nouns a date modifies name what happened then ("the Oct. 23 slaying")
SCHEDULED_NOUNS = frozenset(
    {
        "deadline",
        "summit",
        "meeting",
        "vote",
        "hearing",
        "trial",
        "conference",
        "visit",
        "election",
        "referendum",
        "session",
        "launch",
        "release",
        "opening",
        "date",
        "target",
    }
)
#: a period a date names rather than a happening ("the Christmas selling season"): the clause decides
_PERIOD_NOUNS = frozenset(
    {"season", "holiday", "period", "break", "weekend", "week", "month", "quarter", "year"}
)
#: nouns of what has happened by the time it is reported ("his victory on Tuesday")
OUTCOME_NOUNS = frozenset(
    {"victory", "win", "defeat", "loss", "death", "killing", "murder", "arrest", "resignation", "crash"}
    | {"collapse", "attack", "bombing", "shooting", "explosion", "earthquake", "landslide", "triumph"}
)
#: verbs that move, set or hold a time: a past one still points ahead ("postponed the vote until
#: Friday", "kept the markets closed until Friday")
POSTPONING = frozenset(
    {"extend", "postpone", "delay", "adjourn", "defer", "push", "move", "set", "give", "suspend", "recess"}
    | {"reschedule", "schedule", "expect", "due", "plan", "ask", "order", "tell", "urge", "allow", "grant"}
    | {"keep", "close", "shut", "halt", "freeze", "ban", "bar", "hold"}  # an effect that lasts ahead
)
MODALS = frozenset({"would", "might", "may", "can", "should", "must", "ca"})
#: verbs that put their own object or adjunct in the future ("planned a rally on Saturday")
SCHEDULING = frozenset({"plan", "schedule", "slate"})
_MAX_CLIMB = 6


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse (``token`` itself if a verb)."""
    tok = token
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("MD",):
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    root = token.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _aux_words(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """Tense of the verb group headed by ``verb``."""
    auxes = _aux_words(verb)
    if any(a in FUTURE_AUX or a in MODALS for a in auxes):
        if "have" in auxes and verb.tag_ == "VBN" and "will" not in auxes:
            return Tense.PAST  # "may have been", "would have met": a past event
        return Tense.FUTURE
    if verb.lemma_.lower() in SCHEDULING and verb.tag_ in ("VBN", "VBD", "VBZ", "VBP"):
        return Tense.FUTURE  # "planned for Saturday", "has scheduled a news conference Thursday"
    if "going" in auxes or (verb.head.lower_ == "going" and "to" in auxes):
        return Tense.FUTURE
    if "to" in auxes and depth < 3 and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl"):
        head = verb.head
        head_tense = verb_tense(head, depth + 1) if head is not verb else Tense.UNKNOWN
        if any(a in ("had", "'d", "’d") for t in (head, head.head) for a in _aux_words(t)):
            return Tense.PLUPERFECT  # "had been scheduled to expire Friday": a plan that has run out
        if (
            head.lemma_.lower() in FUTURE_VERBS
            or head.lower_ in ("set", "due", "scheduled")
            or (head.lemma_ == "be" and verb.dep_ == "xcomp")  # "is to resume Tuesday"
        ):
            return Tense.FUTURE
        if head_tense is not Tense.UNKNOWN:
            return head_tense
    participle = verb.tag_ == "VBG" and not auxes and verb.dep_ in ("advcl", "conj")
    if participle and depth < 3 and verb.head is not verb:
        return verb_tense(verb.head, depth + 1)  # "has fluctuated, rising ... in March": the main verb's
    if any(a in PAST_AUX for a in auxes) or verb.tag_ == "VBD":
        if (
            verb.lemma_.lower() in FUTURE_VERBS
            and verb.tag_ == "VBN"
            and any(a in ("was", "were") for a in auxes)
        ):
            return Tense.UNKNOWN  # "was scheduled for Monday": could be either
        return Tense.PLUPERFECT if "had" in auxes else Tense.PAST
    if verb.tag_ == "VBN":
        if any(a in PERFECT_AUX for a in auxes):
            return Tense.PAST
        looks_ahead = verb.lemma_.lower() in SCHEDULING or any(
            ch.dep_ == "xcomp" or (ch.dep_ == "prep" and ch.lower_ == "for") for ch in verb.children
        )  # "a summit set for April", "scheduled to open"
        if verb.lemma_.lower() in FUTURE_VERBS and looks_ahead:  # not "the record high set on Aug. 6"
            return Tense.FUTURE
        return Tense.PAST if not auxes else Tense.PRESENT
    if verb.tag_ == "VBG" and any(a in ("is", "are", "am", "'s", "'re") for a in auxes):
        return Tense.FUTURE
    if verb.tag_ in ("VBZ", "VBP"):
        if verb.lemma_.lower() in REPORTING:
            return Tense.PAST
        return Tense.PRESENT
    if verb.tag_ == "MD":
        return Tense.FUTURE if verb.lower_ in FUTURE_AUX else Tense.PRESENT
    return Tense.UNKNOWN


def perfect_at(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the clause holding ``start_char:end_char`` is in the perfect ("have expressed",
    "has been struggling"): it measures a period reaching the time of speech."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head.head if span.root.head.dep_ == "prep" else span.root.head
    if head.pos_ in ("NOUN", "PROPN"):
        return False  # a noun's modifier ("losses in recent years") has no aspect of its own
    try:
        verb = governing_verb(span.root)
    except ValueError:
        return False
    if verb is None:
        return False
    verbs = (verb, verb.head) if verb.dep_ == "conj" else (verb,)  # "have been sharing ... and tightening"
    return any(a in PERFECT_AUX for v in verbs for a in _aux_words(v))


def reporting_at(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether a reporting verb ("said Friday", "told reporters on Monday") governs the
    characters ``start_char:end_char``: the date is the report's, not the story's."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    try:
        verb = governing_verb(span.root)
    except ValueError:
        return False
    return verb is not None and verb.lemma_.lower() in REPORTING


def clause_kind(doc: Doc, start_char: int, end_char: int) -> str:
    """ "postponing" when a verb that moves or sets a time governs them ("extended the deadline
    until Tuesday"), "relative" when they sit in a relative or reduced clause ("who resigned in
    2009", "approved in 1987"), "future-in-past" in a "would" clause under a past verb ("said it
    would launch ... in March"), else ""."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    try:
        verb = governing_verb(span.root)
    except ValueError:
        return ""
    if verb is None:
        return ""
    if verb.lemma_.lower() in POSTPONING or any(a.lemma_.lower() in POSTPONING for a in verb.children):
        return "postponing"
    if verb.dep_ in ("relcl", "acl"):
        return "relative"
    would = any(a in ("would", "'d", "’d") for a in _aux_words(verb))
    return "future-in-past" if would and verb.head is not verb and verb.head.tag_ == "VBD" else ""


def _outcome_of(span: Span) -> bool:
    """Whether the date is attached to an outcome ("his victory on Tuesday", "her death in May"):
    what has happened, whatever the clause around it looks to (a planned event, "the vote on
    Friday", is left to the clause: "will hold the vote on Friday")."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "at"):
        return False
    noun = prep.head
    return noun.pos_ == "NOUN" and noun.i < prep.i and noun.lemma_.lower() in OUTCOME_NOUNS


def tense_at(doc: Doc, start_char: int, end_char: int) -> Tense:
    """Tense of the clause holding the characters ``start_char:end_char`` of ``doc``."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Tense.UNKNOWN
    if span.root.dep_ == "poss":  # "Friday's vote", "Wednesday's ruling": a reported event
        return Tense.PAST
    noun = _noun_after(span)
    if noun is not None and noun not in SCHEDULED_NOUNS or _outcome_of(span):
        return Tense.PAST  # "the Oct. 23 slaying", "his victory on Tuesday": what has happened
    try:
        verb = governing_verb(span.root)
    except ValueError:  # no sentence boundaries: the pipeline has no parser
        return Tense.UNKNOWN
    clause = _clause_tense(span, verb) if verb is not None else Tense.UNKNOWN
    if noun is not None and clause is not Tense.FUTURE:
        return Tense.PRESENT  # "gave no reason for the Jan. 14 deadline": the nearest Jan. 14
    return clause


def _noun_after(span: Span) -> str | None:
    """The lemma of the noun a month-day or month before it modifies ("the Jan. 14 deadline"), not a
    period it names ("the Christmas selling season")."""
    head = span.root.head
    while head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
        head = head.head  # "the Christmas selling season": the last noun of the phrase
    if span.root.dep_ not in ("compound", "nmod", "amod") or head.pos_ != "NOUN" or head.i < span.end:
        return None
    if not any(t.lower_.rstrip(".") in MONTHS for t in span) or head.lemma_.lower() in _PERIOD_NOUNS:
        return None
    return head.lemma_.lower()


def _clause_tense(span: Span, verb: Token) -> Tense:
    fronted = span.end <= verb.i and not _aux_words(verb)
    if fronted and verb.tag_ == "VBD" and verb.lemma_.lower() in SCHEDULING:
        return Tense.PAST  # "On Friday, the government planned to ...": the day of the planning
    return verb_tense(verb)
