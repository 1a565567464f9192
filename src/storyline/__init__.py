"""storyline: turn a pile of news articles into a dated, source-cited storyline.

The public API is small::

    import storyline
    with storyline.open("news.db") as sl:
        sl.add(["saved-articles/"])
        events = sl.timeline(entity="Kim Jong-un", limit=20)
"""

from __future__ import annotations

from .api import Storyline, open
from .errors import StorylineError
from .settings import Settings
from .types import DateValue, Granularity, TimelineEvent

__all__ = ["DateValue", "Granularity", "Settings", "Storyline", "StorylineError", "TimelineEvent", "open"]
__version__ = "0.1.0"
