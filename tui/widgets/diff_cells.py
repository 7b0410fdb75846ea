"""The aligned diff as data: word cells paired article-over-transcript, and lines of them.

Pure functions, so wrapping and change-jumping are tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from verifier.models import Edit, EditKind, EditOp
from verifier.text.display import unescape_markdown

SAME = "same"
KINDS = ("delete", "insert", "change", "elided", "bracket", "typo")
MARKS = {
    SAME: " ",
    "delete": "-",
    "insert": "+",
    "change": "^",
    "elided": ".",
    "bracket": "=",
    "typo": "'",
}
LEGEND = "- removed  + added  ^ changed  . elided  = bracketed  ' typography"
_TYPO = {EditKind.TYPOGRAPHY, EditKind.PUNCTUATION, EditKind.CAPITALISATION}


@dataclass(frozen=True, slots=True)
class Cell:
    """Article words over transcript words, one kind, and which change they belong to."""

    article: str
    transcript: str
    kind: str
    change: int | None = None

    @property
    def width(self) -> int:
        return max(len(self.article), len(self.transcript), 1)


def edit_cells(edits: tuple[Edit, ...]) -> list[Cell]:
    """Cells in quote order; a delete followed by an insert of the same kind is one change."""
    cells: list[Cell] = []
    change = 0
    k = 0
    while k < len(edits):
        e = edits[k]
        nxt = edits[k + 1] if k + 1 < len(edits) else None
        if e.op is EditOp.EQUAL and e.kind is EditKind.SAME:
            cells.extend(_word_pairs(e.quote_text, e.transcript_text, SAME, None))
            k += 1
            continue
        kind = _kind(e, nxt)
        if kind == "change" and nxt is not None:
            cells.append(Cell(_flat(e.quote_text), _flat(nxt.transcript_text), _change_kind(e), change))
            k += 2
        elif e.op is EditOp.EQUAL:
            cells.extend(_word_pairs(e.quote_text, e.transcript_text, kind, change))
            k += 1
        else:
            cells.append(Cell(_flat(e.quote_text), _flat(e.transcript_text), kind, change))
            k += 1
        change += 1
    return cells


def _kind(e: Edit, nxt: Edit | None) -> str:
    if e.kind is EditKind.ELISION:
        return "elided"
    if e.op is EditOp.EQUAL:
        return "bracket" if e.kind is EditKind.BRACKET else "typo"
    if (
        e.op is EditOp.DELETE
        and nxt is not None
        and nxt.op is EditOp.INSERT
        and nxt.kind is e.kind
    ):
        return "change"
    if e.kind is EditKind.BRACKET:
        return "bracket"
    if e.kind in _TYPO:
        return "typo"
    return "delete" if e.op is EditOp.DELETE else "insert"


def _change_kind(e: Edit) -> str:
    if e.kind is EditKind.BRACKET:
        return "bracket"
    return "typo" if e.kind in _TYPO else "change"


def _flat(text: str) -> str:
    """One line of words as shown: whitespace folded, Markdown escapes dropped."""
    return unescape_markdown(" ".join(text.split()))


def _word_pairs(a: str, b: str, kind: str, change: int | None) -> list[Cell]:
    aw, bw = unescape_markdown(a).split(), unescape_markdown(b).split()
    if len(aw) != len(bw):
        return [Cell(" ".join(aw), " ".join(bw), kind, change)]
    return [Cell(x, y, kind, change) for x, y in zip(aw, bw, strict=True)]


def change_count(cells: list[Cell]) -> int:
    return len({c.change for c in cells if c.change is not None})


def fit(cells: list[Cell], width: int) -> list[Cell]:
    """Split any cell wider than ``width`` into word chunks that fit, in parallel rows."""
    out: list[Cell] = []
    for cell in cells:
        if cell.width <= width:
            out.append(cell)
            continue
        rows = zip_longest(_chunks(cell.article, width), _chunks(cell.transcript, width), fillvalue="")
        out.extend(Cell(a, t, cell.kind, cell.change) for a, t in rows)
    return out


def _chunks(text: str, width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in text.split():
        while len(word) > width:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:width])
            word = word[width:]
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


def wrap(cells: list[Cell], width: int) -> list[list[Cell]]:
    """Pack cells into lines no wider than ``width`` (one space between cells)."""
    width = max(width, 8)
    lines: list[list[Cell]] = []
    cur: list[Cell] = []
    used = 0
    for cell in fit(cells, width):
        need = cell.width + (1 if cur else 0)
        if cur and used + need > width:
            lines.append(cur)
            cur, used = [], 0
            need = cell.width
        cur.append(cell)
        used += need
    if cur:
        lines.append(cur)
    return lines
