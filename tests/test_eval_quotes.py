"""PolNeAR brat reader, quote scorer and ``storyline eval quotes``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner

from conftest import quality_floor, require_data
from storyline.cli import main
from storyline.errors import EvaluationError
from storyline.evaluation.quotes import evaluate_quotes, load_documents, read_brat

TEXT = (
    "“We will win this race,” Smith said on Monday.\n"
    "Jones told reporters that the plan had failed, according to aides.\n"
    "The weather was fine.\n"
)


def _span(text: str, fragment: str) -> str:
    start = text.index(fragment)
    return f"{start} {start + len(fragment)}\t{fragment}"


ANN = "\n".join(
    [
        f"T1\tContent {_span(TEXT, 'We will win this race,')}",
        f"T2\tSource {_span(TEXT, 'Smith')}",
        f"T3\tCue {_span(TEXT, 'said')}",
        "T4\tAttribution 0 0\t",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tSource {_span(TEXT, 'Jones')}",
        f"T6\tCue {_span(TEXT, 'told')}",
        f"T7\tContent {_span(TEXT, 'that the plan had failed')}",
        "T8\tAttribution 0 0\t",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        "T9\tContent 10 14;15 19\twill win",
        "T10\tAttribution-no-source 0 0\t",
        "E3\tAttribution-no-source:T10 Content:T9",
        "#1\tAnnotatorNotes T9\ta note",
    ]
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc-one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc-one_ab12.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "doc-one_cd34.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_read_brat(corpus: Path) -> None:
    atts = read_brat(corpus / "attributions" / "doc-one_ab12.ann")
    assert len(atts) == 3
    first = atts[0]
    assert TEXT[first.content[0][0] : first.content[0][1]] == "We will win this race,"
    assert TEXT[first.source[0][0] : first.source[0][1]] == "Smith"
    assert atts[2].source == () and atts[2].content == ((10, 14), (15, 19))


def test_load_documents_takes_the_first_annotator(corpus: Path) -> None:
    docs = load_documents(corpus)
    assert [d.name for d in docs] == ["doc-one"]
    assert len(docs[0].attributions) == 3


def test_load_documents_says_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="text/ and attributions/"):
        load_documents(tmp_path)


def test_scores(corpus: Path, nlp_base: spacy.language.Language) -> None:
    result = evaluate_quotes(load_documents(corpus), nlp_base)
    assert result["documents"] == 1
    speech = result["speech_verbs"]
    assert speech["gold"] == 2
    assert speech["content_overlap"]["r"] == 1.0
    assert speech["content_exact"]["r"] == 1.0
    assert speech["speaker"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert 0 < result["content_overlap"]["f1"] <= 1


def test_cli_json(corpus: Path) -> None:
    out = CliRunner().invoke(main, ["eval", "quotes", str(corpus), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    for key in ("content_exact", "content_overlap", "speaker"):
        assert set(data[key]) == {"p", "r", "f1"}
    assert data["documents"] == 1


def test_cli_scores_the_pipeline_annotate_runs(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # names found by NER help find speakers, so the score is of the model with its NER
    seen: list[list[str]] = []
    import storyline.evaluation.quotes as scorer

    real = scorer.evaluate_quotes

    def spy(docs: Any, nlp: spacy.language.Language, **kw: Any) -> dict[str, Any]:
        seen.append(list(nlp.pipe_names))
        return real(docs, nlp, **kw)

    monkeypatch.setattr(scorer, "evaluate_quotes", spy)
    out = CliRunner().invoke(main, ["eval", "quotes", str(corpus), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert seen and "ner" in seen[0] and "parser" in seen[0]


def test_cli_text_and_errors(corpus: Path, tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["eval", "quotes", str(corpus)])
    assert out.exit_code == 0 and "speech-verb cues" in out.output
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = CliRunner().invoke(main, ["eval", "quotes", str(empty)])
    assert bad.exit_code == 1 and "text/ and attributions/" in bad.output


def test_polnear_sample_floor(nlp_base: spacy.language.Language) -> None:
    """A few PolNeAR train articles: the speech-verb scores stay near the full-split
    numbers (train: overlap F1 0.86, speaker F1 0.94)."""
    train = require_data("polnear", "train")
    result = evaluate_quotes(load_documents(train, limit=8), nlp_base)["speech_verbs"]
    assert result["content_overlap"]["f1"] >= quality_floor("polnear_train8_speech_content_overlap_f1")
    assert result["speaker"]["f1"] >= quality_floor("polnear_train8_speech_speaker_f1")
