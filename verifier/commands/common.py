"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..corpus import BUNDLED_CORPUS, Corpus
from ..errors import InputError
from ..filters import DocFilter, FilteredSpace, filtered
from ..index import open_corpus_dir
from ..models import Finding, Severity
from ..search_space import SearchSpace
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
    add_index_options(p)


def add_index_options(p: argparse.ArgumentParser) -> None:
    """The persistent index and the transcript filters (see ``quotecheck index``)."""
    g = p.add_argument_group("index and filters")
    g.add_argument("--index", metavar="PATH",
                   help="the corpus index (default: DIR/.quotecheck-index.sqlite when present)")
    g.add_argument("--no-index", action="store_true",
                   help="parse the folder in memory even when it has an index")
    g.add_argument("--from", dest="date_from", metavar="DATE",
                   help="only transcripts on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    g.add_argument("--to", dest="date_to", metavar="DATE",
                   help="only transcripts on or before DATE")
    g.add_argument("--said-by", "--in-speaker", dest="said_by", metavar="NAME",
                   help="only transcripts where NAME speaks (a label or a name: Kirby, MR. KIRBY)")
    g.add_argument("--transcript-id", metavar="ID", action="append",
                   help="only this transcript (repeatable)")


def say(message: str) -> None:
    """A diagnostic line on stderr."""
    sys.stderr.write(f"quotecheck: {message}\n")


def open_corpus(args: argparse.Namespace) -> SearchSpace:
    """The corpus the options name: given transcript files, a folder, or the bundled one."""
    if getattr(args, "transcript", None):
        fmt = getattr(args, "transcript_format", None)
        return Corpus(
            [load_transcript(p, format=fmt, require_speakers=True) for p in args.transcript],
            path=None,
        )
    path = Path(args.corpus) if getattr(args, "corpus", None) else BUNDLED_CORPUS
    if not path.exists():
        raise InputError("corpus not found", path=str(path))
    corpus = open_corpus_dir(
        path,
        index_path=getattr(args, "index", None),
        use_index=path.is_dir()
        and not getattr(args, "no_index", False)
        and not os.environ.get("QUOTECHECK_NO_INDEX"),
        build_missing=path.resolve() == BUNDLED_CORPUS.resolve(),
        strict=getattr(args, "strict", False),
        note=say,
    )
    for warning in corpus.warnings:
        sys.stderr.write(f"quotecheck: warning: {warning}\n")
    flt = DocFilter(
        date_from=getattr(args, "date_from", None),
        date_to=getattr(args, "date_to", None),
        speaker=getattr(args, "said_by", None),
        transcript_ids=tuple(getattr(args, "transcript_id", None) or ()),
    )
    space = filtered(corpus, flt)
    if isinstance(space, FilteredSpace) and not space.allowed_count:
        sys.stderr.write("quotecheck: warning: no transcript matches the filters\n")
    return space


def exit_status(findings: Sequence[Finding], fail_on: str) -> int:
    """1 when any finding is at or above the --fail-on level, else 0."""
    level = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= level for f in findings) else 0
