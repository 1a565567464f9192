"""Quote attribution against PolNeAR-style data: article text plus brat standoff
files marking the Source, Cue and Content of each attribution.

Layout read: ``DIR/text/<name>.txt`` and ``DIR/attributions/<name>_<annotator>.ann``
(the first annotator's file when several annotated one article).

Scores, for all attributions and for the subset whose cue is a speech verb
(``storyline.annotate.quotes.SPEECH_VERBS`` or "according to"):

- ``content_overlap``: predicted and gold contents are paired one-to-one,
  largest character overlap first; a pair counts when they share any character.
- ``content_exact``: a pair whose texts are equal once surrounding spaces,
  punctuation and quotation marks are trimmed.
- ``speaker``: over overlap-matched pairs, the predicted source span overlaps
  the gold one (precision over pairs with a predicted source, recall over pairs
  with a gold source). ``speaker_end_to_end`` divides the same hits by all
  predictions with a source and all gold attributions with a source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..annotate.quotes import SPEECH_VERBS, Attribution, find_attributions
from ..errors import EvaluationError

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "PRF",
    "QuoteScores",
    "evaluate_quotes",
    "load_documents",
    "read_brat",
    "score_document",
]

Ranges = tuple[tuple[int, int], ...]
_TRIM = " \t\n\r\xa0,.;:!?—–-\"“”‘’'()"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Ranges
    cue: Ranges
    source: Ranges  # empty for attributions without a source


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _ranges(spec: str) -> Ranges:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_brat(path: Path) -> list[GoldAttribution]:
    """Attributions of one brat ``.ann`` file (Source/Cue/Content text-bound spans
    tied together by ``Attribution`` events)."""
    spans: dict[str, Ranges] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].startswith("T"):
            kind, _, spec = cols[1].partition(" ")
            try:
                spans[cols[0]] = _ranges(spec)
            except ValueError:
                raise EvaluationError(f"{path}: malformed span {line!r}; is it a brat .ann file?") from None
            del kind
        elif len(cols) >= 2 and cols[0].startswith("E"):
            events.append(cols[1].split())
    out: list[GoldAttribution] = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            base = role.rstrip("0123456789")
            if base in roles and ref in spans:
                roles[base].extend(spans[ref])
        if roles["Content"]:
            out.append(
                GoldAttribution(
                    tuple(sorted(roles["Content"])),
                    tuple(sorted(roles["Cue"])),
                    tuple(sorted(roles["Source"])),
                )
            )
    return out


def load_documents(directory: Path, limit: int | None = None) -> list[GoldDocument]:
    """Every article under ``directory/text`` with its gold attributions."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvaluationError(
            f"{directory} has no text/ and attributions/ folders; "
            "point at a PolNeAR split such as polnear/dev"
        )
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs: list[GoldDocument] = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann_path = anns.get(txt.stem)
        if ann_path is None:
            continue
        docs.append(GoldDocument(txt.stem, txt.read_text(encoding="utf-8"), tuple(read_brat(ann_path))))
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise EvaluationError(f"no article in {text_dir} has an .ann file in {ann_dir}")
    return docs


# -- scoring -------------------------------------------------------------------------


@dataclass(slots=True)
class PRF:
    tp_p: int = 0  # hits counted for precision
    n_p: int = 0
    tp_r: int = 0  # hits counted for recall
    n_r: int = 0

    def add(self, other: PRF) -> None:
        self.tp_p += other.tp_p
        self.n_p += other.n_p
        self.tp_r += other.tp_r
        self.n_r += other.n_r

    def as_dict(self) -> dict[str, float]:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_r / self.n_r if self.n_r else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


