"""The aligned diff: article words over transcript words, wrapped to the pane, changes marked.

Each line of cells is drawn as three rows: the article's words (A), the transcript's (T),
and a row of marks (``-`` removed, ``+`` added, ``^`` changed, ``.`` elided, ``=``
bracketed, ``'`` typography) so the diff reads the same without colour.
"""

from __future__ import annotations

import textwrap

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from verifier.models import Finding

from .diff_cells import MARKS, SAME, Cell, change_count, edit_cells, wrap

_GUTTER = 2


class DiffView(Widget):
    """Word-aligned diff of one finding; ``cursor`` is the change being looked at."""

    COMPONENT_CLASSES = {
        "diff-view--label",
        "diff-view--mark",
        "diff-view--delete",
        "diff-view--insert",
        "diff-view--elided",
        "diff-view--bracket",
        "diff-view--typo",
        "diff-view--cursor",
    }

    cursor: reactive[int | None] = reactive(None)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.finding: Finding | None = None
        self.message = "Select a quote."
        self.cells: list[Cell] = []

    def show(self, finding: Finding | None, *, message: str = "") -> None:
        """Show a finding's diff, or a message when there is none yet."""
        self.finding = finding
        self.message = message
        self.cells = edit_cells(finding.edits) if finding and finding.match else []
        self.cursor = None
        self.refresh(layout=True)

    @property
    def changes(self) -> int:
        return change_count(self.cells)

    def step(self, delta: int) -> int | None:
        """Move to the next (+1) or previous (-1) change, wrapping; the new cursor."""
        n = self.changes
        if not n:
            return None
        if self.cursor is None:
            self.cursor = 0 if delta > 0 else n - 1
        else:
            self.cursor = (self.cursor + delta) % n
        return self.cursor

    def cursor_line(self) -> int | None:
        """The first row (in the widget) of the line holding the current change."""
        if self.cursor is None:
            return None
        for n, line in enumerate(wrap(self.cells, self._text_width())):
            if any(c.change == self.cursor for c in line):
                return n * 3
        return None

    def watch_cursor(self) -> None:
        self.refresh()

    def _text_width(self, width: int | None = None) -> int:
        return max((width or self.size.width or 80) - _GUTTER, 8)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.cells:
            return max(1, len(self._message_lines(width)))
        return len(wrap(self.cells, self._text_width(width))) * 3

    def _message_lines(self, width: int) -> list[str]:
        """The message as it wraps at ``width``: a long one must not be cut to one line."""
        width = max(width, 8)
        lines = [row for line in (self.message or "").splitlines() for row in textwrap.wrap(line, width)]
        return lines or [""]

    def render(self) -> Text:
        if not self.cells:
            return Text(self.message or "", style=self.get_component_rich_style("diff-view--mark"))
        label = self.get_component_rich_style("diff-view--label")
        mark_style = self.get_component_rich_style("diff-view--mark")
        out = Text(no_wrap=True, overflow="crop")
        for n, line in enumerate(wrap(self.cells, self._text_width())):
            rows = [Text("A ", style=label), Text("T ", style=label), Text("  ")]
            for k, cell in enumerate(line):
                if k:
                    for row in rows:
                        row.append(" ")
                current = self.cursor is not None and cell.change == self.cursor
                a_style, t_style = self._styles(cell, current)
                w = cell.width
                rows[0].append(cell.article.ljust(w), style=a_style)
                rows[1].append(cell.transcript.ljust(w), style=t_style)
                rows[2].append(MARKS[cell.kind] * w if cell.kind != SAME else " " * w, style=mark_style)
            if n:
                out.append("\n")
            out.append_text(Text("\n").join(rows))
        return out

    def _styles(self, cell: Cell, current: bool) -> tuple[Style, Style]:
        """Article-side and transcript-side styles for a cell."""
        get = self.get_component_rich_style
        if cell.kind == SAME:
            a = t = Style()
        elif cell.kind == "change":
            a, t = get("diff-view--delete"), get("diff-view--insert")
        elif cell.kind == "delete":
            a, t = get("diff-view--delete"), Style()
        elif cell.kind == "insert":
            a, t = Style(), get("diff-view--insert")
        elif cell.kind == "elided":
            a = t = get("diff-view--elided")
        else:
            a = t = get(f"diff-view--{cell.kind}")
        if current:
            cur = get("diff-view--cursor")
            a, t = a + cur, t + cur
        return a, t
