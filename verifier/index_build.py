"""Build or update a corpus index: parse only what changed, write a new file, swap it in.

A build never writes the index in place. It copies the old index (or starts an
empty one) under a temporary name, applies the changes there, then
``os.replace``s it over the old one. A build killed part-way leaves the old
index untouched; a reader that opened the old file keeps reading it.

Postings live in two segments. ``post`` (main) is built by a full build;
``dpost`` (delta) holds the transcripts added or changed since, and is rebuilt
whole on every update (it stays small). A transcript changed or deleted since
the full build stays in main, marked dead: its hits are dropped at query time
and its counts are taken off through ``adjust``. When the delta and the dead
grow past a share of the corpus, main is rebuilt from the stored word arrays,
without re-parsing anything.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .errors import CorpusIndexError, InputError
from .index_store import (
    DDL,
    SCHEMA,
    FileState,
    aliases_hash,
    check_freshness,
    default_index_path,
    file_sha,
    fingerprint,
    pack_arrays,
    pack_vocab,
    read_meta,
    scan,
    speaker_lines,
    transcript_blob,
)
from .search_space import doc_tokens

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PARALLEL_ABOVE = 64  # files to parse; below this, worker start-up costs more than it saves
CHUNK = 32


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexStats:
    """What a build did."""

    path: str
    mode: str  # full | incremental | unchanged
    files: int
    transcripts: int
    words: int
    added: int = 0
    changed: int = 0
    deleted: int = 0
    parsed: int = 0
    merged: bool = False
    seconds: float = 0.0
    bytes: int = 0

    def summary(self) -> str:
        return (
            f"indexed {self.transcripts} transcripts ({self.words:,} words) from {self.files} files"
            f" [{self.mode}: +{self.added} ~{self.changed} -{self.deleted}, parsed {self.parsed}]"
            f" in {self.seconds:.1f}s -> {self.path} ({self.bytes / 1e6:.1f} MB)"
        )


@dataclass(slots=True)
class Prepared:
    """One file parsed and tokenised, ready to store (built in a worker process)."""

    state: FileState
    sha: str
    body_hash: str | None = None
    message: str | None = None
    line: int | None = None
    date: str | None = None
    speakers: str = ""
    body: bytes = b""
    norms: tuple[str, ...] = ()
    starts: bytes = b""
    ends: bytes = b""
    turns: bytes = b""


def _prepare_chunk(states: Sequence[FileState], aliases: object) -> list[Prepared]:
    from .corpus_files import load_one_file  # the loader's own per-file step: same ids, hashes

    out = []
    for st in states:
        try:
            sha = file_sha(st.path.read_bytes())
        except OSError:
            sha = ""
        r = load_one_file(str(st.path), st.tid, None, aliases)  # type: ignore[arg-type]
        if r.transcript is None:
            assert r.warning is not None
            out.append(Prepared(st, sha, message=r.warning.message, line=r.warning.line))
            continue
        t = r.transcript
        toks = doc_tokens(t)
        out.append(
            Prepared(
                st,
                sha,
                body_hash=r.body_hash,
                date=t.date,
                speakers=speaker_lines(t),
                body=transcript_blob(t),
                norms=toks.norms,
                starts=toks.starts.tobytes(),
                ends=toks.ends.tobytes(),
                turns=toks.turns.tobytes(),
            )
        )
    return out


def prepare(
    root: Path, states: Sequence[FileState], progress: Progress | None, workers: int | None
) -> Iterator[Prepared]:
    """Parse files, in order, in worker processes when there are many."""
    from .speakers import load_aliases

    aliases = load_aliases(root)
    total = len(states)
    done = 0
    if progress:
        progress("parse", 0, total)
    chunks = [states[i : i + CHUNK] for i in range(0, total, CHUNK)]
    if total > PARALLEL_ABOVE and (workers is None or workers > 1):
        ahead = 4 * (workers or os.cpu_count() or 2)  # chunks in flight: bounded memory
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = deque(pool.submit(_prepare_chunk, c, aliases) for c in chunks[:ahead])
            following = iter(chunks[ahead:])
            while futures:  # submission order: deterministic
                results = futures.popleft().result()
                nxt = next(following, None)
                if nxt is not None:
                    futures.append(pool.submit(_prepare_chunk, nxt, aliases))
                for p in results:
                    done += 1
                    yield p
                if progress:
                    progress("parse", done, total)
    else:
        for c in chunks:
            for p in _prepare_chunk(c, aliases):
                done += 1
                yield p
            if progress:
                progress("parse", done, total)


# -- postings --------------------------------------------------------------------------------


def segment_postings(
    ids_list: Sequence[npt.NDArray[np.int32]], bases: Sequence[int]
) -> Iterator[tuple[int, int, bytes]]:
    """(key, count, uint32 positions) for every word and word pair of a segment, by key."""
    total = (bases[-1] + len(ids_list[-1]) + 1) if ids_list else 0
    flat = np.full(total + 1, -1, np.int64)
    for base, ids in zip(bases, ids_list, strict=True):
        flat[base : base + len(ids)] = ids
    present = np.flatnonzero(flat >= 0)
    keys = flat[present]
    nxt = flat[present + 1]
    ok = nxt >= 0
    bi_keys = ((keys[ok] + 1) << 32) | nxt[ok]
    bi_pos = present[ok]
    del flat, nxt, ok
    for k, p in ((keys, present), (bi_keys, bi_pos)):
        order = np.argsort(k, kind="stable")
        sk = k[order]
        sp = p[order].astype(np.uint32)
        del order
        cuts = np.flatnonzero(np.diff(sk)) + 1
        starts = np.concatenate(([0], cuts)).tolist()
        ends = np.concatenate((cuts, [len(sk)])).tolist()
        key_list = sk[starts].tolist() if len(sk) else []
        buf = sp.tobytes()
        for key, s, e in zip(key_list, starts, ends, strict=True):
            yield key, e - s, buf[4 * s : 4 * e]


# -- the build -------------------------------------------------------------------------------


def _tmp_path(ipath: Path) -> Path:
    return ipath.with_name(f"{ipath.name}.tmp-{os.getpid()}")


def clean_stale_tmp(ipath: Path) -> None:
    """Remove temporary files left by builds that were killed (their process is gone)."""
    for p in ipath.parent.glob(f"{ipath.name}.tmp-*"):
        try:
            pid = int(p.name.rsplit("-", 1)[1].split("-")[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            p.unlink(missing_ok=True)
        except (ValueError, PermissionError, OSError):
            continue


def open_tmp(tmp: Path) -> sqlite3.Connection:
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")  # a private file: the rename is the commit
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    return con


def _finish(tmp: Path, ipath: Path) -> int:
    """Make the new file durable and swap it in; returns its size."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, ipath)
    try:
        dfd = os.open(ipath.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
    return ipath.stat().st_size


def build_index(
    corpus_dir: str | Path,
    index_path: str | Path | None = None,
    *,
    progress: Progress | None = None,
    full: bool = False,
    workers: int | None = None,
) -> IndexStats:
    """Index the transcripts under ``corpus_dir``: incrementally when an index exists."""
    started = time.perf_counter()
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputError("corpus folder not found", path=str(corpus_dir))
    ipath = Path(index_path) if index_path else default_index_path(root)
    ipath.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_tmp(ipath)
    states = scan(root)
    fresh = check_freshness(root, ipath)
    tmp = _tmp_path(ipath)
    tmp.unlink(missing_ok=True)
    try:
        if fresh.fresh and not full:
            con = sqlite3.connect(f"{ipath.resolve().as_uri()}?mode=ro", uri=True)
            words = con.execute("SELECT coalesce(sum(n_words), 0) FROM docs WHERE live=1").fetchone()[0]
            docs = con.execute("SELECT count(*) FROM docs WHERE live=1").fetchone()[0]
            con.close()
            return IndexStats(
                path=str(ipath), mode="unchanged", files=len(states), transcripts=docs,
                words=words, seconds=time.perf_counter() - started, bytes=ipath.stat().st_size,
            )
        if fresh.exists and fresh.compatible and not full:
            shutil.copyfile(ipath, tmp)
            from .index_update import update_copy

            stats = update_copy(root, states, tmp, progress, workers)
            mode = "incremental"
        else:
            stats = _full(root, states, tmp, progress, workers)
            mode = "full"
        size = _finish(tmp, ipath)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return IndexStats(
        path=str(ipath), mode=mode, files=len(states), bytes=size,
        seconds=time.perf_counter() - started,
        transcripts=stats["transcripts"], words=stats["words"], added=stats.get("added", 0),
        changed=stats.get("changed", 0), deleted=stats.get("deleted", 0),
        parsed=stats.get("parsed", 0), merged=bool(stats.get("merged", 0)),
    )


def write_meta(con: sqlite3.Connection, root: Path) -> None:
    con.execute("DELETE FROM meta")
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("schema", SCHEMA), ("fingerprint", fingerprint()), ("aliases", aliases_hash(root))],
    )


