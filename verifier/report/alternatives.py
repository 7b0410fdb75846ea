"""Other places a quote matches, as a person reads them: one per transcript, by title and date."""

from __future__ import annotations

from dataclasses import dataclass

from verifier.corpus.search_space import SearchSpace
from verifier.errors import QuotecheckError
from verifier.models import Alternative, Match, Transcript


@dataclass(frozen=True, slots=True, kw_only=True)
class OtherMatch:
    """An alternative with what a reader needs: the transcript (None when it is no longer in
    the corpus), who holds the floor there, and how closely it matches."""

    alternative: Alternative
    transcript: Transcript | None
    speaker: str | None

    @property
    def label(self) -> str:
        """``Press briefing … (2024-01-28) · John Kirby · score 0.91``."""
        a, t = self.alternative, self.transcript
        where = f"{t.title} ({t.date or 'undated'})" if t else f"{a.transcript_id} (no longer in the corpus)"
        who = f" \u00b7 {self.speaker}" if self.speaker else ""
        return f"{where}{who} \u00b7 score {a.score:.2f}"


def distinct_alternatives(match: Match) -> tuple[Alternative, ...]:
    """The best alternative of each transcript, best first; none that is the match itself.

    The ranking may keep several windows of one transcript; a reader wants each place
    once, and a passage of the matched transcript only when it lies elsewhere in it.
    """
    best: dict[str, Alternative] = {}
    for a in match.alternatives:
        same_place = a.span.start < match.span.end and match.span.start < a.span.end
        if a.transcript_id == match.transcript.id and same_place:
            continue
        if a.transcript_id not in best or a.score > best[a.transcript_id].score:
            best[a.transcript_id] = a
    return tuple(sorted(best.values(), key=lambda a: -a.score))


def other_matches(match: Match, space: SearchSpace | None) -> list[OtherMatch]:
    """Each distinct alternative with its transcript and speaker looked up in ``space``."""
    out: list[OtherMatch] = []
    for a in distinct_alternatives(match):
        transcript = match.transcript if a.transcript_id == match.transcript.id else _load(space, a)
        turn = transcript.turn_at(a.span.start) if transcript is not None else None
        speaker = (turn.speaker.name or turn.speaker.label) if turn is not None else None
        out.append(OtherMatch(alternative=a, transcript=transcript, speaker=speaker or None))
    return out


def _load(space: SearchSpace | None, a: Alternative) -> Transcript | None:
    """The alternative's transcript; None when it is gone (deleted or unreadable since indexing)."""
    doc = space.doc_index(a.transcript_id) if space is not None else None
    if space is None or doc is None:
        return None
    try:
        return space.transcript(doc)
    except (QuotecheckError, OSError):
        return None
