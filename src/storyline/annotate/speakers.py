"""Who a quote's source is: the article's entity behind a name, role, title or pronoun.

Precision first: a source that cannot be tied to one compatible entity stays
unresolved rather than guessed.

- A name (or a description the entity resolver already tied to a name) is that entity; a name in
  apposition wins over the role beside it ("the press secretary, Josh Earnest,"); two names
  joined ("Cruz and Bush proposed") are kept as written, one speaker being neither.
- A role or title ("the barrister", "the Texas senator", "QC", "a spokesperson") is the
  person most recently mentioned, within a few sentences, whom the article gave that role:
  through a description, an apposition or a title in one of their names ("Senator Ted
  Cruz", "John Smith QC"); else that role's holder who is the subject of this or the previous
  sentence; else, for "the senator" right after a quote, the person just quoted when nobody
  else was named since. Names inside what is said never count.
- A possessor speaks through what it owns ("Mr. Moon's office", "the Cruz campaign").
- A source that is no entity is kept as the article words it when it is a group, a person
  named by what they do ("pollsters", "a GOP strategist") or a document ("the manifesto").
- A pronoun is the last compatible speaker quoted in the three sentences before, else the
  compatible subject of this or the previous sentence, else the last compatible person
  named in the four sentences before; never someone named inside the quote itself, and
  never the writer's own "I" or "we". Compatible: a person for he/she/I, an
  organisation or group for "it"/"they" (which may also be people), and the same gender,
  learned from honorifics (Mr., Mrs., Ms.) and from the pronouns that follow the
  entity's mentions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.attrs import POS
from spacy.tokens import Doc, Span, Token

from ..types import EntityMention, LocalEntity
from .attribution_cues import words
from .speaker_profiles import (
    GENDER,
    ROLE_GENDER,
    described_roles,
    learn_genders,
    titled_roles,
    token_entities,
)

if TYPE_CHECKING:
    from .quotes import Attribution

__all__ = ["PRONOUNS", "resolve_speakers"]

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "who"})
# other forms of the pronouns that can head a source: "his claim", "her statement"
_FORMS = {"his": "he", "him": "he", "her": "she", "their": "they", "them": "they", "its": "it", "our": "we"}
_PRONOUN_FORMS = PRONOUNS | frozenset(_FORMS)
_RELATIVE = frozenset({"that", "who", "which"})
_PERSONAL = frozenset({"he", "she", "i", "who"})
_GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
_SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_ROLE_WINDOW = 4
_HAVE = frozenset({"have", "has", "had", "'ve", "’ve"})  # "Paul had said": he spoke (not "asked by")
_HISTORY = 3  # sentences back in which the last speaker quoted is still "he" or "she"
# nouns for a person's role or job that an article uses for someone it has named
HUMAN_ROLES = words(
    """
senator president governor candidate nominee barrister lawyer attorney solicitor prosecutor judge qc kc
spokesperson spokesman spokeswoman official minister secretary chairman chairwoman chair leader
congressman congresswoman representative mayor author writer actor actress star businessman
businesswoman executive chief director founder aide adviser advisor strategist analyst professor
economist manager man woman commissioner chancellor premier ambassador envoy diplomat officer
detective inspector sheriff coach player singer entrepreneur billionaire magnate tycoon mogul
pastor preacher father mother priest bishop activist campaigner lawmaker legislator politician
"""
)
# groups, bodies and documents that speak for themselves ("critics say", "the report found")
SOURCE_NOUNS = words(
    """
