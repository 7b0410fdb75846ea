"""Index build, open and per-quote times, and recall@1, against an exhaustive rapidfuzz baseline.

    python3 bench/bench_index.py            # the bundled corpus and the whole wh-briefings archive
    python3 bench/bench_index.py --small    # a few transcripts and quotes (CI runs this)

For each corpus: the index is built from scratch in a scratch folder of links to
the transcripts (the corpus itself is never written), timed with its size and
peak memory; one file is changed and the incremental update timed; then a fixed
set of quotes (seeded) drawn from the corpus and perturbed the way articles do
is checked by quotecheck (``verify_quote`` end to end: candidates, alignment,
diff, verdict) and by the baseline: ``fuzz.partial_ratio_alignment`` of the
quote against every transcript's spoken words, best score wins.

A quote counts as found (recall@1) when the best match overlaps the passage it
was drawn from, or is the very same words elsewhere (a passage said twice); a
quote not in the corpus counts as found when the answer is "not found"
(quotecheck: ``not_found``; baseline: best score under ``BASELINE_NOT_FOUND``).
A benchmark prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz  # noqa: E402

from verifier.corpus.files import corpus_paths  # noqa: E402
from verifier.corpus.index import IndexedCorpus, build_index  # noqa: E402
from verifier.corpus.memory import BUNDLED_CORPUS  # noqa: E402
from verifier.models import Fidelity, Quote  # noqa: E402
from verifier.session import verify_quote  # noqa: E402
from verifier.text.tokens import tokenize  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "corpora" / "wh-briefings"
KINDS = ("exact", "dropped", "changed", "case_punct", "ellipsis", "two_edits", "three_words", "absent")
BASELINE_NOT_FOUND = 75.0  # a best partial_ratio under this is the baseline's "not found"


@dataclass(frozen=True, slots=True)
class Case:
    kind: str
    text: str
    doc: int  # where it was drawn from (-1: not in the corpus)
    start: int  # char span of the source passage in that transcript
    end: int
    words: tuple[str, ...]  # the source passage's words


def scratch_copy(root: Path, dest: Path, limit: int | None) -> Path:
    """A folder of hard links (else copies) of the corpus's transcripts and its speakers.yaml.

    Not symlinks: a corpus skips symlinks that leave its folder.
    """
    dest.mkdir(parents=True)
    paths = corpus_paths(root)[:limit] if limit else corpus_paths(root)
    for p in paths:
        _link_or_copy(p, dest / p.relative_to(root))
    if (root / "speakers.yaml").is_file():
        _link_or_copy(root / "speakers.yaml", dest / "speakers.yaml")
    return dest


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source.resolve(), target)
    except OSError:
        shutil.copyfile(source, target)


def timed_build(folder: Path, index: Path, *, full: bool) -> tuple[float, str, int]:
    """Build in a child process; (seconds, summary line, peak RSS in MB of the largest process)."""
    cmd = [sys.executable, "-m", "verifier", "index", str(folder), "--index", str(index), "--quiet"]
    if full:
        cmd.append("--full")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return seconds, out.strip(), peak // 1024


def draw_cases(corpus: IndexedCorpus, n: int, seed: int) -> list[Case]:
    """``n`` quotes, as many of each kind, drawn from one speaker's turn each."""
    rng = random.Random(seed)
    vocab = corpus._vocab()  # noqa: SLF001 - words to swap in
    cases: list[Case] = []
    for k in range(n):
        kind = KINDS[k % len(KINDS)]
        while True:
            case = draw_one(corpus, rng, kind, vocab)
            if case is not None:
                cases.append(case)
                break
    return cases


