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

Each cue is read from the parse in ``cue_reading``; ``Quote`` objects are built in
``quote_objects``; the junk and duplicate filter is ``quote_filter``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from ..types import LocalEntity, Quote
from .attribution import SPEECH_VERBS, Attribution
from .attribution_cues import (
    CUE_WORDS,
    RETORTS,
    colon_source,
    noun_cue,
    prepositional_source,
    verb_content,
    words,
)
from .cue_reading import (
    adjective_attribution,
    as_clause,
    bare_report,
    clip_range,
    cue_attribution,
    first_person_after,
    headline_end,
    introducing_verb,
    is_title,
    issuer,
    paragraphs,
    sentence_index,
    source_range,
    token_runs,
)
from .extensions import register_extensions
from .quote_filter import keep_quotes
from .quote_objects import quotes_of
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

# speech verbs whose object is what was said ("announced a plan"), not whom it was said to
_OBJECT_SPEECH = SPEECH_VERBS - words(
    "say tell add ask inform advise assure reply respond answer continue write post tweet state "
    "comment explain quip joke shout yell retort recount observe maintain counter underscore affirm"
)
# lemma or lower-case hashes of every word that can be a cue
_CUE_HASHES = frozenset(hash_string(w) for w in (*SPEECH_VERBS, *CUE_WORDS, *RETORTS, "according", "in"))
_OPEN_MARKS = frozenset("\"“„«'`")
_BEFORE_QUOTE = " \n\u2018" + "".join(_OPEN_MARKS)  # spaces and marks just before a quotation
_LEAD_IN = _BEFORE_QUOTE + ":"  # what may stand between a lead-in and the quotation it opens
_SILENT = frozenset({"cognition", "intention"})  # classes of cues that do not utter quotes


_ANSWERS = frozenset({"yes", "no", "so", "same"})
# speech verbs with no clause whose preposition says what was asked or answered
_ASKED_ABOUT = {"ask": frozenset({"about", "for"}), "answer": frozenset({"about"})}


def _said_word(child: Token) -> bool:
    """What "said" took as its object: "said the same thing", and the answers "said yes", "said
    no", "said so", "said the same" that the parser reads as an interjection, adverb or subject."""
    if child.dep_ == "dobj":
        return True
    return child.lower_ in _ANSWERS and child.dep_ in ("intj", "advmod", "nsubj", "acomp")


