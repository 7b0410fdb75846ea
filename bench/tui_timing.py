"""Time the review screen: launch to first finding drawn, and to all findings, headless.

Runs the real app (bundled corpus unless --corpus) on an article, several times, and
prints each run and the median. Usage:
    python bench/tui_timing.py [ARTICLE] [--corpus DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.app import create_app  # noqa: E402
from tui.launch import build_source  # noqa: E402
from verifier.session import CorpusOptions, Settings  # noqa: E402


async def one_run(article: str, corpus: str | None) -> dict[str, float]:
    """Seconds from app launch to the first finding drawn and to every finding drawn."""
    t0 = time.monotonic()
    source = build_source(article, Settings(corpus=CorpusOptions(folder=corpus)))
    from dataclasses import replace

    app = create_app(replace(source, review_path=None))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.review_screen
        while "all_findings_drawn" not in screen.timings:
            await pilot.pause(0.01)
        offset = screen.started - t0
        return {
            "first_drawn": screen.timings["first_finding_drawn"] + offset,
            "all_drawn": screen.timings["all_findings_drawn"] + offset,
            "quotes": float(len(screen.items)),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", default=str(Path(__file__).with_name("twenty-quotes.md")))
    parser.add_argument("--corpus", help="corpus folder (default: the bundled corpus)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for n in range(args.runs):
        r = asyncio.run(one_run(args.article, args.corpus))
        runs.append(r)
        print(f"run {n + 1}: {int(r['quotes'])} quotes, first finding drawn {r['first_drawn']:.2f}s, "
              f"all findings drawn {r['all_drawn']:.2f}s")
    print(f"median of {args.runs}: first finding drawn "
          f"{statistics.median(r['first_drawn'] for r in runs):.2f}s, "
          f"all findings drawn {statistics.median(r['all_drawn'] for r in runs):.2f}s")


if __name__ == "__main__":
    main()
