"""The review desk: quote list, aligned diff, attribution, context; decisions saved at once."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, Static
from textual.worker import get_current_worker

from verifier.corpus.search_space import SearchSpace
from verifier.errors import QuotecheckError

from ..decisions import DecisionStore
from ..messages import CorpusReady, FindingReady, QuotesFound, VerifyDone, VerifyFailed, VerifyStarted
from ..source import ReviewSource
from ..state import Item, Status
from ..widgets.attribution import AttributionPanel
from ..widgets.context_view import ContextView
from ..widgets.diff_cells import LEGEND
from ..widgets.diff_view import DiffView
from ..widgets.quote_list import QuoteList
from ..widgets.verdict_bar import VerdictBar
from .review_actions import ReviewActions

_NEEDS_FINDING = {
    "accept", "override", "override_attribution", "change", "transcript",
    "alternatives",
}


class ReviewScreen(ReviewActions):
    """Everything a reviewer needs for one article, one quote at a time."""

    BINDINGS = [
        Binding("j", "move(1)", "Next quote", id="review.next_quote", show=False),
        Binding("k", "move(-1)", "Previous quote", id="review.previous_quote", show=False),
        Binding("n", "change(1)", "Next change", id="review.next_change", show=False),
        Binding("p", "change(-1)", "Previous change", id="review.previous_change", show=False),
        Binding("a", "accept", "Accept", id="review.accept"),
        Binding("o", "override", "Override", id="review.override"),
        Binding(
            "O", "override_attribution", "Override attribution", show=False,
            id="review.override_attribution",
        ),
        Binding("e", "note", "Note", id="review.note"),
        Binding("u", "clear", "Undo decision", id="review.clear", show=False),
        Binding("v", "article", "Article", id="review.article", show=False),
        Binding("t", "transcript", "Transcript", id="review.transcript", show=False),
        Binding("m", "alternatives", "Other matches", id="review.alternatives", show=False),
        Binding("f", "filter", "Filter", id="review.filter"),
        Binding("slash", "search", "Search", id="review.search", key_display="/"),
        Binding("escape", "reset", "Clear filter", id="review.reset", show=False),
        Binding("x", "export", "Export", id="review.export", show=False),
    ]

    AUTO_FOCUS = "#quotes"

    def __init__(self, source: ReviewSource) -> None:
        super().__init__()
        self.source = source
        self.items: list[Item] = []
        self.store = DecisionStore(source.article, source.review_path)
        self.corpus: SearchSpace | None = None
        self.filter = "all"
        self.search = ""
        self.status = "reading the article\u2026"
        self.done = False
        self.alt = 0  # 0: the best match; k: the k-th alternative
        self._others = {}
        self.started = time.monotonic()
        self.timings: dict[str, float] = {}

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="list-pane"):
                yield Static(id="list-header")
                yield Input(placeholder="search quotes\u2026", id="search")
                yield QuoteList(id="quotes")
            with Vertical(id="detail-pane"):
                yield VerdictBar(id="verdict-bar")
                with VerticalScroll(id="diff-pane", classes="pane"):
                    yield DiffView(id="diff")
                with VerticalScroll(id="attribution-pane", classes="pane"):
                    yield AttributionPanel(id="attribution")
                with VerticalScroll(id="context-pane", classes="pane"):
                    yield ContextView(id="context")
        yield Footer()

    def on_mount(self) -> None:
        article = self.source.article
        self.title = article.title or (Path(article.path).name if article.path else "article")
        self.query_one("#diff-pane").border_title = "Diff"
        self.query_one("#diff-pane").border_subtitle = LEGEND
        self.query_one("#attribution-pane").border_title = "Attribution"
        self.query_one("#context-pane").border_title = "Context"
        self.query_one("#search").display = False
        self.query_one(QuoteList).focus()
        for problem in self.store.problems:
            self.notify(problem, title="Review file", severity="error", timeout=12)
        self.store.problems.clear()
        self.update_header()
        self.verify_all()

    # --- the worker ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="verify")
    def verify_all(self) -> None:
        """Extract, load the corpus, verify quote by quote; report only through messages."""
        worker = get_current_worker()
        try:
            quotes = self.source.quotes()
        except QuotecheckError as exc:
            self.post_message(VerifyFailed(None, f"cannot read the quotes: {exc}"))
            return
        self.post_message(QuotesFound(quotes))
        if not quotes:
            self.post_message(VerifyDone())
            return
        t0 = time.monotonic()
        try:
            verifier = self.source.open_verifier()
        except QuotecheckError as exc:
            self.post_message(VerifyFailed(None, f"cannot open the corpus: {exc}"))
            return
        except Exception as exc:  # noqa: BLE001 - shown in the UI, never a traceback
            self.post_message(VerifyFailed(None, f"cannot open the corpus: {type(exc).__name__}: {exc}"))
            return
        self.post_message(CorpusReady(verifier.space, time.monotonic() - t0))
        for i, quote in enumerate(quotes):
            if worker.is_cancelled:
                return
            self.post_message(VerifyStarted(i))
            try:
                finding = verifier.verify_quote(quote, near_date=self.source.article.date)
            except Exception as exc:  # noqa: BLE001 - one failed quote must not stop the rest
                self.post_message(VerifyFailed(i, f"{type(exc).__name__}: {exc}"))
                continue
            self.post_message(FindingReady(i, finding))
        self.post_message(VerifyDone())

    def on_quotes_found(self, message: QuotesFound) -> None:
        reviews = self.store.attach(message.quotes)
        self.items = [Item(index=i, quote=q, review=reviews.get(i)) for i, q in enumerate(message.quotes)]
        for problem in self.store.problems:
            self.notify(problem, title="Changed article", severity="warning", timeout=15)
        self.store.problems.clear()
        self.status = "loading corpus\u2026" if self.items else "This article has no quotes to check."
        self.refill()

    def on_corpus_ready(self, message: CorpusReady) -> None:
        self.corpus = message.corpus
        self.status = f"verifying against {len(message.corpus)} transcripts\u2026"
        self.update_header()

    def on_verify_started(self, message: VerifyStarted) -> None:
        self.set_item(replace(self.items[message.index], status=Status.CHECKING))

    def on_finding_ready(self, message: FindingReady) -> None:
        old = self.items[message.index]
        self.set_item(replace(old, status=Status.DONE, finding=message.finding))
        if "first_finding" not in self.timings:
            self.timings["first_finding"] = time.monotonic() - self.started
            self.call_after_refresh(self._mark, "first_finding_drawn")

    def on_verify_failed(self, message: VerifyFailed) -> None:
        if message.index is None:
            self.status = message.error
            for item in self.items:
                if item.status is not Status.DONE:
                    self.set_item(replace(item, status=Status.ERROR, error=message.error), redraw=False)
            self.refill()
            self.notify(message.error, title="Cannot verify", severity="error", timeout=15)
            return
        old = self.items[message.index]
        self.set_item(replace(old, status=Status.ERROR, error=message.error))

    def on_verify_done(self, message: VerifyDone) -> None:
        self.done = True
        self.timings["all_findings"] = time.monotonic() - self.started
        self.call_after_refresh(self._mark, "all_findings_drawn")
        if self.items and all(i.status is not Status.ERROR for i in self.items):
            self.status = f"{len(self.items)} quotes verified"
        elif self.items:
            failed = sum(1 for i in self.items if i.status is Status.ERROR)
            self.status = f"{failed} of {len(self.items)} quotes could not be verified"
        self.refill()  # every row drawn once more, with the styles as they are now
        self.refresh_bindings()

    def _mark(self, name: str) -> None:
        self.timings[name] = time.monotonic() - self.started

    # --- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _NEEDS_FINDING:
            item = self.current
            if item is None or item.finding is None:
                return None
            match = item.finding.match
            if action in ("change", "transcript", "alternatives") and match is None:
                return None  # a not-found quote has no passage, no changes, no other matches
            if action == "change" and not self.query_one(DiffView).changes:
                return None
            if action == "alternatives" and not self.other_matches():
                return None
        if action in ("note", "clear"):  # a note or its removal needs a quote, not a verdict
            item = self.current
            if item is None or (action == "clear" and item.review is None):
                return None
        if action == "export" and not self.done:
            return None
        return True

    def action_change(self, delta: int) -> None:
        diff = self.query_one(DiffView)
        cursor = diff.step(delta)
        if cursor is None:
            return
        row = diff.cursor_line()
        if row is not None:
            self.query_one("#diff-pane", VerticalScroll).scroll_to(y=max(row - 1, 0), animate=False)
        item = self.current
        n = diff.changes
        self.query_one("#diff-pane").border_title = (
            f"Diff \u00b7 quote {item.index + 1 if item else '?'} \u00b7 change {cursor + 1} of {n}"
        )
