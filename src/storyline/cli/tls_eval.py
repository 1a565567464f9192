"""``storyline eval tls DATA_DIR``: timeline summarisation on Timeline17 and the Entities
data set (news-tls setup), with DATEWISE's published figures beside them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from ..settings import Settings
from .common import format_option, handle_errors, print_json
from .eval import eval_group

NAMES = {"t17": "T17", "entities": "Entities"}
ENTITIES_NOTE = ("Entities: the reference text runs its sentences together, so only Date F1 is "
                 "scored there (AR-1/AR-2 shown as -); DATEWISE's .205 is over all 47 entities.")


def _f(value: float | None) -> str:
    return f"{value:>7.3f}" if value is not None else f"{'-':>7}"


def _print_table(results: dict[str, dict[str, Any]]) -> None:
    click.echo(f"{'data set':<9} {'topic':<10} {'timeline':<44} {'AR-1 F':>7} {'AR-2 F':>7} {'Date F1':>7}"
               f" {'sec':>6}")
    for name, result in results.items():
        for t in result["timelines"]:
            ar1 = t["ar1"]["f1"] if t["ar1"] else None
            ar2 = t["ar2"]["f1"] if t["ar2"] else None
            click.echo(f"{NAMES[name]:<9} {t['topic'][:10]:<10} {t['timeline'][:44]:<44} {_f(ar1)} {_f(ar2)}"
                       f" {_f(t['date_f1'])} {t['seconds']:>6.2f}")
    click.echo("")
    click.echo(f"{'data set':<9} {'timelines':>9} {'articles':>8} {'AR-1 F':>7} {'AR-2 F':>7} {'Date F1':>7}"
               f"   DATEWISE {'AR-1 F':>7} {'AR-2 F':>7} {'Date F1':>7} {'s/topic':>8}")
    for name, result in results.items():
        avg, dw = result["average"], result["datewise"]
        click.echo(
            f"{NAMES[name]:<9} {len(result['timelines']):>9} {sum(result['articles_by_topic'].values()):>8}"
            f" {_f(avg['ar1']['f1'] if avg['ar1'] else None)} {_f(avg['ar2']['f1'] if avg['ar2'] else None)}"
            f" {_f(avg['date_f1'])}   {'':<8} {_f(dw['ar1'])} {_f(dw['ar2'])} {_f(dw['date_f1'])}"
            f" {result['seconds_per_topic']:>8.2f}"
        )
    for name, result in results.items():
        avg = result["average"]
        line = f"average over {len(result['timelines'])} timelines ({NAMES[name]}): "
        if avg["ar1"] and avg["ar2"]:
            line += (f"AR-1 P {avg['ar1']['p']:.3f} R {avg['ar1']['r']:.3f} F {avg['ar1']['f1']:.3f}; "
                     f"AR-2 P {avg['ar2']['p']:.3f} R {avg['ar2']['r']:.3f} F {avg['ar2']['f1']:.3f}; ")
        click.echo(line + f"Date F1 {avg['date_f1']:.3f}")
    if "entities" in results:
        click.echo(ENTITIES_NOTE)


def _split_topics(names: list[str], found: dict[str, Path]) -> dict[str, list[str] | None]:
    """Each data set's topics among ``names`` (None: all of them; no names: all of all)."""
    from ..evaluation.entities import entity_topic_names
    from ..evaluation.t17 import TOPIC_FOLDERS

    if not names:
        return {d: None for d in found}
    known = {"t17": set(TOPIC_FOLDERS), "entities": set(entity_topic_names(found["entities"]))
             if "entities" in found else set()}
    unknown = [n for n in names if not any(n in known[d] for d in found)]
    if unknown:
        choices = ", ".join(sorted(t for d in found for t in known[d]))
        raise InputError(f"unknown topic(s) {', '.join(unknown)}; choose from {choices}")
    return {d: [n for n in names if n in known[d]] for d in found if any(n in known[d] for n in names)}


@eval_group.command("tls")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--topics", "topics", multiple=True,
    help="Topics to score (repeat or comma-separate: T17 names such as mj, Entities folder "
         "names such as Ted_Cruz); default all.")
@click.option(
    "--db", "--cache", "cache", type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/t17"), show_default=True,
    help="Folder holding one annotated storyline database per topic (made once, reused; "
         "Entities topics under entities/).",
)
@click.option(
    "--limit-articles", "limit", type=click.IntRange(min=1), default=None,
    help="Entities only: annotate and use this many articles of each topic's reference span, "
         "evenly spaced in time (default all; a smaller set is a quicker development loop).",
)
@format_option()
@click.pass_obj
@handle_errors
def tls_command(
    settings: Settings, data_dir: Path, topics: tuple[str, ...], cache: Path, limit: int | None, fmt: str
) -> None:
    """Score timeline summarisation on DATA_DIR: Timeline17 as news-tls lays it out, an
    Entities folder (one folder per entity), or a folder holding t17/ and entities/.

    For each reference timeline: articles clipped to its span, as many dates as it
    has, k = round(mean sentences per date), keyword-filtered sentences (an Entities
    topic's keywords: its name's parts). Prints AR-1, AR-2 (align+ m:1, date-content
    costs) and Date F1 per timeline and their averages (mean P and R, then F) per data
    set, with DATEWISE's published figures beside them. Entities references run their
    text together: only Date F1 is scored there.
    """
    from ..evaluation.tls_eval import datasets_under, evaluate_entities, evaluate_t17

    found = datasets_under(data_dir)
    wanted = _split_topics([t for item in topics for t in item.split(",") if t], found)
    say = lambda name: click.echo(f"topic {name}", err=True)  # noqa: E731
    results: dict[str, dict[str, Any]] = {}
    for dataset, names in wanted.items():
        if dataset == "t17":
            results[dataset] = evaluate_t17(found[dataset], cache, names, on_topic=say)
        else:
            results[dataset] = evaluate_entities(found[dataset], cache, names, limit=limit, on_topic=say)
    if fmt == "json":
        print_json({"datasets": results, "limit_articles": limit})
    else:
        _print_table(results)
        if limit is not None and "entities" in results:
            click.echo(f"Entities evaluated on {limit} evenly spaced articles per topic (--limit-articles).")
