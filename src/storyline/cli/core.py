"""Core commands: add, articles, timeline, entities, quotes, search, demo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from ..errors import ConfigError
from ..pipeline.report import IngestReport, ProgressCallback
from ..settings import SETTINGS, Settings
from ..types import CUE_CLASS_NAMES, QUOTE_KINDS, TimelineQuery

if TYPE_CHECKING:  # imported where used, so the CLI starts at once
    from ..api import Storyline

from . import main
from .common import EXIT_SKIPPED, echo, format_option, handle_errors, print_json, safe_text

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "korea-letters"
console = Console(stderr=True)


def _open(ctx: click.Context, read_only: bool = False) -> Storyline:
    """The store of ``--db``; ``read_only`` for commands that only read: a missing file is
    then an error (not a new empty store) and a store on a read-only mount opens."""
    settings: Settings = ctx.obj
    from ..api import Storyline

    return Storyline(settings=settings, read_only=read_only)


@contextmanager
def _progress(label: str) -> Iterator[ProgressCallback]:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(label), BarColumn(bar_width=None),
               TextColumn("{task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task(label, total=None)
        yield lambda n: progress.advance(task, n)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    from rich.table import Table

    table = Table(*columns, show_lines=False, header_style="bold")
    for row in rows:
        # Text, not str: article text is never read as rich markup
        table.add_row(*(Text("" if row.get(c) is None else safe_text(_cell(row.get(c)))) for c in columns))
    Console().print(table)


def _cell(value: Any) -> str:
    """A table cell; article text is escaped so that rich never reads it as markup."""
    if isinstance(value, list):
        return escape(", ".join(str(v) for v in value))
    return escape(str(value))


def _print_report(report: IngestReport) -> None:
    click.echo(
        f"added {len(report.added)} article(s), {len(report.present)} already present, "
        f"{len(report.skipped)} skipped"
        + (f", {report.duplicates} near-duplicate(s)" if report.duplicates else "")
    )
    for skipped in report.skipped:
        echo(f"  skipped {skipped.path}: {skipped.reason}")
    for article_id, title in report.updated:
        echo(f"  read again (metadata changed): [{article_id}] {title}")
    for warning in report.warnings:
        click.secho(f"  warning: {safe_text(warning)}", fg="yellow")
    for stale in report.stale_edits:
        click.secho(f"  edit no longer applies: {safe_text(stale)} (see `storyline edits`)", fg="yellow")
    echo(f"the timeline grew by {report.new_events} new event(s); "
         f"{report.updated_events} event(s) got new sources")
    if report.grown_stories:
        shown = "; ".join(f"[{i}] {label} (+{n})" for i, label, n in report.grown_stories[:5])
        more = len(report.grown_stories) - 5
        echo(f"stories that grew: {shown}" + (f"; and {more} more" if more > 0 else ""))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date of the files given.")
@click.option("--source", metavar="NAME", help="Outlet of the files given.")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV or JSON file giving path, published, source (and optional title, url) per file.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for annotation (default: setting jobs, 1).")
@click.option("--allow-private", is_flag=True,
              help="Fetch URLs at loopback, private and link-local addresses too (refused by default).")
@click.option("--update", is_flag=True,
              help="Read again stored files whose date, outlet, title or URL as given now changed.")
@format_option()
@click.pass_context
@handle_errors
def add(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: str | None,
    source: str | None,
    manifest: Path | None,
    jobs: int | None,
    allow_private: bool,
    update: bool,
    fmt: str,
) -> None:
    """Add files, folders, archives or http(s) URLs of articles to the database.

    A folder holding manifest.csv / manifest.json uses it automatically; files it does
    not list are warned about and rows naming no file are skipped. Exits with status 3
    when any input was skipped. With --jobs N, N processes annotate
    in parallel; what is stored is the same as with one.
    """
    settings: Settings = ctx.obj
    if jobs is not None:
        ctx.obj = replace(settings, jobs=jobs)
    from ..api import Storyline
    from ..pipeline.pool import stop_on_sigterm

    with stop_on_sigterm(), Storyline(settings=ctx.obj, allow_private=allow_private) as sl, \
            _progress("annotating") as progress:
        report = sl.add(paths, published=published, source=source, manifest=manifest,
                        progress=progress, update=update)
    if fmt == "json":
        print_json(report.as_dict())
    else:
        _print_report(report)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.option("--limit", type=int, default=None, help="At most this many.")
@click.option("--offset", type=int, default=0, help="Skip this many first.")
@format_option()
@click.pass_context
@handle_errors
def articles(ctx: click.Context, limit: int | None, offset: int, fmt: str) -> None:
    """List stored articles."""
    with _open(ctx, read_only=True) as sl:
        rows = sl.articles(limit, offset)
    if fmt == "json":
        print_json(rows)
    else:
        _table(rows, ["id", "published", "published_basis", "source", "title"])


@main.command()
@click.option("--entity", metavar="NAME", help="Only events involving this entity (name or alias).")
@click.option("--since", metavar="DATE", help="Only events on or after DATE (2019, 2019-06, 2019-06-23).")
@click.option("--until", metavar="DATE", help="Only events on or before DATE.")
@click.option("--query", "-q", metavar="WORDS", help="Only events whose sentences contain these words.")
@click.option("--source", metavar="OUTLET", help="Only events reported by this outlet.")
@click.option("--story", type=int, default=None, metavar="ID",
              help="Only this story (see `storyline stories`).")
@click.option("--all", "all_", is_flag=True,
              help="Every event, not only the key events of each story.")
@click.option("--limit", type=int, default=None,
              help="Key events per story (default 15); with --all the N most salient events.")
@click.option("--new-since", metavar="DATE|last",
              help="Only events first reported (or updated) after DATE, or since the last add (all of them).")
@click.option("--summarize", is_flag=True, help="Summarise: N dates, K cited sentences each.")
@click.option("--dates", "n_dates", type=int, default=10, show_default=True, help="N (--summarize).")
@click.option("--sentences", "k", type=int, default=1, show_default=True, help="K (--summarize).")
@format_option("md", "csv", "timelinejs", "html")
@click.pass_context
@handle_errors
def timeline(
    ctx: click.Context,
    entity: str | None,
    since: str | None,
    until: str | None,
    query: str | None,
    source: str | None,
    story: int | None,
    all_: bool,
    limit: int | None,
    new_since: str | None,
    summarize: bool,
    n_dates: int,
    k: int,
    fmt: str,
) -> None:
    """Print the key events of each story (the biggest first), dated and cited; with
    --story one story's, with --all every event, with --summarize a summary."""
    if limit is not None and limit < 1:
        raise ConfigError("--limit must be at least 1")
    if summarize:
        from ..timeline.render import render_summary

        with _open(ctx, read_only=True) as sl:
            days = sl.summarize(since=since, until=until, dates=n_dates, sentences=k, query=query,
                                story=story)
        echo(render_summary(days, fmt), nl=False)
        return
    from ..timeline.export import render, render_sections

    title = f"Timeline: {entity}" if entity else "Timeline"
    with _open(ctx, read_only=True) as sl:
        moment = sl.new_since(new_since) if new_since else None
        # what is new is listed whole, not cut to each story's key events
        q = TimelineQuery.parse(entity, since, until, query, source, limit, story, all_ or moment is not None,
                                moment)
        if q.all:
            echo(render(sl.timeline(q), fmt, title=title))
            return
        sections = sl.key_events(q)
        others = len(sl.stories()) - len(sections) if story is None else 0
    echo(render_sections(sections, fmt, title, others))


