"""Bytes to text: encoding detection and binary sniffing.

UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; bytes that are
not valid UTF-8 are decoded as cp1252 (Windows "ANSI", the usual culprit) or, when
cp1252 cannot decode them, latin-1, which never fails.
"""

from __future__ import annotations

import codecs

__all__ = ["decode", "looks_binary"]

_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"MZ",
    b"\xd0\xcf\x11\xe0",  # OLE (old .doc/.xls)
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"7z\xbc\xaf",
    b"Rar!",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def looks_binary(data: bytes) -> str | None:
    """A short description when ``data`` looks like a binary (non-text) file, else None."""
    if _bom_encoding(data) == "utf-16":
        return None
    for magic in _BINARY_MAGIC:
        if data.startswith(magic):
            return f"binary file (starts with {magic[:4]!r})"
    head = data[:8192]
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    if head:
        controls = sum(1 for b in head if b in _CONTROL)
        if controls / len(head) > 0.05:
            return "binary file (many control characters)"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)``. Never raises."""
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
