"""Attribution cues beyond speech verbs: the lexicon and how each cue's content is read.

A cue belongs to one *class*:

- ``speech``: saying or writing ("said", "tweeted", "called X a liar", "the poll shows");
- ``cognition``: belief and knowledge ("believes", "thinks", "found that", "seems to");
- ``intention``: wanting and planning ("wants to", "plans to", "hopes", "refused to");
- ``stance``: taking a side or attacking one ("warned", "accused", "denied", "backed");
- ``nominal``: a noun or phrase ("according to", "his claim that", "in the poll").

Verbs that are mostly used in other senses ("know", "see", "think") count
only with a clausal complement ("thinks that ...", "sees that ..."); the others
also with a plain object ("criticized Clinton", "endorsed Cruz", "wants a switch to
more liberal policies", "believed the allegations"). Content is what
the verb governs to its right (object, complement, prepositional phrase);
raising verbs ("X seems to be", "X is expected to") have no source and their
content includes the subject.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = [
    "ADJECTIVE_CUES",
    "CUE_CLASSES",
    "CUE_WORDS",
    "DOCUMENTS",
    "EXTRA_SPEECH",
    "NOMINAL_CUES",
    "RAISING",
    "colon_source",
    "cue_class",
    "needs_clause",
    "noun_cue",
    "prepositional_source",
    "verb_content",
    "retort",
    "TALKING",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon string."""
    return frozenset(text.split())


# "retweete": the model's lemma of "retweeted"
_EXTRA_SPEECH = """
call describe cite refer point respond mention discuss talk speak email chant reply remind list label
dub portray characterize liken echo retweet interject utter preach  outline detail highlight
underscore tout muse opine pronounce reaffirm clarify elaborate articulate recite express voice hint
imply show indicate  forecast  hail credit signal share identify compare reference quote recommend
request encourage address invoke document interpret guess cry retweete persuade paint
rule confess theorize surmise
"""
_COGNITION = """
think believe know feel find see consider view regard deem  realize understand learn doubt
suspect wonder fear worry assume imagine   recognize  perceive determine envision
foresee  contemplate mull reckon  calculate judge seem appear
"""
_INTENTION = """
want plan hope hop expect intend  seek decide refuse decline agree offer threaten prefer wish opt strive
 like push demand order
"""
_STANCE = """
accuse criticize support oppose endorse back defend praise attack blast slam blame dismiss reject
question challenge denounce condemn mock favor applaud welcome thank disavow dispute rebuke decry
chide lash rail assail deride lambast champion advocate embrace congratulate contradict rebut
repudiate disparage insult bash  rip savage scoff  bemoan  vouch balk spar attribute
apologize disagree allude vote downplay trash hammer
"""

# speech verbs of ``quotes.SPEECH_VERBS`` that are also stances
_STANCE_SPEECH = words(
    "warn deny insist acknowledge claim admit concede allege charge complain lament boast brag urge"
)


def _classes() -> dict[str, str]:
    out: dict[str, str] = {}
    for cls, words in (("speech", _EXTRA_SPEECH), ("cognition", _COGNITION), ("intention", _INTENTION)):
        out.update(dict.fromkeys(words.split(), cls))
    out.update(dict.fromkeys(_STANCE.split(), "stance"))
    return out


