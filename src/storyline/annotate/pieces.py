"""Long texts are annotated in pieces.

spaCy's parser needs memory in proportion to a document's length (2.5 GB for one
700,000-character page of Timeline17) and refuses texts over ``nlp.max_length``. So a
text longer than ``MAX_PIECE_CHARS`` is cut at paragraph breaks (else line breaks,
else spaces), each piece is annotated as its own Doc, and the pieces' results are put
back together with offsets, sentence numbers and entity keys shifted.
"""

from __future__ import annotations

from dataclasses import replace

from ..types import (
    AnnotatedArticle,
    Article,
    EntityMention,
    EventMention,
    LocalEntity,
    Quote,
    Sentence,
    Timex,
)

__all__ = ["MAX_BATCH_CHARS", "MAX_PIECE_CHARS", "join_pieces", "piece_starts"]

MAX_PIECE_CHARS = 100_000  # about 20,000 tokens: a few hundred MB of parser memory
MAX_BATCH_CHARS = 200_000  # characters per nlp.pipe batch (Annotator.annotate)


def piece_starts(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[int]:
    """Start offsets of the pieces of ``text`` (``[0]`` when it is short enough)."""
    starts = [0]
    while len(text) - starts[-1] > max_chars:
        lo, hi = starts[-1] + max_chars // 2, starts[-1] + max_chars
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, lo, hi)
            if cut >= 0:
                starts.append(cut + len(sep))
                break
        else:
            starts.append(hi)
    return starts


def join_pieces(article: Article, parts: list[tuple[int, AnnotatedArticle]]) -> AnnotatedArticle:
    """One article's annotation from its pieces' (``(start offset, annotation)`` each)."""
    sentences: list[Sentence] = []
    timexes: list[Timex] = []
    entities: list[LocalEntity] = []
    mentions: list[EntityMention] = []
    quotes: list[Quote] = []
    events: list[EventMention] = []
    sent_base = key_base = 0
    for at, part in parts:
        sentences += [replace(s, index=s.index + sent_base, start=s.start + at, end=s.end + at)
                      for s in part.sentences]
        timexes += [replace(t, start=t.start + at, end=t.end + at) for t in part.timexes]
        entities += [replace(e, key=e.key + key_base) for e in part.entities]
        mentions += [replace(m, start=m.start + at, end=m.end + at, entity=m.entity + key_base)
                     for m in part.mentions]
        quotes += [replace(q, start=q.start + at, end=q.end + at, sentence=q.sentence + sent_base,
                           speaker_entity=None if q.speaker_entity is None else q.speaker_entity + key_base)
                   for q in part.quotes]
        events += [replace(e, start=e.start + at, end=e.end + at, sentence=e.sentence + sent_base)
                   for e in part.events]
        sent_base += len(part.sentences)
        key_base += max((e.key for e in part.entities), default=-1) + 1
    return AnnotatedArticle(article, tuple(sentences), tuple(timexes), tuple(entities),
                            tuple(mentions), tuple(quotes), tuple(events))
