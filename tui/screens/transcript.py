"""A whole transcript, turn by turn, scrolled to the matched passage (highlighted)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from verifier.models import Span, Transcript

from ..widgets.transcript_text import turn_text


class TranscriptScreen(Screen[None]):
    """Scroll through the whole transcript; escape returns to the review."""

    BINDINGS = [Binding("escape,t", "close", "Back to review", id="transcript.close")]
    COMPONENT_CLASSES = {"transcript--match", "transcript--label", "transcript--muted"}

    def __init__(self, transcript: Transcript, pieces: tuple[Span, ...]) -> None:
        super().__init__()
        self.transcript = transcript
        self.pieces = pieces

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="transcript-body"):
            for n in range(len(self.transcript.turns)):
                yield Static(id=f"turn-{n}", classes="turn")
        yield Footer()

    def on_mount(self) -> None:
        t = self.transcript
        self.title = t.title
        self.sub_title = f"{t.date or 'undated'} \u00b7 {len(t.turns)} turns"
        get = self.get_component_rich_style
        match, label, muted = get("transcript--match"), get("transcript--label"), get("transcript--muted")
        target = None
        for n, turn in enumerate(t.turns):
            marks = [(p, match) for p in self.pieces if turn.span.overlaps(p)]
            if marks and target is None:
                target = n
            text = turn_text(t, turn, label=label, muted=muted, highlight=marks)
            self.query_one(f"#turn-{n}", Static).update(text)
        if target is not None:
            turn_widget = self.query_one(f"#turn-{target}", Static)
            body = self.query_one("#transcript-body", VerticalScroll)
            self.call_after_refresh(body.scroll_to_widget, turn_widget, animate=False, top=True)
        self.query_one("#transcript-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
