"""``quotecheck eval FILE``: the scoreboard of a labelled quote set against a corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from verifier.corpus.memory import BUNDLED_CORPUS, Corpus
from verifier.eval.render import format_scores, scores_to_dict
from verifier.eval.scoreboard import evaluate, load_eval
from verifier.report.render import to_json
from verifier.session import Verifier

EXAMPLE = """examples:
  quotecheck eval tests/eval/quotes.yaml
  quotecheck eval tests/eval/quotes.yaml --show-misses
  quotecheck eval tests/eval/quotes.yaml --format json > scores.json
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "eval",
        help=summary,
        description="Verify every labelled quote and report accuracy, precision and recall.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help="eval file (YAML with 'cases' and optional 'articles')")
    p.add_argument(
        "--corpus", metavar="DIR", help="folder of transcripts (default: the bundled corpus)"
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--show-misses", action="store_true", help="list every case the engine missed")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    evalset = load_eval(args.file)
    corpus = Corpus.from_path(Path(args.corpus) if args.corpus else BUNDLED_CORPUS)
    for warning in corpus.warnings:
        sys.stderr.write(f"quotecheck: warning: {warning}\n")
    scores = evaluate(evalset, Verifier(corpus))
    if args.format == "json":
        sys.stdout.write(to_json(scores_to_dict(scores)) + "\n")
    else:
        sys.stdout.write(format_scores(scores, show_misses=args.show_misses))
    return 0
