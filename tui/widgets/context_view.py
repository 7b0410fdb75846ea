"""The context pane: the transcript around the matched span, speaker labels, words highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from verifier.models import Span, Transcript, Turn

from .transcript_text import styled, who


class ContextView(Widget):
    """The turn holding a span and its neighbours, with the span's pieces highlighted."""

    COMPONENT_CLASSES = {"context-view--match", "context-view--label", "context-view--muted"}

    target: tuple[Transcript, tuple[Span, ...]] | None = None
    message = ""

    heading = ""

    def show_span(self, transcript: Transcript, pieces: tuple[Span, ...], *, heading: str = "") -> None:
        """Show the paragraphs around a span, under their speakers' labels (and a heading line)."""
        self.target, self.message, self.heading = (transcript, pieces), "", heading
        self.refresh(layout=True)

    def show_message(self, message: str) -> None:
        self.target, self.message = None, message
        self.refresh(layout=True)

    def render(self) -> Text:
        """Built at paint time, so the colours follow the theme as it is now."""
        if self.target is None:
            return Text(self.message, style=self.get_component_rich_style("context-view--muted"))
        text = self.excerpt_text(*self.target)
        if self.heading:
            head = Text(self.heading + "\n\n", style=self.get_component_rich_style("context-view--label"))
            text = head + text
        return text

    def excerpt_text(self, transcript: Transcript, pieces: tuple[Span, ...]) -> Text:
        """The paragraphs around a span, under their speakers' labels; the span highlighted."""
        get = self.get_component_rich_style
        match = get("context-view--match")
        label, muted = get("context-view--label"), get("context-view--muted")
        if not pieces:
            return Text("No matching passage.", style=muted)
        marks = [(p, match) for p in pieces]
        span = Span(start=min(p.start for p in pieces), end=max(p.end for p in pieces))
        out = Text()
        for n, (turn, lo, hi, cut_before, cut_after) in enumerate(excerpt(transcript, span)):
            if n:
                out.append("\n\n")
            out.append_text(styled(transcript.text, *_head(turn), [(_head_span(turn), label)]))
            out.append(who(turn), style=muted)
            if cut_before:
                out.append("\u2026 ", style=muted)
            out.append_text(styled(transcript.text, lo, hi, marks))
            out.rstrip()
            if cut_after:
                out.append(" \u2026", style=muted)
        if not out:
            out.append(Text("The match lies outside any speaker's turn.", style=muted))
        return out



def _head(turn: Turn) -> tuple[int, int]:
    end = turn.paragraphs[0].start if turn.paragraphs else turn.span.start
    return turn.span.start, max(end, turn.span.start)


def _head_span(turn: Turn) -> Span:
    start, end = _head(turn)
    return Span(start=start, end=end)


def excerpt(transcript: Transcript, span: Span) -> list[tuple[Turn, int, int, bool, bool]]:
    """(turn, start, end, cut before, cut after) for: the paragraph before the span (the end
    of the previous turn when the span opens its turn), the span's paragraphs, one after."""
    i = transcript.turn_index_at(span.start)
    if i is None:
        return []
    turn = transcript.turns[i]
    paras = turn.paragraphs or (turn.span,)
    first = next((k for k, p in enumerate(paras) if p.end > span.start), 0)
    last = next((k for k, p in enumerate(paras) if p.end >= span.end), len(paras) - 1)
    out: list[tuple[Turn, int, int, bool, bool]] = []
    if first == 0 and i > 0:
        prev = transcript.turns[i - 1]
        pp = prev.paragraphs or (prev.span,)
        out.append((prev, pp[-1].start, pp[-1].end, len(pp) > 1, False))
    lo_k = max(first - 1, 0)
    hi_k = min(last + 1, len(paras) - 1)
    out.append((turn, paras[lo_k].start, paras[hi_k].end, lo_k > 0, hi_k < len(paras) - 1))
    if hi_k == len(paras) - 1 and i + 1 < len(transcript.turns):
        nxt = transcript.turns[i + 1]
        np_ = nxt.paragraphs or (nxt.span,)
        out.append((nxt, np_[0].start, np_[0].end, False, len(np_) > 1))
    return out
