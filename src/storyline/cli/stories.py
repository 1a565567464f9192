"""The ``stories`` command: the stories of the database, the biggest first."""

from __future__ import annotations

import click

from . import main
from .common import format_option, handle_errors, print_json
from .core import _open, _table


@main.command()
@click.argument("story_id", type=int, required=False)
@click.option("--limit", type=int, default=None, help="At most this many.")
@click.option("--rebuild", is_flag=True,
              help="Cluster every stored article afresh (story ids are given anew).")
@format_option()
@click.pass_context
@handle_errors
def stories(ctx: click.Context, story_id: int | None, limit: int | None, rebuild: bool, fmt: str) -> None:
    """List stories (groups of articles about one matter) or, with STORY_ID, one story's articles.

    Articles join stories as they are added; see a story's key events with
    `storyline timeline --story ID`.
    """
    with _open(ctx) as sl:
        if rebuild:
            click.echo(f"clustered {sl.rebuild_stories()} article(s)", err=True)
        if story_id is not None:
            story = sl.story(story_id)
            if fmt == "json":
                print_json(story)
            else:
                click.echo(f"story {story['id']}: {story['label']}")
                _table(story["members"], ["id", "published", "source", "title", "similarity"])
            return
        from ..api import story_dict

        rows = [story_dict(s) for s in sl.stories(limit)]
    if fmt == "json":
        print_json(rows)
    else:
        _table(rows, ["id", "articles", "outlets", "first", "last", "label"])
