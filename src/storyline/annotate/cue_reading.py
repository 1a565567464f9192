"""Reading one cue from the parse: its source (subject, inverted subject, agent, the object of
"according to"), its content (clausal complement, the clause it interrupts or trails, the
question of "asked") and the character ranges both cover."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..types import MONTH_NAMES, WEEKDAY_NAMES
from .attribution import SPEECH_VERBS, Attribution
from .attribution_cues import (
    ADJECTIVE_CUES,
    DOCUMENTS,
    RAISING,
    TALKING,
    cue_class,
    is_raising,
    retort,
    verb_content,
    words,
)
from .speakers import HUMAN_ROLES, SOURCE_NOUNS

_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "who"})
_PERSONAL = frozenset({"he", "she", "i", "who"})
_SUBJECTS = frozenset({"nsubj"})
_ADVERBIAL_MARKS = frozenset(
    words("as when while because after before although though since until once if unless whereas")
)
_HEADLINE_MARKS = frozenset("'‘\"“")
_HEADLINE_CLOSE = re.compile("['’\"”](?=\\s|$)")
_VERB_FRAME = frozenset({"aux", "auxpass", "nsubj"})  # a VBN without these: reduced passive
_INVERTED_DEPS = frozenset({"dobj", "npadvmod", "attr", "dep", "nsubj"})
_CLIMB = frozenset({"advcl", "xcomp", "conj", "acomp"})  # acomp: "voters are likely to say"
_DASHES = frozenset({"—", "–", "--"})

# verbs whose "it" stands for the infinitive after them ("it takes a day to ...", "it helps to ...")
_EXTRAPOSING = frozenset({"be", "take", "help", "become"})
_CONTENT_DEPS = frozenset({"ccomp"})
# verbs whose infinitive complement is what was said ("pledged to establish ...")
_XCOMP_VERBS = frozenset({"promise", "pledge", "vow", "urge", "ask", "tell", "warn", "advise", "propose"})
_TRIM = " \t\n\r\xa0,.;:—–-\"“”‘’'"


def _trimmed(doc: Doc, text: str, start_tok: int, end_tok: int) -> tuple[int, int] | None:
    """Character range of tokens ``start_tok:end_tok`` without edge punctuation.
    (``text`` is ``doc.text``, passed in because ``Doc.text`` rebuilds the string.)"""
    k = end_tok
    while k - 1 > start_tok and (doc[k - 1].is_punct or doc[k - 1].dep_ == "cc"):
        k -= 1
        if doc[k].dep_ == "cc":
            end_tok = k  # "claimed the package had been made for him and, indeed, ...": no "and"
    if start_tok >= end_tok:
        return None
    a, b = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
    while b + 1 < len(text) and text[b] == "-" and text[b + 1].isalnum():
        b += 1  # "pre-ordered" split by the parser: the whole word
        while b < len(text) and text[b].isalnum():
            b += 1
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if a < b else None


def token_runs(doc: Doc, text: str, tokens: list[int]) -> list[tuple[int, int]]:
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


# verbs whose subject issues what their object says: "issued a statement", "launched an attack"
_ISSUING = words(
    "make issue release launch unleash level offer express voice give deliver post tweet send put publish "
    "file lodge raise renew repeat air pen sign circulate distribute run have hold share send draft author "
    "co-author write carry wave heap pile hurl lob mount escalate intensify sharpen"
)
# what is issued and says things itself: "issued a statement saying", "released an ad that urges"
_ISSUED = words(
    "statement ad advertisement video letter release memo tweet post report op-ed spot email e-mail story "
    "paper article column editorial book message sign placard banner"
)


def issuer(noun: Token) -> Token | None:
    """The subject of the verb that issues ``noun`` ("Trump launched an attack against ...",
    "the DNC issued a statement ...") or acts "in" it ("voted in favor of"), or None."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        verb = verb.head  # "voted in favor of", "came out in defense of": the voter's stance
    elif noun.dep_ == "pobj" and verb.lower_ == "with" and verb.head.pos_ == "VERB":
        subj = _subject(verb.head)  # "Warren roused the crowd with criticism of ...": hers
        return subj if subj is not None and _someone(subj) else None
    elif noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _ISSUING:
        return None
    subj = _subject(verb)
    return subj if subj is not None and subj.i != noun.i else None


