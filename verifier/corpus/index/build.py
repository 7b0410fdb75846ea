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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from verifier.corpus.index.store import (
    DDL,
    FileState,
    Progress,
    check_freshness,
    clean_stale_tmp,
    default_index_path,
    read_meta,
    scan,
)
from verifier.corpus.index.update import update_copy
from verifier.corpus.index.write import (
    insert_doc,
    insert_file,
    open_tmp,
    prepare,
    write_meta,
    write_postings,
    write_vocab,
)
from verifier.corpus.postings import word_ids
from verifier.errors import CorpusIndexError, InputError


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


# -- the build -------------------------------------------------------------------------------


def _tmp_path(ipath: Path) -> Path:
    return ipath.with_name(f"{ipath.name}.tmp-{os.getpid()}")


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
                path=str(ipath),
                mode="unchanged",
                files=len(states),
                transcripts=docs,
                words=words,
                seconds=time.perf_counter() - started,
                bytes=ipath.stat().st_size,
            )
        if fresh.exists and fresh.compatible and not full:
            shutil.copyfile(ipath, tmp)
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
        path=str(ipath),
        mode=mode,
        files=len(states),
        bytes=size,
        seconds=time.perf_counter() - started,
        transcripts=stats["transcripts"],
        words=stats["words"],
        added=stats.get("added", 0),
        changed=stats.get("changed", 0),
        deleted=stats.get("deleted", 0),
        parsed=stats.get("parsed", 0),
        merged=bool(stats.get("merged", 0)),
    )


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
        ids = word_ids(vocab, p.norms)
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
