"""A short headline for an event mention, built from the parse of its clause: who did what, to whom.

The clause's verb keeps its subject, auxiliaries, negation, objects, particles, complements and
prepositional phrases; adverbial clauses, relative clauses, appositions, parentheticals, quoted
speech marks and the date expression itself (the timeline shows the date) are left out. A
reporting verb keeps its reported clause ("Kim tells Seoul's envoy he wants denuclearisation").
Longer than ``MAX_WORDS``, the last prepositional phrases go first, then the words past the limit.

A subject written as a pronoun or a role takes the name it stands for (``names``, from
``antecedents.subject_names``; without it, a "he", "she" or "they" opening the sentence takes the
one person the sentence before names).

A parse that gives a fragment (a pronoun subject with no named antecedent, a verb without its
complement, a noun cut from its "of" phrase: "They stood", "The chairman said there is a lack")
is not a headline: the sentence itself, trimmed at a clause boundary, is used instead, as long
as what is kept has a finite verb; failing that, the clause's own words. A headline is never a
verbless fragment ("The conservative Texas senator").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

__all__ = ["MAX_WORDS", "headline"]

MAX_WORDS = 15
# Dependents of a kept word that are never part of a headline.
_DROP = frozenset({
    "advcl", "relcl", "appos", "parataxis", "punct", "cc", "conj", "mark", "discourse", "intj",
    "meta", "dep", "preconj", "npadvmod", "acl",
})
# Dependents of the clause's own verb that a headline keeps.
_KEEP_AT_VERB = frozenset({
    "nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "dobj", "dative", "attr", "prt",
    "acomp", "oprd", "ccomp", "xcomp", "prep", "agent", "advmod",
})
_QUOTES = frozenset("\"'“”‘’«»")
_DANGLING = re.compile(
    r"\s+(?:in|on|at|of|to|for|with|by|from|and|or|but|the|a|an|since|after|before|although|though|"
    r"while|because|whereas|if|as|so|that|which|who|then)$", re.I
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What completes a verb after it: "went to Iowa", "said there is a lack of trust".
_COMPLEMENTS = frozenset({
    "dobj", "dative", "attr", "prt", "acomp", "oprd", "ccomp", "xcomp", "prep", "agent",
})
_PERSONAL = frozenset({"he", "she", "they"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
REPORTING = frozenset({
    "say", "tell", "report", "add", "announce", "state", "write", "claim", "insist", "quip", "joke",
    "declare", "reply", "respond", "answer", "explain", "note", "argue", "remark", "retort", "tweet",
    "stress", "warn", "acknowledge", "admit", "confirm", "deny", "complain", "recall", "observe",
    "conclude", "assert",
})


def headline(
    verb: Token, sentence: Span, timex: Span | None = None, names: Mapping[int, str] | None = None
) -> str:
    """The headline of the clause headed by ``verb`` (a sentence's root or a dated clause's verb).
    ``names``: token index of a pronoun or description subject -> the name it stands for.
    A report ending on its attribution ("The battle has damaged the party, McCain said on Sunday")
    is told by the reported clause and keeps who said it: a claim is never shown as a fact."""
    known = dict(names or {})
    lead = _lead(verb)
    text = _headline(lead, sentence, timex, known)
    for told in (lead, _lead(sentence.root)):  # the root's, when the clause fell back to it
        if (told is lead or told.text in text.split()) and (quoted := _quotation(told, text)) is not None:
            return quoted
    reporter = _reporter(lead)  # a clause inside someone's quoted words is what they said
    if reporter is not None and (who := _speaker(reporter, known)) is not None:
        quoted = _quotation(reporter, f"{who} {reporter.text}")
        if quoted is not None:
            return quoted
    said = _attribution(lead, known)
    if said is None or said.rsplit(" ", 1)[0].casefold() in text.casefold():
        return text  # "..., Trump said" of "Trump will build the wall": named already
    words = text.rstrip("…").split()
    budget = max(4, MAX_WORDS - len(said.split()))
    core = " ".join(words[:budget]) + ("…" if len(words) > budget or text.endswith("…") else "")
    return f"{_DANGLING.sub('', core).rstrip(',;:-–—')}, {said}"


def _quotation(lead: Token, text: str) -> str | None:
    """ "Rick Wilson told the Guardian: “This is a world in pure chaos…”": a reporting verb whose
    words are a quotation the headline left out gets the quotation's first words after a colon."""
    if lead.lemma_.lower() not in REPORTING:
        return None
    if not _has_subject(lead):
        who = _inverted(lead)
        if who is None:
            return None
        text = f"{who} {lead.text}"  # '“…,” quipped McCain': McCain quipped
    quoted = next((c for c in lead.children if c.dep_ == "ccomp" and _spoken(c)), None)
    budget = MAX_WORDS - len(text.rstrip("…").split())
    if quoted is None or budget < 4:
        return None
    inner = [t for t in quoted.subtree if t.text not in _QUOTES]
    while inner and inner[-1].is_punct:
        inner.pop()
    words = " ".join(_join(inner).split())
    if not words or " ".join(words.split()[:3]) in text:
        return None  # the headline tells the quotation already
    cut = words.split()
    said = " ".join(cut[:budget]) + ("…" if len(cut) > budget else "")
    return f"{text.rstrip('…').rstrip(',;:')}: “{said}”"