def _subject(verb: Token) -> Token | None:
    if (reporter := trailing_reporter(verb)) is not None:
        return _subject(reporter)  # "Carson said he saw no need …, telling ABC that …": Carson told
    if (doer := _small_clause_doer(verb)) is not None:
        return doer
    node, came = verb, ""
    for _ in range(4):
        # the subject next to the verb when the parser gave it two ("“... they’ re ... ,” Cruz said")
        # "calling Obama “clueless”": a participle's object read as the subject of a small clause
        if _quoted_by(verb, node) and node.head.i != node.i:
            node = node.head  # '..., telling the crowd, “Some people get ...”': the parser hung the cue in it
            continue
        subjects = [
            c for c in node.children if c.dep_ in _SUBJECTS and not (node.tag_ == "VBG" and c.i > node.i)
        ]
        if subjects:
            subj = min(subjects, key=lambda c: abs(c.i - node.i))
            if _in_capacity(subj, node):
                node, came = node.head, "conj"  # "Cruz called ..., and as a senator has supported": Cruz
                continue
            if came == "advcl" and subj.lower_ == "it" and node.lemma_ == "be":
                return _cleft_subject(node, verb)  # "It was at the conference that Swanson ..., pointing"
            if subj.lower_ == "it" and node is not verb and (came == "acomp" or node.lemma_ in _EXTRAPOSING):
                return None  # "it is hard to imagine", "it takes this long to confirm": no one
            return subj if came != "pcomp-far" or _someone(subj) else None
        if (has := _has_said(node)) is not None:
            return has
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if node.dep_ == "acl" and (sender := _sender(node.head)) is not None:
                return sender  # "emailed supporters saying": the sender's words, not the supporters'
            if _held_chance(node):
                return _subject(node.head.head)  # "Trump has a rare chance to show that ...": Trump
            by = issuer(node.head) if node.head.lemma_.lower() in _ISSUED else None
            if by is None and not _can_speak(node.head):
                # "Cruz's refusal to disavow": Cruz's; "a decision to ...": no one's
                return next((c for c in node.head.children if c.dep_ == "poss"), None)
            return by or node.head  # "the DNC issued a statement saying ...": the DNC's words
        if came.startswith("pcomp") and (done := _passive_subject(node)) is not None:
            # "she was booed after telling ...": she told
            return done if came == "pcomp" or _someone(done) else None
        if node is not verb and came == "xcomp" and (raised := _raised_subject(node)) is not None:
            return raised  # "Others could be heard calling ...", "he was asked to explain": theirs
        if any(c.dep_ in ("nsubjpass", "expl", "auxpass") for c in node.children) or _reduced_passive(node):
            return _agent(node)  # "when it was pointed out that ...": nobody; "asked by X": X
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "by arguing that ..."
            held = _gerund_holder(node.head.head)
            if held is not None and held.pos_ not in ("VERB", "AUX"):
                return held if _someone(held) else None  # "his policy of not attacking Trump": his
            if held is None:
                return None
            # only a name or pronoun is taken for the doer when the preposition is on a noun
            came, node = ("pcomp" if held.i == node.head.head.i else "pcomp-far"), held
            continue
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            return None
        if node.dep_ == "conj" and _in_closed_quote(node.head, verb):
            return None  # '“We were wrong ...,” Ramos, 58, told AFP': not the quotation's "We"
        if node.dep_ == "advcl" and node.tag_ in ("VBD", "VBZ", "VBP"):
            return None  # "after the candidate Ted Cruz said ..., comments ... suggested": its own subject
        came, node = node.dep_, node.head
    return None


def _past_dateline(subj: Token | None) -> Token | None:
    """ "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told": the name after
    a dateline, which the parser takes for the subject with the name as its apposition."""
    if subj is None or subj.pos_ != "PROPN":
        return subj
    doc = subj.doc
    start = subj.left_edge.i
    if start > 0 and "\n" not in doc[start - 1].text:
        return subj  # a dateline opens its paragraph
    dash = next((t.i for t in doc[subj.i + 1 : subj.i + 12] if _dash(t)), None)
    if dash is None:
        return subj
    head = doc[start:dash]
    if not (subj.is_upper and len(subj) > 2 or any(t.text == "(" for t in head)):
        return subj  # "CLEVELAND, ... —", "New York (AFP) –": a place in capitals or an agency
    after = next((c for c in subj.children if c.dep_ == "appos" and c.i > dash), None)
    return after if after is not None else subj


def _dash(tok: Token) -> bool:
    """A dash between words (not the hyphen of "D-Ga." or "co-author")."""
    if tok.text in _DASHES:
        return True
    return tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _small_clause_doer(verb: Token) -> Token | None:
    """ "have left 62 percent of voters saying ...", "heard the crowd chanting", "ended with Maddow
    asking": the object right before a participle with no comma between them is who does it, not
    the main verb's subject."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or verb.head.i > verb.i:
        return None
    if verb.doc[verb.i - 1].is_punct:
        return None  # "decried that math, saying": the subject's words
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == verb.i), None)
    if obj is None:  # "ended with Maddow asking", "ends with a voice over saying"
        with_obj = (
            p for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children if p.dep_ == "pobj" and p.right_edge.i + 1 == verb.i
        )
        found = next(with_obj, None)
        return found if found is not None and _can_speak(found) else None
    share = obj.ent_type_ in ("PERCENT", "CARDINAL") or any(c.dep_ == "nummod" for c in obj.children)
    return obj if share or _someone(obj) and obj.lower_ != "it" else None  # not "sent a tweet saying"


_SENDING = words("email e-mail send text mail write tweet message")


def _sender(noun: Token) -> Token | None:
    """Who sent something to ``noun``: the subject of "emailed supporters", "sent a text to
    supporters"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "to":
        verb = verb.head
        if verb.pos_ == "NOUN":
            verb = verb.head  # "sent out a text message to supporters"
    elif noun.dep_ not in ("dobj", "dative"):
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SENDING:
        return None
    subj = _subject(verb)
    return subj if subj is not None and _can_speak(subj) else None


def _in_capacity(subj: Token, verb: Token) -> bool:
    """ "and as a senator has supported ...": a role after "as" that the parser read as the subject of
    a verb joined to one with its own subject."""
    k = subj.left_edge.i - 1
    mark = subj.doc[k] if k >= 0 else None
    return (
        mark is not None and mark.lower_ == "as" and mark.head.i == verb.i and verb.dep_ == "conj"
        and subj.pos_ == "NOUN" and any(c.dep_ == "nsubj" for c in verb.head.children)
    )


