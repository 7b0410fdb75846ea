"""Transcript text for the screen: escapes and hard line breaks tidied, spans highlighted.

The original text is cut at every highlight boundary first and each piece tidied on its
own, so highlighting always lands on exactly the characters the spans name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from verifier.models import Span, Transcript, Turn
from verifier.text.display import unescape_markdown

_PARA = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*\n\s*")
_LINE = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*")
_SPACES = re.compile(r"[ \u00a0]{2,}")


def tidy(text: str) -> str:
    """Markdown escapes dropped, paragraphs kept, lines within a paragraph joined."""
    text = unescape_markdown(text)
    text = _PARA.sub("\x00", text)
    text = _LINE.sub(" ", text)
    return _SPACES.sub(" ", text).replace("\x00", "\n\n")


def styled(text: str, lo: int, hi: int, marks: Sequence[tuple[Span, Style]]) -> Text:
    """text[lo:hi] tidied, with each (span, style) applied to exactly its characters."""
    cuts = sorted({lo, hi, *(min(max(p, lo), hi) for s, _ in marks for p in (s.start, s.end))})
    out = Text()
    for a, b in zip(cuts, cuts[1:], strict=False):
        style = Style()
        for span, st in marks:
            if span.start <= a and b <= span.end:
                style += st
        out.append(tidy(text[a:b]), style=style)
    return out


def turn_marks(turn: Turn, label: Style) -> list[tuple[Span, Style]]:
    """The speaker label at the head of a turn, as a styled span."""
    end = turn.paragraphs[0].start if turn.paragraphs else turn.span.start
    return [(Span(start=turn.span.start, end=max(end, turn.span.start)), label)]


def who(turn: Turn) -> str:
    """A resolved name after a label, when the label does not already say it."""
    s = turn.speaker
    bits = [x for x in (s.name if s.name and s.name != s.label else None, s.affiliation) if x]
    return f"[{', '.join(bits)}] " if bits else ""


def turn_text(
    transcript: Transcript, turn: Turn, *, label: Style, muted: Style, highlight: Sequence[tuple[Span, Style]]
) -> Text:
    """One whole turn: its label, who that is, and the words with highlights."""
    marks = [*turn_marks(turn, label), *highlight]
    head_end = turn.paragraphs[0].start if turn.paragraphs else turn.span.start
    out = styled(transcript.text, turn.span.start, head_end, marks)
    out.append(who(turn), style=muted)
    out.append_text(styled(transcript.text, head_end, turn.span.end, marks))
    out.rstrip()
    return out


def window(transcript: Transcript, span: Span, *, before: int = 1, after: int = 1) -> list[int]:
    """Indexes of the turns around a span: the one holding it and its neighbours."""
    i = transcript.turn_index_at(span.start)
    if i is None:
        return []
    return list(range(max(0, i - before), min(len(transcript.turns), i + after + 1)))
