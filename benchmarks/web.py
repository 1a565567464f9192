"""Latency of the web UI and JSON API on a store the size of Timeline17 (4,000+ articles).

The store holds real T17 article texts (titles, outlets and publication dates from the folder
names) with synthetic annotations written through the store's own writer methods: three dated
event mentions per article (a third merged into an existing event), actors drawn from a pool of
400 entities. This measures the web and store layers, not the NLP (see benchmarks/ingest.py).
Pass --db to measure an existing store made by `storyline add` instead.

Usage: python benchmarks/web.py [--articles 4000] [--runs 30] [--data ../shared/data] [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import httpx

from storyline.store import Store
from storyline.types import (
    Article,
    DateValue,
    EventMention,
    PublishedBasis,
    RawRecord,
    Sentence,
    TimelineQuery,
)
from storyline.web import create_app

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def t17_files(data: Path, n: int) -> list[Path]:
    files = sorted((data / "t17").glob("sources/*/InputDocs/*/*.htm.txt"))
    if not files:
        raise SystemExit(f"no T17 articles under {data / 't17'}; pass --data")
    step = max(1, len(files) // n)
    return files[::step][:n]


def build(db: Path, files: list[Path], seed: int = 7) -> None:
    rng = random.Random(seed)
    with Store(db) as store, store.transaction():
        pool = [store.entities.create_entity(f"Entity {i}", "PERSON" if i % 3 else "ORG") for i in range(400)]
        for i, entity_id in enumerate(pool):
            store.entities.add_aliases(entity_id, [(f"Entity {i}", f"entity {i}")])
        recent: list[tuple[int, DateValue]] = []
        for k, path in enumerate(files):
            text = path.read_text(encoding="utf-8", errors="replace")
            published = DateValue.parse(path.parent.name)
            sha = f"bench-{k}"
            store.add_raw(RawRecord(str(path), text.encode(), sha, "text"))
            title = text.strip().split("\n", 1)[0][:120] or path.name
            article = Article(title, text, sha, sha, str(path), source=path.parts[-4].split("_")[-1],
                              published=published, published_basis=PublishedBasis.METADATA)
            article_id = store.insert_article(article)
            sentences, offset = [], 0
            for idx, part in enumerate(_SENTENCE.split(text)):
                start = text.find(part, offset)
                sentences.append(Sentence(idx, start, start + len(part), part))
                offset = start + len(part)
            store.insert_sentences(article_id, tuple(sentences))
            actors = rng.sample(pool[: 40 + rng.randrange(360)], 2)
            for local, entity_id in enumerate(actors):
                store.entities.insert_article_entity(
                    article_id, local, entity_id, f"Entity {entity_id}", "PERSON", 3
                )
            for s in sentences[:3]:
                date = DateValue.of_day(published.start - timedelta(days=rng.randrange(0, 30)))
                mention = EventMention(s.index, s.start, s.end, s.text, date, "recently", actors,
                                       "say", background=rng.random() < 0.3)
                same = [e for e, d in recent[-200:] if d == date]
                if same and rng.random() < 0.5:
                    event_id = same[0]
                else:
                    event_id = store.events.create_event(date, s.text[:300])
                    recent.append((event_id, date))
                store.events.insert_event_mention(event_id, article_id, mention, list(actors))


def measure(db: Path, runs: int) -> list[tuple[str, float, int]]:
    app = create_app(db)
    service = app.state.service
    events = service.timeline(TimelineQuery())
    first = events.events[0].id
    entity = service.entity_names(1)[0]
    article = service.articles(0, 1)[0]["id"]
    mid = events.events[len(events.events) // 2].date.value[:7]
    urls = [
        "/api/events?limit=100",
        "/",
        f"/?page={max(1, events.total // 200)}",
        f"/?entity={entity}",
        "/?q=minister",
        "/?top=50",
        f"/?since={mid}&until={mid}",
        f"/api/events?entity={entity}&limit=100",
        f"/events/{first}",
        f"/articles/{article}",
        "/api/quotes?limit=100",
        "/entities",
    ]

    async def run() -> list[tuple[str, float, int]]:
        out = []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for url in urls:
                (await client.get(url)).raise_for_status()  # warm caches
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    response = await client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                    response.raise_for_status()
                out.append((url, statistics.median(times), len(response.content)))
        return out

    try:
        return asyncio.run(run())
    finally:
        service.sl.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--db", type=Path, default=None, help="Measure this existing store instead.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "bench.db"
            t0 = time.perf_counter()
            build(db, t17_files(args.data, args.articles))
            print(f"built a store of {args.articles} T17 articles in {time.perf_counter() - t0:.1f} s")
        with Store(db) as store:
            counts = {t: store.count(t) for t in ("articles", "events", "event_mentions")}
        print(", ".join(f"{v} {k}" for k, v in counts.items()))
        print(f"{'median ms':>10}  {'bytes':>8}  url")
        for url, ms, size in measure(db, args.runs):
            print(f"{ms:10.1f}  {size:8d}  {url}")


if __name__ == "__main__":
    main()
