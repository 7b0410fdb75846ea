"""``quotecheck batch DIR_OR_GLOB --out report.jsonl``: many articles, in parallel, resumable."""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import os
import sys
import time
from pathlib import Path

from verifier.batch.pool import BatchSummary, collect_paths, run_batch
from verifier.cli.common import add_corpus_options, open_verifier, settings_from_args
from verifier.cli.settings import add_config_option
from verifier.errors import InputError
from verifier.models import Severity
from verifier.session import Settings, Verifier

EXAMPLE = """examples:
  quotecheck batch articles/ --out report.jsonl
  quotecheck batch 'archive/2024-*/**/*.html' --out report.jsonl --jobs 4 --fail-on warn
  quotecheck batch articles/ --out report.jsonl --resume     # after an interruption

Each line of --out is one article's report (as `article --format json`) plus "path" and
"sha256", or {"path", "error"} for an article that cannot be read.
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "batch",
        help=summary,
        description="Verify every article under a folder (or matching a glob) into one JSON line each.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("target", metavar="DIR_OR_GLOB", help="folder of articles, or a glob")
    p.add_argument("--out", metavar="FILE", required=True, help="JSONL report to write")
    add_corpus_options(p)
    p.add_argument("--jobs", type=positive_int, default=os.cpu_count() or 1,
                   help="worker processes (default: all cores)")
    p.add_argument("--resume", action="store_true",
                   help="keep --out and skip the articles it already holds (same path and content)")
    p.add_argument("--fail-on", choices=["warn", "fail"], default=None,
                   help="exit 1 at or above this severity (default: fail, or the config's)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on Dask: 'local' (a local cluster of --jobs workers) or a scheduler "
                        "address like tcp://10.0.0.5:8786 (needs pip install 'quotecheck[dask]')")
    p.add_argument("--ship-index", action="store_true",
                   help="with --scheduler: send the corpus index file to every worker")
    p.add_argument("--connect-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="with --scheduler: how long to wait for the scheduler (default: 10)")
    add_config_option(p)
    p.set_defaults(run=run)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}")
    return value


def open_quietly(settings: Settings, parent: int) -> Verifier:
    """The run's session; its notes and warnings shown by the parent process only."""
    notes = io.StringIO()
    with contextlib.redirect_stderr(notes):
        verifier = open_verifier(settings)
    if os.getpid() == parent:
        sys.stderr.write(notes.getvalue())
    return verifier


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    paths = collect_paths(args.target)
    check_corpus(settings)
    source = None
    if args.scheduler:
        from verifier.batch.cluster import source_for

        source = source_for(settings, scheduler=args.scheduler, jobs=args.jobs,
                            ship_index=args.ship_index, timeout=args.connect_timeout)
    progress = Meter()
    summary = run_batch(
        paths, functools.partial(open_quietly, settings, os.getpid()), args.out,
        jobs=args.jobs, resume=args.resume, progress=progress, source=source,
    )
    progress.done()
    for warning in summary.warnings:
        sys.stderr.write(f"quotecheck: warning: {warning}\n")
    sys.stderr.write(summary_line(summary) + "\n")
    if summary.articles == 0:
        return 2
    worst = summary.worst()
    return 1 if worst is not None and worst.rank >= Severity(settings.fail_on).rank else 0


def check_corpus(settings: Settings) -> None:
    """Fail early, once, on a corpus that does not exist (workers would each fail)."""
    for name in settings.corpus.transcripts:
        if not Path(name).is_file():
            raise InputError("transcript not found", path=name)
    folder = settings.corpus.folder
    if folder and not Path(folder).exists():
        raise InputError("corpus not found", path=folder)


def summary_line(s: BatchSummary) -> str:
    c = s.counts
    skipped = f" ({s.skipped} already done)" if s.skipped else ""
    return (
        f"batch: {s.processed} articles verified{skipped}, {s.errors} errors; "
        f"in the report: {s.articles} articles, {s.quotes} quotes: "
        f"{c['ok']} ok, {c['warn']} warn, {c['fail']} fail; "
        f"{s.seconds:.1f} s, {s.rate:.2f} articles/s"
    )


class Meter:
    """Progress on stderr: a \\r counter on a terminal, else a line every 15 seconds."""

    def __init__(self, *, every: float = 15.0) -> None:
        self.tty = sys.stderr.isatty()
        self.started = self.last = time.monotonic()
        self.every = every
        self.shown = False

    def __call__(self, n: int, total: int) -> None:
        now = time.monotonic()
        rate = n / (now - self.started) if now > self.started else 0.0
        text = f"batch: {n}/{total} articles, {rate:.1f}/s"
        if self.tty:
            sys.stderr.write(f"\r{text}\x1b[K")
            sys.stderr.flush()
            self.shown = True
        elif now - self.last >= self.every:
            sys.stderr.write(text + "\n")
            self.last = now

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
