"""`storyline serve`: the read-only web UI and JSON API on 127.0.0.1."""

from __future__ import annotations

import click

from ..settings import Settings
from . import main
from .common import handle_errors


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default keeps the server on this machine.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests addressed to this host name (repeatable); by default only "
                   "the bound address and localhost are, against DNS rebinding.")
@click.pass_context
@handle_errors
def serve(ctx: click.Context, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve the timeline, articles, entities and quotes in a browser (read-only).

    The store given with --db must exist; it is opened read-only."""
    import uvicorn

    from ..web import create_app
    from ..web.app import DEFAULT_HOSTS

    settings: Settings = ctx.obj
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.secho(f"warning: serving on {host}; anyone who can reach it can read the store "
                    "(requests must name an allowed host: add --allow-host NAME for the name clients use)",
                    fg="yellow", err=True)
    app = create_app(settings, hosts=(*DEFAULT_HOSTS, host, *allow_hosts))
    click.echo(f"storyline: serving {settings.db} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
