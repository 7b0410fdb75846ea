"""Normalisation with an offset map back to the original text, and word tokens.

Two levels, both keeping original offsets:

* ``tokenize`` folds typography one character for one character (curly quotes,
  dashes, non-breaking spaces) so token offsets *are* original offsets, then
  lower-cases each word. Markdown escapes (``\\[``) and the ellipsis character are
  never part of a word, so they need no rewriting to be skipped.
* ``fold`` builds a fully normalised copy (escapes dropped, ``…`` spelled ``...``,
  whitespace collapsed, lower case) with, for every folded character, the index
  of the original character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One-for-one typographic folding: offsets survive unchanged.
_ONE_FOR_ONE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "\u2014",
        "\u2013": "\u2014",
        "\u2015": "\u2014",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u3000": " ",
        "\u200b": " ",
        "\ufeff": " ",
    }
)

# A word: an abbreviation (U.S., D.C.), a number (100,000  3.5  18th), or letters
# joined by apostrophes (don't, People's). A hyphen separates words, so "self-defense"
# and "self defense" are the same two words with different punctuation between them.
WORD_RE = re.compile(
    r"\[[^\W_]{1,3}\][^\W_]+(?:'[^\W_]+)*"
    r"|[^\W_]+(?:'[^\W_]+)*\[[^\W_]{1,4}\]"
    r"|(?:[^\W\d_]\.){2,}"
    r"|(?:[^\W\d_]\.)+[^\W\d_](?![^\W_])"
    r"|\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?"
    r"|[^\W\d_]+(?:'[^\W_]+)*"
)
_BRACKETED_RE = re.compile(r"\\?\[[^\]\n]{0,120}?\\?\]")
_GAP_NOISE_RE = re.compile(r"[\s\\*_]+")
ELLIPSIS_RE = re.compile(r"\s*(?:\.\s*\.\s*\.|\u2026)(?:\s*\.)?\s*")


def fold_typography(text: str) -> str:
    """Curly quotes to straight, dashes to one dash, odd spaces to spaces; same length."""
    return text.translate(_ONE_FOR_ONE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its original offsets, its folded form and what printed before it."""

    norm: str  # lower case, typography folded: what matching compares
    surface: str  # as printed, typography folded: what capitalisation checks compare
    start: int
    end: int
    gap_before: str = ""  # punctuation between the previous word and this one
    bracketed: bool = False  # touched by [square brackets]: an editor's letters or words
    editorial: bool = False  # wholly inside brackets: stands for other words, never matched


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    folded = fold_typography(text[start:end])
    brackets = [(m.start(), m.end()) for m in _BRACKETED_RE.finditer(folded)]
    tokens: list[Token] = []
    prev_end = 0
    b = 0
    for m in WORD_RE.finditer(folded):
        s, e = m.span()
        while b < len(brackets) and brackets[b][1] <= s:
            b += 1
        bracketed = b < len(brackets) and brackets[b][0] < e
        surface = m.group()
        editorial = bracketed
        if "[" in surface:  # [T]he, it[s]: an editor's letters inside a word
            surface = surface.replace("[", "").replace("]", "")
            bracketed, editorial = True, False
        tokens.append(
            Token(
                norm=surface.lower(),
                surface=surface,
                start=start + s,
                end=start + e,
                gap_before=normalize_gap(folded[prev_end:s]),
                bracketed=bracketed,
                editorial=editorial,
            )
        )
        prev_end = e
    return tokens


def normalize_gap(gap: str) -> str:
    """Punctuation between two words, compared without spacing, escapes or emphasis."""
    gap = gap.replace("\u2026", "...").replace("[", "").replace("]", "")
    return _GAP_NOISE_RE.sub("", gap)


@dataclass(frozen=True, slots=True)
class Folded:
    """A normalised copy of a text; ``offsets[i]`` is the original index of ``text[i]``.

    ``offsets`` has one extra entry, the original end, so a folded span [i, j)
    maps back to the original span [offsets[i], offsets[j]).
    """

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) a folded [start, end) came from."""
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~")


def fold(text: str) -> Folded:
    """Fully normalise ``text`` for comparison, keeping a map back to the original."""
    typo = fold_typography(text)
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(typo)
    pending_space = -1
    while i < n:
        ch = typo[i]
        if ch == "\\" and i + 1 < n and typo[i + 1] in _ESCAPABLE:
            i += 1
            continue
        if ch.isspace():
            if pending_space < 0:
                pending_space = i
            i += 1
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                offsets.append(pending_space)
            pending_space = -1
        piece = "..." if ch == "\u2026" else ch.lower()
        out.extend(piece)
        offsets.extend([i] * len(piece))
        i += 1
    offsets.append(len(text))
    return Folded(text="".join(out), offsets=tuple(offsets))


def split_ellipsis(text: str) -> list[tuple[int, int]]:
    """The [start, end) ranges of ``text`` between ellipses (``...``, ``…``, ``. . .``)."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in ELLIPSIS_RE.finditer(text):
        if text[pos : m.start()].strip():
            pieces.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        pieces.append((pos, len(text)))
    return pieces
