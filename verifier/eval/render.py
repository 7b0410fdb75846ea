"""The evaluation scores as a table a person reads, or as plain data for scripts."""

from __future__ import annotations

from typing import Any

from verifier.eval.scoreboard import SCHEMA, ClassScore, Miss, Scores


def scores_to_dict(scores: Scores, *, misses: bool = True) -> dict[str, Any]:
    """The scores as plain data, for ``--format json``."""
    def classes(rows: tuple[ClassScore, ...]) -> dict[str, Any]:
        return {
            c.label: {"support": c.support, "predicted": c.predicted, "correct": c.correct,
                      "precision": round(c.precision, 4), "recall": round(c.recall, 4)}
            for c in rows
        }

    data: dict[str, Any] = {
        "schema": SCHEMA,
        "cases": scores.cases,
        "fidelity_accuracy": round(scores.fidelity_accuracy, 4),
        "attribution_accuracy": round(scores.attribution_accuracy, 4),
        "severity_accuracy": round(scores.severity_accuracy, 4),
        "transcript_accuracy": round(scores.transcript_accuracy, 4),
        "span_cases": scores.span_cases,
        "span_accuracy": round(scores.span_accuracy, 4),
        "span_exact": round(scores.span_exact, 4),
        "all_correct": round(scores.all_correct, 4),
        "strict_accuracy": round(scores.strict_accuracy, 4),
        "false_misattributed": round(scores.false_misattributed, 4),
        "not_found_precision": round(scores.not_found_precision, 4),
        "not_found_recall": round(scores.not_found_recall, 4),
        "confusion": [{"labelled": e, "given": g, "cases": n} for e, g, n in scores.confusion],
        "fidelity": classes(scores.fidelity),
        "attribution": classes(scores.attribution),
        "extraction": {
            path: {"articles": e.articles, "expected": e.expected, "extracted": e.extracted,
                   "precision": round(e.precision, 4), "recall": round(e.recall, 4),
                   "speaker_accuracy": round(e.speaker_accuracy, 4)}
            for path, e in scores.extraction.items()
        },
    }
    if misses:
        data["misses"] = [
            {"id": m.id, "pattern": m.pattern, "quote": m.quote, "expected": m.expected, "got": m.got}
            for m in scores.misses
        ]
    return data


def format_scores(scores: Scores, *, show_misses: bool = False) -> str:
    """The scoreboard as a plain-text table (and the misses, when asked)."""
    lines = [f"quotecheck eval: {scores.cases} cases", ""]
    summary = summary_rows(scores)
    width = max(len(name) for name, _ in summary)
    lines += [f"{name:<{width}}  {value:6.3f}" for name, value in summary]
    for title, rows in (("fidelity", scores.fidelity), ("attribution", scores.attribution)):
        lines += ["", f"{title:<14} {'support':>7} {'got':>5} {'right':>5} {'prec':>6} {'recall':>6}"]
        lines += [
            f"{c.label:<14} {c.support:>7} {c.predicted:>5} {c.correct:>5} "
            f"{c.precision:>6.3f} {c.recall:>6.3f}"
            for c in rows
        ]
    for path, e in scores.extraction.items():
        lines += [
            "",
            f"extraction: {path}",
            f"  {e.articles} articles, {e.expected} labelled quotes, {e.extracted} extracted",
            f"  precision {e.precision:.3f}  recall {e.recall:.3f}  "
            f"credited speaker accuracy {e.speaker_accuracy:.3f}",
        ]
    lines += ["", *confusion_lines(scores)]
    lines += ["", f"misses: {len(scores.misses)}"]
    if show_misses:
        for m in scores.misses:
            lines += _miss_lines(m)
    return "\n".join(lines) + "\n"


def summary_rows(scores: Scores) -> list[tuple[str, float]]:
    """The headline numbers, in the order a reader looks for them."""
    return [
        ("strict verdict accuracy", scores.strict_accuracy),
        ("fidelity accuracy", scores.fidelity_accuracy),
        ("attribution accuracy", scores.attribution_accuracy),
        ("severity accuracy", scores.severity_accuracy),
        ("transcript accuracy", scores.transcript_accuracy),
        (f"span overlap ({scores.span_cases} found cases)", scores.span_accuracy),
        ("span exact", scores.span_exact),
        ("misattributed, wrongly (share of cases)", scores.false_misattributed),
        ("not_found precision", scores.not_found_precision),
        ("not_found recall", scores.not_found_recall),
        ("all verdicts right", scores.all_correct),
    ]


def confusion_lines(scores: Scores) -> list[str]:
    """Labelled strict verdict (rows) against the one given (columns)."""
    labels = sorted({e for e, _, _ in scores.confusion} | {g for _, g, _ in scores.confusion},
                    key=_verdict_order)
    cell = {(e, g): n for e, g, n in scores.confusion}
    short = {label: label[:8] for label in labels}
    head = f"{'labelled/given':<14}" + "".join(f"{short[g]:>9}" for g in labels)
    rows = [
        f"{e:<14}" + "".join(f"{cell.get((e, g), 0) or '.':>9}" for g in labels)
        for e in labels
        if any(cell.get((e, g)) for g in labels)
    ]
    return ["confusion (strict verdict):", head, *rows]


_ORDER = ["verbatim", "punctuation", "elided", "bracketed", "minor_edits", "paraphrase",
          "altered", "not_found", "misattributed"]


def _verdict_order(label: str) -> int:
    return _ORDER.index(label) if label in _ORDER else len(_ORDER)


def format_comparison(columns: list[tuple[str, Scores]]) -> str:
    """Several runs of one eval file side by side (quotecheck and the peer, two corpora)."""
    names = [name for name, _ in columns]
    rows = [summary_rows(scores) for _, scores in columns]
    width = max(len(label) for label, _ in rows[0])
    colw = max(12, *(len(n) for n in names))
    lines = [f"quotecheck eval: {columns[0][1].cases} cases", "",
             " " * width + "".join(f"  {n:>{colw}}" for n in names)]
    for i, (label, _) in enumerate(rows[0]):
        lines.append(f"{label:<{width}}" + "".join(f"  {r[i][1]:>{colw}.3f}" for r in rows))
    return "\n".join(lines) + "\n"


def _miss_lines(m: Miss) -> list[str]:
    exp, got = m.expected, m.got
    out = [
        "",
        f"- {m.id} [{m.pattern or '-'}]  \u201c{_short(m.quote)}\u201d",
        f"    expected: {exp['fidelity']} / {exp['attribution']}  in {exp['transcript'] or '-'}",
        f"    got:      {got['fidelity']} / {got['attribution']}  in {got['transcript'] or '-'}",
    ]
    if exp["transcript"] != got["transcript"] or exp["said"] and got["said"] is None:
        out.append(f"    said:     \u201c{_short(exp['said'] or '')}\u201d")
    if got["said"]:
        out.append(f"    matched:  \u201c{_short(got['said'])}\u201d")
    if got.get("reasons"):
        out.append(f"    reasons:  {_short(got['reasons'] or '', 200)}")
    return out


def _short(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
