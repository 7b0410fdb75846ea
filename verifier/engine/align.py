"""Locate a quote in the corpus: candidate regions from rare word pairs, then a fine
word alignment (rapidfuzz) inside each region. The only module that imports rapidfuzz.

A quote is a list of pieces (split at its ellipses). The longest piece anchors the
search; the others must land in order, in the same speaker's words, close by.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

from verifier.corpus.search_space import DocTokens, SearchSpace
from verifier.engine.classify import says_the_same
from verifier.engine.policy import Policy
from verifier.models import Transcript
from verifier.text.tokens import Token

_NEVER = "\x00"  # a word no quote contains: masks tokens a piece may not land on


@dataclass(frozen=True, slots=True)
class PieceHit:
    """Where one quote piece landed: local word indices [start, end) in a transcript."""

    start: int
    end: int
    matches: int  # quote words found there, in order
    length: int  # quote words in the piece

    @property
    def found(self) -> bool:
        return self.matches > 0


@dataclass(frozen=True, slots=True)
class Located:
    """A candidate place for the whole quote: one transcript, one hit per piece."""

    doc: int
    pieces: tuple[PieceHit, ...]
    score: float
    stitched: bool = False

    @property
    def start(self) -> int:
        return min(p.start for p in self.pieces if p.found)

    @property
    def end(self) -> int:
        return max(p.end for p in self.pieces if p.found)


def match_norms(piece: list[Token]) -> list[str]:
    """The words of a piece to align. An editor's bracketed words stay: they cost one
    unmatched word when they stand for others ("[China]" for "they"), and match when
    the transcript has the same bracketed words (a redaction quoted as printed)."""
    return [t.norm for t in piece]


def score_of(hits: tuple[PieceHit, ...]) -> float:
    """Word similarity of the pieces to their spans: 2·matches / (quote words + span words)."""
    matched = sum(h.matches for h in hits)
    total = sum(h.length + (h.end - h.start if h.found else 0) for h in hits)
    return 2.0 * matched / total if total else 0.0


def lcs_blocks(q: list[str], window: list[str]) -> list[tuple[int, int, int]]:
    """Matching word blocks (quote index, window index, length) of an LCS alignment.

    Where the speaker repeated themselves ("say that that first meeting"), an
    LCS may pair a quote word with the first copy; blocks are slid up against
    their neighbours so the span covers the words the quote actually runs into.
    """
    blocks = [
        [op.src_start, op.dest_start, op.src_end - op.src_start]
        for op in Indel.opcodes(q, window)
        if op.tag == "equal"
    ]
    for k in range(len(blocks) - 2, -1, -1):  # slide right, towards the next block
        qi, wj, n = blocks[k]
        nq, nw, _ = blocks[k + 1]
        if qi + n == nq and wj + n < nw and window[nw - n : nw] == q[qi : qi + n]:
            blocks[k][1] = nw - n
    for k in range(1, len(blocks)):  # slide left, towards the previous block
        qi, wj, n = blocks[k]
        pq, pw, pn = blocks[k - 1]
        if pq + pn == qi and pw + pn < wj and window[pw + pn : pw + pn + n] == q[qi : qi + n]:
            blocks[k][1] = pw + pn
    return [(a, b, c) for a, b, c in blocks]


def densest_run(blocks: list[tuple[int, int, int]], m: int) -> tuple[int, int, int, int, int]:
    """The run of blocks maximising 2·matches/(m + span): (window start, end, matches, q lo, q hi)."""
    best = (-1.0, 0, 0, 0, 0, 0)
    for i in range(len(blocks)):
        matched = 0
        for j in range(i, len(blocks)):
            matched += blocks[j][2]
            span = blocks[j][1] + blocks[j][2] - blocks[i][1]
            sim = 2.0 * matched / (m + span)
            if sim > best[0]:
                end = blocks[j][1] + blocks[j][2]
                best = (sim, blocks[i][1], end, matched, blocks[i][0], blocks[j][0] + blocks[j][2])
    return best[1:]


def best_span(q: list[str], window: list[str], offset: int, policy: Policy) -> PieceHit:
    """The span of ``window`` most like ``q``, at word boundaries.

    An LCS over a wide window may pair a quote word with a stray earlier copy
    of it; a second pass over just the chosen run plus the quote's unmatched
    edge words settles the ends. Edge words that differ only as contractions
    ("we are" / "we're") or inflections extend the span rather than fall off it.
    """
    m = len(q)
    blocks = lcs_blocks(q, window) if q and window else []
    if not blocks:
        return PieceHit(start=offset, end=offset, matches=0, length=m)
    start, end, matched, q_lo, q_hi = densest_run(blocks, m)
    lo = max(0, start - q_lo)
    hi = min(len(window), end + (m - q_hi))
    if (lo, hi) != (0, len(window)):
        narrow = lcs_blocks(q, window[lo:hi])
        if narrow:
            s2, e2, matched2, q_lo2, q_hi2 = densest_run(narrow, m)
            if matched2 >= matched:
                start, end, matched, q_lo, q_hi = s2 + lo, e2 + lo, matched2, q_lo2, q_hi2
    new_start = extend_edge(q[:q_lo], window, start, -1, policy)
    new_end = extend_edge(q[q_hi:], window, end, +1, policy)
    if (new_start, new_end) != (start, end):
        start, end = new_start, new_end
        span = window[start:end]
        matched = (m + len(span) - Indel.distance(q, span)) // 2  # the LCS, edges included
    return PieceHit(start=offset + start, end=offset + end, matches=matched, length=m)


def extend_edge(rest: list[str], window: list[str], edge: int, step: int, policy: Policy) -> int:
    """Move a span edge over the transcript words the quote's unmatched edge words stand for.

    In order of preference: the same words a few words beyond the edge (the speaker
    restarted or hesitated in between: "as we have said — as we have said, that, you
    know, if"); words that say the same another way ("we are" / "we're"); else one or
    two edge words one for one, so a swapped last word reads as a replacement ("days"
    for "time"), not as an addition.
    """
    if not rest:
        return edge
    n = len(rest)
    for skip in range(0, policy.edge_skip_words + 1):
        lo, hi = (edge - skip - n, edge - skip) if step < 0 else (edge + skip, edge + skip + n)
        if lo < 0 or hi > len(window) or _NEVER in window[min(lo, edge) : max(hi, edge)]:
            break
        if window[lo:hi] == rest:
            return lo if step < 0 else hi
    for j in range(1, n + 2):
        lo, hi = (edge - j, edge) if step < 0 else (edge, edge + j)
        if lo < 0 or hi > len(window) or _NEVER in window[lo:hi]:
            break
        if says_the_same(rest, window[lo:hi]):
            return lo if step < 0 else hi
    lo, hi = (edge - n, edge) if step < 0 else (edge, edge + n)
    if n <= policy.edge_swap_words and lo >= 0 and hi <= len(window) and _NEVER not in window[lo:hi]:
        return lo if step < 0 else hi
    return edge


class Aligner:
    """Finds the best places for quotes in one search space, under one policy."""

    def __init__(self, space: SearchSpace, policy: Policy, *, near_date: str | None = None) -> None:
        self.space = space
        self.policy = policy
        self.near = day_number(near_date)

    # -- candidates ---------------------------------------------------------------

    def seeds(self, q: list[str]) -> list[tuple[tuple[str, ...], int, float]]:
        """Rare word pairs (and rare single words) of a piece, rarest first, within budget."""
        cap = self.policy.common_seed_hits
        pairs = [((q[i], q[i + 1]), i, 1.0) for i in range(len(q) - 1)]  # a pair's vote: the unit
        singles = [((q[i],), i, self.policy.single_seed_vote) for i in range(len(q))]
        grams = pairs + singles
        ns = self.space.counts([g for g, _, _ in grams])  # an index counts them in one round trip
        counted = [(n, g, i, w) for n, (g, i, w) in zip(ns, grams, strict=True)]
        counted = [c for c in counted if c[0] > 0]
        counted.sort(key=lambda c: (c[0], c[2], len(c[1])))
        if (
            2 <= len(q) <= self.policy.phrase_seed_words
            and len([c for c in counted if len(c[1]) == 2]) == len(q) - 1
        ):
            # A short quote of common words ("and I have"): every pair votes, so only
            # places holding the whole phrase collect all the votes.
            return [(g, i, w) for _n, g, i, w in counted if len(g) == 2]
        chosen: list[tuple[tuple[str, ...], int, float]] = []
        budget = self.policy.seed_hit_budget
        for n, gram, i, w in counted:
            if n > cap and chosen:
                break
            if n > budget and chosen:
                continue
            chosen.append((gram, i, w))
            budget -= n
            if len(chosen) >= self.policy.max_seeds or budget <= 0:
                break
        return chosen

    def candidates(self, q: list[str]) -> list[tuple[int, int, int]]:
        """Top regions (doc, first, last local diagonal) voted for by the piece's seeds."""
        seeds = self.seeds(q)
        if not seeds:
            return []
        found = self.space.hits_many([g for g, _, _ in seeds])
        sizes = [len(pos) for pos in found]
        qidx = np.repeat(np.array([i for _, i, _ in seeds], np.int64), sizes)
        weight = np.repeat(np.array([w for _, _, w in seeds], np.float64), sizes)
        if len(qidx) == 0:
            return []
        diag = np.concatenate(found).astype(np.int64, copy=False) - qidx
        # One stable sort on (diagonal, quote index) packed in one integer: the order
        # np.lexsort((qidx, diag)) gives, at half the cost.
        order = np.argsort(diag * (len(q) + 1) + qidx, kind="stable")
        diag, qidx, weight = diag[order], qidx[order], weight[order]
        width = max(self.policy.region_min_gap, len(q) // 2 + self.policy.region_gap_pad)
        breaks = np.flatnonzero(np.diff(diag) > width) + 1
        cluster = np.zeros(len(diag), np.int64)
        cluster[breaks] = 1
        cluster = np.cumsum(cluster)
        key = cluster * (len(q) + 1) + qidx
        # Each quote word votes once per region, with its first seed there (the
        # first of equal keys in a stable sort: what np.unique's return_index gives).
        by_key = np.argsort(key, kind="stable")
        sorted_key = key[by_key]
        first = by_key[np.concatenate(([True], sorted_key[1:] != sorted_key[:-1]))]
        votes = np.bincount(cluster[first], weights=weight[first])
        lo = diag[np.concatenate(([0], breaks))]  # diagonals are sorted: a region's first is its lowest
        hi = diag[np.concatenate((breaks, [len(diag)])) - 1]
        order_key = self.nearness(lo) if self.near is not None else lo
        top = np.lexsort((lo, order_key, -votes))[: self.policy.candidates_per_piece]
        top = top[votes[top] >= self.policy.candidate_vote_share * votes[top[0]]]
        docs = self.space.locate(np.maximum(lo[top], 0))
        out = []
        for c, doc in zip(top, docs, strict=True):
            base = self.space.doc_base(int(doc))
            out.append((int(doc), int(lo[c]) - base, int(hi[c]) - base))
        return out

    # -- fine alignment -------------------------------------------------------------

    def align_in_region(self, q: list[str], doc: int, first: int, last: int) -> PieceHit:
        """Align a piece inside a candidate region, one turn at a time: the best turn wins."""
        toks = self.space.tokens(doc)
        n = len(toks.norms)
        slack = max(self.policy.align_min_slack, len(q) // 2)
        lo = max(0, first - slack)
        hi = min(n, last + len(q) + slack)
        best = PieceHit(start=lo, end=lo, matches=0, length=len(q))
        if lo >= hi:
            return best
        for turn in sorted(set(toks.turns[lo:hi])):
            t_lo, t_hi = turn_range(toks, turn)
            a, b = max(lo, t_lo), min(hi, t_hi)
            hit = best_span(q, list(toks.norms[a:b]), a, self.policy)
            if score_of((hit,)) > score_of((best,)):
                best = hit
        return best

    def align_near(self, q: list[str], doc: int, lo: int, hi: int, speaker: str) -> PieceHit:
        """Align a piece in [lo, hi) of a transcript, only on the given speaker's words."""
        toks = self.space.tokens(doc)
        transcript = self.space.transcript(doc)
        lo, hi = max(lo, 0), min(hi, len(toks.norms))
        window = [
            w if transcript.turns[toks.turns[k]].speaker.label == speaker else _NEVER
            for k, w in zip(range(lo, hi), toks.norms[lo:hi], strict=True)
        ]
        return best_span(q, window, lo, self.policy)

    # -- whole quotes ----------------------------------------------------------------

    def locate(self, pieces: list[list[str]]) -> list[Located]:
        """Every candidate place for the quote, best first."""
        pieces = [p for p in pieces if p]
        if not pieces:
            return []
        anchor = max(range(len(pieces)), key=lambda k: (len(pieces[k]), -k))
        found: list[Located] = []
        for doc, first, last in self.candidates(pieces[anchor]):
            hit = self.align_in_region(pieces[anchor], doc, first, last)
            if not hit.found:
                continue
            hits = self.place_others(pieces, anchor, hit, doc)
            found.append(Located(doc=doc, pieces=hits, score=score_of(hits)))
        return self.rank(found)

    def place_others(
        self, pieces: list[list[str]], anchor: int, hit: PieceHit, doc: int
    ) -> tuple[PieceHit, ...]:
        """Land the pieces before and after the anchor, in order, in its speaker's words."""
        if len(pieces) == 1:
            return (hit,)
        transcript = self.space.transcript(doc)
        speaker = transcript.turns[self.space.tokens(doc).turns[hit.start]].speaker.label
        gap = self.policy.elision_max_gap_words
        hits: list[PieceHit | None] = [None] * len(pieces)
        hits[anchor] = hit
        edge = hit.end
        for k in range(anchor + 1, len(pieces)):
            h = self.align_near(pieces[k], doc, edge, edge + gap + len(pieces[k]), speaker)
            hits[k] = h
            edge = h.end if h.found else edge
        edge = hit.start
        for k in range(anchor - 1, -1, -1):
            h = self.align_near(pieces[k], doc, edge - gap - len(pieces[k]), edge, speaker)
            hits[k] = h
            edge = h.start if h.found else edge
        return tuple(h for h in hits if h is not None)

    def nearness(self, positions: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """For regions that tie on votes: days from the article's date, the days before it
        first (a quote is said before it is printed), undated transcripts last."""
        days = doc_days(self.space)[self.space.locate(np.maximum(positions, 0))]
        assert self.near is not None
        before = days <= self.near
        return np.where(days < 0, 1 << 40, np.where(before, self.near - days, (1 << 20) + days))

    def rank(self, found: list[Located]) -> list[Located]:
        """Best first; the same place reached from two regions counted once."""
        found.sort(key=lambda x: (-round(x.score, 6), self.date_key(x.doc), x.doc, x.start))
        unique: list[Located] = []
        for loc in found:
            if any(u.doc == loc.doc and u.start < loc.end and loc.start < u.end for u in unique):
                continue
            unique.append(loc)
        return unique

    def date_key(self, doc: int) -> tuple[int, int]:
        """Among equals: with an article date, the nearest transcript on or before it first
        (then any after it); without, the earliest: the first time the words were said."""
        day = day_number(self.space.doc_date(doc))
        if day is None:
            return (2, 0)
        if self.near is None:
            return (0, day)
        return (0, self.near - day) if day <= self.near else (1, day)

    def locate_stitched(self, q: list[str], split_points: list[int]) -> Located | None:
        """The quote as two passages of one transcript, when that explains it far better."""
        best: Located | None = None
        for k in split_points:
            head = self.locate([q[:k]])
            tail = self.locate([q[k:]])
            if not head or not tail:
                continue
            keep = self.policy.stitch_places_per_part
            for h in head[:keep]:
                for t in tail[:keep]:
                    if h.doc != t.doc:
                        continue
                    hits = (h.pieces[0], t.pieces[0])
                    if hits[0].start < hits[1].end and hits[1].start < hits[0].end:
                        continue
                    loc = Located(doc=h.doc, pieces=hits, score=score_of(hits), stitched=True)
                    if best is None or loc.score > best.score:
                        best = loc
        return best


_DAYS: dict[int, tuple[SearchSpace, npt.NDArray[np.int64]]] = {}


def doc_days(space: SearchSpace) -> npt.NDArray[np.int64]:
    """Every transcript's date as a day number (-1 when undated), worked out once per space."""
    from verifier.corpus.filters import FilteredSpace

    while isinstance(space, FilteredSpace):  # a filter's view has its corpus's dates
        space = space.space
    held = _DAYS.get(id(space))
    if held is not None and held[0] is space:
        return held[1]
    days = np.array([day_number(space.doc_date(d)) or -1 for d in range(len(space))], np.int64)
    if len(_DAYS) >= 8:
        _DAYS.clear()
    _DAYS[id(space)] = (space, days)
    return days


def day_number(date: str | None) -> int | None:
    """A date (``2024-01-28``, or anything starting so) as a day count, for ranking."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10]).toordinal()
    except ValueError:
        return None


def turn_range(toks: DocTokens, turn: int) -> tuple[int, int]:
    """Local word indices [lo, hi) of one turn's words."""
    return bisect.bisect_left(toks.turns, turn), bisect.bisect_right(toks.turns, turn)


def transcript_of(space: SearchSpace, located: Located) -> Transcript:
    return space.transcript(located.doc)
