"""How long `quotecheck check "…"` takes end to end on the bundled index, against a bare
Python start and a Python start that imports numpy, interleaved in the same run.

    python3 bench/cli_start.py [--runs 15]

The target (issue: a CLI that starts fast) is under 0.25 s wall for the check on an idle
2-core machine; the ratios to the bare start are what to compare between runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUOTE = "We're starting to see reductions in seizures of precursors at some U.S. airports already"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import numpy'": [sys.executable, "-c", "import numpy"],
    "quotecheck --help": [sys.executable, "-m", "verifier", "--help"],
    "quotecheck check": [sys.executable, "-m", "verifier", "check", QUOTE,
                         "--speaker", "a senior administration official"],
}


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    wall(COMMANDS["quotecheck check"])  # builds the bundled index if it is missing or stale
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            times[name].append(wall(cmd))
    base = statistics.median(times["python -c pass"])
    print(f"{'command':28} {'median s':>9} {'min s':>7} {'x bare start':>13}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:28} {med:9.3f} {min(ts):7.3f} {med / base:13.1f}")


if __name__ == "__main__":
    main()