@dataclass(slots=True)
class QuoteScores:
    content_exact: PRF = field(default_factory=PRF)
    content_overlap: PRF = field(default_factory=PRF)
    speaker: PRF = field(default_factory=PRF)
    speaker_end_to_end: PRF = field(default_factory=PRF)
    gold: int = 0
    predicted: int = 0

    def add(self, other: QuoteScores) -> None:
        for name in ("content_exact", "content_overlap", "speaker", "speaker_end_to_end"):
            getattr(self, name).add(getattr(other, name))
        self.gold += other.gold
        self.predicted += other.predicted

    def as_dict(self) -> dict[str, Any]:
        return {
            "content_exact": self.content_exact.as_dict(),
            "content_overlap": self.content_overlap.as_dict(),
            "speaker": self.speaker.as_dict(),
            "speaker_end_to_end": self.speaker_end_to_end.as_dict(),
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(frozen=True, slots=True)
class _Item:
    content: Ranges
    source: Ranges


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _norm(text: str, ranges: Ranges) -> str:
    """Text of the ranges, each trimmed of spaces, punctuation and quotation marks."""
    parts = (text[a:b].strip(_TRIM) for a, b in ranges)
    return _SPACE.sub(" ", " ".join(p for p in parts if p)).casefold()


def _pair(gold: list[_Item], pred: list[_Item]) -> list[tuple[int, int]]:
    candidates = [
        (ov, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if (ov := _overlap(g.content, p.content)) > 0
    ]
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _score(text: str, gold: list[_Item], pred: list[_Item]) -> QuoteScores:
    s = QuoteScores(gold=len(gold), predicted=len(pred))
    pairs = _pair(gold, pred)
    s.content_overlap = PRF(len(pairs), len(pred), len(pairs), len(gold))
    gold_norm = [_norm(text, g.content) for g in gold]
    pred_norm = [_norm(text, p.content) for p in pred]
    exact = sum(1 for gi, pi in pairs if gold_norm[gi] == pred_norm[pi])
    s.content_exact = PRF(exact, len(pred), exact, len(gold))
    hits = sum(1 for gi, pi in pairs if gold[gi].source and _overlap(gold[gi].source, pred[pi].source) > 0)
    with_pred = sum(1 for _, pi in pairs if pred[pi].source)
    with_gold = sum(1 for gi, _ in pairs if gold[gi].source)
    s.speaker = PRF(hits, with_pred, hits, with_gold)
    s.speaker_end_to_end = PRF(hits, sum(1 for p in pred if p.source), hits, sum(1 for g in gold if g.source))
    return s


def _predicted(doc: Doc, att: Attribution) -> _Item:
    source: Ranges = ()
    if att.source is not None:
        a, b = att.source
        if b > a:
            source = ((doc[a].idx, doc[b - 1].idx + len(doc[b - 1])),)
    return _Item(tuple(sorted(att.content)), source)


def _speech_cue(doc: Doc, text: str, cue: Ranges) -> bool:
    if "according to" in " ".join(text[a:b] for a, b in cue).casefold():
        return True
    for a, b in cue:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(t.lemma_.lower() in SPEECH_VERBS for t in span):
            return True
    return False


def score_document(doc: Doc, gold: Iterable[GoldAttribution]) -> tuple[QuoteScores, QuoteScores]:
    """(all attributions, speech-verb cues) scores of one parsed article."""
    gold = list(gold)
    atts = find_attributions(doc)
    pred_all = [_predicted(doc, a) for a in atts]
    pred_speech = [_predicted(doc, a) for a in atts if a.speech]
    gold_all = [_Item(g.content, g.source) for g in gold]
    text = doc.text
    gold_speech = [_Item(g.content, g.source) for g in gold if _speech_cue(doc, text, g.cue)]
    return _score(text, gold_all, pred_all), _score(text, gold_speech, pred_speech)


def evaluate_quotes(
    docs: list[GoldDocument],
    nlp: Language,
    progress: Callable[[Iterator[Doc], int], Iterator[Doc]] | None = None,
) -> dict[str, Any]:
    """Scores over ``docs`` parsed by ``nlp`` (a pipeline with parser and NER)."""
    total, speech = QuoteScores(), QuoteScores()
    parsed: Iterator[Doc] = nlp.pipe((d.text for d in docs), batch_size=16)
    if progress is not None:
        parsed = progress(parsed, len(docs))
    for gold_doc, doc in zip(docs, parsed, strict=True):
        a, s = score_document(doc, gold_doc.attributions)
        total.add(a)
        speech.add(s)
    return {**total.as_dict(), "documents": len(docs), "speech_verbs": speech.as_dict()}