CUE_CLASSES: dict[str, str] = _classes()
# cues mostly used in other senses: only with a clause ("thinks that", "sees that")
_CLAUSE_ONLY = words(
    "think know feel find see consider understand learn realize remember like plan rule "
    "wish hop figure look challenge welcome assume"  # hop: "hopped on her board", not "hoping"
)
# the subject is what is thought or expected, not who thinks it: "Trump seems to lead"
RAISING = words("seem appear")
# passive "X is expected/believed/said to ...": no source, the subject is content
_PASSIVE_RAISING = words("expect believe say think know consider report rumor view see")
# nouns that cue an attribution when they govern a clause or an "of"/"about" phrase
NOMINAL_CUES = words("""
statement claim criticism concern view hope doubt suggestion assertion complaint allegation accusation
warning belief promise pledge argument contention assumption opinion admission fear insistence
denial vow demand call proposal plan desire intention expectation prediction estimate
attack endorsement opposition praise mention announcement defense question
idea feeling decision goal favor anxiety message case consensus
""")
# documents that state things: "in the poll", "in the report"
DOCUMENTS = words("poll survey study report analysis review audit filing memo letter book ad video")
# verbs whose object is the person addressed, not what was said
_ADDRESSEE = words("remind tell inform assure advise warn urge ask thank congratulate")
# verbs whose "for" phrase is what is wanted ("pushing for a troop presence"), else no cue
_PUSHING = words("push")
# verbs of talking whose "to"/"with" phrase is who was talked to ("talked to reporters")
TALKING = words("talk speak chat")
_SEEING = words("see view regard consider")
_PERCEIVING = words("see watch hear notice")
_TOPIC_PREPS = words("of about on against over for to")
# adjectives of a stance or a state of mind after a copula: "is critical of", "was confident that"
ADJECTIVE_CUES: dict[str, str] = {
    **dict.fromkeys(
        words("sure confident convinced aware unsure uncertain doubtful skeptical sceptical optimistic "
              "pessimistic hopeful worried concerned fearful afraid nervous"),
        "cognition",
    ),
    **dict.fromkeys(words("eager reluctant keen unwilling hesitant"), "intention"),
    "clear": "speech",  # "he was clear that", "she made it clear that"
    **dict.fromkeys(
        words("critical supportive outspoken vocal angry open proud wary unhappy happy pleased enamored "
              "upbeat adamant frustrated disappointed opposed satisfied dissatisfied enthusiastic "
              "excited comfortable uncomfortable positive negative furious grateful dismissive"),
        "stance",
    ),
}
CUE_WORDS = frozenset(CUE_CLASSES) | NOMINAL_CUES | frozenset(ADJECTIVE_CUES)
# verbs of showing and naming counted as speech beyond the classic speech verbs
EXTRA_SPEECH = words(_EXTRA_SPEECH)
_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "acomp", "dative", "pcomp"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
# prepositions that mostly place or date a report rather than say what it is about
_FRAME_PREPS = words(
    "in during after before since by from via through until within amid despite across near under around "
    "inside outside following throughout upon including like according"
)
_TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday day night morning afternoon evening week "
    "weekend month year today yesterday tonight time occasion"
)


# verbs that answer back with their particle: "shot back", "fired back", "hit back", "pushed back"
RETORTS = words("shoot fire hit push strike")


def retort(verb: Token) -> bool:
    return verb.lemma_.lower() in RETORTS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children
    )


def cue_class(verb: Token, speech_verbs: frozenset[str]) -> str | None:
    """The class of a verb cue, or None for a word that is not one."""
    lemma = verb.lemma_.lower()
    if retort(verb):
        return "speech"
    if lemma in _STANCE_SPEECH:
        return "stance"
    if lemma in speech_verbs:
        return "speech"
    if lemma in CUE_CLASSES:
        return CUE_CLASSES[lemma]
    return None


def needs_clause(lemma: str) -> bool:
    return lemma in _CLAUSE_ONLY


