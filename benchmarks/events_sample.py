"""What a reader gets from a real folder: repeated sentences, events without actors, and a seeded
sample of events to judge by hand (right date? a real event? a readable headline?).

Builds the store from the first N articles of an Entities topic (``outputwithpub.csv``: rows
``date,text`` without a header) unless ``--db`` already holds one, then prints:
- the share of events whose sentence is word for word another event's sentence;
- the share of events with no actor;
- ``--sample`` events drawn with ``--seed``: date, headline, actors, the first evidence sentence
  and the publication date of its article.

Usage: python benchmarks/events_sample.py [--topic Ted_Cruz] [--articles 120] [--db /tmp/cruz.db]
                                          [--sample 20] [--seed 13] [--data ../shared/data] [--all]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from storyline.api import Storyline
from storyline.types import TimelineEvent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities_folder import add_arguments, open_store  # noqa: E402


def repeated_share(events: list[TimelineEvent]) -> float:
    """Share of events whose sentence (the summary) is another event's sentence word for word."""
    counts = Counter(" ".join(e.summary.split()) for e in events)
    return sum(1 for e in events if counts[" ".join(e.summary.split())] > 1) / max(1, len(events))


def report(sl: Storyline, sample: int, seed: int, every: bool = False) -> None:
    events = sl.timeline(all=every)
    print(f"events: {len(events)}")
    print(f"repeating another event's sentence: {100 * repeated_share(events):.1f} %")
    no_actor = sum(1 for e in events if not e.actors)
    print(f"without actor: {100 * no_actor / max(1, len(events)):.1f} %")
    rng = random.Random(seed)
    for n, event in enumerate(rng.sample(events, min(sample, len(events))), start=1):
        first = event.sources[0] if event.sources else None
        planned = "  PLANNED" if event.planned else ""
        print(f"\n[{n}] event {event.id}  date {event.date.value} ({event.date.granularity}){planned}")
        print(f"    headline:  {event.headline or event.summary}")
        print(f"    actors:    {', '.join(event.actors[:6]) or '-'}")
        if first is not None:
            print(f"    published: {first.published}")
            print(f"    evidence:  {first.sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_arguments(parser, seed=13)
    parser.add_argument("--all", action="store_true", help="every event, not only the key events")
    args = parser.parse_args()
    with open_store(args) as sl:
        report(sl, args.sample, args.seed, args.all)


if __name__ == "__main__":
    main()
