"""The index benchmark still runs (at a small size), so it cannot rot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_bench_index_small_prints_its_table() -> None:
    out = subprocess.run(
        [sys.executable, "bench/bench_index.py", "--small"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=True,
    ).stdout
    assert "index build (full" in out
    assert "incremental (1 file changed)" in out
    for kind in ("exact", "dropped", "changed", "case_punct", "ellipsis", "two_edits",
                 "three_words", "absent", "all"):
        assert f"\n{kind} " in out
    assert "speedup" in out


def test_extraction_scaling_bench_prints_a_ratio_per_shape() -> None:
    out = subprocess.run(
        [sys.executable, "bench/extraction_scaling.py", "--small"],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=True,
    ).stdout
    for shape in ("interview Q/A", "pronoun credits", "single quotes", "statements", "pairs of names"):
        assert shape in out
    assert "ratio" in out
