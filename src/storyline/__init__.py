"""storyline: turn a pile of news articles into a dated, source-cited storyline.

The public API is small::

    import storyline
    with storyline.open("news.db") as sl:
        sl.add(["saved-articles/"])
        events = sl.timeline(entity="Kim Jong-un", limit=20)

Names are imported on first use, so ``import storyline`` (and the CLI's start-up) stays
fast; spaCy loads only when articles are annotated.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import Storyline, open
    from .errors import StorylineError
    from .settings import Settings
    from .types import DateValue, Granularity, TimelineEvent, TimelineQuery

__all__ = [
    "DateValue",
    "Granularity",
    "Settings",
    "Storyline",
    "StorylineError",
    "TimelineEvent",
    "TimelineQuery",
    "open",
]
__version__ = "0.1.0"

_HOMES = {
    "Storyline": "api", "open": "api", "StorylineError": "errors", "Settings": "settings",
    "DateValue": "types", "Granularity": "types", "TimelineEvent": "types", "TimelineQuery": "types",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