def _sent_start(tok: Token) -> int:
    """Index of the first token of ``tok``'s sentence (``Token.sent`` walks the whole Doc)."""
    k = tok.i
    while k > 0 and not tok.doc[k].is_sent_start:
        k -= 1
    return k


def _in_closed_quote(node: Token, verb: Token) -> bool:
    """Whether ``node`` is inside a quotation that closes before ``verb``."""
    doc = verb.doc
    closes = [t.i for t in doc[node.i + 1 : verb.i] if t.tag_ == "''"]
    opens = [t for t in doc[_sent_start(node) : node.i] if t.tag_ in ("``", "''")]
    return bool(closes) and bool(opens) and opens[-1].tag_ == "``"


def _quoted_by(verb: Token, node: Token) -> bool:
    """Whether ``node`` is in a quotation that opens after ``verb``."""
    return node.i > verb.i and any(t.text in _OPENERS for t in verb.doc[verb.i + 1 : node.i])


_OPENERS = frozenset({"\u201c", '"', "``"})


def _cleft_subject(be: Token, verb: Token) -> Token | None:
    """Who does a participle hung on "it was": the named or personal subject of a clause of that
    "be" before the participle ("It was at the conference that Swanson delivered his tirade,
    pointing to ...", "It was a potent punch, as Mrs. Clinton echoed the criticism, saying"), else
    no one (not "it")."""
    inside = {t.i for t in verb.subtree}
    subjects = [
        t for t in be.subtree
        if t.dep_ == "nsubj" and t.head is not be and t.i < verb.i and t.i not in inside and _someone(t)
    ]
    return subjects[-1] if subjects else None


# passives whose subject does what the infinitive or participle says: "was heard saying", "was
# pressed to explain" (not "is expected to", "was not authorized to": no one says anything yet)
_MADE_TO = words("hear see catch quote film record ask press urge pressure push force compel oblige invite")


_PERSONS = frozenset(
    {"he", "she", "they", "i", "we", "you", "who", "his", "her", "their", "my", "our", "your"}
)


def _someone(tok: Token) -> bool:
    """A name or a personal pronoun: who a gerund's doer can be taken to be without its clause
    saying so ("the cost of defending it": no one)."""
    return tok.pos_ == "PROPN" or tok.lower_ in _PERSONS


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject of ``verb``, not an empty one ("it was said that")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj if subj is not None and subj.lower_ not in ("it", "that", "this", "there", "what") else None


_TO_CLAUSE = frozenset({"pobj", "prep", "dobj", "acomp", "advmod", "attr", "oprd"})


def _gerund_holder(word: Token) -> Token | None:
    """Who does a gerund after a preposition on ``word``: the owner of a noun ("their strategy
    of attacking him"), else the verb of the clause the word is in ("stopped short of
    endorsing", "was jailed on suspicion of supporting"), whose subject does it; None when the
    word is in a subject ("the cost of defending it is high": no one named)."""
    owner = next((c for c in word.children if c.dep_ == "poss"), None)
    if word.pos_ in ("NOUN", "PROPN") and owner is not None:
        return owner
    node = word
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.dep_ not in _TO_CLAUSE or node.head.i == node.i:
            return None
        node = node.head
    return None


def _raised_subject(verb: Token) -> Token | None:
    """The passive subject of a verb whose infinitive or participle it does ("was heard saying")."""
    return _passive_subject(verb) if verb.lemma_.lower() in _MADE_TO else None


def _can_speak(noun: Token) -> bool:
    """A name, a pronoun, a person's role, a source, a document or a share of people ("with 50
    percent saying"): what can say something."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ != "NOUN" or noun.tag_ == "NNS" or lemma in HUMAN_ROLES or lemma in SOURCE_NOUNS
        or lemma in _ISSUED or lemma in DOCUMENTS or lemma in _SHARES
    )


_SHARES = words("percent majority minority plurality half third quarter share")


def _held_chance(clause: Token) -> bool:
    """ "has a rare chance to show", "took the opportunity to comment": an infinitive on the
    common-noun object of a verb, done by that verb's subject, not by the noun."""
    noun = clause.head
    return (
        noun.dep_ == "dobj"
        and noun.pos_ == "NOUN"
        and noun.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


_REPORTER = frozenset({"he", "she", "they", "i", "we"})


def bare_report(first: Token) -> tuple[Token | None, Token | None]:
    """(verb, subject) of a clause opening at ``first`` that is only a name or pronoun and a
    past or present verb with nothing after them but an adverbial ("Toomey fumed", "reacted
    Trump", "she snapped back on Monday"), else (None, None)."""
    verb = first if first.pos_ == "VERB" else first.head if first.head.pos_ == "VERB" else None
    if verb is None or verb.tag_ not in ("VBD", "VBZ") or verb.i < first.i:
        return None, None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj", "npadvmod", "attr")), None)
    if subj is None:
        return None, None
    written = verb.lemma_.lower() == "read" and (subj.lower_ == "it" or subj.pos_ == "NOUN")
    if not (subj.pos_ == "PROPN" or subj.lower_ in _REPORTER or written):  # '“...,” the sign read'
        return None, None
    if subj.dep_ != "nsubj" and subj.i < verb.i:
        return None, None
    if first.i not in (verb.i, subj.left_edge.i):
        return None, None  # '“...,” in which he doubled down
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i and c.i != subj.i for c in verb.children):
        return None, None  # "Trump won the state": a clause of its own
    return verb, subj


