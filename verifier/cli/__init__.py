"""The quotecheck command: argument parsing -> a Verifier session -> report -> exit status.

Errors are turned into one line on stderr and exit status 2 here, and only here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from enum import IntEnum
from importlib import import_module

from verifier.about import version, wants_color
from verifier.errors import QuotecheckError

__all__ = ["ExitStatus", "Parser", "build_parser", "main", "version", "wants_color"]


class ExitStatus(IntEnum):
    """0 verified, 1 findings at or above --fail-on, 2 usage or input error."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


class Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line on a usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"quotecheck: error: {message} (see: {self.prog} --help)\n")
        raise SystemExit(ExitStatus.ERROR)


class VersionAction(argparse.Action):
    """``--version``: the package metadata is read only when asked for (it costs 25 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"quotecheck {version()}\n")
        raise SystemExit(ExitStatus.OK)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv``, only the subcommand it names is imported and built in full.

    The others are listed by name and summary, so ``quotecheck --help`` still shows them
    all, while ``quotecheck check`` does not pay for importing the UI or the batch pool.
    """
    from verifier.cli.commands import COMMANDS

    parser = Parser(
        prog="quotecheck",
        description="Check quotes in news articles against official transcripts, word by word.",
    )
    parser.add_argument("--version", action=VersionAction, nargs=0, help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    everything = argv is None  # a caller that wants the whole parser (docs, completion)
    wanted = None if argv is None else next((a for a in argv if not a.startswith("-")), None)
    for command in COMMANDS:
        if everything or command.name == wanted:
            import_module(f"verifier.cli.{command.module}").add_parser(sub, command.summary)
        else:
            sub.add_parser(command.name, help=command.summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    try:
        status = int(args.run(args))
    except QuotecheckError as exc:
        sys.stderr.write(f"quotecheck: {exc}\n")
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        sys.stderr.write("quotecheck: interrupted\n")
        return 130
    except BrokenPipeError:
        return ExitStatus.OK
    return status

