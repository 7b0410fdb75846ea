"""The engine as stages: retrieve -> place -> explain -> judge, each run once per placement, in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from verifier.corpus.filters import FilteredSpace, hint_mask, narrowed
from verifier.corpus.search_space import DocTokens
from verifier.engine.align import Aligner, Located, PieceHit, match_norms, score_of
from verifier.engine.context import Context
from verifier.engine.credit import CreditRelation, credit_relation
from verifier.engine.findings import (
    content_counts,
    make_match,
    not_found,
    quote_edits,
    speaker_at,
    stitch_gap,
)
from verifier.engine.paraphrase import ParaphraseEvidence, evidence_near, is_paraphrase
from verifier.engine.ranking import (
    CREDITED,
    credited_person,
    credited_speaks,
    may_be_stitched,
    prefer_credited_speaker,
    speaker_mask,
    split_points,
    stitched_split,
)
from verifier.engine.verdict import (
    MatchFacts,
    attribution_decides,
    judge_attribution,
    judge_fidelity,
    judge_severity,
)
from verifier.models import (
    Attribution,
    Edit,
    Fidelity,
    Finding,
    Quote,
    Speaker,
    Transcript,
)
from verifier.text.tokens import Token, split_ellipsis, tokenize
from verifier.transcripts.relay import relayed_cue

# --- the stages ---------------------------------------------------------------------------
#
# retrieve (candidate places) -> place (the passage to compare with) -> explain (the edits and
# the facts about the match) -> judge (fidelity, attribution, severity, reasons). Each takes
# the previous stage's frozen result; only the driver, verify_in, moves between them. When the
# judge finds that a word-for-word placement is no source after all, the driver tries the next
# placement (the passage the quote rewords) through the same explain and judge.


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Where the quote might come from: its pieces, every candidate, and the best one."""

    pieces: tuple[tuple[Token, ...], ...]
    ranges: tuple[tuple[int, int], ...]
    found: tuple[Located, ...]  # best first, the credited speaker's place first among equals
    best: Located | None  # found[0], or two stitched passages that explain the quote far better


@dataclass(frozen=True, slots=True)
class Placement:
    """The one passage the quote is compared with, and how the quote is cut to match it."""

    located: Located
    pieces: tuple[tuple[Token, ...], ...]
    ranges: tuple[tuple[int, int], ...]
    others: tuple[Located, ...]  # candidates to list as alternatives
    paraphrase: ParaphraseEvidence | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """The edit script between quote and passage, and the facts the verdicts rest on."""

    placement: Placement
    transcript: Transcript
    tokens: DocTokens
    edits: tuple[Edit, ...]
    speaker: Speaker | None
    facts: MatchFacts


@dataclass(frozen=True, slots=True)
class Rejected:
    """The judge's word that a placement is no source of the quote, and why."""

    reasons: tuple[str, ...]


def verify_in(ctx: Context, quote: Quote, *, near_date: str | None = None) -> Finding:
    """One quote through the stages, with the session's corpus, policy and aliases."""
    if quote.transcript_hint:  # a claims file's ``transcript:`` restricts the search to it
        ctx = replace(ctx, corpus=FilteredSpace(ctx.corpus, hint_mask(ctx.corpus, quote.transcript_hint)))
    if (words := len(tokenize(quote.text))) > ctx.policy.max_quote_words:
        why = f"Too long to look up: {words} words (at most {ctx.policy.max_quote_words})."
        return not_found(quote, None, ctx.policy, [why])
    got = retrieve(ctx, quote, near_date)
    reasons: tuple[str, ...] | None = None
    score = got.best.score if got.best else None
    for placement in placements(ctx, quote, got):
        verdict = judge(ctx, quote, explain(ctx, quote, placement))
        if isinstance(verdict, Finding):
            return verdict
        reasons, score = verdict.reasons, placement.located.score
    return not_found(quote, score, ctx.policy, list(reasons) if reasons is not None else None)


