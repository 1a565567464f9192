"""link: cross-document entity registry, event merging and near-duplicate stories."""

from __future__ import annotations

from .entities import link_entities
from .events import link_events

__all__ = ["link_entities", "link_events"]
