"""Small helpers shared by the readers."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from ..types import RawRecord

__all__ = ["METADATA_KEYS", "label_of", "make_record", "one_line"]

METADATA_KEYS = ("title", "text", "published", "url", "source", "author")


def make_record(path: str, data: bytes, kind: str, metadata: dict[str, Any] | None = None) -> RawRecord:
    meta = {k: v for k, v in (metadata or {}).items() if v not in (None, "", [], {})}
    return RawRecord(path, data, hashlib.sha256(data).hexdigest(), kind, meta)


def one_line(text: object, limit: int = 200) -> str:
    """``text`` squeezed onto one line of at most ``limit`` characters (for Skipped reasons)."""
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def label_of(path: str | Path) -> str:
    """``path`` as text that can be stored and printed: a file name that is not valid UTF-8
    (kept by Python as lone surrogates) gets its odd bytes written as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
