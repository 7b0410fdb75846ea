"""The real command run in a folder, and a YAML alias bomb: shared by the bad-input table
and the hostile-input tests, which both feed quotecheck what a careless or hostile user might."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

Result = subprocess.CompletedProcess[str]

# A "billion laughs": nine levels of nine-fold aliases expand to 9**9 strings.
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def run(*args: str, cwd: Path, stdin: str | bytes | None = None, timeout: float = 60.0) -> Result:
    """``python -m verifier ARGS`` in ``cwd``, output decoded leniently (a bad byte in an
    error message must fail an assertion, not the decoding), killed after ``timeout``."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run(
        [sys.executable, "-m", "verifier", *args],
        cwd=cwd,
        env=env,
        input=data,
        capture_output=True,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )
