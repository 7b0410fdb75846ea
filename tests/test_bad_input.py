"""Every kind of bad input a user can give quotecheck, in one table.

Each row runs the real command in a fresh folder (a one-transcript corpus and a short
article) and asserts three things: the exit status; what stderr says (one line, no
traceback, naming the file and, where there is one, the line); and that every file the
user had is byte-identical afterwards, mode included. A hang fails the row (the command
runs under a timeout) instead of hanging the suite.

The table is also the closing record of the bad-input work: ``python3 -m
tests.test_bad_input`` prints it as input -> exit status -> message.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runs import BOMB, Result, run
from tests.conftest import REPO

TRANSCRIPT = REPO / "corpus" / "2024-01-28-background-press-call-counternarcotics-working-group-beijing.md"
OTHER = next((REPO / "corpus" / "press-briefings" / "2023-11").glob("2023-11-01-press-gaggle-*.md"))
BEIJING = TRANSCRIPT.stem
STORY = "---\ntitle: Story\n---\n\n\u201cGood morning, everybody,\u201d the moderator said.\n"
SAID = "\u201cGood morning, everybody,\u201d the moderator said.\n"
OPENING = "Good morning, everybody.  Thanks for joining us on a Sunday morning."

PWN = "!!python/object/apply:os.system ['touch pwned']"
REVIEW = textwrap.dedent("""\
    schema: quotecheck.review/1
    article: {{sha256: abc, path: story.md}}
    decisions:
      - start: 1
        end: 25
        quote_sha: abc
        decision: accepted
      - start: {start}
        end: 10
        quote_sha: abc
        decision: accepted
    """)


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One bad input: the files it needs, the command, and what must come of it.

    ``says`` are words the one stderr line must hold (the file, ``file:line:`` where there
    is a line, and the reason); ``lines`` is how many stderr lines there are (one when
    something is said, else none; ``loose`` rows may add a parser's own notes). ``new``
    are files the command may create; ``rewrites`` are files it is there to rewrite (a
    review file, its own report), and every other file's bytes must still be somewhere
    (a broken file is moved aside, never lost). ``runner`` replaces the subprocess for
    the few rows that need more than one command.
    """

    name: str
    args: tuple[str, ...] = ()
    files: Mapping[str, str | bytes] = field(default_factory=dict)
    status: int | tuple[int, ...] = 2
    says: tuple[str, ...] = ()
    lines: int | None = None
    stdin: str | bytes | None = None
    stdout: tuple[str, ...] = ()
    not_stdout: tuple[str, ...] = ()
    loose: bool = False
    new: tuple[str, ...] = ()
    rewrites: tuple[str, ...] | None = None
    prepare: Callable[[Path], None] | None = None
    check: Callable[[Path, Result], None] | None = None
    runner: Callable[[Path], Result] | None = None
    timeout: float = 30.0
    seconds: float | None = None  # the command must take less than this


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every entry under ``root`` (files, folders, links): content hash and mode."""
    found: dict[str, tuple[str, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            p = Path(folder) / name
            if name.startswith(".quotecheck-index"):
                continue  # the index is quotecheck's own file, not the user's
            st = p.lstat()
            if stat.S_ISLNK(st.st_mode):
                digest = "-> " + os.readlink(p)
            elif stat.S_ISREG(st.st_mode):
                digest = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                digest = "folder"
            found[str(p.relative_to(root))] = (digest, st.st_mode)
    return found


# --- helpers for the rows that need more than a command --------------------------------


def big_claim(words: int, *, seed: int) -> str:
    """A claims file with one quote of ``words`` words drawn from the transcript's commonest."""
    import collections

    counts = collections.Counter(re.findall(r"[a-z]+", TRANSCRIPT.read_text("utf-8").lower()))
    common = [w for w, _ in counts.most_common(300)]
    rng = random.Random(seed)
    text = " ".join(rng.choice(common) for _ in range(words))
    return f"claims:\n  - quote: {text}\n"


def common_words(n: int) -> str:
    return big_claim(n, seed=n).split("quote: ", 1)[1].strip()


def link_outside(root: Path) -> None:
    (root / "secret.txt").write_text("MR. KIRBY: The launch codes are seven seven seven.\n", "utf-8")
    (root / "corpus" / "leak.txt").symlink_to(root / "secret.txt")


def stale_build(root: Path) -> None:
    """An index, and the temporary file a build killed half way left beside it."""
    assert run("index", "corpus", "--quiet", cwd=root).returncode == 0
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    (root / "corpus" / f".quotecheck-index.sqlite.tmp-{dead.stdout.strip()}").write_bytes(b"half")


