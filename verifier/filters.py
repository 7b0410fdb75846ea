"""Which transcripts a quote may match: a date range, a speaker, given ids.

The result is a boolean mask over a corpus's transcripts, the ``allowed`` that
``verify_quote`` takes. An index answers from its catalogue without loading a
transcript; an in-memory corpus from its transcripts.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import InputError
from .search_space import SearchSpace

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


def doc_speakers(space: SearchSpace, doc: int) -> list[str]:
    """Every label and name speaking in a transcript (from an index's catalogue when it has one)."""
    listed = getattr(space, "doc_speakers", None)
    if listed is not None:
        return list(listed(doc))
    out: dict[str, None] = {}
    for turn in space.transcript(doc).turns:
        for value in (turn.speaker.label, turn.speaker.name):
            if value:
                out.setdefault(value, None)
    return list(out)


def allowed_mask(space: SearchSpace, flt: DocFilter | None) -> np.ndarray | None:
    """The transcripts the filter allows, as a mask; None when it allows everything."""
    if flt is None or not flt.active:
        return None
    n = len(space)
    mask = np.ones(n, dtype=bool)
    if flt.transcript_ids:
        wanted = set(flt.transcript_ids)
        ids = getattr(space, "doc_ids", None)
        all_ids = ids() if ids is not None else [space.transcript(d).id for d in range(n)]
        mask &= np.array([i in wanted for i in all_ids], dtype=bool)
    if flt.date_from or flt.date_to:
        mask &= np.array([flt.date_ok(space.doc_date(d)) for d in range(n)], dtype=bool)
    if flt.speaker:
        for d in np.flatnonzero(mask).tolist():
            mask[d] = speaks_in(flt.speaker, doc_speakers(space, d))
    return mask


def hint_mask(space: SearchSpace, hint: str, *, path: str | None = None) -> np.ndarray:
    """The transcript a claim names (``transcript:``: an id, a file name or a path); else an error."""
    n = len(space)
    ids = getattr(space, "doc_ids", None)
    all_ids = ids() if ids is not None else [space.transcript(d).id for d in range(n)]
    mask = np.array([i == hint for i in all_ids], dtype=bool)
    if not mask.any():  # a file name without its folders: ids are slugs of the whole path
        from .corpus_files import slug_id

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
    search path (candidates, elisions, stitched passages) honours the filter, and
    a command gets filters from ``open_corpus`` without passing a mask around.
    Word counts stay the corpus's own: they only rank seeds by rarity.
    """

    def __init__(self, space: SearchSpace, allowed: np.ndarray) -> None:
        self.space = space
        self.allowed = allowed

    def __getattr__(self, name: str) -> object:
        return getattr(self.space, name)

    @property
    def path(self) -> str | None:
        return self.space.path

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.space.warnings

    def __len__(self) -> int:
        return len(self.space)

    def transcript(self, doc: int):  # type: ignore[no-untyped-def]
        return self.space.transcript(doc)

    def tokens(self, doc: int):  # type: ignore[no-untyped-def]
        return self.space.tokens(doc)

    def doc_date(self, doc: int) -> str | None:
        return self.space.doc_date(doc)

    def doc_base(self, doc: int) -> int:
        return self.space.doc_base(doc)

    def locate(self, positions: np.ndarray) -> np.ndarray:
        return self.space.locate(positions)

    def count(self, gram: tuple[str, ...]) -> int:
        return self.space.count(gram)

    def counts(self, grams: list[tuple[str, ...]]) -> list[int]:
        batch = getattr(self.space, "counts", None)
        return list(batch(grams)) if batch else [self.space.count(g) for g in grams]

    def hits(self, gram: tuple[str, ...]) -> np.ndarray:
        return self._keep(self.space.hits(gram))

    def hits_many(self, grams: list[tuple[str, ...]]) -> list[np.ndarray]:
        batch = getattr(self.space, "hits_many", None)
        found = batch(grams) if batch else [self.space.hits(g) for g in grams]
        return [self._keep(pos) for pos in found]

    def _keep(self, pos: np.ndarray) -> np.ndarray:
        return pos[self.allowed[self.space.locate(pos)]] if len(pos) else pos

    @property
    def allowed_count(self) -> int:
        return int(self.allowed.sum())


def filtered(space: SearchSpace, flt: DocFilter | None) -> SearchSpace:
    """The space itself when nothing is filtered, else a view of the allowed transcripts."""
    mask = allowed_mask(space, flt)
    return space if mask is None else FilteredSpace(space, mask)  # type: ignore[return-value]
