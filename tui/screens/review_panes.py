"""The review screen's panes: the list header, the current quote's diff, attribution and context."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from verifier.corpus.search_space import SearchSpace
from verifier.models import Finding, Span, Transcript
from verifier.report.alternatives import OtherMatch, other_matches

from ..decisions import DecisionStore
from ..source import ReviewSource
from ..state import FILTER_LABELS, Item, Status, counts, matches
from ..widgets.attribution import AttributionPanel
from ..widgets.context_view import ContextView
from ..widgets.diff_view import DiffView
from ..widgets.quote_list import QuoteList
from ..widgets.verdict_bar import VerdictBar


class ReviewPanes(Screen[None]):
    """What the review screen shows for its state; the state is set by ``ReviewScreen``."""

    source: ReviewSource
    items: list[Item]
    store: DecisionStore
    corpus: SearchSpace | None
    filter: str
    search: str
    status: str
    done: bool
    alt: int  # 0: the best match; k: the k-th alternative
    _others: dict[int, tuple[Finding, list[OtherMatch]]]  # looked up once per finding

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
        line = Text(no_wrap=True, overflow="ellipsis")  # one line: it must fit a 30-column list
        for sev in ("fail", "warn", "ok"):
            line.append(f"{sev.upper()} {c[sev]}", style=self.get_component_rich_style(f"review--{sev}"))
            line.append("  ")
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

    COMPONENT_CLASSES = {"review--ok", "review--warn", "review--fail", "review--status"}

    def show_current(self) -> None:
        item = self.current
        self.query_one(AttributionPanel).show(item)
        empty = "No quotes match the filter." if self.items else self.status
        self.query_one(VerdictBar).show(item, empty=empty)
        diff = self.query_one(DiffView)
        context = self.query_one(ContextView)
        diff_pane = self.query_one("#diff-pane")
        if item is None:
            diff.show(None, message=empty)
            context.show_message("")
            diff_pane.border_title = "Diff"
            self.refresh_bindings()
            return
        f = item.finding
        if f is None:
            diff.show(None, message=item.error or f"Quote {item.index + 1}: {item.verdict_text}\u2026")
        elif f.match is None:
            diff.show(None, message="Not found in the corpus: no transcript passage to compare with.")
        else:
            diff.show(f)
        n = diff.changes
        plural = "s" if n != 1 else ""
        diff_pane.border_title = f"Diff \u00b7 quote {item.index + 1} \u00b7 {n} change{plural}"
        self.alt = 0
        self.show_context()
        self.refresh_bindings()

    def other_matches(self) -> list[OtherMatch]:
        """The current quote's other matches, one per transcript, with titles and speakers."""
        item = self.current
        if item is None or item.finding is None or item.finding.match is None:
            return []
        cached = self._others.get(item.index)
        if cached is None or cached[0] is not item.finding:
            cached = self._others[item.index] = (item.finding, other_matches(item.finding.match, self.corpus))
        return cached[1]

    def context_target(self) -> tuple[Transcript, tuple[Span, ...], str] | str:
        """What the context pane shows: the match or an alternative, else why there is none."""
        item = self.current
        if item is None:
            return ""
        if item.finding is None:
            if item.status is Status.ERROR:
                return "This quote could not be verified, so there is no passage to show."
            return "Waiting for the verdict\u2026"
        m = item.finding.match
        if m is None:
            return "Nothing in the corpus matches this quote."
        others = self.other_matches()
        if self.alt == 0 or not others:
            return m.transcript, m.pieces, f"Context \u00b7 {m.transcript.date or ''} {m.transcript.title}"
        other = others[(self.alt - 1) % len(others)]
        title = f"Other match {self.alt}/{len(others)} \u00b7 {other.label}"
        if other.transcript is None:
            return f"{title}: the transcript is no longer in the corpus."
        return other.transcript, (other.alternative.span,), title

    def show_context(self) -> None:
        pane = self.query_one("#context-pane", VerticalScroll)
        view = self.query_one(ContextView)
        target = self.context_target()
        n = len(self.other_matches())
        pane.border_subtitle = f"m: {n} other match{'es' if n != 1 else ''}" if n else ""
        if isinstance(target, str):
            pane.border_title = "Context"
            view.show_message(target)
        else:
            transcript, pieces, title = target
            pane.border_title = title
            view.show_span(transcript, pieces, heading=title if self.alt else "")
        pane.scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#quotes")
    def on_quote_highlighted(self) -> None:
        self.show_current()