def passive_raising(verb: Token) -> bool:
    """ "X is expected to win": the passive of a reporting verb with an infinitive."""
    return (
        verb.lemma_.lower() in _PASSIVE_RAISING
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def verb_content(verb: Token) -> list[int] | None:
    """Token indexes of what a non-speech cue verb governs, or None when it
    governs nothing that can be content (or only a plain object where a clause
    is required)."""
    lemma = verb.lemma_.lower()
    raising = lemma in RAISING or passive_raising(verb)
    picked = [c for c in verb.rights if c.dep_ in _CONTENT_DEPS and not _frame(c) or _for_clause(c)]
    if any(c.dep_ in ("dobj", *_CLAUSE_DEPS) for c in picked):
        # "supports encryption of the home folder, with a near-transparent process": an adjunct
        picked = [c for c in picked if not _set_off_with(c)]
    if lemma in _ADDRESSEE:  # "reminded voters that ...": the object is who was told
        picked = [c for c in picked if c.dep_ != "dobj"]
    if lemma in _PUSHING:  # "pushed for a ban", not "pushed the cart" or "pushed back"
        picked = [c for c in picked if c.dep_ in _CLAUSE_DEPS or c.dep_ == "prep" and c.lower_ == "for"]
    if retort(verb):  # "shot back that ...", "pushed back against ..."; not "fired back at the attackers"
        picked = [c for c in picked if c.dep_ in _CLAUSE_DEPS or c.dep_ == "prep" and c.lower_ == "against"]
    if lemma == "paint":  # "painted Trump as a bigot", not "painted the house"
        picked = picked if any(c.dep_ == "prep" and c.lower_ == "as" for c in picked) else []
    if lemma == "address":  # "addressed the controversy", not "addressed the convention" (an audience)
        picked = [c for c in picked if not (c.dep_ == "dobj" and _audience(c))]
    if lemma in TALKING:  # "spoke about the need for ...", not "talked to reporters" or "spoke for an hour"
        picked = [c for c in picked if c.dep_ in _CLAUSE_DEPS or c.dep_ == "prep" and _talked_about(c)]
    if not picked:  # "Young voters are turning to Sanders, a new poll indicates": the clause before
        picked = [c for c in verb.lefts if c.dep_ == "ccomp" and _comma_between(c, verb)]
    if lemma in _PERCEIVING and any(c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG") for c in picked):
        return None  # "has seen its computers become slower": witnessed, not thought
    if not picked:
        return None
    seen_as = lemma in _SEEING and any(c.dep_ == "prep" and c.lower_ == "as" for c in picked)
    if (needs_clause(lemma) or raising) and not seen_as and not any(c.dep_ in _CLAUSE_DEPS for c in picked):
        return None  # ("voters see Clinton as the stronger candidate": a view, though no clause)
    tokens = {t.i for c in picked for t in c.subtree}
    if raising:
        tokens.update(t.i for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    return sorted(tokens)


_GATHERINGS = words(
    "convention conference meeting rally crowd audience gala dinner session assembly congress parliament "
    "members supporters delegates reporters students voters nation country graduates"
)


def _audience(obj: Token) -> bool:
    """Who is addressed: a gathering, people, a person or a group."""
    if obj.lemma_.lower() in _GATHERINGS or obj.pos_ in ("PRON", "PROPN"):
        return True
    return obj.ent_type_ in ("PERSON", "ORG", "NORP")


def _talked_about(prep: Token) -> bool:
    """What "about" or "of" a talk was, or what it was "against" ("spoke of a recent visit"; not
    "spoke on the condition of anonymity", "on CNN", "on June 14")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ in ("about", "of", "against") and pobj is not None


def _set_off_with(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ == "with" and child.nbor(-1).text == ","


def _comma_between(clause: Token, verb: Token) -> bool:
    return any(t.text == "," for t in verb.doc[clause.right_edge.i : verb.i])


def _for_clause(child: Token) -> bool:
    """ "calling for the United States to step up": a "for ... to" clause the parser hangs as adverbial."""
    return child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children)


def prepositional_source(prep: Token) -> tuple[Token, Token, list[int]] | None:
    """ "In the survey, Trump leads ...": the document named after "in", the verb of the
    clause it frames and that clause, to be kept when the verb is no cue of its own (checked
    by the caller). On a noun of the clause ("his approval rating in the latest Gallup poll
    stands at 53 %", "a growing lead in a new Fox News poll"), only a named or dated poll."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in DOCUMENTS:
        return None
    named = any(c.dep_ in ("compound", "amod", "acl", "poss") for c in pobj.children)
    if _standing(pobj):
        return None  # "has steadily risen in the Republican presidential polls": no one poll says it
    verb = prep.head
    for _ in range(3):  # "took 6 percent of the vote in a Post-ABC poll": the noun's clause
        if verb.pos_ in ("VERB", "AUX") or not _one_poll(pobj) or verb.i == verb.head.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # after its clause only a named or dated one ("leads ... in a new Fox News poll released
    # Thursday"), not "surging in the polls"
    if prep.i > verb.i and not named:
        return None
    skip = {t.i for t in prep.subtree}
    for child in verb.rights:  # "– and he came third in that poll – has its roots in ...": a
        if child.dep_ in ("dep", "parataxis") and child.nbor(-1).text in _BREAKS:  # dash closes it
            skip.update(t.i for t in child.subtree)
    return pobj, verb, [t.i for t in verb.subtree if t.i not in skip]


_BREAKS = frozenset({"–", "—", "-", "--", ";"})


_RECENT = frozenset({"new", "late", "latest", "recent"})


def _standing(pobj: Token) -> bool:
    """ "the Republican presidential polls", "national surveys": polls in general, not recent ones."""
    return pobj.tag_ == "NNS" and pobj.lemma_.lower() in ("poll", "survey") and not any(
        c.dep_ == "amod" and c.lemma_.lower() in _RECENT for c in pobj.children
    )


def _one_poll(pobj: Token) -> bool:
    """ "a new Fox poll", "the latest survey", "the most recent polls": one poll's findings,
    not the standing "in national polls" or "in New Hampshire polls"."""
    if pobj.lemma_.lower() not in ("poll", "survey"):
        return False
    recent = any(c.dep_ == "amod" and c.lemma_.lower() in _RECENT for c in pobj.children)
    return recent or pobj.tag_ == "NN" and any(c.dep_ == "det" for c in pobj.children)


def noun_cue(noun: Token) -> tuple[Token | None, list[int]] | None:
    """ "his claim that ...", "criticism of the plan from Democrats": a cue noun,
    its holder (possessive, "from"/"by" phrase or a name before it) and the clause
    or topic it governs."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOMINAL_CUES:
        return None
    if noun.lemma_.lower() in _HELD_ONLY and not (noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have"):
        return None  # "Obama's plan to admit refugees": a policy; "has no plans to": an intention
    source: Token | None = None
    content: list[int] = []
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i:
            source = c
        elif c.dep_ == "prep" and c.lower_ in ("from", "by", "among"):  # "anxiety among fundraisers"
            source = next((p for p in c.children if p.dep_ == "pobj"), source)
        elif c.dep_ == "acl" and c.tag_ == "VBN" and not any(g.dep_ in ("mark", "nsubj") for g in c.children):
            continue  # "the demand by Republicans – largely instigated by Cruz – that ...": a description
        elif c.dep_ in ("acl", "ccomp") or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS:
            content.extend(t.i for t in c.subtree)
    return (_own_subject(noun, source) or source, sorted(content)) if content else None


_HELD_ONLY = words("plan")  # cue nouns only as what someone has ("has no plans to")
_OWN = frozenset({"his", "her", "its", "their"})


def _own_subject(noun: Token, holder: Token | None) -> Token | None:
    """ "Trump revised his proposal", "De Blasio repeated his claim that ...": the subject that
    does something with its own cue noun is the source, named, rather than the pronoun."""
    verb = noun.head
    if holder is None or holder.lower_ not in _OWN or noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in ("PROPN", "NOUN") else None


def colon_source(sent: Span) -> tuple[int, int] | None:
    """ "Marco Rubio: I'm not interested", "BOULDUAN: You guys ...": a short name
    opening a line and followed by a colon speaks what follows (token range of the name)."""
    for tok in sent[:9]:
        if tok.text != ":":
            continue
        end = tok.i
        if sent.start == 0:  # a headline "CNN President On Trump: ...", "AG Mukasey at RNC: ...": who spoke
            end = next((t.i for t in sent.doc[sent.start : end] if t.lower_ in _HEADLINE_PREPS), end)
        name = sent.doc[sent.start : end]
        ok = 0 < len(name) <= 4 and all(t.pos_ in _NAME_TAGS or _named(t) for t in name)
        # a title-case headline ("Trump: Cruz Has ...") tags its names as nouns
        named = any(t.pos_ == "PROPN" or _named(t) or t.is_title and t.i == sent.start == 0 for t in name)
        # "Sun: A CEO's Last Stand, is Business Week's cover story": a title, the subject of what follows
        title = any(
            t.dep_ == "nsubj" and t.head.i > tok.i and any(c.text == "," for c in sent.doc[tok.i : t.head.i])
            for t in name
        )
        return (sent.start, end) if ok and named and not title else None
    return None


_HEADLINE_PREPS = frozenset({"to", "on", "at"})
_NAME_TAGS = frozenset({"PROPN", "NOUN", "PUNCT", "DET"})


def _named(tok: Token) -> bool:
    """A word of a person's or an organisation's name, whatever its tag ("Issa" read as an adjective)."""
    return tok.ent_type_ in ("PERSON", "ORG") and tok.is_title


def _frame(child: Token) -> bool:
    """A prepositional phrase of place, time or medium ("in a statement", "on Sunday")."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in _FRAME_PREPS:
        return True
    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.lower_ in _TIME_WORDS or pobj.pos_ == "NUM")


def is_raising(verb: Token) -> bool:
    return verb.lemma_.lower() in RAISING or passive_raising(verb)
