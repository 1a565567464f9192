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
@click.option("--edit", is_flag=True,
              help="Allow editing from the browser (only the edits table is written; CSRF-protected).")
@click.pass_context
@handle_errors
def serve(ctx: click.Context, host: str, port: int, edit: bool) -> None:
    """Serve the timeline, articles, entities and quotes in a browser (read-only unless --edit)."""
    import uvicorn

    from ..web import create_app

    settings: Settings = ctx.obj
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.secho(f"warning: serving on {host}; anyone who can reach it can read the store", fg="yellow",
                    err=True)
    app = create_app(settings, edit=edit)
    click.echo(f"storyline: serving {settings.db} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