def retrieve(ctx: Context, quote: Quote, near_date: str | None) -> Retrieval:
    """Candidate places for the quote's pieces (and for the quote as two stitched passages)."""
    policy = ctx.policy
    aligner = Aligner(ctx.corpus, policy, near_date=near_date)
    ranges = split_ellipsis(quote.text) or [(0, len(quote.text))]
    pieces = [tokenize(quote.text, a, b) for a, b in ranges]
    norms = [match_norms(p) for p in pieces]
    found = aligner.locate(norms)
    who = credited_person(quote, ctx, near_date)
    mask = speaker_mask(ctx.corpus, who) if who else None
    if mask is not None:  # the credited speaker's own transcripts first (VERDICTS.md)
        own = Aligner(narrowed(ctx.corpus, mask), policy, near_date=near_date).locate(norms)
        seen = {(loc.doc, loc.start) for loc in own}
        found = own + [loc for loc in found if (loc.doc, loc.start) not in seen]
    found = prefer_credited_speaker(quote, found, ctx)
    best = found[0] if found else None
    if len(pieces) == 1 and len(pieces[0]) >= policy.stitch_min_words and may_be_stitched(best, policy):
        stitched = aligner.locate_stitched(match_norms(pieces[0]), split_points(pieces[0], policy))
        if (
            stitched
            and stitched.score >= (best.score if best else 0.0) + policy.stitch_min_gain
            and all(h.matches >= policy.stitch_piece_share * h.length for h in stitched.pieces)
        ):
            best = stitched
            head = stitched_split(pieces[0], stitched)
            pieces = [pieces[0][:head], pieces[0][head:]]
            ranges = [
                (pieces[0][0].start, pieces[0][-1].end),
                (pieces[1][0].start, len(quote.text)),
            ]
    return Retrieval(
        pieces=tuple(tuple(p) for p in pieces), ranges=tuple(ranges), found=tuple(found), best=best
    )


def placements(ctx: Context, quote: Quote, got: Retrieval) -> Iterator[Placement]:
    """The passages to judge the quote against, in order: where its words are, word for word,
    when enough of them are; then the passage it rewords, if one keeps its distinctive words."""
    best = got.best
    if best is not None and best.score >= ctx.policy.not_found_below:
        words = sum(h.length for h in best.pieces)
        share = sum(h.matches for h in best.pieces) / words if words else 0.0
        # Most of the quote not there: a paraphrase if it keeps the passage's distinctive
        # words, else no source at all (never "altered" on a third of a match).
        if best.stitched or share >= ctx.policy.paraphrase_below:
            yield Placement(located=best, pieces=got.pieces, ranges=got.ranges, others=got.found)
    reworded = paraphrase_placement(ctx, quote, got)
    if reworded is not None:
        yield reworded


def paraphrase_placement(ctx: Context, quote: Quote, got: Retrieval) -> Placement | None:
    """The passage a reworded quote keeps the most distinctive words of, the whole quote as one piece."""
    corpus, policy = ctx.corpus, ctx.policy
    words = [t for piece in got.pieces for t in piece]
    ranked: list[tuple[tuple[bool, int, int], ParaphraseEvidence]] = []
    for loc in got.found[: policy.candidates_per_piece]:
        ev = evidence_near(words, corpus, loc.doc, loc.start, loc.end, policy)
        if ev and is_paraphrase(ev, policy):
            ranked.append(((credited_speaks(quote, ctx, ev.doc, ev.start), ev.rare, len(ev.shared)), ev))
    if not ranked:
        return None
    ev = max(ranked, key=lambda r: r[0])[1]
    hit = PieceHit(start=ev.start, end=ev.end, matches=len(ev.shared), length=len(words))
    located = Located(doc=ev.doc, pieces=(hit,), score=score_of((hit,)))
    return Placement(
        located=located,
        pieces=(tuple(words),),
        ranges=((got.ranges[0][0], got.ranges[-1][1]),),
        others=(located,),
        paraphrase=ev,
    )


