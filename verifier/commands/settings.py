"""``--config FILE``: a quotecheck.yaml's settings as defaults for the options not given."""

from __future__ import annotations

import argparse

from ..config import CONFIG_NAME, Config, load_config


def add_config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config", metavar="FILE",
        help=f"settings file: thresholds, corpus, speakers, fail_on (default: ./{CONFIG_NAME} if present)",
    )


def apply_config(args: argparse.Namespace) -> Config:
    """Load the config; fill --corpus and --fail-on when not given; set policy and aliases."""
    config = load_config(getattr(args, "config", None))
    if config.corpus and not getattr(args, "corpus", None) and not getattr(args, "transcript", None):
        args.corpus = config.corpus
    if hasattr(args, "fail_on") and args.fail_on is None:
        args.fail_on = config.fail_on or "fail"
    args.policy = config.policy
    args.aliases = config.aliases
    return config
