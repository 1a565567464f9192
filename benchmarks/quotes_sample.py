"""Quotes on a real folder: how many lack a speaker, and a seeded sample to judge by hand.

Builds the store from the first N articles of an Entities topic (``outputwithpub.csv``: rows
``date,text`` without a header; a copy with the header row storyline's CSV reader needs is
written to a temporary folder) unless ``--db`` already holds articles, then prints:
- the number of quotes by kind and cue class, the share without a speaker, and how many
  quote texts appear twice in one article;
- ``--sample`` attributed quotes drawn with ``--seed``: speaker, cue, kind, the quote and the
  sentences around it, for a strict verdict (right speaker? a real quote?).

Usage: python benchmarks/quotes_sample.py [--topic Ted_Cruz] [--articles 120] [--db /tmp/cruz.db]
                                          [--sample 20] [--seed 7] [--data ../shared/data] [--repair]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.api import Storyline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities_folder import add_arguments, open_store  # noqa: E402


def repair(text: str) -> str:
    """Mojibake in the Entities files ("â€œ", and "â€" + line break + "�" where the sentence
    splitter cut the sequence and the decoder lost U+201D's last byte) mended with ftfy, as the
    input repair planned for the clean stage will do."""
    import ftfy

    text = re.sub("â€\\s+(?=[^\\sA-Za-z0-9])", "â€", text).replace("â€\ufffd", "\u201d")
    return str(ftfy.fix_text(text))


def context(text: str, start: int, end: int, before: int = 350, after: int = 120) -> str:
    """The quote with some text around it, on one line."""
    a, b = max(0, start - before), min(len(text), end + after)
    return " ".join(f"{text[a:start]}[[{text[start:end]}]]{text[end:b]}".split())


def summary(quotes: list[dict[str, Any]]) -> None:
    n = len(quotes)
    print(f"quotes: {n}")
    print("by kind:", dict(Counter(q["kind"] for q in quotes)))
    print("by cue class:", dict(Counter(q["cue_class"] for q in quotes)))
    missing = sum(1 for q in quotes if not q["speaker"])
    print(f"without speaker: {missing} ({100 * missing / max(1, n):.1f} %)")
    twice = Counter((q["article"], " ".join(q["text"].casefold().split())) for q in quotes)
    print(f"texts stored more than once in an article: {sum(1 for c in twice.values() if c > 1)}")


def sample(sl: Storyline, quotes: list[dict[str, Any]], size: int, seed: int) -> None:
    attributed = [q for q in quotes if q["speaker"]]
    texts: dict[int, str] = {}
    for n, q in enumerate(random.Random(seed).sample(attributed, min(size, len(attributed))), start=1):
        if q["article"] not in texts:
            texts[q["article"]] = sl.article(q["article"])["text"]
        text = texts[q["article"]]
        start = text.find(q["text"])
        print(
            f"\n[{n}] article {q['article']}  speaker {q['speaker']!r}  cue {q['cue']!r}  "
            f"{q['kind']}/{q['cue_class']}"
        )
        print(f"    quote:   {q['text'][:300]}")
        if start >= 0:
            print(f"    context: {context(text, start, start + len(q['text']))[:900]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_arguments(parser, seed=7)
    parser.add_argument("--repair", action="store_true", help="mend mojibake in the CSV before adding it")
    args = parser.parse_args()
    with open_store(args, repair if args.repair else None) as sl:
        quotes = sl.quotes()
        summary(quotes)
        sample(sl, quotes, args.sample, args.seed)


if __name__ == "__main__":
    main()