def explain(ctx: Context, quote: Quote, placement: Placement) -> Explanation:
    """The edits, piece by piece, and what they add up to."""
    best = placement.located
    transcript = ctx.corpus.transcript(best.doc)
    toks = ctx.corpus.tokens(best.doc)
    pieces = [list(p) for p in placement.pieces]
    edits = quote_edits(quote, pieces, list(placement.ranges), best, transcript, toks, ctx.policy)
    anchor = next(h for h in best.pieces if h.found)
    content_words, content_matched = content_counts(pieces, edits)
    paraphrase = placement.paraphrase
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
    return Explanation(
        placement=placement,
        transcript=transcript,
        tokens=toks,
        edits=tuple(edits),
        speaker=speaker_at(transcript, toks, anchor),
        facts=facts,
    )


def weak_evidence(ctx: Context, quote: Quote, ex: Explanation) -> str | None:
    """Why the words' being said by someone else does not show a misattribution, if it does not:
    a short or common phrase, or a transcript where the credited speaker does not speak."""
    policy = ctx.policy
    words = len(tokenize(quote.text))
    if words <= policy.short_quote_words:
        return f"a phrase of {words} word{'s' if words != 1 else ''} is said in many places"
    best = ex.placement.located
    alike = {loc.doc for loc in ex.placement.others if loc.score >= best.score - policy.credited_margin}
    if len(alike) > policy.common_phrase_places:
        return f"the corpus holds them in {len(alike)} transcripts about as closely"
    if not credited_in(ctx, quote, ex.transcript):
        return "the credited speaker does not speak in that transcript, so it may not be the event"
    return None


def credited_in(ctx: Context, quote: Quote, transcript: Transcript) -> bool:
    """Whether the credited person speaks anywhere in the transcript (as one of its turns)."""
    credited = quote.speaker_name or quote.attributed_to or ""
    labels: dict[str, Speaker] = {}
    for turn in transcript.turns:
        labels.setdefault(turn.speaker.label, turn.speaker)
    present = set(CREDITED) - {CreditRelation.UNNAMED_REPORTER}  # an unnamed "Q" is nobody known
    return any(credit_relation(credited, sp, transcript, ctx.aliases) in present for sp in labels.values())


def judge(ctx: Context, quote: Quote, ex: Explanation) -> Finding | Rejected:
    """Fidelity from the edits and facts, attribution from who speaks there, severity from both."""
    fidelity, fid_reasons = judge_fidelity(ex.edits, ex.facts, ctx.policy)
    if fidelity is Fidelity.NOT_FOUND:
        return Rejected(tuple(fid_reasons))
    best = ex.placement.located
    match = make_match(best, list(ex.placement.others), ctx.corpus, ex.transcript, ex.tokens, ctx.policy)
    relayed = relayed_cue(ex.transcript, match.span.start)
    speaker = ex.speaker
    attribution, attr_reasons = judge_attribution(quote, speaker, ex.transcript, relayed, ctx.aliases)
    if attribution is Attribution.MISATTRIBUTED and speaker is not None:
        weak = weak_evidence(ctx, quote, ex)
        if weak is not None:  # VERDICTS.md: no accusation on weak evidence; not found instead
            said = f"{speaker.display} said these words"
            when = f" on {ex.transcript.date}" if ex.transcript.date else ""
            credited = (quote.speaker_name or quote.attributed_to or "").strip()
            return not_found(
                quote,
                best.score,
                ctx.policy,
                [
                    f"The corpus has no such words from {credited}. {said}{when} "
                    f"({ex.transcript.title}); {weak}, so that is no evidence they were misattributed."
                ],
            )
    if best.stitched:
        other = speaker_at(ex.transcript, ex.tokens, best.pieces[1])
        if other and speaker and other.label != speaker.label:
            attr_reasons.append(f"The second part was said by {other.display}, not {speaker.display}.")
    return Finding(
        quote=quote,
        match=match,
        speaker=speaker,
        edits=ex.edits,
        fidelity=fidelity,
        attribution=attribution,
        severity=judge_severity(fidelity, attribution, quote),
        score=round(best.score, 4),
        reasons=tuple(fid_reasons + attr_reasons),
        lead=len(fid_reasons) if attribution_decides(fidelity, attribution) and attr_reasons else 0,
    )
