"""Retrieval's choices among candidate places: the credited speaker's place first among
equals, and where a quote without an ellipsis may have been stitched from two passages."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from verifier.corpus.filters import speaks_in
from verifier.corpus.search_space import SearchSpace
from verifier.engine.align import Located
from verifier.engine.context import Context
from verifier.engine.credit import CreditRelation, credit_core, credit_relation
from verifier.engine.policy import Policy
from verifier.models import Quote, Role
from verifier.text.tokens import Token
from verifier.transcripts.speakers import norm_phrase

_SPLIT_GAPS = (".", "?", "!", ";", ":", ",", "\u2014")


CREDITED = (
    CreditRelation.SAME_PERSON,
    CreditRelation.ROLE_MATCH,
    CreditRelation.ANONYMOUS_MATCH,
    CreditRelation.UNNAMED_REPORTER,
)


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
    return credit_relation(credited, speaker, transcript, ctx.aliases) in CREDITED


def prefer_credited_speaker(quote: Quote, found: list[Located], ctx: Context) -> list[Located]:
    """Among places that explain the quote about equally well, put first the best one where
    the credited person is speaking.

    A short or repeated phrase ("final warning") can match a reporter's question and an
    official's answer equally well, or an official repeating the President's words; the
    article means the one its speaker said. "About equally well": within
    ``policy.credited_margin`` of the best score.
    """
    if len(found) < 2 or not (quote.speaker_name or quote.attributed_to):
        return found
    top = max(loc.score for loc in found)
    floor = top - ctx.policy.credited_margin
    best_k: int | None = None
    for k, loc in enumerate(found):
        if loc.score < floor or (best_k is not None and loc.score <= found[best_k].score):
            continue
        if credited_speaks(quote, ctx, loc.doc, loc.start):
            best_k = k
    if best_k is None:
        return sorted(found, key=lambda loc: -loc.score)
    rest = sorted(found[:best_k] + found[best_k + 1 :], key=lambda loc: -loc.score)
    return [found[best_k], *rest]


def credited_person(quote: Quote, ctx: Context, near_date: str | None) -> str | None:
    """The name to look for among a corpus's speakers: who the alias data says the credit
    means on that date, else the surname as printed ("Jean-Pierre"); None for a credit
    that names nobody (a pronoun, "a senior official", "the White House", "a reporter")."""
    credited = quote.speaker_name or quote.attributed_to
    if not credited or quote.attributed_to is None:
        return None
    person = ctx.aliases.lookup(credited, near_date) or ctx.aliases.lookup(
        credit_core(norm_phrase(credited)), near_date
    )
    if person is not None:
        return person.name
    words = [w for w in credited.replace("\u2019", "'").split() if w[:1].isupper()]
    if not words:
        return None
    surname = words[-1].removesuffix("'s").strip(",.")
    return surname if len(surname) >= ctx.policy.min_surname_letters else None


def speaker_mask(space: SearchSpace, who: str) -> npt.NDArray[np.bool_] | None:
    """The transcripts ``who`` speaks in (a label or name, as whole words); None if none."""
    key = (id(space), who)
    held = _MASKS.get(key)
    if held is not None and held[0] is space:
        return held[1]
    mask = np.array([speaks_in(who, space.doc_speakers(d)) for d in range(len(space))], bool)
    found = mask if mask.any() else None
    if len(_MASKS) >= 256:
        _MASKS.clear()
    _MASKS[key] = (space, found)
    return found


_MASKS: dict[tuple[int, str], tuple[SearchSpace, npt.NDArray[np.bool_] | None]] = {}


def may_be_stitched(best: Located | None, policy: Policy) -> bool:
    """Worth trying as two passages: a weak match, or one that leaves a run of the
    quote's words unexplained ("We have acted defensively." said in another answer)."""
    if best is None or best.score < policy.stitch_try_below:
        return True
    hit = best.pieces[0]
    return hit.length - hit.matches >= policy.stitch_unmatched_words


def split_points(words: list[Token], policy: Policy) -> list[int]:
    """Where a quote without an ellipsis may have been stitched: sentence breaks, else the middle."""
    n = len(words)
    least = policy.stitch_min_part_words
    points = [k for k in range(least, n - least + 1) if words[k].gap_before.endswith(_SPLIT_GAPS)]
    points.sort(key=lambda k: abs(k - n // 2))
    return points[: policy.stitch_split_points] or [n // 2]


def stitched_split(words: list[Token], located: Located) -> int:
    """How many of the quote's words the first stitched passage took."""
    return located.pieces[0].length + sum(1 for w in words[: located.pieces[0].length] if w.editorial)