critic official source aide expert supporter opponent voter people resident member observer person
poll report study survey statement document letter memo filing campaign committee group organisation
organization administration government ministry department agency court police company newspaper
paper editorial board panel union association council coalition party staff team family friend
spokesperson website magazine network station account message tweet post ad video audit analysis
insider operative scientist researcher commentator pundit attendee participant student worker
veteran ally rival conservative liberal moderate republican democrat delegate donor
manifesto page site column article blog book bill law legislation constitution amendment
announcement comment remark research film military release transcript platform sign
"""
)
# nouns for an organisation that an article uses for one it has just named ("the group said")
_BODIES = words("group organisation organization company firm agency network party movement militia")
# endings of nouns for people by what they do ("pollsters", "commentators", "a GOP strategist")
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ive", "ives")


def _definite(noun: Token) -> bool:
    """ "the barrister", "this official" or a bare title ("QC said"), not "a woman"."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    return all(d.lower_ in ("the", "this", "that") for d in dets)


def _quantified(head: Token) -> bool:
    """ "48 % of Republicans", "most of the senators": a share of a named group."""
    return (
        head.pos_ in ("NUM", "NOUN", "ADJ", "PRON")
        and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(p.pos_ in ("NOUN", "PROPN") for p in c.children)
            for c in head.children
        )
        and (
            head.pos_ == "NUM" or head.lower_ in ("%", "percent", "most", "many", "some", "half", "majority")
        )
    )


