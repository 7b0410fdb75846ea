"""Articles per second of `quotecheck batch` on 200 articles: one process versus all cores.

    python3 bench/batch_throughput.py [--articles 200] [--jobs 1,2] [--corpus DIR] [--no-index]

Generates the articles into a temporary folder by mixing the test articles (each
one a different pair of them, so every file has its own content), then runs
`quotecheck batch` once per --jobs value and prints wall time and throughput.
A benchmark prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"


def make_articles(folder: Path, n: int, seed: int = 11) -> int:
    """Write ``n`` plain-text articles, each two test articles' bodies joined; return total words."""
    sys.path.insert(0, str(ROOT))
    from verifier.article_loaders import load_article

    bodies = [
        load_article(p).text
        for p in sorted(ARTICLES.iterdir())
        if p.suffix in (".txt", ".md", ".html") and p.name != "labels.yaml"
    ]
    rng = random.Random(seed)
    words = 0
    for k in range(n):
        a, b = rng.sample(bodies, 2)
        text = f"Story {k}.\n\n{a.strip()}\n\n{b.strip()}\n"
        words += len(text.split())
        (folder / f"story-{k:04}.txt").write_text(text, "utf-8")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}")
    parser.add_argument("--corpus", metavar="DIR", help="default: the bundled corpus")
    parser.add_argument("--no-index", action="store_true", help="parse the corpus in every worker")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qc-batch-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = make_articles(folder, args.articles)
        print(f"{args.articles} articles, {words} words, in {folder}; {os.cpu_count()} cores")
        for jobs in [int(j) for j in args.jobs.split(",")]:
            out = Path(tmp) / f"report-{jobs}.jsonl"
            cmd = [sys.executable, "-m", "verifier", "batch", str(folder), "--out", str(out),
                   "--jobs", str(jobs)]
            cmd += ["--corpus", args.corpus] if args.corpus else []
            cmd += ["--no-index"] if args.no_index else []
            t0 = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            wall = time.perf_counter() - t0
            if done.returncode == 2:
                sys.exit(done.stderr)
            lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
            quotes = sum(len(x.get("findings", ())) for x in lines)
            summary = done.stderr.strip().splitlines()[-1]
            print(f"--jobs {jobs}: {len(lines)} lines, {quotes} quotes, wall {wall:.1f} s, "
                  f"{len(lines) / wall:.1f} articles/s (wall, with start-up); {summary}")


if __name__ == "__main__":
    main()
