"""web: the read-only web UI and JSON API behind `storyline serve`."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
