"""quotecheck batch --scheduler: the same lines as the process pool from a Dask cluster, and its faults."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.samples import small_corpus
from verifier.cli import main

pytest.importorskip("distributed")

ARTICLES = Path(__file__).parent / "data" / "articles"


def copies(folder: Path, rounds: int) -> list[Path]:
    """The test articles, ``rounds`` times over, each copy with its own path."""
    made = []
    for k in range(rounds):
        for src in sorted(ARTICLES.iterdir()):
            if src.suffix in (".txt", ".md", ".html") and src.is_file():
                dst = folder / f"r{k}" / src.name
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                made.append(dst)
    return made


def by_path(out: Path) -> dict[str, dict[str, Any]]:
    found = [json.loads(raw) for raw in out.read_text("utf-8").splitlines()]
    paths = [line["path"] for line in found]
    assert len(paths) == len(set(paths)), "an article was written twice"
    return {line["path"]: line for line in found}


@pytest.fixture(scope="module")
def pool_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Two rounds of the test articles against a one-file corpus, through the process pool."""
    root = tmp_path_factory.mktemp("pool")
    corpus = small_corpus(root)
    copies(root / "articles", 2)
    out = root / "pool.jsonl"
    assert main(["batch", str(root / "articles"), "--out", str(out), "--corpus", str(corpus),
                 "--jobs", "2"]) in (0, 1)
    return root, by_path(out)


def test_local_cluster_writes_the_process_pools_lines(
    pool_report: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    root, expected = pool_report
    out = tmp_path / "dask.jsonl"
    status = main(["batch", str(root / "articles"), "--out", str(out), "--corpus", str(root / "corpus"),
                   "--jobs", "2", "--scheduler", "local"])
    assert status in (0, 1)
    assert by_path(out) == expected


def test_shipped_index_gives_the_same_lines(
    pool_report: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    root, _ = pool_report
    corpus = tmp_path / "corpus"
    shutil.copytree(root / "corpus", corpus)
    index = tmp_path / "elsewhere.sqlite"
    assert main(["index", str(corpus), "--index", str(index), "--quiet"]) == 0
    given = ["--corpus", str(corpus), "--index", str(index), "--jobs", "1"]
    assert main(["batch", str(root / "articles"), "--out", str(tmp_path / "pool.jsonl"), *given]) in (0, 1)
    out = tmp_path / "dask.jsonl"
    status = main(["batch", str(root / "articles"), "--out", str(out), *given,
                   "--scheduler", "local", "--ship-index"])
    assert status in (0, 1)
    assert by_path(out) == by_path(tmp_path / "pool.jsonl")


def test_unreachable_scheduler_is_one_line_exit_2(tmp_path: Path) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "a.txt").write_text('He said "hello there" today.\n', "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "verifier.cli", "batch", str(tmp_path / "a.txt"), "--out",
         str(tmp_path / "r.jsonl"), "--scheduler", f"tcp://127.0.0.1:{port}", "--connect-timeout", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert "cannot reach the Dask scheduler" in proc.stderr and "Traceback" not in proc.stderr


def test_without_the_extra_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('He said "hello there" today.\n', "utf-8")
    code = (
        "import sys; sys.modules['distributed'] = None\n"
        "from verifier.cli import main\n"
        f"sys.exit(main(['batch', {str(tmp_path / 'a.txt')!r}, '--out', {str(tmp_path / 'r.jsonl')!r},"
        " '--scheduler', 'local']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "quotecheck: the --scheduler option needs Dask: pip install 'quotecheck[dask]'")


def _raising_opener(index: str | None) -> Any:
    from verifier.errors import InputError

    raise InputError("index is not readable here", path="/nowhere/index.sqlite")


def test_worker_that_cannot_open_the_corpus_fails_the_run_naming_it(tmp_path: Path) -> None:
    from verifier.batch.cluster import results
    from verifier.errors import InputError

    article = tmp_path / "a.txt"
    article.write_text('He said "hello there" today.\n', "utf-8")
    with pytest.raises(InputError) as exc:
        list(results([(str(article), None)], _raising_opener, scheduler="local", jobs=1))
    assert "worker tcp://127.0.0.1:" in str(exc.value)
    assert "index is not readable here" in str(exc.value)


class _Broken:
    path = None

    def __len__(self) -> int:
        return 0


def _broken_opener(index: str | None) -> Any:
    return _Broken()


def test_an_article_that_raises_is_an_error_line(tmp_path: Path) -> None:
    from verifier.batch.cluster import results

    paths = [tmp_path / f"{k}.txt" for k in range(3)]
    for p in paths:
        p.write_text('The official said "we will keep working on it" on Monday.\n', "utf-8")
    lines = list(results([(str(p), "x") for p in paths], _broken_opener,
                         scheduler="local", jobs=1))
    assert sorted(line["path"] for line in lines) == sorted(map(str, paths))
    assert all("error" in line and line["sha256"] == "x" for line in lines)


def _wait_lines(out: Path, n: int, proc: subprocess.Popen[str], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError(f"fewer than {n} lines in {out}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_worker_killed_mid_run_loses_nothing(
    pool_report: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    root, expected = pool_report
    dask = shutil.which("dask") or str(Path(sys.executable).with_name("dask"))
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started: list[subprocess.Popen[str]] = []
    try:
        started.append(subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True))
        workers = [subprocess.Popen(
            [dask, "worker", address, "--no-nanny", "--nthreads", "1", "--no-dashboard",
             "--local-directory", str(tmp_path / f"w{k}")],
            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
            for k in range(2)]
        started += workers
        out = tmp_path / "dask.jsonl"
        client = subprocess.Popen(
            [sys.executable, "-m", "verifier.cli", "batch", str(root / "articles"), "--out", str(out),
             "--corpus", str(root / "corpus"), "--scheduler", address, "--connect-timeout", "30"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(client)
        _wait_lines(out, 3, client)
        os.kill(workers[0].pid, signal.SIGKILL)
        assert client.poll() is None and out.read_bytes().count(b"\n") < len(expected)  # mid-run
        _, err = client.communicate(timeout=180)
        assert client.returncode in (0, 1), err
        assert by_path(out) == expected  # every article exactly once, the same lines
    finally:
        for proc in reversed(started):
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)


def test_resume_after_the_client_is_killed(
    pool_report: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    root, expected = pool_report
    out = tmp_path / "dask.jsonl"
    cmd = [sys.executable, "-m", "verifier.cli", "batch", str(root / "articles"), "--out", str(out),
           "--corpus", str(root / "corpus"), "--scheduler", "local", "--jobs", "1"]
    client = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        _wait_lines(out, 3, client)
    finally:
        os.killpg(client.pid, signal.SIGKILL)  # the client and the local cluster it started
        client.wait(timeout=30)
    partial = len(out.read_bytes().splitlines())
    assert partial < len(expected)
    proc = subprocess.run([*cmd, "--resume"], cwd=REPO, capture_output=True, text=True, timeout=180)
    assert proc.returncode in (0, 1), proc.stderr
    assert "already done" in proc.stderr
    assert by_path(out) == expected
