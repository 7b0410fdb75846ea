"""The command palette: every action, a jump to each quote, each filter and export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .state import FILTERS


class ReviewCommands(Provider):
    """Commands of the review screen, found by fuzzy search."""

    def commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from .screens.review import ReviewScreen

        screen = self.screen
        if not isinstance(screen, ReviewScreen):
            return []
        out: list[tuple[str, Callable[[], object], str]] = []
        for binding in screen.BINDINGS:
            action = getattr(binding, "action", "")
            description = getattr(binding, "description", "")
            if description and screen.check_action(action.split("(")[0], ()):
                key = getattr(binding, "key_display", None) or getattr(binding, "key", "")
                out.append((description, partial(screen.run_action, action), f"key: {key}"))
        out.append(("Open transcript", partial(screen.run_action, "transcript"), "the whole transcript"))
        for item in screen.items:
            words = " ".join(item.quote.text.split())
            short = words if len(words) <= 60 else words[:59] + "\u2026"
            out.append(
                (f"Jump to quote {item.index + 1}: \u201c{short}\u201d", partial(screen.jump_to, item.index),
                 f"{item.badge} {item.verdict_text}")
            )
        for key, label in FILTERS:
            out.append((f"Filter: {label}", partial(screen.set_filter, key), "change the list filter"))
        if screen.done:
            from .export import EXPORTS

            for kind, label in EXPORTS:
                out.append((f"Export: {label}", partial(screen.export_now, kind), "write beside the article"))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
