"""The searchable form of a corpus: every spoken word with its offsets, and n-gram postings.

Words of all transcripts are laid end to end in one global position space,
with a wide gap between transcripts so no candidate region ever spans two.
Postings map a word or a word pair to the sorted global positions where it
starts; the aligner votes with them to find candidate regions, then aligns
finely inside one transcript.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from verifier.models import Transcript
from verifier.text.tokens import WORD_RE, Token, fold_typography, normalize_gap

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

DOC_GAP = 1 << 16  # positions left empty between two transcripts


@dataclass(frozen=True, slots=True)
class DocTokens:
    """The spoken words of one transcript: folded forms, offsets and turn of each."""

    norms: tuple[str, ...]
    starts: array  # type: ignore[type-arg]
    ends: array  # type: ignore[type-arg]
    turns: array  # type: ignore[type-arg]  # index into Transcript.turns


def doc_tokens(transcript: Transcript) -> DocTokens:
    """Tokenize every spoken paragraph of every turn, in order.

    The same words, offsets and folding as ``text.tokenize``, without building a
    Token per word: this runs over every word of the corpus.
    """
    norms: list[str] = []
    starts = array("i")
    ends = array("i")
    turns = array("i")
    text = transcript.text
    for t, turn in enumerate(transcript.turns):
        for para in turn.paragraphs:
            folded = fold_typography(text[para.start : para.end])
            for m in WORD_RE.finditer(folded):
                word = m.group()
                if "[" in word:
                    word = word.replace("[", "").replace("]", "")
                norms.append(word.lower())
                starts.append(para.start + m.start())
                ends.append(para.start + m.end())
                turns.append(t)
    return DocTokens(norms=tuple(norms), starts=starts, ends=ends, turns=turns)


def transcript_tokens(transcript: Transcript, toks: DocTokens, lo: int, hi: int) -> list[Token]:
    """Full Tokens for transcript words [lo, hi), rebuilt from the stored offsets.

    Only the few words a diff needs get surface forms and punctuation; the
    corpus itself keeps just folded words and offsets.
    """
    text = transcript.text
    out: list[Token] = []
    for k in range(max(lo, 0), min(hi, len(toks.norms))):
        s, e = toks.starts[k], toks.ends[k]
        raw_gap = spoken_gap(transcript, toks, k) if k > lo else ""
        surface = fold_typography(text[s:e])
        out.append(
            Token(
                norm=toks.norms[k],
                surface=surface.replace("[", "").replace("]", ""),
                start=s,
                end=e,
                gap_before=normalize_gap(fold_typography(raw_gap)) if k > lo else "",
                bracketed=in_brackets(text, s),
            )
        )
    return out


def spoken_gap(transcript: Transcript, toks: DocTokens, k: int) -> str:
    """What lies between word ``k - 1`` and word ``k`` in the spoken paragraphs.

    Between two captions it is a space, not the cue number and timing line
    (``7 00:00:27,261 --> ...``) or a word's time tag (``<00:07:11.169>``), whose
    colons and commas were never punctuation.
    """
    prev_end, start = toks.ends[k - 1], toks.starts[k]
    raw = transcript.text[prev_end:start]
    if "\n" not in raw and len(raw.strip()) <= 2:
        return raw  # ", " or " -- ": inside one paragraph, as printed
    turns = dict.fromkeys((toks.turns[k - 1], toks.turns[k]))
    pieces = [
        transcript.text[max(p.start, prev_end) : min(p.end, start)]
        for t in turns
        for p in transcript.turns[t].paragraphs
        if p.end >= prev_end and p.start <= start
    ]
    return " ".join(pieces) if len(pieces) > 1 else raw


def in_brackets(text: str, offset: int) -> bool:
    """Inside a [bracketed] redaction such as \\[senior administration official\\]."""
    line_start = text.rfind("\n\n", 0, offset)
    before = text[max(line_start, offset - 120) : offset]
    return before.rfind("[") > before.rfind("]")


class SearchSpace(Protocol):
    """What the aligner needs of a corpus, whether built in memory or read from an index."""

    @property
    def path(self) -> str | None:
        """The folder it came from, for reports."""
        ...

    @property
    def warnings(self) -> tuple[str, ...]:
        """Files that could not be used."""
        ...

    def __len__(self) -> int: ...

    def transcript(self, doc: int) -> Transcript: ...

    def tokens(self, doc: int) -> DocTokens: ...

    def doc_date(self, doc: int) -> str | None:
        """The transcript's date, without loading it (an index keeps it apart)."""
        ...

    def doc_base(self, doc: int) -> int:
        """Global position of the doc's first word."""
        ...

    def locate(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The doc index of each global position."""
        ...

    def hits(self, gram: tuple[str, ...]) -> npt.NDArray[np.int64]:
        """Sorted global positions where the 1- or 2-word ``gram`` starts."""
        ...

    def count(self, gram: tuple[str, ...]) -> int:
        """How many times ``gram`` occurs (cheap: used to rank seeds by rarity)."""
        ...

    def counts(self, grams: Sequence[tuple[str, ...]]) -> list[int]:
        """``count`` of each gram, in one go (one round trip for an index)."""
        ...

    def hits_many(self, grams: Sequence[tuple[str, ...]]) -> list[npt.NDArray[np.int64]]:
        """``hits`` of each gram, in one go."""
        ...

    def doc_ids(self) -> list[str]:
        """Every transcript's id, in doc order, without loading the transcripts."""
        ...

    def doc_index(self, transcript_id: str) -> int | None:
        """The doc number of a transcript id, if present."""
        ...

    def doc_speakers(self, doc: int) -> list[str]:
        """Every label and name speaking in a transcript, first appearance first."""
        ...


def speakers_of(transcript: Transcript) -> list[str]:
    """Every label and name speaking in a transcript, first appearance first."""
    out: dict[str, None] = {}
    for turn in transcript.turns:
        for value in (turn.speaker.label, turn.speaker.name):
            if value:
                out.setdefault(value, None)
    return list(out)