def no_stale_build(root: Path, _: Result) -> None:
    assert not list((root / "corpus").glob(".quotecheck-index.sqlite.tmp-*"))


def own_report(root: Path) -> None:
    """A batch report of story.md with a line torn off by a crash."""
    assert (
        run("batch", "story.md", "--corpus", "corpus", "--no-index", "--out", "r.jsonl", cwd=root).returncode
        == 0
    )
    with (root / "r.jsonl").open("ab") as f:
        f.write(b'{"path": "other.md", "summ')


def torn_line_dropped(root: Path, _: Result) -> None:
    data = (root / "r.jsonl").read_bytes()
    assert data.endswith(b"\n") and data.count(b"\n") == 1 and b"other.md" not in data


def no_pwned(root: Path, _: Result) -> None:
    assert not (root / "pwned").exists()


def desk(article: str, review: str) -> Callable[[Path], Result]:
    """Open the review desk's decision store on a broken review file, decide once, save.

    The desk sets an unreadable file aside under a fresh name and says so; it never
    overwrites an earlier backup. Returns the problems shown to the reviewer as stderr.
    """

    def go(root: Path) -> Result:
        from tui.decisions import DecisionStore
        from verifier.articles.loaders import load_article
        from verifier.articles.quotes import extract_quotes

        art = load_article(root / article)
        store = DecisionStore(art, root / review)
        quotes = extract_quotes(art)
        store.attach(quotes)
        store.change(quotes[0], decision="accepted")
        problem = store.save()
        shown = [*store.problems, *([problem] if problem else [])]
        return subprocess.CompletedProcess(
            ["desk"], 0 if problem is None else 2, "", "".join(f"quotecheck: {p}\n" for p in shown)
        )

    return go


def two_backups(root: Path, _: Result) -> None:
    """A second broken file goes to a second backup: the first one's bytes are still there."""
    first = root / "story.review.yaml.unreadable"
    assert first.read_text("utf-8") == "decisions: [ first broken\n"
    second = root / "story.review.yaml.unreadable.2"
    assert second.read_text("utf-8").startswith("schema: quotecheck.review/1")
    assert "start: .inf" in second.read_text("utf-8")


def desk_save(root: Path) -> Result:
    """Save a decision into an existing 0644 review file, as the desk does, under umask 077."""
    from tui.decisions import DecisionStore
    from verifier.articles.loaders import load_article
    from verifier.articles.quotes import extract_quotes

    path = root / "story.review.yaml"
    art = load_article(root / "story.md")
    store = DecisionStore(art, path)
    quotes = extract_quotes(art)
    store.attach(quotes)
    store.change(quotes[0], decision="accepted")
    old = os.umask(0o077)
    try:
        problem = store.save()
    finally:
        os.umask(old)
    return subprocess.CompletedProcess(["desk"], 0 if problem is None else 2, "", problem or "")


def saved_0644(root: Path, _: Result) -> None:
    path = root / "story.review.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert "decision: accepted" in path.read_text("utf-8")
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("story.review")) == [
        "story.review.yaml"
    ]


def killed_batch(root: Path) -> Result:
    """SIGKILL a batch run while its workers are busy; they must be gone within seconds."""
    arts = root / "articles"
    arts.mkdir(exist_ok=True)
    story = (REPO / "examples" / "counternarcotics-story.md").read_text("utf-8")
    for i in range(40):
        (arts / f"story-{i:02d}.md").write_text(story, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    parent = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "verifier",
            "batch",
            "articles",
            "--corpus",
            "corpus",
            "--no-index",
            "--out",
            "r.jsonl",
            "--jobs",
            "2",
        ],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.monotonic() + 10
    try:
        while len(children) < 2 and time.monotonic() < deadline and parent.poll() is None:
            children = _children(parent.pid)
            time.sleep(0.05)
        assert children, "the batch started no workers"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        alive = children
        while alive and time.monotonic() < deadline:
            alive = [pid for pid in children if _alive(pid)]
            time.sleep(0.05)
    finally:
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    shutil.rmtree(arts)
    (root / "r.jsonl").unlink(missing_ok=True)
    status = 0 if not alive else 1
    return subprocess.CompletedProcess(
        ["batch"], status, "", f"workers {children} still alive\n" if alive else ""
    )


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- the table ----------------------------------------------------------------------------