def _reporter(verb: Token) -> Token | None:
    """The reporting verb whose quoted words hold ``verb`` ("“... the floor here has been well
    used over the last day or so,” quipped McCain": quipped)."""
    node = verb
    while node.head.i != node.i:
        # a mark of its own sentence: not the previous sentence's closing one ("In an interview
        # on Monday, she went further: “…,” Fiorina said")
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING and _spoken(node, own=True):
            return node.head
        node = node.head
    return None


def _speaker(verb: Token, names: Mapping[int, str]) -> str | None:
    """Who the reporting ``verb`` says spoke: its subject by name, or the name set after it."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return _inverted(verb)
    if subject.i in names:
        return names[subject.i]
    if subject.pos_ == "PRON":
        return None
    return " ".join(verb.doc[t].text for t in sorted(_noun(subject)))


def _inverted(verb: Token) -> str | None:
    """The name set after its reporting verb ('“…,” quipped McCain'), which the parse did not
    make the verb's subject."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.pos_ != "PROPN":
        return None
    return " ".join(verb.doc[t].text for t in sorted(_noun(after)))


def _attribution(lead: Token, names: Mapping[int, str]) -> str | None:
    """ "Senator John McCain said" for a reported clause ``lead`` set before its reporting verb,
    when the clause is no report itself ("Kim said ..., the envoy said": Kim's words tell it)."""
    verb = lead.head
    if lead.dep_ != "ccomp" or lead.i > verb.i or verb.lemma_.lower() not in REPORTING:
        return None
    if lead.lemma_.lower() in REPORTING:
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    if subject.i in names:
        who = names[subject.i]
    elif subject.pos_ == "PRON":
        return None  # "..., he said": nobody to name
    else:
        who = " ".join(subject.doc[subject.left_edge.i : subject.i + 1].text.split())
    return f"{who} {verb.text}" if len(who.split()) <= 6 else None


def _headline(verb: Token, sentence: Span, timex: Span | None, known: dict[int, str]) -> str:
    whole = timex is not None and not _quantified(timex) and not _range(timex)
    skip = {t.i for t in timex} if timex is not None and whole else set()
    if skip and timex is not None and timex.end < len(timex.doc) and timex.doc[timex.end].tag_ == "POS":
        skip.add(timex.end)  # "this week 's resignation": the date's possessive goes with it
    kept = _headline_tokens(verb, skip, known)
    if kept is not None and (then := _next_deed(verb, kept, skip, known)) is not None:
        verb, kept = then
    root = _lead(sentence.root)
    part = _part(sentence, verb)
    if kept is None and part is not None:  # "...; secretary of state John Kerry last week adopted ..."
        trimmed = _trimmed(part, skip, known)
        if trimmed is not None:
            return trimmed
    if (kept is None or len(kept) < 3) and root.i != verb.i:  # a bare clause: the sentence's own
        kept = _headline_tokens(root, skip, known)
        verb = root
    words = [t for t in sentence if kept and t.i in kept]
    if part is not None and part.start <= verb.i < part.end:  # "X announced too; Y is expected to"
        words = [t for t in words if part.start <= t.i < part.end]
    known = {**_antecedents(words or list(sentence)), **known}
    if not words or _fragment(verb, words, known):
        trimmed = _trimmed(sentence, skip, known)
        if trimmed is not None or not words or not _reads(words, known):
            # a pronoun no sentence names: the trimmed sentence as written, still with its verb
            lenient = _trimmed(sentence, skip, known, strict=False)
            first = _sentence_tokens(sentence, skip)[:MAX_WORDS]
            return trimmed or lenient or _bridged(sentence, skip, known) or _finish(_join(first), sentence)
    if len(words) <= 5 and (how := _elaboration(verb, skip, known)):  # "Cruz argued the opposite, insisting"
        words = [t for t in sentence if t.i in {w.i for w in words} | how]
    if len(words) > MAX_WORDS:
        words = _shorten(verb, words, skip)
    cut = len(words) > MAX_WORDS
    head = words[:MAX_WORDS]
    while cut and len(head) > 1 and (_hyphenated(head[-1]) or _hyphen(head[-1])):
        head = head[:-1]  # never cut inside a hyphenated word ("a hand…")
    return _finish(_join(head, known) + ("…" if cut else ""), sentence)


