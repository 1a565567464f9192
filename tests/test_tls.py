"""Timeline summarisation over a real store: dates chosen from mentions, k respected,
every sentence cited to its article."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.api import Storyline
from storyline.cli import main
from storyline.timeline import Params, Sentence, score_dates, summarize, with_keywords
from storyline.timeline.corpus import EventMention
from storyline.timeline.summarize import event_days, score_months
from storyline.types import DateValue

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
    scores = score_dates(sents, date(2011, 2, 1), date(2011, 2, 28), Params(volume_exponent=0.0,
                                                                            same_day_weight=1.0))
    assert scores[d] == pytest.approx(2 + 0.25)
    assert scores[date(2011, 2, 12)] == pytest.approx(0.25)


def test_a_mention_of_the_day_of_publication_counts_at_its_own_weight() -> None:
    # "today" in two articles of the 11th against two later recalls of the 10th
    d10, d11, d13 = date(2011, 2, 10), date(2011, 2, 11), date(2011, 2, 13)
    sents = [_s("Crowds gather in Tahrir Square today", d11, (d11,), story=1),
             _s("Crowds gather again in Tahrir Square today", d11, (d11,), story=2),
             _s("Mubarak spoke on Thursday", d13, (d10,), story=3),
             _s("Mubarak's speech on Thursday angered them", d13, (d10,), story=4),
             _s("Mubarak's speech on Thursday was his last", d13, (d10, d13), story=4)]
    params = Params(volume_exponent=0.0, published_weight=0.0, same_day_weight=0.5)
    scores = score_dates(sents, date(2011, 2, 1), date(2011, 2, 28), params)
    assert scores[d11] == pytest.approx(1.0)
    assert scores[d10] == pytest.approx(2.0)  # story 4 counted once
    assert scores[d13] == pytest.approx(0.5)


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



def test_days_are_dated_by_every_sentence_of_articles_about_the_topic() -> None:
    # three articles about Mubarak (one keyword sentence of two) date the 12th in a sentence
    # that does not name him; two articles date the 3rd in keyword sentences. Scored on the
    # keyword sentences alone the 3rd wins; with the articles' other sentences the 12th does,
    # and its summary still quotes a keyword sentence.
    d3, d4, d12, d13 = date(2011, 2, 3), date(2011, 2, 4), date(2011, 2, 12), date(2011, 2, 13)
    context = [_s(f"Crowds filled the square on Saturday for the {i}th time", d13, (d12,), story=i, idx=1)
               for i in range(2, 5)]
    context += [_s(f"Mubarak supporters clashed with them ({i})", d13, (), story=i) for i in range(2, 5)]
    context += [_s(f"Mubarak promised on February 3 that he would not stand again ({i})", d4, (d3,),
                   story=20 + i) for i in range(2)]
    pool = with_keywords(context, ["mubarak"])
    params = Params(volume_exponent=0.0, published_weight=0.0, same_day_weight=1.0)
    alone = summarize(pool, 1, 1, date(2011, 2, 1), date(2011, 2, 28), params=params)
    whole = summarize(pool, 1, 1, date(2011, 2, 1), date(2011, 2, 28), params=params, context=context)
    assert [d.date for d in alone] == [d3]
    assert [d.date for d in whole] == [d12]
    assert whole[0].sentences and all("Mubarak" in s.text for s in whole[0].sentences)


def test_an_article_naming_the_topic_in_passing_dates_only_by_its_keyword_sentences() -> None:
    # the same three articles, each now ten sentences long with one naming Mubarak: under
    # the focus share, their other sentences date nothing, and the 3rd wins again
    d3, d4, d12, d13 = date(2011, 2, 3), date(2011, 2, 4), date(2011, 2, 12), date(2011, 2, 13)
    context = [_s(f"Crowds filled the square on Saturday for the {i}th time", d13, (d12,), story=i, idx=1)
               for i in range(2, 5)]
    context += [_s(f"Mubarak was mentioned ({i})", d13, (), story=i) for i in range(2, 5)]
    context += [_s(f"Other news, line {j} ({i})", d13, (), story=i, idx=2 + j) for i in range(2, 5)
                for j in range(8)]
    context += [_s(f"Mubarak promised on February 3 that he would not stand again ({i})", d4, (d3,),
                   story=20 + i) for i in range(2)]
    pool = with_keywords(context, ["mubarak"])
    params = Params(volume_exponent=0.0, published_weight=0.0, same_day_weight=1.0, focus=0.2)
    whole = summarize(pool, 1, 1, date(2011, 2, 1), date(2011, 2, 28), params=params, context=context)
    assert [d.date for d in whole] == [d3]


def test_the_days_news_is_what_the_articles_about_the_topic_published() -> None:
    # two keyword sentences name the 11th; the day's keyword news leans to the fortune, but
    # the articles' other sentences that day are about the crowds and the resignation
    d11 = date(2011, 2, 11)
    resigned = _s("Mubarak resigned as crowds in the square cheered", d11, (d11,), story=1, idx=0)
    fortune = _s("Mubarak's family fortune runs to billions of dollars", d11, (d11,), story=2, idx=0)
    context = [resigned, fortune,
               _s("Mubarak's fortune is held in Swiss banks, billions of dollars", d11, (), story=3, idx=0)]
    context += [_s(f"The crowds in the square cheered the resignation ({i})", d11, (), story=i, idx=1)
                for i in (1, 2, 3)]
    context += [_s(f"Crowds cheered in the square as the resignation was read ({i})", d11, (), story=i, idx=2)
                for i in (1, 2, 3)]
    pool = with_keywords(context, ["mubarak"])
    params = Params(volume_exponent=0.0, summary_centroid=0.0)
    alone = summarize(pool, 1, 1, date(2011, 2, 1), date(2011, 2, 28), params=params)
    whole = summarize(pool, 1, 1, date(2011, 2, 1), date(2011, 2, 28), params=params, context=context)
    assert [s.text for s in alone[0].sentences] == [fortune.text]
    assert [s.text for s in whole[0].sentences] == [resigned.text]


def test_capitalised_keywords_are_names_matched_as_words() -> None:
    day = date(2015, 3, 23)
    texts = ["Ted Cruz started his campaign", "She started a company", "Steve Jobs unveiled the iPhone",
             "The economy added jobs", "Cruz's speech"]
    sents = [_s(t, day) for t in texts]
    assert [s.text for s in with_keywords(sents, ["Ted"])] == ["Ted Cruz started his campaign"]
    assert [s.text for s in with_keywords(sents, ["Jobs"])] == ["Steve Jobs unveiled the iPhone"]
    assert len(with_keywords(sents, ["Cruz"])) == 2  # a possessive is still the name
    assert len(with_keywords(sents, ["ted"])) == 2  # lowercase: substring, as news-tls


def _day_pool(day: date) -> list[Sentence]:
    """Leads published on ``day`` and later sentences naming it."""
    lead = _s("Oil workers and rig crews fight the fire on the oil rig as the Gulf oil spill grows", day,
              story=1)
    later = date(2010, 5, 3)
    named = _s("The oil rig exploded on April 20 and the oil spill began in the Gulf", later, (day,),
               story=2, idx=7)
    return [lead, named]


def test_mention_bonus_prefers_a_sentence_naming_the_day() -> None:
    day = date(2010, 4, 20)
    pool = _day_pool(day)
    alone = Params(keyword_bonus=0.0, news_days=0, summary_centroid=0.0)  # only the bonus varies
    plain = summarize(pool, 1, 1, day, day, params=replace(alone, mention_bonus=0.0))
    named = summarize(pool, 1, 1, day, day, params=replace(alone, mention_bonus=0.5))
    assert plain[0].sentences[0].story == 1  # the lead is closer to the day's centroid (longer)
    assert named[0].sentences[0].story == 2


def test_teasers_are_skipped_and_wire_datelines_cut() -> None:
    day = date(2010, 4, 27)
    teaser = _s("BP oil spill photos of fish with sores raise concern about the Gulf seafood tha ...",
                day, (day,))
    wire = _s("LONDON | Tue Apr 27, 2010 4:08 am EDT LONDON (Reuters) - BP failed to reassure investors "
              "about the oil spill in the Gulf", day, (day,), story=2)
    [summary] = summarize([teaser, wire], 1, 2, day, day)
    cut = "BP failed to reassure investors about the oil spill in the Gulf"
    assert [s.text for s in summary.sentences] == [cut]
    assert summary.sentences[0].text in wire.text  # still a quote of the stored sentence
    [kept] = summarize([wire], 1, 1, day, day, params=Params(strip_datelines=False))
    assert kept.sentences[0].text == wire.text
    page = _s("Rig blast Oil spill grows Tuesday 27 April 2010 08.43 GMT The oil spill from the rig in the "
              "Gulf grew again", day, (day,))
    [cut_page] = summarize([page], 1, 1, day, day)
    assert cut_page.sentences[0].text == "The oil spill from the rig in the Gulf grew again"
    blog = _s("Cairo, 5:20 p.m. ET) A State Department release on Sunday says Clinton spoke with the prime "
              "minister", day, (day,))
    [cut_blog] = summarize([blog], 1, 1, day, day)  # a live blog's timestamp
    assert cut_blog.sentences[0].text.startswith("A State Department release")
    update = _s("(Update 1:00 a.m. in Cairo, 6:00 p.m. ET) Protesters gathered in Times Square on Friday",
                day, (day,))
    [cut_update] = summarize([update], 1, 1, day, day)
    assert cut_update.sentences[0].text == "Protesters gathered in Times Square on Friday"


def test_reader_comments_are_not_summary_material() -> None:
    day = date(2008, 9, 16)
    comment = _s("Posted by: oline | September 16, 2008 1:50 PM | Report abuse The bank crisis is the "
                 "fault of the bank regulators and the bank lobby", day, (day,))
    news = _s("Lehman Brothers filed for bankruptcy as the bank crisis deepened", day, (day,), story=2)
    [summary] = summarize([comment, news], 1, 2, day, day)
    assert [s.story for s in summary.sentences] == [2]


def test_summary_centroid_selection_keeps_k_distinct_sentences() -> None:
    day = date(2011, 2, 11)
    texts = ["Mubarak resigns as president of Egypt after protests", "Crowds in Tahrir Square celebrate",
             "The army takes control of Egypt after Mubarak resigns", "Mubarak resigns as president of Egypt"]
    pool = [_s(t, day, (day,), story=i) for i, t in enumerate(texts)]
    [summary] = summarize(pool, 1, 2, day, day, params=Params(summary_centroid=3.0, min_words=1))
    chosen = [s.text for s in summary.sentences]
    assert len(chosen) == 2 and len(set(chosen)) == 2
    assert not {texts[0], texts[3]} <= set(chosen)  # near-duplicates never both


def test_volume_exponent_damps_days_amid_heavy_coverage() -> None:
    quiet, busy = date(2011, 8, 21), date(2011, 3, 19)
    sents = [_s("Rebels enter Tripoli", quiet, (quiet,), story=i) for i in (1, 2)]
    sents += [_s("Jets strike Libya", busy, (busy,), story=i) for i in (3, 4, 5)]
    # coverage around the busy day that does not name it
    sents += [_s(f"Libya report {i}", busy + timedelta(days=i % 3 - 1), story=10 + i) for i in range(20)]
    span = date(2011, 3, 1), date(2011, 8, 31)
    plain = score_dates(sents, *span, Params(published_weight=0.0, volume_exponent=0.0))
    damped = score_dates(sents, *span, Params(published_weight=0.0, volume_exponent=0.25))
    assert plain[busy] > plain[quiet]
    assert damped[busy] < damped[quiet]


def test_news_days_centres_the_summary_on_what_that_day_reported() -> None:
    day, later = date(2011, 5, 1), date(2011, 5, 10)
    rebels = _s("Rebel fighters took the port city of Misrata after heavy fighting", later, (day,), idx=9)
    jets = [_s(f"NATO jets bombed the airport of Tripoli again {w}", later, (day,), story=2 + i, idx=9)
            for i, w in enumerate(("overnight", "at dawn"))]
    reports = [_s(f"Rebel fighters in Misrata held the port city, report {i} said", day, story=10 + i, idx=9)
               for i in range(6)]
    pool = [rebels, *jets, *reports]
    base = Params(keyword_bonus=0.0, summary_centroid=0.0)
    no_news = summarize(pool, 1, 1, day, day, params=replace(base, news_days=0))
    news = summarize(pool, 1, 1, day, day, params=replace(base, news_days=2))
    assert "NATO" in no_news[0].sentences[0].text
    assert news[0].sentences[0].text == rebels.text


def test_the_days_news_outweighs_the_sentences_naming_the_day() -> None:
    """Four later recollections of the day's air raids against two reports of the day itself:
    at half weight the candidates no longer outvote what the day's news was about."""
    day, later = date(2011, 5, 1), date(2011, 5, 10)
    rebels = _s("Rebel fighters took the port city of Misrata after heavy fighting", later, (day,), idx=9)
    jets = [_s(f"NATO jets bombed the airport of Tripoli again {w}", later, (day,), story=2 + i, idx=9)
            for i, w in enumerate(("overnight", "at dawn", "at noon", "at night"))]
    reports = [_s(f"Rebel fighters in Misrata held the port city, report {i} said", day, story=10 + i, idx=9)
               for i in range(2)]
    pool = [rebels, *jets, *reports]
    base = Params(keyword_bonus=0.0, summary_centroid=0.0)
    equal = summarize(pool, 1, 1, day, day, params=replace(base, pool_weight=1.0))
    half = summarize(pool, 1, 1, day, day, params=replace(base, pool_weight=0.5))
    assert "NATO" in equal[0].sentences[0].text
    assert half[0].sentences[0].text == rebels.text


