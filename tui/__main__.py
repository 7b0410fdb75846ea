"""``python -m tui ARTICLE``: the review UI, the same as ``quotecheck review``."""

from __future__ import annotations

import sys

from verifier.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["review", *sys.argv[1:]]))