def _bridged(sentence: Span, skip: set[int], names: Mapping[int, str]) -> str | None:
    """A root the parser left without its subject, far into its sentence ("Rightwing challengers
    to Mitch McConnell and John Cornyn, the two most senior Republicans in the Senate, on
    Thursday pounced on the fact that ..."): told by the words before the first comma as its
    subject and its own clause after it."""
    root = sentence.root
    if _has_subject(root) or root.tag_ not in _FINITE:
        return None
    tokens = _sentence_tokens(sentence, skip)
    comma = next((n for n, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or not 2 <= comma <= 8 or tokens[comma].i > root.i:
        return None
    opening = tokens[:comma]
    if any(t.tag_ in _FINITE for t in opening):
        return None
    clause = [t for t in sentence if t.i in _clause(root, skip, names) and t.i >= root.i]
    words = opening + clause
    if len(words) > MAX_WORDS:
        words = opening + _shorten(root, clause, skip)
    cut = len(words) > MAX_WORDS
    return _finish(_join(words[:MAX_WORDS], names) + ("…" if cut else ""), sentence)


def _next_deed(
    verb: Token, kept: set[int], skip: set[int], known: dict[int, str]
) -> tuple[Token, set[int]] | None:
    """ "Cruz has gone one step further and sent an operative across the Pacific": a verb that
    keeps nothing after it is told by the verb conjoined to it, with their one subject."""
    if _after(verb, kept):
        return None
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _has_subject(c)),
                None)
    if conj is None:
        return None
    then = _headline_tokens(conj, skip, known)
    if then is None or not any(c.i in then and c.dep_ in _COMPLEMENTS for c in conj.children):
        return None
    return conj, then


def _elaboration(verb: Token, skip: set[int], known: dict[int, str]) -> set[int]:
    """The participle clause after a comma that says what a short clause's verb did ("Cruz argued
    the opposite, insisting that Senate Democrats were passing up an opportunity"), with its comma."""
    for child in verb.rights:
        before = verb.doc[child.left_edge.i - 1]
        if child.dep_ == "advcl" and child.tag_ == "VBG" and before.text == "," and not _has_subject(child):
            return _clause(child, skip, known) | {before.i}
    return set()


def _part(sentence: Span, verb: Token) -> Span | None:
    """The stretch between semicolons that holds ``verb``, when the sentence has several."""
    marks = [t.i for t in sentence if t.text == ";"]
    if not marks:
        return None
    start = max((i + 1 for i in marks if i < verb.i), default=sentence.start)
    end = min((i for i in marks if i > verb.i), default=sentence.end)
    if sentence.doc[start].dep_ == "cc":  # "; and the Pentagon has identified ..."
        start += 1
    return sentence.doc[start:end] if end - start >= 3 else None


def _quantified(timex: Span) -> bool:
    """A date the headline cannot do without: the object of a quantity ("to spend much of Monday
    night"), where "the final days of March" can lose its "of March", or of a verb ("why Cruz
    picked 23 March for his announcement")."""
    of = timex.root.head
    if timex.root.dep_ in ("dobj", "attr") and of.pos_ in ("VERB", "AUX"):
        return True
    return of.lower_ == "of" and of.head.pos_ not in ("NOUN", "PROPN")


def _range(timex: Span) -> bool:
    """The start of a range the headline keeps whole: "spoke from 2.40pm Tuesday to 12.03pm
    Wednesday" (without its start, "spoke to 12.03pm Wednesday" misreads)."""
    prep = timex.root.head
    if prep.lower_ not in ("from", "between"):
        return False
    ends = (*prep.head.children, *timex.root.children)
    return any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till", "through") and c.i >= timex.end
               for c in ends)


def _reads(words: list[Token], names: Mapping[int, str], strict: bool = True) -> bool:
    """A finite verb, and (``strict``) a first subject that is no personal pronoun left without a
    name ("Koch told USA Today he ..." reads; "He took another tack" does not)."""
    finite = any(t.tag_ in _FINITE or (t.tag_ == "VBN" and t.dep_ == "ROOT") for t in words)
    first = next((t for t in words if t.dep_ in _SUBJECTS), None)
    unnamed = first is not None and (first.lower_ in _PERSONAL or first.tag_ in ("WP", "WDT")) and (
        first.i not in names
    )
    return finite and not (strict and unnamed)


def _finish(text: str, sentence: Span) -> str:
    if not text:
        return " ".join(sentence.text.split()[:MAX_WORDS])
    words = text.split()
    if sum(1 for w in words if any(c.isalnum() for c in w)) > MAX_WORDS + 1:  # names put for pronouns
        text = _DANGLING.sub("", " ".join(words[:MAX_WORDS]).rstrip("…")).rstrip(",;:-–—") + "…"
    return text[0].upper() + text[1:]


def _fragment(verb: Token, words: list[Token], names: Mapping[int, str]) -> bool:
    """Whether the kept words fail to say who did what: no named or resolvable subject, a verb
    with nothing after it, or a reported clause that is itself such a fragment."""
    kept = {t.i for t in words}
    if len(words) < 3 and verb.pos_ in ("VERB", "AUX") and not _quotes_after(verb):
        return True
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
    if not any(t.tag_ in _FINITE for t in verbs):
        return True  # "Likely to erupt among House Republicans", "Now hint": no clause
    first = next((t for t in words if t.text not in _QUOTES), words[0])
    if first.tag_ in ("WP", "WDT") and first.i not in names:
        return True  # "what proved a more tightly controlled appearance": says who of nobody
    if first.dep_ == "case" or first.lower_ in ("s", "'s", "’s") or not first.text[0].isalnum():
        return True  # "’ s governor dropped out": a possessive cut from its owner
    if _truncated_noun(words, kept):
        return True
    return _clause_fragment(verb, kept, names)


def _clause_fragment(verb: Token, kept: set[int], names: Mapping[int, str], reported: bool = False) -> bool:
    """``reported``: a clause reported by a named speaker, whose "he" is that speaker."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i in kept]
    unnamed = [c for c in subjects if _unnamed(c, names)]
    if unnamed and not reported:
        return True
    after = _after(verb, kept)
    if not after:
        objects = ("dobj", "attr", "acomp", "ccomp", "xcomp")
        completed = any(c.dep_ in objects and c.i in kept for c in verb.children)
        return not completed and not _quotes_after(verb)
    clauses = [c for c in after if c.dep_ == "ccomp" and verb.lemma_.lower() in REPORTING]
    return any(_clause_fragment(c, kept, names, reported=bool(subjects) and not unnamed) for c in clauses)


def _after(verb: Token, kept: set[int]) -> list[Token]:
    """What completes the verb after it among the ``kept`` words: "went to Iowa", "will be back
    on the main stage"."""
    return [c for c in verb.children if c.i in kept and c.i > verb.i and (
        c.dep_ in _COMPLEMENTS or c.dep_ == "advmod" and c.i == verb.i + 1 and verb.lemma_ == "be"
    )]


def _quotes_after(verb: Token) -> bool:
    """A reporting verb followed by the quotation it reports ('Santorum added: “We have ...”'),
    which ``_quotation`` puts after it."""
    return verb.lemma_.lower() in REPORTING and any(
        c.dep_ == "ccomp" and c.i > verb.i and _quoted(c) for c in verb.children
    )


def _unnamed(subject: Token, names: Mapping[int, str]) -> bool:
    return subject.pos_ == "PRON" and subject.lower_ not in ("there", "it") and subject.i not in names


def _truncated_noun(words: list[Token], kept: set[int]) -> bool:
    """A kept noun whose "of" phrase was left out: "there is a lack", "one" (not when the phrase
    was the date: "during the final days of March")."""
    return any(
        t.pos_ in ("NOUN", "NUM", "PRON") and any(
            c.dep_ == "prep" and c.lower_ == "of" and c.i not in kept and not _dated(c) for c in t.children
        )
        for t in words
    )


def _dated(prep: Token) -> bool:
    """An "of" phrase that is a date itself ("the final days of March"), not one that holds a date
    ("the aftermath of the Paris attacks on Thursday")."""
    words = [t for t in prep.subtree if t.i != prep.i and t.pos_ not in ("DET", "PUNCT")]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _antecedents(words: list[Token]) -> dict[int, str]:
    """Pronoun subjects ("he", "she", "they") named by the one person of the sentence before."""
    found = {}
    for t in words:
        opening = all(w.is_punct or w.dep_ == "cc" for w in t.doc[t.sent.start : t.i])
        if t.dep_ in _SUBJECTS and t.lower_ in _PERSONAL and opening:
            name = _previous_person(t)
            if name:
                found[t.i] = name
    return found


