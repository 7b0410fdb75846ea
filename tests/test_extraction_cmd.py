"""``quotecheck eval LABELS.yaml``: an extraction label file is scored, not read as an eval set.

Also the scoreboard's floors on the labelled articles in tests/data/articles: extraction
must not get worse than this while the credit rules grow.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from verifier.cli import main
from verifier.eval.extraction import evaluate_extraction, is_extraction_labels, same_speaker

LABELS = REPO / "tests" / "data" / "articles" / "labels.yaml"


def test_eval_prints_the_extraction_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(LABELS)]) == 0
    out = capsys.readouterr()
    assert "File name too long" not in out.err
    for row in (
        "precision",
        "recall",
        "speaker accuracy",
        "speaker kind accuracy",
        "mention accuracy",
        "not_quote handling",
        "pattern",
    ):
        assert row in out.out


def test_eval_json_has_the_extraction_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(LABELS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    e = data["extraction"]
    assert e["articles"] == 17 and e["expected"] >= 100
    assert {"precision", "recall", "speaker_accuracy", "mention_accuracy", "patterns"} <= set(e)


def test_label_files_are_told_from_eval_sets() -> None:
    assert is_extraction_labels(LABELS)
    assert not is_extraction_labels(REPO / "tests" / "eval" / "quotes.yaml")


def test_an_eval_set_and_label_files_do_not_mix(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["eval", str(REPO / "tests" / "eval" / "quotes.yaml"), str(LABELS)])
    assert status == 2
    assert "extraction label files only" in capsys.readouterr().err


def test_scoreboard_floors_on_the_labelled_articles() -> None:
    scores = evaluate_extraction(LABELS)
    assert scores.recall >= 0.99
    assert scores.precision >= 0.99
    assert scores.speaker_accuracy >= 0.97
    assert scores.attributed_to_accuracy >= 0.98
    assert scores.flag_accuracy >= 0.99


@pytest.mark.parametrize(
    ("label", "credit", "same"),
    [
        ("source", "a source", True),
        ("resident", "another resident", True),
        ("source", "one source", True),
        ("Chris Magnus", "chris magnus", True),
        ("resident", "a neighbour", False),
        ("Joe Jonas", "Joe Jonas and Sophie Turner", False),
    ],
)
def test_speaker_names_agree_up_to_a_determiner(label: str, credit: str, same: bool) -> None:
    assert same_speaker(label, credit) is same


def test_scoreboard_floors_on_the_real_copy() -> None:
    """Floors on the 132 hand-labelled real articles: they only ever rise (targets in #15)."""
    real = REPO / "tests" / "data" / "articles" / "real"
    scores = evaluate_extraction([real / "labels-a.yaml", real / "labels-b.yaml"])
    assert scores.articles >= 130
    assert scores.recall >= 0.98
    assert scores.precision >= 0.97
    assert scores.speaker_accuracy >= 0.68
    assert scores.speaker_kind_accuracy >= 0.75
