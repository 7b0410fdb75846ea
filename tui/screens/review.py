"""The review desk: quote list, aligned diff, attribution, context; decisions saved at once."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from verifier.corpus.search_space import SearchSpace
from verifier.errors import QuotecheckError
from verifier.models import Attribution, Fidelity, Span, Transcript
from verifier.report.review import Decision

from ..decisions import DecisionStore
from ..export import EXPORTS, export_report
from ..messages import CorpusReady, FindingReady, QuotesFound, VerifyDone, VerifyFailed, VerifyStarted
from ..source import ReviewSource
from ..state import FILTER_LABELS, FILTERS, Item, Status, counts, matches
from ..widgets.attribution import AttributionPanel
from ..widgets.context_view import ContextView
from ..widgets.diff_cells import LEGEND
from ..widgets.diff_view import DiffView
from ..widgets.quote_list import QuoteList
from .article import ArticleScreen
from .dialogs import ChoiceDialog, NoteDialog
from .transcript import TranscriptScreen

_NEEDS_FINDING = {
    "accept", "override", "override_attribution", "note", "clear", "change", "transcript",
    "alternatives",
}


class ReviewScreen(Screen[None]):
    """Everything a reviewer needs for one article, one quote at a time."""

    BINDINGS = [
        Binding("j", "move(1)", "Next quote", id="review.next_quote", show=False),
        Binding("k", "move(-1)", "Previous quote", id="review.previous_quote", show=False),
        Binding("n", "change(1)", "Next change", id="review.next_change"),
        Binding("p", "change(-1)", "Prev change", id="review.previous_change"),
        Binding("a", "accept", "Accept", id="review.accept"),
        Binding("o", "override", "Override", id="review.override"),
        Binding(
            "O", "override_attribution", "Override attribution", show=False,
            id="review.override_attribution",
        ),
        Binding("e", "note", "Note", id="review.note"),
        Binding("u", "clear", "Undo decision", id="review.clear", show=False),
        Binding("v", "article", "Article", id="review.article"),
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

    # --- showing ------------------------------------------------------------------------

    def set_item(self, item: Item, *, redraw: bool = True) -> None:
        """Replace one item, redraw its row, and the detail panes if it is the current one."""
        self.items[item.index] = item
        if not redraw:
            return
        self.query_one(QuoteList).refresh_item(item)
        self.update_header()
        if self.current_index == item.index:
            self.show_current()

    @property
    def current_index(self) -> int | None:
        return self.query_one(QuoteList).current

    @property
    def current(self) -> Item | None:
        i = self.current_index
        return self.items[i] if i is not None and i < len(self.items) else None

    def shown_items(self) -> list[Item]:
        return [it for it in self.items if matches(it, self.filter, self.search)]

    def refill(self) -> None:
        """Rebuild the list for the filter and search, keeping the current quote if shown."""
        quotes = self.query_one(QuoteList)
        quotes.show(self.shown_items(), keep=self.current_index)
        self.update_header()
        self.show_current()

    def update_header(self) -> None:
        c = counts(self.items)
        line = Text()
        line.append(f"{len(self.items)} quotes  ")
        for sev in ("fail", "warn", "ok"):
            line.append(f" {sev.upper()} {c[sev]} ", style=self.get_component_rich_style(f"review--{sev}"))
            line.append(" ")
        if c["pending"]:
            line.append(f"\u2026 {c['pending']}")
        shown = len(self.shown_items())
        if self.filter != "all" or self.search:
            what = FILTER_LABELS.get(self.filter, self.filter)
            if self.search:
                what += f", \u201c{self.search}\u201d"
            line.append(f"\nshowing {shown}: {what}")
        line.append(f"\n{self.status}", style=self.get_component_rich_style("review--status"))
        self.query_one("#list-header", Static).update(line)
        self.sub_title = self.status

    COMPONENT_CLASSES = {"review--ok", "review--warn", "review--fail", "review--status"}

    def show_current(self) -> None:
        item = self.current
        self.query_one(AttributionPanel).show(item)
        diff = self.query_one(DiffView)
        context = self.query_one(ContextView)
        diff_pane = self.query_one("#diff-pane")
        if item is None:
            empty = "No quotes match the filter." if self.items else self.status
            diff.show(None, message=empty)
            context.show_message("")
            diff_pane.border_title = "Diff"
            self.refresh_bindings()
            return
        f = item.finding
        if f is None:
            diff.show(None, message=item.error or f"Quote {item.index + 1}: {item.verdict_text}\u2026")
            context.show_message("")
        elif f.match is None:
            diff.show(None, message="Not found in the corpus: no transcript passage to compare with.")
            context.show_message("Nothing in the corpus matches this quote.")
        else:
            diff.show(f)
        n = diff.changes
        plural = "s" if n != 1 else ""
        diff_pane.border_title = f"Diff \u00b7 quote {item.index + 1} \u00b7 {n} change{plural}"
        self.alt = 0
        self.show_context()
        self.refresh_bindings()

    def context_target(self) -> tuple[Transcript, tuple[Span, ...], str] | None:
        """The transcript and span the context pane shows: the match, or an alternative."""
        item = self.current
        if item is None or item.finding is None or item.finding.match is None:
            return None
        m = item.finding.match
        if self.alt == 0 or self.corpus is None:
            return m.transcript, m.pieces, f"Context \u00b7 {m.transcript.date or ''} {m.transcript.title}"
        alt = m.alternatives[self.alt - 1]
        doc = self.corpus.doc_index(alt.transcript_id)
        if doc is None:
            return None
        t = self.corpus.transcript(doc)
        title = f"Other match {self.alt}/{len(m.alternatives)} \u00b7 score {alt.score:.2f} \u00b7 {t.title}"
        return t, (alt.span,), title

    def show_context(self) -> None:
        pane = self.query_one("#context-pane", VerticalScroll)
        target = self.context_target()
        if target is None:
            pane.border_title = "Context"
            return
        transcript, pieces, title = target
        self.query_one(ContextView).show_span(transcript, pieces)
        pane.border_title = title
        item = self.current
        alts = len(item.finding.match.alternatives) if item and item.finding and item.finding.match else 0
        pane.border_subtitle = f"m: {alts} other match{'es' if alts != 1 else ''}" if alts else ""
        pane.scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#quotes")
    def on_quote_highlighted(self) -> None:
        self.show_current()

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
            if action == "alternatives" and match is not None and not match.alternatives:
                return None
            if action == "clear" and item.review is None:
                return None
        if action == "export" and not self.done:
            return None
        return True

    def action_move(self, delta: int) -> None:
        quotes = self.query_one(QuoteList)
        if delta > 0:
            quotes.action_cursor_down()
        else:
            quotes.action_cursor_up()

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

    def jump_to(self, index: int) -> None:
        """Highlight quote ``index``, clearing the filter if it hides it."""
        if not any(it.index == index for it in self.shown_items()):
            self.filter, self.search = "all", ""
            self.query_one("#search", Input).value = ""
        self.query_one(QuoteList).show(self.shown_items(), keep=index)
        self.update_header()
        self.show_current()
        self.query_one(QuoteList).focus()

    def decide(self, **changes: object) -> None:
        """Apply a decision to the current quote, save at once, redraw."""
        item = self.current
        if item is None:
            return
        review = self.store.change(item.quote, **changes)
        error = self.store.save()
        if error:
            self.notify(error, title="Not saved", severity="error", timeout=15)
        self.set_item(item.with_review(review))
        if self.filter == "unreviewed":
            self.refill()

    def action_accept(self) -> None:
        self.decide(decision=Decision.ACCEPTED, verdict=None, attribution=None)
        self.action_move(1)

    def action_clear(self) -> None:
        self.decide(decision=None, verdict=None, attribution=None, note="")

    def action_override(self) -> None:
        item = self.current
        if item is None or item.finding is None:
            return
        choices = [(str(v), f"{v}{'  (engine)' if v is item.finding.fidelity else ''}") for v in Fidelity]
        current = str(item.fidelity) if item.fidelity else None

        def done(choice: str | None) -> None:
            if choice is not None and item.finding is not None:
                verdict = None if choice == str(item.finding.fidelity) else choice
                self.override(item, verdict=verdict)

        dialog = ChoiceDialog(f"Verdict for quote {item.index + 1}", choices, current=current)
        self.app.push_screen(dialog, done)

    def action_override_attribution(self) -> None:
        item = self.current
        if item is None or item.finding is None:
            return
        engine = item.finding.attribution
        choices = [(str(v), f"{v}{'  (engine)' if v is engine else ''}") for v in Attribution]
        current = str(item.attribution) if item.attribution else None

        def done(choice: str | None) -> None:
            if choice is not None:
                self.override(item, attribution=None if choice == str(engine) else choice)

        dialog = ChoiceDialog(f"Attribution for quote {item.index + 1}", choices, current=current)
        self.app.push_screen(dialog, done)

    def override(self, item: Item, **changes: str | None) -> None:
        """Set one overridden verdict; back to the engine's on both means accepted."""
        review = item.review
        verdict = changes.get("verdict", review.verdict if review else None)
        attribution = changes.get("attribution", review.attribution if review else None)
        decision = Decision.OVERRIDDEN if verdict or attribution else Decision.ACCEPTED
        self.decide(decision=decision, verdict=verdict, attribution=attribution)

    def action_note(self) -> None:
        item = self.current
        if item is None:
            return
        words = " ".join(item.quote.text.split())
        note = item.review.note if item.review else ""

        def done(text: str | None) -> None:
            if text is not None:
                self.decide(note=text)

        self.app.push_screen(NoteDialog(note, quote=f"\u201c{words[:200]}\u201d"), done)

    def action_article(self) -> None:
        quotes = [it.quote for it in self.items]
        self.app.push_screen(
            ArticleScreen(self.source.article, quotes, self.current_index or 0),
            lambda index: self.jump_to(index) if index is not None and self.items else None,
        )

    def action_transcript(self) -> None:
        target = self.context_target()
        if target is not None:
            transcript, pieces, _ = target
            self.app.push_screen(TranscriptScreen(transcript, pieces))

    def action_alternatives(self) -> None:
        item = self.current
        if item is None or item.finding is None or item.finding.match is None:
            return
        self.alt = (self.alt + 1) % (len(item.finding.match.alternatives) + 1)
        self.show_context()

    def action_filter(self) -> None:
        def done(choice: str | None) -> None:
            if choice is not None:
                self.set_filter(choice)

        self.app.push_screen(ChoiceDialog("Show quotes", list(FILTERS), current=self.filter), done)

    def set_filter(self, flt: str) -> None:
        self.filter = flt
        self.refill()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def on_search_changed(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.refill()

    @on(Input.Submitted, "#search")
    def on_search_submitted(self) -> None:
        self.query_one(QuoteList).focus()

    def action_reset(self) -> None:
        """Escape: clear the search and the filter, back to the list."""
        box = self.query_one("#search", Input)
        box.value = ""
        box.display = False
        self.search, self.filter = "", "all"
        self.refill()
        self.query_one(QuoteList).focus()

    def export_now(self, kind: str) -> None:
        """Write the report (``markdown`` or ``json``) beside the article and say where."""
        if self.corpus is None:
            self.notify("No corpus was loaded: nothing to export.", severity="error")
            return
        findings = [it.finding for it in self.items if it.finding is not None]
        try:
            path = export_report(kind, self.source, self.corpus, findings, self.store)
        except OSError as exc:
            self.notify(f"Could not write the report: {exc}", severity="error")
            return
        self.notify(f"Report written to {path}", title="Exported")

    def action_export(self) -> None:
        def done(choice: str | None) -> None:
            if choice is not None:
                self.export_now(choice)

        if not self.done:
            self.notify("Wait until every quote is verified.", severity="warning")
            return
        if any(it.finding is None for it in self.items):
            self.notify("Some quotes could not be verified; they are left out.", severity="warning")
        self.app.push_screen(ChoiceDialog("Export the report", EXPORTS), done)
