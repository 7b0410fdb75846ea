"""The scoreboard: eval-file validation, scoring arithmetic, the eval command, and floors."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.corpus.memory import BUNDLED_CORPUS, Corpus
from verifier.eval.render import format_scores, scores_to_dict
from verifier.eval.scoreboard import (
    CaseResult,
    EvalCase,
    EvalError,
    class_scores,
    evaluate,
    expected_severity,
    load_eval,
    locate_passage,
    score,
)
from verifier.models import Attribution, Fidelity, Finding, Quote, Severity
from verifier.session import Verifier

EVAL_FILE = Path(__file__).parent / "eval" / "quotes.yaml"
BEIJING = "2024-01-28-background-press-call-counternarcotics-working-group-beijing"

# Floors a little under what the engine reaches now: a regression fails CI.
FLOORS = {  # a little under what the engine reaches, so a regression fails CI
    "fidelity_accuracy": 0.95,  # 0.969 when set
    "attribution_accuracy": 0.95,  # 0.969
    "severity_accuracy": 0.94,  # 0.961
    "span_accuracy": 0.95,  # 0.966
    "span_exact": 0.87,  # 0.898
}


def write(tmp_path: Path, body: str, name: str = "eval.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD_CASE = f"""\
  - id: ok
    quote: "This is a key part of the implementation"
    speaker: a senior administration official
    transcript: {BEIJING}
    said: "This is a key part of the implementation"
    fidelity: verbatim
    attribution: anonymous
