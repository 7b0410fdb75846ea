"""verify_quote and verify_article: wires loading, alignment, diff and verdicts together."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .align import Aligner, Located, PieceHit, match_norms, score_of
from .diff import elision_edit, piece_edits
from .filters import hint_mask
from .models import (
    Alternative,
    Article,
    Attribution,
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
from .paraphrase import ParaphraseEvidence, evidence_near, is_paraphrase
from .policy import Policy
from .relay import relayed_cue
from .search_space import DocTokens, SearchSpace, transcript_tokens
from .speakers import Aliases, load_aliases, merge_aliases
from .text import Token, split_ellipsis, tokenize
from .verdict import MatchFacts, judge_attribution, judge_fidelity, judge_severity
from .wordlists import word_lists

_SPLIT_GAPS = (".", "?", "!", ";", ":", ",", "\u2014")


@dataclass(frozen=True, slots=True)
class Context:
    """What every step of one verification shares: where to look and how to judge."""

    corpus: SearchSpace
    policy: Policy
    aliases: Aliases


def corpus_aliases(corpus: SearchSpace) -> Aliases:
    """The corpus folder's own speakers.yaml, else the shipped aliases."""
    path = getattr(corpus, "path", None)
    return load_aliases(path if path and Path(path).is_dir() else None)


def verify_quote(
    quote: Quote,
    corpus: SearchSpace,
    *,
    policy: Policy | None = None,
    allowed: np.ndarray | None = None,
    near_date: str | None = None,
    aliases: Aliases | None = None,
) -> Finding:
    """Find the quote's best source in the corpus and judge it.

    ``near_date`` (the article's date) ranks, among equally good matches, the
    transcript nearest before it first.
    """
    policy = policy or Policy()
    if quote.transcript_hint:  # a claims file's ``transcript:`` restricts the search to it
        only = hint_mask(corpus, quote.transcript_hint)
        allowed = only if allowed is None else allowed & only
    ctx = Context(corpus=corpus, policy=policy, aliases=merge_aliases(corpus_aliases(corpus), aliases))
    aligner = Aligner(corpus, policy, near_date=near_date)
    ranges = split_ellipsis(quote.text) or [(0, len(quote.text))]
    pieces = [tokenize(quote.text, a, b) for a, b in ranges]
    if (words := sum(map(len, pieces))) > policy.max_quote_words:
        why = f"Too long to look up: {words} words (at most {policy.max_quote_words})."
        return not_found(quote, None, policy, [why])
    found = prefer_credited_speaker(
        quote, aligner.locate([match_norms(p) for p in pieces], allowed=allowed), ctx
    )
    best = found[0] if found else None
    if len(pieces) == 1 and len(pieces[0]) >= 8 and may_be_stitched(best, policy):
        stitched = aligner.locate_stitched(
            match_norms(pieces[0]), split_points(pieces[0]), allowed=allowed
        )
        if (
            stitched
            and stitched.score >= (best.score if best else 0.0) + 0.1
            and all(2 * h.matches >= 1.8 * h.length for h in stitched.pieces)
        ):
            best = stitched
            head = stitched_split(pieces[0], stitched)
            pieces = [pieces[0][:head], pieces[0][head:]]
            ranges = [
                (pieces[0][0].start, pieces[0][-1].end),
                (pieces[1][0].start, len(quote.text)),
            ]
    if best is None or best.score < policy.not_found_below:
        return paraphrase_or_not_found(quote, best, found, ctx, pieces, ranges)
    return judge(quote, best, found, ctx, pieces, ranges)


def paraphrase_or_not_found(
    quote: Quote,
    best: Located | None,
    found: list[Located],
    ctx: Context,
    pieces: list[list[Token]],
    ranges: list[tuple[int, int]],
    reasons: list[str] | None = None,
) -> Finding:
    """A reworded quote is judged against the passage it rewords; anything else is not_found."""
    corpus, policy = ctx.corpus, ctx.policy
    words = [t for piece in pieces for t in piece]
    ranked: list[tuple[tuple[bool, int, int], ParaphraseEvidence]] = []
    for loc in found[: policy.candidates_per_piece]:
        ev = evidence_near(words, corpus, loc.doc, loc.start, loc.end)
        if ev and is_paraphrase(ev, policy):
            ranked.append(((credited_speaks(quote, ctx, ev.doc, ev.start), ev.rare, len(ev.shared)), ev))
    if not ranked:
        return not_found(quote, best.score if best else None, policy, reasons)
    ev = max(ranked, key=lambda r: r[0])[1]
    hit = PieceHit(start=ev.start, end=ev.end, matches=len(ev.shared), length=len(words))
    located = Located(doc=ev.doc, pieces=(hit,), score=score_of((hit,)))
    joined = [words]
    span = [(ranges[0][0], ranges[-1][1])]
    return judge(quote, located, [located], ctx, joined, span, paraphrase=ev)


def content_counts(pieces: list[list[Token]], edits: list[Edit]) -> tuple[int, int]:
    """Meaningful quote words, and how many of them sit in equal parts of the diff."""
    small = word_lists().function_words
    total = sum(1 for piece in pieces for t in piece if t.norm not in small)
    matched = sum(
        1
        for e in edits
        if e.op is EditOp.EQUAL
        for t in tokenize(e.quote_text)
        if t.norm not in small
    )
    return total, matched


def credited_speaks(quote: Quote, ctx: Context, doc: int, start: int) -> bool:
    """Whether the person the article credits is the one speaking at this word."""
    transcript = ctx.corpus.transcript(doc)
    speaker = transcript.turns[ctx.corpus.tokens(doc).turns[start]].speaker
    attribution, _ = judge_attribution(quote, speaker, transcript, None, ctx.aliases)
    return attribution in (Attribution.CONFIRMED, Attribution.ANONYMOUS)