_TAIL_DEPS = frozenset({"advcl", "conj"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl"})


def trailing_reporter(tok: Token) -> Token | None:
    """The speech verb of "Carson said he saw no need to change …, telling ABC that …" or "Paul
    said Rubio's plan would give money …, and called him …" for "telling" and "called": a cue
    with no subject of its own set after a comma at the end of the reported clause, which the
    parser hangs inside that clause; it is the speaker's next words, not part of what was said."""
    doc = tok.doc
    if tok.dep_ not in _TAIL_DEPS or tok.i < tok.head.i or tok.pos_ != "VERB" or tok.left_edge.i != tok.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return None
    if tok.dep_ == "advcl" and tok.tag_ != "VBG" or cue_class(tok, SPEECH_VERBS) is None:
        return None
    reporter = _reporter_above(tok)
    if reporter is None:
        return None
    k = tok.i - 1
    while k > 0 and doc[k].is_quote:
        k -= 1  # '... maniacal,” adding, “He lost ...”': the comma inside the closing mark
    if k > 0 and tok.dep_ == "conj" and doc[k].dep_ == "cc":
        # "she admires his determination and highlighted …": the speech verb's tense, not the clause's
        if tok.tag_ == reporter.tag_ != tok.head.tag_:
            return reporter
        k -= 1  # ", and called him"
    return reporter if k > 0 and doc[k].text == "," else None


def _reporter_above(tok: Token) -> Token | None:
    node = tok.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.i < node.i and node.head.lemma_.lower() in SPEECH_VERBS:
            return node.head
        if node.dep_ not in _REPORTED_DEPS:
            return None
        node = node.head
    return None


def _has_said(verb: Token) -> Token | None:
    """ "He's said he gets his ideas ...": the parser reads the "'s" of "has" as a passive
    "is"; its subject is the speaker (not in "it's said that": no one)."""
    if not any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj if subj is not None and subj.lower_ not in ("it", "that", "this", "there") else None


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
    """ "a video called “Freedom”", "a group known as": a participle naming a thing, not a cue;
    "That said, ...": a linking phrase, nobody's words."""
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children):
        return True
    doc, i = verb.doc, verb.i
    return (
        verb.lower_ == "said" and 0 < i < len(doc) - 1 and doc[i + 1].text == ","
        and doc[i - 1].lower_ in ("that", "this") and bool(doc[i - 1].is_sent_start)
    )


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., \" quipped McCain": a name right after a speech verb that opens its clause
    after a quotation (the parser often reads it as the object)."""
    before = verb.doc[verb.i - 1] if verb.i else None
    if before is None or not (before.is_punct or before.is_quote) or verb.lemma_.lower() in _TOLD:
        return None  # "..., told CNN": whom he told, never inverted
    if verb.tag_ == "VBG":
        return None  # "..., describing Obamacare as ...": what a participle is about, never its subject
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head.i != verb.i and nxt.head.head.i != verb.i:
        return None
    head = nxt if nxt.head.i == verb.i else nxt.head
    if head.pos_ == "PROPN" and head.dep_ in _INVERTED_DEPS:
        return head
    # '“...,” said Skelly, explaining he ...': the name read as the subject of the next verb
    return nxt if nxt.pos_ == "PROPN" and nxt.dep_ == "nsubj" and head.head.i == verb.i else None


_NOT_NAMES = frozenset(w.lower() for w in (*WEEKDAY_NAMES, *MONTH_NAMES))
_LEFT_NOMINAL_DEPS = frozenset({"nsubj", "appos", "conj", "compound", "npadvmod", "ROOT", "dep"})


_TOLD = words("tell inform assure")
_TRAILING = " ,;\u201d\"'\u2019"
_CLOSERS = ("\u201d", '"')


def _cut_before(att: Attribution, start: int, text: str) -> None:
    """What was said ends before its speaker, where the parser ran it on to him."""
    cut = []
    for a, b in att.content:
        if a < start < b:
            b = start
            while b > a and text[b - 1] in _TRAILING:
                b -= 1
        cut.append((a, b))
    att.content = [(a, b) for a, b in cut if b > a]


def _described_before(verb: Token) -> Token | None:
    """ '“...,” Trump, who disputes the science, told CNN': the name whose relative clause or
    apposition ends at the comma before the verb (the parser hung it inside the quotation)."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].is_punct and doc[k].text not in ".!?;:":
        k -= 1
    tok = doc[k] if k >= 0 else None
    for _ in range(8):
        if tok is None or tok.head.i == tok.i or tok.head.i > verb.i:
            return None
        if tok.dep_ in ("relcl", "appos") and tok.head.pos_ == "PROPN" and tok.right_edge.i == k:
            return tok.head
        tok = tok.head
    return None


def _fallback_subject(verb: Token) -> Token | None:
    """The speaker of a finite speech verb the parser left without a subject: a name right
    after it behind a quotation ('“...,” said Skelly, explaining'), or the noun phrase
    right before it ("Senator Harry Reid, the minority leader, said that")."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i else None
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    after_quote = before is not None and (before.is_punct or before.is_quote)
    if after_quote and verb.lemma_.lower() in _TOLD:
        return _described_before(verb)
    if after_quote and nxt is not None and nxt.is_title and nxt.lower_ not in _NOT_NAMES:
        last = nxt.i  # the whole name: "said Jon Doggett, executive vice president ..."
        while last + 1 < len(doc) and doc[last + 1].is_title and not doc[last + 1].is_punct:
            last += 1
        return doc[last]
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    k = verb.i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].pos_ in ("ADV", "AUX") or _age(doc[k])):
        if doc[k].text in ".!?;:":
            break
        k -= 1  # "Marcel Lehel Lazar, 44, said": past the age too
    if k < 0 or doc[k].pos_ not in ("NOUN", "PROPN", "PRON") or doc[k].dep_ not in _LEFT_NOMINAL_DEPS:
        return None
    tok = doc[k]
    while tok.dep_ in ("appos", "compound") and tok.head.i < tok.i and _can_speak(tok.head):
        tok = tok.head  # "Senator Harry Reid, the minority leader, said": the name (not "his plea, Lazar")
    return tok


def _interrupting(verb: Token, text: str) -> Attribution | None:
    """ "The contrast with Trump, said Doyle and others, would be clear": an inverted cue set off
    between a clause's subject and its verb. The parser takes the clause's subject for the cue's
    and the speaker for the subject of the rest; the speaker said the clause around the cue."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    before = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if before is None or clause is None:
        return None
    speaker = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
    if speaker is None:
        return None
    end = speaker.right_edge.i if doc[speaker.right_edge.i].text == "," else speaker.right_edge.i + 1
    if end >= clause.left_edge.i and end >= clause.i or doc[end].text != ",":
        return None  # the speaker's phrase ends at the comma that closes the aside
    skip = {t.i for t in speaker.subtree}
    said = [t.i for t in before.subtree] + [t.i for t in clause.subtree if t.i not in skip]
    att = Attribution(verb.i, verb.lemma_.lower(), source_range(speaker), speaker.i, cue_class="speech")
    att.content = token_runs(doc, text, sorted(said))
    return att


def _antecedent(subj: Token | None) -> Token | None:
    """ "a headline that said", "released a video that said": what the relative "that" stands
    for, or who issued it when it is a document."""
    if subj is None or subj.lower_ != "that" or subj.head.dep_ != "relcl":
        return subj
    noun = subj.head.head
    issued = noun.lemma_.lower() in _ISSUED
    if noun.pos_ not in ("NOUN", "PROPN") or not (issued or _can_speak(noun)):
        return subj  # "the oil that funds ...": no speaker
    by = issuer(noun) if issued else None
    return by if by is not None and _someone(by) else noun


def _set_off_subject(verb: Token) -> Token | None:
    """ "Sanders, meanwhile, who sits at zero endorsements, said", "Jeffrey Salkin, a Hollywood,
    Fla., rabbi helping to organize the boycott, said": the first name of the clause, set off
    by a comma, when all between it and the verb is the writer's aside about it (the parser
    often hangs the verb elsewhere). Only for a finite verb after a comma with no subject."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    start = first = _sent_start(verb)
    for k in range(first, verb.i):  # after an opening adverbial ("But in a call on Dec. 2,")
        if doc[k].text == "," and not any(_name_word(t) for t in doc[start:k]):
            start = k + 1
    name = next((t for t in doc[start : verb.i - 2] if _name_word(t)), None)
    if name is None:
        return None
    while name.i + 1 < verb.i and _name_word(doc[name.i + 1]):
        name = doc[name.i + 1]
    if doc[name.i + 1].text != "," or name.i + 1 >= verb.i - 1:
        return None
    aside = doc[name.i + 2 : verb.i - 1]
    if any(_own_clause(t, aside.start) for t in aside):
        return None  # "Okafor, the mayor said, ...": a clause of its own between them
    return name


def _name_word(tok: Token) -> bool:
    """A word of a person's or an organisation's name (any proper noun where no entity was found)."""
    if tok.ent_type_:
        return tok.ent_type_ in ("PERSON", "ORG")
    return tok.pos_ == "PROPN" and tok.is_title and tok.lower_ not in _NOT_NAMES


def _own_clause(verb: Token, start: int) -> bool:
    """A finite verb with a subject of its own from ``start`` on that is not a relative pronoun
    ("who sits at ...")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i >= start and c.tag_ not in ("WP", "WDT")
        for c in verb.children
    )


