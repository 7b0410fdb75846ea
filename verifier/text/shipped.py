"""The vocabulary files shipped in ``verifier/data``, parsed once per process.

They are ours, not the user's, so they are read with libyaml's C loader when it is
there (about ten times faster than the pure-Python one, which cost a third of
``quotecheck check``'s start) and with no line-number bookkeeping.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"  # package data, installed beside the code
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def shipped_data(name: str) -> Any:
    """The parsed content of ``verifier/data/NAME``."""
    text = (DATA / name).read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, on our own file
