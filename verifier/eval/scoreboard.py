"""The scoreboard: run a labelled set of quotes through a Verifier and measure the verdicts.

An eval file (YAML) holds ``cases``: a quote as an article prints it, who it credits, the
transcript and passage it came from (``said``: copied from the transcript, located in
``Transcript.text`` to get the expected span), and the verdicts a careful fact-checker
gives it. An optional ``articles`` list names extraction label files, scored by
``verifier.eval.extraction``. Labels are what the DESIGN.md definitions say, not what the
engine outputs: a miss is either an engine bug or a label to argue about.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from verifier.engine.verdict import severity_of
from verifier.errors import QuotecheckError
from verifier.models import Attribution, Fidelity, Finding, Quote, Severity, Span
from verifier.text.decode import read_text
from verifier.yamlnodes import item_line, load_yaml, mapping_value, seq_items

if TYPE_CHECKING:
    from verifier.corpus.search_space import SearchSpace
    from verifier.eval.extraction import ExtractionScores


class QuoteChecker(Protocol):
    """What the scoreboard runs: a ``Verifier``, or the peer baseline scored beside it."""

    @property
    def space(self) -> SearchSpace: ...

    def verify_quote(self, quote: Quote, *, near_date: str | None = None) -> Finding: ...

SCHEMA = "quotecheck.eval/1"
_REQUIRED = ("id", "quote", "fidelity", "attribution")
_KEYS = frozenset(
    _REQUIRED
    + ("speaker", "speaker_name", "date", "transcript", "said", "said_by", "pattern", "severity", "note")
)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EDGE_JUNK = " \t\n\u00a0.,;:!?\u2014\u2013-\"'\u201c\u201d\u2018\u2019()"


class EvalError(QuotecheckError):
    """An eval file is unusable: bad YAML, a missing key, an unknown verdict."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalCase:
    """One labelled quote: what the article printed, and the verdicts it deserves."""

    id: str
    quote: str
    speaker: str | None
    transcript: str | None
    said: tuple[str, ...]  # one passage, or several for a quote stitched from places apart
    fidelity: Fidelity
    attribution: Attribution
    severity: Severity
    pattern: str | None = None
    date: str | None = None  # the article's date: the search ranks transcripts near it first
    said_by: str | None = None  # the transcript's speaker label, as printed
    speaker_name: str | None = None  # whom a printed pronoun ("he said") means in the article
    line: int | None = None

    @property
    def strict_label(self) -> str:
        """The one verdict that matters most: misattribution, else the fidelity."""
        if self.attribution is Attribution.MISATTRIBUTED:
            return str(Attribution.MISATTRIBUTED)
        return str(self.fidelity)


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalSet:
    """A loaded eval file: its cases and the extraction label files it points at."""

    path: str
    cases: tuple[EvalCase, ...]
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseResult:
    """One case after verification: the finding and how its span compares."""

    case: EvalCase
    finding: Finding
    expected_spans: tuple[Span, ...]
    transcript_ok: bool
    span_overlap: bool
    span_exact: bool

    @property
    def got_transcript(self) -> str | None:
        return self.finding.match.transcript.id if self.finding.match else None

    @property
    def fidelity_ok(self) -> bool:
        return self.finding.fidelity is self.case.fidelity

    @property
    def attribution_ok(self) -> bool:
        return self.finding.attribution is self.case.attribution

    @property
    def strict_ok(self) -> bool:
        """The strict verdict: misattributed where labelled so, else the fidelity."""
        if self.case.attribution is Attribution.MISATTRIBUTED:
            return self.finding.attribution is Attribution.MISATTRIBUTED
        return self.fidelity_ok

    @property
    def correct(self) -> bool:
        spans = self.case.transcript is None or self.span_overlap
        return self.fidelity_ok and self.attribution_ok and self.transcript_ok and spans


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassScore:
    """Precision and recall of one verdict value."""

    label: str
    support: int  # cases labelled with it
    predicted: int  # cases the engine gave it
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.support if self.support else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Miss:
    """A case the engine got wrong somewhere: what was expected, what came out."""

    id: str
    pattern: str | None
    quote: str
    expected: dict[str, str | None]
    got: dict[str, str | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """Everything the scoreboard reports."""

    cases: int
    fidelity: tuple[ClassScore, ...]
    attribution: tuple[ClassScore, ...]
    fidelity_accuracy: float
    attribution_accuracy: float
    severity_accuracy: float
    transcript_accuracy: float
    span_cases: int
    span_accuracy: float
    span_exact: float
    all_correct: float
    strict_accuracy: float  # fidelity, or attribution for the cases labelled misattributed
    false_misattributed: float  # share of all cases called misattributed that are not
    not_found_precision: float
    not_found_recall: float
    confusion: tuple[tuple[str, str, int], ...]
    misses: tuple[Miss, ...]
    extraction: dict[str, ExtractionScores] = field(default_factory=dict)


# --- Loading --------------------------------------------------------------------------


def load_eval(path: str | Path) -> EvalSet:
    """Read and validate an eval file; a bad entry raises EvalError with its line."""
    where = str(path)
    text = read_text(Path(path), what="eval file")
    data, root = load_yaml(text, path=where, what="eval YAML", error=EvalError, bad="bad eval YAML")
    if not isinstance(data, dict):
        raise EvalError("an eval file is a mapping with a 'cases' list", path=where, line=1)
    unknown = sorted(str(k) for k in data if k not in ("schema", "cases", "articles", "note"))
    if unknown:
        raise EvalError(f"unknown top-level key(s): {', '.join(unknown)}", path=where, line=1)
    items = data.get("cases") or []
    articles = data.get("articles") or []
    if not isinstance(items, list) or not isinstance(articles, list):
        raise EvalError("'cases' and 'articles' must be lists", path=where, line=1)
    if not items and not articles:
        raise EvalError("the eval file has no cases and no articles", path=where, line=1)
    nodes = seq_items(mapping_value(root, "cases"))
    cases: list[EvalCase] = []
    seen: dict[str, int | None] = {}
    for i, item in enumerate(items):
        line = item_line(nodes, i)
        case = _case(item, where, line)
        if case.id in seen:
            raise EvalError(f"duplicate id {case.id!r} (first at line {seen[case.id]})",
                            path=where, line=line)
        seen[case.id] = line
        cases.append(case)
    base = Path(path).parent
    return EvalSet(
        path=where,
        cases=tuple(cases),
        articles=tuple(os.path.normpath(base / str(a)) for a in articles),
    )


def _case(item: Any, path: str, line: int | None) -> EvalCase:
    """Validate one entry: required keys, known verdicts, a passage when a transcript is named."""
    if not isinstance(item, dict):
        raise EvalError("each case must be a mapping", path=path, line=line)
    unknown = sorted(str(k) for k in item if k not in _KEYS)
    if unknown:
        raise EvalError(f"unknown key(s): {', '.join(unknown)}", path=path, line=line)
    missing = [k for k in _REQUIRED if item.get(k) in (None, "")]
    if missing:
        raise EvalError(f"missing key(s): {', '.join(missing)}", path=path, line=line)
    for key in ("quote", "speaker", "speaker_name", "transcript", "pattern", "said_by", "date"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise EvalError(f"{key!r} must be text", path=path, line=line)
    said = _passages(item.get("said"), path, line)
    date = item.get("date")
    if date is not None and not _DATE_RE.fullmatch(date):
        raise EvalError(f"date {date!r} is not YYYY-MM-DD", path=path, line=line)
    fidelity = _enum(Fidelity, item["fidelity"], "fidelity", path, line)
    attribution = _enum(Attribution, item["attribution"], "attribution", path, line)
    transcript = item.get("transcript")
    if fidelity is Fidelity.NOT_FOUND and (transcript or said):
        raise EvalError("a not_found case names no transcript and no passage", path=path, line=line)
    if fidelity is not Fidelity.NOT_FOUND and not (transcript and said):
        raise EvalError("a found case needs 'transcript' and 'said'", path=path, line=line)
    severity = (
        _enum(Severity, item["severity"], "severity", path, line)
        if item.get("severity")
        else expected_severity(fidelity, attribution)
    )
    return EvalCase(
        id=str(item["id"]),
        quote=item["quote"].strip(),
        speaker=(item.get("speaker") or "").strip() or None,
        transcript=transcript,
        said=said,
        fidelity=fidelity,
        attribution=attribution,
        severity=severity,
        pattern=item.get("pattern"),
        date=date,
        said_by=item.get("said_by"),
        speaker_name=(item.get("speaker_name") or "").strip() or None,
        line=line,
    )


def _passages(value: Any, path: str, line: int | None) -> tuple[str, ...]:
    """``said``: one passage, or a list of them; each non-empty text."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise EvalError("'said' must be a passage, or a list of passages", path=path, line=line)
    return tuple(v.strip() for v in items)


def _enum(kind: Any, value: Any, key: str, path: str, line: int | None) -> Any:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise EvalError(f"{key} {str(value)!r} is not one of: {allowed}", path=path, line=line) from None


def expected_severity(fidelity: Fidelity, attribution: Attribution) -> Severity:
    """The worse of the two verdicts' severities, as DESIGN.md defines them."""
    return severity_of(fidelity, attribution)


# --- Locating the expected span ---------------------------------------------------------


def passage_pattern(said: str) -> re.Pattern[str]:
    """A regex for a passage copied from a transcript: any whitespace, optional markdown escapes."""
    words = said.replace("\\", "").split()
    parts = [re.sub(r"\\([\[\]_*])", r"\\\\?\\\1", re.escape(w)) for w in words]
    return re.compile(r"\s+".join(parts))


def locate_passage(text: str, said: str) -> Span | None:
    """Where the passage is printed in a transcript's text (its first occurrence)."""
    m = passage_pattern(said).search(text)
    return Span(start=m.start(), end=m.end()) if m else None


def _trimmed(text: str, span: Span) -> tuple[int, int]:
    """A span without the punctuation and spacing at its edges, for an exact comparison."""
    s, e = span.start, span.end
    while s < e and text[s] in _EDGE_JUNK:
        s += 1
    while e > s and text[e - 1] in _EDGE_JUNK:
        e -= 1
    return s, e


def check_passages(evalset: EvalSet, corpus: SearchSpace) -> None:
    """Every named transcript is in the corpus and holds its passage, else EvalError."""
    for case in evalset.cases:
        if case.transcript is None:
            continue
        doc = corpus.doc_index(case.transcript)
        if doc is None:
            raise EvalError(f"{case.id}: transcript {case.transcript!r} is not in the corpus",
                            path=evalset.path, line=case.line)
        for said in case.said:
            if locate_passage(corpus.transcript(doc).text, said) is None:
                raise EvalError(f"{case.id}: the 'said' passage {said[:40]!r}… is not in "
                                f"{case.transcript}", path=evalset.path, line=case.line)


# --- Running and scoring ----------------------------------------------------------------


def run_case(case: EvalCase, verifier: QuoteChecker) -> CaseResult:
    """Verify one case's quote and compare where it landed with where it should have."""
    corpus = verifier.space
    quote = Quote.typed(case.quote, attributed_to=case.speaker)
    if case.speaker_name:  # the article's pronoun, resolved as its reader resolves it
        quote = replace(quote, speaker_name=case.speaker_name)
    finding = verifier.verify_quote(quote, near_date=case.date)
    expected: list[Span] = []
    doc = corpus.doc_index(case.transcript) if case.transcript is not None else None
    if doc is not None:
        found = (locate_passage(corpus.transcript(doc).text, said) for said in case.said)
        expected = [span for span in found if span is not None]
    match = finding.match
    got_id = match.transcript.id if match else None
    transcript_ok = got_id == case.transcript
    overlap = exact = False
    if match is not None and expected and transcript_ok:
        overlap = any(p.overlaps(e) for p in match.pieces or (match.span,) for e in expected)
        whole = Span(start=min(e.start for e in expected), end=max(e.end for e in expected))
        text = match.transcript.text
        exact = _trimmed(text, match.span) == _trimmed(text, whole)
    return CaseResult(
        case=case,
        finding=finding,
        expected_spans=tuple(expected),
        transcript_ok=transcript_ok,
        span_overlap=overlap,
        span_exact=exact,
    )


def run_eval(evalset: EvalSet, verifier: QuoteChecker) -> list[CaseResult]:
    """Every case of the set, verified in the session's corpus, in file order."""
    check_passages(evalset, verifier.space)
    return [run_case(case, verifier) for case in evalset.cases]


def class_scores(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> tuple[ClassScore, ...]:
    """Per-label precision/recall from (expected, got) pairs; labels with no cases are skipped."""
    out = []
    for label in labels:
        support = sum(1 for e, _ in pairs if e == label)
        predicted = sum(1 for _, g in pairs if g == label)
        if support or predicted:
            correct = sum(1 for e, g in pairs if e == g == label)
            out.append(ClassScore(label=label, support=support, predicted=predicted, correct=correct))
    return tuple(out)


def _rate(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def score(results: Sequence[CaseResult]) -> Scores:
    """Accuracies, per-verdict precision/recall, span agreement and the list of misses."""
    n = len(results)
    fid = [(str(r.case.fidelity), str(r.finding.fidelity)) for r in results]
    att = [(str(r.case.attribution), str(r.finding.attribution)) for r in results]
    spanned = [r for r in results if r.case.transcript is not None]
    return Scores(
        cases=n,
        fidelity=class_scores(fid, [f.value for f in Fidelity]),
        attribution=class_scores(att, [a.value for a in Attribution]),
        fidelity_accuracy=_rate(sum(r.fidelity_ok for r in results), n),
        attribution_accuracy=_rate(sum(r.attribution_ok for r in results), n),
        severity_accuracy=_rate(sum(r.finding.severity is r.case.severity for r in results), n),
        transcript_accuracy=_rate(sum(r.transcript_ok for r in results), n),
        span_cases=len(spanned),
        span_accuracy=_rate(sum(r.span_overlap for r in spanned), len(spanned)),
        span_exact=_rate(sum(r.span_exact for r in spanned), len(spanned)),
        all_correct=_rate(sum(r.correct for r in results), n),
        strict_accuracy=_rate(sum(r.strict_ok for r in results), n),
        false_misattributed=_rate(sum(
            r.finding.attribution is Attribution.MISATTRIBUTED
            and r.case.attribution is not Attribution.MISATTRIBUTED
            for r in results
        ), n),
        not_found_precision=_class_rate(fid, str(Fidelity.NOT_FOUND), precision=True),
        not_found_recall=_class_rate(fid, str(Fidelity.NOT_FOUND), precision=False),
        confusion=confusion(results),
        misses=tuple(_miss(r) for r in results if not r.correct),
    )


def confusion(results: Sequence[CaseResult]) -> tuple[tuple[str, str, int], ...]:
    """(labelled, given, cases) for every pair of strict verdicts that occurred."""
    counts: dict[tuple[str, str], int] = {}
    for r in results:
        given = (
            str(Attribution.MISATTRIBUTED)
            if r.finding.attribution is Attribution.MISATTRIBUTED
            else str(r.finding.fidelity)
        )
        key = (r.case.strict_label, given)
        counts[key] = counts.get(key, 0) + 1
    return tuple((e, g, n) for (e, g), n in sorted(counts.items()))


def labelled_months(evalset: EvalSet, space: SearchSpace) -> set[str]:
    """The months (YYYY-MM) of the transcripts the labels name: the small corpus to score on."""
    months = set()
    for case in evalset.cases:
        doc = space.doc_index(case.transcript) if case.transcript else None
        date = space.doc_date(doc) if doc is not None else None
        if date:
            months.add(date[:7])
    return months


def _class_rate(pairs: Sequence[tuple[str, str]], label: str, *, precision: bool) -> float:
    """Precision or recall of one label; 1.0 when nothing was predicted or expected."""
    hits = sum(1 for e, g in pairs if e == g == label)
    total = sum(1 for e, g in pairs if (g if precision else e) == label)
    return hits / total if total else 1.0


def _miss(r: CaseResult) -> Miss:
    c, f = r.case, r.finding
    got_span = f.match.span.of(f.match.transcript.text) if f.match else None
    return Miss(
        id=c.id,
        pattern=c.pattern,
        quote=c.quote,
        expected={"fidelity": str(c.fidelity), "attribution": str(c.attribution),
                  "transcript": c.transcript, "said": " ... ".join(c.said) or None},
        got={"fidelity": str(f.fidelity), "attribution": str(f.attribution),
             "transcript": r.got_transcript, "said": " ".join(got_span.split()) if got_span else None,
             "reasons": " ".join(f.reasons)},
    )


def evaluate(evalset: EvalSet, verifier: QuoteChecker) -> Scores:
    """Run the whole set (cases and article label files) and score it."""
    scores = score(run_eval(evalset, verifier)) if evalset.cases else score([])
    if evalset.articles:
        from verifier.eval.extraction import evaluate_extraction

        extraction = {path: evaluate_extraction(path) for path in evalset.articles}
        scores = Scores(**{**_fields(scores), "extraction": extraction})
    return scores


def _fields(scores: Scores) -> dict[str, Any]:
    return {name: getattr(scores, name) for name in Scores.__dataclass_fields__}