def vocab_ids(vocab: dict[str, int], norms: Sequence[str]) -> npt.NDArray[np.int32]:
    return np.fromiter((vocab.setdefault(w, len(vocab)) for w in norms), np.int32, len(norms))


def _arrays_blob(p: Prepared, ids: npt.NDArray[np.int32]) -> bytes:
    from array import array

    from .search_space import DocTokens

    toks = DocTokens(
        norms=p.norms, starts=array("i", p.starts), ends=array("i", p.ends), turns=array("i", p.turns)
    )
    return pack_arrays(toks, ids)


def insert_file(con: sqlite3.Connection, p: Prepared, row: int | None) -> None:
    st = p.state
    con.execute(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (st.rel, st.size, st.mtime_ns, p.sha, st.tid, p.body_hash, p.message, p.line, row),
    )


def insert_doc(
    con: sqlite3.Connection, p: Prepared, ids: npt.NDArray[np.int32], seg: int, base: int
) -> int:
    cur = con.execute(
        "INSERT INTO docs (path, tid, date, speakers, n_words, seg, seg_base, live, body, arrays)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        (p.state.rel, p.state.tid, p.date, p.speakers, len(p.norms), seg, base, p.body,
         _arrays_blob(p, ids)),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def write_vocab(con: sqlite3.Connection, vocab: dict[str, int]) -> None:
    """Words in id order (a dict keeps insertion order, and ids are given in that order)."""
    con.execute(
        "INSERT OR REPLACE INTO blobs VALUES ('vocab', ?)", (pack_vocab(vocab),)
    )


