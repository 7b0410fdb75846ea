"""A corpus read from its persistent index: the same SearchSpace as an in-memory Corpus.

Opening reads one small table (one row per transcript); words, postings and
transcripts are read when a quote needs them, and the transcripts and word
arrays last used are kept. Transcripts are numbered in the same order, and
words laid out at the same global positions, as ``Corpus.from_path`` on the
same folder, so every answer is the same with or without the index.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from verifier.corpus.index.store import (
    SCHEMA,
    aliases_from_blob,
    aliases_hash,
    connect_ro,
    read_meta,
    transcript_from_blob,
    unpack_arrays,
    unpack_vocab,
)
from verifier.corpus.postings import gram_key
from verifier.corpus.search_space import DOC_GAP, DocTokens
from verifier.errors import CorpusIndexError
from verifier.models import Transcript

if TYPE_CHECKING:
    from verifier.transcripts.speakers import Aliases

_CACHE = 64  # transcripts (and their word arrays) kept after use
_MMAP_BYTES = 1 << 31  # map up to 2 GB (where common SQLite builds cap it); beyond, plain reads


class Norms(Sequence[str]):
    """A transcript's words as stored (ids), spelled out only for the slice asked for."""

    __slots__ = ("_ids", "_words")

    def __init__(self, ids: npt.NDArray[np.int32], words: list[str]) -> None:
        self._ids = ids
        self._words = words

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        if isinstance(k, slice):
            words = self._words
            return tuple(words[i] for i in self._ids[k].tolist())
        return self._words[int(self._ids[k])]

    def __iter__(self) -> Iterator[str]:
        words = self._words
        return (words[i] for i in self._ids.tolist())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


