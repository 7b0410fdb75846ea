"""Findings as data (the JSON report contract) and as text, Markdown or YAML for people."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from verifier.models import Article, EditKind, EditOp, Finding, Severity
from verifier.report.alternatives import distinct_alternatives
from verifier.report.credit_line import credit_words, mention_words, not_speech_words
from verifier.report.effective import Effective, decision_words, effective, engine_note, summary_counts
from verifier.text.display import unescape_markdown

SCHEMA = "quotecheck.report/1"
_ANSI = {
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32m",
    "elision": "\x1b[2m",
    "bracket": "\x1b[36m",
    "soft": "\x1b[33m",
    "reset": "\x1b[0m",
    "bold": "\x1b[1m",
}
_SEVERITY_MARK = {Severity.OK: "OK", Severity.WARN: "WARN", Severity.FAIL: "FAIL"}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One Finding in the report contract's shape (DESIGN.md)."""
    q = finding.quote
    match = finding.match
    data: dict[str, Any] = {
        "quote": {
            "text": q.text,
            "start": q.span.start,
            "end": q.span.end,
            "attributed_to": q.attributed_to,
            "cue": q.cue,
            "speaker_name": q.speaker_name,
            "speaker_kind": str(q.speaker_kind),
            "speaker_mention": (
                None
                if q.speaker_mention is None
                else {
                    "start": q.speaker_mention.start,
                    "end": q.speaker_mention.end,
                    "text": q.speaker_mention_text,
                }
            ),
            "pieces": [{"start": p.start, "end": p.end} for p in q.pieces],
            "flags": sorted(str(f) for f in q.flags),
        },
        "fidelity": str(finding.fidelity),
        "attribution": str(finding.attribution),
        "severity": str(finding.severity),
        "score": finding.score,
        "match": None,
        "edits": [
            {
                "op": str(e.op),
                "quote_text": e.quote_text,
                "transcript_text": e.transcript_text,
                "kind": str(e.kind),
            }
            for e in finding.edits
        ],
        "reasons": list(finding.reasons),
        "alternatives": [],
    }
    if match is not None:
        t = match.transcript
        speaker = finding.speaker
        turn = t.turn_at(match.span.start)
        data["match"] = {
            "transcript": {
                "id": t.id,
                "title": t.title,
                "date": t.date,
                "source_url": t.source_url,
                "path": t.path,
            },
            "start": match.span.start,
            "end": match.span.end,
            "text": match.span.of(t.text),
            "pieces": [{"start": p.start, "end": p.end} for p in match.pieces],
            "speaker": {
                "label": speaker.label if speaker else None,
                "name": speaker.name if speaker else None,
                "role": str(speaker.role) if speaker else None,
                "affiliation": speaker.affiliation if speaker else None,
            },
            "time": turn.start_time if turn else None,
        }
        data["alternatives"] = [
            {"transcript_id": a.transcript_id, "start": a.span.start, "end": a.span.end, "score": a.score}
            for a in match.alternatives
        ]
    return data


def article_report(
    article: Article, findings: Sequence[Finding], *, corpus_path: str | None, transcripts: int
) -> dict[str, Any]:
    """The whole-article report of the contract."""
    return {
        "schema": SCHEMA,
        "article": {
            "path": article.path,
            "title": article.title,
            "url": article.url,
            "outlet": article.outlet,
            "date": article.date,
        },
        "corpus": {"path": corpus_path, "transcripts": transcripts},
        "summary": summary_counts(effective(f, None) for f in findings),
        "findings": [finding_to_dict(f) for f in findings],
    }


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_yaml(data: Any) -> str:
    import yaml  # only for --format yaml: PyYAML's start-up is most of a quote check's

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def inline_diff(finding: Finding, *, color: bool) -> str:
    """The quote against the transcript in one line: [-article only-] {+transcript only+}."""
    parts: list[str] = []
    for e in finding.edits:
        if e.op is EditOp.EQUAL:
            parts.append(e.quote_text)
        elif e.kind is EditKind.ELISION:
            parts.append(paint(f"{e.quote_text or '…'}{{~{e.transcript_text}~}}", "elision", color))
        elif e.op is EditOp.DELETE:
            style = "bracket" if e.kind is EditKind.BRACKET else "delete"
            parts.append(paint(f"[-{e.quote_text}-]", style, color))
        else:
            style = "bracket" if e.kind is EditKind.BRACKET else "insert"
            parts.append(paint(f"{{+{e.transcript_text}+}}", style, color))
    return " ".join(" ".join(parts).split())


def paint(text: str, style: str, color: bool) -> str:
    return f"{_ANSI[style]}{text}{_ANSI['reset']}" if color else text


def verdict_words(finding: Finding, verdict: Effective, *, sep: str = " / ") -> str:
    """``paraphrase / anonymous (reviewer; engine: altered)``: what counts, and who decided."""
    note = engine_note(finding, verdict)
    return f"{verdict.fidelity}{sep}{verdict.attribution}" + (f" ({note})" if note else "")


