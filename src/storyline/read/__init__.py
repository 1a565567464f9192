"""read: turn files, folders, archives, feeds and URLs into raw records, one per input
document (see ``dispatch`` for how a reader is chosen)."""

from __future__ import annotations

from .dispatch import list_inputs, read_bytes, read_paths

__all__ = ["list_inputs", "read_bytes", "read_paths"]