def _previous_person(pronoun: Token) -> str | None:
    """The one person the sentence before names; for "they", its plural subject ("Senior
    Republicans made clear ... They stood")."""
    start = pronoun.sent.start
    if start == 0:
        return None
    previous = pronoun.doc[start - 1].sent
    if pronoun.lower_ == "they":
        subject = next((c for c in previous.root.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.tag_ not in ("NNS", "NNPS"):
            return None
        return " ".join(pronoun.doc[subject.left_edge.i : subject.i + 1].text.split())
    people = {e.text for e in previous.ents if e.label_ == "PERSON"}
    return people.pop() if len(people) == 1 else None


def _sentence_tokens(sentence: Span, skip: set[int]) -> list[Token]:
    tokens = [t for t in sentence if t.i not in skip and not t.is_space and not _only_date(t, skip)]
    tokens = tokens[_lead_in(sentence, tokens):]
    while tokens and (tokens[0].dep_ == "cc" or tokens[0].is_punct):  # "But Cruz has gone ...": Cruz has
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _trimmed(sentence: Span, skip: set[int], names: Mapping[int, str], strict: bool = True) -> str | None:
    """The sentence itself, its leading adverbial and the date left out, cut at the last clause
    boundary within ``MAX_WORDS``; None when what is kept does not read as a clause."""
    tokens = _sentence_tokens(sentence, skip)
    if len(tokens) <= MAX_WORDS + 1:
        return _finish(_join(tokens, names), sentence) if _reads(tokens, names, strict) else None
    words = [t for t in tokens if not t.is_punct]
    limit = tokens.index(words[MAX_WORDS]) if len(words) > MAX_WORDS else len(tokens)
    cuts = [n for n in range(4, limit) if _boundary(tokens[n]) and _reads(tokens[:n], names, strict)]
    cut = max(cuts, default=None)
    if cut is None or len([t for t in tokens[:cut] if not t.is_punct]) < 4:
        if not _reads(tokens[:limit], names, strict):
            return None
        return _finish(_join(tokens[:limit], names) + "…", sentence)
    return _finish(_join(tokens[:cut], names), sentence)


def _lead_in(sentence: Span, tokens: list[Token]) -> int:
    """Where the main clause starts: after a leading adverbial clause or phrase closed by a comma
    ("As the president prepares ..., Cruz let loose"). A report ending on its attribution ("Kim
    said ... , the envoy said Thursday") starts at the reported clause, not at the attribution."""
    root = _lead(sentence.root)
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:  # a parse that lost the subject: the sentence from its start
        return 0
    first = subject.left_edge.i
    for n, t in enumerate(tokens):
        if t.i >= first:
            return n if n and tokens[n - 1].text == "," else 0
    return 0


def _boundary(token: Token) -> bool:
    clausal_cc = token.dep_ == "cc" and token.head.pos_ in ("VERB", "AUX")
    relative = token.tag_ in ("WDT", "WP")
    # "said with satisfaction that the letter is ...": what is said is no clause to cut off
    mark = token.dep_ == "mark" and not (token.lower_ == "that" and token.head.dep_ == "ccomp")
    return token.text in (",", ";", ":", "—", "–") or clausal_cc or mark or relative


def _headline_tokens(verb: Token, skip: set[int], names: Mapping[int, str]) -> set[int] | None:
    """The words of the headline of ``verb``'s clause; None when the clause names no subject."""
    kept = _clause(verb, skip, names)
    if verb.dep_ == "relcl":  # "the Korean War, which was halted in 1953": the noun is the subject
        relative = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in _SUBJECTS]
        objective = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "dative")]
        if objective and _has_subject(verb):  # "Mr. Xi, whom Mr. Kim gave a welcome": Kim did it
            return kept - {objective[0].i}
        if relative:  # "Wisconsin's governor, Scott Walker, who dropped out": the name says who
            noun = _agreeing(verb)
            named = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if noun.i != verb.head.i and not named:  # "problems surrounding the rollout of Obamacare"
                between = range(noun.i, verb.left_edge.i)  # the participle's phrase, however parsed
                own = {t.i for t in (*noun.subtree, *(verb.doc[i] for i in between)) if not t.is_punct}
                own -= {t.i for t in verb.subtree}
                return (kept - {relative[0].i}) | own
            return (kept - {relative[0].i}) | _noun(named[0] if named else noun)
        # "the same poll everyone else has picked up": the noun is the clause's object, which a
        # headline in the sentence's word order cannot put after its verb; the sentence tells it
        return None
    if not _has_subject(verb):
        if verb.dep_ == "conj" and _has_subject(verb.head):
            subject = next(c for c in verb.head.children if c.dep_ in _SUBJECTS)
            if subject.tag_ in ("WDT", "WP") and verb.head.dep_ == "relcl":  # "Huckabee – who ... and missed"
                return kept | _noun(verb.head.head)
            return kept | _phrase(subject, skip)
        return None if verb.pos_ in ("VERB", "AUX") else kept
    return kept


def _agreeing(relcl: Token) -> Token:
    """The noun a relative clause tells of: the one it hangs from, unless a plural verb says it is
    a plural noun above it ("problems surrounding the rollout of Obamacare, which were
    acknowledged": the problems were)."""
    noun = relcl.head
    plural = relcl.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "are", "have")
                                        for c in relcl.children)
    if not plural or noun.tag_ not in ("NN", "NNP"):
        return noun
    for above in noun.ancestors:
        if above.tag_ in ("NNS", "NNPS"):
            return above
        before = above.doc[above.i - 1] if above.i else above
        if above.tag_ == "VBG" and before.tag_ in ("NNS", "NNPS"):  # the participle's noun, misparsed
            return before
        if above.pos_ in ("VERB", "AUX") and above.dep_ != "acl":  # through "surrounding", not past a clause
            break
    return noun


