"""The subcommands, by name: each module has ``add_parser(subparsers, summary)`` and sets ``run``.

Only the module of the subcommand that runs is imported, so ``quotecheck check`` does not
pay for the review UI, the batch pool or the article loaders.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    """A subcommand: its name, the module that builds it, and its one-line summary."""

    name: str
    module: str
    summary: str


COMMANDS: tuple[Command, ...] = (
    Command("check", "check", "verify one quote against the transcripts"),
    Command("article", "article",
            "verify every quote in an article (.txt, .md, .html, claims .yaml, or - for stdin)"),
    Command("batch", "batch", "verify many articles into a JSONL report, in parallel, resumable"),
    Command("corpus", "corpus", "list what a corpus folder holds, as quotecheck understood it"),
    Command("show", "show", "print a transcript's turns with the speakers quotecheck resolved"),
    Command("eval", "eval", "score the verifier on a labelled set of quotes (a measurement: exits 0)"),
    Command("review", "review",
            "review an article's quotes in the terminal UI (decisions saved beside it)"),
    Command("index", "index", "build or update a corpus folder's index, so later checks start at once"),
)
