"""``storyline_quotes``: who said what, from the dependency parse.

A *cue* is a speech verb (``SPEECH_VERBS``: say, tell, add, write, tweet, ...)
or "according to". Its *source* is the verb's subject ("X said", "said X", "X
told a press briefing"), the subject of the verb it hangs from ("..., saying
that"), or the object of "according to". Its *content* is the clausal
complement ("Chung said Kim had voiced frustration that ..."), the clause it
interrupts ("The talks, he said, were over"), or the direct quote next to it.

Direct quotes are found by their quotation marks (``quotemarks``) and tied to
a cue by, in order: the parse (the quote is the cue's complement), adjacency
(the cue right after the closing mark, "“...,” said X", or right before the
opening one, "X said: “..."), or continuation (an unattributed quote right
after an attributed one keeps its speaker), and a transcript line ("Rubio: “I ...”")
has the name before its colon. Speakers are resolved to the article's entities
(``speakers``). Not stored as quotes: the paraphrase of a cue with no source in
the text ("there is concern that", "X seems to"), the writer's own "I"/"we" outside
quotation marks, and one word quoted again from a longer quote; a quoted judgement
inside a speech verb's paraphrase ("“happy” messages") is the speaker's word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from ..types import DateValue, LocalEntity, Quote, Timex
from .attribution_cues import (
    CUE_WORDS,
    colon_source,
    cue_class,
    is_raising,
    noun_cue,
    prepositional_source,
    verb_content,
    words,
)
from .extensions import register_extensions
from .quote_filter import keep_quotes
from .quotemarks import QuoteSpan, find_quote_spans
from .speakers import resolve_speakers

__all__ = [
    "SPEECH_VERBS",
    "Attribution",
    "annotate_quotes",
    "find_attributions",
    "quotes_of",
    "sentence_index",
]

_SPEECH_TEXT = """
say tell add write tweet post state announce note explain claim argue insist report
declare ask reply respond answer comment confirm deny warn suggest acknowledge admit
remark recall predict promise testify assert contend maintain stress emphasize
emphasise reiterate repeat reveal disclose complain mention quip joke shout yell vow
pledge urge charge allege concede observe speculate proclaim boast brag caution
counter continue conclude inform advise assure lament retort recount describe
estimate affirm propose
"""
SPEECH_VERBS = frozenset(_SPEECH_TEXT.split())
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "who"})
_PERSONAL = frozenset({"he", "she", "i", "who"})
_SUBJECTS = frozenset({"nsubj"})
_ADVERBIAL_MARKS = frozenset(
    words("as when while because after before although though since until once if unless whereas")
)
_NAMING = frozenset({"call", "dub", "label", "describe", "brand", "name", "term", "deem"})
_HEADLINE_MARKS = frozenset("'‘\"“")
_HEADLINE_CLOSE = re.compile("['’\"”](?=\\s|$)")
_MODALS = frozenset({"could", "might", "may", "would", "should"})
_WH_WORDS = frozenset({"why", "how", "what", "whether", "when", "where", "who", "which"})
_SILENT = frozenset({"cognition", "intention"})  # classes of cues that do not utter quotes
_VERB_FRAME = frozenset({"aux", "auxpass", "nsubj"})  # a VBN without these: reduced passive
_INVERTED_DEPS = frozenset({"dobj", "npadvmod", "attr", "dep", "nsubj"})
_CLIMB = frozenset({"advcl", "xcomp", "conj"})
_CONTENT_DEPS = frozenset({"ccomp"})
# verbs whose infinitive complement is what was said ("pledged to establish ...")
_XCOMP_VERBS = frozenset({"promise", "pledge", "vow", "urge", "ask", "tell", "warn", "advise", "propose"})
# speech verbs whose object is what was said ("announced a plan"), not whom it was said to
_OBJECT_SPEECH = SPEECH_VERBS - words(
    "say tell add ask inform advise assure reply respond answer continue write post tweet state "
    "comment explain quip joke shout yell retort recount observe maintain"  # "maintained a lead"
)
# lemma or lower-case hashes of every word that can be a cue
_CUE_HASHES = frozenset(hash_string(w) for w in (*SPEECH_VERBS, *CUE_WORDS, "according", "in"))
_TRIM = " \t\n\r\xa0,.;:—–-\"“”‘’'"
_WRITER = frozenset({"i", "we", "you", "us", "me"})  # outside quotation marks: the writer or a generic "you"
_OPEN_MARKS = frozenset("\"“„«'`")


@dataclass(slots=True)
class Attribution:
    """One cue with its source and content, in token and character terms."""

    cue: int  # token index of the cue word
    lemma: str  # "say", "according to", ... ("" for an unattributed quote)
    source: tuple[int, int] | None  # token range of the source as written
    speaker: int | None  # token index of the source head
    content: list[tuple[int, int]] = field(default_factory=list)  # character ranges
    direct: set[int] = field(default_factory=set)  # indexes of content ranges that are quotes
    nested: list[tuple[int, int]] = field(default_factory=list)  # quotes inside content
    entity: int | None = None  # resolved LocalEntity key
    group: int = -1  # quote group of an unattributed quote
    cue_class: str = "speech"  # speech, cognition, intention, stance, nominal (attribution_cues)
    weak: bool = False  # content guessed from the clause around the cue, yields to a quote
    written: str | None = None  # the source's own words when it is no entity ("critics")

    def add_quote(self, start: int, end: int) -> None:
        self.direct.add(len(self.content))
        self.content.append((start, end))

    @property
    def kind(self) -> str:
        if self.direct and len(self.direct) == len(self.content):
            return "direct"
        return "mixed" if self.direct or self.nested else "indirect"

    @property
    def speech(self) -> bool:
        return self.lemma in SPEECH_VERBS or self.lemma == "according to"


def _trimmed(doc: Doc, text: str, start_tok: int, end_tok: int) -> tuple[int, int] | None:
    """Character range of tokens ``start_tok:end_tok`` without edge punctuation.
    (``text`` is ``doc.text``, passed in because ``Doc.text`` rebuilds the string.)"""
    if start_tok >= end_tok:
        return None
    a, b = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if a < b else None


def _runs(doc: Doc, text: str, tokens: list[int]) -> list[tuple[int, int]]:
    """Character ranges of the contiguous runs in sorted token indexes."""
    ranges: list[tuple[int, int]] = []
    if not tokens:
        return ranges
    start = prev = tokens[0]
    for i in [*tokens[1:], -2]:
        if i != prev + 1:
            if (r := _trimmed(doc, text, start, prev + 1)) is not None:
                ranges.append(r)
            start = i
        prev = i
    return ranges


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        # the subject next to the verb when the parser gave it two ("“... they’ re ... ,” Cruz said")
        # "calling Obama “clueless”": a participle's object read as the subject of a small clause
        subjects = [
            c for c in node.children if c.dep_ in _SUBJECTS and not (node.tag_ == "VBG" and c.i > node.i)
        ]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - node.i))
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return node.head
        if any(c.dep_ in ("nsubjpass", "expl", "auxpass") for c in node.children) or _reduced_passive(node):
            return _agent(node)  # "when it was pointed out that ...": nobody; "asked by X": X
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "by arguing that ..."
            node = node.head.head
            continue
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            return None
        node = node.head
    return None


def _reduced_passive(verb: Token) -> bool:
    """ "when asked to", "a plan announced last week": a participle with no subject or auxiliary."""
    return (
        verb.tag_ == "VBN" and verb.dep_ != "ROOT" and not any(c.dep_ in _VERB_FRAME for c in verb.children)
    )


def _agent(verb: Token) -> Token | None:
    """X in "asked by X"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _naming(verb: Token) -> bool:
    """ "a video called “Freedom”", "a group known as": a participle naming a thing, not a cue."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children)


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., \" quipped McCain": a name right after a speech verb that opens its clause
    after a quotation (the parser often reads it as the object)."""
    before = verb.doc[verb.i - 1] if verb.i else None
    if before is None or not (before.is_punct or before.is_quote):
        return None
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head.i != verb.i and nxt.head.head.i != verb.i:
        return None
    head = nxt if nxt.head.i == verb.i else nxt.head
    if head.pos_ == "PROPN" and head.dep_ in _INVERTED_DEPS:
        return head
    # '“...,” said Skelly, explaining he ...': the name read as the subject of the next verb
    return nxt if nxt.pos_ == "PROPN" and nxt.dep_ == "nsubj" and head.head.i == verb.i else None


