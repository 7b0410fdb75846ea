"""The help screen: what the marks mean and every key, from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.diff_cells import LEGEND

# Paragraphs without hard line breaks: the help wraps to whatever width the terminal has.
ABOUT = "\n\n".join([
    "Review every quote of the article against the transcripts. Decisions are saved at once "
    "beside the article (ARTICLE.review.yaml) and restored when you reopen it.",
    "The bar at the top right always shows the current quote: its badge, the verdict that "
    "counts (yours when you override it, with the engine's beside it), the first reason and "
    "your decision. Tab moves into the diff, attribution and context panes; the arrows then "
    "scroll them.",
    "Badges: OK, WARN, FAIL (severity); ... waiting; CHECK being verified; ERROR failed. "
    "Decision marks in the list: \u2713 accepted, ! verdict overridden, \u270e has a note.",
    "Diff rows: A the article's words, T the transcript's, then a row of marks: " + LEGEND,
])

# Keys that are not bindings of the review screen but belong in its help.
EXTRA_KEYS = [
    ("ctrl+p", "Command palette: every action, a jump to each quote, filters, exports"),
    ("tab", "Next pane (list, diff, attribution, context); shift+tab the previous"),
]


def key_table(bindings: list[Binding]) -> Table:
    """A two-column table of keys and what they do."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    for b in bindings:
        table.add_row(b.key_display or b.key, b.description)
    for key, what in EXTRA_KEYS:
        table.add_row(key, what)
    return table


def key_bindings(bindings: list[BindingType]) -> list[Binding]:
    """The Binding objects of a BINDINGS list, one per key (shown once each)."""
    out: list[Binding] = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            out.append(b)
    return out


class HelpScreen(ModalScreen[None]):
    """Keys and marks; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(Text("quotecheck review \u2014 help", style="bold"))
            yield Static(ABOUT)
            yield Static(key_table(self.bindings))

    def action_close(self) -> None:
        self.dismiss(None)
