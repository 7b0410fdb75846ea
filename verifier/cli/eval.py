"""``quotecheck eval FILE``: the scoreboard of a labelled quote set against a corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from verifier.corpus.filters import DocFilter, filtered
from verifier.corpus.search_space import SearchSpace
from verifier.errors import InputError
from verifier.eval.extraction import (
    evaluate_extraction,
    extraction_to_dict,
    format_extraction_scores,
    is_extraction_labels,
)
from verifier.eval.render import format_comparison, format_scores, scores_to_dict
from verifier.eval.scoreboard import EvalSet, Scores, evaluate, labelled_months, load_eval
from verifier.report.render import to_json
from verifier.session import CorpusOptions, Settings, Verifier, open_space

EXAMPLE = """examples:
  quotecheck eval tests/eval/quotes.yaml
  quotecheck eval tests/eval/quotes.yaml --show-misses
  quotecheck eval tests/eval/quotes.yaml --format json > scores.json
  quotecheck eval tests/data/articles/labels.yaml          (extraction labels: the scoreboard
  quotecheck eval real/labels-a.yaml real/labels-b.yaml      of quotes found and credited)
  quotecheck eval tests/eval/real-news.yaml --corpus ../shared/corpora/wh-briefings \\
      --index /tmp/wh.sqlite --peer --small-corpus
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "eval",
        help=summary,
        description="Verify every labelled quote and report accuracy, precision and recall.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "file",
        nargs="+",
        help="eval file (YAML with 'cases' and optional 'articles'), or one or more "
        "extraction label files (schema quotecheck.labels/1)",
    )
    p.add_argument("--corpus", metavar="DIR", help="folder of transcripts (default: the bundled corpus)")
    p.add_argument("--index", metavar="PATH", help="the corpus's index file (built if missing)")
    p.add_argument("--no-index", action="store_true", help="parse the corpus folder instead")
    p.add_argument(
        "--config",
        metavar="FILE",
        help="quotecheck.yaml whose thresholds and aliases to score (default: ./quotecheck.yaml)",
    )
    p.add_argument(
        "--peer",
        action="store_true",
        help="also score the peer baseline (rapidfuzz partial_ratio, fixed thresholds) beside it",
    )
    p.add_argument(
        "--small-corpus",
        action="store_true",
        help="also score against only the months the labelled transcripts come from",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--show-misses", action="store_true", help="list every case the engine missed")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files: list[str] = list(args.file)
    labels = [is_extraction_labels(f) for f in files]
    if any(labels):
        if not all(labels):
            raise InputError("eval: give one eval file, or extraction label files only")
        return run_extraction(files, args.format)
    if len(files) > 1:
        raise InputError("eval: give one eval file, or extraction label files only")
    evalset = load_eval(files[0])
    options = CorpusOptions(
        folder=str(Path(args.corpus)) if args.corpus else None,
        index=args.index,
        use_index=not args.no_index,
    )
    settings = Settings.load(args.config, options)
    space = open_space(settings.corpus, note=_note)
    for warning in space.warnings:
        sys.stderr.write(f"quotecheck: warning: {warning}\n")
    columns = score_columns(evalset, space, settings, peer=args.peer, small=args.small_corpus)
    scores = columns[0][1]
    if args.format == "json":
        data = scores_to_dict(scores)
        data["columns"] = {name: scores_to_dict(s, misses=False) for name, s in columns}
        sys.stdout.write(to_json(data) + "\n")
    elif len(columns) > 1:
        sys.stdout.write(format_comparison(columns) + "\n")
        sys.stdout.write(format_scores(scores, show_misses=args.show_misses))
    else:
        sys.stdout.write(format_scores(scores, show_misses=args.show_misses))
    return 0


def run_extraction(files: list[str], fmt: str) -> int:
    """The extraction scoreboard of label files: found, credited, kinds, mentions, patterns."""
    scores = evaluate_extraction(files)
    if fmt == "json":
        data = {"labels": files, "extraction": extraction_to_dict(scores)}
        sys.stdout.write(to_json(data) + "\n")
    else:
        sys.stdout.write(f"quotecheck eval: extraction labels {' '.join(files)}\n\n")
        sys.stdout.write(format_extraction_scores(scores, max_mismatches=40) + "\n")
    return 0


def small_space(evalset: EvalSet, space: SearchSpace) -> SearchSpace:
    """The corpus cut to the months its labelled transcripts come from."""
    months = labelled_months(evalset, space)
    ids = space.doc_ids()
    keep = tuple(ids[d] for d in range(len(space)) if (space.doc_date(d) or "")[:7] in months)
    return filtered(space, DocFilter(transcript_ids=keep))


def _note(message: str) -> None:
    sys.stderr.write(f"quotecheck: {message}\n")


def score_columns(
    evalset: EvalSet, space: SearchSpace, settings: Settings, *, peer: bool, small: bool
) -> list[tuple[str, Scores]]:
    """quotecheck on the corpus, then the peer, then both on the labelled months only."""
    from verifier.eval.peer import PeerBaseline

    spaces = [("", space)]
    if small:
        spaces.append((" (small)", small_space(evalset, space)))
    columns: list[tuple[str, Scores]] = []
    for suffix, sp in spaces:
        columns.append((f"quotecheck{suffix}", evaluate(evalset, Verifier(sp, settings=settings))))
        if peer:
            columns.append((f"peer{suffix}", evaluate(evalset, PeerBaseline(sp))))
    return columns
