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


# --- The real-article label schema (tests/data/articles/real/README.md) --------------------

LQ, RQ = "\u201c", "\u201d"
STORY = (
    "Harlow council approves pool budget\n\n"
    "Council member Ana Diaz spoke first on Monday.\n\n"
    f"{LQ}The pool has been closed for two summers,{RQ} she said. {LQ}That ends now.{RQ}\n\n"
    f"The mayor defended her {LQ}Summer Splash Plan{RQ} at the meeting.\n\n"
    f"{LQ}We found the money,{RQ} Mayor Lena Ortiz said.\n"
)
REAL_LABELS = """schema: quotecheck.labels/1
articles:
  - file: story.txt
    quotes:
      - pieces: ["The pool has been closed for two summers,", "That ends now."]
        speaker_name: "Ana Diaz"
        speaker_kind: person
        attributed_to: "she"
        mention: "Ana Diaz"
        patterns: [pronoun, split]
      - text: "We found the money,"
        speaker_name: "the  Lena Ortiz."
        speaker_kind: person
        attributed_to: "Mayor Lena Ortiz"
        patterns: []
    not_quotes:
      - text: "Summer Splash Plan"
        kind: title
"""


def write_real(tmp_path: Path, labels: str = REAL_LABELS) -> Path:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    path = tmp_path / "labels-x.yaml"
    path.write_text(labels, encoding="utf-8")
    return path


def test_real_schema_scores_kind_mention_patterns_and_not_quotes(tmp_path: Path) -> None:
    scores = evaluate_extraction(write_real(tmp_path))
    assert scores.recall == 1.0
    # the title is kept flagged (excused), and the split quote's second piece, extracted
    # on its own, is a piece of a labelled quote
    assert scores.precision == 1.0 and scores.excused == 2
    assert scores.speaker_accuracy == 1.0  # case, punctuation and a leading 'the' aside
    assert scores.speaker_kind_accuracy == 1.0
    assert (scores.mentions, scores.mention_accuracy) == (1, 1.0)
    assert (scores.not_quotes, scores.not_quote_accuracy) == (1, 1.0)
    by_pattern = {p.pattern: p for p in scores.patterns}
    assert by_pattern["pronoun"].right == by_pattern["split"].right == 1
    assert by_pattern["plain"].support == 1


def test_a_wrong_mention_and_an_unflagged_not_quote_count_against(tmp_path: Path) -> None:
    labels = REAL_LABELS.replace('mention: "Ana Diaz"', 'mention: "Lena Ortiz"').replace(
        "Summer Splash Plan", "That ends now."
    )
    scores = evaluate_extraction(write_real(tmp_path, labels))
    assert scores.mention_accuracy == 0.0
    assert scores.not_quote_accuracy == 0.0  # extracted and not flagged as not speech
    kinds = {m.kind for m in scores.mismatches}
    assert {"mention", "not_quote"} <= kinds


def test_several_label_files_add_up(tmp_path: Path) -> None:
    one = write_real(tmp_path)
    (tmp_path / "b").mkdir()
    two = write_real(tmp_path / "b")
    scores = evaluate_extraction([one, two])
    assert (scores.articles, scores.expected) == (2, 4)
