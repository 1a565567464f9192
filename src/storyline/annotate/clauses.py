"""What a clause reports: a happening, a plan or expectation, or nothing datable.

The event finder (``events``) asks of each dated clause whether it reports a happening (not a
hypothesis, a negation, an opinion in the first person, a present state, a progressive
description or a passive judgement: ``happening``, ``describes``), whether it is planned (a
modal of the future, a plan verb: ``is_planned``), whether the date bounds it rather than dates
it ("after the 1 April deadline", "before it is implemented": ``bounds``), names a noun or is
the subject ("the 2016 nomination", "this night will be remembered": ``nominal``), or is
denied by the clause's tense (a past clause dated after its article: ``contradicts``); and of
an undated sentence whether its present perfect tells the article's own news
(``todays_news``) or a position, state, duration or repetition (``spans_time``).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from ..types import Timex

__all__ = [
    "BOUNDS", "FUTURE", "PLAN_LEMMAS", "STANCE_LEMMAS", "bounds", "contradicts", "copula", "describes",
    "finite", "happening", "is_planned", "nominal", "past", "spans_time", "todays_news", "unreal",
]

# Modal auxiliaries of the future; the other modals ("would", "could", "might") are hypotheses.
FUTURE = frozenset({"will", "'ll", "wo", "shall"})
# Verbs that make their complement a plan or expectation: "plans to go", "is expected to".
PLAN_LEMMAS = frozenset({
    "plan", "expect", "intend", "hope", "aim", "schedule", "set", "want", "seek", "propose", "vow",
    "promise", "threaten", "prepare", "slate", "poise",
})
# Participles of plans that the lemmatiser gets wrong ("slated" -> "slat").
PLAN_FORMS = frozenset({"slated", "poised", "due"})
# Verbs whose perfect states a position held over time ("Obama has said ...", "Koch has rejected
# the idea ..."), not news of the article's day.
STANCE_LEMMAS = frozenset({
    "say", "state", "argue", "claim", "insist", "suggest", "maintain", "contend", "believe", "stick",
    "reject", "deny", "dismiss", "oppose", "support", "compare", "describe", "call", "make", "express",
    "acknowledge", "admit", "concede", "accept", "recognise", "recognize", "agree", "think", "know",
    "doubt", "question", "be", "remain", "dispute", "contest",
})
# Determiners of a repeated activity: "has hosted a few rallies" spans time, it is no news of the day.
REPEATED = frozenset({"few", "several", "many", "numerous", "multiple", "countless", "dozens", "hundreds"})
# Passive verbs of judgement: "is widely seen as a last-ditch effort" evaluates, it reports nothing.
JUDGEMENT_LEMMAS = frozenset({"see", "regard", "view", "consider", "think", "deem", "perceive", "describe"})
# How a date modifies a noun to say which one it is ("the 2016 nomination"), not when the clause happened.
_NOUN_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})  # poss: "Wednesday's debate"
# Modifiers that make a perfect span time ("has long said", "have targeted ... for years").
SPAN_ADVERBS = frozenset({
    "previously", "repeatedly", "long", "often", "always", "never", "consistently", "frequently",
    "ever", "before", "regularly", "routinely", "already",
    "steadily", "gradually", "increasingly", "slowly", "continually", "constantly",  # a trend
})
# Prepositions that make a date a bound of what the clause reports, not its date.
BOUNDS = frozenset({"after", "before", "until", "till", "since", "by"})
# Conjunctions whose clause is a limit still ahead of the main clause, not a happening it reports:
# "to block the act before it is implemented next month" ("since/after the two met" did happen).
LIMITS = frozenset({"before", "until", "till"})
DURATION_NOUNS = frozenset({"years", "months", "decades", "weeks", "days", "ages", "generations"})


_NOBODY = frozenset({"none", "nobody", "neither", "nothing", "noone"})
# verbs of a comment clause: "as Trump watchers discovered this week, ...", "as expected"
_COMMENTS = frozenset({
    "discover", "learn", "note", "say", "put", "expect", "know", "see", "report", "predict",
    "suggest", "show", "find", "explain", "remind", "point",
})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def happening(verb: Token) -> bool:
    """Whether a clause reports something that happened or is planned, rather than a
    hypothesis ("would have been"), an opinion in the first or second person ("you spend"), the
    writer's own doings ("my colleague will be analysing"), a comment ("as Trump watchers
    discovered this week"), a state in the present ("the dynamic is ..."), or words with no
    verb at all ("Searches on Google for the candidates tonight: ...")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if unreal(verb):
        return False
    if verb.lemma_.lower() in _COMMENTS and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "Cruz to run"
    if not infinitive and not any(t.tag_ in _FINITE_TAGS for t in verb.sent):
        return False  # "Media really taking it on the chin tonight."
    if any(c.lower_ in ("i", "we", "you") for c in _subjects(verb)):
        return False  # "I’m going to filibuster it tomorrow": someone's words, or the writer's
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(d.lower_ in ("my", "our") and d.i < c.i for c in subjects for d in c.subtree):
        return False  # the writer's own: "My colleague will be analysing the debate tonight"
    if verb.tag_ in ("VBZ", "VBP") and not auxes and verb.dep_ != "xcomp":
        return False
    return verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT"


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it completes or is conjoined to ("I’m going to
    filibuster": I)."""
    while True:
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return found
        verb = verb.head


def copula(verb: Token) -> bool:
    """ "Be" with its attribute: "was the way ...", "will be no fewer than six personalities"."""
    return verb.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in verb.children)