def _source_range(tok: Token) -> tuple[int, int]:
    """The source phrase: the subject's subtree without appositions or clauses."""
    left = tok.i
    for child in tok.lefts:
        left = min(left, child.left_edge.i)
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "prep", "cc", "conj"):
            break
        right = child.right_edge.i + 1
    return left, right


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def _clip(text: str, r: tuple[int, int], para: tuple[int, int]) -> tuple[int, int] | None:
    a, b = max(r[0], para[0]), min(r[1], para[1])
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if a < b else None


def sentence_index(doc: Doc) -> tuple[list[Span], list[int]]:
    """The sentences of ``doc`` and, for each token, its sentence number (one pass:
    ``Token.sent`` walks the whole Doc on every call)."""
    sents = list(doc.sents)
    of = [0] * len(doc)
    for k, sent in enumerate(sents):
        of[sent.start : sent.end] = [k] * (sent.end - sent.start)
    return sents, of


def _headline_end(text: str, start: int, end: int) -> int:
    """Where a name-colon line's words end: the sentence, or the closing mark of a quoted
    headline ("Matt Rinaldi: 'Cruz's stand exposed Quisling Republicans' Senator Ted ...")."""
    k = start
    while k < end and text[k] == " ":
        k += 1
    if k < end and text[k] in _HEADLINE_MARKS:
        found = _HEADLINE_CLOSE.search(text, k + 1, end)
        if found is not None:
            return found.start()
    return end


