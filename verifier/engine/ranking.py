"""Retrieval's choices among candidate places: the credited speaker's place first among
equals, and where a quote without an ellipsis may have been stitched from two passages."""

from __future__ import annotations

from verifier.engine.align import Located
from verifier.engine.context import Context
from verifier.engine.credit import CreditRelation, credit_relation
from verifier.engine.policy import Policy
from verifier.models import Quote, Role
from verifier.text.tokens import Token

_SPLIT_GAPS = (".", "?", "!", ";", ":", ",", "\u2014")


_CREDITED = (CreditRelation.SAME_PERSON, CreditRelation.ROLE_MATCH, CreditRelation.ANONYMOUS_MATCH)


def credited_speaks(quote: Quote, ctx: Context, doc: int, start: int) -> bool:
    """Whether the person the article credits is the one speaking at this word.

    A fact about the speaker (the same person, role or anonymous description), not a
    verdict: the attribution itself is judged once, at the end, on the chosen place.
    """
    credited = quote.speaker_name or quote.attributed_to
    if credited is None or quote.attributed_to is None:
        return False
    transcript = ctx.corpus.transcript(doc)
    speaker = transcript.turns[ctx.corpus.tokens(doc).turns[start]].speaker
    if speaker.role is Role.UNKNOWN:
        return False
    return credit_relation(credited, speaker, transcript, ctx.aliases) in _CREDITED


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
