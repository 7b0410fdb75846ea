"""The parts of a finding: the edit script piece by piece, the speaker at a word, the Match
with its alternatives, and the finding for a quote with no source."""

from __future__ import annotations

from verifier.corpus.search_space import DocTokens, SearchSpace, transcript_tokens
from verifier.engine.align import Located, PieceHit
from verifier.engine.diff import elision_edit, piece_edits
from verifier.engine.policy import Policy
from verifier.engine.verdict import judge_attribution, judge_severity
from verifier.models import (
    Alternative,
    Edit,
    EditOp,
    Fidelity,
    Finding,
    Match,
    Quote,
    Span,
    Speaker,
    Transcript,
)
from verifier.text.tokens import Token, tokenize
from verifier.text.wordlists import word_lists


def not_found(quote: Quote, score: float | None, policy: Policy, reasons: list[str] | None = None) -> Finding:
    """A finding for a quote nothing in the corpus matches well enough."""
    if reasons is None:
        closest = f" (the closest passage scores {score:.2f})" if score is not None else ""
        reasons = [f"No transcript passage matches these words{closest}."]
    attribution, attr_reasons = judge_attribution(quote, None, None, None)
    if quote.attributed_to is None:
        reasons = reasons + attr_reasons
    return Finding(
        quote=quote,
        match=None,
        speaker=None,
        edits=(),
        fidelity=Fidelity.NOT_FOUND,
        attribution=attribution,
        severity=judge_severity(Fidelity.NOT_FOUND, attribution, quote),
        score=round(score, 4) if score is not None else 0.0,
        reasons=tuple(reasons),
    )


def quote_edits(
    quote: Quote,
    pieces: list[list[Token]],
    ranges: list[tuple[int, int]],
    best: Located,
    transcript: Transcript,
    toks: DocTokens,
    policy: Policy,
) -> list[Edit]:
    """The edit script, piece by piece, with what each ellipsis left out between them."""
    edits: list[Edit] = []
    prev: PieceHit | None = None
    for k, (piece, hit) in enumerate(zip(pieces, best.pieces, strict=True)):
        if k and prev is not None and hit.found and not best.stitched:
            mark = Span(start=ranges[k - 1][1], end=ranges[k][0])
            skipped = transcript_tokens(transcript, toks, prev.end, hit.start)
            if skipped:  # a quote split around its attribution may skip nothing
                edits.append(elision_edit(quote.text, mark, transcript.text, skipped))
        t = transcript_tokens(transcript, toks, hit.start, hit.end) if hit.found else []
        after = transcript_tokens(
            transcript, toks, hit.end, min(hit.end + policy.after_context_words, len(toks.norms))
        )
        edits.extend(piece_edits(quote.text, piece, transcript.text, t, after, policy))
        if hit.found:
            prev = hit
    return edits


def content_counts(pieces: list[list[Token]], edits: list[Edit]) -> tuple[int, int]:
    """Meaningful quote words, and how many of them sit in equal parts of the diff."""
    small = word_lists().function_words
    total = sum(1 for piece in pieces for t in piece if t.norm not in small)
    matched = sum(
        1 for e in edits if e.op is EditOp.EQUAL for t in tokenize(e.quote_text) if t.norm not in small
    )
    return total, matched


def speaker_at(transcript: Transcript, toks: DocTokens, hit: PieceHit) -> Speaker | None:
    if not hit.found:
        return None
    speaker: Speaker = transcript.turns[toks.turns[hit.start]].speaker
    return speaker


def stitch_gap(best: Located) -> int | None:
    if not best.stitched:
        return None
    a, b = best.pieces
    return b.start - a.end if b.start >= a.end else None


def make_match(
    best: Located,
    found: list[Located],
    corpus: SearchSpace,
    transcript: Transcript,
    toks: DocTokens,
    policy: Policy,
) -> Match:
    """The Match: char spans of every piece, and the runners-up as alternatives."""
    spans = tuple(Span(start=toks.starts[h.start], end=toks.ends[h.end - 1]) for h in best.pieces if h.found)
    alternatives = []
    for loc in found:
        if loc is best or loc.score < max(policy.not_found_below, policy.alternative_ratio * best.score):
            continue
        other = corpus.tokens(loc.doc)
        alternatives.append(
            Alternative(
                transcript_id=corpus.transcript(loc.doc).id,
                span=Span(start=other.starts[loc.start], end=other.ends[loc.end - 1]),
                score=round(loc.score, 4),
            )
        )
        if len(alternatives) >= policy.max_alternatives:
            break
    return Match(
        transcript=transcript,
        span=Span(start=min(s.start for s in spans), end=max(s.end for s in spans)),
        pieces=spans,
        score=round(best.score, 4),
        alternatives=tuple(alternatives),
        stitched=best.stitched,
    )