def _first_person_after(doc: Doc, colon: int) -> bool:
    """The words after a colon open with the speaker's own "I" or "we" (after any quotation mark)."""
    k = colon + 1
    while k < len(doc) and (doc[k].is_quote or doc[k].is_space):
        k += 1
    return k < len(doc) and doc[k].lower_ in ("i", "we", "my", "our")


def _according_to(tok: Token, sent: Span, text: str) -> Attribution | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    skip = {t.i for t in tok.subtree}
    body = [t.i for t in sent if t.i not in skip]
    lo, hi = _source_range(pobj)
    for child in pobj.rights:  # "according to research by Dr Brian Stewart", "a statement from the ministry"
        by = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and by is not None:
            hi = max(hi, _source_range(by)[1])
    att = Attribution(tok.i, "according to", (lo, hi), pobj.i, _runs(tok.doc, text, body))
    att.cue_class = "nominal"
    return att


def _adverbial(clause: Token) -> bool:
    """ "As new evidence emerges, Cruz argued that ...", "During a speech ..., Clinton joked":
    a clause of time, reason or place set before the cue, which the parser may hang on it
    as its complement."""
    first = clause.left_edge
    if clause.i > clause.head.i:
        return False
    return first.dep_ == "mark" and first.lower_ in _ADVERBIAL_MARKS or first.pos_ == "ADP"


def _trailing(tok: Token) -> bool:
    """ "The rejection signals the end, said Geert Wilders": a speech verb with its subject after it,
    set after a comma at the end of the clause it reports (the parser hangs it on that clause)."""
    doc = tok.doc
    return (
        tok.dep_ in ("ccomp", "conj", "advcl")
        and tok.head.i < tok.i
        and tok.i > 0
        and doc[tok.i - 1].text == ","
        and _inverted_subject(tok) is not None
    )


