"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..corpus import BUNDLED_CORPUS, Corpus
from ..models import Finding, Severity
from ..transcripts import load_transcript


def add_corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--corpus", metavar="DIR", help="folder of transcripts (default: the bundled corpus)"
    )
    p.add_argument(
        "--transcript", metavar="FILE", action="append",
        help="check against this transcript file only (repeatable)",
    )
    p.add_argument("--transcript-format", metavar="NAME", help="transcript format, if not detected")
    p.add_argument("--strict", action="store_true", help="a malformed corpus file is an error")


def open_corpus(args: argparse.Namespace) -> Corpus:
    """The corpus the options name: given transcript files, a folder, or the bundled one."""
    if getattr(args, "transcript", None):
        fmt = getattr(args, "transcript_format", None)
        return Corpus(
            [load_transcript(p, format=fmt, require_speakers=True) for p in args.transcript],
            path=None,
        )
    path = Path(args.corpus) if getattr(args, "corpus", None) else BUNDLED_CORPUS
    corpus = Corpus.from_path(path, strict=getattr(args, "strict", False))
    for warning in corpus.warnings:
        sys.stderr.write(f"quotecheck: warning: {warning}\n")
    return corpus


def exit_status(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when any finding is at or above the --fail-on level, else 0."""
    level = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= level for f in findings) else 0
