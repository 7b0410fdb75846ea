"""The peer baseline: what a forty-line fuzzy-matching script would say, scored beside us.

A fact-checker's first alternative to quotecheck is a script that runs rapidfuzz's
``partial_ratio_alignment`` of the quote over every transcript, keeps the best, and
calls the verdict by fixed score thresholds, knowing nothing of speakers. Scoring it
with the same eval code on the same file shows what the engine's rules are worth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from verifier.corpus.filters import FilteredSpace
from verifier.corpus.search_space import SearchSpace
from verifier.engine.verdict import severity_of
from verifier.models import Attribution, Fidelity, Finding, Match, Quote, Span

_NOT_WORD = re.compile(r"[^\w]+")

# The script's fixed thresholds (rapidfuzz scores, 0-100), best first.
THRESHOLDS: tuple[tuple[float, Fidelity], ...] = (
    (99.5, Fidelity.VERBATIM),
    (90.0, Fidelity.MINOR_EDITS),
    (75.0, Fidelity.ALTERED),
)


def _plain(text: str) -> str:
    """Lower case, every run of non-word characters one space wide per character (offsets kept)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: keep offsets
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _NOT_WORD.sub(lambda m: " " * len(m.group()), lowered)


def peer_fidelity(score: float) -> Fidelity:
    """The verdict the script gives a best score."""
    for floor, fidelity in THRESHOLDS:
        if score >= floor:
            return fidelity
    return Fidelity.NOT_FOUND


@dataclass
class PeerBaseline:
    """Quacks like a ``Verifier`` for the scoreboard: ``space`` and ``verify_quote``."""

    space: SearchSpace
    _texts: list[tuple[int, str]] = field(default_factory=list)

    def _plain_texts(self) -> Sequence[tuple[int, str]]:
        """Every searchable transcript's text, prepared once (a filter's view respected)."""
        if not self._texts:
            docs = range(len(self.space))
            if isinstance(self.space, FilteredSpace):
                docs = [int(d) for d in self.space.allowed.nonzero()[0]]  # type: ignore[assignment]
            self._texts = [(d, _plain(self.space.transcript(d).text)) for d in docs]
        return self._texts

    def verify_quote(self, quote: Quote, *, near_date: str | None = None) -> Finding:
        """Best transcript by ``partial_ratio_alignment``; no speakers, no dates."""
        needle = " ".join(_plain(quote.text).split())
        best_doc, best = -1, None
        for doc, text in self._plain_texts():
            found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=best.score if best else 0)
            if found is not None and (best is None or found.score > best.score):
                best_doc, best = doc, found
        score = best.score if best else 0.0
        fidelity = peer_fidelity(score)
        if best is None or fidelity is Fidelity.NOT_FOUND:
            attribution = Attribution.UNKNOWN
            match = None
        else:
            # The script trusts the article's credit: it cannot check it.
            attribution = Attribution.CONFIRMED if quote.attributed_to else Attribution.UNATTRIBUTED
            span = Span(start=best.dest_start, end=best.dest_end)
            match = Match(transcript=self.space.transcript(best_doc), span=span, pieces=(span,),
                          score=score / 100)
        return Finding(
            quote=quote, match=match, speaker=None, edits=(), fidelity=fidelity,
            attribution=attribution, severity=severity_of(fidelity, attribution),
            score=score / 100, reasons=(f"partial_ratio {score:.1f}",),
        )
