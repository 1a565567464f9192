"""Shared CLI plumbing: output options, JSON printing, error handling."""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import StorylineError

# exit status of add/annotate when an input was skipped (2 is click's usage error)
EXIT_SKIPPED = 3

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    """``--format`` with ``text`` and ``json`` plus any extra choices."""
    all_choices = list(dict.fromkeys(("text", "json", *choices)))
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(all_choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


# C0 and C1 control characters (ESC, CSI, OSC, BEL, ...) but newline and tab; DEL; and
# the bidirectional overrides that reorder what a terminal shows
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), so that article
    text printed to a terminal can neither move the cursor, clear the screen, set the
    window title nor plant a link."""
    return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], text)


def echo(text: str, **kwargs: Any) -> None:
    """``click.echo`` of text that may hold article text."""
    click.echo(safe_text(text), **kwargs)


def print_json(data: Any) -> None:
    # ensure_ascii=False keeps names readable; json leaves C1 controls and bidi overrides raw,
    # so they are written as \u escapes here (valid JSON, same value)
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    click.echo(_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def handle_errors(func: F) -> F:
    """Turn StorylineError and sqlite3.Error into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorylineError as exc:
            click.secho(safe_text(f"error: {exc}"), fg="red", err=True)
            sys.exit(1)
        except sqlite3.Error as exc:
            click.secho(safe_text(f"error: {database_message(exc)}"), fg="red", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def database_message(exc: sqlite3.Error) -> str:
    """One line for a database failure, saying what to do next."""
    code = getattr(exc, "sqlite_errorname", None) or ""
    if code == "SQLITE_FULL" or "disk is full" in str(exc):
        return ("the disk holding the database is full; free some space and run the command again "
                "(the batch being written was rolled back, nothing half-done was kept)")
    if code.startswith("SQLITE_READONLY") or "readonly" in str(exc):
        return "the database is read-only; use a writable copy for this command"
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "the database is busy (another storyline is writing to it); try again when it has finished"
    return (f"the database failed ({code or type(exc).__name__}: {' '.join(str(exc).split())}); "
            "check the file with `sqlite3 DB 'PRAGMA integrity_check'` or choose another --db")
