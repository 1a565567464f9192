"""Long texts are annotated in pieces and put back together with consistent offsets."""

from __future__ import annotations

from datetime import date

from conftest import MODEL
from storyline.annotate.pieces import MAX_PIECE_CHARS, piece_starts
from storyline.annotate.worker import annotator_for
from storyline.types import Article, DateValue


def test_pieces_cut_at_paragraph_breaks_and_cover_the_text() -> None:
    text = "\n\n".join(f"Paragraph {i} " + "word " * 40 for i in range(50))
    starts = piece_starts(text, 1000)
    assert starts[0] == 0 and len(starts) > 10
    assert all(text[s - 2 : s] == "\n\n" for s in starts[1:])
    assert all(b - a <= 1000 for a, b in zip(starts, [*starts[1:], len(text)], strict=True))
    assert piece_starts("short", 1000) == [0]
    assert piece_starts("x" * 2500, 1000) == [0, 1000, 2000]  # no break at all: hard cuts


def test_a_long_article_in_pieces_keeps_offsets_sentences_and_entities_consistent(
    sample_texts: dict[str, str],
) -> None:
    body = sample_texts["000"]
    text = "\n\n".join([body] * 4)
    article = Article("Long", text, "h", "r", "long.txt", published=DateValue.of_day(date(2019, 6, 23)))
    annotator = annotator_for(MODEL, 8)
    whole = next(annotator.annotate([article]))
    annotator.max_chars = len(body) + 10
    try:
        pieced = next(annotator.annotate([article]))
    finally:
        annotator.max_chars = MAX_PIECE_CHARS  # the annotator is shared by the process
    assert len(pieced.timexes) == len(whole.timexes)
    for t in pieced.timexes:
        assert text[t.start : t.end] == t.text
    for m in pieced.mentions:
        assert text[m.start : m.end] == m.text
    assert [s.index for s in pieced.sentences] == list(range(len(pieced.sentences)))
    assert all(text[s.start : s.end] == s.text for s in pieced.sentences)
    keys = [e.key for e in pieced.entities]
    assert len(keys) == len(set(keys)) and {m.entity for m in pieced.mentions} <= set(keys)
    for q in pieced.quotes:
        assert q.speaker_entity is None or q.speaker_entity in keys
        sentence = pieced.sentences[q.sentence]
        assert sentence.start <= q.start < sentence.end


def test_annotating_new_words_does_not_grow_the_vocabulary() -> None:
    annotator = annotator_for(MODEL, 8)
    nlp = annotator.nlp
    first = Article("Warm-up", "Officials met in Seoul on Monday.", "w", "r", "w.txt")
    list(annotator.annotate([first]))
    before = len(nlp.vocab.strings)
    novel = " ".join(f"Zorbleflax{i} met Quizzanthor{i} in Blenkovia{i} on Tuesday." for i in range(50))
    annotated = next(annotator.annotate([Article("Novel", novel, "n", "r", "n.txt")]))
    assert len(nlp.vocab.strings) == before
    assert any("Zorbleflax7" in s.text for s in annotated.sentences)  # results keep their text