def _age(tok: Token) -> bool:
    return tok.like_num and tok.dep_ == "appos" and tok.text.isdigit() and 16 <= int(tok.text) <= 110


def source_range(tok: Token) -> tuple[int, int]:
    """The source phrase: the subject's subtree without appositions or clauses."""
    left = tok.i
    for child in tok.lefts:
        left = min(left, child.left_edge.i)
    closing = [t.i for t in tok.doc[left : tok.i] if t.tag_ == "''" or _dash(t)]
    if closing:
        left = closing[-1] + 1  # the quotation or dateline before the name, which the parser hung on it
    while left < tok.i and (tok.doc[left].is_punct or tok.doc[left].is_space):
        left += 1
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "prep", "cc", "conj"):
            break
        right = child.right_edge.i + 1
    return left, right


def paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def clip_range(text: str, r: tuple[int, int], para: tuple[int, int]) -> tuple[int, int] | None:
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


def headline_end(text: str, start: int, end: int) -> int:
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


def first_person_after(doc: Doc, colon: int) -> bool:
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
    for other in sent:  # "According to the WSJ, ..., according to industry executives": each its own
        if other.i != tok.i and other.lower_ == "according" and any(c.lower_ == "to" for c in other.children):
            skip.update(t.i for t in other.subtree)
    scope = tok.head if tok.head.dep_ in ("relcl", "acl") and tok.head.pos_ in ("VERB", "AUX") else None
    scope = scope or _clause_ending_before(tok)
    # "Spokespeople for X, who received $6,000 from Holt, according to filings, said ...": the clause
    body = [t.i for t in (scope.subtree if scope is not None else sent) if t.i not in skip]
    lo, hi = source_range(pobj)
    for child in pobj.rights:  # "according to research by Dr Brian Stewart", "a statement from the ministry"
        by = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and by is not None:
            hi = max(hi, source_range(by)[1])
    att = Attribution(tok.i, "according to", (lo, hi), pobj.i, token_runs(tok.doc, text, body))
    att.cue_class = "nominal"
    return att


