"""``quotecheck show TRANSCRIPT``: the parsed turns with resolved speakers."""

from __future__ import annotations

import argparse
import sys

from verifier.corpus.files import format_transcript
from verifier.transcripts.loader import load_transcript


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "show",
        help=summary,
        description="Parse one transcript file and show what quotecheck understood of it.",
        epilog="example:\n  quotecheck show corpus/2024-01-28-background-press-call-"
        "counternarcotics-working-group-beijing.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("transcript", help="transcript file")
    p.add_argument("--transcript-format", metavar="NAME", help="transcript format, if not detected")
    p.add_argument("--words", type=int, default=24, help="words of each turn to show (default 24)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    transcript = load_transcript(args.transcript, format=args.transcript_format)
    sys.stdout.write(format_transcript(transcript, words=args.words).rstrip() + "\n")
    return 0
