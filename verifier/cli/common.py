"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from verifier.cli.paths import check_index_path
from verifier.models import Finding, Severity
from verifier.report.effective import Effective
from verifier.session import CorpusOptions, Settings, Verifier


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


def corpus_options(args: argparse.Namespace) -> CorpusOptions:
    """The corpus options of a subcommand's arguments (every one of them optional)."""
    if not getattr(args, "no_index", False):
        check_index_path(getattr(args, "index", None))
    return CorpusOptions(
        folder=getattr(args, "corpus", None),
        transcripts=tuple(getattr(args, "transcript", None) or ()),
        transcript_format=getattr(args, "transcript_format", None),
        strict=getattr(args, "strict", False),
        index=getattr(args, "index", None),
        use_index=not getattr(args, "no_index", False),
        date_from=getattr(args, "date_from", None),
        date_to=getattr(args, "date_to", None),
        said_by=getattr(args, "said_by", None),
        transcript_ids=tuple(getattr(args, "transcript_id", None) or ()),
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The typed settings of a run: the command line over quotecheck.yaml over the defaults."""
    return Settings.load(getattr(args, "config", None), corpus_options(args),
                         fail_on=getattr(args, "fail_on", None))


def open_verifier(settings: Settings) -> Verifier:
    """The session the settings name; the corpus's notes and warnings go to stderr."""
    verifier = Verifier.open(settings, note=say)
    for warning in verifier.warnings:
        sys.stderr.write(f"quotecheck: warning: {warning}\n")
    return verifier


def exit_status(
    findings: Sequence[Finding], fail_on: str, *, verdicts: Sequence[Effective] | None = None
) -> int:
    """1 when any finding is at or above the --fail-on level, else 0.

    With ``verdicts`` (a reviewer's decisions laid on) the severities that count decide.
    """
    level = Severity(fail_on).rank
    severities = [v.severity for v in verdicts] if verdicts is not None else [f.severity for f in findings]
    return 1 if any(s.rank >= level for s in severities) else 0

