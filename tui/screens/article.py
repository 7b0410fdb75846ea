"""The article itself, paragraph by paragraph, with the current quote highlighted in place."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from verifier.articles.marks import paragraphs
from verifier.models import Article, Quote


class ArticleScreen(Screen[int]):
    """Read the article; j/k move between quotes; dismisses with the quote last shown."""

    BINDINGS = [
        Binding("escape,v", "close", "Back to review", id="article.close"),
        Binding("j,down", "quote(1)", "Next quote", id="article.next"),
        Binding("k,up", "quote(-1)", "Previous quote", id="article.previous"),
    ]
    COMPONENT_CLASSES = {"article--quote", "article--current"}

    def __init__(self, article: Article, quotes: list[Quote], current: int) -> None:
        super().__init__()
        self.article = article
        self.quotes = quotes
        self.current = current
        self.paras = paragraphs(article.text)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="article-body"):
            for n in range(len(self.paras)):
                yield Static(id=f"para-{n}", classes="para")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.article.title or self.article.path or "article"
        self.redraw()

    def redraw(self) -> None:
        """Paint every paragraph; scroll the current quote's paragraph into view."""
        quote_style = self.get_component_rich_style("article--quote")
        current_style = self.get_component_rich_style("article--current")
        text = self.article.text
        target = None
        for n, (lo, hi) in enumerate(self.paras):
            out = Text(text[lo:hi])
            for k, q in enumerate(self.quotes):
                if q.span.start < hi and lo < q.span.end:
                    style = current_style if k == self.current else quote_style
                    out.stylize(style, max(q.span.start, lo) - lo, min(q.span.end, hi) - lo)
                    if k == self.current and target is None:
                        target = n
            self.query_one(f"#para-{n}", Static).update(out)
        if target is not None:
            para = self.query_one(f"#para-{target}", Static)
            self.call_after_refresh(self.query_one("#article-body").scroll_to_widget, para, animate=False)
        quote = self.quotes[self.current] if self.quotes else None
        self.sub_title = f"quote {self.current + 1} of {len(self.quotes)}" if quote else "no quotes"

    def action_quote(self, delta: int) -> None:
        if self.quotes:
            self.current = (self.current + delta) % len(self.quotes)
            self.redraw()

    def action_close(self) -> None:
        self.dismiss(self.current)
