"""The attribution pane: who the article credits, who spoke in the transcript, the verdict."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from verifier.models import Role
from verifier.report.credit_line import KIND_WORDS, mention_words, not_speech_words
from verifier.text.display import unescape_markdown

from ..state import Item, Status

_ROLE = {
    Role.OFFICIAL: "official",
    Role.ANONYMOUS: "official on background",
    Role.MODERATOR: "moderator",
    Role.REPORTER: "reporter",
    Role.OTHER: "other",
    Role.UNKNOWN: "unknown role",
}


class AttributionPanel(Widget):
    """Credited vs transcript speaker, the source, and every reason (the verdict bar has the first)."""

    COMPONENT_CLASSES = {
        "attribution--label",
        "attribution--ok",
        "attribution--warn",
        "attribution--fail",
        "attribution--pending",
        "attribution--error",
        "attribution--muted",
    }

    item: Item | None = None

    def show(self, item: Item | None) -> None:
        self.item = item
        self.refresh(layout=True)

    def render(self) -> Table | Text:
        """Built at paint time, so the colours follow the theme as it is now."""
        return self.describe(self.item) if self.item else Text("No quote selected.")

    def describe(self, item: Item) -> Table:
        get = self.get_component_rich_style
        label = get("attribution--label")
        muted = get("attribution--muted")
        out = Table.grid(padding=(0, 1))
        out.add_column(width=9, style=label, no_wrap=True)
        out.add_column(ratio=1)

        def row(name: str, value: str | Text, *, first: bool = False) -> None:
            out.add_row(name, value)

        q = item.quote
        credited = Text(q.attributed_to or "nobody")
        if q.cue:
            credited.append(f"  ({q.cue})", style=muted)
        row("Credited", credited, first=True)
        if q.speaker_name and q.speaker_name != q.attributed_to:
            row("", Text(f"\u2192 {q.speaker_name} ({KIND_WORDS[q.speaker_kind]})", style=muted))
        elif q.speaker_name:
            row("", Text(KIND_WORDS[q.speaker_kind], style=muted))
        if (mention := mention_words(q)) is not None:
            row("", Text(mention, style=muted))
        if (not_speech := not_speech_words(q)) is not None:
            row("Note", Text(not_speech, style=muted))
        f = item.finding
        if f is None:
            state = item.error if item.status is Status.ERROR else item.verdict_text + "\u2026"
            row("Verdict", Text(f"{item.badge} {state}", style=get(f"attribution--{item.style}")))
            return out
        if f.speaker is not None:
            s = f.speaker
            spoke = Text(s.label or "(no label)")
            if s.name and s.name != s.label:
                spoke.append(f" = {s.name}")
            row("Speaking", spoke)
            role = _ROLE.get(s.role, str(s.role))
            extra = ", ".join(x for x in (role, s.title, s.affiliation) if x)
            row("", Text(extra, style=muted))
        elif f.match is None:
            row("Speaking", Text("(not found in the corpus)", style=muted))
        else:
            row("Speaking", Text("(the transcript names no speaker here)", style=muted))
        if f.match is not None:
            t = f.match.transcript
            row("Source", Text(f"{t.title} ({t.date or 'undated'})", style=muted))
        for n, reason in enumerate(f.reasons):
            row("Why" if n == 0 else "", Text(f"\u2022 {unescape_markdown(reason)}"))
        return out
