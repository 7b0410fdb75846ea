"""Hostile and careless input: one clear line naming the file, exit 2, and no user file changed."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.cli_runs import BOMB, run
from tests.conftest import REPO
from verifier.errors import QuotecheckError
from verifier.models import Fidelity
from verifier.report.review import ReviewFile, backup_path, load_review_file, save_review_file
from verifier.yamlnodes import MAX_YAML_CHARS, load_yaml

TRANSCRIPT = REPO / "corpus" / "2024-01-28-background-press-call-counternarcotics-working-group-beijing.md"


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() + oct(p.stat().st_mode)
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".quotecheck-index" not in p.name
    }


def assert_refused(result: subprocess.CompletedProcess[str], names: str, *words: str) -> None:
    """Exit 2, one line on stderr, naming the file (and any words the message must hold)."""
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert names in lines[0], lines[0]
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A one-transcript corpus and an article, in a folder whose files must never change."""
    (tmp_path / "corpus").mkdir()
    shutil.copyfile(TRANSCRIPT, tmp_path / "corpus" / TRANSCRIPT.name)
    (tmp_path / "story.md").write_text(
        "---\ntitle: Story\n---\n\n\u201cGood morning, everybody,\u201d the moderator said.\n", "utf-8"
    )
    return tmp_path


# --- one YAML loader -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("claims.yaml", BOMB + "claims:\n  - quote: *i\n", 1),
        ("bomb.md", "---\n" + BOMB + "title: *i\n---\nBody \u201cwords here,\u201d he said.\n", 2),
        ("quotecheck.yaml", BOMB + "fail_on: *i\n", 1),
    ],
)
def test_an_alias_bomb_is_refused_fast_in_every_user_file(
    world: Path, name: str, text: str, line: int
) -> None:
    (world / name).write_text(text, "utf-8")
    before = snapshot(world)
    started = time.monotonic()
    if name == "quotecheck.yaml":
        result = run(
            "check",
            "Good morning",
            "--corpus",
            "corpus",
            "--no-index",
            "--config",
            name,
            cwd=world,
            timeout=30,
        )
    else:
        result = run("article", name, "--corpus", "corpus", "--no-index", cwd=world, timeout=30)
    assert time.monotonic() - started < 20
    assert_refused(result, f"{name}:{line}:", "alias")
    assert snapshot(world) == before


def test_an_alias_bomb_in_a_transcript_is_refused(world: Path) -> None:
    (world / "corpus" / "zz-bomb.md").write_text(
        "---\n" + BOMB + "title: *i\ndate: '2024-01-01'\n---\nMR. KIRBY: Hello there.\n", "utf-8"
    )
    before = snapshot(world)
    result = run("check", "Good morning", "--corpus", "corpus", "--no-index", cwd=world, timeout=30)
    # A bad transcript in a folder is skipped with one warning; the rest is still searched.
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "zz-bomb.md:2:" in result.stderr and "alias" in result.stderr
    assert snapshot(world) == before


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: &x 1\nb: *x\n", "alias"),
        ("a: [1, 2\n", "not valid"),
        ("!!python/object/apply:os.system [echo hi]\n", "not valid"),
        ("[" * 500 + "]" * 500, "nested"),
        ("a: 1\nb: [2024-02-30]\n", "impossible value '2024-02-30'"),
    ],
)
def test_the_loader_refuses_with_file_and_line(text: str, words: str) -> None:
    with pytest.raises(QuotecheckError) as err:
        load_yaml(text, path="f.yaml")
    assert str(err.value).startswith("f.yaml") and words in str(err.value)


def test_the_loader_caps_document_size() -> None:
    with pytest.raises(QuotecheckError, match="too large"):
        load_yaml("a: " + "x" * MAX_YAML_CHARS, path="big.yaml")


