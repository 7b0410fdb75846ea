"""The verdicts that count: the engine's, unless the reviewer overrode them.

Every place that shows or counts a verdict (the review desk's list, verdict row and
counts, every export, ``quotecheck article --review`` in every format, its exit status)
goes through ``effective`` so an override changes all of them alike; the engine's own
verdict stays on the Finding and is printed beside the reviewer's, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from verifier.engine.verdict import judge_severity
from verifier.models import Attribution, Fidelity, Finding, Severity
from verifier.report.review import Decision, Reconciled, Review, review_to_dict


@dataclass(frozen=True, slots=True, kw_only=True)
class Effective:
    """The fidelity, attribution and severity a finding counts with, and whether a
    reviewer's override (not the engine) decided them."""

    fidelity: Fidelity
    attribution: Attribution
    severity: Severity
    overridden: bool = False
    review: Review | None = None


def effective(finding: Finding, review: Review | None) -> Effective:
    """The reviewer's overridden verdicts where set, the engine's otherwise.

    The severity is judged again from the two verdicts that count (a scare quote stays
    OK); an override that repeats the engine's verdict is no override.
    """
    fidelity, attribution = finding.fidelity, finding.attribution
    if review is not None and review.decision is Decision.OVERRIDDEN:
        fidelity = review.verdict or fidelity
        attribution = review.attribution or attribution
    changed = (fidelity, attribution) != (finding.fidelity, finding.attribution)
    severity = judge_severity(fidelity, attribution, finding.quote) if changed else finding.severity
    return Effective(
        fidelity=fidelity, attribution=attribution, severity=severity, overridden=changed, review=review
    )


def effective_verdicts(findings: Sequence[Finding], reviews: Mapping[int, Review]) -> list[Effective]:
    """One Effective per finding; ``reviews`` maps a finding's position to its decision."""
    return [effective(f, reviews.get(i)) for i, f in enumerate(findings)]


def engine_note(finding: Finding, verdict: Effective) -> str:
    """``reviewer; engine: altered`` for an override (the engine's changed verdicts), else ''."""
    if not verdict.overridden:
        return ""
    was = [
        str(engine)
        for engine, now in ((finding.fidelity, verdict.fidelity), (finding.attribution, verdict.attribution))
        if engine is not now
    ]
    return "reviewer; engine: " + " / ".join(was)


def summary_counts(verdicts: Iterable[Effective]) -> dict[str, int]:
    """How many findings per severity that counts."""
    counts = {"ok": 0, "warn": 0, "fail": 0}
    for v in verdicts:
        counts[str(v.severity)] += 1
    return counts


# --- reports ------------------------------------------------------------------------------


def fold_into_report(
    report: dict[str, Any], findings: Sequence[Finding], reconciled: Reconciled, *, path: str | None
) -> dict[str, Any]:
    """Lay the decisions on a report: verdicts and summary that count, the engine's kept.

    Each finding's ``fidelity``, ``attribution`` and ``severity`` become the effective
    ones, ``engine_verdict`` keeps what the engine said, ``review`` the decision; the
    summary is counted again and a top-level ``review`` says what was folded in.
    """
    verdicts = effective_verdicts(findings, reconciled.by_index)
    for data, finding, v in zip(report["findings"], findings, verdicts, strict=True):
        data["engine_verdict"] = {
            "fidelity": str(finding.fidelity),
            "attribution": str(finding.attribution),
            "severity": str(finding.severity),
        }
        data["fidelity"], data["attribution"], data["severity"] = (
            str(v.fidelity), str(v.attribution), str(v.severity)
        )
        if v.review is not None:
            data["review"] = review_to_dict(v.review)
    report["summary"] = summary_counts(verdicts)
    report["review"] = {
        "path": path,
        "reviewed": len(reconciled.by_index),
        "overridden": sum(1 for v in verdicts if v.overridden),
        "of": len(findings),
        "article_changed": reconciled.article_changed,
        "unmatched": [{"quote": r.quote, **review_to_dict(r)} for r in reconciled.stale],
    }
    return report


def overridden(review: Review) -> str:
    """What the reviewer set in place of the engine's verdicts, e.g. 'verbatim, confirmed'."""
    return ", ".join(str(v) for v in (review.verdict, review.attribution) if v) or "-"


def decision_words(review: Review) -> str:
    """``accepted``, ``overridden: paraphrase`` or ``noted``, then the note after a dash."""
    what = {Decision.ACCEPTED: "accepted", Decision.OVERRIDDEN: f"overridden: {overridden(review)}"}.get(
        review.decision, "noted"  # type: ignore[arg-type]
    )
    return what + (f" \u2014 {review.note}" if review.note else "")


def review_markdown(findings: Sequence[Finding], reconciled: Reconciled) -> str:
    """A Markdown section listing the reviewer's decisions and notes, for the Markdown report."""
    lines = ["### Review", ""]
    for i in range(len(findings)):
        r = reconciled.by_index.get(i)
        if r is None:
            continue
        lines.append(f"- {i + 1}. {decision_words(r)}")
    for r in reconciled.stale:
        lines.append(f"- no longer in the article: \u201c{_short(r.quote)}\u201d")
    if len(lines) == 2:
        lines.append("No decisions yet.")
    return "\n".join(lines) + "\n"


def review_summary_lines(reconciled: Reconciled) -> Iterable[str]:
    """Plain lines warning about a changed article, for stderr or the UI."""
    if reconciled.article_changed:
        yield "the article changed since it was reviewed"
    for r in reconciled.stale:
        yield f"decision no longer matches any quote: \u201c{_short(r.quote)}\u201d"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
