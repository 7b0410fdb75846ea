"""Parse the whole White House archive and print how well it went.

    python3 bench/parse_archive.py [DIR] [--workers N]

Prints files, transcripts, turns, the share of turns whose speaker resolved to
a name or a role, warnings, duplicates and the wall time. A benchmark prints
numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verifier.corpus.files import corpus_counts, load_corpus_files, speaker_resolved  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/wh-briefings"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(DEFAULT))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--unresolved", type=int, default=15, help="list the N commonest")
    args = parser.parse_args()
    started = time.perf_counter()
    load = load_corpus_files(args.root, workers=args.workers)
    elapsed = time.perf_counter() - started
    turns, resolved = corpus_counts(load)
    unresolved: Counter[str] = Counter()
    no_speaker = 0
    for t in load.transcripts:
        no_speaker += not t.has_speakers
        for turn in t.turns:
            if not speaker_resolved(turn.speaker.role, turn.speaker.name):
                unresolved[turn.speaker.label or "(none)"] += 1
    print(f"files        {load.files_seen}")
    print(f"transcripts  {len(load.transcripts)}  (no speaker labels: {no_speaker})")
    print(f"turns        {turns}")
    print(f"resolved     {resolved / max(turns, 1):.2%}  (a name, or reporter/moderator/anonymous)")
    print(f"failures     {len(load.warnings)}")
    for w in load.warnings[:20]:
        print(f"  {w}")
    print(f"duplicates   {len(load.duplicates)}")
    for d in load.duplicates[:10]:
        print(f"  {d.path} = {d.same_as}")
    print(f"time         {elapsed:.1f} s")
    if args.unresolved:
        print("commonest unresolved labels:")
        for label, n in unresolved.most_common(args.unresolved):
            print(f"  {n:>6}  {label}")


if __name__ == "__main__":
    main()
