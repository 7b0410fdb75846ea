"""Which transcripts a quote may match: a date range, a speaker, given ids.

The result is a view of the corpus (``FilteredSpace``) that only finds words in the
allowed transcripts. An index answers the filter from its catalogue without loading
a transcript; an in-memory corpus from its transcripts.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from verifier.corpus.search_space import DocTokens, SearchSpace
from verifier.errors import InputError
from verifier.models import Transcript

_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _real_date(value: str) -> bool:
    """A date of the accepted shapes that is on the calendar (no month 13, no 30 February)."""
    if not _DATE_RE.match(value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True, kw_only=True)
class DocFilter:
    """Limits on the transcripts searched; an empty filter allows every transcript."""

    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None  # inclusive: 2024-01 takes the whole of January
    speaker: str | None = None  # a label or name that speaks in the transcript
    transcript_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for value in (self.date_from, self.date_to):
            if value is not None and not _real_date(value):
                raise InputError(f"bad date {value!r}: expected a real YYYY, YYYY-MM or YYYY-MM-DD")

    @property
    def active(self) -> bool:
        return bool(self.date_from or self.date_to or self.speaker or self.transcript_ids)

    def date_ok(self, date: str | None) -> bool:
        if not (self.date_from or self.date_to):
            return True
        if not date:
            return False
        if self.date_from and date[: len(self.date_from)] < self.date_from:
            return False
        return not (self.date_to and date[: len(self.date_to)] > self.date_to)


def fold_name(name: str) -> str:
    """``MR. KIRBY`` and ``Mr Kirby`` alike: lower case, letters and digits, single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def speaks_in(wanted: str, speakers: list[str]) -> bool:
    """Whether a label or name of the transcript contains the wanted words, as whole words."""
    w = f" {fold_name(wanted)} "
    return any(w in f" {fold_name(s)} " for s in speakers)


def allowed_mask(space: SearchSpace, flt: DocFilter | None) -> np.ndarray | None:
    """The transcripts the filter allows, as a mask; None when it allows everything."""
    if flt is None or not flt.active:
        return None
    n = len(space)
    mask = np.ones(n, dtype=bool)
    if flt.transcript_ids:
        wanted = set(flt.transcript_ids)
        mask &= np.array([i in wanted for i in space.doc_ids()], dtype=bool)
    if flt.date_from or flt.date_to:
        mask &= np.array([flt.date_ok(space.doc_date(d)) for d in range(n)], dtype=bool)
    if flt.speaker:
        for d in np.flatnonzero(mask).tolist():
            mask[d] = speaks_in(flt.speaker, space.doc_speakers(d))
    return mask


def hint_mask(space: SearchSpace, hint: str, *, path: str | None = None) -> np.ndarray:
    """The transcript a claim names (``transcript:``: an id, a file name or a path); else an error."""
    n = len(space)
    all_ids = space.doc_ids()
    mask = np.array([i == hint for i in all_ids], dtype=bool)
    if not mask.any():  # a file name without its folders: ids are slugs of the whole path
        from verifier.corpus.paths import slug_id

        tail = "-" + slug_id(Path(hint).name)
        mask = np.array([i.endswith(tail) for i in all_ids], dtype=bool)
    if not mask.any() and Path(hint).is_file():
        target = Path(hint).resolve()
        for d in range(n):
            p = space.transcript(d).path
            mask[d] = p is not None and Path(p).resolve() == target
    if not mask.any():
        raise InputError(f"the claim's transcript {hint!r} is not in the corpus", path=path)
    return mask


class FilteredSpace:
    """A corpus searched only in the transcripts a mask allows; numbering stays the same.

    Hits outside the allowed transcripts are dropped where they are read, so every
    search path (candidates, elisions, stitched passages) honours the filter: this
    view is the one filtering mechanism. Word counts stay the corpus's own: they
    only rank seeds by rarity.
    """

    def __init__(self, space: SearchSpace, allowed: npt.NDArray[np.bool_]) -> None:
        self.space = space
        self.allowed = allowed

    @property
    def path(self) -> str | None:
        return self.space.path

    @property
    def warnings(self) -> tuple[str, ...]:
        if not self.allowed_count:
            return (*self.space.warnings, "no transcript matches the filters")
        return self.space.warnings

    def __len__(self) -> int:
        return len(self.space)

    def transcript(self, doc: int) -> Transcript:
        return self.space.transcript(doc)

    def tokens(self, doc: int) -> DocTokens:
        return self.space.tokens(doc)

    def doc_date(self, doc: int) -> str | None:
        return self.space.doc_date(doc)

    def doc_base(self, doc: int) -> int:
        return self.space.doc_base(doc)

    def doc_ids(self) -> list[str]:
        return self.space.doc_ids()

    def doc_index(self, transcript_id: str) -> int | None:
        return self.space.doc_index(transcript_id)

    def doc_speakers(self, doc: int) -> list[str]:
        return self.space.doc_speakers(doc)

    def locate(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return self.space.locate(positions)

    def count(self, gram: tuple[str, ...]) -> int:
        return self.space.count(gram)

    def counts(self, grams: Sequence[tuple[str, ...]]) -> list[int]:
        return self.space.counts(grams)

    def hits(self, gram: tuple[str, ...]) -> npt.NDArray[np.int64]:
        return self._keep(self.space.hits(gram))

    def hits_many(self, grams: Sequence[tuple[str, ...]]) -> list[npt.NDArray[np.int64]]:
        return [self._keep(pos) for pos in self.space.hits_many(grams)]

    def _keep(self, pos: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return pos[self.allowed[self.space.locate(pos)]] if len(pos) else pos

    @property
    def allowed_count(self) -> int:
        return int(self.allowed.sum())


def narrowed(space: SearchSpace, mask: npt.NDArray[np.bool_]) -> SearchSpace:
    """A view of ``space`` with only the masked transcripts (and any filter already on it)."""
    if isinstance(space, FilteredSpace):
        return FilteredSpace(space.space, space.allowed & mask)
    return FilteredSpace(space, mask)


def filtered(space: SearchSpace, flt: DocFilter | None) -> SearchSpace:
    """The space itself when nothing is filtered, else a view of the allowed transcripts."""
    mask = allowed_mask(space, flt)
    return space if mask is None else FilteredSpace(space, mask)
