"""Cost of story assignment (link/stories.py) as the store grows.

Stores N Timeline17 articles (text only: no spaCy, no entities; the cost measured is the
clustering's: vector, IDF look-ups, candidate stories, centroid updates) into a fresh
database in chunks, timing each chunk's assignment. With blocking on the heaviest terms
the time per article should stay flat as the store grows. CPU time is reported beside wall
time: on a shared machine the wall clock measures the neighbours too.

Usage: python benchmarks/stories.py [--articles 5000] [--chunk 500] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from storyline.link.stories import StoryClusterer
from storyline.store import Store
from storyline.types import Article, DateValue, PublishedBasis, RawRecord


def load(t17: Path, n: int) -> list[Article]:
    files = sorted(t17.glob("sources/*/InputDocs/*/*.htm.txt"))
    step = max(1, len(files) // n)
    out = []
    for i, f in enumerate(files[::step][:n]):
        text = f.read_text(encoding="utf-8", errors="replace").strip()
        if text:
            out.append(Article(title=text.split("\n", 1)[0][:120], text=text, content_hash=f"t17-{i}",
                               raw_sha256="bench", path=str(f), published=DateValue.parse(f.parent.name),
                               published_basis=PublishedBasis.USER))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    articles = load(args.data / "t17", args.articles)
    print(f"{len(articles)} articles")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        with store.transaction():
            store.add_raw(RawRecord("bench", b"", "bench", "text"))
        clusterer = StoryClusterer(store.stories)
        print("store size   ms/article   cpu ms/article   stories")
        for start in range(0, len(articles), args.chunk):
            chunk = articles[start : start + args.chunk]
            with store.transaction():
                ids = [store.insert_article(a) for a in chunk]
            began, cpu = time.perf_counter(), time.process_time()
            with store.transaction():
                for article_id, a in zip(ids, chunk, strict=True):
                    clusterer.assign(article_id, a.title, a.text, a.published, [])
            ms = (time.perf_counter() - began) * 1000 / len(chunk)
            cpu_ms = (time.process_time() - cpu) * 1000 / len(chunk)
            print(f"{start:>10}   {ms:>10.2f}   {cpu_ms:>14.2f}   {len(store.stories.list_stories()):>7}")
        store.close()


if __name__ == "__main__":
    main()