class IndexedCorpus:
    """A read-only corpus backed by an index file; cheap to open, whatever its size."""

    def __init__(self, index_path: str | Path, *, root: str | Path | None = None) -> None:
        self.index_path = Path(index_path)
        if not self.index_path.is_file():
            raise CorpusIndexError("index not found", path=str(index_path))
        self._con = connect_ro(self.index_path)
        # Read pages through a memory map, not one read() call per 4 KB page: a quote
        # loads a dozen transcripts' word arrays (50 KB each). The file is never
        # written in place (a build replaces it), so a mapping stays valid.
        self._con.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
        self._lock = threading.Lock()
        meta = read_meta(self._con)
        if meta.get("schema") != SCHEMA:
            raise CorpusIndexError("not a quotecheck index, or from another version", path=str(index_path))
        root = Path(root) if root is not None else self.index_path.parent
        self.path: str | None = str(root)
        self._root = root
        rows = self._con.execute(
            "SELECT row, path, tid, date, speakers, n_words, seg, seg_base, live FROM docs"
        ).fetchall()
        live = sorted((r for r in rows if r[8]), key=lambda r: r[1])
        self._rows = np.array([r[0] for r in live], np.int64)
        self._rels = [r[1] for r in live]
        self._ids = [r[2] for r in live]
        self._dates: list[str | None] = [r[3] for r in live]
        self._speakers = [r[4] for r in live]
        sizes = np.array([r[5] for r in live], np.int64)
        self._bases = np.concatenate(([0], np.cumsum(sizes + DOC_GAP)[:-1])).astype(np.int64)
        if not live:
            self._bases = np.zeros(0, np.int64)
        doc_of_row = {row: d for d, row in enumerate(self._rows.tolist())}
        self._segs = []
        for seg in (0, 1):
            mine = sorted((r[7], doc_of_row.get(r[0], -1)) for r in rows if r[6] == seg)
            self._segs.append(
                (np.array([m[0] for m in mine], np.int64), np.array([m[1] for m in mine], np.int64))
            )
        self._by_id = {tid: d for d, tid in enumerate(self._ids)}
        self._words: list[str] | None = None
        self._word_ids: dict[str, int] = {}
        self._counts: dict[int, int] = {}
        self._transcripts: OrderedDict[int, Transcript] = OrderedDict()
        self._tokens: OrderedDict[int, DocTokens] = OrderedDict()
        self.warnings: tuple[str, ...] = tuple(
            f"{root / rel}:{line}: {msg}" if line is not None else f"{root / rel}: {msg}"
            for rel, msg, line in self._con.execute(
                "SELECT path, message, line FROM files WHERE message IS NOT NULL ORDER BY path"
            )
        )

    # -- documents ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._rows)

    def _row(self, doc: int, column: str) -> bytes:
        with self._lock:
            (blob,) = self._con.execute(
                f"SELECT {column} FROM docs WHERE row=?", (int(self._rows[doc]),)
            ).fetchone()
        return bytes(blob)

    def transcript(self, doc: int) -> Transcript:
        cached = self._transcripts.get(doc)
        if cached is None:
            cached = transcript_from_blob(self._row(doc, "body"), str(self._root / self._rels[doc]))
            self._transcripts[doc] = cached
            if len(self._transcripts) > _CACHE:
                self._transcripts.popitem(last=False)
        else:
            self._transcripts.move_to_end(doc)
        return cached

    def tokens(self, doc: int) -> DocTokens:
        cached = self._tokens.get(doc)
        if cached is None:
            a = unpack_arrays(self._row(doc, "arrays"))
            cached = DocTokens(
                norms=Norms(a[0], self._vocab()),  # type: ignore[arg-type]
                starts=array("i", a[1].tobytes()),
                ends=array("i", a[2].tobytes()),
                turns=array("i", a[3].tobytes()),
            )
            self._tokens[doc] = cached
            if len(self._tokens) > 4 * _CACHE:
                self._tokens.popitem(last=False)
        else:
            self._tokens.move_to_end(doc)
        return cached

    def _vocab(self) -> list[str]:
        """Words by id, read once on first use."""
        if self._words is None:
            with self._lock:
                row = self._con.execute("SELECT data FROM blobs WHERE name='vocab'").fetchone()
            self._words = unpack_vocab(row[0]) if row else []
            # dict(zip()) builds in half the time of a comprehension: this runs on every start
            self._word_ids = dict(zip(self._words, range(len(self._words)), strict=True))
        return self._words

    def doc_date(self, doc: int) -> str | None:
        return self._dates[doc]

    def own_aliases(self) -> Aliases | None:
        """The corpus's speakers.yaml as the index stored it, while the file is unchanged
        (None: no stored copy, or the file changed since; read the file itself)."""
        with self._lock:
            meta = read_meta(self._con)
            row = self._con.execute("SELECT data FROM blobs WHERE name='aliases'").fetchone()
        if row is None or meta.get("aliases") != aliases_hash(self._root):
            return None
        return aliases_from_blob(bytes(row[0]), self._root)

    @property
    def transcripts(self) -> Sequence[Transcript]:
        """Every transcript, loaded one by one (for commands that list them all)."""
        return [self.transcript(d) for d in range(len(self))]

    def doc_base(self, doc: int) -> int:
        return int(self._bases[doc])

    def doc_index(self, transcript_id: str) -> int | None:
        return self._by_id.get(transcript_id)

    def doc_dates(self) -> list[str | None]:
        return list(self._dates)

    def doc_ids(self) -> list[str]:
        return list(self._ids)

    def doc_speakers(self, doc: int) -> list[str]:
        """Every speaker label and name in a transcript, without loading it."""
        return self._speakers[doc].split("\n") if self._speakers[doc] else []

    def locate(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return np.searchsorted(self._bases, positions, "right") - 1

    # -- postings ---------------------------------------------------------------------------

    def _ids_of(self, words: Sequence[str]) -> list[int | None]:
        self._vocab()
        return [self._word_ids.get(w) for w in words]

    def _key(self, gram: tuple[str, ...]) -> int | None:
        """A gram's postings key, in plain ints: ``gram_key`` builds numpy arrays for one
        pair, which cost more than the lookup itself at a few hundred grams a quote."""
        self._vocab()
        get = self._word_ids.get
        if len(gram) == 1:
            return get(gram[0])
        if len(gram) == 2:
            a, b = get(gram[0]), get(gram[1])
            return None if a is None or b is None else ((a + 1) << 32) | b  # as pair_keys
        ids = self._ids_of(gram)
        return None if None in ids else gram_key(ids)  # type: ignore[arg-type]

    def counts(self, grams: Sequence[tuple[str, ...]]) -> list[int]:
        """How often each gram occurs, in one round trip per table."""
        self._ids_of([w for g in grams for w in g])
        keys = [self._key(g) for g in grams]
        want = sorted({k for k in keys if k is not None and k not in self._counts})
        if want:
            got = dict.fromkeys(want, 0)
            with self._lock:
                for table in ("post", "dpost", "adjust"):
                    for i in range(0, len(want), 500):
                        part = want[i : i + 500]
                        marks = ",".join("?" * len(part))
                        for key, n in self._con.execute(
                            f"SELECT key, n FROM {table} WHERE key IN ({marks})", part
                        ):
                            got[key] += n
            self._counts.update(got)
        return [0 if k is None else self._counts[k] for k in keys]

    def count(self, gram: tuple[str, ...]) -> int:
        return self.counts([gram])[0]

    def hits(self, gram: tuple[str, ...]) -> npt.NDArray[np.int64]:
        return np.sort(self.hits_many([gram])[0])

    def hits_many(self, grams: Sequence[tuple[str, ...]]) -> list[npt.NDArray[np.int64]]:
        """``hits`` of several grams, in one round trip per segment, each in no set order."""
        keys = [self._key(g) for g in grams]
        want = sorted({k for k in keys if k is not None})
        blobs: list[dict[int, bytes]] = [{}, {}]
        if want:
            marks = ",".join("?" * len(want))
            with self._lock:
                for seg, table in enumerate(("post", "dpost")):
                    blobs[seg] = dict(
                        self._con.execute(
                            f"SELECT key, pos FROM {table} WHERE key IN ({marks})", want
                        ).fetchall()
                    )
        return self._positions(keys, blobs)

    def _positions(
        self, keys: list[int | None], blobs: list[dict[int, bytes]]
    ) -> list[npt.NDArray[np.int64]]:
        """Each key's global positions: segment 0's then segment 1's, each in stored order.

        All of a segment's postings are mapped to transcripts in one ``searchsorted``
        (a quote asks for a dozen grams and thousands of positions), then cut per key.
        """
        parts: list[list[npt.NDArray[np.int64]]] = [[] for _ in keys]
        for seg in (0, 1):
            held = [(k, blobs[seg][key]) for k, key in enumerate(keys) if key in blobs[seg]]
            if not held:
                continue
            pos = np.frombuffer(b"".join(b for _, b in held), np.uint32).astype(np.int64)
            seg_bases, seg_docs = self._segs[seg]
            i = np.searchsorted(seg_bases, pos, "right") - 1
            doc = seg_docs[i]
            keep = doc >= 0
            glob = self._bases[doc] + (pos - seg_bases[i])
            cut = 0
            for k, blob in held:
                n = len(blob) // 4
                parts[k].append(glob[cut : cut + n][keep[cut : cut + n]])
                cut += n
        return [np.zeros(0, np.int64) if not p else np.concatenate(p) if len(p) > 1 else p[0] for p in parts]

    def close(self) -> None:
        self._con.close()