def _clause_ending_before(tok: Token) -> Token | None:
    """The relative clause that ends at the comma before ``tok``, which the parser hung on the
    main verb instead ("Spokespeople ..., who received $6,000 from Holt, according to filings,
    said ...")."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "," or tok.head.i < tok.i:
        return None  # at the sentence's end it reports the sentence
    for node in doc[tok.i - 2].ancestors:
        if node.dep_ == "relcl" and node.right_edge.i == tok.i - 2 and node.i < tok.i:
            return node
    return None


def _adverbial(clause: Token) -> bool:
    """ "As new evidence emerges, Cruz argued that ...", "During a speech ..., Clinton joked":
    a clause of time, reason or place set before the cue, which the parser may hang on it
    as its complement."""
    first = clause.left_edge
    if clause.i > clause.head.i:
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)
    if first.dep_ == "mark" and first.lower_ in _ADVERBIAL_MARKS:
        # the clause's own mark; one opening a clause inside it ("If states fail …, the
        # department can step in, Wilcox said") leaves a main clause that was said
        return first.head == clause or not subject
    # "In this year's contest, voters are unlikely to ..., Smith said": a clause of its own
    return first.pos_ == "ADP" and not subject


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
    return Attribution(tok.i, "ask", None, None, token_runs(tok.doc, text, body), cue_class="speech")


def is_title(text: str) -> bool:
    """ "The Lead with Jake Tapper", "Three Generations That Built an Empire": a title, not words said."""
    alpha = [w for w in text.split() if w[:1].isalpha()]
    return len(alpha) >= 3 and sum(1 for w in alpha if w[0].isupper()) >= 0.7 * len(alpha)


def _dashed(doc: Doc, start: int, end: int) -> bool:
    return any(doc[k].text in _DASHES for k in range(start + 1, end))


def _fronted_content(tok: Token, att: Attribution, text: str) -> None:
    """ "The rejection signals “the end” for the EU, said Geert Wilders": the clause before an
    inverted cue, which the parser read as a second subject, is what was said."""
    front = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
    if front is not None and (r := _trimmed(tok.doc, text, front.left_edge.i, front.right_edge.i + 1)):
        att.content.append(r)


def as_clause(tok: Token) -> bool:
    """ "As the Washington Post reported, the inspector general issued subpoenas": the clause an
    "as" cue hangs on is what was reported."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _question_clause(child: Token) -> bool:
    """ "asked if he had been preparing": an "if"/"whether" clause after "ask", which the parser
    may hang as adverbial (after "said" an "if" is a condition)."""
    return (
        child.dep_ == "advcl"
        and child.i > child.head.i
        and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children)
    )


def _passive_content(tok: Token, att: Attribution, text: str) -> None:
    """ "The move was first reported by MSNBC": the passive subject is what was said."""
    said = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if said is None or said.lower_ in _PRONOUNS:
        return
    if (r := _trimmed(tok.doc, text, said.left_edge.i, said.right_edge.i + 1)) is not None:
        att.content.append(r)


def _speech_content(tok: Token, att: Attribution, text: str) -> None:
    doc = tok.doc
    # "Cruz supported legalization, Rubio argued – an analogy Cruz likened to ...": after a dash, an aside
    aside = {c.i for c in tok.children if c.i > tok.i and _dashed(doc, tok.i, c.left_edge.i)}
    # "Cruz is used to opprobrium – John McCain famously described him as ...": the writer's, before a dash
    aside |= {
        c.i for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i and _dashed(doc, c.right_edge.i, tok.i)
    }
    right_clause = any(c.dep_ == "ccomp" and c.i > tok.i and c.i not in aside for c in tok.children)
    for child in tok.children:
        if child.i in aside or _other_paragraph(tok, child, text):
            continue
        if _adverbial(child) or right_clause and child.dep_ == "ccomp" and child.i < tok.i:
            continue  # a clause before a cue that has its own after it is something else
        if child.dep_ == "ccomp" and _sourcing(child):
            continue  # "X said ..., the Times reported": the writer's source, not what X said
        if (
            child.dep_ in _CONTENT_DEPS
            or child.dep_ == "xcomp" and att.lemma in _XCOMP_VERBS
            or child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > tok.i  # "said legalizing it would"
            or att.lemma == "ask" and _question_clause(child)
        ):
            r = _trimmed(doc, text, child.left_edge.i, _clause_end(child, tok))
            if r is not None:
                att.content.append(r)
    obj = _said_object(tok) if not att.content and att.lemma in _WRITING else None
    if obj is not None and (r := _trimmed(doc, text, obj.left_edge.i, obj.right_edge.i + 1)) is not None:
        att.content.append(r)
    if not att.content and (tok.dep_ == "parataxis" or _trailing(tok) or as_clause(tok)):
        att.content = token_runs(doc, text, _as_reported(tok))
        att.weak = True
    if not att.content and (before := _closing_report(tok, att, text)) is not None:
        att.content = [before]  # "As Trump prepared to speak ..., a girl was pepper-sprayed, police said."


