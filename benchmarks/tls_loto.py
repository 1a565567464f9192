"""Leave-one-topic-out choice of the TLS parameters on T17.

For each held-out topic, the parameter set with the best mean AR-1 F + AR-2 F +
Date F1 on the *other* topics is used to score it; the held-out topic's own scores
never choose its parameters. Needs the topics annotated (storyline eval tls does it).

    .venv/bin/python benchmarks/tls_loto.py ../shared/data/t17 --topics mj,haiti,...
    .venv/bin/python benchmarks/tls_loto.py ../shared/data/t17 --topics mj,haiti,h1n1 \
        --grid '{"event_weight": [0.0, 0.5, 1.0, 2.0]}'   # other knobs at their defaults
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from storyline.evaluation.t17 import load_topic
from storyline.evaluation.tls_eval import TimelineScore, average, score_system, size_of
from storyline.store import Store
from storyline.timeline import Params, load_event_mentions, load_sentences, summarize, with_keywords

GRID = {
    "mention_bonus": [0.0, 0.1, 0.2, 0.5],
    "keyword_bonus": [0.05, 0.1],
    "strip_datelines": [False, True],
    "summary_centroid": [0.0, 3.0],
    "volume_exponent": [0.0, 0.25],
    "news_days": [0, 2],
    "event_weight": [0.0, 1.0],
}


def grid(spec: dict[str, list[object]]) -> list[Params]:
    keys = list(spec)
    return [replace(Params(), **dict(zip(keys, vals, strict=True)))
            for vals in itertools.product(*(spec[k] for k in keys))]


def objective(scores: list[TimelineScore]) -> float:
    avg = average(scores)
    return float(avg["ar1"]["f1"] + avg["ar2"]["f1"] + avg["date_f1"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--topics", required=True)
    parser.add_argument("--cache", type=Path, default=Path(".cache/t17"))
    parser.add_argument("--grid", type=json.loads, default=GRID, help="JSON {knob: [values]} instead of GRID")
    args = parser.parse_args()
    names = args.topics.split(",")
    params = grid(args.grid)
    table: dict[str, list[list[TimelineScore]]] = {}
    for name in names:
        topic = load_topic(args.data, name)
        table[name] = [[] for _ in params]
        with Store(args.cache / name / "storyline.db") as store:
            for ref in topic.references:
                everything = load_sentences(store, ref.start, ref.end)
                pool = with_keywords(everything, topic.keywords)
                events = load_event_mentions(store, ref.start, ref.end)
                n_dates, k = size_of(ref)
                for i, p in enumerate(params):
                    system = summarize(pool, n_dates, k, ref.start, ref.end, topic.keywords, p, events,
                                       everything)
                    table[name][i].append(score_system(topic, ref, system, k, 0.0))
    chosen: list[TimelineScore] = []
    votes: Counter[int] = Counter()
    for held in names:
        others = [n for n in names if n != held]
        best = max(range(len(params)),
                   key=lambda i: objective([s for n in others for s in table[n][i]]) if others else 0)
        print(held, "->", _changed(params[best], args.grid))
        votes[best] += 1
        chosen.extend(table[held][best])
    print(json.dumps({"loto": average(chosen), "timelines": len(chosen)}, indent=1))
    overall = [objective([s for n in names for s in table[n][i]]) for i in range(len(params))]
    for i in sorted(range(len(params)), key=lambda i: -overall[i]):
        print(round(overall[i], 4), _changed(params[i], args.grid))
    # the defaults: the set most folds chose (ties to the better one on all topics)
    top = max(votes, key=lambda i: (votes[i], overall[i]))
    print(f"chosen by {votes[top]} of {len(names)} folds:", _changed(params[top], args.grid))


def _changed(p: Params, spec: dict[str, list[object]]) -> dict[str, object]:
    """The grid's fields of ``p`` (what a fold chose)."""
    return {k: getattr(p, k) for k in spec}


if __name__ == "__main__":
    main()
