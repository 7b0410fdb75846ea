"""Bring a copy of an index up to date: parse only added and changed files.

Transcripts added or changed since the last full build go to the delta
segment, whose postings are rebuilt whole each time (it stays small); the
rows they replace stay in main, marked dead, with their counts taken off
through ``adjust``. When delta and dead words pass ``MERGE_ABOVE`` of the
corpus, main is rebuilt from the stored word arrays (no file is parsed again).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import numpy.typing as npt

from verifier.corpus.index.store import FileState, Progress, file_sha, unpack_arrays, unpack_vocab
from verifier.corpus.index.write import (
    Prepared,
    insert_doc,
    insert_file,
    open_tmp,
    prepare,
    write_meta,
    write_postings,
    write_vocab,
)
from verifier.corpus.postings import gram_counts, word_ids

MERGE_ABOVE = 0.15  # share of words in delta or dead that triggers a rebuild of main


def update_copy(
    root: Path, states: list[FileState], tmp: Path, progress: Progress | None, workers: int | None
) -> dict[str, int]:
    con = open_tmp(tmp)
    con.execute("BEGIN")
    old = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT path, size, mtime_ns, sha, tid, body_hash, message, line, row FROM files"
        )
    }
    now = {s.rel for s in states}
    deleted = [rel for rel in old if rel not in now]
    reparse: list[FileState] = []
    added = changed = 0
    for s in states:
        o = old.get(s.rel)
        if o is None:
            added += 1
            reparse.append(s)
        elif o[3] != s.tid:
            changed += 1
            reparse.append(s)
        elif (o[0], o[1]) != (s.size, s.mtime_ns):
            if file_sha(s.path.read_bytes()) != o[2]:
                changed += 1
                reparse.append(s)
    parsed: dict[str, Prepared] = {p.state.rel: p for p in prepare(root, reparse, progress, workers)}
    # Which files give a transcript now: the first of each body, in path order.
    while True:
        kept: dict[str, str] = {}  # body hash -> rel
        need: list[FileState] = []
        for s in states:
            p = parsed.get(s.rel)
            body = p.body_hash if p is not None else old[s.rel][4]
            if body is None or body in kept:
                continue
            kept[body] = s.rel
            if p is None and old[s.rel][7] is None:
                need.append(s)  # was a duplicate, is the first copy now: never stored
        if not need:
            break
        for p in prepare(root, need, None, 1):
            parsed[p.state.rel] = p
    keep_rels = set(kept.values())
    # Retire rows that no longer stand for a kept, unchanged file.
    rows = {r[0]: (r[1], r[2]) for r in con.execute("SELECT row, path, seg FROM docs WHERE live=1")}
    retire = [
        row for row, (rel, _seg) in rows.items() if rel not in keep_rels or rel in parsed or rel in deleted
    ]
    for row in retire:
        if rows[row][1] == 0:
            (blob,) = con.execute("SELECT arrays FROM docs WHERE row=?", (row,)).fetchone()
            keys, counts = gram_counts(unpack_arrays(blob)[0])
            con.executemany(
                "INSERT INTO adjust VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET n = n + excluded.n",
                zip(keys, (-c for c in counts), strict=True),
            )
            con.execute("UPDATE docs SET live=0 WHERE row=?", (row,))
        else:
            con.execute("DELETE FROM docs WHERE row=?", (row,))
    (blob,) = con.execute("SELECT data FROM blobs WHERE name='vocab'").fetchone()
    vocab = {w: i for i, w in enumerate(unpack_vocab(blob))}
    new_row: dict[str, int] = {}
    for rel, p in parsed.items():
        if rel in keep_rels and p.body_hash is not None:
            ids = word_ids(vocab, p.norms)
            new_row[rel] = insert_doc(con, p, ids, 1, 0)
    write_vocab(con, vocab)
    # The files table, rewritten whole.
    con.execute("DELETE FROM files")
    for s in states:
        if s.rel in parsed:
            p = parsed[s.rel]
            insert_file(con, p, new_row.get(s.rel))
        else:
            o = old[s.rel]
            row = o[7] if s.rel in keep_rels else None
            con.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (s.rel, s.size, s.mtime_ns, o[2], s.tid, o[4], o[5], o[6], row),
            )
    merged = _rebuild_segments(con, progress)
    write_meta(con, root)
    con.execute("COMMIT")
    con.close()
    words, docs = _live_totals(tmp)
    return {
        "transcripts": docs,
        "words": words,
        "added": added,
        "changed": changed,
        "deleted": len(deleted),
        "parsed": len(parsed),
        "merged": merged,
    }


def _live_totals(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    words, docs = con.execute("SELECT coalesce(sum(n_words), 0), count(*) FROM docs WHERE live=1").fetchone()
    con.close()
    return int(words), int(docs)


def _rebuild_segments(con: sqlite3.Connection, progress: Progress | None) -> bool:
    """Rebuild the delta postings; rebuild main too when delta and dead words grow large."""
    (total,) = con.execute("SELECT coalesce(sum(n_words), 0) FROM docs").fetchone()
    (extra,) = con.execute("SELECT coalesce(sum(n_words), 0) FROM docs WHERE seg=1 OR live=0").fetchone()
    merge = bool(total > 0 and extra > MERGE_ABOVE * total)
    if merge:
        con.execute("DELETE FROM docs WHERE live=0")
        con.execute("DELETE FROM adjust")
        con.execute("UPDATE docs SET seg=0")
        _rebuild(con, "post", 0, progress)
        con.execute("DELETE FROM dpost")
    else:
        _rebuild(con, "dpost", 1, progress)
    return merge


def _rebuild(con: sqlite3.Connection, table: str, seg: int, progress: Progress | None) -> None:
    """Lay out one segment's live transcripts end to end and write its postings."""
    ids_list: list[npt.NDArray[np.int32]] = []
    bases: list[int] = []
    base = 0
    updates = []
    for row, blob in con.execute(
        "SELECT row, arrays FROM docs WHERE seg=? AND live=1 ORDER BY row", (seg,)
    ).fetchall():
        ids = unpack_arrays(blob)[0].copy()
        ids_list.append(ids)
        bases.append(base)
        updates.append((base, row))
        base += len(ids) + 1
    con.executemany("UPDATE docs SET seg_base=? WHERE row=?", updates)
    write_postings(con, table, ids_list, bases, progress)
