"""TIMEX3 evaluation: TimeML and MEANTIME CAT readers, the scorer, TimeML output and the CLI."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from conftest import quality_floor, require_data
from storyline.cli import main
from storyline.evaluation.timeml import GoldDoc, GoldTimex, read_gold, read_timeml, write_timeml
from storyline.evaluation.timex import DocResult, evaluate, match, score

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-06-23"
 functionInDocument="CREATION_TIME">2019-06-23</TIMEX3></DCT>
<TEXT>
Mr. Kim &amp; Mr. Trump <EVENT eid="e1">met</EVENT>
<TIMEX3 tid="t1" type="DATE" value="2019-06-17">last Monday</TIMEX3> after talks stalled for
<TIMEX3 tid="t2" type="DURATION" value="PXM">months</TIMEX3>.
</TEXT>
</TimeML>
"""

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="demo_cat" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">resume</token>
<token number="2" sentence="1" t_id="3">June</token>
<token number="3" sentence="1" t_id="4">23</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2019</token>
<token number="6" sentence="2" t_id="7">They</token>
<token number="7" sentence="2" t_id="8">met</token>
<token number="8" sentence="2" t_id="9">on</token>
<token number="9" sentence="2" t_id="10">Monday</token>
<token number="10" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2019-06-23" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2019-06-17" anchorTimeID="1" functionInDocument="NONE">
<token_anchor t_id="10"/>
</TIMEX3>
</Markables>
</Document>
"""


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "demo.tml").write_text(TIMEML, encoding="utf-8")
    (tmp_path / "demo_cat.xml").write_text(CAT, encoding="utf-8")
    return tmp_path


def test_read_timeml(gold_dir: Path) -> None:
    doc = read_timeml(gold_dir / "demo.tml")
    assert doc.dct == date(2019, 6, 23)
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("last Monday", "DATE", "2019-06-17"),
        ("months", "DURATION", "PXM"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "Mr. Kim & Mr. Trump met\nlast Monday" in doc.text


def test_read_cat(gold_dir: Path) -> None:
    doc = read_gold(gold_dir / "demo_cat.xml")
    assert doc.dct == date(2019, 6, 23)
    assert doc.text == "Talks resume\nJune 23, 2019\nThey met on Monday."
    assert [t.text for t in doc.timexes] == ["June 23, 2019", "Monday"]
    assert doc.scored_until == len(doc.text)


def test_match_and_score() -> None:
    gold = (
        GoldTimex(0, 11, "last Monday", "DATE", "2019-06-17"),
        GoldTimex(20, 26, "months", "DURATION", "PXM"),
    )
    system = (GoldTimex(5, 11, "Monday", "DATE", "2019-06-17"), GoldTimex(40, 44, "2019", "DATE", "2019"))
    pairs = match(gold, system)
    assert pairs == [(gold[0], system[0])]
    s = score([DocResult(GoldDoc("d", "x" * 50, None, gold), system, tuple(pairs))])
    assert (s.strict.f1, s.relaxed.p, s.relaxed.r) == (0.0, 0.5, 0.5)
    assert s.value_accuracy == 1.0 and s.value_f1 == pytest.approx(0.5)


NO_DCT = """<?xml version="1.0" ?>
<TimeML><DOCID>nodct</DOCID>
<TEXT>Talks opened on <TIMEX3 tid="t1" type="DATE" value="2019-06-11">June 11, 2019</TIMEX3>. \
The envoys had met on <TIMEX3 tid="t2" type="DATE" value="2019-06-10">Monday</TIMEX3>.</TEXT>
</TimeML>
"""


def test_eval_infers_a_missing_dct(tmp_path: Path, nlp_base: Language) -> None:
    (tmp_path / "nodct.tml").write_text(NO_DCT, encoding="utf-8")
    doc = read_timeml(tmp_path / "nodct.tml")
    assert doc.dct is None
    scores = evaluate([doc], nlp_base)
    assert scores.value_accuracy == 1.0  # "Monday" resolved against the inferred 2019-06-11


def test_write_timeml_round_trips(gold_dir: Path, tmp_path: Path) -> None:
    doc = read_timeml(gold_dir / "demo.tml")
    out = tmp_path / "out.tml"
    out.write_text(write_timeml("demo", doc.text, doc.dct, doc.timexes), encoding="utf-8")
    again = read_timeml(out)
    assert again.text == doc.text and again.dct == doc.dct
    assert [(t.start, t.end, t.value) for t in again.timexes] == [
        (t.start, t.end, t.value) for t in doc.timexes
    ]


def test_cli_timex_tags_plain_text(tmp_path: Path) -> None:
    src = tmp_path / "note.txt"
    src.write_text("Officials said on Sunday that talks stalled in February.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["timex", str(src), "--dct", "2019-06-23", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    tagged = read_timeml(tmp_path / "out" / "note.tml")
    assert [(t.text, t.value) for t in tagged.timexes] == [("Sunday", "2019-06-23"), ("February", "2019-02")]


def test_cli_eval_timex_json(gold_dir: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "timex", str(gold_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("strict", "relaxed", "type_accuracy", "value_accuracy", "value_f1", "docs_per_second"):
        assert key in data
    assert data["relaxed"]["r"] == 1.0


def _data_dir() -> Path:
    configured = os.environ.get("STORYLINE_DATA_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "data"


def test_eval_on_real_tempeval_docs() -> None:
    tbaq = require_data("tempeval3", "TBAQ-cleaned", "AQUAINT")
    result = CliRunner().invoke(main, ["eval", "timex", str(tbaq), "--limit", "5", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["docs"] == 5
    assert data["relaxed"]["f1"] >= quality_floor("tbaq_aquaint5_relaxed_f1")
