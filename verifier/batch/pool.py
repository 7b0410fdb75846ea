"""Many articles against one corpus, in parallel, into a JSONL file that survives interruption.

Each line of the output is one article's report (the report contract) plus its
``path`` and the ``sha256`` of its content, or ``{"path", "error"}`` for an article
that cannot be read. Lines are appended, flushed and fsynced one at a time by the
parent process alone, so a crash loses at most the line being written; ``resume``
drops such a partial last line and skips every (path, content hash) already there.
"""

from __future__ import annotations

import ctypes
import glob
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from verifier.errors import InputError, QuotecheckError
from verifier.models import Severity

if TYPE_CHECKING:
    from verifier.session import Verifier

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".yaml")


CorpusOpener = Callable[[], Any]
Progress = Callable[[int, int], None]
Source = Callable[[list[tuple[str, str | None]]], Iterator[dict[str, Any]]]


@dataclass(slots=True)
class BatchSummary:
    """Totals over the whole output file, and what this run did."""

    processed: int = 0  # articles verified by this run
    skipped: int = 0  # already in the output (resume)
    errors: int = 0  # articles that could not be read, this run
    articles: int = 0  # article reports in the output file after the run
    quotes: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"ok": 0, "warn": 0, "fail": 0})
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Articles verified per second by this run."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def worst(self) -> Severity | None:
        for sev in (Severity.FAIL, Severity.WARN, Severity.OK):
            if self.counts[sev.value]:
                return sev
        return None

    def add(self, line: dict[str, Any]) -> None:
        """Count one article report line."""
        self.articles += 1
        self.quotes += len(line.get("findings", ()))
        for key in self.counts:
            self.counts[key] += int(line.get("summary", {}).get(key, 0))


def collect_paths(target: str | Path) -> list[Path]:
    """Articles a DIR (every article file under it) or a glob (``**`` allowed) names, sorted."""
    root = Path(target)
    if root.is_dir():
        found = [p for p in root.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()]
        found = [p for p in found if not p.name.endswith(".review.yaml")]
    elif root.is_file():
        found = [root]
    else:
        found = [Path(p) for p in glob.glob(str(target), recursive=True) if Path(p).is_file()]
    if not found:
        raise InputError("no articles found (a folder of .txt/.md/.html/.htm/.yaml, or a glob)",
                         path=str(target))
    return sorted(found)


def content_sha(path: Path) -> str | None:
    """sha256 of a file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _key(path: str, sha: str | None) -> tuple[str, str | None]:
    return os.path.abspath(path), sha


def read_done(out: Path, summary: BatchSummary) -> set[tuple[str, str | None]]:
    """(path, sha) of every line already in ``out``; a partial last line is cut off the file."""
    if not out.is_file():
        return set()
    data = out.read_bytes()
    complete = data.rfind(b"\n") + 1
    done = _report_lines(out, data[:complete], summary)
    if complete < len(data):
        if not done:  # nothing shows the file is ours: never cut a stranger's content
            raise InputError("not a batch report (no complete report line); use another --out",
                             path=str(out), line=1)
        with out.open("r+b") as f:
            f.truncate(complete)
            f.flush()
            os.fsync(f.fileno())
        summary.warnings.append(
            f"{out}: dropped a partial last line ({len(data) - complete} bytes) left by an interrupted run"
        )
    return done


def _report_lines(out: Path, data: bytes, summary: BatchSummary) -> set[tuple[str, str | None]]:
    """The (path, sha) of each line, checked before the file is touched at all."""
    done: set[tuple[str, str | None]] = set()
    for n, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
            path = line["path"]
            if not isinstance(path, str):
                raise TypeError(path)
        except (ValueError, KeyError, TypeError):
            raise InputError("not a batch report line; use another --out", path=str(out), line=n) from None
        done.add(_key(path, line.get("sha256")))
        if "error" not in line:
            summary.add(line)
    return done


# --- workers ------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the batch process dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _init_worker(opener: CorpusOpener) -> None:
    """Open the session once per worker process; a failure is raised on the first task.

    A forked worker already holds the session the parent opened, and keeps it.
    """
    _die_with_parent()
    if "verifier" in _WORKER:
        return
    try:
        _WORKER["verifier"] = as_verifier(opener())
    except QuotecheckError as exc:
        _WORKER["failed"] = str(exc)


def as_verifier(opened: Any) -> Verifier:
    """What an opener gave, as a session: a Verifier as is, a bare corpus with the defaults."""
    from verifier.session import Verifier

    return opened if isinstance(opened, Verifier) else Verifier(opened)


def verify_path(path: str, sha: str | None, verifier: Verifier) -> dict[str, Any]:
    """One output line: the article's report plus path and sha256, or an error line."""
    from verifier.articles.loaders import load_article

    try:
        article = load_article(path)
        findings = verifier.verify_article(article)
    except QuotecheckError as exc:
        return {"path": path, "error": str(exc), "sha256": sha}
    return {**verifier.report(article, findings), "path": path, "sha256": sha}


