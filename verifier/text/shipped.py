"""The vocabulary files shipped in ``verifier/data``, parsed once per process.

They are ours, not the user's, so they are read with libyaml's C loader when it is
there (about ten times faster than the pure-Python one, which cost a third of
``quotecheck check``'s start) and with no line-number bookkeeping.

Even libyaml builds every value in Python (about 10 ms of a check's start for the
files a check reads), so the parsed data is also kept as a pickle in
``verifier/data/__pycache__``, as Python keeps bytecode: stamped with the YAML file's
size and modification time, used only while both match, written when it can be (a
read-only install just parses the YAML each time).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"  # package data, installed beside the code
CACHE = DATA / "__pycache__"
_FORMAT = 1  # bump when what is cached, or how, changes


@cache
def shipped_data(name: str) -> Any:
    """The parsed content of ``verifier/data/NAME``."""
    source = DATA / name
    st = source.stat()
    stamp = (_FORMAT, sys.version_info[:2], st.st_size, st.st_mtime_ns)
    cached = CACHE / f"{name}.pickle"
    try:
        with cached.open("rb") as fh:
            got_stamp, data = pickle.load(fh)  # noqa: S301 - our own file, beside our own code
        if got_stamp == stamp:
            return data
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass
    data = _parse(source.read_text("utf-8"))
    _store(cached, (stamp, data))
    return data


def _parse(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, on our own file


def _store(path: Path, value: object) -> None:
    """Write the cache whole or not at all (a reader never sees half a file)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(exist_ok=True)
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
