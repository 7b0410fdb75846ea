"""``quotecheck corpus DIR``: what was loaded (formats, months, speakers, warnings)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from verifier.corpus.files import corpus_quality, load_corpus_files, summarize_corpus
from verifier.corpus.memory import BUNDLED_CORPUS
from verifier.errors import InputError


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "corpus",
        help=summary,
        description="Load a folder of transcripts and summarise it: per format, how many turns\n"
        "have a resolved speaker and how many files a date; the files with neither; months,\n"
        "speakers.",
        epilog="example:\n  quotecheck corpus corpus/\n  quotecheck corpus corpus/ --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("dir", nargs="?", help="corpus folder (default: the bundled corpus)")
    p.add_argument("--strict", action="store_true", help="a malformed file is an error")
    p.add_argument("--transcript-format", metavar="NAME", help="force one transcript format")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="json: the per-format numbers and the files with neither, for a script")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.dir) if args.dir else BUNDLED_CORPUS
    if not root.exists():
        raise InputError("corpus folder not found", path=str(root))
    load = load_corpus_files(root, strict=args.strict, format=args.transcript_format)
    if args.format == "json":
        sys.stdout.write(json.dumps(corpus_quality(load), indent=2) + "\n")
    else:
        sys.stdout.write(summarize_corpus(load).rstrip() + "\n")
    return 0
