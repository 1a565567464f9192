"""End-to-end `storyline add` over a large mixed folder: throughput and peak memory.

The folder is the one benchmarks/read_clean.py builds (default 10,000 files: Timeline17
plain text, aggregator-page copies that split into several stories, real HTML pages, a
JSON Lines export and a zip archive; repeats are recognised by content hash and not
annotated twice). `storyline add` runs in its own process; a sampler records the peak
RSS of that process and of each annotating worker (with --jobs > 1).

Usage: python benchmarks/ingest_mixed.py [--files 10000] [--jobs 1]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from parallel import MB, sampled  # noqa: E402
from read_clean import ROOT, build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--data", type=Path, default=ROOT / "../shared/data")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="storyline-mixed-"))
    try:
        folder = work / "in"
        folder.mkdir()
        build(folder, args.data, args.files)
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        command = [sys.executable, "-m", "storyline", "--db", str(work / "mixed.db"), "add",
                   str(folder), "--jobs", str(args.jobs), "--format", "json"]
        report, seconds, sampler = sampled("storyline add", command)
        words = count_words(work / "mixed.db")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    added = report["added"]
    workers = max(sampler.worker_peaks.values(), default=0)
    print(f"{files} files, --jobs {args.jobs}: {added} articles added, {report['already_present']} "
          f"inputs already present, {len(report['skipped'])} skipped, "
          f"{report['near_duplicates']} near-duplicates")
    print(f"{seconds:.0f} s: {files / seconds:.1f} files/s, {added / seconds:.2f} articles/s; "
          f"{words / seconds:.0f} words/s")
    print(f"peak RSS main {sampler.main_peak / MB:.0f} MB, per worker {workers / MB:.0f} MB")


def count_words(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return sum(len(text.split()) for (text,) in conn.execute("SELECT text FROM articles"))


if __name__ == "__main__":
    main()
