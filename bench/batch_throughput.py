"""Articles per second of `quotecheck batch` on 200 articles: one process versus all cores.

    python3 bench/batch_throughput.py [--articles 200] [--jobs 1,2] [--corpus DIR] [--no-index] [--dask]

Generates the articles into a temporary folder by mixing the test articles (each
one a different pair of them, so every file has its own content), then runs
`quotecheck batch` once per --jobs value and prints wall time and throughput. With --dask,
the same articles also run on a local Dask cluster (one per --jobs value) and on a
`dask scheduler` with workers over tcp on 127.0.0.1, printing the ratio to the process pool
and Dask's overhead per article.
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
    from verifier.articles.loaders import load_article

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


def run(folder: Path, out: Path, args: argparse.Namespace, label: str, extra: list[str]) -> tuple[float, int]:
    """One `quotecheck batch` run: print its line, return (wall seconds, quotes)."""
    cmd = [sys.executable, "-m", "verifier", "batch", str(folder), "--out", str(out), *extra]
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
    print(f"{label}: {len(lines)} lines, {quotes} quotes, wall {wall:.1f} s, "
          f"{len(lines) / wall:.1f} articles/s, {quotes / wall:.1f} quotes/s (wall, with start-up); "
          f"{summary}")
    return wall, quotes


def tcp_cluster(tmp: Path, workers: int) -> tuple[str, list[subprocess.Popen[bytes]]]:
    """A `dask scheduler` and ``workers`` `dask worker` processes on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dask = str(Path(sys.executable).with_name("dask"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": tmp}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], **quiet)]  # type: ignore[call-overload]
    address = f"tcp://127.0.0.1:{port}"
    procs += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard",
                                "--local-directory", str(tmp / f"w{k}")], **quiet)  # type: ignore[call-overload]
              for k in range(workers)]
    time.sleep(4)  # workers register
    return address, procs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}")
    parser.add_argument("--corpus", metavar="DIR", help="default: the bundled corpus")
    parser.add_argument("--no-index", action="store_true", help="parse the corpus in every worker")
    parser.add_argument("--dask", action="store_true",
                        help="also Dask: --scheduler local with each --jobs value, and over tcp")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qc-batch-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        words = make_articles(folder, args.articles)
        print(f"{args.articles} articles, {words} words, in {folder}; {os.cpu_count()} cores")
        jobs_list = [int(j) for j in args.jobs.split(",")]
        pool: dict[int, float] = {}
        for jobs in jobs_list:
            pool[jobs], _ = run(folder, Path(tmp) / f"report-{jobs}.jsonl", args, f"pool --jobs {jobs}",
                                ["--jobs", str(jobs)])
        if not args.dask:
            return
        for jobs in jobs_list:
            wall, _ = run(folder, Path(tmp) / f"dask-{jobs}.jsonl", args, f"dask local, {jobs} workers",
                          ["--jobs", str(jobs), "--scheduler", "local"])
            print(f"  dask/pool throughput ratio {pool[jobs] / wall:.2f}; Dask overhead "
                  f"{(wall - pool[jobs]) * 1000 / args.articles:.1f} ms per article (wall, with start-up)")
        workers = max(jobs_list)
        address, procs = tcp_cluster(Path(tmp), workers)
        try:
            wall, _ = run(folder, Path(tmp) / "dask-tcp.jsonl", args, f"dask tcp, {workers} workers",
                          ["--scheduler", address])
            print(f"  dask-tcp/pool throughput ratio {pool[workers] / wall:.2f}; Dask overhead "
                  f"{(wall - pool[workers]) * 1000 / args.articles:.1f} ms per article (wall, with start-up)")
        finally:
            for proc in procs:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    main()
