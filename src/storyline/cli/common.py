"""Shared CLI plumbing: output options, JSON printing, error handling."""

from __future__ import annotations

import functools
import json
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


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def handle_errors(func: F) -> F:
    """Turn StorylineError into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorylineError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