def _seems(verb: Token) -> bool:
    """A verb of appearance: "seem" always, "appear" with an attribute or "to be" ("appeared at a
    rally" happened)."""
    lemma = verb.lemma_.lower()
    if lemma == "seem":
        return True
    return lemma == "appear" and any(
        c.dep_ == "acomp" or c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children
    )


def describes(verb: Token) -> bool:
    """A description rather than a happening, in the clause or the clause its infinitive completes
    ("were doing as little as possible to help"): the progressive ("Democrats were doing as little as
    possible"; a plan, "is planning to", "is going to", is no description), or a passive judgement
    ("is widely seen as a last-ditch effort"), or a copula with its attribute ("the most shocking
    thing ... was the way")."""
    if copula(verb) or verb.dep_ == "csubj" and copula(verb.head):
        return True  # a copula: "the most shocking thing about the debate was the way ...", and
        # its clausal subject: "Hosting the debate this evening will be six television personalities"
    if _seems(verb):
        return True  # how things looked: "it seemed the vote might not pass", "appears to be"
    node = verb
    while True:
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        lemma = node.lemma_.lower()
        progressive = node.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes)
        if progressive and not any(a.tag_ == "MD" for a in auxes):
            return lemma not in PLAN_LEMMAS and lemma != "go"
        passive = any(a.dep_ == "auxpass" for a in auxes)
        judged = any(c.dep_ == "prep" and c.lower_ == "as" for c in node.children)
        if passive and judged and lemma in JUDGEMENT_LEMMAS:
            return True
        completes = node.dep_ == "xcomp" or (node.dep_ == "advcl" and not finite(node))  # "to help"
        if not completes or node.head.i == node.i:
            return False
        node = node.head


def nominal(span: Span) -> bool:
    """A date that modifies a noun to say which one it is ("the 2016 Republican nomination"), or
    that is itself the subject ("this night will be remembered"): it dates no happening."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ in _NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i > root.i


def past(verb: Token) -> bool:
    """A clause in the past: a past tense ("raised") or a perfect ("have spoken out")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return True
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)


def contradicts(verb: Token, timex: Timex, dct: date | None) -> bool:
    """A past clause with a date after its article's publication: the date is not the clause's
    ("senior figures with presidential ambitions in 2016 have already spoken out")."""
    return bool(dct and timex.date and timex.date.start > dct and past(verb))


