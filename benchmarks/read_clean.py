"""Throughput and peak memory of the read + clean stages over a large mixed folder.

Builds a folder of N files (default 10,000) mixing Timeline17 plain-text articles,
copies of the aggregator-page sample, HTML pages of the article-extraction benchmark,
a JSON Lines export and a zip archive, then streams ``read_paths`` -> ``clean`` over it.
Prints files/s, articles/s and the process's peak resident memory.

Usage: python benchmarks/read_clean.py [--files 10000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import resource
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from storyline.clean import clean
from storyline.errors import StorylineError
from storyline.read import read_paths
from storyline.types import Skipped

ROOT = Path(__file__).resolve().parents[1]


def build(folder: Path, data: Path, n: int) -> None:
    texts = sorted((data / "t17").glob("sources/*/InputDocs/*/*.htm.txt"))
    pages = sorted((data / "article-extraction" / "html").glob("*.html.gz"))
    page_003 = (ROOT / "examples" / "korea-letters" / "003_f622a63eab150e64.txt").read_bytes()
    html = [gzip.decompress(p.read_bytes()) for p in pages[:50]]
    for i in range(n - 2):
        sub = folder / f"d{i % 20:02d}"
        sub.mkdir(exist_ok=True)
        kind = i % 10
        if kind < 6 and texts:
            (sub / f"{i:05d}.txt").write_bytes(texts[i % len(texts)].read_bytes())
        elif kind < 8 or not html:
            (sub / f"{i:05d}.txt").write_bytes(page_003.replace(b"Wednesday", f"day {i}".encode()))
        else:
            (sub / f"{i:05d}.html").write_bytes(html[i % len(html)])
    with (folder / "export.jsonl").open("w") as out:
        for i in range(200):
            item = {"title": f"Item {i}", "text": f"Export item number {i} says hello."}
            out.write(json.dumps(item) + "\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(50):
            zf.writestr(f"z/{i}.txt", page_003)
    (folder / "archive.zip").write_bytes(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--data", type=Path, default=ROOT / "../shared/data")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="storyline-read-"))
    try:
        build(folder, args.data, args.files)
        start = time.perf_counter()
        records = skipped = articles = failed = 0
        for item in read_paths([folder], 50_000_000):
            if isinstance(item, Skipped):
                skipped += 1
                continue
            records += 1
            try:
                articles += len(clean(item))
            except StorylineError:
                failed += 1
        seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"files {args.files}  records {records}  skipped {skipped}  no text {failed}  "
        f"articles {articles}\n"
        f"{seconds:.1f} s  {records / seconds:.0f} records/s  {articles / seconds:.0f} articles/s  "
        f"peak RSS {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
