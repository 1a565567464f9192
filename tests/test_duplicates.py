"""Near-duplicate detection with MinHash LSH."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.link.duplicates import DuplicateIndex, from_bytes, shingles, signature, to_bytes

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "korea-letters"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.name[:3]: p.read_text() for p in sorted(SEEDS.glob("0*.txt"))}


def _syndicated(text: str) -> str:
    """Another outlet's copy: new first line, a couple of edits, a closing credit."""
    lines = text.splitlines()
    body = "\n".join(lines[1:]).replace("on Sunday", "on Sunday (local time)").replace("  ", " ")
    return "Kim gets 'excellent' letter from Trump, KCNA says\n" + body + "\n(Reporting by Reuters)"


def test_syndicated_copy_is_found(texts: dict[str, str]) -> None:
    index = DuplicateIndex()
    for key, text in texts.items():
        index.add(key, text)
    assert index.query(_syndicated(texts["000"])) == ["000"]
    assert index.similarity("000", _syndicated(texts["000"])) >= 0.8


def test_different_stories_are_not_duplicates(texts: dict[str, str]) -> None:
    index = DuplicateIndex()
    index.add("000", texts["000"])
    assert index.query(texts["002"]) == []
    assert index.query(texts["003"]) == []
    assert index.query("") == []


def test_signature_bytes_round_trip(texts: dict[str, str]) -> None:
    sig = signature(texts["002"])
    data = to_bytes(sig)
    assert isinstance(data, bytes) and len(data) < 1100
    restored = from_bytes(data)
    assert restored.jaccard(sig) == 1.0
    index = DuplicateIndex()
    index.add_signature(7, data)
    assert index.query(texts["002"]) == [7]
    assert index.query_signature(data) == [7]
    with pytest.raises(ValueError):
        from_bytes(b"not a signature")


def test_threshold_is_a_parameter(texts: dict[str, str]) -> None:
    half = "\n".join(texts["000"].splitlines()[:9])
    strict, loose = DuplicateIndex(threshold=0.9), DuplicateIndex(threshold=0.3)
    for index in (strict, loose):
        index.add(1, texts["000"])
    assert strict.query(half) == [] and loose.query(half) == [1]
    with pytest.raises(ValueError):
        DuplicateIndex(threshold=0)


def test_re_adding_replaces_and_remove(texts: dict[str, str]) -> None:
    index = DuplicateIndex()
    index.add(1, texts["000"])
    index.add(1, texts["002"])
    assert len(index) == 1 and index.query(texts["002"]) == [1] and index.query(texts["000"]) == []
    index.remove(1)
    assert len(index) == 0 and 1 not in index


def test_shingles_fold_case_and_punctuation() -> None:
    assert shingles("One, two THREE four five!") == shingles("one two three four five")
    assert len(shingles("a b c d e f")) == 2