def write_postings(
    con: sqlite3.Connection,
    table: str,
    ids_list: Sequence[npt.NDArray[np.int32]],
    bases: Sequence[int],
    progress: Progress | None,
) -> None:
    con.execute(f"DELETE FROM {table}")
    if progress:
        progress(f"postings {table}", 0, 1)
    if ids_list:
        con.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", segment_postings(ids_list, bases))
    if progress:
        progress(f"postings {table}", 1, 1)


def _full(
    root: Path, states: list[FileState], tmp: Path, progress: Progress | None, workers: int | None
) -> dict[str, int]:
    con = open_tmp(tmp)
    con.executescript(DDL)
    con.execute("BEGIN")
    vocab: dict[str, int] = {}
    first_by_hash: dict[str, str] = {}
    ids_list: list[npt.NDArray[np.int32]] = []
    bases: list[int] = []
    base = 0
    for p in prepare(root, states, progress, workers):
        if p.body_hash is None or p.body_hash in first_by_hash:
            insert_file(con, p, None)
            continue
        first_by_hash[p.body_hash] = p.state.rel
        ids = vocab_ids(vocab, p.norms)
        row = insert_doc(con, p, ids, 0, base)
        insert_file(con, p, row)
        ids_list.append(ids)
        bases.append(base)
        base += len(ids) + 1
    write_vocab(con, vocab)
    write_postings(con, "post", ids_list, bases, progress)
    write_meta(con, root)
    con.execute("COMMIT")
    con.close()
    return {
        "transcripts": len(ids_list),
        "words": int(sum(len(i) for i in ids_list)),
        "added": len(states),
        "parsed": len(states),
    }


def read_index_meta(index_path: str | Path) -> dict[str, str]:
    """The meta table of an index (empty when unreadable)."""
    try:
        con = sqlite3.connect(f"{Path(index_path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise CorpusIndexError(f"cannot open index: {exc}", path=str(index_path)) from None
    try:
        return read_meta(con)
    finally:
        con.close()