def draw_one(corpus: IndexedCorpus, rng: random.Random, kind: str, vocab: list[str]) -> Case | None:
    d = rng.randrange(len(corpus))
    toks = corpus.tokens(d)
    t = corpus.transcript(d)
    size = 3 if kind == "three_words" else rng.randint(8, 22)
    need = size + (70 if kind == "ellipsis" else 0)
    if len(toks.norms) < need + 2:
        return None
    i = rng.randrange(len(toks.norms) - need)
    turn = toks.turns[i]
    if toks.turns[i + need - 1] != turn:
        return None
    if t.turns[turn].speaker.label in ("Q", ""):
        return None  # quotes come from the officials' answers
    text = t.text
    start, end = toks.starts[i], toks.ends[i + size - 1]
    words = tuple(toks.norms[i : i + size])
    passage = text[start:end]
    if kind == "ellipsis":
        j = i + size + rng.randint(8, 60)
        size2 = rng.randint(5, 10)
        end = toks.ends[j + size2 - 1]
        passage = passage + " ... " + text[toks.starts[j] : end]
        words = tuple(toks.norms[i : j + size2])
    elif kind in ("dropped", "changed", "two_edits"):
        ws = passage.split()
        if len(ws) < 6:
            return None
        if kind in ("changed", "two_edits"):
            p = rng.randrange(1, len(ws) - 1)
            ws[p] = rng.choice(vocab)
        if kind in ("dropped", "two_edits"):
            del ws[rng.randrange(1, len(ws) - 1)]
        passage = " ".join(ws)
    elif kind == "case_punct":
        passage = passage.lower().replace(",", "").replace(".", "").replace("?", "") + "."
        passage = passage[0].upper() + passage[1:]
    elif kind == "absent":  # words from all over the corpus, in no order anyone said them
        ws = []
        while len(ws) < size:
            other = corpus.tokens(rng.randrange(len(corpus)))
            if len(other.norms):
                ws.append(other.norms[rng.randrange(len(other.norms))])
        return Case(kind, " ".join(ws).capitalize() + ".", -1, 0, 0, ())
    return Case(kind, passage, d, start, end, words)


def correct(corpus: IndexedCorpus, case: Case, doc: int | None, start: int, end: int) -> bool:
    if case.doc < 0:
        return doc is None
    if doc is None:
        return False
    if doc == case.doc and start < case.end and case.start < end:
        return True
    toks = corpus.tokens(doc)
    words = tuple(w for s, w in zip(toks.starts, toks.norms, strict=True) if start <= s < end)
    return words == case.words


def run_quotecheck(corpus: IndexedCorpus, cases: list[Case]) -> tuple[list[float], list[bool]]:
    times, hits = [], []
    for case in cases:
        started = time.perf_counter()
        finding = verify_quote(Quote.typed(case.text), corpus)
        times.append(time.perf_counter() - started)
        m = finding.match
        if m is None or finding.fidelity is Fidelity.NOT_FOUND:
            hits.append(correct(corpus, case, None, 0, 0))
        else:
            doc = corpus.doc_index(m.transcript.id)
            hits.append(correct(corpus, case, doc, m.span.start, m.span.end))
    return times, hits


def run_baseline(
    corpus: IndexedCorpus, cases: list[Case]
) -> tuple[list[float], list[bool], float]:
    """Every transcript's spoken words against the quote's words; best score wins."""
    started = time.perf_counter()
    texts: list[str] = []
    maps: list[list[int]] = []  # char offset in the joined words -> word index
    for d in range(len(corpus)):
        norms = list(corpus.tokens(d).norms)
        texts.append(" ".join(norms))
        owner: list[int] = []
        for k, w in enumerate(norms):
            owner.extend([k] * (len(w) + 1))
        maps.append(owner)
    prep = time.perf_counter() - started
    times, hits = [], []
    for case in cases:
        q = " ".join(t.norm for t in tokenize(case.text))
        started = time.perf_counter()
        best = (-1.0, -1, 0, 0)
        for d, text in enumerate(texts):
            r = fuzz.partial_ratio_alignment(q, text, score_cutoff=best[0] if best[0] > 0 else 0)
            if r is not None and r.score > best[0]:
                best = (r.score, d, r.dest_start, r.dest_end)
        times.append(time.perf_counter() - started)
        score, d, a, b = best
        if score < BASELINE_NOT_FOUND or d < 0:
            hits.append(correct(corpus, case, None, 0, 0))
            continue
        toks = corpus.tokens(d)
        owner = maps[d]
        w0, w1 = owner[min(a, len(owner) - 1)], owner[max(min(b, len(owner)) - 1, 0)]
        hits.append(correct(corpus, case, d, toks.starts[w0], toks.ends[w1]))
    return times, hits, prep


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))] if s else 0.0