"""


# --- Loading -------------------------------------------------------------------------------


def test_loads_cases_and_derives_severity(tmp_path: Path) -> None:
    nf = (
        "  - id: nf\n    quote: Words nobody said\n    speaker: null\n    transcript: null\n"
        "    fidelity: not_found\n    attribution: unattributed\n    pattern: invented\n"
    )
    path = write(tmp_path, "cases:\n" + GOOD_CASE + nf)
    evalset = load_eval(path)
    assert [c.id for c in evalset.cases] == ["ok", "nf"]
    ok, nf = evalset.cases
    assert ok.said == ("This is a key part of the implementation",)
    assert ok.severity is Severity.OK and ok.line == 2
    assert nf.severity is Severity.FAIL and nf.speaker is None and nf.said == ()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - id: a\n    quote: x\n    fidelity: verbatim\n", "missing key(s): attribution"),
        ("  - id: a\n    quote: x\n    fidelity: exact\n    attribution: confirmed\n",
         "fidelity 'exact' is not one of"),
        ("  - id: a\n    quote: x\n    fidelity: verbatim\n    attribution: yes\n"
         "    transcript: t\n    said: x\n", "attribution 'True' is not one of"),
        ("  - id: a\n    quote: x\n    fidelity: verbatim\n    attribution: confirmed\n",
         "a found case needs 'transcript' and 'said'"),
        ("  - id: a\n    quote: x\n    fidelity: not_found\n    attribution: unknown\n    transcript: t\n",
         "a not_found case names no transcript"),
        ("  - id: a\n    quote: x\n    fidelity: not_found\n    attribution: unknown\n    speakr: y\n",
         "unknown key(s): speakr"),
        ("  - id: a\n    quote: [x]\n    fidelity: not_found\n    attribution: unknown\n",
         "'quote' must be text"),
        ("  - id: a\n    quote: x\n    fidelity: verbatim\n    attribution: confirmed\n"
         "    transcript: t\n    said: [1]\n", "'said' must be a passage"),
        ("  - just a string\n", "each case must be a mapping"),
    ],
)
def test_bad_entry_names_file_and_line(tmp_path: Path, entry: str, message: str) -> None:
    path = write(tmp_path, "cases:\n" + GOOD_CASE + entry)
    with pytest.raises(EvalError) as err:
        load_eval(path)
    assert message in str(err.value)
    assert err.value.path == str(path)
    assert err.value.line == 9  # the bad entry starts after the 7-line good one


def test_duplicate_id_and_bad_yaml_and_top_level(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="duplicate id 'ok'"):
        load_eval(write(tmp_path, "cases:\n" + GOOD_CASE + GOOD_CASE))
    with pytest.raises(EvalError, match="bad eval YAML") as err:
        load_eval(write(tmp_path, "cases:\n  - id: [unclosed\n"))
    assert err.value.line is not None
    with pytest.raises(EvalError, match="unknown top-level key"):
        load_eval(write(tmp_path, "case: []\n"))
    with pytest.raises(EvalError, match="no cases and no articles"):
        load_eval(write(tmp_path, "cases: []\n"))


def test_locate_passage_across_wraps_and_escapes() -> None:
    text = "A:  It is\nattributable to \\[senior administration\nofficial\\].  Next."
    span = locate_passage(text, "It is attributable to [senior administration official].")
    assert span is not None and span.of(text).startswith("It is") and span.of(text).endswith("].")
    assert locate_passage(text, "not there") is None


def test_missing_transcript_or_passage_is_an_error(tmp_path: Path) -> None:
    one = tmp_path / "corpus"
    one.mkdir()
    shutil.copy(BUNDLED_CORPUS / f"{BEIJING}.md", one)
    corpus = Verifier(Corpus.from_path(one))
    bad = GOOD_CASE.replace('said: "This is a key', 'said: "This is not a key')
    with pytest.raises(EvalError, match="'said' passage"):
        evaluate(load_eval(write(tmp_path, "cases:\n" + bad)), corpus)
    gone = GOOD_CASE.replace(f"transcript: {BEIJING}", "transcript: nowhere")
    with pytest.raises(EvalError, match="'nowhere' is not in the corpus"):
        evaluate(load_eval(write(tmp_path, "cases:\n" + gone)), corpus)


# --- Scoring arithmetic -----------------------------------------------------------------------


def fake(fid: Fidelity, att: Attribution, got_fid: Fidelity, got_att: Attribution,
         sev: Severity) -> CaseResult:
    """A result with no match: the verdicts alone decide it."""
    case = EvalCase(id=f"{fid}-{got_fid}-{att}-{got_att}", quote="q", speaker=None, transcript=None,
                    said=(), fidelity=fid, attribution=att, severity=expected_severity(fid, att))
    finding = Finding(quote=Quote.typed("q"), match=None, speaker=None, edits=(), fidelity=got_fid,
                      attribution=got_att, severity=sev, score=0.0, reasons=())
    return CaseResult(case=case, finding=finding, expected_spans=(), transcript_ok=True,
                      span_overlap=False, span_exact=False)


def test_class_scores_precision_recall() -> None:
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b"), ("c", "b")]
    rows = {c.label: c for c in class_scores(pairs, ["a", "b", "c", "d"])}
    assert set(rows) == {"a", "b", "c"}  # d: no cases, not predicted
    assert (rows["a"].precision, rows["a"].recall) == (1.0, 0.5)
    assert (rows["b"].precision, rows["b"].recall) == (0.5, 1.0)
    assert (rows["c"].precision, rows["c"].recall) == (0.0, 0.0)


def test_score_accuracies_and_misses() -> None:
    V, A, NF = Fidelity.VERBATIM, Fidelity.ALTERED, Fidelity.NOT_FOUND
    C, M, U = Attribution.CONFIRMED, Attribution.MISATTRIBUTED, Attribution.UNKNOWN
    results = [
        fake(V, C, V, C, Severity.OK),  # all right
        fake(V, C, A, C, Severity.FAIL),  # fidelity and severity wrong
        fake(A, M, A, C, Severity.FAIL),  # attribution wrong, severity right
        fake(NF, U, NF, U, Severity.FAIL),  # all right
    ]
    s = score(results)
    assert s.cases == 4
    assert s.fidelity_accuracy == 0.75
    assert s.attribution_accuracy == 0.75
    assert s.severity_accuracy == 0.75
    assert s.all_correct == 0.5
    assert [m.id for m in s.misses] == [results[1].case.id, results[2].case.id]
    assert s.misses[0].expected["fidelity"] == "verbatim" and s.misses[0].got["fidelity"] == "altered"
    assert s.span_cases == 0 and s.span_accuracy == 0.0
    table = format_scores(s, show_misses=True)
    assert "fidelity accuracy" in table and "misses: 2" in table and results[1].case.id in table
    assert json.loads(json.dumps(scores_to_dict(s)))["fidelity"]["verbatim"]["recall"] == 0.5


def test_expected_severity_is_the_worse_of_the_two() -> None:
    assert expected_severity(Fidelity.VERBATIM, Attribution.ANONYMOUS) is Severity.OK
    assert expected_severity(Fidelity.ELIDED, Attribution.INDIRECT) is Severity.WARN
    assert expected_severity(Fidelity.MINOR_EDITS, Attribution.MISATTRIBUTED) is Severity.FAIL


# --- The command ------------------------------------------------------------------------------


SMALL = f"""\
cases:
  - id: exact
    quote: "This is a key part of the implementation of the resumption of our bilateral cooperation"
    speaker: a senior administration official
    transcript: {BEIJING}
    said: "This is a key part of the implementation of the resumption of our bilateral cooperation"
    fidelity: verbatim
    attribution: anonymous
  - id: number
    quote: "China submitted 154 incidents to the International Narcotics Control Board Global Database"
    speaker: a senior administration official
    transcript: {BEIJING}
    said: "China submitted 145 incidents to the International Narcotics Control Board Global Database"
    fidelity: altered
    attribution: anonymous
  - id: invented
    quote: "Beijing has delivered on every single commitment it ever made to Washington"
    speaker: null
    transcript: null
    fidelity: not_found
    attribution: unattributed
