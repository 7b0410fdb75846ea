"""The quotecheck command: argument parsing -> pipeline -> report -> exit status.

Errors are turned into one line on stderr and exit status 2 here, and only here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from enum import IntEnum
from importlib import metadata

from .errors import QuotecheckError


class ExitStatus(IntEnum):
    """0 verified, 1 findings at or above --fail-on, 2 usage or input error."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


def version() -> str:
    try:
        return metadata.version("quotecheck")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def wants_color(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    return (
        "NO_COLOR" not in os.environ
        and hasattr(stream, "isatty")
        and bool(stream.isatty())
    )


class Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one clear line on a usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"quotecheck: error: {message}\n(see: quotecheck --help)\n")
        raise SystemExit(ExitStatus.ERROR)


def build_parser() -> argparse.ArgumentParser:
    from .commands import COMMANDS

    parser = Parser(
        prog="quotecheck",
        description="Check quotes in news articles against official transcripts, word by word.",
    )
    parser.add_argument("--version", action="version", version=f"quotecheck {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    raise SystemExit(main())
