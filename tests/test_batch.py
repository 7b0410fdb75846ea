"""quotecheck batch: one JSON line per article, parallel, exit codes, and resume after a crash."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import REPO
from tests.samples import small_corpus, write_articles
from verifier.batch.pool import collect_paths, run_batch
from verifier.cli import main
from verifier.corpus.memory import Corpus

ARTICLES = Path(__file__).parent / "data" / "articles"


def lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(raw) for raw in out.read_text("utf-8").splitlines()]


def by_path(out: Path) -> dict[str, dict[str, Any]]:
    found = lines(out)
    paths = [line["path"] for line in found]
    assert len(paths) == len(set(paths)), "an article was written twice"
    return {line["path"]: line for line in found}


@pytest.fixture()
def setup(tmp_path: Path) -> tuple[Path, dict[str, Path], Path]:
    corpus = small_corpus(tmp_path)
    articles = write_articles(tmp_path / "articles")
    return corpus, articles, tmp_path / "report.jsonl"


def batch(*args: str) -> int:
    return main(["batch", *args])


def test_one_line_per_article_with_path_hash_and_report(
    setup: tuple[Path, dict[str, Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, articles, out = setup
    status = batch(str(articles["ok"].parent), "--out", str(out), "--corpus", str(corpus), "--jobs", "1")
    err = capsys.readouterr().err
    assert status == 1  # fail.txt fails
    got = by_path(out)
    assert sorted(got) == sorted(str(p) for p in articles.values())
    schema = json.loads(resources.files("verifier").joinpath("data/report.schema.json").read_text("utf-8"))
    v = Draft202012Validator({**schema, "$ref": "#/$defs/BatchLine"})
    for name, path in articles.items():
        line = got[str(path)]
        assert list(v.iter_errors(line)) == []
        assert line["summary"][name] == 1 and line["findings"][0]["severity"] == name
        assert line["corpus"]["transcripts"] == 1
        assert line["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "batch: 3 articles verified, 0 errors" in err
    assert "3 quotes: 1 ok, 1 warn, 1 fail" in err and "articles/s" in err
    assert "\r" not in err  # not a terminal: no counter line


def test_parallel_jobs_give_the_same_lines(setup: tuple[Path, dict[str, Path], Path]) -> None:
    corpus, articles, out = setup
    for n in range(4):  # a few more, so both workers get some
        shutil.copy(ARTICLES / "split-quotes-working-group.txt", articles["ok"].parent / f"more-{n}.txt")
    folder = str(articles["ok"].parent)
    batch(folder, "--out", str(out), "--corpus", str(corpus), "--jobs", "1")
    one = by_path(out)
    batch(folder, "--out", str(out), "--corpus", str(corpus), "--jobs", "2")
    two = by_path(out)
    assert len(one) == 7 and one == two


@pytest.mark.parametrize("names, fail_on, status", [
    (["ok"], None, 0), (["ok", "warn"], None, 0), (["ok", "warn"], "warn", 1), (["fail"], None, 1),
])
def test_exit_status_follows_the_worst_finding(
    setup: tuple[Path, dict[str, Path], Path], names: list[str], fail_on: str | None, status: int
) -> None:
    corpus, articles, out = setup
    for name in set(articles) - set(names):
        articles[name].unlink()
    extra = ["--fail-on", fail_on] if fail_on else []
    assert batch(str(articles["ok"].parent), "--out", str(out), "--corpus", str(corpus), *extra) == status


def test_an_unreadable_article_is_an_error_line_and_a_warning(
    setup: tuple[Path, dict[str, Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, articles, out = setup
    folder = articles["ok"].parent
    (folder / "binary.txt").write_bytes(b"\x00\x01PNG\x00" * 10)
    (folder / "empty.md").write_text("", "utf-8")
    status = batch(str(folder), "--out", str(out), "--corpus", str(corpus), "--jobs", "2")
    err = capsys.readouterr().err
    assert status == 1
    got = by_path(out)
    assert len(got) == 5
    assert "looks binary" in got[str(folder / "binary.txt")]["error"]
    assert "empty" in got[str(folder / "empty.md")]["error"]
    assert f"quotecheck: warning: {folder / 'binary.txt'}: article looks binary" in err
    assert ", 2 errors;" in err


def test_nothing_processed_is_exit_2(setup: tuple[Path, dict[str, Path], Path], tmp_path: Path) -> None:
    corpus, _, out = setup
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"\x00\x00")
    assert batch(str(bad), "--out", str(out), "--corpus", str(corpus)) == 2
    assert "error" in lines(out)[0]


def test_no_articles_or_bad_options_is_one_line_and_exit_2(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "verifier", "batch", *args],
                              capture_output=True, text=True, cwd=REPO, timeout=120)

    nothing = run(str(tmp_path / "nope-*.txt"), "--out", str(tmp_path / "r.jsonl"))
    assert nothing.returncode == 2 and "no articles found" in nothing.stderr
    assert len(nothing.stderr.splitlines()) == 1
    assert run(str(ARTICLES), "--out", str(tmp_path / "r.jsonl"), "--jobs", "0").returncode == 2
    assert run(str(ARTICLES)).returncode == 2  # --out is required
    missing = run(str(ARTICLES), "--out", str(tmp_path / "r.jsonl"), "--corpus", str(tmp_path / "none"))
    assert missing.returncode == 2 and "corpus not found" in missing.stderr


def test_glob_and_folder_selection(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    (folder / "sub").mkdir(parents=True)
    for name in ("x.txt", "sub/y.md", "sub/z.html", "w.htm", "c.yaml", "skip.json", "x.review.yaml"):
        (folder / name).write_text("text", "utf-8")
    names = [p.relative_to(folder).as_posix() for p in collect_paths(folder)]
    assert names == ["c.yaml", "sub/y.md", "sub/z.html", "w.htm", "x.txt"]
    assert [p.name for p in collect_paths(f"{folder}/**/*.md")] == ["y.md"]


def test_resume_after_a_torn_last_line_loses_nothing_and_duplicates_nothing(
    setup: tuple[Path, dict[str, Path], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, articles, out = setup
    folder = str(articles["ok"].parent)
    batch(folder, "--out", str(out), "--corpus", str(corpus), "--jobs", "1")
    full = by_path(out)
    data = out.read_bytes()
    last = data.rstrip(b"\n").rfind(b"\n") + 1
    out.write_bytes(data[: last + (len(data) - last) // 2])  # a crash in the middle of the last line
    capsys.readouterr()
    assert batch(folder, "--out", str(out), "--corpus", str(corpus), "--resume") == 1
    err = capsys.readouterr().err
    assert "dropped a partial last line" in err
    assert "1 articles verified (2 already done)" in err
    assert "in the report: 3 articles, 3 quotes" in err
    assert by_path(out) == full
    # nothing left to do: the report and the exit status stay the same
    assert batch(folder, "--out", str(out), "--corpus", str(corpus), "--resume") == 1
    assert by_path(out) == full
    # an article whose content changed is verified again
    articles["warn"].write_text(articles["ok"].read_text("utf-8"), "utf-8")
    batch(folder, "--out", str(out), "--corpus", str(corpus), "--resume")
    assert len(lines(out)) == 4 and lines(out)[-1]["path"] == str(articles["warn"])


def test_resume_after_a_killed_run(setup: tuple[Path, dict[str, Path], Path]) -> None:
    corpus, articles, out = setup
    folder = articles["ok"].parent
    for n in range(12):
        shutil.copy(ARTICLES / "liveblog-beijing-counternarcotics.txt", folder / f"blog-{n:02}.txt")
    cmd = [sys.executable, "-m", "verifier", "batch", str(folder), "--out", str(out),
           "--corpus", str(corpus), "--jobs", "2"]
    proc = subprocess.Popen(cmd, cwd=REPO, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.01)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = out.read_bytes().count(b"\n")
    resumed = subprocess.run([*cmd, "--resume"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 1, resumed.stderr
    got = by_path(out)
    assert sorted(got) == sorted(str(p) for p in collect_paths(folder))
    assert f"({before} already done)" in resumed.stderr or before == 0


def test_run_batch_library_call(setup: tuple[Path, dict[str, Path], Path]) -> None:
    corpus, articles, out = setup
    seen: list[tuple[int, int]] = []
    summary = run_batch(
        sorted(articles.values()), functools.partial(Corpus.from_path, corpus), out,
        jobs=2, progress=lambda n, total: seen.append((n, total)),
    )
    assert (summary.processed, summary.errors, summary.quotes) == (3, 0, 3)
    assert summary.counts == {"ok": 1, "warn": 1, "fail": 1} and summary.rate > 0
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_workers_open_the_corpus_themselves_when_not_forked(
    setup: tuple[Path, dict[str, Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import verifier.batch.pool as batch_module
    from verifier.errors import QuotecheckError

    monkeypatch.setattr(batch_module.multiprocessing, "get_start_method", lambda: "spawn")
    corpus, articles, out = setup
    summary = run_batch(sorted(articles.values()), functools.partial(Corpus.from_path, corpus), out, jobs=2)
    assert summary.processed == 3 and summary.counts == {"ok": 1, "warn": 1, "fail": 1}
    with pytest.raises(QuotecheckError, match="cannot open the corpus"):
        run_batch(sorted(articles.values()), functools.partial(Corpus.from_path, corpus / "no"), out, jobs=2)