def test_a_summary_sentence_has_at_least_seven_words() -> None:
    day = date(2011, 2, 11)
    short = _s("Mubarak resigns as Egypt's president", day, (day,), story=1, idx=3)
    full = _s("Hosni Mubarak resigned as president of Egypt after weeks of protests in Cairo",
              day, (day,), story=2, idx=3)
    news = [_s(f"Mubarak resigns as Egypt's president, report {i}", day, story=10 + i, idx=9)
            for i in range(3)]
    [summary] = summarize([short, full, *news], 1, 1, day, day)
    assert summary.sentences[0].text == full.text


def _m(text: str, pub: date, months: tuple[str, ...], story: int, idx: int = 3) -> Sentence:
    return replace(_s(text, pub, (), story=story, idx=idx), months=tuple(DateValue.parse(m) for m in months))


def test_score_months_counts_articles_naming_a_month() -> None:
    sents = [_m("The Hanoi summit in February collapsed", date(2019, 6, 23), ("2019-02",), story=1),
             _m("The Hanoi summit in February 2019 ended early", date(2025, 6, 12), ("2019-02",), story=2),
             _m("The summit planned for September", date(2018, 9, 7), ("2018-09",), story=3)]
    scores = score_months(sents, date.min, date.max, Params(volume_exponent=0.0))
    assert scores[DateValue.parse("2019-02")] == pytest.approx(2.0)
    assert scores[DateValue.parse("2018-09")] == pytest.approx(0.5)  # not over yet: future weight
    assert score_months(sents, date(2019, 2, 10), date.max, Params()) == {}  # the month is cut by the span


