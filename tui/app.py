"""The review app: app-wide keys, the command palette, and the one factory CLI and tests share."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from .commands import ReviewCommands
from .screens.help import HelpScreen, key_bindings
from .screens.review import ReviewScreen
from .source import ReviewSource


class ReviewApp(App[None]):
    """A thin app: it shows the review screen for the source it is given."""

    CSS_PATH = "app.tcss"
    TITLE = "quotecheck review"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, source: ReviewSource, *, theme: str | None = None) -> None:
        super().__init__()
        self.source = source
        self.review_screen = ReviewScreen(source)
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        self.push_screen(self.review_screen)

    def action_help(self) -> None:
        bindings = key_bindings(list(ReviewScreen.BINDINGS)) + key_bindings(list(self.BINDINGS))
        self.push_screen(HelpScreen(bindings))

    def on_unmount(self) -> None:
        """A decision that could not be saved gets one more try on the way out."""
        if self.review_screen.store.unsaved:
            self.review_screen.store.save()


def create_app(source: ReviewSource, *, theme: str | None = None) -> ReviewApp:
    """The app for a source; the CLI, ``python -m tui`` and the tests all build it here."""
    return ReviewApp(source, theme=theme)