def prefer_credited_speaker(quote: Quote, found: list[Located], ctx: Context) -> list[Located]:
    """Among equally good places, put first one where the credited person is speaking.

    A short or repeated phrase ("final warning") can match a reporter's question
    and an official's answer equally well; the article means the one its speaker said.
    """
    if len(found) < 2 or not (quote.speaker_name or quote.attributed_to):
        return found
    top = found[0].score
    for k, loc in enumerate(found):
        if loc.score < top - 1e-9:
            break
        if credited_speaks(quote, ctx, loc.doc, loc.start):
            return [loc] + found[:k] + found[k + 1 :]
    return found


def may_be_stitched(best: Located | None, policy: Policy) -> bool:
    """Worth trying as two passages: a weak match, or one that leaves a run of the
    quote's words unexplained ("We have acted defensively." said in another answer)."""
    if best is None or best.score < policy.stitch_try_below:
        return True
    hit = best.pieces[0]
    return hit.length - hit.matches >= policy.stitch_unmatched_words


def split_points(words: list[Token]) -> list[int]:
    """Where a quote without an ellipsis may have been stitched: sentence breaks, else the middle."""
    n = len(words)
    points = [k for k in range(3, n - 2) if words[k].gap_before.endswith(_SPLIT_GAPS)]
    points.sort(key=lambda k: abs(k - n // 2))
    return points[:3] or [n // 2]


def stitched_split(words: list[Token], located: Located) -> int:
    """How many of the quote's words the first stitched passage took."""
    return located.pieces[0].length + sum(
        1 for w in words[: located.pieces[0].length] if w.editorial
    )


def judge(
    quote: Quote,
    best: Located,
    found: list[Located],
    ctx: Context,
    pieces: list[list[Token]],
    ranges: list[tuple[int, int]],
    *,
    paraphrase: ParaphraseEvidence | None = None,
) -> Finding:
    """Diff the quote against where it landed and turn the edits into verdicts."""
    corpus, policy = ctx.corpus, ctx.policy
    quote_words = sum(h.length for h in best.pieces)
    share = sum(h.matches for h in best.pieces) / quote_words if quote_words else 0.0
    if paraphrase is None and not best.stitched and share < policy.paraphrase_below:
        # Most of the quote is not there: a paraphrase if it keeps the passage's
        # distinctive words, else no source at all (never "altered" on a third of a match).
        return paraphrase_or_not_found(quote, best, found, ctx, pieces, ranges)
    transcript = corpus.transcript(best.doc)
    toks = corpus.tokens(best.doc)
    edits = quote_edits(quote, pieces, ranges, best, transcript, toks)
    anchor = next(h for h in best.pieces if h.found)
    speaker = speaker_at(transcript, toks, anchor)
    content_words, content_matched = content_counts(pieces, edits)
    facts = MatchFacts(
        paraphrase_words=paraphrase.shared if paraphrase else (),
        content_words=content_words,
        content_matched=content_matched,
        score=best.score,
        quote_words=sum(h.length for h in best.pieces),
        matched_words=sum(h.matches for h in best.pieces),
        stitched=best.stitched,
        stitch_gap_words=stitch_gap(best),
        missing_pieces=sum(1 for h in best.pieces if not h.found),
    )
    fidelity, fid_reasons = judge_fidelity(tuple(edits), facts, policy)
    if fidelity is Fidelity.NOT_FOUND:
        return paraphrase_or_not_found(quote, best, found, ctx, pieces, ranges, fid_reasons)
    match = make_match(best, found, corpus, transcript, toks, policy)
    relayed = relayed_cue(transcript, match.span.start)
    attribution, attr_reasons = judge_attribution(quote, speaker, transcript, relayed, ctx.aliases)
    if best.stitched:
        other = speaker_at(transcript, toks, best.pieces[1])
        if other and speaker and other.label != speaker.label:
            attr_reasons.append(
                f"The second part was said by {other.display}, not {speaker.display}."
            )
    return Finding(
        quote=quote,
        match=match,
        speaker=speaker,
        edits=tuple(edits),
        fidelity=fidelity,
        attribution=attribution,
        severity=judge_severity(fidelity, attribution, quote),
        score=round(best.score, 4),
        reasons=tuple(fid_reasons + attr_reasons),
    )


def not_found(
    quote: Quote, score: float | None, policy: Policy, reasons: list[str] | None = None
) -> Finding:
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
        after = transcript_tokens(transcript, toks, hit.end, min(hit.end + 4, len(toks.norms)))
        edits.extend(piece_edits(quote.text, piece, transcript.text, t, after))
        if hit.found:
            prev = hit
    return edits


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
    spans = tuple(
        Span(start=toks.starts[h.start], end=toks.ends[h.end - 1]) for h in best.pieces if h.found
    )
    alternatives = []
    for loc in found:
        if loc is best or loc.score < max(
            policy.not_found_below, policy.alternative_ratio * best.score
        ):
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


def verify_article(
    article: Article,
    corpus: SearchSpace,
    *,
    policy: Policy | None = None,
    aliases: Aliases | None = None,
) -> list[Finding]:
    """Every quote of an article, verified in article order."""
    return list(iter_article(article, corpus, policy=policy, aliases=aliases))


def iter_article(
    article: Article,
    corpus: SearchSpace,
    *,
    policy: Policy | None = None,
    aliases: Aliases | None = None,
) -> Iterator[Finding]:
    """Findings one at a time, so a UI can show each as soon as it is ready."""
    from .articles import extract_quotes

    for quote in extract_quotes(article):
        yield verify_quote(quote, corpus, policy=policy, near_date=article.date, aliases=aliases)
