"""Build ``verifier/data/lexicon.txt.gz`` from a Princeton WordNet 3.0 ``dict`` folder.

The judge needs two facts no word list written by hand gets right at scale: which
words are antonyms ("increases" for "reductions" flips a claim) and whether two nouns
name the same kind of thing ("captives" for "hostages") or different things
("shipments" for "seizures"). WordNet holds both. Run once, offline, and commit the
output; nothing reads WordNet at run time:

    python3 -m verifier.text.lexicon_build /path/to/wordnet-3.0 verifier/data/lexicon.txt.gz

The output is plain text: ``A word word`` lines are antonym pairs; ``N word id id ...``
lines give a single-word noun its synsets; ``H id id ...`` lines give a synset
its direct hypernyms. Ids are renumbered densely, in base 36. WordNet's licence
(``verifier/data/LEXICON-LICENSE``) permits this use with its notice kept.
"""

from __future__ import annotations

import gzip
import sys
from collections import defaultdict
from pathlib import Path

_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}


def _synsets(folder: Path, pos: str) -> dict[str, tuple[list[str], list[tuple[str, str, str, str]]]]:
    """offset -> (words, pointers (symbol, target offset, target pos, source/target))."""
    out = {}
    for line in (folder / f"data.{pos}").read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        head = line.split(" | ", 1)[0].split()
        offset, w_cnt = head[0], int(head[3], 16)
        words = [head[4 + 2 * i].lower() for i in range(w_cnt)]
        k = 4 + 2 * w_cnt
        p_cnt = int(head[k])
        ptrs = []
        for i in range(p_cnt):
            sym, target, tpos, st = head[k + 1 + 4 * i : k + 5 + 4 * i]
            ptrs.append((sym, target, tpos, st))
        out[offset] = (words, ptrs)
    return out


def _bare(word: str) -> str | None:
    """A single word without WordNet's adjective marker ("big(a)"); None for phrases."""
    word = word.split("(", 1)[0]
    return None if "_" in word or "-" in word else word


def build(folder: Path) -> list[str]:
    """The lexicon's lines."""
    lines: list[str] = []
    antonyms: set[tuple[str, str]] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        synsets = _synsets(folder, pos)
        for words, ptrs in synsets.values():
            for sym, target, tpos, _ in ptrs:
                if sym != "!" or _POS_FILES[tpos] != pos or target not in synsets:
                    continue
                # synset to synset: "reduction" (a sister of "decrease") against "increase"
                here, there = words, synsets[target][0]
                for a in filter(None, map(_bare, here)):
                    for b in filter(None, map(_bare, there)):
                        if a != b:
                            antonyms.add((min(a, b), max(a, b)))
    lines += [f"A {a} {b}" for a, b in sorted(antonyms)]
    nouns = _synsets(folder, "noun")
    ids = {off: _b36(i) for i, off in enumerate(sorted(nouns))}
    members: dict[str, list[str]] = defaultdict(list)
    for off, (words, _) in nouns.items():
        for w in filter(None, map(_bare, words)):
            if ids[off] not in members[w]:
                members[w].append(ids[off])
    lines += [f"N {w} {' '.join(v)}" for w, v in sorted(members.items())]
    for off, (_, ptrs) in sorted(nouns.items()):
        hyper = [ids[t] for sym, t, tpos, _ in ptrs if sym in ("@", "@i") and tpos == "n"]
        if hyper:
            lines.append(f"H {ids[off]} {' '.join(hyper)}")
    return lines


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def main(argv: list[str]) -> int:
    folder, target = Path(argv[0]), Path(argv[1])
    data = ("\n".join(build(folder)) + "\n").encode("utf-8")
    target.write_bytes(gzip.compress(data, mtime=0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