"""


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(BUNDLED_CORPUS / f"{BEIJING}.md", folder)
    return folder


def test_eval_command_text(tmp_path: Path, small_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, SMALL)
    assert main(["eval", str(path), "--corpus", str(small_corpus), "--show-misses"]) == 0
    out = capsys.readouterr().out
    assert "quotecheck eval: 3 cases" in out
    assert "fidelity accuracy" in out and "span overlap (2 found cases)" in out
    assert "attribution" in out and "misses:" in out


def test_eval_command_json(tmp_path: Path, small_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, SMALL)
    assert main(["eval", str(path), "--corpus", str(small_corpus), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "quotecheck.eval/1" and data["cases"] == 3
    assert set(data["fidelity"]) >= {"verbatim", "altered", "not_found"}
    assert isinstance(data["misses"], list)


def test_eval_command_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "cases:\n  - id: a\n    quote: x\n")
    assert main(["eval", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and "missing key(s)" in err


def test_eval_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["eval", "--help"])
    assert done.value.code == 0
    assert "quotecheck eval tests/eval/quotes.yaml" in capsys.readouterr().out


# --- The scoreboard ---------------------------------------------------------------------------


def test_eval_set_shape() -> None:
    evalset = load_eval(EVAL_FILE)
    assert len(evalset.cases) >= 100
    assert len({c.transcript for c in evalset.cases if c.transcript}) >= 6
    assert {c.fidelity for c in evalset.cases} == set(Fidelity)
    assert {c.attribution for c in evalset.cases} >= set(Attribution) - {Attribution.UNKNOWN}
    assert evalset.articles


def test_scoreboard_floors(bundled_corpus: Corpus) -> None:
    scores = evaluate(load_eval(EVAL_FILE), Verifier(bundled_corpus))
    report = format_scores(scores, show_misses=True)
    for name, floor in FLOORS.items():
        assert getattr(scores, name) >= floor, f"{name} fell below {floor}\n{report}"
    for extraction in scores.extraction.values():
        assert extraction.recall >= 0.9 and extraction.precision >= 0.9, report
