"""Word-level edit script from a quote to its transcript span, each edit classified.

The only module that imports diff_match_patch. Words are mapped one to one onto
single characters, diffed with no time limit (a verdict must never depend on
how busy the machine is), and cleaned up semantically so edits read as phrases.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch

from verifier.engine.classify import (
    CHUNK_KINDS,
    MEANING_KINDS,
    LowerWords,
    chunk_carriers,
    classify_change,
)
from verifier.engine.policy import Policy
from verifier.models import Edit, EditKind, EditOp, Span
from verifier.text.tokens import Token

_SENTENCE_END = (".", "?", "!", ":", '"')
_QUOTE_MARKS = str.maketrans("", "", "\"'")


@lru_cache(maxsize=16)
def lower_vocab(text: str) -> LowerWords:
    """Words the text prints in lower case: capitalised elsewhere, they are not names."""
    return LowerWords(text)


def word_diff(a: list[str], b: list[str], *, semantic: bool = True) -> list[tuple[int, int, int]]:
    """(op, words of a, words of b) runs: op -1 only in a, 1 only in b, 0 in both.

    ``semantic`` merges short equal runs into the changes around them, so edits read
    as phrases; without it a changed chunk comes apart into its word-level changes.
    """
    table: dict[str, str] = {}

    def encode(words: list[str]) -> str:
        return "".join(table.setdefault(w, chr(0x4E00 + len(table))) for w in words)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(encode(a), encode(b), False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    runs: list[tuple[int, int, int]] = []
    for op, chars in diffs:
        n = len(chars)
        runs.append((op, n if op <= 0 else 0, n if op >= 0 else 0))
    return runs


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of the diff: the same words on both sides, or one change (either side may be
    empty); ``i`` and ``j`` are where it starts in each word list."""

    same: bool
    a: list[Token]
    b: list[Token]
    i: int
    j: int


def diff_runs(a: list[Token], b: list[Token], *, semantic: bool = True) -> list[Run]:
    """The word diff of two token lists as alternating runs of equal words and changes."""
    out: list[Run] = []
    i = j = 0
    for op, na, nb in word_diff([x.norm for x in a], [x.norm for x in b], semantic=semantic):
        same = op == 0
        if out and not same and not out[-1].same:  # a delete and an insert: one change
            last = out[-1]
            out[-1] = Run(same=False, a=last.a + a[i : i + na], b=last.b + b[j : j + nb], i=last.i, j=last.j)
        else:
            out.append(Run(same=same, a=a[i : i + na], b=b[j : j + nb], i=i, j=j))
        i, j = i + na, j + nb
    return out


def piece_edits(
    quote_text: str,
    q: list[Token],
    transcript_text: str,
    t: list[Token],
    after: list[Token],
    policy: Policy,
) -> list[Edit]:
    """Edits for one quote piece against the transcript words it landed on."""
    edits: list[Edit] = []
    vocab = lower_vocab(transcript_text)
    for run in diff_runs(q, t):
        deleted, inserted = run.a, run.b
        if run.same:
            edits.extend(equal_edits(quote_text, deleted, transcript_text, inserted, run.i))
            continue
        follow = t[run.j + len(inserted) :] + after
        before = t[: run.j]
        kind = classify_change(deleted, inserted, follow, before, vocab, policy)
        if not deleted and beside_editorial(q, run.i):
            kind = EditKind.BRACKET  # "[Navalny] courageously" for "Navalny, who courageously"
        replaced = deleted and inserted and len(deleted) + len(inserted) > 2
        if replaced and kind in MEANING_KINDS | {EditKind.WORDING}:
            edits.extend(
                chunk_edits(quote_text, deleted, transcript_text, inserted, follow, before, vocab, policy)
            )
            continue
        edits.extend(change_edits(kind, quote_text, deleted, transcript_text, inserted))
    return edits


def change_edits(
    kind: EditKind, quote_text: str, deleted: list[Token], transcript_text: str, inserted: list[Token]
) -> list[Edit]:
    """The delete and insert edits of one change."""
    edits = []
    if deleted:
        edits.append(make_edit(EditOp.DELETE, kind, quote_text, deleted, transcript_text, []))
    if inserted:
        edits.append(make_edit(EditOp.INSERT, kind, quote_text, [], transcript_text, inserted))
    return edits