_NEWS = frozenset({"news", "report", "word", "revelation", "announcement", "confirmation"})


def _lead(verb: Token) -> Token:
    """The clause that says who: "wants to see" is told by "wants", a reported clause by its
    reporting verb ("Kim tells Seoul's envoy he wants ..."), and the news a clause only frames by
    that news ("The US woke up to the news that Trump was 20 points ahead": Trump was)."""
    while verb.head.i != verb.i and (
        verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING)
    ):
        verb = verb.head
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _NEWS):
            told = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_subject(c)), None)
            if told is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in told.children):
                return told
    if verb.lemma_.lower() in REPORTING:  # "..., the envoy said Thursday": the report is the news
        reported = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if reported and _has_subject(reported[0]) and not _spoken(reported[0]):
            return reported[0]  # a quotation stays the speaker's: "“...,” Rubio said on Monday"
    return verb


def _quoted(clause: Token, own: bool = False) -> bool:
    """A clause in quotation marks: its first word opens a quotation (``own``: a mark of the
    clause's own sentence)."""
    start = clause.left_edge.i
    first = clause.sent.start if own else 0
    before = clause.doc[start - 1] if start > first else None
    return clause.left_edge.text in _QUOTES or (before is not None and before.text in _QUOTES)


def _spoken(clause: Token, own: bool = False) -> bool:
    """A clause that is someone's own words: in quotation marks, or told in the first person
    ("We don't want to add any more barriers, he told Cruz": the opening mark was lost)."""
    first = any(c.dep_ in _SUBJECTS and c.lower_ in ("i", "we") for c in clause.children)
    return _quoted(clause, own) or first


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _noun(noun: Token) -> set[int]:
    """A noun with its determiners and modifiers, nothing longer."""
    modifiers = [c for c in noun.children if c.dep_ in ("det", "compound", "amod", "poss", "nummod")]
    return {noun.i} | {t.i for c in modifiers for t in c.subtree}


def _clause(verb: Token, skip: set[int], names: Mapping[int, str]) -> set[int]:
    kept = {verb.i}
    for child in verb.children:
        if child.dep_ in _KEEP_AT_VERB and child.i not in skip and not _only_date(child, skip):
            if child.dep_ == "advmod" and (child.i > verb.i + 1 or child.tag_ == "WRB"):
                continue  # keeps "never said", drops trailing adverbs and "when"
            if child.dep_ in ("advmod", "npadvmod") and skip & {t.i for t in child.subtree}:
                continue  # "As late as this year": the date's own phrase
            if child.dep_ == "ccomp" and child.i < verb.i and _spoken(child):
                continue  # "“Too many of our leaders ...,” Rubio said": the quote is not the headline
            if (child.dep_ == "ccomp" and child.i > verb.i and _quoted(child)
                    and verb.lemma_.lower() in REPORTING):
                continue  # 'he added: “We have a president ...”': told after a colon (``_quotation``)
            if child.dep_ in _SUBJECTS and child.i in names:  # "he", "the Kentucky senator": the name
                kept.add(child.i)
                for c in child.children:  # the name written beside ("governor Jeb Bush and ...")
                    if _name_beside(c) or c.dep_ in ("cc", "conj"):
                        kept |= _phrase(c, skip)
                continue
            named = _named(child) if child.dep_ in _SUBJECTS else None
            if child.dep_ in _SUBJECTS and (told := _after_dateline(child)) is not None:
                beside = {t.i for c in told.children if _name_beside(c) for t in c.subtree}
                kept |= _phrase(told, skip) | beside
                continue
            kept |= _phrase(named if named is not None else child, skip)
            if child.dep_ in _SUBJECTS and (owner := _possessor(child)) is not None:
                kept |= _phrase(owner, skip)
    return kept


def _possessor(subject: Token) -> Token | None:
    """The possessive the parse hung on the verb, apart from its subject ("The US government’s
    right ... took": "’s" depends on "took", the government on it)."""
    start = subject.left_edge.i
    mark = subject.doc[start - 1] if start else None
    if mark is None or mark.tag_ != "POS" or mark.head.i != subject.head.i:
        return None
    return mark


def _after_dateline(subject: Token) -> Token | None:
    """The real subject when the parse took a dateline for it ("SEOUL, South Korea — North Korea's
    leader, Kim Jong-un, has received ..."): the noun set beside the place after the dash."""
    if subject.i != subject.sent.start or not subject.is_upper or len(subject.text) < 3:
        return None
    dash = next((t for t in subject.doc[subject.i : subject.i + 8] if t.text in ("—", "–", "-", "--")), None)
    if dash is None:
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > dash.i), None)


