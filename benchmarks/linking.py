"""Cost of the cross-document steps (entity registry + event merging + storing) as the corpus grows.

Annotates N Timeline17 articles once (spaCy + storyline's components, outside the timing), then
links and stores them into a fresh database in chunks, timing each chunk. If linking were
quadratic, the time per article would grow with the number of articles already stored; with
candidate blocking (alias keys for entities, shared actor + compatible date for events) it
should stay roughly flat.

Usage: python benchmarks/linking.py [--articles 4000] [--chunk 500] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from storyline.annotate import Annotator
from storyline.ingest import Ingestor, IngestReport
from storyline.settings import Settings
from storyline.store import Store
from storyline.types import Article, DateValue, PublishedBasis


def load_articles(t17: Path, n: int) -> list[Article]:
    files = sorted(t17.glob("sources/*/InputDocs/*/*.htm.txt"))
    step = max(1, len(files) // n)
    articles = []
    for i, f in enumerate(files[::step][:n]):
        text = f.read_text(encoding="utf-8", errors="replace").strip()
        if not text:
            continue
        articles.append(
            Article(
                title=text.split("\n", 1)[0][:120], text=text, content_hash=f"t17-{i}",
                raw_sha256="bench", path=str(f), source=f.parents[2].name.split("_")[-1],
                published=DateValue.parse(f.parent.name), published_basis=PublishedBasis.USER,
            )
        )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()

    articles = load_articles(args.data / "t17", args.articles)
    annotator = Annotator(Settings.load().model)
    start = time.perf_counter()
    annotated = list(annotator.annotate(articles))
    elapsed = time.perf_counter() - start
    print(f"annotated {len(annotated)} articles in {elapsed:.0f} s (not part of the cost below)")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "link.db")
        ingestor = Ingestor(store, annotator, max_file_bytes=0)
        with store.transaction():
            store.conn.execute(
                "INSERT INTO raw_inputs(sha256, path, kind, data, read_at)"
                " VALUES ('bench', 'bench', 'text', x'', '')"
            )
        print(f"{'stored before':>14} {'chunk':>6} {'ms/article':>11} {'events':>8} {'entities':>9}")
        for begin in range(0, len(annotated), args.chunk):
            chunk = annotated[begin : begin + args.chunk]
            start = time.perf_counter()
            with store.transaction():
                for ann in chunk:
                    ingestor.store_annotated(ann, IngestReport())
            ms = (time.perf_counter() - start) * 1000 / len(chunk)
            events, entities = store.count("events"), store.count("entities")
            print(f"{begin:>14} {len(chunk):>6} {ms:>11.2f} {events:>8} {entities:>9}")


if __name__ == "__main__":
    main()
