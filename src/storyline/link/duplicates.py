"""Near-duplicate (syndicated) articles: MinHash LSH over word 5-shingles (datasketch).

Two copies of one wire story, re-edited a little by each outlet, share most of their
5-word shingles; MinHash estimates that Jaccard similarity from a fixed-size signature
and LSH finds the candidates above ``threshold`` without comparing every pair. A
signature is stored per article (``to_bytes``/``from_bytes``), so the index can be
rebuilt from the database without re-reading texts.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Hashable, Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

__all__ = ["DEFAULT_THRESHOLD", "DuplicateIndex", "from_bytes", "shingles", "signature", "to_bytes"]

DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE_WORDS = 5
_SEED = 1
_MAGIC = b"SLMH1"
_SCHEME = "affine32"  # datasketch's hashing scheme, pinned so stored signatures stay comparable
_SCHEMES = ("legacy", "affine32", "affine64")
_HEADER = struct.Struct("<5sBHI")
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-shingles of ``text`` with case, accents' forms and punctuation folded."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> LeanMinHash:
    """The MinHash signature of ``text``."""
    minhash = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return LeanMinHash(minhash)


def to_bytes(sig: MinHash) -> bytes:
    """A compact, stable serialisation of a signature (for a BLOB column)."""
    values = np.asarray(sig.hashvalues, dtype="<u8")
    scheme = _SCHEMES.index(str(sig.scheme))
    return _HEADER.pack(_MAGIC, scheme, len(values), int(sig.seed)) + values.tobytes()


def from_bytes(data: bytes | bytearray | memoryview) -> LeanMinHash:
    """The signature serialised by ``to_bytes``; ValueError for anything else."""
    data = bytes(data)
    if len(data) < _HEADER.size:
        raise ValueError("not a storyline MinHash signature (too short)")
    magic, scheme, num_perm, seed = _HEADER.unpack_from(data)
    if magic != _MAGIC or scheme >= len(_SCHEMES) or len(data) != _HEADER.size + 8 * num_perm:
        raise ValueError("not a storyline MinHash signature")
    values = np.frombuffer(data, dtype="<u8", offset=_HEADER.size).astype(np.uint64)
    return LeanMinHash(seed=seed, hashvalues=values, scheme=_SCHEMES[scheme])


class DuplicateIndex:
    """Keys of near-duplicate texts: ``add(key, text)``, ``query(text) -> [key, ...]``."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[Hashable, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: object) -> bool:
        return key in self._signatures

    def signature(self, text: str) -> LeanMinHash:
        return signature(text, self.num_perm)

    @staticmethod
    def to_bytes(sig: MinHash) -> bytes:
        return to_bytes(sig)

    @staticmethod
    def from_bytes(data: bytes | bytearray | memoryview) -> LeanMinHash:
        return from_bytes(data)

    def add(self, key: Hashable, text: str) -> None:
        """Index ``text`` under ``key`` (texts without words are not indexed)."""
        if shingles(text):
            self.add_signature(key, self.signature(text))

    def add_signature(self, key: Hashable, sig: MinHash | bytes) -> None:
        """Index a signature (or its bytes, as stored) under ``key``; re-adding replaces."""
        lean = from_bytes(sig) if isinstance(sig, bytes | bytearray | memoryview) else LeanMinHash(sig)
        if len(lean.hashvalues) != self.num_perm:
            raise ValueError(f"signature has {len(lean.hashvalues)} values, index uses {self.num_perm}")
        if key in self._signatures:
            self.remove(key)
        self._lsh.insert(key, lean, check_duplication=False)
        self._signatures[key] = lean

    def remove(self, key: Hashable) -> None:
        if key in self._signatures:
            self._lsh.remove(key)
            del self._signatures[key]

    def query(self, text: str) -> list[Hashable]:
        """Keys whose texts are near-duplicates of ``text``, most similar first."""
        if not shingles(text):
            return []
        return self.query_signature(self.signature(text))

    def query_signature(self, sig: MinHash | bytes) -> list[Hashable]:
        lean = from_bytes(sig) if isinstance(sig, bytes | bytearray | memoryview) else sig
        found = []
        for key in self._lsh.query(lean):
            score = self._signatures[key].jaccard(lean)
            if score >= self.threshold:
                found.append((score, key))
        found.sort(key=lambda pair: (-pair[0], str(pair[1])))
        return [key for _, key in found]

    def similarity(self, key: Hashable, text: str) -> float:
        """Estimated Jaccard similarity of ``text`` to the text stored under ``key``."""
        return float(self._signatures[key].jaccard(self.signature(text)))

    def items(self) -> Iterable[tuple[Hashable, LeanMinHash]]:
        return self._signatures.items()
