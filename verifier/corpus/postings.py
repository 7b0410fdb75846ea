"""Word and word-pair postings, built one way for the in-memory corpus and for the index.

A transcript's words get ids from a shared vocabulary (first seen, next id). Its grams
are every word, keyed by its id, and every pair of neighbouring words, keyed by
``pair_keys``; each gram is posted at the position of its first word. A corpus or an
index segment lays transcripts end to end from given base positions and sorts the
grams by key, positions ascending within a key. The in-memory corpus searches those
sorted arrays; the index stores them one row per key. Either way a transcript's
postings are the same keys at the same offsets from its base (``doc_postings``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

PAIR_BASE = 1 << 32  # every pair key is at least this; every word id is below it


def word_ids(vocab: dict[str, int], norms: Sequence[str]) -> npt.NDArray[np.int32]:
    """The ids of a transcript's words, adding unseen words to ``vocab`` in order."""
    return np.fromiter((vocab.setdefault(w, len(vocab)) for w in norms), np.int32, len(norms))


def pair_keys(first: npt.NDArray[np.integer], second: npt.NDArray[np.integer]) -> npt.NDArray[np.int64]:
    """The keys of word pairs: ``(first + 1) << 32 | second``, never a single word's id."""
    return ((first.astype(np.int64) + 1) << 32) | second.astype(np.int64)


def gram_key(ids: Sequence[int]) -> int:
    """The key of a word (its id) or a word pair (see ``pair_keys``)."""
    if len(ids) == 1:
        return int(ids[0])
    first, second = ids
    return ((int(first) + 1) << 32) | int(second)


def doc_grams(ids: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(keys, offsets) of every word and word pair of one transcript, by key then offset."""
    a = ids.astype(np.int64)
    at = np.arange(len(a), dtype=np.int64)
    return _sorted([a, pair_keys(a[:-1], a[1:])], [at, at[:-1]])


def gram_counts(ids: npt.NDArray[np.int32]) -> tuple[list[int], list[int]]:
    """Keys and occurrence counts of the words and word pairs of one transcript."""
    keys, _ = doc_grams(ids)
    uk, n = np.unique(keys, return_counts=True)
    return uk.tolist(), n.tolist()


@dataclass(frozen=True, slots=True)
class Postings:
    """Grams sorted by key, positions ascending within a key: words, then word pairs.

    Words and pairs are kept as two sorted parts (every pair key is above every word
    id, so together they are one sorted list) to halve the peak memory of a build.
    """

    words: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]  # (keys, positions)
    pairs: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]

    def _part(self, key: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        return self.words if key < PAIR_BASE else self.pairs

    def span(self, key: int) -> tuple[int, int]:
        """Where ``key``'s positions lie in its part."""
        keys, _ = self._part(key)
        return int(np.searchsorted(keys, key, "left")), int(np.searchsorted(keys, key, "right"))

    def positions(self, key: int) -> npt.NDArray[np.int64]:
        """Ascending positions of the gram with this key."""
        lo, hi = self.span(key)
        return self._part(key)[1][lo:hi]

    def count(self, key: int) -> int:
        lo, hi = self.span(key)
        return hi - lo

    def rows(self) -> Iterator[tuple[int, int, bytes]]:
        """(key, count, uint32 positions) for every key, by key: the index's rows."""
        for keys, pos in (self.words, self.pairs):
            if len(pos) and int(pos.max()) >= PAIR_BASE:
                raise OverflowError("postings positions do not fit in 32 bits")
            cuts = np.flatnonzero(np.diff(keys)) + 1
            starts = np.concatenate(([0], cuts)).tolist() if len(keys) else []
            ends = np.concatenate((cuts, [len(keys)])).tolist() if len(keys) else []
            key_list = keys[starts].tolist() if len(keys) else []
            buf = pos.astype(np.uint32).tobytes()
            for key, s, e in zip(key_list, starts, ends, strict=True):
                yield key, e - s, buf[4 * s : 4 * e]

    def doc_postings(self, base: int, n_words: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """(keys, offsets from ``base``) of one transcript laid out at ``base``, by key then offset."""
        keys_out, pos_out = [], []
        for keys, pos in (self.words, self.pairs):
            mine = (pos >= base) & (pos < base + n_words)
            keys_out.append(keys[mine])
            pos_out.append(pos[mine] - base)
        return np.concatenate(keys_out), np.concatenate(pos_out)


def build_postings(ids_list: Iterable[npt.NDArray[np.int32]], bases: Iterable[int]) -> Postings:
    """The postings of transcripts laid out at ``bases`` (ascending, none overlapping)."""
    parts: list[list[npt.NDArray[np.int64]]] = [[], [], [], []]  # word keys, positions, pair ...
    for ids, base in zip(ids_list, bases, strict=True):
        a = ids.astype(np.int64)
        at = np.arange(base, base + len(a), dtype=np.int64)
        parts[0].append(a)
        parts[1].append(at)
        parts[2].append(pair_keys(a[:-1], a[1:]))
        parts[3].append(at[:-1])
    return Postings(words=_sorted(parts[0], parts[1]), pairs=_sorted(parts[2], parts[3]))


def _sorted(
    keys: list[npt.NDArray[np.int64]], positions: list[npt.NDArray[np.int64]]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Keys sorted, positions kept ascending within a key (they arrive ascending)."""
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    k = np.concatenate(keys)
    p = np.concatenate(positions)
    order = np.argsort(k, kind="stable")
    return k[order], p[order]