def _other_paragraph(tok: Token, child: Token, text: str) -> bool:
    """Whether the parser hung a clause of the next or the last paragraph on ``tok``."""
    doc = tok.doc
    if child.i > tok.i:
        return "\n" in text[tok.idx : doc[child.left_edge.i].idx]
    end = doc[child.right_edge.i]
    return "\n" in text[end.idx + len(end) : tok.idx]


def _closing_report(tok: Token, att: Attribution, text: str) -> tuple[int, int] | None:
    """The sentence before ", police said." that ends it, when the parser gave the cue no clause
    (or hung it on one of the sentence's clauses): the whole sentence up to the comma before the
    cue's subject."""
    doc = tok.doc
    if att.source is None or att.source[1] != tok.i or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # not "..., said Robin Maynard, half joking."
    if tok.head.i > tok.i and "\n" not in text[tok.idx : tok.head.idx]:
        return None  # a clause of the sentence after it in the same paragraph
    for t in doc[tok.i + 1 :]:  # nothing after it but punctuation, up to the paragraph's or sentence's end
        if t.is_sent_start:
            break
        if t.is_space and "\n" in t.text:
            break
        if not t.is_punct and not t.is_space or t.text in (":", ",", "—", "–", "-"):
            return None  # "he declared:" opens what follows
    comma, start = att.source[0] - 1, _sent_start(tok)
    if comma <= start or doc[comma].text != ",":
        return None
    return _trimmed(doc, text, start, comma)


def _as_reported(tok: Token) -> list[int]:
    """The clause a cue hangs on, without the cue's own words (or an "And" opening it)."""
    skip = {t.i for t in tok.subtree} | {c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i}
    return sorted(t.i for t in tok.head.subtree if t.i not in skip)


def _next_sentence(tok: Token, clause: Token, verb: Token) -> bool:
    """ "Rubio said the real extremist is Clinton, and he railed against ...": a clause of its
    own subject joined after ", and" in the speech verb's tense, not the reported one's."""
    doc = tok.doc
    if tok.dep_ != "conj" or tok.head.i != clause.i or not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    if _sourcing(tok):
        return True  # "... “with all our hearts”, the New York Times reported on Thursday": its source
    if tok.tag_ != verb.tag_ or tok.tag_ == clause.tag_:
        return False
    k = tok.left_edge.i - 1  # ", and he railed", "and, indeed, his presentation featured"
    if k < 2:
        return False
    return doc[k].dep_ == "cc" and doc[k - 1].text == "," or doc[k].text == "," and doc[k - 1].dep_ == "cc"


def _sourcing(tok: Token) -> bool:
    """ ", the Times reported on Thursday": after a comma, a speech verb with a subject of its own
    and nothing said, which tells where the whole sentence comes from."""
    k = next((t.i for t in tok.subtree if not t.is_punct), tok.i) - 1  # the comma may hang from the verb
    return (
        k > 0
        and tok.doc[k].text == ","
        and tok.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ == "nsubj" for c in tok.children)
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "conj") for c in tok.children)
    )


def _clause_end(clause: Token, verb: Token) -> int:
    """End token of a reported clause, before a trailing cue of its speaker (``trailing_reporter``)."""
    end = clause.right_edge.i + 1
    tails = (t for t in clause.subtree if t.i > clause.i)
    tail = next((t for t in tails if trailing_reporter(t) == verb or _next_sentence(t, clause, verb)), None)
    if tail is None:
        return end
    end = min(tail.left_edge.i, next((t.i for t in tail.subtree if not t.is_punct), tail.i))
    while end > clause.i + 1 and (clause.doc[end - 1].dep_ == "cc" or clause.doc[end - 1].is_punct):
        end -= 1
    return end


# speech verbs of writing and stating whose noun object is what they put out ("wrote an op-ed
# urging Congress …", "tweeted a chart of … crime statistics"); the others that take what was
# said as their object ("announced a plan") get it with the words after it, once quotations
# are placed (quotes._OBJECT_SPEECH)
_WRITING = frozenset({"write", "post", "tweet", "state", "comment", "explain", "shout", "yell", "recount",
                      "observe"})