def test_the_loader_still_reads_ordinary_yaml() -> None:
    data, node = load_yaml("title: T\nclaims:\n  - quote: hi\n", path="c.yaml")
    assert data == {"title": "T", "claims": [{"quote": "hi"}]} and node is not None


# --- review files ------------------------------------------------------------------------

REVIEW = textwrap.dedent("""\
    schema: quotecheck-review/1
    article: {{sha256: abc, path: story.md}}
    decisions:
      - start: {start}
        end: 10
        quote_sha: abc
        decision: accept
    """)


@pytest.mark.parametrize("start", [".inf", "1.5", "true", "-3"])
def test_a_review_offset_that_is_not_a_whole_number_is_one_error(tmp_path: Path, start: str) -> None:
    path = tmp_path / "r.review.yaml"
    from verifier.report.review import SCHEMA

    path.write_text(REVIEW.format(start=start).replace("quotecheck-review/1", SCHEMA), "utf-8")
    with pytest.raises(QuotecheckError) as err:
        load_review_file(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_malformed_review_yaml_is_one_line(world: Path) -> None:
    (world / "story.review.yaml").write_text("decisions: [\n  - start: 1\n", "utf-8")
    before = snapshot(world)
    result = run(
        "article", "story.md", "--corpus", "corpus", "--no-index", "--review", "story.review.yaml", cwd=world
    )
    assert_refused(result, "story.review.yaml:")
    assert snapshot(world) == before


def test_saving_a_review_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "r.review.yaml"
    path.write_text("old\n", "utf-8")
    path.chmod(0o644)
    save_review_file(path, ReviewFile(article_sha="abc", version="1"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert load_review_file(path) is not None


def test_backups_of_unreadable_review_files_never_replace_each_other(tmp_path: Path) -> None:
    path = tmp_path / "r.review.yaml"
    first = backup_path(path)
    first.write_text("first broken file\n", "utf-8")
    second = backup_path(path)
    assert second != first and not second.exists()


# --- bounded work per quote -------------------------------------------------------------


def test_a_quote_past_the_word_limit_is_not_found_with_the_reason() -> None:
    from verifier import Policy
    from verifier.corpus.memory import Corpus
    from verifier.models import Quote, Span
    from verifier.session import verify_quote
    from verifier.transcripts.loader import load_transcript

    corpus = Corpus([load_transcript(TRANSCRIPT)])
    text = " ".join(["good morning everybody"] * 300)
    started = time.monotonic()
    finding = verify_quote(Quote(text=text, span=Span(start=0, end=len(text))), corpus, policy=Policy())
    assert time.monotonic() - started < 5
    assert finding.fidelity is Fidelity.NOT_FOUND
    assert any("Too long" in r for r in finding.reasons)


def test_four_hundred_common_words_are_not_found(world: Path) -> None:
    import collections
    import re

    counts = collections.Counter(re.findall(r"[a-z]+", TRANSCRIPT.read_text("utf-8").lower()))
    common = [w for w, _ in counts.most_common(300)]
    rng = random.Random(12)
    text = " ".join(rng.choice(common) for _ in range(400))
    result = run("check", text, "--corpus", "corpus", "--no-index", "--format", "json", cwd=world)
    assert '"fidelity": "not_found"' in result.stdout, result.stdout[:500]


# --- batch --out -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("story.md", "input"),
        ("corpus", "folder"),
        ("missing/report.jsonl", "does not exist"),
        ("notes.txt", "not a batch report"),
        ("one.json", "not a batch report"),
    ],
)
def test_batch_out_never_costs_a_file(world: Path, out: str, words: str) -> None:
    (world / "notes.txt").write_text("my notes\nmore notes\n", "utf-8")
    (world / "one.json").write_text('{"a": 1}', "utf-8")
    before = snapshot(world)
    result = run("batch", "story.md", "--corpus", "corpus", "--out", out, cwd=world)
    assert_refused(result, out, words)
    assert snapshot(world) == before


@pytest.mark.parametrize("name", ["notes.txt", "one.json"])
def test_resume_on_a_file_that_is_not_a_report_stops_and_keeps_it(world: Path, name: str) -> None:
    (world / "notes.txt").write_text("my notes\nmore notes", "utf-8")
    (world / "one.json").write_text('{"a": 1}', "utf-8")
    before = snapshot(world)
    result = run("batch", "story.md", "--corpus", "corpus", "--out", name, "--resume", cwd=world)
    assert_refused(result, name, "batch report")
    assert snapshot(world) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_batch_out_to_a_full_disk_is_one_line(world: Path) -> None:
    result = run("batch", "story.md", "--corpus", "corpus", "--out", "/dev/full", cwd=world)
    assert_refused(result, "/dev/full", "cannot write")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux")
def test_a_worker_dies_with_its_parent(tmp_path: Path) -> None:
    pidfile = tmp_path / "child.pid"
    script = textwrap.dedent(f"""
        import multiprocessing, os, time
        from verifier.batch.pool import _die_with_parent
        def child():
            _die_with_parent()
            open({str(pidfile)!r}, "w").write(str(os.getpid()))
            time.sleep(60)
        if __name__ == "__main__":
            multiprocessing.get_context("fork").Process(target=child).start()
            time.sleep(60)
    """)
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}
    )
    deadline = time.monotonic() + 30
    while not pidfile.exists() or not pidfile.read_text():
        assert time.monotonic() < deadline
        time.sleep(0.1)
    child = int(pidfile.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)
    pytest.fail("the worker outlived its parent")