def test_months_are_dates_only_when_asked() -> None:
    day = date(2019, 6, 23)
    sents = [_m("Mr. Kim met Mr. Trump in Hanoi , Vietnam , in February , and the talks collapsed", day,
                ("2019-02",), story=1),
             _m("The second summit in Hanoi in February ended without a deal for the two leaders",
                date(2019, 6, 24), ("2019-02",), story=2),
             _s("Mr. Kim received an excellent letter from Mr. Trump on Sunday , state media said", day,
                (day,), story=1, idx=0)]
    days = summarize(sents, 2, 1, date.min, date.max)
    assert all(d.granularity == "day" for d in days) and "2019-06-23" in [d.value.value for d in days]
    both = summarize(sents, 2, 1, date.min, date.max, params=Params(months=True, distinct=True))
    assert [d.value.value for d in both] == ["2019-02", "2019-06-23"]
    assert both[0].as_dict()["date"] == "2019-02" and both[0].as_dict()["granularity"] == "month"
    assert "Hanoi" in both[0].sentences[0].text


def test_lead_bonus_prefers_the_lead_of_the_article_reporting_the_day() -> None:
    day = date(2019, 6, 23)
    lead = _s("North Korea's leader has received an excellent letter from President Trump , state media said",
              day, (day,), story=1, idx=0)
    side = _s("Mr. Moon's office welcomed the exchange of letters between Mr. Trump and Mr. Kim on Sunday",
              day, (day,), story=1, idx=25)
    other = _s("Mr. Moon's office said the exchange of letters between the leaders would help dialogue",
               day, (), story=2, idx=9)
    pool = [lead, side, other]
    summary = Params(summary_centroid=3.0, pool_weight=1.0)  # as `timeline --summarize`
    [plain] = summarize(pool, 1, 1, day, day, params=replace(summary, lead_bonus=0.0))
    [led] = summarize(pool, 1, 1, day, day, params=replace(summary, lead_bonus=0.5))
    assert plain.sentences[0].idx == 25 and led.sentences[0].idx == 0


