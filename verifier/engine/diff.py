"""Word-level edit script from a quote to its transcript span, each edit classified.

The only module that imports diff_match_patch. Words are mapped one to one onto
single characters, diffed with no time limit (a verdict must never depend on
how busy the machine is), and cleaned up semantically so edits read as phrases.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from verifier.engine.classify import classify_change
from verifier.models import Edit, EditKind, EditOp, Span
from verifier.text.tokens import Token

_SENTENCE_END = (".", "?", "!", ":", '"')
_QUOTE_MARKS = str.maketrans("", "", "\"'")


def word_diff(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """(op, words of a, words of b) runs: op -1 only in a, 1 only in b, 0 in both."""
    table: dict[str, str] = {}

    def encode(words: list[str]) -> str:
        return "".join(table.setdefault(w, chr(0x4E00 + len(table))) for w in words)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(encode(a), encode(b), False)
    dmp.diff_cleanupSemantic(diffs)
    runs: list[tuple[int, int, int]] = []
    for op, chars in diffs:
        n = len(chars)
        runs.append((op, n if op <= 0 else 0, n if op >= 0 else 0))
    return runs


def piece_edits(
    quote_text: str, q: list[Token], transcript_text: str, t: list[Token], after: list[Token]
) -> list[Edit]:
    """Edits for one quote piece against the transcript words it landed on."""
    edits: list[Edit] = []
    i = j = 0
    runs = word_diff([x.norm for x in q], [x.norm for x in t])
    k = 0
    while k < len(runs):
        op, na, nb = runs[k]
        if op == 0:
            edits.extend(equal_edits(quote_text, q[i : i + na], transcript_text, t[j : j + nb], i))
            i, j, k = i + na, j + nb, k + 1
            continue
        deleted: list[Token] = []
        inserted: list[Token] = []
        while k < len(runs) and runs[k][0] != 0:
            op, na, nb = runs[k]
            deleted += q[i : i + na]
            inserted += t[j : j + nb]
            i, j, k = i + na, j + nb, k + 1
        follow = t[j:] + after
        kind = classify_change(deleted, inserted, follow, t[: j - len(inserted)])
        if not deleted and beside_editorial(q, i):
            kind = EditKind.BRACKET  # "[Navalny] courageously" for "Navalny, who courageously"
        if deleted:
            edits.append(make_edit(EditOp.DELETE, kind, quote_text, deleted, transcript_text, []))
        if inserted:
            edits.append(make_edit(EditOp.INSERT, kind, quote_text, [], transcript_text, inserted))
    return edits


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
                make_edit(
                    EditOp.EQUAL, kinds[start], quote_text, q[start:n], transcript_text, t[start:n]
                )
            )
            start = n
    return edits


def pair_kind(a: Token, b: Token, *, first: bool, after_change: bool) -> EditKind:
    """How two equal words differ as printed: not at all, in case, or in punctuation before.

    The punctuation before the first word of a piece, or right after a change,
    belongs to the article's sentence or to the change, so it is not compared.
    """
    if a.bracketed and not b.bracketed:
        return EditKind.BRACKET
    if not (first or after_change) and gap_key(a.gap_before) != gap_key(b.gap_before):
        return EditKind.PUNCTUATION
    if a.surface != b.surface:
        if (
            a.surface.lower() == b.surface.lower()
            and a.surface[1:] == b.surface[1:]
            and (
                first
                or a.gap_before.endswith(_SENTENCE_END)
                or b.gap_before.endswith(_SENTENCE_END)
            )
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
