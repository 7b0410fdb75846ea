"""The review screen's actions: decisions (saved at once), views, filter, search and export."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from verifier.models import Attribution, Fidelity, Finding
from verifier.report.review import Decision

from ..export import EXPORTS, export_report
from ..state import FILTERS, Item
from ..widgets.quote_list import QuoteList
from .article import ArticleScreen
from .dialogs import ChoiceDialog, NoteDialog
from .review_panes import ReviewPanes
from .transcript import TranscriptScreen


class ReviewActions(ReviewPanes):
    """Every action a key, the palette or a test can run on the current quote."""

    def action_move(self, delta: int) -> None:
        quotes = self.query_one(QuoteList)
        if delta > 0:
            quotes.action_cursor_down()
        else:
            quotes.action_cursor_up()

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
        if isinstance(target, str):
            self.notify(target or "This quote has no transcript passage yet.", severity="warning")
            return
        transcript, pieces, _ = target
        self.app.push_screen(TranscriptScreen(transcript, pieces))

    def action_alternatives(self) -> None:
        others = self.other_matches()
        if not others:
            self.notify("This quote matches nowhere else in the corpus.", severity="information")
            return
        self.alt = (self.alt + 1) % (len(others) + 1)
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
        findings = [it.finding for it in self.items if it.finding is not None]
        problem = self.nothing_to_export(findings)
        if problem or self.corpus is None:
            self.notify(problem or "Nothing to export yet.", severity="warning")
            return
        try:
            path = export_report(kind, self.source, self.corpus, findings, self.store)
        except OSError as exc:
            self.notify(f"Could not write the report: {exc}", severity="error")
            return
        self.notify(f"Report written to {path}", title="Exported")

    def nothing_to_export(self, findings: list[Finding]) -> str:
        """Why there is no report to write, in the reviewer's terms; '' when there is one."""
        if not self.items:
            return "This article has no quotes to check, so there is no report to export."
        if self.corpus is None:
            return f"No quote was verified ({self.status}), so there is no report to export."
        if not findings:
            return "No quote could be verified, so there is no report to export."
        return ""

    def action_export(self) -> None:
        def done(choice: str | None) -> None:
            if choice is not None:
                self.export_now(choice)

        if not self.done:
            self.notify("Wait until every quote is verified.", severity="warning")
            return
        problem = self.nothing_to_export([it.finding for it in self.items if it.finding is not None])
        if problem:
            self.notify(problem, severity="warning")
            return
        if any(it.finding is None for it in self.items):
            self.notify("Some quotes could not be verified; they are left out.", severity="warning")
        self.app.push_screen(ChoiceDialog("Export the report", EXPORTS), done)