def bench_corpus(name: str, root: Path, *, limit: int | None, quotes: int, seed: int,
                 baseline: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="qc-bench-") as tmp:
        folder = scratch_copy(root, Path(tmp) / "corpus", limit)
        index = Path(tmp) / "index.sqlite"
        build_s, summary, peak = timed_build(folder, index, full=True)
        size = index.stat().st_size
        first = corpus_paths(folder)[len(corpus_paths(folder)) // 2]
        text = first.read_text()
        first.unlink()
        first.write_text(text.replace(" the ", " the very ", 1))
        started = time.perf_counter()
        stats = build_index(folder, index)
        update_s = time.perf_counter() - started
        started = time.perf_counter()
        corpus = IndexedCorpus(index, root=folder)
        open_s = time.perf_counter() - started
        started = time.perf_counter()
        verify_quote(Quote.typed("the first quote after opening"), corpus)
        first_s = time.perf_counter() - started
        words = sum(len(corpus.tokens(d).norms) for d in range(len(corpus)))
        cases = draw_cases(corpus, quotes, seed)
        corpus = IndexedCorpus(index, root=folder)  # cold caches for the timed run
        qc_times, qc_hits = run_quotecheck(corpus, cases)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        if baseline:
            b_times, b_hits, prep = run_baseline(corpus, cases)
        else:
            b_times, b_hits, prep = [], [], 0.0
        print(f"\n== {name}: {len(corpus)} transcripts, {words:,} words ({root})")
        print(f"index build (full, 2 cores)   {build_s:8.1f} s   size {size / 1e6:7.1f} MB   "
              f"peak RSS {peak} MB")
        print(f"  {summary}")
        print(f"incremental (1 file changed)  {update_s:8.2f} s   [{stats.mode}: "
              f"+{stats.added} ~{stats.changed} -{stats.deleted}, parsed {stats.parsed}]")
        print(f"open index                    {open_s * 1000:8.1f} ms  first quote {first_s * 1000:.1f} ms "
              f"(open to first answer {(open_s + first_s) * 1000:.0f} ms)")
        print(f"quotes {len(cases)} (seed {seed}); quotecheck process peak RSS {rss} MB"
              + (f"; baseline text prep {prep:.1f} s" if baseline else ""))
        header = (f"{'kind':<12} {'n':>4} | {'qc med ms':>9} {'qc p95 ms':>9} {'qc rec@1':>8} | "
                  f"{'base med ms':>11} {'base p95 ms':>11} {'base rec@1':>10} | {'speedup':>7}")
        print(header)
        print("-" * len(header))
        for kind in (*KINDS, "all"):
            idx = [i for i, c in enumerate(cases) if kind in ("all", c.kind)]
            qt = [qc_times[i] * 1000 for i in idx]
            qh = [qc_hits[i] for i in idx]
            line = (f"{kind:<12} {len(idx):>4} | {statistics.median(qt):9.2f} {pct(qt, .95):9.2f} "
                    f"{sum(qh) / len(qh):8.1%} | ")
            if baseline:
                bt = [b_times[i] * 1000 for i in idx]
                bh = [b_hits[i] for i in idx]
                ratio = statistics.median(bt) / max(statistics.median(qt), 1e-9)
                line += (f"{statistics.median(bt):11.1f} {pct(bt, .95):11.1f} {sum(bh) / len(bh):10.1%}"
                         f" | {ratio:6.0f}x")
            else:
                line += f"{'-':>11} {'-':>11} {'-':>10} | {'-':>7}"
            print(line)
        misses = [c for c, h in zip(cases, qc_hits, strict=True) if not h]
        for c in misses[:8]:
            print(f"  quotecheck missed [{c.kind}]: {c.text[:90]!r}")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="a few transcripts and quotes (CI)")
    parser.add_argument("--quotes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--archive", default=str(ARCHIVE))
    parser.add_argument("--no-archive", action="store_true", help="the bundled corpus only")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    baseline = not args.no_baseline
    if args.small:
        bench_corpus("bundled corpus (first 24 files)", BUNDLED_CORPUS, limit=24,
                     quotes=16, seed=args.seed, baseline=baseline)
        return
    bench_corpus("bundled corpus", BUNDLED_CORPUS, limit=None, quotes=args.quotes,
                 seed=args.seed, baseline=baseline)
    archive = Path(args.archive)
    if not args.no_archive and archive.is_dir():
        bench_corpus("wh-briefings archive", archive, limit=None, quotes=args.quotes,
                     seed=args.seed, baseline=baseline)
    elif not args.no_archive:
        print(f"\n(archive not found at {archive}: skipped)")


if __name__ == "__main__":
    main()
