"""The real-news scoreboard: quotes copied from published articles, labelled from the transcript.

Floors sit just under what the engine reaches now, so a regression on real copy fails CI;
raise them as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

from verifier.corpus.memory import Corpus
from verifier.eval.render import format_scores
from verifier.eval.scoreboard import evaluate, load_eval
from verifier.session import Verifier

REAL_NEWS = Path(__file__).parent / "eval" / "real_news.yaml"

FLOORS = {  # measured on the bundled corpus when set (50 cases)
    "fidelity_accuracy": 0.72,  # 0.740
    "attribution_accuracy": 0.96,  # 0.980
    "severity_accuracy": 0.70,  # 0.720
    "span_accuracy": 0.95,  # 0.978
}


def test_every_case_names_its_article() -> None:
    evalset = load_eval(REAL_NEWS)
    assert len(evalset.cases) >= 30
    text = REAL_NEWS.read_text(encoding="utf-8")
    assert text.count("    note: \"https://") == len(evalset.cases)


def test_real_news_floors(bundled_corpus: Corpus) -> None:
    scores = evaluate(load_eval(REAL_NEWS), Verifier(bundled_corpus))
    report = format_scores(scores, show_misses=True)
    for name, floor in FLOORS.items():
        assert getattr(scores, name) >= floor, f"{name} fell below {floor}\n{report}"
