"""quotecheck article end to end: every format, exit codes, stdin, and bad input in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.samples import OK_ARTICLE, small_corpus, write_articles


@pytest.fixture()
def env(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    return small_corpus(tmp_path), write_articles(tmp_path / "articles")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "verifier", "article", *args], input=stdin,
                            capture_output=True, cwd=REPO, timeout=120)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode("utf-8"), result.stderr.decode("utf-8"))


def test_text_report(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, articles = env
    r = run(str(articles["fail"]), "--corpus", str(corpus))
    assert r.returncode == 1 and r.stderr == ""
    assert r.stdout.startswith(f"{articles['fail']}: 1 quotes, 1 fail, 0 warn, 0 ok\n")
    assert "== FAIL (1) ==" in r.stdout and "altered / anonymous" in r.stdout
    assert "[-increases-] {+reductions+}" in r.stdout
    assert "\x1b[" not in r.stdout


def test_json_report(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, articles = env
    r = run(str(articles["ok"]), "--corpus", str(corpus), "--format", "json")
    assert r.returncode == 0
    report = json.loads(r.stdout)
    assert report["schema"] == "quotecheck.report/1"
    assert report["summary"] == {"ok": 1, "warn": 0, "fail": 0}
    assert report["corpus"]["transcripts"] == 1
    (f,) = report["findings"]
    text = articles["ok"].read_text("utf-8")
    assert text[f["quote"]["start"] : f["quote"]["end"]].startswith("We\u2019re starting")
    assert f["quote"]["attributed_to"] == "a senior administration official"
    assert (f["fidelity"], f["attribution"]) == ("verbatim", "anonymous")


def test_yaml_report_is_the_json_report(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, articles = env
    as_yaml = run(str(articles["warn"]), "--corpus", str(corpus), "--format", "yaml")
    as_json = run(str(articles["warn"]), "--corpus", str(corpus), "--format", "json")
    assert as_yaml.returncode == as_json.returncode == 0
    assert yaml.safe_load(as_yaml.stdout) == json.loads(as_json.stdout)


def test_markdown_report(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, articles = env
    r = run(str(articles["fail"]), "--corpus", str(corpus), "--format", "markdown")
    assert r.returncode == 1
    assert r.stdout.startswith("## Quote check: ")
    assert "| # | Severity | Quote | Credited | Verdict | Source |" in r.stdout
    assert "| 1 | FAIL |" in r.stdout and "altered, anonymous" in r.stdout
    assert "### 1. FAIL:" in r.stdout


@pytest.mark.parametrize("name, fail_on, status", [
    ("ok", "warn", 0), ("ok", "fail", 0), ("warn", "fail", 0), ("warn", "warn", 1),
    ("fail", "fail", 1), ("fail", "warn", 1), ("warn", None, 0),
])
def test_exit_status_with_fail_on(
    env: tuple[Path, dict[str, Path]], name: str, fail_on: str | None, status: int
) -> None:
    corpus, articles = env
    extra = ["--fail-on", fail_on] if fail_on else []
    r = run(str(articles[name]), "--corpus", str(corpus), "--format", "json", *extra)
    assert r.returncode == status, r.stderr


def test_stdin(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, _ = env
    r = run("-", "--corpus", str(corpus), "--format", "json", stdin=OK_ARTICLE.encode("utf-8"))
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["article"]["path"] is None and report["summary"]["ok"] == 1


def one_line_error(r: subprocess.CompletedProcess[str], words: str) -> None:
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith("quotecheck: ")
    assert words in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("content, words", [
    (None, "article not found"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4, "looks binary"),
    (b"", "is empty"),
    (b"caf\xe9 \"quote\" said he\n", "not valid UTF-8"),
])
def test_a_missing_or_unreadable_article_is_exit_2_and_one_line(
    env: tuple[Path, dict[str, Path]], tmp_path: Path, content: bytes | None, words: str
) -> None:
    corpus, _ = env
    path = tmp_path / "story.txt"
    if content is not None:
        path.write_bytes(content)
    one_line_error(run(str(path), "--corpus", str(corpus)), words)


def test_binary_stdin_is_exit_2_and_one_line(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, _ = env
    one_line_error(run("-", "--corpus", str(corpus), stdin=b"\x00\x01\x02" * 50), "looks binary")


def test_bad_format_is_a_usage_error(env: tuple[Path, dict[str, Path]]) -> None:
    corpus, articles = env
    r = run(str(articles["ok"]), "--corpus", str(corpus), "--format", "pdf")
    assert r.returncode == 2 and "invalid choice" in r.stderr
