"""``storyline eval tls DATA_DIR``: timeline summarisation on Timeline17 (news-tls setup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..settings import Settings
from .common import format_option, handle_errors, print_json
from .eval import eval_group


def _print_table(result: dict[str, Any]) -> None:
    click.echo(f"{'topic':<7} {'timeline':<48} {'AR-1 F':>7} {'AR-2 F':>7} {'Date F1':>7} {'sec':>6}")
    for t in result["timelines"]:
        click.echo(
            f"{t['topic']:<7} {t['timeline'][:48]:<48} {t['ar1']['f1']:>7.3f} {t['ar2']['f1']:>7.3f}"
            f" {t['date_f1']:>7.3f} {t['seconds']:>6.2f}"
        )
    avg = result["average"]
    click.echo(
        f"average over {len(result['timelines'])} timelines: "
        f"AR-1 P {avg['ar1']['p']:.3f} R {avg['ar1']['r']:.3f} F {avg['ar1']['f1']:.3f}; "
        f"AR-2 P {avg['ar2']['p']:.3f} R {avg['ar2']['r']:.3f} F {avg['ar2']['f1']:.3f}; "
        f"Date F1 {avg['date_f1']:.3f}"
    )
    click.echo(f"generation: {result['seconds_per_topic']:.2f} s per topic")


@eval_group.command("tls")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--topics", "topics", multiple=True,
    help="Topics to score (repeat or comma-separate); default all.")
@click.option(
    "--db", "--cache", "cache", type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/t17"), show_default=True,
    help="Folder holding one annotated storyline database per topic (made once, reused).",
)
@format_option()
@click.pass_obj
@handle_errors
def tls_command(
    settings: Settings, data_dir: Path, topics: tuple[str, ...], cache: Path, fmt: str
) -> None:
    """Score timeline summarisation on DATA_DIR (Timeline17 as news-tls lays it out).

    For each reference timeline: articles clipped to its span, as many dates as it
    has, k = round(mean sentences per date), keyword-filtered sentences. Prints
    AR-1, AR-2 (align+ m:1, date-content costs) and Date F1 per timeline and their
    averages (mean P and R, then F).
    """
    names = [t for item in topics for t in item.split(",") if t]
    from ..evaluation.tls_eval import evaluate_t17

    result = evaluate_t17(data_dir, cache, names or None,
                          on_topic=lambda name: click.echo(f"topic {name}", err=True))
    if fmt == "json":
        print_json(result)
    else:
        _print_table(result)
