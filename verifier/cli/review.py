"""``quotecheck review ARTICLE``: open the article's quotes in the Textual review UI."""

from __future__ import annotations

import argparse
import asyncio
import sys

from verifier.cli.common import add_corpus_options, settings_from_args
from verifier.cli.settings import add_config_option
from verifier.errors import InputError

EXAMPLE = """examples:
  quotecheck review examples/counternarcotics-story.md
  quotecheck review story.md --corpus transcripts/ --theme textual-light
  quotecheck review story.md --screenshot docs/review.svg --size 120x36

Decisions are saved at once to ARTICLE.review.yaml beside the article
(story.md -> story.review.yaml); fold them into a report with
  quotecheck article story.md --review story.review.yaml
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "review",
        help=summary,
        description="Open the article's quotes for review: list, aligned diff, attribution, context.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help="article file (.txt, .md, .html, claims .yaml)")
    add_corpus_options(p)
    add_config_option(p)
    p.add_argument("--theme", metavar="NAME", help="Textual theme, e.g. textual-dark, textual-light")
    p.add_argument("--screenshot", metavar="SVG", help="render headless, save an SVG screenshot, exit")
    p.add_argument("--size", metavar="WxH", default="120x36", help="terminal size for --screenshot")
    p.add_argument("--select", metavar="N", type=int, default=1, help="quote to show in --screenshot")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tui.app import create_app  # the UI is imported only when asked for
    from tui.launch import build_source, run_app

    source = build_source(args.file, settings_from_args(args))
    app = create_app(source, theme=args.theme)
    if args.screenshot:
        from tui.screenshot import save_screenshot

        try:
            width, height = (int(x) for x in args.size.lower().split("x"))
        except ValueError:
            raise InputError(f"--size must look like 120x36, not {args.size!r}") from None
        path = asyncio.run(save_screenshot(app, args.screenshot, size=(width, height), select=args.select))
        sys.stderr.write(f"quotecheck: screenshot written to {path}\n")
        return 0
    return int(run_app(app))