def _named(subject: Token) -> Token | None:
    """The person named beside a described subject: "Another sponsor and 2016 hopeful, Texas
    senator Ted Cruz, ... floated" is told by "Ted Cruz", and so is a subject whose name the
    parse hung on another name in it ("The favourite to replace Perry, Texas attorney general
    Greg Abbott, was expected")."""
    if subject.pos_ in ("PROPN", "PRON"):
        return None
    for child in subject.children:
        if child.dep_ in ("appos", "npadvmod") and child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
            return child
    for token in subject.subtree:  # "The favourite to replace Perry, Texas attorney general Greg Abbott, was"
        beside = token.dep_ == "appos" or (  # a "conj" with no "and" is an apposition misread
            token.dep_ == "conj" and not any(c.dep_ == "cc" for c in token.head.children))
        if beside and token.pos_ == "PROPN" and token.ent_type_ == "PERSON" and (
                token.head.pos_ == "PROPN" and _closes_subject(token, subject)):
            return token  # a name beside a name is the subject's, not the first name's
    return None


def _closes_subject(name: Token, subject: Token) -> bool:
    """The name ends the subject: a comma, then the subject's verb or its auxiliary."""
    doc, end = name.doc, name.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return False
    after = doc[end + 2]
    return after.i == subject.head.i or after.head.i == subject.head.i


def _only_date(token: Token, skip: set[int]) -> bool:
    """A preposition whose object is the date expression ("on Tuesday")."""
    return token.dep_ == "prep" and all(t.i in skip or t.i == token.i for t in token.subtree)


def _phrase(token: Token, skip: set[int]) -> set[int]:
    found = {token.i}
    for child in token.children:
        coordinated = child.dep_ in ("conj", "cc") and token.pos_ in ("NOUN", "PROPN", "PRON")
        coordinated |= child.text == "," and _listing(token, child)  # "Rubio, Bush and Cruz"
        in_word = _hyphen(child) or _hyphenated(child)  # "spectacle-filled" stays whole
        in_word |= _plural_possessive(child)  # "citizens’ phones"
        told = child.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        told |= child.dep_ == "mark" and child.lower_ == "that" and token.dep_ == "acl"
        told |= _completes(token, child)  # "became the latest to vanquish insurgents"
        told |= _infinitive_of_subject(token, child)  # "the government’s right to monitor phones"
        # "Trump and Xi" stays; so does what a noun tells: "woke up to the news that Trump was ahead"
        dropped = child.dep_ in _DROP and not in_word and not coordinated and not told
        if dropped or child.i in skip or _only_date(child, skip):
            continue
        if child.dep_ == "prep" and token.pos_ in ("NOUN", "PROPN") and _long(child, skip):
            continue  # "the memorial closures, one of the most ... on to": keep noun phrases short
        found |= _phrase(child, skip)
    return found


def _listing(noun: Token, comma: Token) -> bool:
    """A comma between the names of a list: a conjoined noun follows it."""
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "conj" and c.i > comma.i for c in noun.children)


def _hyphen(token: Token) -> bool:
    """The hyphen inside a word: "spectacle-filled", or as tokenised text writes it, "Republican -
    controlled" (both sides hang on the word after it)."""
    if token.text not in ("-", "–") or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    if not token.whitespace_ and not token.nbor(-1).whitespace_:
        return True
    after = token.nbor(1)
    return token.head.i == after.i and token.nbor(-1).head.i == after.i and after.pos_ in ("ADJ", "VERB")


def _plural_possessive(token: Token) -> bool:
    """The apostrophe of "citizens’ phones": after a plural noun, marking the noun after it."""
    if token.text not in ("'", "’") or token.i == 0:
        return False
    before = token.nbor(-1)
    return not before.whitespace_ and before.tag_ in ("NNS", "NNPS") and token.head.i == token.i + 1


def _hyphenated(token: Token) -> bool:
    """The first part of a hyphenated word: "spectacle" of "spectacle-filled"."""
    return token.i + 1 < len(token.doc) and _hyphen(token.nbor(1))


def _described(doc: Doc, names: Mapping[int, str]) -> set[int]:
    """The words of a description that its name replaces ("the envoy" -> "Chung Eui-yong"): its
    determiners and modifiers; when the name is written beside it ("the former Florida governor
    Jeb Bush"), the description itself too, so the name is not told twice."""
    found: set[int] = set()
    for i, name in names.items():
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue
        found |= {x.i for m in noun.lefts if m.dep_ in ("det", "amod", "compound", "nmod") for x in m.subtree}
        beside = [c for c in noun.children if _name_beside(c)]
        if any(name.split()[-1] in {t.text for t in c.subtree} for c in beside):
            found.add(i)
    return found


