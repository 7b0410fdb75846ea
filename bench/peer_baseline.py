"""The peer baseline beside quotecheck: one eval file, both scored by the same code.

The peer is the script a fact-checker would write instead of using quotecheck:
rapidfuzz ``partial_ratio_alignment`` of the quote against every transcript, the best
transcript wins, the verdict by fixed thresholds (>= 99.5 verbatim, >= 90 minor_edits,
>= 75 altered, else not_found), no speakers. It lives in ``verifier/eval/peer.py`` so
``quotecheck eval --peer`` prints the same columns; this script adds the time each took.

    python3 bench/peer_baseline.py tests/eval/real-news.yaml \\
        --corpus ../shared/corpora/wh-briefings --index /tmp/wh.sqlite --small-corpus
"""

from __future__ import annotations

import argparse
import sys
import time

from verifier.cli.eval import small_space
from verifier.eval.peer import PeerBaseline
from verifier.eval.render import format_comparison
from verifier.eval.scoreboard import Scores, evaluate, load_eval
from verifier.session import CorpusOptions, Verifier, open_space


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", default="tests/eval/real-news.yaml")
    p.add_argument("--corpus", metavar="DIR")
    p.add_argument("--index", metavar="PATH")
    p.add_argument("--small-corpus", action="store_true")
    args = p.parse_args()
    evalset = load_eval(args.file)
    space = open_space(CorpusOptions(folder=args.corpus, index=args.index),
                       note=lambda m: sys.stderr.write(m + "\n"))
    n = len(evalset.cases)
    columns: list[tuple[str, Scores]] = []
    spaces = [("", space)] + ([(" (small)", small_space(evalset, space))] if args.small_corpus else [])
    for name, sp in spaces:
        t0 = time.perf_counter()
        ours = evaluate(evalset, Verifier(sp))
        t1 = time.perf_counter()
        peer = evaluate(evalset, PeerBaseline(sp))
        t2 = time.perf_counter()
        columns += [(f"quotecheck{name}", ours), (f"peer{name}", peer)]
        print(f"time per quote{name}: quotecheck {1000 * (t1 - t0) / n:.1f} ms, "
              f"peer {1000 * (t2 - t1) / n:.1f} ms (ratio {(t2 - t1) / (t1 - t0):.1f})")
    sys.stdout.write(format_comparison(columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
