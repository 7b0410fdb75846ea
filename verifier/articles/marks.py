"""Quote marks in an article: paragraphs and sentences, and the pieces of quoted text that
pairs of marks (double, single, unclosed at a paragraph's end) enclose, with their offsets."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from verifier.articles.cues import (
    Cue,
    cue_before,
    cue_in,
)
from verifier.models import QuoteFlag

_OPENERS = "\u201c\u201e\u201f"
CLOSERS = "\u201d"
MARKS = _OPENERS + CLOSERS + '"'
_OPEN_CONTEXT = "([{\u2014\u2013-/:"
_CLOSE_CONTEXT = ".,;:!?)]}\u2014\u2013-\u2026'\u2019"
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Jr|Sr|St|Adm|Gen|Sen|Rep|Gov|Lt|Col|No|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])$"
)
_SENTENCE_END = re.compile(r"[.!?…][\u201d\u2019\"')]*\s+")
_NESTED = re.compile(r"(?:^|[\s\u2014(\[])(?:\u2018|'(?=[^\W\d_]))[^\n]*?\S[\u2019'](?![\w\u2019'])")
TERMINAL = ".!?"
QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")


@dataclass(frozen=True, slots=True)
class Piece:
    """Quoted words found between marks (or recovered to a paragraph edge)."""

    start: int
    end: int
    para: int
    open_mark: int | None  # offset of the opening mark; None when recovered (unopened)
    close_end: int | None  # offset just after the closing mark; None when unclosed
    flags: frozenset[QuoteFlag] = frozenset()
    at_edge: bool = False  # unclosed up to a paragraph or line end: may run on
    cue: Cue | None = None  # an attribution recovered from inside an unclosed run


# --- Paragraphs and sentences -------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines, or lines when the text has no blank line."""
    blank_lines = re.search(r"\n[ \t]*\n", text) is not None
    sep = r"\n[ \t]*\n\s*" if blank_lines else r"\n\s*"
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(sep, text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    kept = [_trim(text, s, e) for s, e in spans if text[s:e].strip()]
    return kept if blank_lines else _join_open_lines(text, kept)


def _join_open_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Copy with a line per paragraph: a line that leaves a quote open goes on into the next.

    A quote broken across single line breaks would otherwise lose its middle lines. The
    lines are joined only when the quote closes within a few lines and no line between
    opens a mark of its own (a new paragraph of the quote), so a stray mark never
    swallows the narration after it.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        j = i
        if _left_open(text, start, end):
            for k in range(i + 1, min(i + 1 + _MAX_JOINED_LINES, len(lines))):
                if _opens_line(text, lines[k][0]):
                    break
                if not _left_open(text, start, lines[k][1]):
                    j = k
                    break
            # a hard-wrapped credit runs on: '…applied," said\nSecretary Alma Ruiz.'
            while j > i and j + 1 < len(lines) and j - i < _MAX_JOINED_LINES:
                tail = text[lines[j][0] : lines[j][1]].rstrip()
                if not re.search(r"[a-z,]$", tail) or _opens_line(text, lines[j + 1][0]):
                    break
                j += 1
        out.append((start, lines[j][1]))
        i = j + 1
    return out


_MAX_JOINED_LINES = 12  # lines a broken (or hard-wrapped) quote may run on before it closes


def _opens_line(text: str, pos: int) -> bool:
    """A line that starts by opening a quote: a new paragraph of the quote, not its middle."""
    ch = text[pos]
    if ch in _OPENERS:
        return True
    return ch == '"' and pos + 1 < len(text) and not text[pos + 1].isspace()


def _left_open(text: str, start: int, end: int) -> bool:
    """Whether a line ends inside a double-quoted passage."""
    chunk = text[start:end]
    curly = chunk.count("\u201c") - chunk.count("\u201d")
    return curly > 0 or (curly == 0 and chunk.count('"') % 2 == 1)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, not before ``lo``."""
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        if not _ABBREV.search(text[max(lo, m.start() - 12) : m.start()]):
            start = m.end()
    return start


def sentence_end(text: str, pos: int, hi: int) -> int:
    """Where the sentence running at ``pos`` ends, not after ``hi``."""
    for m in _SENTENCE_END.finditer(text, pos, hi):
        if not _ABBREV.search(text[max(pos, m.start() - 12) : m.start()]):
            return m.start() + 1
    return hi


# --- Pairing marks within a paragraph -----------------------------------------------------


def _mark_kind(text: str, pos: int, start: int, end: int, is_open: bool) -> str:
    """open or close: curly marks say so; a straight mark is judged by its neighbours."""
    ch = text[pos]
    if ch in _OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    opens = before.isspace() or before in _OPEN_CONTEXT
    closes = after.isspace() or after in _CLOSE_CONTEXT
    if opens != closes:
        return "open" if opens else "close"
    return "close" if is_open else "open"


_SINGLE_OPEN = re.compile(r"(?<![^\s\u2014(\[])(?:\u2018|'(?=[^\W\d_]))")


def _scan_single(text: str, para: int, span: tuple[int, int]) -> list[Piece]:
    """Single quote marks as the main marks (a house style), in a paragraph with no doubles.

    An opening mark starts a word after a space; the closing mark must follow the
    sentence's punctuation (,’ he said) or come before it (’, he said), so an apostrophe
    (don’t, the ’90s) or a plural possessive (officials’ views) never closes a quote.
    """
    start, end = span
    pieces: list[Piece] = []
    pos = start
    while (m := _SINGLE_OPEN.search(text, pos, end)) is not None:
        close = _single_close(text, m.end(), end, text[m.start()])
        if close is None:
            break
        quoted = text[m.end() : close.start()]
        if re.search(r"[^\W\d_]{3}", quoted):
            pieces.append(_closed(text, para, m.start(), close.start()))
        pos = close.end()
    return pieces


_POSSESSIVE = re.compile(r"(?<=s)[\u2019'](?=\s+[a-z])")


def _single_close(text: str, pos: int, end: int, opener: str) -> re.Match[str] | None:
    """The mark closing a single-quoted passage: the first mark after a word no letter follows.

    '‘made contact’ with', ''ashakta' (powerless)': an apostrophe inside a word (don’t)
    never closes; a plural possessive (officials’ views) is passed over while a later
    closer is in reach before the next opening mark.
    """
    marks = "\u2019'" if opener == "'" else "\u2019"
    nxt = _SINGLE_OPEN.search(text, pos, end)
    limit = end if nxt is None else nxt.start()
    found = list(re.compile(rf"(?<=\S)[{marks}](?![\w\u2019'])").finditer(text, pos, limit))
    clear = [m for m in found if _POSSESSIVE.match(text, m.start()) is None]
    pick = clear or found
    return pick[0] if pick else None


def scan_paragraph(text: str, para: int, span: tuple[int, int]) -> list[Piece]:
    """Pair the double quote marks of one paragraph into pieces, recovering strays."""
    start, end = span
    if "``" in text[start:end]:
        return _scan_doubled(text, para, span)
    if not any(text[i] in MARKS for i in range(start, end)):
        return _scan_single(text, para, span)
    pieces: list[Piece] = []
    open_at: int | None = None
    last_close = start
    for pos in (i for i in range(start, end) if text[i] in MARKS):
        kind = _mark_kind(text, pos, start, end, open_at is not None)
        if kind == "open":
            if open_at is not None:
                pieces.append(_unclosed(text, para, open_at, pos, _line_run_on(text, start, pos)))
            open_at = pos
        elif open_at is not None:
            pieces.append(_closed(text, para, open_at, pos))
            open_at, last_close = None, pos + 1
        else:
            pieces.append(_unopened(text, para, start, last_close, pos))
            last_close = pos + 1
    if open_at is not None:
        pieces.append(_unclosed(text, para, open_at, end, True))
    return [p for p in pieces if p.end > p.start]


_DOUBLED = re.compile(r"``(?P<words>.+?)''(?!')", re.DOTALL)


def _scan_doubled(text: str, para: int, span: tuple[int, int]) -> list[Piece]:
    """Typewriter marks as some archives print them: ``quoted words'' (two characters each)."""
    start, end = span
    pieces: list[Piece] = []
    for m in _DOUBLED.finditer(text, start, end):
        s, e = _trim(text, m.start("words"), m.end("words"))
        if e > s:
            pieces.append(Piece(s, e, para, m.start() + 1, m.end(), _nested(text, s, e)))
    return pieces


def _line_run_on(text: str, para_start: int, pos: int) -> bool:
    """An opening mark at a line start after a finished sentence: a new paragraph of a quote."""
    line_start = text.rfind("\n", para_start, pos)
    if line_start < 0 or text[line_start + 1 : pos].strip():
        return False
    return text[para_start:line_start].rstrip()[-1:] in TERMINAL + "\u201d\"'\u2019"


def _closed(text: str, para: int, open_at: int, close_at: int) -> Piece:
    s, e = _trim(text, open_at + 1, close_at)
    return Piece(s, e, para, open_at, close_at + 1, _nested(text, s, e))


def _unclosed(text: str, para: int, open_at: int, limit: int, at_edge: bool) -> Piece:
    """An opening mark never closed: cut at an attribution inside it, else run to ``limit``."""
    s, e = _trim(text, open_at + 1, limit)
    cue = cue_in(text[s:e])
    flags = {QuoteFlag.UNCLOSED} | _nested(text, s, e)
    if cue is not None:
        shifted = dataclasses.replace(cue, start=s + cue.start, end=s + cue.end)
        return Piece(s, s + cue.start, para, open_at, None, frozenset(flags), False, shifted)
    return Piece(s, e, para, open_at, None, frozenset(flags), at_edge)


def _unopened(text: str, para: int, para_start: int, last_close: int, close_at: int) -> Piece:
    """A closing mark with no opening: recover from the paragraph start, an intro, or a sentence."""
    start = para_start
    if last_close > para_start:
        start = sentence_start(text, last_close, close_at)
        start = last_close if start == last_close else start
    else:
        intro = cue_before(text[para_start:close_at])
        tail = text[para_start + intro.end : close_at] if intro else ""
        if intro is not None and re.match(r"\s*[:,]", tail):
            start = para_start + intro.end + tail.index(tail.lstrip()[0]) + 1
    s, e = _trim(text, start, close_at)
    flags = frozenset({QuoteFlag.UNOPENED}) | _nested(text, s, e)
    return Piece(s, e, para, None, close_at + 1, flags)


def _nested(text: str, start: int, end: int) -> frozenset[QuoteFlag]:
    """NESTED when a single-quoted passage sits inside; apostrophes alone never count."""
    return frozenset({QuoteFlag.NESTED}) if _NESTED.search(text, start, end) else frozenset()