def bad_transcript(
    name: str, file: str, body: str | bytes | None = None, *, says: tuple[str, ...], **more: Any
) -> Case:
    """A ``check`` of one word against a transcript given with ``--transcript FILE``:
    ``body`` is the file's content (none: the path is missing or is not a file)."""
    files = {file: body} if body is not None else {}
    return Case(name=name, files=files, args=("check", "hello", "--transcript", file), says=says, **more)


C = ("--corpus", "corpus", "--no-index")
CHECK = ("check", "Good morning, everybody", *C)
ARTICLE = ("article", *C)
JSON = ("--format", "json")

CASES: list[Case] = [
    # --- article files ---
    Case(name="article missing", args=(*ARTICLE, "nope.md"), says=("nope.md:", "not found")),
    Case(
        name="article empty", files={"empty.md": ""}, args=(*ARTICLE, "empty.md"), says=("empty.md:", "empty")
    ),
    Case(
        name="article only blank lines",
        files={"blank.txt": "\n  \n\t\n"},
        args=(*ARTICLE, "blank.txt"),
        says=("blank.txt:", "empty"),
    ),
    Case(name="article is a folder", args=(*ARTICLE, "corpus"), says=("corpus:", "directory")),
    Case(
        name="article binary",
        files={"photo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        args=(*ARTICLE, "photo.md"),
        says=("photo.md:", "binary"),
    ),
    Case(
        name="article invalid UTF-8",
        files={"latin1.txt": b"Title\n\xe9t\xe9 \x93Good morning\x94\n"},
        args=(*ARTICLE, "latin1.txt"),
        says=("latin1.txt:2:", "not valid UTF-8"),
    ),
    Case(
        name="article UTF-16",
        files={"notepad.txt": SAID.encode("utf-16")},
        args=(*ARTICLE, "notepad.txt"),
        says=("notepad.txt:", "UTF-16"),
    ),
    Case(
        name="article UTF-8 BOM",
        files={"bom.md": "\ufeff" + STORY},
        args=(*ARTICLE, "bom.md", *JSON),
        status=0,
        stdout=('"text": "Good morning, everybody,"', '"title": "Story"', '"verbatim"'),
    ),
    Case(
        name="article CRLF",
        files={"crlf.md": STORY.replace("\n", "\r\n").encode()},
        args=(*ARTICLE, "crlf.md", *JSON),
        status=0,
        stdout=('"text": "Good morning, everybody,"', '"title": "Story"', '"verbatim"'),
    ),
    Case(
        name="article front matter never closed",
        files={"open.md": "---\ntitle: x\n\n" + SAID},
        args=(*ARTICLE, "open.md"),
        says=("open.md:1:", "never closed"),
    ),
    Case(
        name="article front matter malformed",
        files={"bad.md": "---\ntitle: ok\ndate: [2024\n---\n" + SAID},
        args=(*ARTICLE, "bad.md"),
        says=("bad.md:3:", "front matter"),
    ),
    Case(
        name="article front matter a list",
        files={"list.md": "---\n- a\n- b\n---\n" + SAID},
        args=(*ARTICLE, "list.md"),
        says=("list.md:2:", "mapping"),
    ),
    Case(
        name="article front matter !!python/object",
        files={"pwn.md": f"---\ntitle: {PWN}\n---\n" + SAID},
        args=(*ARTICLE, "pwn.md"),
        says=("pwn.md:2:", "front matter"),
        check=no_pwned,
    ),
    Case(
        name="article front matter date: 2024-02-30",
        files={"feb.md": "---\ntitle: x\ndate: 2024-02-30\n---\n" + SAID},
        args=(*ARTICLE, "feb.md"),
        says=("feb.md:3:", "impossible value '2024-02-30'"),
    ),
    Case(
        name="article front matter alias bomb",
        files={"bomb.md": "---\n" + BOMB + "title: *i\n---\n" + SAID},
        args=(*ARTICLE, "bomb.md"),
        says=("bomb.md:2:", "alias"),
        seconds=15,
    ),
    Case(
        name="article huge (5 MB, no quotes)",
        files={"huge.txt": "The committee met again and talked for hours. " * 110_000},
        args=(*ARTICLE, "huge.txt"),
        status=0,
        stdout=("0 quotes",),
        seconds=30,
        timeout=60,
    ),
    Case(
        name="article one line of 100,000 quote marks",
        files={"marks.txt": "\u201c" * 50_000 + " said " + "\u201d" * 50_000},
        args=(*ARTICLE, "marks.txt"),
        status=0,
        stdout=("1 quotes",),
        seconds=25,  # it took 90 s while blanking earlier quotes was quadratic
        timeout=60,
    ),
    Case(
        name="article hostile HTML",
        files={
            "page.html": (
                '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                '<html><head><title>Story</title><script>var s = "Hidden words in a script, he said.";'
                '</script><style>p:before{content:"\u201cStyled words,\u201d"}</style></head><body>'
                + "<div>" * 200
                + "<p>\u201cGood morning, everybody,\u201d the moderator said.</p>"
                + "<!-- \u201cA comment,\u201d he said. --><iframe src=x></iframe><p>&b;&b;&b;</p>"
                + "</div>" * 150
                + "<p>\u201cUnclosed" * 50
                + "</body></html>\n"
            )
        },
        args=(*ARTICLE, "page.html", *JSON),
        status=(0, 1),
        loose=True,
        stdout=("Good morning, everybody",),
        not_stdout=("Hidden words", "Styled words", "A comment"),
    ),
    Case(
        name="article HTML nested 5,000 deep",
        files={
            "deep.html": "<html><body>" + "<div>" * 5000 + "<p>\u201cGood morning, everybody,\u201d "
            "the moderator said.</p>" + "</div>" * 5000 + "</body></html>"
        },
        args=(*ARTICLE, "deep.html"),
        status=0,  # read plainly past the parser's depth limit: the quote is still checked
        stdout=("Good morning, everybody",),
    ),
    Case(
        name="article HTML on stdin",
        stdin=(
            '<!DOCTYPE html><html><head><script>var s = "Hidden words in a script, he said.";'
            "</script></head><body><p>\u201cGood morning, everybody,\u201d the moderator said.</p>"
            "</body></html>\n"
        ),
        args=(*ARTICLE, "-", *JSON),
        status=0,
        stdout=("Good morning, everybody",),
        not_stdout=("Hidden words", "<p>"),
    ),
    Case(name="article stdin empty", stdin="", args=(*ARTICLE, "-"), says=("<stdin>:", "empty")),
    Case(
        name="article stdin binary", stdin=b"\x00\x01\x02", args=(*ARTICLE, "-"), says=("<stdin>:", "binary")
    ),
    Case(
        name="article stdin invalid UTF-8",
        stdin=b"ok\n\xff\xfe\xfa",
        args=(*ARTICLE, "-"),
        says=("<stdin>:2:", "UTF-8"),
    ),
    # --- claims files ---
    Case(
        name="claims alias bomb",
        files={"claims.yaml": BOMB + "claims:\n  - quote: *i\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:1:", "alias"),
        seconds=15,
    ),
    Case(
        name="claims !!python/object",
        files={"claims.yaml": f"claims:\n  - quote: {PWN}\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:2:",),
        check=no_pwned,
    ),
    Case(
        name="claims malformed YAML",
        files={"claims.yaml": "claims:\n  - quote: [Good\n  - x\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:",),
    ),
    Case(
        name="claims not a list",
        files={"claims.yaml": "claims: Good morning\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:1:", "list of claims"),
    ),
    Case(
        name="claims unknown key",
        files={"claims.yaml": "claims:\n  - qoute: Good morning\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:2:", "qoute"),
    ),
    Case(
        name="claims date: 2024-13-01",
        files={"claims.yaml": f"date: 2024-13-01\nclaims:\n  - quote: {OPENING}\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:1:", "impossible value '2024-13-01'"),
    ),
    Case(
        name="claims too large (9 MB)",
        files={"claims.yaml": "claims:\n  - quote: " + "word " * 1_800_000},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml:", "too large"),
        seconds=20,
    ),
    Case(
        name="claims transcript: restricts the search",
        files={"claims.yaml": f"claims:\n  - quote: {OPENING}\n    transcript: {BEIJING}\n"},
        prepare=lambda root: shutil.copyfile(OTHER, root / "corpus" / "other.md"),
        args=(*ARTICLE, "claims.yaml", *JSON),
        status=0,
        stdout=('"verbatim"', BEIJING),
    ),
    Case(
        name="claims transcript: another one, so not found",
        files={"claims.yaml": f"claims:\n  - quote: {OPENING}\n    transcript: other\n"},
        prepare=lambda root: shutil.copyfile(OTHER, root / "corpus" / "other.md"),
        args=(*ARTICLE, "claims.yaml", *JSON),
        status=(0, 1),
        stdout=('"not_found"',),
        not_stdout=('"verbatim"',),
    ),
    Case(
        name="claims transcript: not in the corpus",
        files={"claims.yaml": f"claims:\n  - quote: {OPENING}\n    transcript: nope\n"},
        args=(*ARTICLE, "claims.yaml"),
        says=("claims.yaml", "claim 1", "'nope'", "not in the corpus"),
    ),
    Case(
        name="quote of 200 KB",
        files={"claims.yaml": big_claim(36_000, seed=1)},
        args=(*ARTICLE, "claims.yaml", *JSON),
        status=(0, 1),
        stdout=('"not_found"', "Too long"),
        seconds=20,
    ),
    Case(
        name="quote of 4,000 words",
        files={"claims.yaml": big_claim(4_000, seed=2)},
        args=(*ARTICLE, "claims.yaml", *JSON),
        status=(0, 1),
        stdout=('"not_found"', "Too long"),
        seconds=15,
    ),
    Case(
        name="quote of 400 common words",
        args=("check", common_words(400), *C, *JSON),
        status=(0, 1),
        stdout=('"fidelity": "not_found"',),
        seconds=15,
    ),
    Case(name="quote with no words", args=("check", " \u201c ... \u201d ", *C), says=("no words",)),
    # --- transcripts ---
    bad_transcript("transcript missing", "nope.md", says=("nope.md:", "not found")),
    bad_transcript("transcript empty", "t.md", "", says=("t.md:", "empty")),
    bad_transcript("transcript is a folder", "corpus", says=("corpus:", "directory")),
    bad_transcript("transcript binary", "t.md", b"\x00\x01\x02binary", says=("t.md:", "binary")),
    bad_transcript(
        "transcript invalid UTF-8",
        "t.md",
        b"---\ntitle: x\n---\nMR. KIRBY: caf\xe9\n",
        says=("t.md:4:", "not valid UTF-8"),
    ),
    bad_transcript(
        "transcript UTF-16", "t.txt", "MR. KIRBY: Hello there.\n".encode("utf-16"), says=("t.txt:", "UTF-16")
    ),
    Case(
        name="transcript UTF-8 BOM and CRLF",
        files={"t.md": ("\ufeff" + TRANSCRIPT.read_text("utf-8")).replace("\n", "\r\n").encode()},
        args=("check", OPENING, "--transcript", "t.md", *JSON),
        status=0,
        stdout=('"fidelity": "verbatim"', '"label": "MODERATOR"'),
    ),
    bad_transcript(
        "transcript front matter malformed",
        "t.md",
        "---\ntitle: ok\ndate: [2024\n---\nMR. KIRBY: Hello there.\n",
        says=("t.md:", "malformed front matter"),
    ),
    bad_transcript(
        "transcript front matter !!python/object",
        "t.md",
        f"---\ntitle: {PWN}\n---\nMR. KIRBY: Hello there.\n",
        says=("t.md:2:",),
        check=no_pwned,
    ),
    bad_transcript(
        "transcript front matter alias bomb (--transcript)",
        "t.md",
        "---\n" + BOMB + "title: *i\n---\nMR. KIRBY: Hello there.\n",
        says=("t.md:2:", "alias"),
        seconds=15,
    ),
    Case(
        name="transcript front matter alias bomb (in the corpus)",
        prepare=lambda root: (root / "corpus" / "zz-bomb.md").write_text(
            "---\n" + BOMB + "title: *i\n---\nMR. KIRBY: Hello there.\n", "utf-8"
        ),
        args=(*CHECK, *JSON),
        status=0,
        says=("warning", "zz-bomb.md:2:", "alias"),
        stdout=('"verbatim"',),
        seconds=15,
    ),
    bad_transcript(
        "transcript front matter date: 2024-02-30",
        "t.md",
        "---\ntitle: x\ndate: 2024-02-30\n---\nMR. KIRBY: Hello there.\n",
        says=("t.md:3:", "impossible value '2024-02-30'"),
    ),
    bad_transcript(
        "transcript with no speaker turns",
        "t.md",
        "---\ntitle: A\n---\nThe bill was signed.\n",
        says=("t.md:", "no speaker turns"),
    ),
    Case(
        name="transcript format unknown",
        args=("check", "hello", "--transcript", str(TRANSCRIPT), "--transcript-format", "pdf"),
        says=("pdf",),
    ),
    # --- quotecheck.yaml ---
    Case(
        name="quotecheck.yaml alias bomb",
        files={"quotecheck.yaml": BOMB + "fail_on: *i\n"},
        args=CHECK,
        says=("quotecheck.yaml:1:", "alias"),
        seconds=15,
    ),
    Case(
        name="quotecheck.yaml !!python/object",
        files={"quotecheck.yaml": f"fail_on: {PWN}\n"},
        args=CHECK,
        says=("quotecheck.yaml:1:",),
        check=no_pwned,
    ),
    Case(
        name="quotecheck.yaml unknown key",
        files={"quotecheck.yaml": "fail_on: warn\nthreshold: 3\n"},
        args=CHECK,
        says=("quotecheck.yaml:2:", "threshold"),
    ),
    Case(
        name="quotecheck.yaml bad value",
        files={"quotecheck.yaml": "fail_on: sometimes\n"},
        args=CHECK,
        says=("quotecheck.yaml:1:", "fail_on"),
    ),
    Case(name="--config missing", args=(*CHECK, "--config", "nope.yaml"), says=("nope.yaml:", "not found")),
    # --- review files (article --review) ---
    Case(
        name="review alias bomb",
        files={"story.md": STORY, "story.review.yaml": BOMB + "decisions: *i\n"},
        args=(*ARTICLE, "story.md", "--review", "story.review.yaml"),
        says=("story.review.yaml:1:", "alias"),
        seconds=15,
    ),
    Case(
        name="review start: .inf",
        files={"story.md": STORY, "story.review.yaml": REVIEW.format(start=".inf")},
        args=(*ARTICLE, "story.md", "--review", "story.review.yaml"),
        says=("story.review.yaml:8:", "decision 2", ".inf", "whole number"),
    ),
    Case(
        name="review start: 1.5",
        files={"story.md": STORY, "story.review.yaml": REVIEW.format(start="1.5")},
        args=(*ARTICLE, "story.md", "--review", "story.review.yaml"),
        says=("story.review.yaml:8:", "decision 2", "whole number"),
    ),
    Case(
        name="review malformed YAML",
        files={"story.md": STORY, "story.review.yaml": "decisions: [\n  - start: 1\n"},
        args=(*ARTICLE, "story.md", "--review", "story.review.yaml"),
        says=("story.review.yaml:",),
    ),
    Case(
        name="review not a review file",
        files={"story.md": STORY, "story.review.yaml": "a: 1\n"},
        args=(*ARTICLE, "story.md", "--review", "story.review.yaml"),
        says=("story.review.yaml:", "not a review file"),
    ),
    Case(
        name="review file missing",
        args=(*ARTICLE, "story.md", "--review", "nope.review.yaml"),
        says=("nope.review.yaml:", "not found"),
    ),
    # --- review files in the review desk ---
    Case(
        name="desk: review start: .inf (screenshot)",
        files={"story.md": STORY, "story.review.yaml": REVIEW.format(start=".inf")},
        args=("review", "story.md", *C, "--screenshot", "shot.svg", "--size", "200x30"),
        status=0,
        says=("screenshot written",),
        new=("shot.svg",),
        timeout=60,
    ),
    Case(
        name="desk: second broken review file keeps the first backup",
        files={
            "story.md": STORY,
            "story.review.yaml.unreadable": "decisions: [ first broken\n",
            "story.review.yaml": REVIEW.format(start=".inf"),
        },
        runner=desk("story.md", "story.review.yaml"),
        status=0,
        rewrites=("story.review.yaml",),
        new=("story.review.yaml.unreadable.2",),
        says=("story.review.yaml:8:", "whole number", "story.review.yaml.unreadable.2"),
        check=two_backups,
    ),
    Case(
        name="desk: saving keeps the review file's mode 0644",
        prepare=lambda root: (root / "story.review.yaml").chmod(0o644),
        files={
            "story.md": STORY,
            "story.review.yaml": REVIEW.format(start="1").replace("decisions:\n", "decisions: []\nold:\n"),
        },
        runner=desk_save,
        status=0,
        rewrites=("story.review.yaml",),
        lines=0,
        check=saved_0644,
    ),
    Case(name="review article missing", args=("review", "nope.md", *C), says=("nope.md:", "not found")),
    Case(
        name="review --size not WxH",
        args=("review", "story.md", *C, "--screenshot", "s.svg", "--size", "big"),
        says=("--size", "120x36"),
    ),
    # --- batch ---
    Case(
        name="batch --out an input article",
        args=("batch", "story.md", *C, "--out", "story.md"),
        says=("story.md:", "input"),
    ),
    Case(
        name="batch --out a folder",
        args=("batch", "story.md", *C, "--out", "corpus"),
        says=("corpus:", "folder"),
    ),
    Case(
        name="batch --out in a missing folder",
        args=("batch", "story.md", *C, "--out", "missing/r.jsonl"),
        says=("missing/r.jsonl:", "does not exist"),
    ),
    Case(
        name="batch --out /dev/full",
        args=("batch", "story.md", *C, "--out", "/dev/full"),
        says=("/dev/full:", "cannot write"),
    ),
    Case(
        name="batch --out a text file",
        files={"notes.txt": "my notes\nmore notes\n"},
        args=("batch", "story.md", *C, "--out", "notes.txt"),
        says=("notes.txt:", "not a batch report"),
    ),
    Case(
        name="batch --resume --out a one-line JSON without final newline",
        files={"one.json": '{"a": 1}'},
        args=("batch", "story.md", *C, "--out", "one.json", "--resume"),
        says=("one.json:1:", "not a batch report"),
    ),
    Case(
        name="batch --resume --out a text file",
        files={"notes.txt": "my notes\nmore notes"},
        args=("batch", "story.md", *C, "--out", "notes.txt", "--resume"),
        says=("notes.txt:1:", "not a batch report"),
    ),
    Case(
        name="batch --resume its own report with a torn last line",
        prepare=own_report,
        args=("batch", "story.md", *C, "--out", "r.jsonl", "--resume"),
        status=0,
        rewrites=("r.jsonl",),
        lines=2,
        says=("r.jsonl", "partial last line"),
        check=torn_line_dropped,
    ),
    Case(
        name="batch --jobs 0",
        args=("batch", "story.md", *C, "--out", "r.jsonl", "--jobs", "0"),
        says=("--jobs", ">= 1"),
    ),
    Case(
        name="batch no articles",
        prepare=lambda root: (root / "none").mkdir(),
        args=("batch", "none", *C, "--out", "r.jsonl"),
        says=("none:", "no articles"),
    ),
    Case(
        name="batch with a binary article among good ones",
        files={"arts/story.md": STORY, "arts/photo.md": b"\x00\x01PNG"},
        args=("batch", "arts", *C, "--out", "r.jsonl", "--jobs", "1"),
        status=0,
        lines=2,
        new=("r.jsonl",),
        says=("warning: arts/photo.md:", "binary"),
    ),
    Case(
        name="batch workers die with their parent on SIGKILL",
        runner=killed_batch,
        status=0,
        lines=0,
        timeout=60,
    ),
    # --- index ---
    Case(
        name="index DIR --index a folder",
        args=("index", "corpus", "--index", "corpus"),
        says=("corpus:", "folder"),
    ),
    Case(
        name="index --index in a missing folder",
        args=("index", "corpus", "--index", "missing/x.sqlite"),
        says=("missing/x.sqlite:", "does not exist"),
    ),
    Case(
        name="index --index a file that is not an index",
        files={"notes.txt": "my notes\n"},
        args=("index", "corpus", "--index", "notes.txt"),
        says=("notes.txt:", "not a quotecheck index"),
    ),
    Case(
        name="check --index a file that is not an index",
        files={"notes.txt": "my notes\n"},
        args=("check", "Good morning, everybody", "--corpus", "corpus", "--index", "notes.txt"),
        says=("notes.txt:", "not a quotecheck index"),
    ),
    Case(
        name="index --workers 0", args=("index", "corpus", "--workers", "0"), says=("--workers", "1 or more")
    ),
    Case(name="index folder missing", args=("index", "nope"), says=("nope:", "not found")),
    Case(
        name="killed build's .tmp-PID removed on next start",
        prepare=stale_build,
        args=("check", "Good morning, everybody", "--corpus", "corpus"),
        status=0,
        lines=0,
        check=no_stale_build,
    ),
    # --- dates and filters ---
    Case(name="--from 2024-13-01", args=(*CHECK, "--from", "2024-13-01"), says=("2024-13-01", "bad date")),
    Case(name="--to 2024-02-30", args=(*CHECK, "--to", "2024-02-30"), says=("2024-02-30", "bad date")),
    Case(name="--from 2024-00-00", args=(*CHECK, "--from", "2024-00-00"), says=("2024-00-00", "bad date")),
    Case(name="--from yesterday", args=(*CHECK, "--from", "yesterday"), says=("yesterday", "bad date")),
    Case(
        name="--to 2024-02-29 (a real leap day)",
        args=(*CHECK, "--from", "2024-01", "--to", "2024-02-29"),
        status=0,
        lines=0,
        stdout=("verbatim",),
    ),
    Case(
        name="--transcript-id not in the corpus",
        args=(*CHECK, "--transcript-id", "nope"),
        status=1,
        says=("warning", "no transcript matches the filters"),
    ),
    Case(
        name="--from after --to",
        args=(*CHECK, "--from", "2025", "--to", "2020"),
        status=1,
        says=("warning", "no transcript matches the filters"),
    ),
    # --- corpus folders ---
    Case(
        name="corpus folder missing",
        args=("check", "hello", "--corpus", "nope", "--no-index"),
        says=("nope:", "not found"),
    ),
    Case(
        name="corpus folder empty",
        prepare=lambda root: (root / "empty").mkdir(),
        args=("check", "Good morning", "--corpus", "empty", "--no-index", *JSON),
        status=1,
        says=("empty", "holds no transcripts"),
        stdout=('"not_found"',),
    ),
    Case(
        name="corpus symlink to a file outside it",
        prepare=link_outside,
        args=("check", "The launch codes are seven seven seven", *C, *JSON),
        status=1,
        says=("warning", "leak.txt", "outside the corpus"),
        stdout=('"fidelity": "not_found"',),
    ),
    Case(
        name="corpus symlink outside, through the index",
        prepare=link_outside,
        args=("check", "The launch codes are seven seven seven", "--corpus", "corpus", *JSON),
        status=1,
        loose=True,
        stdout=('"fidelity": "not_found"',),
    ),
    Case(
        name="corpus bad file among good ones",
        files={"corpus/broken.md": "---\ntitle: [x\n---\nQ  hi\n"},
        args=(*CHECK, *JSON),
        status=0,
        says=("warning", "broken.md:"),
        stdout=('"verbatim"',),
    ),
    Case(name="show transcript missing", args=("show", "nope.md"), says=("nope.md:", "not found")),
    Case(name="corpus command on a missing folder", args=("corpus", "nope"), says=("nope:", "not found")),
]


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A one-transcript corpus and an article: the user's files, which must never change."""
    (tmp_path / "corpus").mkdir()
    shutil.copyfile(TRANSCRIPT, tmp_path / "corpus" / TRANSCRIPT.name)
    (tmp_path / "story.md").write_text(STORY, "utf-8")
    return tmp_path


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_bad_input(world: Path, case: Case) -> None:
    for name, content in case.files.items():
        path = world / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    if case.prepare is not None:
        case.prepare(world)
    before = snapshot(world)
    contents = {path: (world / path).read_bytes() for path, (d, _) in before.items() if len(d) == 64}
    started = time.monotonic()
    if case.runner is not None:
        result = case.runner(world)
    else:
        result = run(*case.args, cwd=world, stdin=case.stdin, timeout=case.timeout)
    took = time.monotonic() - started
    if case.seconds is not None:
        assert took < case.seconds, f"took {took:.1f} s"

    statuses = case.status if isinstance(case.status, tuple) else (case.status,)
    assert result.returncode in statuses, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    expected = case.lines if case.lines is not None else (1 if case.says else 0)
    if not case.loose:
        assert len(lines) == expected, result.stderr
    for word in case.says:
        assert any(word in line for line in lines), (word, result.stderr)
    if case.says and result.returncode == 2:
        assert lines[0].startswith("quotecheck: "), lines[0]
    for word in case.stdout:
        assert word in result.stdout, (word, result.stdout[:2000])
    for word in case.not_stdout:
        assert word not in result.stdout, (word, result.stdout[:2000])

    after = snapshot(world)
    for path in case.new:
        after.pop(path, None)
    if case.rewrites is not None:
        have = {(world / p).read_bytes() for p, (d, _) in after.items() if len(d) == 64}
        lost = [p for p, data in contents.items() if data not in have and p not in case.rewrites]
        assert not lost, f"content lost: {lost}"
    else:
        assert after == before, {
            k: (before.get(k), after.get(k))
            for k in set(before) | set(after)
            if before.get(k) != after.get(k)
        }
    if case.check is not None:
        case.check(world, result)


def table() -> str:
    """The cases as input -> exit status -> message, from a real run of each."""
    import tempfile

    rows = []
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "corpus").mkdir()
            shutil.copyfile(TRANSCRIPT, root / "corpus" / TRANSCRIPT.name)
            (root / "story.md").write_text(STORY, "utf-8")
            for name, content in case.files.items():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    (root / name).write_bytes(content)
                else:
                    (root / name).write_text(content, "utf-8")
            if case.prepare is not None:
                case.prepare(root)
            result = (
                case.runner(root)
                if case.runner
                else run(*case.args, cwd=root, stdin=case.stdin, timeout=case.timeout)
            )
            message = (
                " / ".join(line for line in result.stderr.strip().splitlines() if "batch:" not in line)
                or "(nothing on stderr)"
            )
            rows.append(f"| {case.name} | {result.returncode} | {message.replace('|', '/')} |")
    return "| input | exit | message |\n|---|---|---|\n" + "\n".join(rows)


if __name__ == "__main__":
    print(table())
