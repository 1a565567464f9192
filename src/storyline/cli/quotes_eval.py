"""``storyline eval quotes DIR``: quote attribution against PolNeAR-style data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from ..settings import Settings
from .common import format_option, handle_errors, print_json
from .eval import eval_group

if TYPE_CHECKING:
    from spacy.tokens import Doc

_console = Console(stderr=True)


def _progress(docs: Iterator[Doc], total: int) -> Iterator[Doc]:
    from rich.progress import track

    if not _console.is_terminal:
        return docs
    return iter(track(docs, total=total, description="parsing", console=_console, transient=True))


def _print_text(result: dict[str, Any]) -> None:
    def block(title: str, scores: dict[str, Any]) -> None:
        click.echo(f"{title}: {scores['gold']} gold, {scores['predicted']} predicted")
        for name in ("content_exact", "content_overlap", "speaker", "speaker_end_to_end"):
            s = scores[name]
            click.echo(f"  {name:<20} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")

    click.echo(f"documents: {result['documents']}")
    block("all attributions", result)
    block("speech-verb cues", result["speech_verbs"])


@eval_group.command("quotes")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@format_option()
@click.pass_obj
@handle_errors
def quotes_command(settings: Settings, directory: Path, limit: int | None, fmt: str) -> None:
    """Score quote attribution on DIR (PolNeAR layout: text/ and attributions/ brat files).

    Prints precision, recall and F1 for content spans (exact and overlap) and for
    the speaker of each matched content, over all attributions and over those
    whose cue is a speech verb.
    """
    from ..annotate.model import load_pipeline
    from ..evaluation.quotes import evaluate_quotes, load_documents

    docs = load_documents(directory, limit)
    nlp = load_pipeline(settings.model)  # with NER, as ``annotate`` runs it: names help find speakers
    result = evaluate_quotes(docs, nlp, progress=_progress)
    if fmt == "json":
        print_json(result)
    else:
        _print_text(result)