def _name_beside(token: Token) -> bool:
    return token.dep_ in ("appos", "compound") and token.pos_ == "PROPN"


def _long(token: Token, skip: set[int]) -> bool:
    """A phrase of more than six words, the date left out ("of the Paris attacks on Thursday")."""
    return sum(1 for t in token.subtree if t.i not in skip) > 6


def _completes(noun: Token, child: Token) -> bool:
    """An infinitive that says what a ranked attribute is about: "the latest to vanquish
    insurgents", "the first to file" (without it "became the latest" tells nothing)."""
    ranked = noun.dep_ == "attr" and any(
        c.tag_ in ("JJS", "RBS") or c.lower_ in ("first", "last", "only", "next") for c in noun.children
    ) or noun.tag_ == "JJS"
    return ranked and child.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                            for c in child.children)


def _infinitive_of_subject(noun: Token, child: Token) -> bool:
    """An infinitive that says what a subject noun is ("The government’s right to monitor phones
    took centre stage", "Cruz's bid to defund the law failed"): without it the noun tells nothing."""
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ == "NOUN" and child.dep_ == "acl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in child.children
    )


def _shorten(verb: Token, words: list[Token], skip: set[int]) -> list[Token]:
    """Drop prepositional phrases of the verb from the end until the headline fits, then cut."""
    kept = {t.i for t in words}
    objects = any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd") and c.i in kept
                  or c.dep_ == "advmod" and c.i == verb.i + 1 and any(c.children)  # "remains ahead of"
                  for c in verb.children)
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.i in kept
             and c.lower_ != "according"]
    # the only complement of "woke up to the news that ..." is cut short, not dropped
    needed = preps[0].i if preps and not objects else None
    # a phrase before the clause the verb reports stays: "responded to reports that leaders ..."
    clause = max((c.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i in kept), default=-1)
    # a frame before the subject goes first ("On the Democratic side, Sanders joined Clinton as a
    # candidate"), then "according to the latest poll": the source, not what happened
    for prep in [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.i in kept
                 and not any(s.dep_ in _SUBJECTS and s.i < c.i for s in verb.children)]:
        if len(kept) > MAX_WORDS:
            kept -= {t.i for t in prep.subtree}
    for child in sorted(verb.children, key=lambda c: (c.lower_ != "according", -c.i)):
        if len(kept) <= MAX_WORDS:
            break
        after = child.dep_ in ("prep", "advmod", "agent") and child.i > max(verb.i, clause)
        if after and child.i != needed or child.lower_ == "according":
            kept -= {t.i for t in child.subtree}
    for prep in _subject_phrases(verb, kept):  # "One of the largest newspapers in their home state"
        if len(kept) <= MAX_WORDS:
            break
        kept -= {t.i for t in prep.subtree}
    return [t for t in words if t.i in kept]


def _subject_phrases(verb: Token, kept: set[int]) -> list[Token]:
    """The prepositional phrases inside the verb's subject, last first, but the "of" that says of
    what a number or pronoun is ("One of the largest newspapers")."""
    found = [
        t for c in verb.children if c.dep_ in _SUBJECTS for t in c.subtree
        if t.dep_ == "prep" and t.i in kept and not (t.lower_ == "of" and t.head.pos_ in ("NUM", "PRON"))
    ]
    return sorted(found, key=lambda t: -t.i)


def _join(words: list[Token], names: Mapping[int, str] | None = None) -> str:
    """Words joined with their own spacing; quote marks, and brackets left unmatched, go; pronouns
    in ``names`` are replaced by the name."""
    out: list[str] = []
    names = names or {}
    doc = words[0].doc if words else None
    described = _described(doc, names) if doc is not None else set()
    names = {i: n for i, n in names.items() if i not in described}
    for n, t in enumerate(words):
        if t.i in described:  # "the envoy" -> "Chung Eui-yong", not "The Chung Eui-yong"
            continue
        possessive = t.text in "'’" and n + 1 < len(words) and words[n + 1].lower_ == "s"
        possessive |= _plural_possessive(t)
        if (t.text in _QUOTES and not possessive) or t.text in "()[]":
            continue
        follow = n + 1 < len(words) and words[n + 1].i == t.i + 1
        name = names.get(t.i)
        if name is not None and name in "".join(out):  # "Koch told USA Today he ...": named already
            name = None
        if t.text in (",", ";", ":") and out:  # "the opposite, insisting": no space before it
            out[-1] = out[-1].rstrip()
        out.append((name or t.text) + (t.whitespace_ if follow else " "))
    text = "".join(out).strip()
    while True:  # a phrase cut short: "when he met with Moon in"
        trimmed = _DANGLING.sub("", text).rstrip(",;:-–—").strip()
        if trimmed == text:
            return text
        text = trimmed