class _Finder:
    """Attributions of one Doc; linear in its length but for cues x quotes."""

    def __init__(self, doc: Doc, sents: list[Span], sent_of: list[int]) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts: list[int] = doc.to_array(IDX).tolist()  # each token's first character
        self.sent_of = sent_of
        self.sents = sents
        self.paras = paragraphs(self.text)
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
            att = cue_attribution(tok, sents[sent_of[i]], self.text)
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
            if att.weak and not as_clause(self.doc[att.cue]) and any(
                a <= c < b for a, b in att.content for c in cue_chars
            ):
                att.content, att.weak = [], False

    def _keep(self, att: Attribution) -> None:
        """Store a cue with its content clipped to the cue's paragraph."""
        self._clip(att)
        if att.content or att.lemma in SPEECH_VERBS:
            self.cues[att.cue] = att

    def _clip(self, att: Attribution) -> None:
        at = self.doc[att.cue].idx
        para = self.paras[max(0, bisect_left(self.paras, (at + 1, 0)) - 1)]
        clipped = sorted(r for r in (clip_range(self.text, r, para) for r in att.content) if r is not None)
        merged: list[tuple[int, int]] = []
        for a, b in clipped:  # ranges that overlap (a word the parser split, "pre-ordered") are one
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        att.content = merged

    def _framing_cues(self, candidates: list[Token], sents: list[Span]) -> None:
        """Cues that are not words of saying: a document framing a clause ("In the
        poll, Trump leads"), a cue noun ("his claim that ...") and a name before a
        colon ("BOULDUAN: You guys ...")."""
        doc, text = self.doc, self.text
        for tok in candidates:
            if tok.lower_ == "in" and (found := prepositional_source(tok)) and found[1].i not in self.cues:
                pobj, _, body = found
                self._keep(
                    Attribution(
                        tok.i, "in", source_range(pobj), pobj.i, token_runs(doc, text, body),
                        cue_class="nominal",
                    )
                )
            elif (adj := adjective_attribution(tok, text)) is not None:
                self._keep(adj)
            elif (held := noun_cue(tok)) is not None:
                holder, body = held
                holder = holder or issuer(tok)
                src = source_range(holder) if holder is not None else None
                head = holder.i if holder is not None else None
                self._keep(
                    Attribution(
                        tok.i, tok.lemma_.lower(), src, head, token_runs(doc, text, body), cue_class="nominal"
                    )
                )
        starts = {a for a, _ in self.paras}
        for sent in sents:
            if (name := colon_source(sent)) is None:
                continue
            colon = next(t for t in doc[name[1] : sent.end] if t.text == ":")
            if sent.start_char not in starts and not first_person_after(doc, colon.i):
                continue  # mid-paragraph, only a transcript line: 'Rubio : “I’m not sure ...”'

            content = [(colon.idx + 1, headline_end(text, colon.idx + 1, sent.end_char))]
            if len(_FIELD.findall(text, *content[0])) >= 2:
                continue  # "Job: co-founder ... Age: 49 Industry: new media": a fact box's fields
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
            if att.cue_class == "stance" and att.source is not None and self._quotes_in(att):
                continue  # 'X reports Allchin has dismissed it as “a peripheral”': his words, his stance
            others = (r for j, o in self.cues.items() if j != i for r in o.content)
            if any(a <= at < b for a, b in others):
                del self.cues[i]

    def _quotes_in(self, att: Attribution) -> bool:
        return any(a <= q.start and q.end <= b for q in self.quotes for a, b in att.content)

    def run(self) -> list[Attribution]:
        last: tuple[QuoteSpan, Attribution] | None = None  # previous attributed quote
        orphans: list[Attribution] = []
        self._object_quotes()
        links = [self._link(q) for q in self.quotes]
        for i, q in enumerate(self.quotes):
            att = links[i]
            if att is None:  # a paragraph of a quote whose last paragraph names the speaker
                att = next((a for r, a in zip(self.quotes[i + 1 :], links[i + 1 :], strict=False)
                            if r.group == q.group and a is not None), None)
                if att is not None:
                    att.add_quote(q.start, q.end)
            if att is None and last is not None and self._continues(q, *last):
                att = last[1]
                att.add_quote(q.start, q.end)
            if att is None and orphans and orphans[-1].group == q.group:
                orphans[-1].add_quote(q.start, q.end)
                continue
            if att is not None:
                last = (q, att)
                continue
            if len(self.text[q.start : q.end].split()) >= 4 and not is_title(self.text[q.start : q.end]):
                orphan = Attribution(self._tok(q.start), "", None, None, group=q.group)
                orphan.add_quote(q.start, q.end)
                orphans.append(orphan)
            last = None
        for att in self.cues.values():  # "described himself as", "announced a plan"
            if not att.content and att.lemma in _OBJECT_SPEECH and (body := verb_content(self.doc[att.cue])):
                att.content = token_runs(self.doc, self.text, body)
                self._clip(att)
            elif not att.content and att.lemma in _ASKED_ABOUT and (about := self._asked_about(att)):
                att.content = token_runs(self.doc, self.text, about)
                self._clip(att)
            elif not att.content and att.lemma == "say":  # "said the same thing", "said yes"
                said = [t.i for c in self.doc[att.cue].rights if _said_word(c) for t in c.subtree]
                att.content = token_runs(self.doc, self.text, said)
                self._clip(att)
        found = [a for a in self.cues.values() if a.content]
        # quotations, not titles ("Good Morning America")
        quotations = [q for q in self.quotes if not is_title(self.text[q.start : q.end])]
        for att in found:
            self._unframe(att, quotations)
        found.extend(orphans)
        found.sort(key=lambda a: a.content[0][0])
        return found

    def _unframe(self, att: Attribution, quotations: list[QuoteSpan]) -> None:
        """A quotation's speaker said the quotation, not the writer's lead-in the parser joined to
        it: a clause before a colon that opens it ('Trump seemed to suggest he had silenced his
        former wife: "She signed ...," he told the Times') or a phrase with no verb before a cue
        that opens it ('On ABC's “Good Morning America” Tuesday, he said, “I never said ...”')."""
        cue_at = self.doc[att.cue].idx
        for k, (a, b) in enumerate(att.content):  # one piece the parser made of both, the cue after
            opening = next((q.start for q in quotations if a < q.start < b <= cue_at), None)
            if opening is not None and self.text[a:opening].rstrip(_BEFORE_QUOTE).endswith(":"):
                att.content[k] = (opening, b)
        quoted = {
            k for k, (a, b) in enumerate(att.content)
            if k in att.direct or any(2 * (min(b, q.end) - max(a, q.start)) > b - a for q in quotations)
        }
        if not quoted or len(quoted) == len(att.content):
            return
        opens = min(att.content[k][0] for k in quoted)
        keep = [
            k for k, (a, b) in enumerate(att.content)
            if k in quoted or b > opens
            or not self._colon_before(b, opens) and not (b <= cue_at < opens and not self._has_verb(a, b))
        ]
        if len(keep) < len(att.content):
            att.direct = {i for i, k in enumerate(keep) if k in att.direct}
            att.content = [att.content[k] for k in keep]

    def _colon_before(self, end: int, opening: int) -> bool:
        """Whether only a colon, spaces and opening marks stand between ``end`` and ``opening``."""
        between = self.text[end:opening]
        return ":" in between and not between.strip(_LEAD_IN)

    def _has_verb(self, start: int, end: int) -> bool:
        return any(t.pos_ in ("VERB", "AUX") for t in self.doc[self._tok(start) : self._tok(end - 1) + 1])

    def _object_quotes(self) -> None:
        """ "describing Obamacare as “the most dangerous …”": a speech verb whose object holds a
        quotation says it, so the quotation is linked to it and not carried on from a speaker
        before."""
        for att in self.cues.values():
            if att.content or att.lemma not in _OBJECT_SPEECH:
                continue
            body = verb_content(self.doc[att.cue])
            runs = token_runs(self.doc, self.text, body) if body else []
            if any(min(b, q.end) - max(a, q.start) > 0 for q in self.quotes for a, b in runs):
                att.content = runs
                self._clip(att)

    def _asked_about(self, att: Attribution) -> list[int]:
        """ "asked Trump about his statements", "asked for a recount": what the question was about
        (not "did not respond to a request for comment": no one said anything)."""
        preps = _ASKED_ABOUT[att.lemma]
        return [
            t.i for c in self.doc[att.cue].rights if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj" for t in p.subtree
        ]

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
        if gap == 1 and len(self.text[q.start : q.end].split()) >= 4:
            return True  # 'That makes her “by definition a trustworthy, reliable good person ...”'
        return gap <= 2 and self._opens_sentence(q.start) and not self._new_subject(q, prev)

    def _new_subject(self, q: QuoteSpan, prev: Attribution) -> bool:
        """Whether the sentence just before ``q`` is about another named source ("The US Holocaust
        Memorial Museum was moved to join the debate with a statement. “...”")."""
        k = self._sent(q.start) - 1
        if k < 0 or prev.source is None or self.sent_of[prev.cue] == k:
            return False
        said_by = {t.lower_ for t in self.doc[prev.source[0] : prev.source[1]]}
        root = self.sents[k].root
        return any(
            c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "PERSON")
            and c.lower_ not in said_by for c in root.children
        )

    def _tok(self, char: int) -> int:
        """The token holding character ``char``, else the first one after it."""
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.starts[i] + len(self.doc[i]):
            return i
        return min(i + 1, len(self.doc) - 1)

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
            return self._after(q) or self._before(q) or self._reacted(q)
        if (intro := self._introduced(q)) is not None:
            found = intro  # 'Jobs, in a statement, said, “...,” reports USA Today': said by Jobs
            _, att, k = intro
            if att.content[k][0] >= q.start - 1:
                att.content[k] = (q.start, q.end)  # what he said ends with the quotation
            self._unclaim(q, att)
        # the innermost cue: in "X said that Y had asked them to be 'chief negotiator'", Y's words
        _, att, k = found
        a, b = att.content[k]
        if a >= q.start - 1 and b <= q.end + 1 or min(b, q.end) - max(a, q.start) >= 0.6 * (b - a):
            att.content[k] = (min(a, q.start), max(b, q.end))
            att.direct.add(k)
        else:
            att.nested.append((q.start, q.end))
        return att

    def _unclaim(self, q: QuoteSpan, owner: Attribution) -> None:
        """The quotation is no longer in what a cue after it says (", reports USA Today")."""
        emptied = []
        for i, att in self.cues.items():
            if att is not owner and att.content and self.doc[att.cue].idx >= q.end:
                att.content = [(a, b) for a, b in att.content if not (a >= q.start - 1 and b <= q.end + 1)]
                if not att.content:
                    emptied.append(i)
        for i in emptied:
            del self.cues[i]

    def _introduced(self, q: QuoteSpan) -> tuple[int, Attribution, int] | None:
        """The speech verb right before a quotation's opening mark and a comma or colon, when
        the quotation is in what it says."""
        doc = self.doc
        j = self._tok(q.start) - 1
        while j >= 0 and (doc[j].is_punct or doc[j].is_space) and doc[j].text not in ".!?":
            j -= 1
        att = self.cues.get(j) if j >= 0 else None
        if att is None or att.lemma not in SPEECH_VERBS:
            return None
        k = next((k for k, (a, b) in enumerate(att.content) if min(b, q.end) - max(a, q.start) > 0), None)
        return None if k is None else (att.content[k][1] - att.content[k][0], att, k)

    def _after(self, q: QuoteSpan) -> Attribution | None:
        doc = self.doc
        i = self._tok(q.end)
        while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
            i += 1
        if i < len(doc) and "\n" in self.text[q.end : doc[i].idx]:
            return None  # the next paragraph's cue says its own things
        for j in range(i, min(i + 20, len(doc))):  # a name and a long role: "X, the director of ..., said"
            att = self.cues.get(j)
            if att is not None and j == i and doc[j].text[:1].isupper() and att.cue == j:
                return None  # '... software.” Note for non-Mac folks: ...': a new sentence, not "noted X"
            if att is not None and self._open_before(att, q):
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

    def _reacted(self, q: QuoteSpan) -> Attribution | None:
        """ '“If they were serious ...,” Toomey fumed.', '“...,” reacted Trump.': a quote broken
        off at a comma and followed by a bare name-and-verb clause is that person's, whatever
        the verb (the cue lexicon does not list "fume")."""
        doc, text = self.doc, self.text
        if "," not in text[max(q.start, q.end - 2) : q.end + 2] or len(text[q.start : q.end].split()) < 4:
            return None  # a title or a scare-quoted phrase ('“This Morning,” in which he ...') is no one's
        i = self._tok(q.end)
        while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
            i += 1
        if i >= len(doc) or i in self.cues:
            return None
        verb, subj = bare_report(doc[i])
        if verb is None or subj is None or verb.i in self.cues:
            return None
        att = Attribution(verb.i, verb.lemma_.lower(), source_range(subj), subj.i, cue_class="speech")
        att.add_quote(q.start, q.end)
        self.cues[verb.i] = att
        return att

    def _open_before(self, att: Attribution, q: QuoteSpan) -> bool:
        """A cue still free to take the quote ``q`` that ends before it: one with no content
        yet, or, when the quote breaks off at a comma, one whose content all follows it (the
        quote split around the cue: '“...,” X said, “and ...”')."""
        if not att.content:
            return True
        at = self.doc[att.cue].idx
        tail = self.text[max(q.start, q.end - 3) : q.end + 2]
        return "," in tail and all(a > at for a, _ in att.content)

    def _ends_at(self, colon: Token) -> Attribution | None:
        """The cue of the same sentence whose paraphrase runs up to ``colon``: the quote
        after the colon goes on with it."""
        at, sent = colon.idx, self.sent_of[colon.i]
        for att in self.cues.values():
            if self.sent_of[att.cue] == sent and att.cue < colon.i and any(
                at - 2 <= b <= at for _, b in att.content
            ):
                return att
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
        # 'X said he had offers, but “the offers were ...”': the quotation goes on with what he said
        conj = i > 0 and doc[i].pos_ == "CCONJ" and doc[i - 1].text == ","
        if conj and (found := self._ends_at(doc[i - 1])) is not None:
            found.add_quote(q.start, q.end)
            return found
        if i < 0 or doc[i].text not in ":,":
            return None
        if i - 1 not in self.cues and (found := introducing_verb(doc[i])) is not None:
            found.add_quote(q.start, q.end)
            self.cues[found.cue] = found
            return found
        if doc[i].text == ":" and (found := self._ends_at(doc[i])) is not None:
            found.add_quote(q.start, q.end)  # 'he promised that he would stay: “We are in ...”'
            return found
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


_FIELD = re.compile(r"\b[A-Z][a-z]+(?: [a-z]+)?: ")  # "Age: ", "Company turnover: "


def find_attributions(doc: Doc, sentences: tuple[list[Span], list[int]] | None = None) -> list[Attribution]:
    """Every attribution in a parsed Doc, in text order (speakers not yet resolved)."""
    sents, sent_of = sentences or sentence_index(doc)
    return _Finder(doc, sents, sent_of).run()


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