@main.command()
@click.option("--type", "type_", metavar="TYPE", help="Only this type (PERSON, ORG, GPE, ...).")
@click.option("--story", type=int, default=None, metavar="ID", help="Only entities of this story's articles.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@format_option()
@click.pass_context
@handle_errors
def entities(ctx: click.Context, type_: str | None, story: int | None, limit: int | None, fmt: str) -> None:
    """List entities with their canonical name, type and aliases."""
    with _open(ctx, read_only=True) as sl:
        rows = sl.entities(type_.upper() if type_ else None, limit, story)
    if fmt == "json":
        print_json(rows)
    else:
        _table(rows, ["name", "type", "articles", "mentions", "aliases"])


@main.command()
@click.option("--speaker", metavar="NAME", help="Only quotes by this entity.")
@click.option("--story", type=int, default=None, metavar="ID", help="Only quotes in this story's articles.")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Only direct, indirect or mixed quotes.")
@click.option("--cue-class", type=click.Choice(CUE_CLASS_NAMES), help="Only quotes with this kind of cue.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@format_option()
@click.pass_context
@handle_errors
def quotes(
    ctx: click.Context,
    speaker: str | None,
    story: int | None,
    kind: str | None,
    cue_class: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List quotes in the order they were said, with their speaker, the event their sentence
    reports (see `storyline timeline`) and their article."""
    with _open(ctx, read_only=True) as sl:
        rows = sl.quotes(speaker, limit, story, kind=kind, cue_class=cue_class)
    if fmt == "json":
        print_json(rows)
    else:  # a quote tied to no dated event shows when its article was published
        dated = [{**r, "date": r["date"] or r["published"]} for r in rows]
        _table(dated, ["date", "speaker", "cue", "text", "event", "article"])


@main.command()
@click.argument("query")
@click.option("--story", type=int, default=None, metavar="ID", help="Only this story's articles.")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many.")
@format_option()
@click.pass_context
@handle_errors
def search(ctx: click.Context, query: str, story: int | None, limit: int, fmt: str) -> None:
    """Full-text search over the sentences of stored articles."""
    with _open(ctx, read_only=True) as sl:
        rows = sl.search(query, limit, story)
    if fmt == "json":
        print_json(rows)
    else:
        _table(rows, ["article", "published", "title", "sentence"])


@main.command()
@click.option(
    "--path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of articles to use [default: examples/korea-letters].",
)
@click.option("--limit", type=int, default=None, help="Key events per story (default 15).")
@format_option("md", "csv", "timelinejs", "html")
@click.pass_context
@handle_errors
def demo(ctx: click.Context, path: Path | None, limit: int | None, fmt: str) -> None:
    """Add the bundled example articles and print their timeline."""
    from ..timeline.export import render_sections

    folder = path or EXAMPLES
    if not folder.is_dir():
        raise ConfigError(f"example folder {folder} not found; pass --path FOLDER")
    with _open(ctx) as sl:
        with _progress("annotating") as progress:
            report = sl.add([folder], progress=progress)
        _print_report(report)
        sections = sl.key_events(TimelineQuery(limit=limit))
        others = len(sl.stories()) - len(sections)
    click.echo("")
    echo(render_sections(sections, fmt, "Timeline: US-North Korea letters", others))


@main.command("settings")
@format_option()
@click.pass_context
def settings_command(ctx: click.Context, fmt: str) -> None:
    """List the settings, their environment variables, defaults and current values."""
    current: Settings = ctx.obj
    rows = [
        {"name": s.name, "env": s.env, "default": s.default, "value": getattr(current, s.name),
         "help": s.help}
        for s in SETTINGS
    ]
    if fmt == "json":
        print_json(rows)
    else:
        _table(rows, ["name", "env", "value", "help"])