def _said_object(verb: Token) -> Token | None:
    """The noun object of a speech verb (not a pronoun, a name or a number)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _raises_cue(verb: Token) -> bool:
    """A raising verb whose infinitive is a cue of its own ("seems to feel", "appeared to imply")."""
    return any(
        c.dep_ == "xcomp"
        and c.pos_ == "VERB"
        and cue_class(c, SPEECH_VERBS) is not None
        and (c.lemma_.lower() in SPEECH_VERBS or verb_content(c) is not None)
        for c in verb.children
    )


def cue_attribution(tok: Token, sent: Span, text: str) -> Attribution | None:
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
    if lemma in RAISING and _raises_cue(tok):
        return None  # "Obama seemed to recognize ...": the inner cue is Obama's
    if lemma in SPEECH_VERBS and (inverted := _interrupting(tok, text)) is not None:
        return inverted
    if lemma in SPEECH_VERBS and not is_raising(tok):
        subj = _subject(tok) or _inverted_subject(tok) or _fallback_subject(tok) or _set_off_subject(tok)
        subj = _past_dateline(_antecedent(subj))
        source = source_range(subj) if subj is not None else None
        att = Attribution(tok.i, lemma, source, subj.i if subj is not None else None, cue_class=cls)
        _speech_content(tok, att, text)
        at = tok.doc[source[0]].idx if source is not None and source[1] <= tok.i else 0
        if at and text[max(0, at - 4) : at].rstrip()[-1:] in _CLOSERS:
            _cut_before(att, at, text)  # '“...,” Trump, who ..., told CNN': not what he said
        if not att.content and subj is not None and subj.i > tok.i:
            _fronted_content(tok, att, text)
        if not att.content and subj is not None and subj.dep_ == "pobj" and subj.head.dep_ == "agent":
            _passive_content(tok, att, text)
        return att
    body = verb_content(tok)
    if body is None and cls == "speech" and as_clause(tok) and lemma not in TALKING:
        body = _as_reported(tok)  # "as Menendez pointed out, ...": its clause ("as he spoke": a time)
    if body is None:
        return None
    subj = None if is_raising(tok) else _past_dateline(_subject(tok))
    if subj is not None and subj.lower_ == "you" and sent.text.rstrip().endswith("?"):
        return None  # "Do you support Donald Trump?": a question put, nobody's stance
    source = source_range(subj) if subj is not None else None
    att = Attribution(tok.i, lemma, source, subj.i if subj is not None else None, cue_class=cls)
    att.content = token_runs(tok.doc, text, body)
    return att


_COPULAS = words("be become remain seem appear sound look feel grow stay")
_ADJ_PREPS = words("of about with to on toward towards over regarding")
_ADJ_DEPS = frozenset({"xcomp", "ccomp"})
_MADE_CLEAR = frozenset({"ccomp", "advcl"})


def adjective_attribution(adj: Token, text: str) -> Attribution | None:
    """ "Sanders is critical of the deal", "Cruz was confident that he would win": an adjective of
    stance or belief after a copula, its subject as the source and its complement as content."""
    lemma = adj.lemma_.lower()
    cls = ADJECTIVE_CUES.get(lemma)
    verb = adj.head
    if cls is None:
        return None
    if lemma == "clear" and verb.lemma_.lower() == "make":
        # "made it clear that ...", "made clear Monday they have no plans": the clause after "clear"
        picked = [c for c in (*adj.children, *verb.children) if c.i > adj.i and c.dep_ in _MADE_CLEAR]
    elif adj.dep_ == "acomp" and verb.lemma_.lower() in _COPULAS:
        picked = [
            c for c in adj.children if c.dep_ in _ADJ_DEPS or c.dep_ == "prep" and c.lower_ in _ADJ_PREPS
        ]
    else:
        return None
    body = sorted(t.i for c in picked for t in c.subtree)
    subj = _subject(verb)
    if not body or subj is None or subj.lower_ == "it":
        return None  # "it is unclear whether": no one holds it
    att = Attribution(adj.i, lemma, source_range(subj), subj.i, cue_class=cls)
    att.content = token_runs(adj.doc, text, body)
    return att


def _clause_before(colon: Token) -> Token | None:
    """The verb of the clause a colon ends ("Zeldin gave the technique a whirl in an interview on
    Tuesday: “…”", "Mr. Smith shot back: “…”"): the highest verb above the word before the colon
    that still precedes it."""
    node, verb = colon.doc[colon.i - 1], None
    while True:
        if node.pos_ == "VERB":
            verb = node
        if node.head.i == node.i or node.head.i > colon.i:
            return verb
        node = node.head


def _names_someone(subj: Token) -> bool:
    """A name, a person's pronoun, or a person or body by role ("One early supporter, Lee Zeldin,",
    "the campaign"): who can speak what a colon opens (not "The results were clear: …")."""
    if subj.pos_ == "PROPN" or subj.lower_ in _PERSONAL or subj.lower_ in ("they", "we"):
        return True
    lemma = subj.lemma_.lower()
    return subj.pos_ == "NOUN" and (lemma in HUMAN_ROLES or lemma in SOURCE_NOUNS)


def introducing_verb(colon: Token) -> Attribution | None:
    """ "Kasich resisted: “Ohio governors do not ...”", "As Milbank puts it, “...”": a verb with a
    subject right before the colon (or "put it" before a comma) that opens a quotation introduces
    it, whatever the verb."""
    doc = colon.doc
    verb = doc[colon.i - 1] if colon.i else None
    if verb is not None and verb.lower_ == "it" and colon.text == "," and verb.i:
        verb = doc[verb.i - 1] if doc[verb.i - 1].lemma_.lower() == "put" else None
    elif verb is not None and colon.text == "," and verb.dep_ in ("prt", "advmod") and verb.lower_ == "back":
        verb = verb.head if retort(verb.head) else None  # 'Hillary shot back, “I suppose ...”'
    elif colon.text != ":":
        return None
    elif verb is not None and verb.pos_ != "VERB":
        verb = _clause_before(colon)
    if verb is None or verb.pos_ != "VERB":
        return None
    subj = _subject(verb)
    if subj is None or verb.i != colon.i - 1 and not _names_someone(subj):
        return None
    cls = cue_class(verb, SPEECH_VERBS) or "speech"
    return Attribution(verb.i, verb.lemma_.lower(), source_range(subj), subj.i, cue_class=cls)