def _fronted_participle(tok: Token) -> bool:
    """ "Asked about X, she said": a past form before its clause with no subject of its own (the
    tagger may read it as a past tense); the clause's subject is who was asked, not who asked."""
    return (
        tok.tag_ in ("VBD", "VBN")
        and tok.dep_ == "advcl"
        and tok.i < tok.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
    )


_QUESTION_DEPS = frozenset({"ccomp", "xcomp", "advcl", "prep"})


def _question(tok: Token, text: str) -> Attribution | None:
    """What a reduced passive "asked" asks: "(When) asked about X / if X / why X / to X"."""
    picked = [
        c for c in tok.rights
        if c.dep_ in _QUESTION_DEPS and not (c.dep_ == "prep" and c.lower_ not in ("about", "for", "on"))
    ]
    body = sorted(t.i for c in picked for t in c.subtree)
    if not body:
        return None
    return Attribution(tok.i, "ask", None, None, _runs(tok.doc, text, body), cue_class="speech")


def _titled(text: str) -> bool:
    """ "The Lead with Jake Tapper", "Three Generations That Built an Empire": a title, not words said."""
    alpha = [w for w in text.split() if w[:1].isalpha()]
    return len(alpha) >= 3 and sum(1 for w in alpha if w[0].isupper()) >= 0.7 * len(alpha)


def _dashed(doc: Doc, start: int, end: int) -> bool:
    return any(doc[k].text in ("–", "—", "--") for k in range(start + 1, end))


def _fronted_content(tok: Token, att: Attribution, text: str) -> None:
    """ "The rejection signals “the end” for the EU, said Geert Wilders": the clause before an
    inverted cue, which the parser read as a second subject, is what was said."""
    front = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
    if front is not None and (r := _trimmed(tok.doc, text, front.left_edge.i, front.right_edge.i + 1)):
        att.content.append(r)


def _speech_content(tok: Token, att: Attribution, text: str) -> None:
    doc = tok.doc
    # "Cruz supported legalization, Rubio argued – an analogy Cruz likened to ...": after a dash, an aside
    aside = {c.i for c in tok.children if c.i > tok.i and _dashed(doc, tok.i, c.left_edge.i)}
    right_clause = any(c.dep_ == "ccomp" and c.i > tok.i and c.i not in aside for c in tok.children)
    for child in tok.children:
        if child.i in aside:
            continue
        if _adverbial(child) or right_clause and child.dep_ == "ccomp" and child.i < tok.i:
            continue  # a clause before a cue that has its own after it is something else
        if child.dep_ in _CONTENT_DEPS or child.dep_ == "xcomp" and att.lemma in _XCOMP_VERBS:
            r = _trimmed(doc, text, child.left_edge.i, child.right_edge.i + 1)
            if r is not None:
                att.content.append(r)
    if not att.content and (tok.dep_ == "parataxis" or _trailing(tok)):
        skip = {t.i for t in tok.subtree}
        body = sorted(t.i for t in tok.head.subtree if t.i not in skip)
        att.content = _runs(doc, text, body)
        att.weak = True


def _cue_attribution(tok: Token, sent: Span, text: str) -> Attribution | None:
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return _according_to(tok, sent, text)
    lemma = tok.lemma_.lower()
    cls = cue_class(tok, SPEECH_VERBS) if tok.pos_ in ("VERB", "AUX") else None
    if cls is None or _naming(tok):
        return None
    if _reduced_passive(tok) and _agent(tok) is None:
        # "when asked about the merger, she ...": the question put, by no one named (not stored as a
        # quote); "a plan announced last week": no one is saying anything
        return _question(tok, text) if lemma == "ask" else None
    if lemma == "ask" and _fronted_participle(tok):
        return _question(tok, text)  # "Asked what he would do first, he said: ...": he was asked
    if lemma == "continue" and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "will continue to be": carrying on, not saying anything
    if lemma in SPEECH_VERBS and not is_raising(tok):
        subj = _subject(tok) or _inverted_subject(tok)
        source = _source_range(subj) if subj is not None else None
        att = Attribution(tok.i, lemma, source, subj.i if subj is not None else None, cue_class=cls)
        _speech_content(tok, att, text)
        if not att.content and subj is not None and subj.i > tok.i:
            _fronted_content(tok, att, text)
        return att
    body = verb_content(tok)
    if body is None:
        return None
    subj = None if is_raising(tok) else _subject(tok)
    source = _source_range(subj) if subj is not None else None
    att = Attribution(tok.i, lemma, source, subj.i if subj is not None else None, cue_class=cls)
    att.content = _runs(tok.doc, text, body)
    return att