def finding_text(finding: Finding, *, color: bool = False, verdict: Effective | None = None) -> str:
    """A finding as a fact-checker reads it in a terminal; ``verdict`` is the one that counts."""
    q = finding.quote
    v = verdict or effective(finding, None)
    lines = [
        paint(
            f"{_SEVERITY_MARK[v.severity]}  {verdict_words(finding, v)}  (score {finding.score:.2f})",
            "bold",
            color,
        ),
        f"  quote:    \u201c{unescape_markdown(q.text)}\u201d",
    ]
    if q.attributed_to:
        mention = mention_words(q)
        lines.append(f"  credited: {credit_words(q)}" + (f", {mention}" if mention else ""))
    if (not_speech := not_speech_words(q)) is not None:
        lines.append(f"  note:     {not_speech}")
    m = finding.match
    if m is not None:
        t = m.transcript
        lines.append(f"  source:   {t.title} ({t.date or 'undated'})")
        if t.source_url:
            lines.append(f"            {t.source_url}")
        if finding.speaker:
            s = finding.speaker
            who = s.label + (f" = {s.name}" if s.name else "") + f" [{s.role}]"
            if s.affiliation:
                who += f", {s.affiliation}"
            lines.append(f"  speaker:  {who}")
        said = unescape_markdown(" ".join(m.span.of(t.text).split()))
        lines.append(f"  said:     \u201c{said}\u201d")
        lines.append(f"  diff:     {unescape_markdown(inline_diff(finding, color=color))}")
    for reason in finding.reasons:
        lines.append(f"  - {unescape_markdown(reason)}")
    if v.review is not None:
        lines.append(f"  review:   {decision_words(v.review)}")
    others = distinct_alternatives(m) if m is not None else ()
    if others:
        alts = ", ".join(f"{a.transcript_id} ({a.score:.2f})" for a in others)
        lines.append(f"  also in:  {alts}")
    return "\n".join(lines)


def _verdicts(findings: Sequence[Finding], verdicts: Sequence[Effective] | None) -> list[Effective]:
    return list(verdicts) if verdicts is not None else [effective(f, None) for f in findings]


def article_text(
    report: dict[str, Any],
    findings: Sequence[Finding],
    *,
    color: bool = False,
    verdicts: Sequence[Effective] | None = None,
) -> str:
    """The article report for a terminal: grouped by the severity that counts, worst first."""
    art = report["article"]
    vs = _verdicts(findings, verdicts)
    s = summary_counts(vs)
    out = [
        f"{art.get('title') or art.get('path') or 'article'}: {len(findings)} quotes, "
        f"{s['fail']} fail, {s['warn']} warn, {s['ok']} ok"
    ]
    for sev in (Severity.FAIL, Severity.WARN, Severity.OK):
        group = [(f, v) for f, v in zip(findings, vs, strict=True) if v.severity is sev]
        if not group:
            continue
        out.append("")
        out.append(paint(f"== {_SEVERITY_MARK[sev]} ({len(group)}) ==", "bold", color))
        for f, v in group:
            out.append(finding_text(f, color=color, verdict=v))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def article_markdown(
    report: dict[str, Any], findings: Sequence[Finding], *, verdicts: Sequence[Effective] | None = None
) -> str:
    """A Markdown note an editor can paste into a CMS, with the verdicts that count."""
    art = report["article"]
    vs = _verdicts(findings, verdicts)
    s = summary_counts(vs)
    out = [
        f"## Quote check: {art.get('title') or art.get('path') or 'article'}",
        "",
        f"**{len(findings)} quotes**: {s['fail']} fail, {s['warn']} warn, {s['ok']} ok.",
        "",
        "| # | Severity | Quote | Credited | Verdict | Source |",
        "|---|---|---|---|---|---|",
    ]
    for n, (f, v) in enumerate(zip(findings, vs, strict=True), 1):
        src = "—"
        if f.match:
            t = f.match.transcript
            src = f"[{md_escape(t.title)}]({t.source_url})" if t.source_url else md_escape(t.title)
        out.append(
            f"| {n} | {_SEVERITY_MARK[v.severity]} | \u201c{md_escape(shortq(f.quote.text))}\u201d | "
            f"{md_escape(f.quote.attributed_to or '—')} | {verdict_words(f, v, sep=', ')} | {src} |"
        )
    out.append("")
    for n, (f, v) in enumerate(zip(findings, vs, strict=True), 1):
        if v.severity is Severity.OK:
            continue
        out.append(f"### {n}. {_SEVERITY_MARK[v.severity]}: \u201c{md_escape(shortq(f.quote.text))}\u201d")
        out.append("")
        if v.overridden:
            out.append(f"Verdict: {md_escape(verdict_words(f, v))}")
            out.append("")
        if f.match:
            out.append(f"Diff: {md_escape(inline_diff(f, color=False))}")
            out.append("")
        out.extend(f"- {md_escape(r)}" for r in f.reasons)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def shortq(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
