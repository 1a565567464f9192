"""``Quote`` objects from resolved attributions: one per content range, plus the direct
quotes found inside indirect content, less negated cues, the writer's own voice, scare quotes
and the paraphrase of cues with no source."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..types import DateValue, LocalEntity, Quote, Timex
from .attribution import SPEECH_VERBS, Attribution
from .attribution_cues import DOCUMENTS
from .speakers import HUMAN_ROLES, SOURCE_NOUNS

__all__ = ["quotes_of"]

_NAMING = frozenset({"call", "dub", "label", "describe", "brand", "name", "term", "deem"})
_MODALS = frozenset({"could", "might", "may", "would", "should"})
_WH_WORDS = frozenset({"why", "how", "what", "whether", "when", "where", "who", "which"})
# verbs whose subject shows something only when it is a record of some kind ("the poll shows")
_EVIDENCE = frozenset({"show", "demonstrate", "prove"})
_RECORDS = DOCUMENTS | frozenset(
    {"data", "figure", "number", "record", "result", "chart", "graph", "photo", "footage", "image",
     "picture", "map", "evidence", "research", "document", "statistic", "estimate", "tape", "recording",
     "transcript", "email", "e-mail", "tweet", "post", "message", "statement", "filing", "return"}
)
_NOT_YET = frozenset({"before", "until", "till", "once"})  # with the present: a saying still to come
_WRITER = frozenset({"i", "we", "you", "us", "me"})  # outside quotation marks: the writer or a generic "you"


def _cue_date(doc: Doc, att: Attribution, timexes: list[Timex]) -> DateValue | None:
    """The date of a timex in the cue's sentence that hangs from the cue verb ("said on
    Sunday", "said Thursday"), not one inside what was said ('“it was 1979,” he told them')."""
    cue = att.cue
    for t in timexes:
        if t.date is None or any(a <= t.start < b for a, b in att.content):
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


def _scare_quote(doc: Doc, text: str, a: int, b: int, att: Attribution) -> bool:
    """One quoted word inside paraphrase ('when it came to “Obamacare”') unless the cue names
    something, a label inside a noun phrase ('a “religious freedom” bill'), or a word or two
    inside an embedded question ("explained why he could appeal to “outsiders”"): the
    writer's marks, not words anyone is reported to have said (``text``: the doc's, which
    spaCy would join anew on each ``doc.text``)."""
    n = len(text[a:b].split())
    if n >= 4:
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is not None and len(span) and _named_kind(span):
        return True  # 'run OS9 applications in the “classic” mode': the name of a kind of thing
    if span is not None and _speakers_word(span, att):
        return False  # 'He said Chung would take “happy” messages': the word of the paraphrased speaker
    if n == 1 and att.lemma not in _NAMING:
        return True  # 'when it came to “Obamacare”'

    if span is not None and len(span) and span.root.dep_ in ("amod", "compound", "nmod"):
        return True  # 'a controversial “religious freedom” bill': a label inside a noun phrase
    around = next((r for r in att.content if r[0] <= a and b <= r[1]), None)
    return around is not None and text[around[0] : around[1]].split(" ", 1)[0].casefold() in _WH_WORDS