# --- index, workers, dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "names", "words"),
    [
        (("index", "corpus", "--workers", "0"), "--workers", "1 or more"),
        (("index", "corpus", "--index", "corpus"), "corpus", "folder"),
        (("index", "corpus", "--index", "missing/x.sqlite"), "missing/x.sqlite", "does not exist"),
        (
            ("check", "Good morning", "--corpus", "corpus", "--no-index", "--from", "2024-13-01"),
            "2024-13-01",
            "bad date",
        ),
        (
            ("check", "Good morning", "--corpus", "corpus", "--no-index", "--to", "2024-02-30"),
            "2024-02-30",
            "bad date",
        ),
        (
            ("check", "Good morning", "--corpus", "corpus", "--no-index", "--from", "2024-00-00"),
            "2024-00-00",
            "bad date",
        ),
    ],
)
def test_bad_paths_and_values_are_one_line(
    world: Path, args: tuple[str, ...], names: str, words: str
) -> None:
    before = snapshot(world)
    assert_refused(run(*args, cwd=world), names, words)
    assert snapshot(world) == before


def test_a_real_date_filter_still_works(world: Path) -> None:
    result = run(
        "check",
        "Good morning, everybody",
        "--corpus",
        "corpus",
        "--no-index",
        "--from",
        "2024-01",
        "--to",
        "2024-02-29",
        "--format",
        "json",
        cwd=world,
    )
    assert result.returncode in (0, 1) and '"not_found"' not in result.stdout.split('"fidelity"')[1][:20]


# --- corpus folder ---------------------------------------------------------------------


def test_an_empty_corpus_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("check", "Good morning", "--corpus", "empty", "--no-index", cwd=tmp_path)
    assert "holds no transcripts" in result.stderr and "empty" in result.stderr


def test_a_symlink_leaving_the_corpus_is_skipped_with_a_warning(world: Path) -> None:
    secret = world / "secret.txt"
    secret.write_text("MR. KIRBY: The launch codes are seven seven seven.\n", "utf-8")
    (world / "corpus" / "leak.txt").symlink_to(secret)
    before = snapshot(world)
    for extra in (("--no-index",), ()):
        result = run(
            "check",
            "The launch codes are seven seven seven",
            "--corpus",
            "corpus",
            "--format",
            "json",
            *extra,
            cwd=world,
        )
        assert '"fidelity": "not_found"' in result.stdout, result.stdout[:300]
        if extra:
            assert "leak.txt" in result.stderr and "outside the corpus" in result.stderr
    assert snapshot(world) == before


