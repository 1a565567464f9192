"""What one ``add`` (or ``load``) did: the articles added, those already present, the
inputs skipped with their reason, and how many were near-duplicates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..types import Skipped

__all__ = ["IngestReport", "ProgressCallback"]

ProgressCallback = Callable[[int], None]  # told how many more articles are done


@dataclass(slots=True)
class IngestReport:
    added: list[tuple[int, str]] = field(default_factory=list)  # (article id, title)
    present: list[str] = field(default_factory=list)  # paths whose articles were already stored
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0  # added articles marked as copies of a stored story
    updated: list[tuple[int, str]] = field(default_factory=list)  # articles read again (add --update)
    warnings: list[str] = field(default_factory=list)  # e.g. manifest rows naming no file
    new_events: int = 0  # events first reported by this add
    updated_events: int = 0  # older events this add gave new sources
    stale_edits: list[str] = field(default_factory=list)  # edits that no longer apply
    grown_stories: list[tuple[int, str, int]] = field(default_factory=list)  # (story, label, new events)

    def as_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "already_present": len(self.present),
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "near_duplicates": self.duplicates,
            "articles": [{"id": i, "title": t} for i, t in self.added],
            "updated": [{"id": i, "title": t} for i, t in self.updated],
            "warnings": list(self.warnings),
            "new_events": self.new_events,
            "updated_events": self.updated_events,
            "stale_edits": list(self.stale_edits),
            "grown_stories": [
                {"story": i, "label": label, "new_events": n} for i, label, n in self.grown_stories
            ],
        }
