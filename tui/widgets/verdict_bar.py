"""The verdict bar: the current quote's badge, the verdict that counts, its first reason and
the reviewer's decision, in a few lines that stay on screen however small the terminal."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from verifier.report.effective import effective, engine_note, overridden
from verifier.report.review import Decision
from verifier.text.display import unescape_markdown

from ..state import Item, Status


class VerdictBar(Widget):
    """Badge and verdict, first reason (at most two lines), then the decision and note."""

    COMPONENT_CLASSES = {
        "verdict-bar--ok",
        "verdict-bar--warn",
        "verdict-bar--fail",
        "verdict-bar--pending",
        "verdict-bar--error",
        "verdict-bar--muted",
        "verdict-bar--label",
    }

    item: Item | None = None
    empty = "No quote selected."

    def show(self, item: Item | None, *, empty: str = "No quote selected.") -> None:
        self.item, self.empty = item, empty
        self.refresh(layout=True)

    def render(self) -> Text:
        """Built at paint time, so the colours follow the theme as it is now."""
        get = self.get_component_rich_style
        item = self.item
        if item is None:
            return Text(self.empty, style=get("verdict-bar--muted"))
        out = Text(overflow="ellipsis")
        out.append(f" {item.badge} ", style=get(f"verdict-bar--{item.style}"))
        f = item.finding
        if f is None:
            state = item.error if item.status is Status.ERROR else item.verdict_text + "\u2026"
            out.append(f" quote {item.index + 1}: {state}")
        else:
            v = effective(f, item.review)
            out.append(f" {v.fidelity} / {v.attribution}")
            note = engine_note(f, v)
            if note:
                out.append(f"  ({note})", style=get("verdict-bar--muted"))
            if f.deciding_reason:
                out.append("\n" + _clip(unescape_markdown(f.deciding_reason), self._room()))
        out.append("\nReview ", style=get("verdict-bar--label"))
        out.append_text(self.decision_text(item))
        return out

    def decision_text(self, item: Item) -> Text:
        """The decision and note, or the keys that make one."""
        muted = self.get_component_rich_style("verdict-bar--muted")
        r = item.review
        if r is None:
            return Text("none \u00b7 a accept, o override, e note", style=muted)
        what = {
            Decision.ACCEPTED: "\u2713 accepted",
            Decision.OVERRIDDEN: f"! overridden: {overridden(r)}",
        }.get(r.decision, "no decision")  # type: ignore[arg-type]
        text = Text(what)
        if r.note:
            text.append(f"  \u270e {r.note}")
        return text

    def _room(self) -> int:
        """Characters in two lines of the bar (a guess before the first layout)."""
        width = self.content_region.width or 60
        return max(2 * width - 1, 20)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
