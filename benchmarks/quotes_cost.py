"""Cost of the quote component next to spaCy's own time, on the same Timeline17 articles.

The articles are parsed once by the spaCy model (timed), then storyline's entity component
(which the quote component needs for speakers) and the quote component are run over the
parsed documents, each timed on its own, in one process on one core. Prints seconds and the
quote component's share of spaCy's time (the issue's bound: under 5 %).

Usage: python benchmarks/quotes_cost.py [--articles 300] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

import storyline.annotate.entities  # noqa: F401  (registers the factories)
import storyline.annotate.quotes  # noqa: F401
from storyline.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    files = sorted((args.data / "t17").glob("sources/*/InputDocs/*/*.htm.txt"))
    if not files:
        raise SystemExit(f"no T17 articles under {args.data / 't17'}; pass --data")
    step = max(1, len(files) // args.articles)
    texts = [" ".join(f.read_text(encoding="utf-8", errors="replace").split()) for f in files[::step]]
    texts = texts[: args.articles]
    nlp = spacy.load(Settings().model)
    entities = nlp.add_pipe("storyline_entities")
    quotes = nlp.add_pipe("storyline_quotes")
    started = time.perf_counter()
    with nlp.select_pipes(disable=["storyline_entities", "storyline_quotes"]):
        docs = list(nlp.pipe(texts, batch_size=32))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    docs = [entities(doc) for doc in docs]
    linked = time.perf_counter() - started
    started = time.perf_counter()
    docs = [quotes(doc) for doc in docs]
    quoted = time.perf_counter() - started
    found = sum(len(doc._.quotes) for doc in docs)
    words = sum(len(doc) for doc in docs)
    print(f"{len(docs)} articles, {words} tokens, {found} quotes")
    print(f"spaCy {parsed:.1f} s, entities {linked:.2f} s, quotes {quoted:.2f} s")
    print(f"quote component: {100 * quoted / parsed:.1f} % of spaCy's time")


if __name__ == "__main__":
    main()
