"""Cost of the cross-document steps (entity registry + event merging + storing) as the corpus grows.

Annotates N Timeline17 articles once (spaCy + storyline's components, outside the timing), then
links and stores them into a fresh database in chunks, timing each chunk. If linking were
quadratic, the time per article would grow with the number of articles already stored; with
candidate blocking (alias keys for entities, shared actor + compatible date for events) it
should stay roughly flat.

With --dataset DIR the annotations are read from a `storyline annotate` output instead
(so the annotation can run in parallel beforehand), raw inputs included.

Usage: python benchmarks/linking.py [--articles 4000] [--chunk 500] [--data ../shared/data]
                                    [--dataset DIR.parquet]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from storyline.annotate import Annotator
from storyline.link.article import ArticleLinker
from storyline.pipeline.ingest import store_batch
from storyline.pipeline.report import IngestReport
from storyline.settings import Settings
from storyline.store import Store
from storyline.store.parquet import part_numbers, read_annotated, read_raws
from storyline.types import AnnotatedArticle, Article, DateValue, PublishedBasis, RawRecord


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


def annotate_t17(t17: Path, n: int) -> tuple[list[AnnotatedArticle], dict[str, RawRecord]]:
    articles = load_articles(t17, n)
    annotator = Annotator(Settings.load().model)
    start = time.perf_counter()
    annotated = list(annotator.annotate(articles))
    elapsed = time.perf_counter() - start
    print(f"annotated {len(annotated)} articles in {elapsed:.0f} s (not part of the cost below)")
    return annotated, {}


def read_dataset(root: Path, n: int) -> tuple[list[AnnotatedArticle], dict[str, RawRecord]]:
    annotated: list[AnnotatedArticle] = []
    raws: dict[str, RawRecord] = {}
    for number in part_numbers(root):
        raws.update((raw.sha256, raw) for raw in read_raws(root, number))
        annotated.extend(read_annotated(root, number))
    print(f"read {len(annotated[:n])} annotated articles from {root}")
    return annotated[:n], raws


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--dataset", type=Path, help="read annotations from `storyline annotate` output")
    args = parser.parse_args()
    if args.dataset:
        annotated, raws = read_dataset(args.dataset, args.articles)
    else:
        annotated, raws = annotate_t17(args.data / "t17", args.articles)
        raws = {"bench": RawRecord(path="bench", data=b"", sha256="bench", kind="text")}

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "link.db")
        linker, report = ArticleLinker(store), IngestReport()
        print(f"{'stored before':>14} {'chunk':>6} {'ms/article':>11} {'events':>8} {'entities':>9}")
        for begin in range(0, len(annotated), args.chunk):
            chunk = annotated[begin : begin + args.chunk]
            chunk_raws = [raws.pop(sha) for sha in dict.fromkeys(a.article.raw_sha256 for a in chunk)
                          if sha in raws]
            start = time.perf_counter()
            store_batch(store, linker, chunk_raws, chunk, report)
            ms = (time.perf_counter() - start) * 1000 / len(chunk)
            events, entities = store.count("events"), store.count("entities")
            print(f"{begin:>14} {len(chunk):>6} {ms:>11.2f} {events:>8} {entities:>9}")
        print(f"{len(report.added)} articles stored, {report.duplicates} marked near-duplicate")


if __name__ == "__main__":
    main()