def bounds(span: Span, verb: Token) -> bool:
    """A date that bounds the clause rather than dates it: "declared their bids after the 1 April
    deadline", "until 3 pm Wednesday", "to block the act before it is implemented next month", a
    baseline it is compared with ("compared to a month ago", "than last year", "trebled from 10%
    in October"), or that is its
    target: "to prime the politics for 2015" (a year or longer after "for"), or that sits in an
    aside between brackets ("26% said the economy (35% said the same last month)")."""
    if _bracketed(span):
        return True
    head = span.root.head
    if head.dep_ == "prep" and head.lower_ == "for" and len(span.root.text) == 4 and span.root.like_num:
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in LIMITS for c in verb.children):
        return True
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.dep_ in ("prep", "mark") and token.lower_ in BOUNDS:
            return True
        if token.lemma_.lower() == "compare" or token.lower_ == "than":
            return True  # a baseline: "more interest in foreign policy compared to a month ago"
        if token.dep_ == "prep" and token.lower_ == "from" and _amount(token, span):
            return True  # a figure it changed from: "support has nearly trebled from 10% in October"
    return False


def _amount(prep: Token, span: Span) -> bool:
    """The object of ``prep`` is a figure, not the date itself ("from 10%", not "from October")."""
    inside = range(span.start, span.end)
    return any(
        obj.dep_ == "pobj" and obj.i not in inside and (obj.like_num or obj.text == "%" or any(
            c.like_num for c in obj.children if c.i not in inside))
        for obj in prep.children
    )


def _bracketed(span: Span) -> bool:
    sentence = span.sent
    before = [t.text for t in span.doc[sentence.start : span.start] if t.text in "()"]
    after = [t.text for t in span.doc[span.end : sentence.end] if t.text in "()"]
    return bool(before) and before[-1] == "(" and bool(after) and after[0] == ")"


def finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children
    )


def unreal(verb: Token) -> bool:
    """A clause that says something did not or would happen: a modal other than the future
    ("would have been"), a negation ("did not announce", "None of the panel were rude enough",
    "no one came", "had no problem with"), a condition ("if it had lasted")."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD" and child.lower_ not in FUTURE:
            return True
        if child.dep_ == "neg" or (child.dep_ == "mark" and child.lower_ in ("if", "unless")):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _nobody(child):
            return True  # "None of the panel were rude enough", "he had no problem with"
    return False


def _nobody(subject: Token) -> bool:
    return subject.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def todays_news(sentence: Span) -> bool:
    """A main clause in the present perfect ("Kim Jong-un has told Seoul's envoy ...") with a
    named subject: news of the article's own day. (The progressive, "is staking out new ground",
    describes more often than it reports.)"""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    perfect = root.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    subject = any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.ent_type_ or c.pos_ == "PROPN") for c in root.children
    )
    return perfect and subject and not is_planned(root) and not spans_time(root)


def spans_time(verb: Token) -> bool:
    """A perfect of position, state, duration or repetition: "has said", "has been at the centre
    of", "has previously compared", "have targeted Planned Parenthood for years", "have stuck to
    their stance", "has hosted a few rallies"."""
    if verb.lemma_.lower() in STANCE_LEMMAS:
        return True
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in SPAN_ADVERBS:
            return True
        if child.dep_ == "dobj" and any(t.lower_ in REPEATED for t in child.lefts):
            return True
        lasting = child.lower_ == "since" or any(t.lower_ in DURATION_NOUNS for t in child.subtree)
        if child.dep_ == "prep" and child.lower_ in ("for", "since") and lasting:
            return True
    return False


def is_planned(verb: Token) -> bool:
    """A plan or expectation: "will meet", "plans to go", "is expected to", "would visit", "is
    scheduled to vote on Wednesday" (the plan verb itself dated, in the present)."""
    plans = plan_word(verb) and any(c.dep_ == "xcomp" for c in verb.children)
    if plans and not past(verb):
        return True
    node = verb
    while True:
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.children):
            return True
        if plan_word(node) and node.i != verb.i:
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head


def plan_word(verb: Token) -> bool:
    return verb.lemma_.lower() in PLAN_LEMMAS or verb.lower_ in PLAN_FORMS
