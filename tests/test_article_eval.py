"""The extraction scorer: matching by location and word overlap, and its plain-text table."""

from __future__ import annotations

from pathlib import Path

from verifier.eval.extraction import (
    ExtractionScores,
    evaluate_extraction,
    format_extraction_scores,
    word_overlap,
)

ARTICLE = "“We are coming in,” the official said.\n\n“Prices fell,” Kirby said.\n"


def write(tmp_path: Path, labels: str) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "labels.yaml"
    path.write_text(labels, encoding="utf-8")
    return path


def test_perfect_labels_score_one(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "articles:\n  - file: a.txt\n    quotes:\n"
        "      - text: \"We are coming in,\"\n        speaker_name: the official\n"
        "        cue: said\n        fidelity: verbatim\n"
        "      - text: \"Prices fell,\"\n        speaker_name: Kirby\n        cue: said\n",
    )
    scores = evaluate_extraction(path)
    assert isinstance(scores, ExtractionScores)
    assert (scores.expected, scores.extracted, scores.true_positives) == (2, 2, 2)
    assert scores.precision == scores.recall == scores.speaker_accuracy == 1.0
    assert scores.mismatches == ()


def test_missed_spurious_and_wrong_speaker_are_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "articles:\n  - file: a.txt\n    quotes:\n"
        "      - text: \"We are coming in,\"\n        speaker_name: John Kirby\n"
        "      - text: \"Not in the article at all\"\n",
    )
    scores = evaluate_extraction(path)
    assert scores.true_positives == 1
    assert scores.recall == 0.5 and scores.precision == 0.5
    assert scores.speaker_accuracy == 0.0
    kinds = sorted(m.kind for m in scores.mismatches)
    assert kinds == ["missed", "speaker_name", "spurious"]
    table = format_extraction_scores(scores)
    assert "precision" in table and "missed" in table and "spurious" in table


def test_word_overlap_ignores_typography() -> None:
    assert word_overlap("We’re coming", "we're coming") == 1.0
    assert word_overlap("a b", "c d") == 0.0
