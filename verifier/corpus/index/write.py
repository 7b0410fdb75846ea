"""Writing an index file: transcripts parsed into rows, word arrays, the vocabulary, postings.

Both the full build and the incremental update write through these, so a row, a blob
and a postings list look the same whichever wrote them.
"""

from __future__ import annotations

import os
import sqlite3
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from verifier.corpus.index.store import (
    SCHEMA,
    FileState,
    Progress,
    aliases_blob,
    aliases_hash,
    file_sha,
    fingerprint,
    pack_arrays,
    pack_vocab,
    speaker_lines,
    transcript_blob,
)
from verifier.corpus.postings import build_postings
from verifier.corpus.search_space import doc_tokens

PARALLEL_ABOVE = 64  # files to parse; below this, worker start-up costs more than it saves
CHUNK = 32


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
    from verifier.corpus.files import load_one_file  # the loader's own per-file step: same ids, hashes

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
    from verifier.transcripts.speakers import load_aliases

    aliases = load_aliases(root)
    total = len(states)
    done = 0
    if progress:
        progress("parse", 0, total)
    chunks = [states[i : i + CHUNK] for i in range(0, total, CHUNK)]
    if total > PARALLEL_ABOVE and (workers is None or workers > 1):
        from concurrent.futures import ProcessPoolExecutor  # only a large build pays for it

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


def open_tmp(tmp: Path) -> sqlite3.Connection:
    con = sqlite3.connect(tmp, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")  # a private file: the rename is the commit
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    return con


def write_meta(con: sqlite3.Connection, root: Path) -> None:
    """The schema, the parser fingerprint, and the speakers.yaml the transcripts were read with."""
    con.execute("DELETE FROM meta")
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("schema", SCHEMA), ("fingerprint", fingerprint()), ("aliases", aliases_hash(root))],
    )
    con.execute("DELETE FROM blobs WHERE name='aliases'")
    blob = aliases_blob(root)
    if blob is not None:
        con.execute("INSERT INTO blobs VALUES ('aliases', ?)", (blob,))


def _arrays_blob(p: Prepared, ids: npt.NDArray[np.int32]) -> bytes:
    from array import array

    from verifier.corpus.search_space import DocTokens

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


def insert_doc(con: sqlite3.Connection, p: Prepared, ids: npt.NDArray[np.int32], seg: int, base: int) -> int:
    cur = con.execute(
        "INSERT INTO docs (path, tid, date, speakers, n_words, seg, seg_base, live, body, arrays)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        (p.state.rel, p.state.tid, p.date, p.speakers, len(p.norms), seg, base, p.body, _arrays_blob(p, ids)),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def write_vocab(con: sqlite3.Connection, vocab: dict[str, int]) -> None:
    """Words in id order (a dict keeps insertion order, and ids are given in that order)."""
    con.execute("INSERT OR REPLACE INTO blobs VALUES ('vocab', ?)", (pack_vocab(vocab),))


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
        rows = build_postings(ids_list, bases).rows()
        con.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)", rows)
    if progress:
        progress(f"postings {table}", 1, 1)
