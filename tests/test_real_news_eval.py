"""The real-news scoreboard: quotes copied from published articles, labelled from the transcript.

Floors sit just under what the engine reaches now, so a regression on real copy fails CI;
raise them as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

from verifier.corpus.memory import Corpus
from verifier.eval.peer import PeerBaseline, peer_fidelity
from verifier.eval.render import format_comparison, format_scores
from verifier.eval.scoreboard import evaluate, load_eval
from verifier.models import Fidelity
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


def test_the_peer_baseline_is_scored_beside_and_stays_behind(bundled_corpus: Corpus) -> None:
    evalset = load_eval(REAL_NEWS)
    ours = evaluate(evalset, Verifier(bundled_corpus))
    peer = evaluate(evalset, PeerBaseline(bundled_corpus))
    table = format_comparison([("quotecheck", ours), ("peer", peer)])
    assert "strict verdict accuracy" in table and "peer" in table
    assert ours.strict_accuracy > peer.strict_accuracy, table
    assert ours.span_accuracy >= peer.span_accuracy, table


def test_peer_thresholds_are_the_fixed_script_ones() -> None:
    assert [peer_fidelity(s) for s in (100, 99.5, 95, 90, 80, 75, 74.9)] == [
        Fidelity.VERBATIM, Fidelity.VERBATIM, Fidelity.MINOR_EDITS, Fidelity.MINOR_EDITS,
        Fidelity.ALTERED, Fidelity.ALTERED, Fidelity.NOT_FOUND,
    ]