def _named_kind(span: Span) -> bool:
    """A quoted modifier between a determiner and its noun: "the “classic” mode"."""
    root = span.root
    noun = root.head
    return (
        root.dep_ in ("amod", "compound")
        and noun.pos_ == "NOUN"
        and noun.i > span.end - 1
        and any(c.dep_ == "det" and c.i < span.start for c in noun.children)
    )


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
        if att.lemma and _unsaid(doc[att.cue]):
            continue  # "Lee did not mention ...", "could threaten to ...": nothing of theirs to quote
        if att.speaker is not None and _likened(doc[att.speaker]):
            continue  # "legislated like a man who believes ...": a figure of speech, no one spoke
        if att.lemma in _EVIDENCE and (att.speaker is None or not _shows(doc[att.speaker])):
            continue  # "The Senate shows, however, that ...": the writer's inference, no one's words
        if att.entity is None and att.speaker is not None and doc[att.speaker].lower_ in _WRITER:
            continue  # "I asked ...", "we know ...", "you could argue": the article's own voice
        speaker = names.get(att.entity) if att.entity is not None else att.written
        cue_sent = sent_of[att.cue]
        timexes = by_sentence.get(cue_sent, [])
        date = _cue_date(doc, att, timexes) if att.lemma and timexes else None
        pieces = [(a, b, _piece_kind(att, k, text)) for k, (a, b) in enumerate(att.content)]
        pieces += [(a, b, "direct") for a, b in att.nested if not _scare_quote(doc, text, a, b, att)]
        if att.lemma and (att.source is None or speaker is None and not _someone(doc[att.speaker or 0])):
            # "there is concern that ...", "when asked about ...", "it must be said", "Only time will
            # tell", "It promises Mac owners ...": no one is reported saying the paraphrase; only words
            # between quotation marks are someone's
            pieces = [p for p in pieces if p[2] == "direct"]
        for a, b, kind in _around_cue(pieces, doc[att.cue].idx if att.lemma else -1, text):
            cls = att.cue_class
            out.append(Quote(a, b, text[a:b], att.lemma, speaker, att.entity, kind, cue_sent, date, cls))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _unsaid(cue: Token) -> bool:
    """A cue denied, hedged or yet to come: "did not mention", "could threaten to", "if he says",
    "before Clinton even formally declares she is in the race"."""
    for c in cue.children:
        if c.dep_ == "neg" or c.lower_ in _MODALS:
            return True
        yet = c.lower_ in _NOT_YET and cue.tag_ in ("VBZ", "VBP")
        if c.dep_ == "mark" and (c.lower_ in ("if", "unless") or yet):
            return True
    return _time_to_say(cue)


_SPANS = frozenset({"time", "day", "days", "week", "weeks", "month", "months", "year", "years", "hours"})


def _time_to_say(cue: Token) -> bool:
    """ "Jobs has now had a month to say the story was rubbish": time given to speak, not speech."""
    if not any(c.lower_ == "to" for c in cue.children):
        return False
    head = cue.head
    if cue.dep_ == "acl" and head.lower_ in _SPANS and head.dep_ == "dobj":  # "had a month to say"
        return head.head.lemma_ == "have"
    # the parser also hangs the infinitive on "had" itself
    return cue.dep_ == "xcomp" and head.lemma_ == "have" and any(
        c.dep_ == "dobj" and c.lower_ in _SPANS for c in head.children
    )


def _likened(speaker: Token) -> bool:
    """ "like a man who believes he has the mandate": someone a comparison imagines."""
    return speaker.dep_ == "pobj" and speaker.head.lower_ in ("like", "unlike")


def _shows(subject: Token) -> bool:
    """A record that can show things: "the poll", "figures", "it" (a record just named)."""
    return subject.lemma_.lower() in _RECORDS or subject.lower_ in ("it", "this", "that", "which")


def _around_cue(pieces: list[tuple[int, int, str]], cue: int, text: str) -> list[tuple[int, int, str]]:
    """ "The top-end G4 will, Jobs said, be able to ...": a paraphrase the cue interrupts is one
    quote, with the cue inside, not two halves of a sentence."""
    out: list[tuple[int, int, str]] = []
    for a, b, kind in sorted(pieces):
        if out and kind == "indirect" and out[-1][2] == "indirect":
            gap = text[out[-1][1] : a]
            if out[-1][1] <= cue < a and len(gap) <= 80 and not any(c in gap for c in ".!?\n"):
                out[-1] = (out[-1][0], b, kind)
                continue
        out.append((a, b, kind))
    return out


_PEOPLE = frozenset({"he", "she", "they", "i", "we", "who", "him", "her", "them"})


def _someone(source: Token) -> bool:
    """A source that is a person or body, named or not: "he", "the senator", "officials"."""
    lemma = _singular(source.lemma_.lower())
    return source.pos_ == "PROPN" or source.lower_ in _PEOPLE or lemma in HUMAN_ROLES or lemma in SOURCE_NOUNS


def _singular(lemma: str) -> str:
    """ "spokespeople", "Congressmen": plurals the lemmatiser leaves as they are (it does at a
    sentence's start)."""
    if lemma.endswith("people"):
        return lemma[:-6] + "person"
    return lemma[:-3] + "man" if lemma.endswith("men") else lemma
