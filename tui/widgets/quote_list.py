"""The quote list: every quote in article order with a verdict badge and the credited speaker."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from verifier.text.display import unescape_markdown

from ..state import Item

_BADGE_WIDTH = 5


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def option_id(index: int) -> str:
    return f"quote-{index}"


def index_of(option_id: str | None) -> int | None:
    if not option_id or not option_id.startswith("quote-"):
        return None
    return int(option_id.removeprefix("quote-"))


class QuoteList(OptionList):
    """An OptionList of quotes; the option id carries the quote's index in the article."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "quote-list--ok",
        "quote-list--warn",
        "quote-list--fail",
        "quote-list--pending",
        "quote-list--error",
        "quote-list--speaker",
        "quote-list--mark",
    }

    _shown: dict[int, Item] = {}
    _drawn_width = 0

    def prompt(self, item: Item) -> Text:
        """Two lines: number, badge, verdict, decision mark; then the quote and who said it."""
        get = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f"{item.index + 1:>2} ")
        text.append(f"{item.badge:<{_BADGE_WIDTH}}", style=get(f"quote-list--{item.style}"))
        width = self._drawn_width = self.line_width()
        mark = f" {item.mark}" if item.mark else ""
        text.append(" " + _fit(item.verdict_text, max(width - 4 - len(mark), 4)))
        if mark:
            text.append(mark, style=get("quote-list--mark"))
        words = unescape_markdown(" ".join(item.quote.text.split()))
        short = words if len(words) <= 120 else words[:119] + "\u2026"
        text.append(f"\n   {_fit(chr(0x201C) + short + chr(0x201D), width)}")
        who = item.quote.attributed_to or "(no speaker credited)"
        text.append(f"\n   {_fit(chr(0x2014) + ' ' + who, width)}", style=get("quote-list--speaker"))
        return text

    def on_resize(self) -> None:
        """Prompts are cut to the width: redraw them when it changes."""
        if self._shown and self._drawn_width != self.line_width():
            self.show(list(self._shown.values()), keep=self.current)

    def line_width(self) -> int:
        """Room for a prompt line after its indent (a guess before the first layout)."""
        width = self.scrollable_content_region.width
        return max((width if width > 0 else 44) - 5, 12)

    def show(self, items: Iterable[Item], *, keep: int | None = None) -> None:
        """Replace the options with these items; keep quote ``keep`` highlighted if shown."""
        shown = list(items)
        self._shown = {it.index: it for it in shown}
        self.set_options([Option(self.prompt(it), id=option_id(it.index)) for it in shown])
        target = next((n for n, it in enumerate(shown) if it.index == keep), 0 if shown else None)
        self.highlighted = target

    def refresh_item(self, item: Item) -> None:
        """Redraw one quote's row, if it is shown."""
        if item.index in self._shown:
            self._shown[item.index] = item
        try:
            self.replace_option_prompt(option_id(item.index), self.prompt(item))
        except OptionDoesNotExist:  # the row is filtered out
            return

    @property
    def current(self) -> int | None:
        """The article index of the highlighted quote."""
        if self.highlighted is None or self.option_count == 0:
            return None
        return index_of(self.get_option_at_index(self.highlighted).id)
