"""``storyline timex`` (tag files with TIMEX3) and ``storyline eval timex`` (score against gold)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from ..errors import EvaluationError, InputError
from ..settings import Settings
from . import main
from .common import format_option, handle_errors, print_json
from .eval import eval_group

if TYPE_CHECKING:
    from spacy.language import Language

    from ..evaluation.timeml import GoldDoc
    from ..evaluation.timex import TimexScores

console = Console(stderr=True)


def _load(settings: Settings) -> Language:
    from ..annotate.model import load_pipeline

    return load_pipeline(settings.model)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--dct must be YYYY-MM-DD, got {value!r}") from None


def _output_name(path: Path) -> str:
    name = path.name.removesuffix(".TE3input")
    return name if name.endswith(".tml") else f"{path.stem}.tml"


@main.command("timex")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--dct", help="Document creation time YYYY-MM-DD (default: the file's DCT, else inferred).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one .tml per input here.",
)
@click.pass_obj
@handle_errors
def timex_command(settings: Settings, files: tuple[Path, ...], dct: str | None, out_dir: Path | None) -> None:
    """Tag FILES (TempEval-3 *.TE3input / TimeML, or plain text) with TIMEX3 and write TimeML."""
    from ..annotate.temporal import infer_dct, tag_doc
    from ..evaluation.timeml import read_timeml, write_timeml

    nlp = _load(settings)
    given = _parse_date(dct)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        source: str | None = None
        if "<TEXT>" in raw:
            gold = read_timeml(path)
            text, doc_dct, source = gold.text, given or gold.dct, raw
        else:
            text, doc_dct = raw, given
        doc = nlp(text)
        if doc_dct is None:
            try:
                estimate = infer_dct(doc)
                doc_dct = estimate.value.start
                console.print(f"{path}: no DCT given; inferred {estimate.value} ({estimate.evidence})")
            except InputError as exc:
                console.print(f"{path}: {exc}; relative dates stay unresolved")
        timexes = tag_doc(doc, doc_dct)
        xml = write_timeml(path.stem, text, doc_dct, timexes, source)
        if out_dir is None:
            click.echo(xml)
        else:
            (out_dir / _output_name(path)).write_text(xml, encoding="utf-8")
    if out_dir is not None:
        click.echo(f"wrote {len(files)} file(s) to {out_dir}")


def _read_all(gold_dir: Path, limit: int | None) -> list[GoldDoc]:
    from ..evaluation.timeml import find_gold_files, read_gold

    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for path in find_gold_files(gold_dir):
        if path.name in seen:
            continue
        try:
            doc = read_gold(path)
        except EvaluationError as exc:
            console.print(f"skipped: {exc}")
            continue
        seen.add(path.name)
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise EvaluationError(f"no TimeML (.tml) or MEANTIME CAT (.xml) files under {gold_dir}")
    return docs


def _print_text(scores: TimexScores, errors: int) -> None:
    d = scores.as_dict()
    click.echo(f"documents {scores.docs}, gold TIMEX3 {scores.gold}, system {scores.system}")
    for kind in ("strict", "relaxed"):
        prf = d[kind]
        click.echo(f"{kind:8} P {prf['p']:.3f}  R {prf['r']:.3f}  F1 {prf['f1']:.3f}")
    click.echo(f"type accuracy  {scores.type_accuracy:.3f}")
    click.echo(f"value accuracy {scores.value_accuracy:.3f}   value F1 {scores.value_f1:.3f}")
    click.echo(
        f"speed: spaCy pipeline {scores.spacy_seconds:.2f}s, "
        f"temporal component {scores.temporal_seconds:.2f}s "
        f"(+{100 * scores.overhead:.1f}%), {scores.docs_per_second:.1f} docs/s"
    )
    if errors:
        _print_errors(scores, errors)


def _print_errors(scores: TimexScores, limit: int) -> None:
    shown = 0
    for r in scores.results:
        lines = [f"  missed   {g.text!r} {g.type} {g.value}" for g in r.missed]
        lines += [f"  spurious {s.text!r} {s.type} {s.value}" for s in r.spurious]
        lines += [
            f"  span     gold {g.text!r} / system {s.text!r}"
            for g, s in r.pairs
            if (g.start, g.end) != (s.start, s.end)
        ]
        lines += [
            f"  value    {g.text!r}: gold {g.type} {g.value} / system {s.type} {s.value}"
            for g, s in r.pairs
            if g.value.upper() != s.value.upper()
        ]
        if lines:
            click.echo(f"{r.doc.name} (DCT {r.doc.dct})")
            click.echo("\n".join(lines))
            shown += len(lines)
        if shown >= limit:
            break


@eval_group.command("timex")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Evaluate only the first N documents.")
@click.option("--errors", "errors", type=int, default=0, help="Also print up to N errors (text output).")
@format_option()
@click.pass_obj
@handle_errors
def eval_timex(settings: Settings, gold_dir: Path, limit: int | None, errors: int, fmt: str) -> None:
    """Score the temporal tagger on TimeML (.tml) or MEANTIME CAT (.xml) gold files in GOLD_DIR."""
    from rich.progress import Progress

    from ..evaluation.timex import evaluate

    docs = _read_all(gold_dir, limit)
    nlp = _load(settings)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        progress.add_task(f"tagging {len(docs)} documents", total=None)
        scores = evaluate(docs, nlp, batch_size=settings.batch_size)
    if fmt == "json":
        print_json(scores.as_dict())
    else:
        _print_text(scores, errors)
