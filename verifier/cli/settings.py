"""``--config FILE``: a quotecheck.yaml's settings as defaults for the options not given."""

from __future__ import annotations

import argparse

from verifier.config import CONFIG_NAME


def add_config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config", metavar="FILE",
        help=f"settings file: thresholds, corpus, speakers, fail_on (default: ./{CONFIG_NAME} if present)",
    )
