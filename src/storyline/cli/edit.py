"""`storyline edit event|entity|article`, `storyline edits [undo N]` and `storyline gc`."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import ConfigError
from ..settings import Settings
from ..types import Edit, EditKind

if TYPE_CHECKING:  # imported where used, so the CLI starts at once
    from ..api import Storyline

from . import main
from .common import CONTEXT_SETTINGS, format_option, handle_errors, print_json

NOTE = click.option("--note", metavar="TEXT", help="Why (kept with the edit).")


def _open(ctx: click.Context) -> Storyline:
    settings: Settings = ctx.obj
    from ..api import Storyline

    return Storyline(settings=settings)


def _record(ctx: click.Context, target_of: str, changes: list[tuple[EditKind, str | None]],
            note: str | None) -> None:
    if not changes:
        raise ConfigError("say what to change; see `storyline edit --help`")
    with _open(ctx) as sl:
        target = int(target_of) if re.fullmatch(r"[0-9]{1,18}", target_of) else sl.editor.entity_id(target_of)
        made: list[Edit] = [sl.editor.make(kind, target, value, note) for kind, value in changes]
    for edit in made:
        click.echo(f"edit {edit.id}: {edit.describe()} (undo with `storyline edits undo {edit.id}`)")


@main.group(context_settings=CONTEXT_SETTINGS)
def edit() -> None:
    """Correct the machine's output: hide, re-date, merge, pin, rename, fix metadata.

    Edits are kept apart from what the machine found and applied by every view;
    list them with `storyline edits`, revert one with `storyline edits undo N`.
    """


@edit.command("event")
@click.argument("event_id", type=click.IntRange(min=1))
@click.option("--hide", is_flag=True, help="Leave the event out of every view.")
@click.option("--unhide", is_flag=True, help="Show a hidden event again.")
@click.option("--date", "date_", metavar="DATE", help="Its date: 2019-06-23, 2019-06, 2019-W26, 2019.")
@click.option("--headline", metavar="TEXT", help="The text shown for the event.")
@click.option("--pin", is_flag=True, help="A key event: kept in every --limit view.")
@click.option("--unpin", is_flag=True, help="No longer a key event.")
@click.option("--merge", "merge", type=click.IntRange(min=1), metavar="ID2",
              help="Merge event ID2 into this one (its sources join this event).")
@click.option("--split", "split", type=click.IntRange(min=1), metavar="ARTICLE",
              help="Take the sentence of article ARTICLE out of this event into an event of its own.")
@NOTE
@click.pass_context
@handle_errors
def edit_event(ctx: click.Context, event_id: int, hide: bool, unhide: bool, date_: str | None,
               headline: str | None, pin: bool, unpin: bool, merge: int | None, split: int | None,
               note: str | None) -> None:
    """Edit event EVENT_ID (ids: shown by `storyline timeline`)."""
    changes: list[tuple[EditKind, str | None]] = []
    flags = ((hide, EditKind.EVENT_HIDE), (unhide, EditKind.EVENT_UNHIDE), (pin, EditKind.EVENT_PIN),
             (unpin, EditKind.EVENT_UNPIN))
    changes += [(kind, None) for on, kind in flags if on]
    if date_ is not None:
        changes.append((EditKind.EVENT_DATE, date_))
    if headline is not None:
        changes.append((EditKind.EVENT_HEADLINE, headline))
    if merge is not None:
        changes.append((EditKind.EVENT_MERGE, str(merge)))
    if split is not None:
        with _open(ctx) as sl:
            sentences = [m.text for m in sl.store.events.get(event_id).mentions if m.article == split]
        if not sentences:
            raise ConfigError(f"event {event_id} has no sentence from article {split}")
        value = json.dumps({"article": split, "sentence": sentences[0]}, ensure_ascii=False)
        changes.append((EditKind.EVENT_SPLIT, value))
    _record(ctx, str(event_id), changes, note)


@edit.command("entity")
@click.argument("name")
@click.option("--merge", metavar="NAME2", help="Merge entity NAME2 into this one.")
@click.option("--rename", metavar="NAME", help="Show this entity under a new name.")
@click.option("--split-alias", metavar="ALIAS", help="ALIAS is not this entity: take it off.")
@NOTE
@click.pass_context
@handle_errors
def edit_entity(ctx: click.Context, name: str, merge: str | None, rename: str | None,
                split_alias: str | None, note: str | None) -> None:
    """Edit the entity NAME (a name, an alias or an id)."""
    changes: list[tuple[EditKind, str | None]] = []
    for value, kind in ((merge, EditKind.ENTITY_MERGE), (rename, EditKind.ENTITY_RENAME),
                        (split_alias, EditKind.ENTITY_SPLIT_ALIAS)):
        if value is not None:
            changes.append((kind, value))
    _record(ctx, name, changes, note)


@edit.command("article")
@click.argument("article_id", type=click.IntRange(min=1))
@click.option("--published", metavar="DATE", help="Its publication date (the user's word).")
@click.option("--source", metavar="NAME", help="Its outlet.")
@click.option("--title", metavar="TEXT", help="Its title.")
@click.option("--url", metavar="URL", help="Its address (http or https).")
@click.option("--story", type=click.IntRange(min=1), metavar="STORY", help="Move it to story STORY.")
@click.option("--remove", is_flag=True, help="Leave it out of every view (raw bytes kept until `gc`).")
@NOTE
@click.pass_context
@handle_errors
def edit_article(ctx: click.Context, article_id: int, published: str | None, source: str | None,
                 title: str | None, url: str | None, story: int | None, remove: bool,
                 note: str | None) -> None:
    """Fix the metadata of article ARTICLE_ID, or remove it."""
    changes: list[tuple[EditKind, str | None]] = []
    for value, kind in ((published, EditKind.ARTICLE_PUBLISHED), (source, EditKind.ARTICLE_SOURCE),
                        (title, EditKind.ARTICLE_TITLE), (url, EditKind.ARTICLE_URL),
                        (None if story is None else str(story), EditKind.ARTICLE_STORY)):
        if value is not None:
            changes.append((kind, value))
    if remove:
        changes.append((EditKind.ARTICLE_REMOVE, None))
    _record(ctx, str(article_id), changes, note)


@main.group(invoke_without_command=True, context_settings=CONTEXT_SETTINGS)
@format_option()
@click.pass_context
@handle_errors
def edits(ctx: click.Context, fmt: str) -> None:
    """List every edit (active, stale or undone); `storyline edits undo N` reverts one."""
    if ctx.invoked_subcommand is not None:
        return
    with _open(ctx) as sl:
        rows = sl.editor.listing()
    if fmt == "json":
        print_json(rows)
        return
    table = Table("id", "kind", "target", "value", "note", "created", "status", header_style="bold")
    for r in rows:
        table.add_row(*(escape(_short("" if r[c] is None else str(r[c])))
                        for c in ("id", "kind", "target", "value", "note", "created_at", "status")))
    Console().print(table)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@edits.command("undo")
@click.argument("number", type=click.IntRange(min=1))
@click.pass_context
@handle_errors
def undo(ctx: click.Context, number: int) -> None:
    """Revert edit NUMBER (it stays in the list, marked undone)."""
    with _open(ctx) as sl:
        edit_ = sl.editor.undo(number)
    click.echo(f"undid edit {edit_.id}: {edit_.describe()}")


@main.command()
@click.pass_context
@handle_errors
def gc(ctx: click.Context) -> None:
    """Delete removed articles for good, with their raw bytes and annotations."""
    with _open(ctx) as sl:
        articles, raws = sl.collect_garbage()
    click.echo(f"deleted {articles} removed article(s) and {raws} unreferenced raw input(s)")
