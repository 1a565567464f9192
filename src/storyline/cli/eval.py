"""``storyline eval ...``: quality measurements on benchmark data sets.

Each evaluation lives in its own module and adds itself to ``eval_group``.
"""

from __future__ import annotations

import click

from .common import CONTEXT_SETTINGS


@click.group("eval", context_settings=CONTEXT_SETTINGS)
def eval_group() -> None:
    """Measure storyline against benchmark data sets."""
