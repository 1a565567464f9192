"""Timeline summarisation over a real store: dates chosen from mentions, k respected,
every sentence cited to its article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.api import Storyline
from storyline.cli import main
from storyline.tls import Sentence, score_dates, summarize, with_keywords

ARTICLES = {
    "a1.txt": (
        "2010-04-21",
        "An explosion on the Deepwater Horizon oil rig in the Gulf of Mexico killed 11 workers on "
        "April 20, 2010. The rig burned for two days. BP said it would fight the spill.",
    ),
    "a2.txt": (
        "2010-04-23",
        "The Deepwater Horizon rig sank on April 22, 2010. Oil began to leak from the well. "
        "The explosion on April 20 had killed 11 workers. BP started a clean-up of the spill.",
    ),
    "a3.txt": (
        "2010-05-03",
        "BP tried to lower a containment dome over the leaking oil well on May 2, 2010. The spill "
        "reached the coast of Louisiana. The rig explosion on April 20 began the disaster.",
    ),
    "a4.txt": (
        "2010-07-16",
        "BP capped the leaking well on July 15, 2010, stopping the oil spill after 87 days. "
        "Officials said the April 20 blast killed 11 workers. Engineers will now pump cement into "
        "the well to seal it for good, and fishermen hope the Gulf waters reopen before the autumn.",
    ),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spill")
    docs = folder / "docs"
    docs.mkdir()
    rows = ["path,published,source"]
    for name, (day, text) in ARTICLES.items():
        (docs / name).write_text(text + "\n", encoding="utf-8")
        rows.append(f"{name},{day},Wire")
    (docs / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = folder / "spill.db"
    with Storyline(path) as sl:
        sl.add([docs])
    return path


def test_summary_picks_the_most_mentioned_date_first(db: Path) -> None:
    with Storyline(db) as sl:
        days = sl.summarize(dates=3, sentences=2, keywords=["oil", "spill", "rig", "blast", "explosion"])
    assert len(days) == 3
    assert [d.date for d in days] == sorted(d.date for d in days)
    assert date(2010, 4, 20) in {d.date for d in days}
    assert max(days, key=lambda d: d.score).date == date(2010, 4, 20)
    for day in days:
        assert 1 <= len(day.sentences) <= 2
        for s in day.sentences:
            assert s.article > 0 and s.title and s.published


def test_every_sentence_is_cited_to_its_stored_article(db: Path) -> None:
    with Storyline(db) as sl:
        days = sl.summarize(dates=4, sentences=1)
        for day in days:
            for s in day.sentences:
                assert s.text in " ".join(sl.article(s.article)["text"].split())


def test_since_until_clip_the_articles(db: Path) -> None:
    with Storyline(db) as sl:
        days = sl.summarize(since="2010-07-01", until="2010-07-31", dates=5, sentences=1)
    assert days and all(date(2010, 7, 1) <= d.date <= date(2010, 7, 31) for d in days)


def test_cli_summarize_json(db: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["--db", str(db), "timeline", "--summarize", "--dates", "2", "--sentences", "1", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    days = json.loads(result.output)
    assert len(days) == 2
    assert all(len(d["sentences"]) == 1 and d["sentences"][0]["article"] for d in days)


def _s(text: str, pub: date, days: tuple[date, ...] = (), story: int = 1, idx: int = 0) -> Sentence:
    return Sentence(story, idx, text, pub, "Wire", "t", story, days)


def test_score_dates_counts_articles_once_and_weights_publication() -> None:
    d = date(2011, 2, 11)
    sents = [_s("Mubarak quits", d, (d,), story=1), _s("Mubarak quits again", d, (d,), story=1),
             _s("Mubarak resigned on Friday", date(2011, 2, 12), (d,), story=2)]
    scores = score_dates(sents, date(2011, 2, 1), date(2011, 2, 28))
    assert scores[d] == pytest.approx(2 + 0.25)
    assert scores[date(2011, 2, 12)] == pytest.approx(0.25)


def test_summarize_respects_n_and_k_and_span() -> None:
    sents = [_s(f"Protesters march in Cairo on day {i} of the uprising against Mubarak", date(2011, 1, i),
                (date(2011, 1, i),), story=i, idx=j) for i in range(1, 20) for j in range(3)]
    out = summarize(sents, 5, 1, date(2011, 1, 5), date(2011, 1, 10))
    assert len(out) == 5
    assert all(date(2011, 1, 5) <= d.date <= date(2011, 1, 10) and len(d.sentences) == 1 for d in out)


def test_keyword_filter() -> None:
    sents = [_s("Oil spill grows", date(2010, 5, 1)), _s("Football results", date(2010, 5, 1))]
    assert [s.text for s in with_keywords(sents, ["spill"])] == ["Oil spill grows"]
    assert len(with_keywords(sents, [])) == 2
