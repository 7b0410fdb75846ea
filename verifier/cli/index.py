"""``quotecheck index DIR``: build or update a folder's persistent index (SQLite)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from verifier.cli.paths import check_index_path
from verifier.corpus.index import build_index
from verifier.corpus.memory import BUNDLED_CORPUS
from verifier.errors import InputError

EXAMPLE = """examples:
  quotecheck index corpus/
  quotecheck index ~/archive --index /fast/disk/archive.sqlite
  quotecheck check "..." --corpus ~/archive --index /fast/disk/archive.sqlite
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "index",
        help=summary,
        description="Parse every transcript of a folder once and store words, postings and "
        "parsed transcripts in an SQLite file. Running it again parses only files whose "
        "content changed. Every command uses the index when it is there.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("dir", nargs="?", help="corpus folder (default: the bundled corpus)")
    p.add_argument("--index", metavar="PATH",
                   help="where to write the index (default: DIR/.quotecheck-index.sqlite)")
    p.add_argument("--full", action="store_true", help="rebuild from scratch, parsing every file")
    p.add_argument("--workers", type=int, metavar="N", help="parsing processes (default: one a core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


class ProgressBar:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream: object = sys.stderr) -> None:
        self.stream = stream
        self.last = 0.0
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        fill = width * done // total if total else width
        line = f"{stage:<14} [{'#' * fill}{'.' * (width - fill)}] {done}/{total}"
        end = "\r" if self.tty and done < total else "\n"
        if not self.tty and done < total and done:
            return  # a log file gets the start and the end of each stage only
        self.stream.write(line + end)  # type: ignore[attr-defined]
        self.stream.flush()  # type: ignore[attr-defined]


def run(args: argparse.Namespace) -> int:
    root = Path(args.dir) if args.dir else BUNDLED_CORPUS
    if not root.is_dir():
        raise InputError("corpus folder not found", path=str(root))
    if args.workers is not None and args.workers < 1:
        raise InputError(f"--workers must be 1 or more, got {args.workers}")
    check_index_path(args.index)
    stats = build_index(
        root,
        args.index,
        progress=None if args.quiet else ProgressBar(),
        full=args.full,
        workers=args.workers,
    )
    sys.stdout.write(stats.summary() + "\n")
    return 0
