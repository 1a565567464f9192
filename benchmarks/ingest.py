"""Throughput of `storyline add` next to bare `nlp.pipe` of the same spaCy model.

Both run on one core in the same process over the same Timeline17 articles:
1. bare spaCy: ``nlp.pipe`` of the model alone over the cleaned texts;
2. storyline: the whole ingest (read, clean, annotate with storyline's
   components, link, store in SQLite) into a fresh database.

Usage: python benchmarks/ingest.py [--articles 1000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import tempfile
import time
from pathlib import Path

import spacy

from storyline.api import Storyline
from storyline.settings import Settings


def sample(t17: Path, n: int) -> list[Path]:
    """Every k-th article of T17 (sorted), so all topics and years are represented."""
    files = sorted(t17.glob("sources/*/InputDocs/*/*.htm.txt"))
    if not files:
        raise SystemExit(f"no T17 articles under {t17}; pass --data")
    step = max(1, len(files) // n)
    return files[::step][:n]


def stage(files: list[Path], folder: Path) -> None:
    """Copy the articles into ``folder`` with a manifest giving their dates and outlets."""
    with (folder / "manifest.csv").open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["path", "published", "source"])
        for i, f in enumerate(files):
            name = f"{i:05d}.txt"
            shutil.copyfile(f, folder / name)
            writer.writerow([name, f.parent.name, f.parents[2].name.split("_")[-1]])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    files = sample(args.data / "t17", args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        stage(files, folder)
        settings = Settings.load(db=str(Path(tmp) / "bench.db"), batch_size=args.batch_size)

        with Storyline(settings=settings) as sl:
            ingestor = sl.ingestor()  # load the pipeline before timing
            model = spacy.load(settings.model)
            start = time.perf_counter()
            report = ingestor.add([folder])
            storyline_s = time.perf_counter() - start
            texts = [sl.store.get_article(i).text for i, _ in report.added]

        words = sum(len(t.split()) for t in texts)
        start = time.perf_counter()
        for _ in model.pipe(texts, batch_size=args.batch_size):
            pass
        bare_s = time.perf_counter() - start

    n = len(texts)
    print(f"articles: {n} ({words} words), skipped: {len(report.skipped)}")
    for skipped in report.skipped:
        print(f"  skipped {Path(skipped.path).name}: {skipped.reason}")
    print(f"bare spaCy nlp.pipe : {n / bare_s:8.1f} articles/s {words / bare_s:10.0f} words/s")
    print(f"storyline add       : {n / storyline_s:8.1f} articles/s {words / storyline_s:10.0f} words/s")
    print(f"ratio storyline/bare: {bare_s / storyline_s:.3f} (target >= 0.75)")


if __name__ == "__main__":
    main()
