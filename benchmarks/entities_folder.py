"""A store of the first N articles of an Entities topic, for the sample scripts
(``events_sample.py``, ``quotes_sample.py``): ``outputwithpub.csv`` holds rows ``date,text``
without a header, so a copy with the header row storyline's CSV reader needs is added."""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from storyline.api import Storyline


def add_arguments(parser: argparse.ArgumentParser, seed: int) -> None:
    """The options both sample scripts take."""
    parser.add_argument("--topic", default="Ted_Cruz")
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--db", type=Path, help="store to read (built from the topic when empty)")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))


def write_subset(source: Path, n: int, out: Path, mend: Callable[[str], str] | None = None) -> None:
    """The first ``n`` rows of an Entities CSV under a ``date,text`` header row (texts ``mend``ed)."""
    csv.field_size_limit(2**31 - 1)
    with source.open(encoding="utf-8", newline="") as f, out.open("w", encoding="utf-8", newline="") as o:
        writer = csv.writer(o)
        writer.writerow(["date", "text"])
        for i, row in enumerate(csv.reader(f)):
            if i >= n:
                break
            writer.writerow([row[0], mend(row[1]) if mend else row[1]])


def open_store(args: argparse.Namespace, mend: Callable[[str], str] | None = None) -> Storyline:
    """``args.db`` (a temporary store by default), filled from the topic when it is empty."""
    db = args.db or Path(tempfile.mkdtemp()) / "sample.db"
    sl = Storyline(db)
    if not sl.articles(limit=1):
        source = args.data / "entities" / args.topic / "outputwithpub.csv"
        if not source.exists():
            sys.exit(f"no {source}; pass --data pointing at the shared data folder")
        subset = Path(tempfile.mkdtemp()) / f"{args.topic}-{args.articles}.csv"
        write_subset(source, args.articles, subset, mend)
        sl.add([str(subset)])
    return sl