def chunk_edits(
    quote_text: str,
    deleted: list[Token],
    transcript_text: str,
    inserted: list[Token],
    follow: list[Token],
    before: list[Token],
    vocab: LowerWords,
    policy: Policy,
) -> list[Edit]:
    """A changed chunk judged word by word, its meaning carriers judged over the whole chunk.

    Each word-level change keeps its own kind (a contraction, a dropped filler, a
    synonym), but it may only claim a meaning carrier the whole chunk changes: a
    capitalised word, a split negation or a moved qualifier no longer turns the chunk
    into a name, negation or qualifier change. A carrier that no single word change
    shows (polarity flipped across two of them) marks the chunk as a whole.
    """
    carriers = chunk_carriers(deleted, inserted, follow, vocab, policy)
    parts: list[tuple[EditKind | None, list[Token], list[Token]]] = []  # None: the same words
    for run in diff_runs(deleted, inserted, semantic=False):
        if run.same:
            parts.append((None, run.a, run.b))
            continue
        ahead = inserted[run.j + len(run.b) :] + follow
        sub = classify_change(run.a, run.b, ahead, before + inserted[: run.j], vocab, policy)
        parts.append((EditKind.WORDING if sub in CHUNK_KINDS - carriers else sub, run.a, run.b))
    shown = {kind for kind, _, _ in parts}
    if not carriers <= shown:
        whole = next(c for c in _CARRIER_ORDER if c in carriers)
        return change_edits(whole, quote_text, deleted, transcript_text, inserted)
    edits: list[Edit] = []
    for kind, d, n in parts:
        if kind is None:
            edits.extend(equal_edits(quote_text, d, transcript_text, n, 1))
        else:
            edits.extend(change_edits(kind, quote_text, d, transcript_text, n))
    return edits


_CARRIER_ORDER = (EditKind.NEGATION, EditKind.NUMBER, EditKind.NAME, EditKind.QUALIFIER, EditKind.CONTENT)


def beside_editorial(q: list[Token], i: int) -> bool:
    """The quote word just before or after position ``i`` is an editor's bracketed word."""
    return any(0 <= k < len(q) and q[k].editorial for k in (i - 1, i))


def equal_edits(
    quote_text: str, q: list[Token], transcript_text: str, t: list[Token], first_index: int
) -> list[Edit]:
    """Equal words, split where capitalisation or punctuation differ."""
    kinds = [
        pair_kind(a, b, first=first_index + n == 0, after_change=n == 0)
        for n, (a, b) in enumerate(zip(q, t, strict=True))
    ]
    edits: list[Edit] = []
    start = 0
    for n in range(1, len(kinds) + 1):
        if n == len(kinds) or kinds[n] != kinds[start]:
            edits.append(
                make_edit(EditOp.EQUAL, kinds[start], quote_text, q[start:n], transcript_text, t[start:n])
            )
            start = n
    return edits


def pair_kind(a: Token, b: Token, *, first: bool, after_change: bool) -> EditKind:
    """How two equal words differ as printed: not at all, in case, or in punctuation before.

    VERDICTS.md's verbatim "first-letter case" is the case of the quote's first letter (and
    of a sentence's, inside it), set by the article's sentence like its final punctuation
    mark; a word's case changed elsewhere ("the president" for "the President", a headline's
    title case) is punctuation's "case". The punctuation before the first word of a piece,
    or right after a change, belongs to the article's sentence or to the change, so it is
    not compared.
    """
    if a.bracketed and not b.bracketed:
        return EditKind.BRACKET
    if not (first or after_change) and gap_key(a.gap_before) != gap_key(b.gap_before):
        return EditKind.PUNCTUATION
    if a.surface != b.surface:
        if (
            a.surface.lower() == b.surface.lower()
            and a.surface[1:] == b.surface[1:]
            and (first or a.gap_before.endswith(_SENTENCE_END) or b.gap_before.endswith(_SENTENCE_END))
        ):
            return EditKind.TYPOGRAPHY
        return EditKind.CAPITALISATION
    return EditKind.SAME


def gap_key(gap: str) -> str:
    """Punctuation between words, with quote marks and dash spellings folded away."""
    return gap.translate(_QUOTE_MARKS).replace("--", "\u2014").replace("-", "\u2014")


def make_edit(
    op: EditOp,
    kind: EditKind,
    quote_text: str,
    q: list[Token],
    transcript_text: str,
    t: list[Token],
) -> Edit:
    """An edit with the original text and spans of its words on each side."""
    qs = Span(start=q[0].start, end=q[-1].end) if q else None
    ts = Span(start=t[0].start, end=t[-1].end) if t else None
    return Edit(
        op=op,
        kind=kind,
        quote_text=qs.of(quote_text) if qs else "",
        transcript_text=ts.of(transcript_text) if ts else "",
        quote_span=qs,
        transcript_span=ts,
    )


def elision_edit(quote_text: str, mark: Span, transcript_text: str, skipped: list[Token]) -> Edit:
    """What an ellipsis left out: the transcript words between two pieces."""
    ts = Span(start=skipped[0].start, end=skipped[-1].end) if skipped else None
    return Edit(
        op=EditOp.INSERT,
        kind=EditKind.ELISION,
        quote_text=mark.of(quote_text).strip(),
        transcript_text=ts.of(transcript_text) if ts else "",
        quote_span=mark,
        transcript_span=ts,
    )