def test_a_killed_builds_temp_file_goes_on_the_next_use_of_the_index(world: Path) -> None:
    assert run("index", "corpus", "--quiet", cwd=world).returncode == 0
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    stale = world / "corpus" / f".quotecheck-index.sqlite.tmp-{dead.stdout.strip()}"
    stale.write_bytes(b"half a build")
    result = run("check", "Good morning, everybody", "--corpus", "corpus", cwd=world)
    assert result.returncode in (0, 1), result.stderr
    assert not stale.exists()


# --- claims files ----------------------------------------------------------------------

OTHER = next((REPO / "corpus" / "press-briefings" / "2023-11").glob("2023-11-01-press-gaggle-*.md"))
BEIJING = "2024-01-28-background-press-call-counternarcotics-working-group-beijing"


@pytest.mark.parametrize(
    ("hint", "found"),
    [(BEIJING, True), ("other", False), (f"corpus/{TRANSCRIPT.name}", True), ("corpus/other.md", False)],
)
def test_a_claims_transcript_key_restricts_the_search(world: Path, hint: str, found: bool) -> None:
    shutil.copyfile(OTHER, world / "corpus" / "other.md")
    claims = world / "claims.yaml"
    claims.write_text(
        "claims:\n  - quote: Good morning, everybody. Thanks for joining us on a Sunday morning.\n"
        f"    transcript: {hint}\n",
        "utf-8",
    )
    before = snapshot(world)
    result = run("article", "claims.yaml", "--corpus", "corpus", "--no-index", "--format", "json", cwd=world)
    assert result.returncode in (0, 1), result.stderr
    assert ('"not_found"' not in result.stdout) is found, result.stdout[:400]
    assert snapshot(world) == before


def test_a_claims_transcript_that_is_not_in_the_corpus_is_one_error(world: Path) -> None:
    (world / "claims.yaml").write_text("claims:\n  - quote: Good morning, everybody\n    transcript: nope\n")
    result = run("article", "claims.yaml", "--corpus", "corpus", "--no-index", cwd=world)
    assert_refused(result, "claims.yaml", "claim 1", "'nope'", "not in the corpus")


def test_html_on_stdin_is_read_as_html(world: Path) -> None:
    page = (
        '<!DOCTYPE html><html><head><script>var s = "Hidden words in a script, he said.";</script>'
        "</head><body><p>\u201cGood morning, everybody,\u201d the moderator said.</p></body></html>\n"
    )
    result = run(
        "article", "-", "--corpus", "corpus", "--no-index", "--format", "json", cwd=world, stdin=page
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Good morning, everybody" in result.stdout
    assert "Hidden words" not in result.stdout and "<p>" not in result.stdout


@pytest.mark.parametrize("depth", [300, 20_000])
def test_html_nested_past_the_parsers_limit_keeps_its_quotes(depth: int) -> None:
    """lxml stops at 256 levels; the page's text (not its scripts) is still the article."""
    from verifier.articles.loaders import load_article_text
    from verifier.articles.quotes import extract_quotes

    page = (
        "<html><head><title>Bridge</title></head><body>"
        "<script>var s = '\u201cnot a quote,\u201d he said';</script>"
        + "<div>" * depth
        + "<p>\u201cWe will build the bridge this year,\u201d the mayor said.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    quotes = extract_quotes(load_article_text(page, kind="html"))
    assert [q.text for q in quotes] == ["We will build the bridge this year,"]


def test_empty_standard_input_says_so(world: Path) -> None:
    result = run("article", "-", "--corpus", "corpus", "--no-index", cwd=world, stdin="", timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("<stdin>: standard input is empty"), result.stderr