def test_event_days_count_later_independent_recalls() -> None:
    day = date(2010, 4, 20)
    sents = [_s("The rig exploded", day, (day,), story=1, idx=0),
             _s("The April 20 explosion killed 11", date(2010, 5, 3), (day,), story=2, idx=4),
             _s("The blast on April 20 began the spill", date(2010, 7, 16), (day,), story=3, idx=2),
             _s("A copy of the wire story on the blast", date(2010, 7, 16), (day,), story=3, idx=5)]
    mentions = [EventMention(7, day, s.article, s.idx, s.published, s.story) for s in sents]
    # three later mentions from two independent articles: one recall past the first
    assert event_days(mentions, sents, day, day) == {day: 1.0}
    assert event_days(mentions, sents[:2], day, day) == {}  # one later article is no corroboration
    assert event_days(mentions, sents, date(2010, 5, 1), date(2010, 7, 31)) == {}  # outside the span


def test_recalled_events_lift_their_day() -> None:
    quiet, recalled = date(2010, 4, 19), date(2010, 4, 20)
    sents = [_s("Crews inspected the rig and found no fault", quiet, (quiet,), story=1),
             _s("Crews saw the rig explode and burn", recalled, (recalled,), story=2)]
    sents += [_s(f"Looking back, the April 20 blast began it all, report {i}", date(2010, 6, i), (recalled,),
                 story=10 + i, idx=3) for i in range(1, 4)]
    mentions = [EventMention(1, recalled, s.article, s.idx, s.published, s.story) for s in sents[1:]]
    base = Params(volume_exponent=0.0, published_weight=0.0)
    plain = score_dates(sents, quiet, recalled, base)
    [top] = summarize(sents, 1, 1, quiet, recalled, params=replace(base, event_weight=1.0), events=mentions)
    assert top.date == recalled and top.score == pytest.approx(plain[recalled] + 2.0)
