"""A corpus of transcripts, searchable: built in memory from a folder, or opened from an index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from verifier.corpus.postings import Postings, build_postings, gram_key, word_ids
from verifier.corpus.search_space import DOC_GAP, DocTokens, doc_tokens, speakers_of
from verifier.errors import InputError
from verifier.models import Transcript

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


class Corpus:
    """Transcripts with their words and postings, all in memory."""

    def __init__(self, transcripts: Iterable[Transcript], *, path: str | None = None) -> None:
        self.path = path
        self.transcripts: tuple[Transcript, ...] = tuple(transcripts)
        self.warnings: tuple[str, ...] = ()
        self._tokens: list[DocTokens] = [doc_tokens(t) for t in self.transcripts]
        self._vocab: dict[str, int] = {}
        ids = [word_ids(self._vocab, toks.norms) for toks in self._tokens]
        sizes = np.array([len(i) for i in ids], np.int64)
        self._bases = (np.cumsum(sizes + DOC_GAP) - (sizes + DOC_GAP)).astype(np.int64)
        self._postings: Postings = build_postings(ids, self._bases.tolist())
        self._by_id = {t.id: i for i, t in enumerate(self.transcripts)}

    @classmethod
    def from_path(cls, path: str | Path, *, strict: bool = False) -> Corpus:
        """Load every transcript under ``path`` (a folder, or one file)."""
        from verifier.corpus.files import load_corpus_files

        root = Path(path)
        if not root.exists():
            raise InputError("corpus not found", path=str(path))
        loaded = load_corpus_files(root, strict=strict)
        corpus = cls(loaded.transcripts, path=str(root))
        corpus.warnings = tuple(str(w) for w in loaded.warnings)
        return corpus

    def __len__(self) -> int:
        return len(self.transcripts)

    def transcript(self, doc: int) -> Transcript:
        return self.transcripts[doc]

    def tokens(self, doc: int) -> DocTokens:
        return self._tokens[doc]

    def doc_date(self, doc: int) -> str | None:
        return self.transcripts[doc].date

    def doc_base(self, doc: int) -> int:
        return int(self._bases[doc])

    def locate(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return np.searchsorted(self._bases, positions, "right") - 1

    def _key(self, gram: tuple[str, ...]) -> int | None:
        ids = [self._vocab.get(w) for w in gram]
        return None if None in ids else gram_key(ids)  # type: ignore[arg-type]

    def hits(self, gram: tuple[str, ...]) -> npt.NDArray[np.int64]:
        key = self._key(gram)
        return np.zeros(0, np.int64) if key is None else self._postings.positions(key).copy()

    def count(self, gram: tuple[str, ...]) -> int:
        key = self._key(gram)
        return 0 if key is None else self._postings.count(key)

    def counts(self, grams: Sequence[tuple[str, ...]]) -> list[int]:
        return [self.count(g) for g in grams]

    def hits_many(self, grams: Sequence[tuple[str, ...]]) -> list[npt.NDArray[np.int64]]:
        return [self.hits(g) for g in grams]

    def postings(self) -> Postings:
        """Every word and word pair, laid out at ``doc_base`` (for checks against an index)."""
        return self._postings

    def word_ids(self) -> dict[str, int]:
        """The vocabulary the postings' keys are made from."""
        return dict(self._vocab)

    def doc_ids(self) -> list[str]:
        return [t.id for t in self.transcripts]

    def doc_speakers(self, doc: int) -> list[str]:
        return speakers_of(self.transcripts[doc])

    def doc_index(self, transcript_id: str) -> int | None:
        """The position of a transcript by id, if present."""
        return self._by_id.get(transcript_id)

    def subset(self, docs: Sequence[int]) -> Corpus:
        """A corpus of just these transcripts (for --transcript and filters)."""
        return Corpus([self.transcripts[d] for d in docs], path=self.path)
