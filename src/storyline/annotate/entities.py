"""``storyline_entities``: one article's entities from spaCy NER, cleaned and chained.

Each NER span of a kept type is cleaned (possessives, trailing punctuation, a
leading "the", honorifics such as "Mr." or "Secretary of State") and grouped:

1. full names (two words or more) join when ``same_person`` says they are one
   person ("Kim Jong-un" / "Kim Jong Un", "John R. Bolton" / "John Bolton"),
   other names only when their normalised keys are equal;
2. a one-word name ("Kim", "Mr. Trump", "Chung" even when NER typed it GPE)
   joins the compatible full name mentioned nearest before it (or, failing
   that, after it), unless another bearer of the name named before is the
   article's main one (three times the mentions so far); different people
   sharing a family name stay apart;
3. definite role descriptions ("the envoy", "the North Korean leader") join the
   one person the article gave that role, through an apposition ("Karoline
   Leavitt, the spokesperson"; "the envoy, Chung Eui-yong"), a title before the
   name ("special envoy Chung Eui-yong") or an honorific ("President Trump").

An entity's type is decided by agreement across its mentions (full names vote
first), its canonical name is its fullest, most used name, and its aliases are
every form the article used.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..text.names import HONORIFICS, is_short_form, name_tokens, normalize_name, same_person, short_forms
from ..types import EntityMention, LocalEntity
from .extensions import register_extensions

__all__ = [
    "ENTITY_LABELS",
    "EntityResolver",
    "is_short_form",
    "normalize_name",
    "resolve_entities",
    "same_person",
]

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW")
_SHORT_FORM_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_HONORIFIC_SET = frozenset(HONORIFICS)
_MAX_HONORIFIC = max(len(h) for h in HONORIFICS)
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "i", "we", "you"})
_DEFINITE = frozenset({"the", "this", "that"})
_HYPHENS = frozenset({"-", "‐", "‑"})
_COMPASS = frozenset({"north", "south", "east", "west"})
# Role nouns whose apposition makes a name a person's: "Carly Fiorina, the former Hewlett-Packard CEO".
_ROLE_WORDS = frozenset(h[-1] for h in HONORIFICS if len(h[-1]) > 3) | {"ceo", "executive", "founder"}


@dataclass(slots=True)
class _Mention:
    start: int  # token index of the name (after honorifics)
    end: int
    surface_start: int  # token index including honorifics before the name
    label: str
    key: str
    name: str
    surface: str
    titles: list[tuple[str, ...]] = field(default_factory=list)
    multi: bool = False
    person: bool = False  # written as a person's name: with a title or a role in apposition


@dataclass(slots=True)
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        self.keys.add(m.key)

    def label(self) -> str:
        voters = [m for m in self.mentions if m.multi] or self.mentions
        counts = Counter(m.label for m in voters)
        best = max(counts, key=lambda lab: (counts[lab], -ENTITY_LABELS.index(lab)))
        # NER types some people ORG in every sentence ("Carly Fiorina"); a full name the text
        # writes as a person's ("former Hewlett-Packard CEO Carly Fiorina") is one
        if best == "ORG" and any(m.multi for m in self.mentions) and any(m.person for m in self.mentions):
            return "PERSON"
        return best


def _word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def _honorific_run(doc: Doc, start: int, end: int) -> int:
    """Length of the honorific sequence starting at token ``start`` (0 if none)."""
    for n in range(min(_MAX_HONORIFIC, end - start), 0, -1):
        if tuple(_word(t) for t in doc[start : start + n]) in _HONORIFIC_SET:
            return n
    return 0


def _titles_before(doc: Doc, start: int, sent_start: int) -> tuple[int, list[tuple[str, ...]]]:
    """Honorifics written right before token ``start``: new start and the titles."""
    titles: list[tuple[str, ...]] = []
    moved = True
    while moved:
        moved = False
        for n in range(min(_MAX_HONORIFIC, start - sent_start), 0, -1):
            words = tuple(_word(t) for t in doc[start - n : start])
            if words in _HONORIFIC_SET and doc[start - n].text[:1].isupper():
                titles.append(words)
                start -= n
                moved = True
                break
    return start, titles


_NAMED = frozenset({"PERSON", "ORG"})  # types that are written as proper names


def _ner_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """NER spans of kept types, with person names that NER cut at a hyphen
    ("Moon Jae" + "-in") or at non-breaking spaces ("Kim", "Jong", "Un") repaired."""
    spans: list[tuple[int, int, str]] = []
    n = len(doc)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        s, e, label = ent.start, ent.end, ent.label_
        if label in _NAMED and not any(t.text[:1].isupper() for t in ent):
            continue  # "an anonymous, grey meeting room": no capital, no name
        if label == "PERSON":
            while (
                e + 1 < n
                and not doc[e - 1].whitespace_
                and doc[e].text in _HYPHENS
                and not doc[e].whitespace_
                and doc[e + 1].is_alpha
            ):
                e += 2
            if spans and spans[-1][2] == "PERSON":
                ps, pe, _ = spans[-1]
                if pe < s and all(t.is_space for t in doc[pe:s]):
                    spans[-1] = (ps, e, label)
                    continue
        spans.append((s, e, label))
    return spans


def _text(span: Span) -> str:
    return " ".join(span.text.split())


def _clean(doc: Doc, s: int, e: int, label: str, sent_start: int) -> _Mention | None:
    while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in _POSSESSIVE):
        e -= 1
    while s < e and (doc[s].is_punct or doc[s].lower_ == "the"):
        s += 1
    titles: list[tuple[str, ...]] = []
    outer = s
    while e - s > 1 and (n := _honorific_run(doc, s, e - 1)):
        titles.append(tuple(_word(t) for t in doc[s : s + n]))
        s += n
    if s >= e:
        return None
    name = _text(doc[s:e])
    key = normalize_name(name)
    if not key or key in _PRONOUNS or _office(doc, s, e):
        return None
    surface_start, before = _titles_before(doc, outer, sent_start)
    titles.extend(before)
    surface = _text(doc[surface_start:e])
    return _Mention(s, e, surface_start, label, key, name, surface, titles, len(name_tokens(name)) > 1)


def _office(doc: Doc, s: int, e: int) -> bool:
    """ "Secretary of State Mike Pompeo": the one word after "Secretary of" names the office,
    not an organisation of its own."""
    return e - s == 1 and s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ == "secretary"


def _written_as_person(doc: Doc, m: _Mention) -> bool:
    """A title before the name ("former Hewlett-Packard CEO Carly Fiorina"), a role noun or an
    age in apposition ("Carly Fiorina, former chief executive of Hewlett-Packard"; "Fiorina,
    60,"). (A person named beside
    it is no evidence: "the Senate Conservative Fund ... and Palin".)"""
    if m.titles:
        return True
    root = doc[m.start : m.end].root
    beside = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        beside.append(root.head)
    return any(t.i not in range(m.start, m.end) and (t.lower_ in _ROLE_WORDS and t.pos_ == "NOUN" or _age(t))
               for t in beside)


def _age(token: Token) -> bool:
    """"Fiorina, 60, has never held public office": a person's age in apposition."""
    return token.tag_ == "CD" and token.text.isdigit() and 16 <= int(token.text) <= 110


