"""Export from the UI: the article report (Markdown or JSON) with the decisions folded in."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from verifier.corpus.search_space import SearchSpace
from verifier.models import Finding
from verifier.report.effective import effective_verdicts, fold_into_report, review_markdown
from verifier.report.render import article_markdown, article_report, to_json
from verifier.report.review import reconcile

from .decisions import DecisionStore
from .source import ReviewSource

EXPORTS = [("markdown", "Markdown report (.report.md)"), ("json", "JSON report (.report.json)")]
_SUFFIX = {"markdown": ".report.md", "json": ".report.json"}


def export_path(source: ReviewSource, kind: str) -> Path:
    """``story.md`` -> ``story.report.md`` beside it (the working folder for stdin)."""
    path = Path(source.article.path or "article")
    return path.with_name(path.stem + _SUFFIX[kind])


def report_text(
    kind: str, source: ReviewSource, corpus: SearchSpace, findings: list[Finding], store: DecisionStore
) -> str:
    """The report as the ``article`` command would print it with ``--review``."""
    article = source.article
    report = article_report(
        article, findings, corpus_path=corpus.path, transcripts=len(corpus)
    )
    reconciled = reconcile(store.file, [f.quote for f in findings], article.text)
    fold_into_report(report, findings, reconciled, path=str(store.path) if store.path else None)
    if kind == "json":
        return to_json(report) + "\n"
    verdicts = effective_verdicts(findings, reconciled.by_index)
    markdown = article_markdown(report, findings, verdicts=verdicts)
    return markdown + "\n" + review_markdown(findings, reconciled)


def export_report(
    kind: str, source: ReviewSource, corpus: SearchSpace, findings: list[Finding], store: DecisionStore
) -> Path:
    """Write the report atomically beside the article; the path written."""
    path = export_path(source, kind)
    text = report_text(kind, source, corpus, findings, store)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