def _work(path: str, sha: str | None) -> dict[str, Any]:
    if "failed" in _WORKER:
        raise InputError(f"cannot open the corpus: {_WORKER['failed']}")
    return verify_path(path, sha, _WORKER["verifier"])


# --- the run ------------------------------------------------------------------------------


def run_batch(
    paths: Sequence[str | Path],
    corpus_opener: CorpusOpener,
    out: str | Path,
    *,
    jobs: int = 1,
    resume: bool = False,
    progress: Progress | None = None,
    source: Source | None = None,
) -> BatchSummary:
    """Verify every article into ``out`` (JSONL); with ``resume``, skip those already there.

    ``corpus_opener`` gives the session (a ``Verifier``; a bare corpus is verified with
    the default policy); each worker calls it once. ``source``, when given, makes the
    lines instead of the process pool (a Dask cluster).
    """
    started = time.perf_counter()
    out = Path(out)
    check_out(out, paths, resume=resume)
    summary = BatchSummary()
    done = read_done(out, summary) if resume else set()
    todo: list[tuple[str, str | None]] = []
    for p in paths:
        sha = content_sha(Path(p))
        if _key(str(p), sha) in done:
            summary.skipped += 1
        else:
            todo.append((str(p), sha))
    total = len(todo)
    try:
        with out.open("ab" if resume else "wb") as sink:
            lines = source(todo) if source else _results(todo, corpus_opener, jobs)
            for n, line in enumerate(lines, 1):
                _append(sink, line)
                if "error" in line:
                    summary.errors += 1
                    summary.warnings.append(line["error"])
                else:
                    summary.processed += 1
                    summary.add(line)
                if progress is not None:
                    progress(n, total)
    except OSError as exc:
        raise InputError(f"cannot write the report: {exc.strerror or exc}", path=str(out)) from None
    summary.seconds = time.perf_counter() - started
    return summary


def check_out(out: Path, paths: Sequence[str | Path], *, resume: bool) -> None:
    """Refuse an --out that would cost the user a file: an input, a folder, a stranger's file."""
    if out.is_dir():
        raise InputError("--out is a folder; give a file name", path=str(out))
    if not out.parent.is_dir():
        raise InputError(f"--out's folder {str(out.parent)!r} does not exist", path=str(out))
    if out.exists() and any(_same_file(out, Path(p)) for p in paths):
        raise InputError("--out is one of the input articles; it would be overwritten", path=str(out))
    if resume or not out.is_file() or out.stat().st_size == 0:
        return
    with out.open("rb") as f:
        head = f.readline(1_000_000)
    try:
        first = json.loads(head)
        ours = head.endswith(b"\n") and isinstance(first, dict) and isinstance(first.get("path"), str)
    except ValueError:
        ours = False
    if not ours:
        raise InputError("exists and is not a batch report; refusing to overwrite it", path=str(out))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _append(sink: BinaryIO, line: dict[str, Any]) -> None:
    """One whole line, on disk before the next is written."""
    sink.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
    sink.flush()
    os.fsync(sink.fileno())


def _results(
    todo: list[tuple[str, str | None]],
    opener: CorpusOpener,
    jobs: int,
) -> Iterator[dict[str, Any]]:
    """Lines in completion order: in this process for one job, else from a process pool."""
    if not todo:
        return
    if jobs <= 1 or len(todo) == 1:
        verifier = as_verifier(opener())
        for path, sha in todo:
            yield verify_path(path, sha, verifier)
        return
    _WORKER.clear()
    if multiprocessing.get_start_method() == "fork":
        # Open once here: forked workers share it, and an index is built or updated only once.
        _WORKER.update(verifier=as_verifier(opener()))
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(todo)), initializer=_init_worker,
            initargs=(opener,),
        ) as pool:
            yield from _bounded(pool, todo, limit=jobs * 4)
    finally:
        _WORKER.clear()


def _bounded(
    pool: ProcessPoolExecutor, todo: Iterable[tuple[str, str | None]], *, limit: int
) -> Iterator[dict[str, Any]]:
    """Keep at most ``limit`` articles in flight, so memory stays flat on huge batches."""
    pending: set[Future[dict[str, Any]]] = set()
    queue = iter(todo)
    try:
        while True:
            for path, sha in queue:
                pending.add(pool.submit(_work, path, sha))
                if len(pending) >= limit:
                    break
            if not pending:
                return
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()
    finally:
        for future in pending:
            future.cancel()
