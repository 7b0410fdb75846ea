"""Wall time of `quotecheck article` on a 1,500-word, 12-quote story against the bundled corpus.

    python3 bench/article_timing.py [ARTICLE] [--runs N] [--corpus DIR]

Prints the wall time of the whole command (start-up, corpus or index open,
extraction, verification, report) over N runs, then the same steps timed in one
process. A benchmark prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "bench" / "data" / "long-wire-1500.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", metavar="DIR", help="default: the bundled corpus")
    args = parser.parse_args()
    if not Path(args.article).exists():
        maker = ROOT / "bench" / "make_long_article.py"
        subprocess.run([sys.executable, str(maker), args.article], check=True)
    words = len(Path(args.article).read_text("utf-8").split())
    cmd = [sys.executable, "-m", "verifier", "article", args.article, "--format", "json"]
    if args.corpus:
        cmd += ["--corpus", args.corpus]
    for label, extra in (("with the corpus index", []), ("without it (--no-index)", ["--no-index"])):
        walls: list[float] = []
        report: dict[str, object] = {}
        for _ in range(args.runs):
            t0 = time.perf_counter()
            done = subprocess.run([*cmd, *extra], capture_output=True, text=True, cwd=ROOT)
            walls.append(time.perf_counter() - t0)
            if done.returncode == 2:
                sys.exit(done.stderr)
            report = json.loads(done.stdout)
        findings = report["findings"]
        assert isinstance(findings, list)
        if not extra:
            print(f"article: {args.article} ({words} words, {len(findings)} quotes), {report['summary']}")
            print(f"corpus:  {report['corpus']}")
        print(f"quotecheck article {label}, wall over {args.runs} runs: min {min(walls):.2f} s, "
              f"median {statistics.median(walls):.2f} s, max {max(walls):.2f} s")
    in_process(args)


def in_process(args: argparse.Namespace) -> None:
    """The same work in one process, step by step."""
    t0 = time.perf_counter()
    from verifier.articles.loaders import load_article
    from verifier.session import CorpusOptions, Settings, Verifier

    t1 = time.perf_counter()
    verifier = Verifier.open(Settings(corpus=CorpusOptions(folder=args.corpus)))
    corpus = verifier.space
    t2 = time.perf_counter()
    article = load_article(args.article)
    findings = verifier.verify_article(article)
    t3 = time.perf_counter()
    again = [time.perf_counter()]
    verifier.verify_article(article)
    again.append(time.perf_counter())
    print(f"in one process: imports {t1 - t0:.2f} s, "
          f"open corpus ({len(corpus)} transcripts) {t2 - t1:.2f} s, "
          f"load + verify {len(findings)} quotes {t3 - t2:.2f} s "
          f"({(t3 - t2) / max(len(findings), 1) * 1000:.0f} ms/quote), "
          f"again warm {again[1] - again[0]:.2f} s")


if __name__ == "__main__":
    main()
