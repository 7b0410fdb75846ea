"""``quotecheck article FILE``: verify every quote of an article, report, exit status."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from verifier.about import wants_color
from verifier.articles.loaders import load_article, load_article_text
from verifier.cli.common import add_corpus_options, exit_status, open_verifier, settings_from_args
from verifier.cli.settings import add_config_option
from verifier.errors import InputError
from verifier.models import Article, Finding
from verifier.report.effective import (
    Effective,
    effective_verdicts,
    fold_into_report,
    review_markdown,
    review_summary_lines,
)
from verifier.report.render import article_markdown, article_text, to_json, to_yaml
from verifier.report.review import Reconciled, load_review_file, reconcile
from verifier.text.decode import decode_text

EXAMPLE = """examples:
  quotecheck article examples/counternarcotics-story.md
  quotecheck article story.html --format json --fail-on warn
  cat story.txt | quotecheck article -
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "article",
        help=summary,
        description="Extract every quote and who the article credits, verify each, report.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help="article file, or - to read stdin")
    add_corpus_options(p)
    p.add_argument("--format", choices=["text", "json", "yaml", "markdown"], default="text")
    p.add_argument(
        "--fail-on",
        choices=["warn", "fail"],
        default=None,
        help="exit 1 at or above this severity (default: fail, or the config's)",
    )
    add_config_option(p)
    p.add_argument(
        "--review", metavar="FILE", help="fold a reviewer's decisions (ARTICLE.review.yaml) into the report"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.file == "-":
        data = sys.stdin.buffer.read()
        article = load_article_text(decode_text(data, path="<stdin>", what="standard input"))
    else:
        article = load_article(args.file)
    settings = settings_from_args(args)
    verifier = open_verifier(settings)
    findings = verifier.verify_article(article)
    report = verifier.report(article, findings)
    reconciled = None
    verdicts: list[Effective] | None = None
    if getattr(args, "review", None):
        reconciled = fold_review(args.review, article, findings, report)
        verdicts = effective_verdicts(findings, reconciled.by_index)
    if args.format == "json":
        sys.stdout.write(to_json(report) + "\n")
    elif args.format == "yaml":
        sys.stdout.write(to_yaml(report))
    elif args.format == "markdown":
        sys.stdout.write(article_markdown(report, findings, verdicts=verdicts))
        if reconciled is not None:
            sys.stdout.write("\n" + review_markdown(findings, reconciled))
    else:
        sys.stdout.write(article_text(report, findings, color=wants_color(sys.stdout), verdicts=verdicts))
    return exit_status(findings, settings.fail_on, verdicts=verdicts)


def fold_review(path: str, article: Article, findings: list[Finding], report: dict[str, Any]) -> Reconciled:
    """Lay the review file's decisions on the findings; warn on stderr about stale ones."""
    file = load_review_file(path)
    if file is None:
        raise InputError("review file not found", path=path)
    reconciled = reconcile(file, [f.quote for f in findings], article.text)
    fold_into_report(report, findings, reconciled, path=path)
    for line in review_summary_lines(reconciled):
        sys.stderr.write(f"quotecheck: warning: {path}: {line}\n")
    return reconciled
