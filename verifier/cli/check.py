"""``quotecheck check "QUOTE"``: verify one quote typed on the command line."""

from __future__ import annotations

import argparse
import sys

from verifier.about import wants_color
from verifier.cli.common import add_corpus_options, exit_status, open_verifier, settings_from_args
from verifier.cli.settings import add_config_option
from verifier.errors import InputError
from verifier.models import Quote
from verifier.report.render import finding_text, finding_to_dict, to_json, to_yaml
from verifier.text.tokens import tokenize

EXAMPLE = """example:
  quotecheck check "We're starting to see reductions in seizures of precursors at some U.S. \
airports already" --speaker "a senior administration official"
"""


def add_parser(sub: argparse._SubParsersAction, summary: str) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "check",
        help=summary,
        description="Find the quote in the corpus, diff it word by word, judge it.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("quote", help="the quoted words, as the article prints them")
    p.add_argument("--speaker", metavar="NAME", help="who the article credits")
    add_corpus_options(p)
    p.add_argument("--format", choices=["text", "json", "yaml"], default="text")
    p.add_argument("--fail-on", choices=["warn", "fail"], default=None,
                   help="exit 1 at or above this severity (default: fail, or the config's)")
    add_config_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not tokenize(args.quote):
        raise InputError("the quote has no words to check")
    settings = settings_from_args(args)
    finding = open_verifier(settings).verify_quote(Quote.typed(args.quote, attributed_to=args.speaker))
    if args.format == "json":
        sys.stdout.write(to_json(finding_to_dict(finding)) + "\n")
    elif args.format == "yaml":
        sys.stdout.write(to_yaml(finding_to_dict(finding)))
    else:
        sys.stdout.write(finding_text(finding, color=wants_color(sys.stdout)) + "\n")
    return exit_status([finding], settings.fail_on)