def _stems(tokens: list[Token]) -> set[str]:
    """Four-letter stems of capitalised words (names, nationalities) in ``tokens``."""
    return {t.lower_[:4] for t in tokens if t.text[:1].isupper() and t.is_alpha and t.lower_ not in _DEFINITE}


def _left_modifiers(noun: Token) -> list[Token]:
    return [t for child in noun.lefts for t in child.subtree]


class EntityResolver:
    """Builds one article's entities; not thread-safe, one instance per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, _Cluster] = {}
        # role lemma -> cluster index -> stems of modifiers used with that role
        self.roles: dict[str, dict[int, set[str]]] = {}

    def run(self) -> tuple[list[LocalEntity], list[EntityMention]]:
        doc = self.doc
        starts = [0] * len(doc)
        for sent in doc.sents:
            starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        mentions = [m for s, e, lab in _ner_spans(doc) if (m := _clean(doc, s, e, lab, starts[s]))]
        for m in mentions:
            m.person = _written_as_person(doc, m)
        for m in mentions:
            if m.multi:
                self._add_full(m)
        self._index_short_forms([m for m in mentions if not m.multi])
        for m in mentions:
            if not m.multi:
                self._add_short(m)
        clusters = [c for c in self.clusters if c.mentions]
        clusters.sort(key=lambda c: min(m.surface_start for m in c.mentions))
        index = {id(c): i for i, c in enumerate(clusters)}
        for c in clusters:
            if c.label() == "PERSON":
                for m in c.mentions:
                    self._collect_roles(m, index[id(c)])
        descriptions = self._descriptions(clusters)
        return self._build(clusters, descriptions)

    # -- grouping --------------------------------------------------------------

    def _new(self, m: _Mention) -> None:
        c = _Cluster()
        c.add(m)
        self.clusters.append(c)
        self.by_key.setdefault(m.key, c)

    def _add_full(self, m: _Mention) -> None:
        if (c := self.by_key.get(m.key)) is not None:
            c.add(m)
            return
        if m.label == "PERSON":
            for c in self.clusters:
                if any(x.label == "PERSON" for x in c.mentions) and any(
                    same_person(m.key, k) for k in c.keys if len(k.split()) > 1
                ):
                    c.add(m)
                    self.by_key[m.key] = c
                    return
        self._new(m)

    def _index_short_forms(self, shorts: list[_Mention]) -> None:
        """One-word form -> person clusters with a full name having that form. A full name NER
        typed ORG is a person's when its one-word form is written as one ("Carly Fiorina" ...
        "Fiorina, a former chief executive of Hewlett-Packard"): the form joins it, and so
        makes it a person (``_Cluster.label``)."""
        self.short_index: dict[str, list[_Cluster]] = {}
        people = {m.key for m in shorts if m.person}
        for c in self.clusters:
            forms = {f for k in c.keys if len(k.split()) > 1 for f in short_forms(k)}
            if c.label() != "PERSON" and not (c.label() == "ORG" and forms & people):
                continue
            for form in forms:
                self.short_index.setdefault(form, []).append(c)

    def _add_short(self, m: _Mention) -> None:
        candidates: list[tuple[_Cluster, list[int]]] = []
        if m.label in _SHORT_FORM_LABELS and not (m.name.isupper() and len(m.name) <= 3):
            for c in self.short_index.get(m.key, ()):
                candidates.append((c, [x.start for x in c.mentions if x.multi]))
        if candidates:
            before = [(max(p for p in ps if p < m.start), c) for c, ps in candidates if min(ps) < m.start]
            if before:
                self._nearest_or_main(m, before).add(m)
            else:
                min(((min(ps), c) for c, ps in candidates), key=lambda pc: pc[0])[1].add(m)
            return
        if (region := self._region_of(m)) is not None:
            region.add(m)  # "the North" in an article about North Korea
            return
        same = self.by_key.get(m.key)
        if same is not None and not any(x.multi for x in same.mentions):
            same.add(m)
            return
        self._new(m)

    def _region_of(self, m: _Mention) -> _Cluster | None:
        """The one place of the article whose name opens with the compass word ``m`` is ("the
        North", "the South" for North and South Korea; "the West" with no "West X" stays)."""
        if m.key not in _COMPASS or m.label not in ("GPE", "LOC"):
            return None
        places = [
            c for c in self.clusters
            if c.label() in ("GPE", "LOC") and any(k.split()[0] == m.key and " " in k for k in c.keys)
        ]
        return places[0] if len(places) == 1 else None

    @staticmethod
    def _nearest_or_main(m: _Mention, before: list[tuple[int, _Cluster]]) -> _Cluster:
        """The person named nearest before ``m``, unless one named before is the article's main
        bearer of that name (three times as many mentions so far): "Cruz", a few lines after
        "Perez Prado, Celia Cruz and Beny Moré" in an article about Ted Cruz, is Ted Cruz."""
        def weight(c: _Cluster) -> int:
            return sum(1 for x in c.mentions if x.start < m.start)

        nearest = max(before, key=lambda pc: pc[0])[1]
        main = max((c for _, c in before), key=weight)
        return main if weight(main) >= 3 * weight(nearest) else nearest

    # -- role descriptions -------------------------------------------------------

    def _role(self, noun: Token, cluster: int, exclude: range) -> None:
        if noun.pos_ != "NOUN" or noun.tag_ == "NNS":
            return
        mods = [t for t in _left_modifiers(noun) if t.i not in exclude]
        self.roles.setdefault(noun.lemma_.lower(), {}).setdefault(cluster, set()).update(_stems(mods))

    def _collect_roles(self, m: _Mention, cluster: int) -> None:
        for title in m.titles:
            word = title[title.index("of") - 1] if "of" in title else title[-1]
            self.roles.setdefault(word, {}).setdefault(cluster, set())
        span = self.doc[m.start : m.end]
        root, names = span.root, range(m.start, m.end)
        for child in root.children:
            if child.dep_ == "appos" or child.dep_ in ("compound", "nmod") and child.i < m.start:
                self._role(child, cluster, names)
        if root.dep_ == "appos":
            self._role(root.head, cluster, names)

    def _descriptions(self, clusters: list[_Cluster]) -> list[tuple[int, int, int]]:
        """(start token, end token, cluster index) of resolved definite descriptions."""
        if not self.roles:
            return []
        taken = {
            i
            for c in clusters
            if c.label() == "PERSON"
            for m in c.mentions
            for i in range(m.surface_start, m.end)
        }
        sizes = [len(c.mentions) for c in clusters]
        found: list[tuple[int, int, int]] = []
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or tok.i in taken:
                continue
            owners = self.roles.get(tok.lemma_.lower())
            if not owners or tok.dep_ == "compound":
                continue
            lefts = list(tok.lefts)
            if not any(t.dep_ == "det" and t.lower_ in _DEFINITE for t in lefts):
                continue
            mods = _left_modifiers(tok)
            if any(t.i in taken for t in mods):
                continue
            owner = self._pick_owner(owners, _stems(mods), sizes)
            if owner is not None:
                found.append((min(t.i for t in lefts), tok.i + 1, owner))
        return found

    @staticmethod
    def _pick_owner(owners: dict[int, set[str]], stems: set[str], sizes: list[int]) -> int | None:
        """The one holder of a role that the description's modifiers fit; for a
        bare description ("the president") shared by several people, the one the
        article is about (at least twice as many mentions as the next)."""
        if len(owners) == 1:
            ((owner, known),) = owners.items()
            return owner if not stems or not known or stems & known else None
        scored = sorted(((len(stems & known), o) for o, known in owners.items()), reverse=True)
        if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
            return scored[0][1]
        if not stems:
            by_size = sorted(owners, key=lambda o: sizes[o], reverse=True)
            if sizes[by_size[0]] >= 2 * sizes[by_size[1]]:
                return by_size[0]
        return None

    # -- output ------------------------------------------------------------------

    def _build(
        self, clusters: list[_Cluster], descriptions: list[tuple[int, int, int]]
    ) -> tuple[list[LocalEntity], list[EntityMention]]:
        doc = self.doc
        extra = Counter(owner for _, _, owner in descriptions)
        entities: list[LocalEntity] = []
        mentions: list[EntityMention] = []
        for key, c in enumerate(clusters):
            ordered = sorted(c.mentions, key=lambda m: m.start)
            counts = Counter(m.name for m in ordered)
            first = {n: i for i, n in reversed(list(enumerate(m.name for m in ordered)))}
            name = max(counts, key=lambda n: (len(name_tokens(n)), counts[n], -first[n]))
            aliases = dict.fromkeys(a for m in ordered for a in (m.surface, m.name))
            entities.append(LocalEntity(key, name, c.label(), tuple(aliases), len(ordered) + extra[key]))
            for m in ordered:
                span = doc[m.surface_start : m.end]
                mentions.append(EntityMention(span.start_char, span.end_char, span.text, key))
        for start, end, owner in descriptions:
            span = doc[start:end]
            mentions.append(EntityMention(span.start_char, span.end_char, span.text, owner))
        mentions.sort(key=lambda m: (m.start, m.end))
        return entities, mentions


def resolve_entities(doc: Doc) -> tuple[list[LocalEntity], list[EntityMention]]:
    """The entities and entity mentions of a parsed Doc (NER and parse required)."""
    return EntityResolver(doc).run()


@Language.factory(
    "storyline_entities",
    assigns=["doc._.entities", "doc._.entity_mentions"],
    requires=["doc.ents"],
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()


class EntitiesComponent:
    """Pipeline component setting ``doc._.entities`` and ``doc._.entity_mentions``."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities, doc._.entity_mentions = resolve_entities(doc)
        return doc
