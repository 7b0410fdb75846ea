"""How long `quotecheck check "…"` takes end to end on the bundled index, against a bare
Python start and a Python start that imports numpy, interleaved in the same run.

    python3 bench/cli_start.py [--runs 15] [--compare OTHER_CHECKOUT]

The target (issue: a CLI that starts fast) is under 0.25 s wall for the check on an idle
2-core machine; the ratios to the bare start are what to compare between runs. CPU time
(user + system of the child) is printed beside wall time: on a machine others are using
it moves much less than wall time does.

Bytecode is compiled first, as an installed package has it: with PYTHONDONTWRITEBYTECODE
set and no ``__pycache__``, every start would compile every module again (about 0.2 s)
and that would be measured instead. ``--compare`` times another checkout's check (say,
the commit before a change) in the same interleaved runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUOTE = "We're starting to see reductions in seizures of precursors at some U.S. airports already"
CHECK = ["-m", "verifier", "check", QUOTE, "--speaker", "a senior administration official"]
COMMANDS: dict[str, tuple[list[str], Path]] = {
    "python -c pass": ([sys.executable, "-c", "pass"], REPO),
    "python -c 'import numpy'": ([sys.executable, "-c", "import numpy"], REPO),
    "quotecheck --help": ([sys.executable, "-m", "verifier", "--help"], REPO),
    "quotecheck check": ([sys.executable, *CHECK], REPO),
}


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one run; ``-m verifier`` runs the checkout in ``cwd``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    after = os.times()
    cpu = after.children_user - before.children_user + after.children_system - before.children_system
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--compare", metavar="DIR", help="another checkout whose check is timed alongside")
    args = ap.parse_args()
    commands = dict(COMMANDS)
    if args.compare:
        commands[f"check in {Path(args.compare).name}"] = ([sys.executable, *CHECK], Path(args.compare))
    for _, cwd in commands.values():
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "verifier"],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            check=False,
        )
    for cmd, cwd in commands.values():
        run(cmd, cwd)  # builds the bundled index if it is missing or stale; warms the file cache
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (cmd, cwd) in commands.items():
            times[name].append(run(cmd, cwd))
    base_wall = statistics.median(w for w, _ in times["python -c pass"])
    base_cpu = statistics.median(c for _, c in times["python -c pass"])
    print(f"{'command':28} {'median s':>9} {'min s':>7} {'x bare start':>13} {'cpu s':>7} {'x bare cpu':>11}")
    for name, ts in times.items():
        med = statistics.median(w for w, _ in ts)
        cpu = statistics.median(c for _, c in ts)
        print(
            f"{name:28} {med:9.3f} {min(w for w, _ in ts):7.3f} {med / base_wall:13.1f}"
            f" {cpu:7.3f} {cpu / base_cpu:11.1f}"
        )


if __name__ == "__main__":
    main()
