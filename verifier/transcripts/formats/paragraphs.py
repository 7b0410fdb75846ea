"""Paragraphs of a text with offsets, and the spoken parts of a paragraph.

Shared by the line-oriented formats: a paragraph is a run of non-blank lines;
stage directions such as ``(Laughter.)`` or ``(As interpreted.)`` are cut out
of the spoken spans because nobody said those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from verifier.models import Span

_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0\u200b]*(?:\n[ \t\u00a0\u200b]*)+")
STAGE_DIRECTION_RE = re.compile(
    r"\((?:[A-Z][^()\n]{0,60}?\.|[Ii]naudible[^()\n]{0,20}|[Cc]rosstalk[^()\n]{0,20})\)"
)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Spans of the paragraphs in ``text[start:end]``, each trimmed of outer whitespace."""
    end = len(text) if end is None else end
    pos = start
    for m in _BLANK_LINE_RE.finditer(text, start, end):
        span = trim(text, pos, m.start())
        if span is not None:
            yield span
        pos = m.end()
    span = trim(text, pos, end)
    if span is not None:
        yield span


def trim(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without leading or trailing whitespace, or None if nothing is left."""
    while start < end and (text[start].isspace() or text[start] == "\u200b"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "\u200b"):
        end -= 1
    return Span(start=start, end=end) if start < end else None


def cut_out(text: str, span: Span, unspoken: re.Pattern[str]) -> list[Span]:
    """The trimmed pieces of ``span`` between the matches of ``unspoken``."""
    parts: list[Span] = []
    pos = span.start
    for m in unspoken.finditer(text, span.start, span.end):
        part = trim(text, pos, m.start())
        if part is not None:
            parts.append(part)
        pos = m.end()
    part = trim(text, pos, span.end)
    if part is not None:
        parts.append(part)
    return parts


def spoken_parts(text: str, span: Span) -> list[Span]:
    """The parts of a paragraph that were spoken: stage directions cut out."""
    return cut_out(text, span, STAGE_DIRECTION_RE)
