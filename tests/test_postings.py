"""A transcript's postings are the same whether built in memory or written to the index."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from tests.conftest import ARCHIVE
from verifier.corpus.index import build_index
from verifier.corpus.index.store import unpack_arrays, unpack_vocab
from verifier.corpus.memory import BUNDLED_CORPUS, Corpus
from verifier.corpus.postings import PAIR_BASE, Postings, doc_grams, gram_key, pair_keys, word_ids

# Real briefings and remarks of different shapes: a long press briefing, a short
# statement-like remark, a town hall with many speakers.
REAL = (
    "press-briefings/2021-01/2021-01-21-press-briefing-by-press-secretary-jen-psaki-january-21-2021.md",
    "speeches-remarks/2024-10/2024-10-10-remarks-by-vice-president-harris-in-a-univision-town-hall-with-enrique-acevedo.md",
    "speeches-remarks/2024-10/2024-10-10-remarks-as-prepared-for-delivery-by-first-lady-jill-biden-at-the-2024-girls-leading-change-celebration.md",
)

Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]


def table_postings(con: sqlite3.Connection, table: str) -> Postings:
    """A segment's postings read back from its table, in the in-memory form."""
    parts: dict[bool, tuple[list[int], list[npt.NDArray[np.int64]]]] = {False: ([], []), True: ([], [])}
    for key, n, blob in con.execute(f"SELECT key, n, pos FROM {table} ORDER BY key"):
        keys, pos = parts[key >= PAIR_BASE]
        keys.extend([key] * n)
        pos.append(np.frombuffer(blob, np.uint32).astype(np.int64))

    def part(pair: bool) -> Pairs:
        keys, pos = parts[pair]
        return np.array(keys, np.int64), (np.concatenate(pos) if pos else np.zeros(0, np.int64))

    return Postings(words=part(False), pairs=part(True))


def same(a: Pairs, b: Pairs) -> bool:
    return np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


def assert_identical(root: Path, index: Path) -> int:
    """Every transcript's postings: in memory, in the index, and from its words alone."""
    memory = Corpus.from_path(root)
    build_index(root, index, workers=1)
    con = sqlite3.connect(index)
    (vocab_blob,) = con.execute("SELECT data FROM blobs WHERE name='vocab'").fetchone()
    assert unpack_vocab(vocab_blob) == list(memory.word_ids())  # same ids, so same keys
    stored = table_postings(con, "post")
    docs = con.execute("SELECT tid, seg_base, n_words, arrays FROM docs WHERE live=1").fetchall()
    assert sorted(d[0] for d in docs) == sorted(memory.doc_ids())
    vocab = memory.word_ids()
    for tid, seg_base, n_words, blob in docs:
        d = memory.doc_index(tid)
        assert d is not None
        ids = word_ids(vocab, memory.tokens(d).norms)
        assert np.array_equal(unpack_arrays(blob)[0], ids)
        alone = doc_grams(ids)
        assert same(memory.postings().doc_postings(memory.doc_base(d), n_words), alone), tid
        assert same(stored.doc_postings(seg_base, n_words), alone), tid
        assert len(alone[0]) == 2 * n_words - 1 if n_words else len(alone[0]) == 0
    con.close()
    return len(docs)


def test_bundled_corpus_postings_identical_in_memory_and_in_the_index(tmp_path: Path) -> None:
    assert assert_identical(BUNDLED_CORPUS, tmp_path / "bundled.sqlite") > 100


def test_real_transcripts_postings_identical_in_memory_and_in_the_index(tmp_path: Path) -> None:
    if not ARCHIVE.is_dir():
        pytest.skip(f"archive not found at {ARCHIVE}")
    root = tmp_path / "corpus"
    root.mkdir()
    for rel in REAL:
        shutil.copy(ARCHIVE / rel, root / Path(rel).name)
    assert assert_identical(root, tmp_path / "real.sqlite") == len(REAL)


def test_a_changed_transcript_goes_to_the_delta_with_the_same_postings(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS / "speeches-remarks" / "2023-12", root)
    index = tmp_path / "i.sqlite"
    build_index(root, index, workers=1)
    first = sorted(root.glob("*.md"))[0]
    first.write_text(first.read_text() + "\n\nTHE PRESIDENT: Zyzzyva quokka, thank you all.\n")
    build_index(root, index, workers=1)
    con = sqlite3.connect(index)
    vocab = {w: i for i, w in enumerate(unpack_vocab(con.execute("SELECT data FROM blobs").fetchone()[0]))}
    delta = table_postings(con, "dpost")
    rows = con.execute("SELECT seg_base, n_words, arrays FROM docs WHERE seg=1 AND live=1").fetchall()
    assert len(rows) == 1
    seg_base, n_words, blob = rows[0]
    ids = unpack_arrays(blob)[0]
    assert same(delta.doc_postings(seg_base, n_words), doc_grams(ids))
    key = gram_key([vocab["zyzzyva"], vocab["quokka"]])
    assert delta.count(key) == 1
    con.close()


def test_pair_keys_never_meet_a_word_id() -> None:
    first = np.array([0, 0, 7, 2**30], np.int32)
    second = np.array([0, 5, 0, 2**30], np.int32)
    keys = pair_keys(first, second)
    assert (keys >= PAIR_BASE).all()
    assert len(set(keys.tolist())) == 4
    assert [gram_key([int(a), int(b)]) for a, b in zip(first, second, strict=True)] == keys.tolist()
    assert gram_key([9]) == 9