class _Finder:
    """Attributions of one Doc; linear in its length but for cues x quotes."""

    def __init__(self, doc: Doc, sents: list[Span], sent_of: list[int]) -> None:
        self.doc = doc
        self.text = doc.text
        self.sent_of = sent_of
        self.paras = _paragraphs(self.text)
        self.cues: dict[int, Attribution] = {}
        # only words that can be cues become Token objects (most of the cost otherwise)
        lemmas, lowers = doc.to_array([LEMMA, LOWER]).T.tolist()
        candidates = [
            i
            for i, (lem, low) in enumerate(zip(lemmas, lowers, strict=True))
            if lem in _CUE_HASHES or low in _CUE_HASHES
        ]
        framing: list[Token] = []
        for i in candidates:
            tok = doc[i]
            att = _cue_attribution(tok, sents[sent_of[i]], self.text)
            if att is not None:
                self._keep(att)
            else:
                framing.append(tok)
        self._framing_cues(framing, sents)
        self.quotes = find_quote_spans(self.text)
        self._drop_nested()
        self._drop_crowded_guesses()

    def _drop_crowded_guesses(self) -> None:
        """Content guessed from the clause around a cue ("X, he said") is not his when that
        clause has cues of its own ("McConnell argued ...; Cruz called ...; Boehner said")."""
        cue_chars = [self.doc[i].idx for i in self.cues]
        for att in self.cues.values():
            if att.weak and any(a <= c < b for a, b in att.content for c in cue_chars):
                att.content, att.weak = [], False

    def _keep(self, att: Attribution) -> None:
        """Store a cue with its content clipped to the cue's paragraph."""
        at = self.doc[att.cue].idx
        para = self.paras[max(0, bisect_left(self.paras, (at + 1, 0)) - 1)]
        clipped = (_clip(self.text, r, para) for r in att.content)
        att.content = [r for r in clipped if r is not None]
        if att.content or att.lemma in SPEECH_VERBS:
            self.cues[att.cue] = att

    def _framing_cues(self, candidates: list[Token], sents: list[Span]) -> None:
        """Cues that are not words of saying: a document framing a clause ("In the
        poll, Trump leads"), a cue noun ("his claim that ...") and a name before a
        colon ("BOULDUAN: You guys ...")."""
        doc, text = self.doc, self.text
        for tok in candidates:
            if tok.lower_ == "in" and tok.head.i not in self.cues and (found := prepositional_source(tok)):
                pobj, body = found
                self._keep(
                    Attribution(
                        tok.i, "in", _source_range(pobj), pobj.i, _runs(doc, text, body), cue_class="nominal"
                    )
                )
            elif (held := noun_cue(tok)) is not None:
                holder, body = held
                src = _source_range(holder) if holder is not None else None
                head = holder.i if holder is not None else None
                self._keep(
                    Attribution(
                        tok.i, tok.lemma_.lower(), src, head, _runs(doc, text, body), cue_class="nominal"
                    )
                )
        starts = {a for a, _ in self.paras}
        for sent in sents:
            if (name := colon_source(sent)) is None:
                continue
            colon = doc[name[1]]
            if sent.start_char not in starts and not _first_person_after(doc, colon.i):
                continue  # mid-paragraph, only a transcript line: 'Rubio : “I’m not sure ...”'

            content = [(colon.idx + 1, _headline_end(text, colon.idx + 1, sent.end_char))]
            self._keep(Attribution(colon.i, ":", name, name[1] - 1, content, cue_class="nominal"))

    def _drop_nested(self) -> None:
        """Cues inside a quotation are part of what its speaker said ("... they want to
        predict what we think"), not attributions of their own; beliefs, wishes and
        stances reported inside someone's paraphrase belong to it too (speech verbs
        there keep theirs: they say whose words a nested quote is)."""
        quoted = [(q.start, q.end) for q in self.quotes if len(self.text[q.start : q.end].split()) >= 4]
        for i, att in list(self.cues.items()):
            at = self.doc[i].idx
            if any(a <= at < b for a, b in quoted):
                del self.cues[i]
                continue
            if att.lemma in SPEECH_VERBS or att.lemma == "according to":
                continue
            others = (r for j, o in self.cues.items() if j != i for r in o.content)
            if any(a <= at < b for a, b in others):
                del self.cues[i]

    def run(self) -> list[Attribution]:
        last: tuple[QuoteSpan, Attribution] | None = None  # previous attributed quote
        orphans: list[Attribution] = []
        for q in self.quotes:
            att = self._link(q)
            if att is None and last is not None and self._continues(q, *last):
                att = last[1]
                att.add_quote(q.start, q.end)
            if att is None and orphans and orphans[-1].group == q.group:
                orphans[-1].add_quote(q.start, q.end)
                continue
            if att is not None:
                last = (q, att)
                continue
            if len(self.text[q.start : q.end].split()) >= 4 and not _titled(self.text[q.start : q.end]):
                orphan = Attribution(self._tok(q.start), "", None, None, group=q.group)
                orphan.add_quote(q.start, q.end)
                orphans.append(orphan)
            last = None
        for att in self.cues.values():  # "described himself as", "announced a plan"
            if not att.content and att.lemma in _OBJECT_SPEECH and (body := verb_content(self.doc[att.cue])):
                att.content = _runs(self.doc, self.text, body)
        found = [a for a in self.cues.values() if a.content]
        found.extend(orphans)
        found.sort(key=lambda a: a.content[0][0])
        return found

    def _opens_sentence(self, start: int) -> bool:
        k = start - 1
        while k >= 0 and self.text[k] in _OPEN_MARKS:  # the opening mark: one or two characters ('')
            k -= 1
        while k >= 0 and self.text[k] in " \t\xa0":
            k -= 1
        return k < 0 or self.text[k] in "\n.!?" or (self.text[k] in '”"' and self.text[k - 1] in ".!?,")

    def _continues(self, q: QuoteSpan, prev_q: QuoteSpan, prev: Attribution) -> bool:
        """An unattributed quote carries on the previous one: another paragraph of
        it, a new sentence opening with a quote soon after, or the same sentence."""
        if q.group == prev_q.group:
            return True
        gap = self._sent(q.start) - self._sent(prev_q.end)
        if gap == 0:
            return True
        return gap <= 2 and self._opens_sentence(q.start)

    def _tok(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is not None and len(span):
            return span.start
        for tok in self.doc:
            if tok.idx >= char:
                return tok.i
        return len(self.doc) - 1

    def _sent(self, char: int) -> int:
        return self.sent_of[self._tok(char)]

    def _link(self, q: QuoteSpan) -> Attribution | None:
        doc = self.doc
        found: tuple[int, Attribution, int] | None = None  # (content length, attribution, range index)
        for att in self.cues.values():  # the parse: the quote is (in) the cue's content
            if q.start <= doc[att.cue].idx < q.end or att.cue_class in _SILENT:
                continue  # wanting or believing quotes nobody: a quote there is someone else's
            for k, (a, b) in enumerate(att.content):
                if min(b, q.end) - max(a, q.start) > 0 and (found is None or b - a < found[0]):
                    found = (b - a, att, k)
                    break
        if found is None:
            return self._after(q) or self._before(q)
        # the innermost cue: in "X said that Y had asked them to be 'chief negotiator'", Y's words
        _, att, k = found
        a, b = att.content[k]
        if a >= q.start - 1 and b <= q.end + 1 or min(b, q.end) - max(a, q.start) >= 0.6 * (b - a):
            att.content[k] = (min(a, q.start), max(b, q.end))
            att.direct.add(k)
        else:
            att.nested.append((q.start, q.end))
        return att

    def _after(self, q: QuoteSpan) -> Attribution | None:
        doc = self.doc
        i = self._tok(q.end)
        while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
            i += 1
        for j in range(i, min(i + 12, len(doc))):
            att = self.cues.get(j)
            if att is not None and not att.content:
                src = att.source or (j, j)
                if att.speaker is not None:  # with its apposition: '“...,” the press secretary, X, said'
                    head = doc[att.speaker]
                    src = (min(src[0], head.left_edge.i), max(src[1], head.right_edge.i + 1))
                between = [k for k in range(i, j) if not src[0] <= k < src[1]]
                if all(doc[k].is_punct or doc[k].is_space or doc[k].pos_ in ("ADV", "AUX") for k in between):
                    att.add_quote(q.start, q.end)
                    return att
            if doc[j].is_sent_end and j > i:
                break
        return None

    def _before(self, q: QuoteSpan) -> Attribution | None:
        doc = self.doc
        i = self._tok(q.start) - 1
        while i >= 0 and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in ":,":
            if doc[i].text in ".!?":
                return None
            i -= 1
        if i >= 0 and doc[i].lower_ == "that":
            i -= 1
        att = self.cues.get(i)
        if att is not None and att.lemma in SPEECH_VERBS and not att.content:
            att.add_quote(q.start, q.end)  # 'He said "this election ..."': the quote is what was said
            return att
        if i < 0 or doc[i].text not in ":,":
            return None
        for j in range(i - 1, max(i - 8, -1), -1):
            att = self.cues.get(j)
            if att is not None:
                if att.weak and not att.direct:
                    att.content, att.weak = [], False  # 'asked ..., he replied: "I would ..."'
                if att.content and not att.direct:
                    return None
                att.add_quote(q.start, q.end)
                return att
            if doc[j].is_sent_start:
                break
        return None


def find_attributions(doc: Doc, sentences: tuple[list[Span], list[int]] | None = None) -> list[Attribution]:
    """Every attribution in a parsed Doc, in text order (speakers not yet resolved)."""
    sents, sent_of = sentences or sentence_index(doc)
    return _Finder(doc, sents, sent_of).run()


# -- Quote objects -----------------------------------------------------------------


def _cue_date(doc: Doc, cue: int, timexes: list[Timex]) -> DateValue | None:
    """The date of a timex in the cue's sentence that hangs from the cue verb
    ("said on Sunday", "said Thursday")."""
    for t in timexes:
        if t.date is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        for _ in range(3):
            if node.i == cue:
                return t.date
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _scare_quote(doc: Doc, a: int, b: int, att: Attribution) -> bool:
    """One quoted word inside paraphrase ('when it came to “Obamacare”') unless the cue names
    something, a label inside a noun phrase ('a “religious freedom” bill'), or a word or two
    inside an embedded question ("explained why he could appeal to “outsiders”"): the
    writer's marks, not words anyone is reported to have said."""
    text = doc.text
    n = len(text[a:b].split())
    if n >= 4:
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is not None and _speakers_word(span, att):
        return False  # 'He said Chung would take “happy” messages': the word of the paraphrased speaker
    if n == 1 and att.lemma not in _NAMING:
        return True  # 'when it came to “Obamacare”'

    if span is not None and len(span) and span.root.dep_ in ("amod", "compound", "nmod"):
        return True  # 'a controversial “religious freedom” bill': a label inside a noun phrase
    around = next((r for r in att.content if r[0] <= a and b <= r[1]), None)
    return around is not None and text[around[0] : around[1]].split(" ", 1)[0].casefold() in _WH_WORDS


def _speakers_word(span: Span, att: Attribution) -> bool:
    """A quoted judgement (adjectives and adverbs only) in what a speech verb reports: the speaker's
    own word, not the writer's label (names and nouns such as “Obamacare” are labels)."""
    words = [t for t in span if not t.is_punct]
    return att.lemma in SPEECH_VERBS and bool(words) and all(t.pos_ in ("ADJ", "ADV") for t in words)


def _piece_kind(att: Attribution, k: int, text: str) -> str:
    if k in att.direct:
        return "direct"
    return "mixed" if _embeds(att.content[k], att.nested, text) else "indirect"


def _embeds(r: tuple[int, int], quotes: list[tuple[int, int]], text: str) -> bool:
    """Paraphrase around a quoted clause (four words or more; a scare-quoted
    phrase such as a “birthday letter” leaves it indirect)."""
    return any(r[0] <= a and b <= r[1] and len(text[a:b].split()) >= 4 for a, b in quotes)


def quotes_of(
    doc: Doc,
    atts: list[Attribution],
    entities: list[LocalEntity],
    sentences: tuple[list[Span], list[int]],
) -> list[Quote]:
    """``Quote`` objects for resolved attributions: one per content range, plus
    the direct quotes found inside indirect content."""
    names = {e.key: e.name for e in entities}
    sents, sent_of = sentences
    by_sentence: dict[int, list[Timex]] = {}
    for t in doc._.timexes or []:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            by_sentence.setdefault(sent_of[span.start], []).append(t)
    out: list[Quote] = []
    text = doc.text
    for att in atts:
        if att.lemma and any(c.dep_ == "neg" or c.lower_ in _MODALS for c in doc[att.cue].children):
            continue  # "Lee did not mention ...", "could threaten to ...": nothing of theirs to quote
        if att.entity is None and att.speaker is not None and doc[att.speaker].lower_ in _WRITER:
            continue  # "I asked ...", "we know ...", "you could argue": the article's own voice
        speaker = names.get(att.entity) if att.entity is not None else att.written
        cue_sent = sent_of[att.cue]
        timexes = by_sentence.get(cue_sent, [])
        date = _cue_date(doc, att.cue, timexes) if att.lemma and timexes else None
        pieces = [(a, b, _piece_kind(att, k, text)) for k, (a, b) in enumerate(att.content)]
        pieces += [(a, b, "direct") for a, b in att.nested if not _scare_quote(doc, a, b, att)]
        if att.source is None and att.lemma:
            # "there is concern that ...", "when asked about ...", "it must be said": no one is reported
            # saying the paraphrase; only words between quotation marks are someone's
            pieces = [p for p in pieces if p[2] == "direct"]
        for a, b, kind in pieces:
            cls = att.cue_class
            out.append(Quote(a, b, text[a:b], att.lemma, speaker, att.entity, kind, cue_sent, date, cls))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def annotate_quotes(doc: Doc) -> list[Quote]:
    """Quotes of a Doc that already carries ``doc._.entities`` and ``doc._.entity_mentions``."""
    entities: list[LocalEntity] = list(doc._.entities or [])
    sentences = sentence_index(doc)
    atts = find_attributions(doc, sentences)
    resolve_speakers(doc, sentences, entities, list(doc._.entity_mentions or []), atts)
    return keep_quotes(doc, quotes_of(doc, atts, entities, sentences))


@Language.factory(
    "storyline_quotes",
    assigns=["doc._.quotes"],
    requires=["doc._.entities", "doc._.entity_mentions"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    """Pipeline component setting ``doc._.quotes``."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = annotate_quotes(doc)
        return doc