def _agent_noun(noun: Token) -> bool:
    """ "pollsters", "a GOP strategist": a noun for someone by what they do (not "the paper",
    which names no one: it is in ``SOURCE_NOUNS`` if it speaks)."""
    return noun.lower_.endswith(_AGENT_ENDINGS) and len(noun.text) > 5


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for: "the group that backed him" -> group."""
    verb = tok.head
    if tok.lower_ in _RELATIVE and tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "relcl":
        return _one_of(verb.head) or verb.head
    return tok


def _one_of(noun: Token) -> Token | None:
    """ "Abbott was one of the Republicans who announced ...": the subject said to be one of them."""
    one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if one is None or one.lower_ != "one" or one.dep_ != "attr":
        return None
    return next((c for c in one.head.children if c.dep_ == "nsubj"), None)


def _head_range(tok: Token) -> tuple[int, int]:
    left = min([tok.i, *(c.left_edge.i for c in tok.lefts)])
    return left, tok.i + 1


class _Speakers:
    history: list[tuple[int, int, int]]

    def __init__(
        self,
        doc: Doc,
        sentences: tuple[list[Span], list[int]],
        entities: list[LocalEntity],
        mentions: list[EntityMention],
    ) -> None:
        self.doc = doc
        self.history = []
        self.spoke_until: dict[int, int] = {}  # speaker token: sentence of the last words said
        self.sents, self.sent_of = sentences
        self.types = {e.key: e.type for e in entities}
        self.tok_ent = token_entities(doc, mentions)
        self._add_missed_names(entities)
        self.named = sorted((i, k) for i, k in self.tok_ent.items() if self.types.get(k) in _SPEAKER_TYPES)
        self.named_tokens = [i for i, _ in self.named]
        self.roles = described_roles(doc, mentions, self.types)
        self.titles = titled_roles(entities)
        self.name_words = {e.key: frozenset(e.name.split()) for e in entities if e.type in ("PERSON", "ORG")}
        people = [(i, k) for i, k in self.named if self.types.get(k) == "PERSON"]
        self.genders = learn_genders(doc, self.sent_of, entities, people)

    def _add_missed_names(self, entities: list[LocalEntity]) -> None:
        """Names the recogniser missed ("None of which bothered Cruz"): a proper noun that is a
        word of exactly one person's or organisation's name is a mention of it."""
        owners: dict[str, set[int]] = {}
        for e in entities:
            if e.type in ("PERSON", "ORG"):
                for word in e.name.split():
                    if word[:1].isupper() and len(word) > 2:
                        owners.setdefault(word, set()).add(e.key)
        propn = self.doc.vocab.strings["PROPN"]
        for i, pos in enumerate(self.doc.to_array(POS).tolist()):  # no Token objects: most of the cost
            if pos == propn and i not in self.tok_ent and len(owners.get(self.doc[i].text, ())) == 1:
                self.tok_ent[i] = next(iter(owners[self.doc[i].text]))

    def resolve(self, atts: list[Attribution]) -> None:
        history: list[tuple[int, int, int]] = []  # (sentence, entity, token) of resolved speakers
        self.history = history
        self.spoke_until = {}
        for att in sorted(atts, key=lambda a: a.cue):
            if att.speaker is None:
                continue
            tok = _antecedent(self.doc[att.speaker])
            if tok.i != att.speaker:
                att.speaker, att.source = tok.i, _head_range(tok)
            if tok.lower_ in _PRONOUN_FORMS and att.speaker not in self.tok_ent:
                att.entity = self._pronoun(tok, history, att)
            else:
                att.entity = self._named(att)
            cue = self.doc[att.cue]
            if att.entity is not None and (cue.tag_ != "VBN" or any(c.lower_ in _HAVE for c in cue.children)):
                # ("Asked by ABC's Jonathan Karl whether ..., he said": the asker is not "he")
                history.append((self.sent_of[tok.i], att.entity, tok.i))
                self.spoke_until[tok.i] = self._last_sentence(att, self.sent_of[tok.i])
            else:
                att.written = att.written or self._written(att)

    def _in_passing(self, speaker: int) -> bool:
        """The speaker is the subject of a clause below its sentence's main verb."""
        verb = self.doc[speaker].head
        return verb.dep_ != "ROOT" and verb.dep_ != "conj"

    def _last_sentence(self, att: Attribution, first: int) -> int:
        """The sentence where what ``att`` says ends: a quotation can go on for sentences."""
        if not att.content:
            return first
        end = max(b for _, b in att.content)
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        return max(first, self.sent_of[span.start]) if span is not None else first

    def _written(self, att: Attribution) -> str | None:
        """The source as the article words it, when it names no entity of the article but
        is a speaker in its own right: a group ("critics", "Republican congressional
        sources"), someone new ("a White House official") or a document ("the report").
        Not a pronoun, and not "the senator" (someone named whom we could not tell)."""
        assert att.speaker is not None and att.source is not None
        head = self.doc[att.speaker]
        if _quantified(head):
            return self._phrase(att)  # "48 % of Republican voters said"
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in _PRONOUN_FORMS:
            return None
        lemma = head.lemma_.lower()
        singular = head.tag_ not in ("NNS", "NNPS")
        if lemma in HUMAN_ROLES and singular and _definite(head) or not head.text[:1].isalpha():
            return None
        known = lemma in HUMAN_ROLES or lemma in SOURCE_NOUNS or _agent_noun(head)
        if head.pos_ == "NOUN" and not known:
            return None  # "the pockets think": a parse gone wrong, not a speaker
        return self._phrase(att)

    def _phrase(self, att: Attribution) -> str | None:
        assert att.source is not None
        lo, hi = att.source
        head = self.doc[att.speaker] if att.speaker is not None else None
        if head is not None and _quantified(head):  # the "of" phrase says who the share is of
            hi = max(hi, head.right_edge.i + 1)
        if head is not None:  # "Cruz and Bush"
            hi = max([hi, *(c.i + 1 for c in head.children if c.dep_ == "conj" and c.i in self.tok_ent)])
        span = self.doc[lo:hi]
        return span.text.strip(" ,;:\"“”'’") if len(span) <= 8 else None

    # -- names, roles, possessors ---------------------------------------------------

    def _named(self, att: Attribution) -> int | None:
        assert att.speaker is not None
        head = self.doc[att.speaker]
        named = self._apposed(head)
        if named is not None:
            return named  # "the former senator Rick Santorum", "the press secretary, Josh Earnest,"
        if self._conjoined(head):
            return None  # "Cruz and Bush proposed ...": both of them (kept as written)
        if att.speaker in self.tok_ent:
            ent = self.tok_ent[att.speaker]
            start = min(att.source[0], head.left_edge.i) if att.source else head.left_edge.i
            outside = self._outside(att)
            last = self._recent(start, self._is_person, where=outside)
            role = head.pos_ == "NOUN" and head.text.islower()  # "the senator"; not "Trump" tagged a noun
            if (
                role and last not in (None, ent) and self._last_quoted(head, outside) != ent
                and not self._known_otherwise(last, head.lemma_.lower())
            ):
                return None  # "the senator" just after another person was named: can't tell
            return ent
        owner = self._possessor(head)
        if owner is not None:
            return owner
        if (head.pos_ == "PROPN" or head.text.istitle()) and (by_name := self._by_name(head)) is not None:
            return by_name  # also a name the tagger took for a noun or adjective ("Jindal warned")
        if head.pos_ in ("NOUN", "PROPN") and head.tag_ not in ("NNS", "NNPS"):
            return self._role_holder(head, att)
        return None

    def _known_otherwise(self, ent: int | None, role: str) -> bool:
        """Whether the article gave ``ent`` roles or titles, none of them ``role``: "North Korean
        leader Kim …" named since does not make "the president" ambiguous."""
        held = [r for table in (self.roles, self.titles) for r, ents in table.items() if ent in ents]
        return bool(held) and role not in held

    def _outside(self, att: Attribution) -> Callable[[int], bool]:
        """Whether a token is outside what is said: who speaks is not named in it ("... push Trump out")."""
        doc = self.doc
        return lambda i: not any(a <= doc[i].idx < b for a, b in att.content)

    def _apposed(self, head: Token) -> int | None:
        for child in head.children:
            ent = self.tok_ent.get(child.i)
            if child.dep_ == "appos" and ent is not None and self.types.get(ent) == "PERSON":
                return ent
        return self._apposed_last(head)

    def _apposed_last(self, head: Token) -> int | None:
        """ "the chairman of the Texas Commission on Environmental Quality, Bryan Shaw, said": a
        name set off by commas at the end of a role's "of" phrase names the role (the parser
        hung it on the last noun of the phrase)."""
        if head.pos_ != "NOUN":
            return None
        tok = head
        while (nxt := next((c for c in tok.children if c.dep_ in ("prep", "pobj")), None)) is not None:
            tok = nxt
            for child in tok.children:
                ent = self.tok_ent.get(child.i)
                if (
                    child.dep_ == "appos" and ent is not None and self.types.get(ent) == "PERSON"
                    and head.right_edge.i - child.right_edge.i in (0, 1) and self._set_off(child)
                ):
                    return ent
        return None

    def _set_off(self, tok: Token) -> bool:
        """Whether a phrase stands between commas (or a comma and the sentence's end)."""
        lo, hi = tok.left_edge.i, tok.right_edge.i
        after = self.doc[hi + 1].text if hi + 1 < len(self.doc) else ","
        return lo > 0 and self.doc[lo - 1].text == "," and after == ","

    def _conjoined(self, head: Token) -> bool:
        return any(c.dep_ == "conj" and c.i in self.tok_ent for c in head.children)

    def _by_name(self, head: Token) -> int | None:
        """A name the recogniser missed ("Walker said"): the entity, named before, whose
        name has that word."""
        return self._recent(head.i, lambda e: head.text in self.name_words.get(e, ()), window=10**6)

    def _is_person(self, ent: int) -> bool:
        return self.types.get(ent) == "PERSON"

    def _possessor(self, head: Token) -> int | None:
        """ "Mr. Moon's office", "the Cruz campaign", "leaders Mitch McConnell and ...": the person
        or organisation owning or naming the source (not a place or a body describing it:
        "the Texas senator" and "Senate Republican leaders" are no one's)."""
        for child in head.children:
            ent = self.tok_ent.get(child.i)
            kind = self.types.get(ent) if ent is not None else None
            if child.dep_ == "appos" and kind in ("PERSON", "ORG"):
                return ent  # "Senate leaders Mitch McConnell and John Cornyn": who they are
            if child.dep_ == "poss" and kind in ("PERSON", "ORG"):
                return ent
            if child.dep_ == "compound" and child.pos_ == "PROPN" and kind == "PERSON":
                return ent  # "the Cruz campaign"; not "Senate Republican leaders"
        return None

    def _role_holder(self, head: Token, att: Attribution) -> int | None:
        role = head.lemma_.lower()
        outside = self._outside(att)

        holders = (
            self.roles.get(role, set()) | self.titles.get(role, set()) | self.titles.get(head.lower_, set())
        )
        if holders:
            # the holder, unless another person was named since: "Paul had said ... The senator
            # also accused ..." may be Paul, whose title the article never gave
            last = self._recent(head.i, self._is_person, where=outside)
            if last in holders:
                return last
            return self._subject_holder(head, holders, outside) or self._last_quoted(head, outside)
        if role in _BODIES and _definite(head) and head.tag_ == "NN":
            # "Islamic State claimed responsibility … The group said": the body just named
            return self._only_body(head.i, outside)
        if role not in HUMAN_ROLES or not _definite(head):
            return None  # "a woman told Cruz": someone new, not anyone named before
        # "the barrister", "the senator": the person just named, of the role's gender if it has one
        just_named = self._recent(
            head.i, lambda e: self._fits_role(e, ROLE_GENDER.get(role)), window=2, where=outside
        )
        return just_named if just_named is not None else self._last_quoted(head, outside)

    def _only_body(self, before: int, outside: Callable[[int], bool]) -> int | None:
        """The one organisation named in this sentence and the one before (none when two are)."""
        floor = self.sent_of[before] - 1
        found = {
            ent for i, ent in self.named[: bisect_left(self.named_tokens, before)]
            if self.sent_of[i] >= floor and outside(i) and self.types.get(ent) == "ORG"
        }
        return found.pop() if len(found) == 1 else None

    def _subject_holder(self, head: Token, holders: set[int], outside: Callable[[int], bool]) -> int | None:
        """ "Cruz sought to tie Obama’s record to ... “...,” said the Texas senator": the holder of the
        role who is the subject of this sentence or the one before, though someone else was named since."""
        k = self.sent_of[head.i]
        for sent in self.sents[max(0, k - 1) : k + 1]:
            for child in sent.root.children:
                ent = self.tok_ent.get(child.i)
                if child.dep_ in _SUBJ and child.i < head.i and outside(child.i) and ent in holders:
                    return ent
        return None

    def _last_quoted(self, head: Token, outside: Callable[[int], bool]) -> int | None:
        """ "“...,” the Florida senator said" right after Rubio was quoted, with nobody else named
        since: the speaker the story is with (of the role's gender, if it has one)."""
        if not _definite(head) or head.lemma_.lower() not in HUMAN_ROLES or head.tag_ in ("NNS", "NNPS"):
            return None
        k, gender = self.sent_of[head.i], ROLE_GENDER.get(head.lemma_.lower())
        for sent, ent, tok in reversed(self.history):
            if tok >= head.i:
                continue
            if sent < k - _HISTORY:
                break
            if not self._is_person(ent):
                continue  # "Republicans want to deny ...": a group between, no one "the senator" is
            if not self._fits_role(ent, gender):
                return None
            return ent if self._nobody_since(head.i, ent, tok, k - sent, outside) else None
        return None

    def _nobody_since(
        self, before: int, ent: int, after: int, window: int, outside: Callable[[int], bool]
    ) -> bool:
        """No person but ``ent`` named between tokens ``after`` and ``before`` (outside what is said)."""

        def other(e: int) -> bool:
            return self._is_person(e) and e != ent

        def between(i: int) -> bool:
            return i > after and outside(i)

        return self._recent(before, other, window=window, where=between) is None

    def _fits_role(self, ent: int, gender: str | None) -> bool:
        return self.types.get(ent) == "PERSON" and (gender is None or self.genders.get(ent, gender) == gender)

    def _recent(
        self,
        before: int,
        fits: Callable[[int], bool],
        window: int = _ROLE_WINDOW,
        where: Callable[[int], bool] | None = None,
    ) -> int | None:
        """The entity named last before token ``before``, within ``window`` sentences, that ``fits``."""
        floor = self.sent_of[before] - window
        pos = bisect_left(self.named_tokens, before)
        for i, ent in reversed(self.named[:pos]):
            if self.sent_of[i] < floor:
                break
            if fits(ent) and (where is None or where(i)):
                return ent
        return None

    # -- pronouns -------------------------------------------------------------------

    def _relative_antecedent(self, tok: Token) -> int | None:
        """The entity a relative clause holding the pronoun hangs from ("Rubio, who ... his")."""
        node = tok
        for _ in range(6):
            if node.dep_ == "relcl":
                return self.tok_ent.get(node.head.i)
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _sentence_subject(
        self, tok: Token, word: str, att: Attribution, outside: Callable[[int], bool]
    ) -> tuple[int, int] | None:
        """(token, entity) of the compatible subject of this sentence or the one before."""
        k = self.sent_of[tok.i]
        # the sentences before a quotation of several that the cue follows are the ones before
        # its first ("Bush criticised ... “... . This is a serious problem,” he said")
        opened = self._quote_opened(att, k)
        # back through sentences whose subject is the same pronoun ("Cruz ploughed on. Citing
        # ..., he deployed ... '...,' he said"), to the one that names it
        for back in range(_HISTORY + 1):
            at = k if back == 0 else opened - back
            if at < 0:
                break
            sent = self.sents[at]
            subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
            for child in subjects:
                if not outside(child.i):
                    continue
                owner = self.tok_ent.get(child.i)
                if owner is not None and self._compatible(tok, owner):
                    return child.i, owner
                if owner is None and word == "they" and child.tag_ == "NNS":
                    # "Conservative pundits dredge up ...; they argue": the group, as written
                    att.written = self.doc[_head_range(child)[0] : child.i + 1].text
                    return None
            if back >= 1 and not any(c.lower_ == tok.lower_ for c in subjects):
                break  # that sentence is about someone else
        return None

    def _quote_opened(self, att: Attribution, k: int) -> int:
        """The sentence a direct quotation ending in sentence ``k`` began in (``k`` if none)."""
        if not att.direct:
            return k
        first = min(att.content[i][0] for i in att.direct)
        start = self.doc.char_span(first, first + 1, alignment_mode="expand")
        return min(k, self.sent_of[start.start]) if start is not None else k

    def _compatible(self, pronoun: Token, ent: int) -> bool:
        kind = self.types.get(ent)
        word = _FORMS.get(pronoun.lower_, pronoun.lower_)
        if word in _PERSONAL:
            if kind != "PERSON" and ent not in self.genders:
                return False  # an organisation, unless "Mr Holt" shows the recogniser mistyped him
            g = GENDER.get(word)
            return g is None or self.genders.get(ent, g) == g
        if word == "it":
            return kind in ("ORG", "GPE")  # "Democrats" are a "they", not an "it"
        return kind in _GROUP_TYPES  # they, we: a group (one person is no "they")

    def _named_since(
        self, tok: Token, quoted: tuple[int, int], outside: Callable[[int], bool]
    ) -> tuple[int, int] | None:
        """A compatible person named after the last quote's speaker, in a later sentence,
        and before ``tok``: the story moved on to them ("... citing his 'warm' relations. It
        was an embarrassment for Mr. Kim, who ... He later said ...")."""
        doc = self.doc
        first, last = bisect_left(self.named_tokens, quoted[0] + 1), bisect_left(self.named_tokens, tok.i)
        # "she added" after Clinton spoke, with Cruz named since: Clinton's, when she is known to
        # be a she and Cruz is not known to be either
        gender = GENDER.get(_FORMS.get(tok.lower_, tok.lower_))
        known = gender is not None and self.genders.get(quoted[1]) == gender
        for i, ent in reversed(self.named[first:last]):
            if self.sent_of[i] <= self.sent_of[quoted[0]] or self.sent_of[i] < self.sent_of[tok.i] - 1:
                break
            if (ent != quoted[1] and self.types.get(ent) == "PERSON" and self._compatible(tok, ent)
                    and outside(i) and doc[i].dep_ != "compound" and not (known and ent not in self.genders)):
                return i, ent
        return None

    def _pronoun(self, tok: Token, history: list[tuple[int, int, int]], att: Attribution) -> int | None:
        word = _FORMS.get(tok.lower_, tok.lower_)
        if word in ("i", "we"):
            return None  # the writer's own "I reported", "we talk about" (cues in quotes are gone)
        k = self.sent_of[tok.i]
        recent = [
            (i, e) for s, e, i in reversed(history)
            if k - _HISTORY <= self.spoke_until.get(i, s) and s <= k and self._compatible(tok, e)
        ]
        # "Clinton said ... While Cruz railed against ..., “...,” she added": the speaker known to
        # be a she before one named in passing, in a subordinate clause, whose gender the article
        # does not tell (a main clause's "Cuccinelli denied ... “...,” he said" stays his)
        gender = GENDER.get(word)
        known = [(i, e) for i, e in recent if gender is not None and self.genders.get(e) == gender]
        passing = bool(recent) and recent[0][1] not in self.genders and self._in_passing(recent[0][0])
        quoted = known[0] if known and passing else next(iter(recent), None)
        doc = self.doc
        outside = self._outside(att)
        if quoted is not None and word in _PERSONAL:
            quoted = self._named_since(tok, quoted, outside) or quoted
        antecedent = self._relative_antecedent(tok) if tok.dep_ == "poss" else None
        if antecedent is not None and self._compatible(tok, antecedent):
            return antecedent  # "Rubio, who used the debate to reinforce his claim ..."
        subject = self._sentence_subject(tok, word, att, outside)
        # the later of the two: a person made the subject after the last quote takes over
        # ("Christie, meanwhile, was unimpressed. '...,' he said")
        # ("Cruz connected Trump to ... “...,” he said": the subject, not a name after it in its sentence)
        if subject is not None and (quoted is None or self.sent_of[subject[0]] >= self.sent_of[quoted[0]]):
            return subject[1]
        if quoted is not None or att.written:
            return quoted[1] if quoted is not None else None
        if word in ("they", "we"):
            # "They say ...": the group named last, in this sentence or the one before
            # only a group that did something there, not a place named ("to the White House")
            return self._recent(
                tok.i,
                lambda e: self.types.get(e) in ("NORP", "ORG"),
                window=1,
                where=lambda i: outside(i) and _SUBJ & {doc[i].dep_, doc[i].head.dep_} != set(),
            )
        if word not in _PERSONAL:
            return None
        # not a name used as a modifier: "the Obama administration" names no one "he" can be
        def named_here(i: int) -> bool:
            return outside(i) and (doc[i].dep_ != "compound" or doc[i].head.i in self.tok_ent)

        return self._recent(tok.i, lambda e: self._compatible(tok, e), where=named_here)


def resolve_speakers(
    doc: Doc,
    sentences: tuple[list[Span], list[int]],
    entities: list[LocalEntity],
    mentions: list[EntityMention],
    atts: list[Attribution],
) -> None:
    """Set ``entity`` on each attribution whose source can be tied to one entity."""
    _Speakers(doc, sentences, entities, mentions).resolve(atts)
