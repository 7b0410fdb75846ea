"""Review decisions as library logic: save, load, reconcile with a changed article, fold into reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_tui_review import BEIJING, copy_example
from verifier.cli import main
from verifier.models import Attribution, Fidelity, Quote, Span
from verifier.report.review import (
    Decision,
    ReviewFile,
    ReviewFileError,
    article_hash,
    decide,
    load_review_file,
    reconcile,
    review_path_for,
    save_review_file,
)


def quote(text: str, start: int) -> Quote:
    return Quote(text=text, span=Span(start=start, end=start + len(text)))


def test_review_path_sits_beside_the_article() -> None:
    assert review_path_for("examples/story.md") == Path("examples/story.review.yaml")


def test_save_and_load_round_trip_without_leftovers(tmp_path: Path) -> None:
    q = quote("we will respond", 10)
    file = ReviewFile(article_sha=article_hash("x" * 40), version="0.1.0", article_path="a.md")
    file = decide(file, q, decision=Decision.OVERRIDDEN, verdict=Fidelity.ALTERED, when="t1")
    file = decide(file, q, note="checked the video", when="t2")
    path = tmp_path / "a.review.yaml"
    save_review_file(path, file)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.review.yaml"]
    back = load_review_file(path)
    assert back == file
    (r,) = back.reviews
    assert (r.decision, r.verdict, r.note) == (Decision.OVERRIDDEN, Fidelity.ALTERED, "checked the video")


def test_accepting_drops_an_override_and_clearing_drops_the_decision() -> None:
    q = quote("we will respond", 0)
    file = ReviewFile(article_sha="")
    file = decide(file, q, decision=Decision.OVERRIDDEN, verdict=Fidelity.ALTERED)
    file = decide(file, q, decision=Decision.ACCEPTED, verdict=None)
    assert file.reviews[0].verdict is None
    file = decide(file, q, decision=None, verdict=None, note="")
    assert file.reviews == ()


def test_a_changed_article_keeps_moved_decisions_and_reports_stale_ones() -> None:
    old_text = "A said “one two three”. B said “four five six”."
    a, b = quote("one two three", 9), quote("four five six", 31)
    file = ReviewFile(article_sha=article_hash(old_text))
    file = decide(file, a, decision=Decision.ACCEPTED)
    file = decide(file, b, note="call back")
    new_text = "Lead. " + old_text.replace("four five six", "four five seven")
    moved_a = quote("one two three", 15)
    changed_b = quote("four five seven", 37)
    r = reconcile(file, [moved_a, changed_b], new_text)
    assert r.article_changed
    assert r.moved == 1 and r.by_index[0].decision is Decision.ACCEPTED
    assert [s.note for s in r.stale] == ["call back"]


def test_a_file_that_is_not_a_review_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.review.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ReviewFileError, match="not a review file"):
        load_review_file(path)
    assert load_review_file(tmp_path / "missing.yaml") is None


def test_article_command_folds_decisions_into_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from verifier.articles.loaders import load_article
    from verifier.articles.quotes import extract_quotes

    article_path = copy_example(tmp_path)
    article = load_article(article_path)
    quotes = extract_quotes(article)
    file = ReviewFile(article_sha=article_hash(article.text))
    file = decide(file, quotes[0], decision=Decision.ACCEPTED)
    file = decide(file, quotes[3], decision=Decision.OVERRIDDEN, verdict=Fidelity.MINOR_EDITS, note="ok'd")
    file = decide(file, quotes[5], decision=Decision.OVERRIDDEN, attribution=Attribution.CONFIRMED)
    review = review_path_for(article_path)
    save_review_file(review, file)
    status = main(
        ["article", str(article_path), "--transcript", str(BEIJING), "--format", "json",
         "--review", str(review)]
    )
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    found = report["findings"]
    assert found[0]["review"] == {
        "decision": "accepted", "verdict": None, "attribution": None, "note": None
    }
    assert found[3]["review"] == {
        "decision": "overridden", "verdict": "minor_edits", "attribution": None, "note": "ok'd"
    }
    assert found[5]["review"] == {
        "decision": "overridden", "verdict": None, "attribution": "confirmed", "note": None
    }
    assert "review" not in found[1]
    assert report["review"]["reviewed"] == 3 and report["review"]["unmatched"] == []


def test_the_core_never_imports_textual() -> None:
    code = (
        "import sys, verifier.cli, verifier.cli.commands, verifier.report.review, verifier.engine.stages;"
        "sys.exit('textual' in sys.modules or 'tui' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_effective_verdict_is_the_reviewers_override_else_the_engines() -> None:
    from verifier.models import Finding, QuoteFlag, Severity
    from verifier.report.effective import effective, engine_note
    from verifier.report.review import QuoteKey, Review

    q = quote("we will respond", 0)
    f = Finding(quote=q, match=None, speaker=None, edits=(), fidelity=Fidelity.ALTERED,
                attribution=Attribution.ANONYMOUS, severity=Severity.FAIL, score=0.9, reasons=())
    key = QuoteKey.of(q)
    assert effective(f, None).severity is Severity.FAIL and not effective(f, None).overridden
    accepted = Review(key=key, quote=q.text, decision=Decision.ACCEPTED)
    assert not effective(f, accepted).overridden
    over = Review(key=key, quote=q.text, decision=Decision.OVERRIDDEN, verdict=Fidelity.PARAPHRASE)
    e = effective(f, over)
    assert (e.fidelity, e.attribution, e.severity, e.overridden) == (
        Fidelity.PARAPHRASE, Attribution.ANONYMOUS, Severity.WARN, True
    )
    assert engine_note(f, e) == "reviewer; engine: altered"
    both = Review(key=key, quote=q.text, decision=Decision.OVERRIDDEN, verdict=Fidelity.VERBATIM,
                  attribution=Attribution.MISATTRIBUTED)
    assert engine_note(f, effective(f, both)) == "reviewer; engine: altered / anonymous"
    same = Review(key=key, quote=q.text, decision=Decision.OVERRIDDEN, verdict=Fidelity.ALTERED)
    assert not effective(f, same).overridden  # repeating the engine's verdict overrides nothing
    scare = Finding(**{**{s: getattr(f, s) for s in Finding.__slots__}, "quote": Quote(
        text=q.text, span=q.span, flags=frozenset({QuoteFlag.SCARE})), "severity": Severity.OK})
    to_misattributed = Review(key=key, quote=q.text, decision=Decision.OVERRIDDEN,
                              attribution=Attribution.MISATTRIBUTED)
    assert effective(scare, to_misattributed).severity is Severity.OK  # a scare quote never fails


def test_article_review_exit_status_follows_the_overridden_severities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every failing quote overridden to a faithful verdict: the reviewed article passes."""
    from verifier.articles.loaders import load_article
    from verifier.corpus.memory import Corpus
    from verifier.session import Verifier
    from verifier.transcripts.loader import load_transcript

    article_path = copy_example(tmp_path)
    article = load_article(article_path)
    findings = Verifier(Corpus([load_transcript(BEIJING)])).verify_article(article)
    file = ReviewFile(article_sha=article_hash(article.text))
    for f in findings:
        if str(f.severity) == "fail":
            file = decide(file, f.quote, decision=Decision.OVERRIDDEN, verdict=Fidelity.VERBATIM,
                          attribution=Attribution.CONFIRMED)
    review = review_path_for(article_path)
    save_review_file(review, file)
    base = ["article", str(article_path), "--transcript", str(BEIJING)]
    assert main(base) == 1
    capsys.readouterr()
    assert main([*base, "--review", str(review)]) == 0
    assert ", 0 fail, " in capsys.readouterr().out.splitlines()[0]
