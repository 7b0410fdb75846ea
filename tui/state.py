"""What the review screen knows about each quote, and the pure rules on it (filters, badges).

Kept free of widgets so the rules are tested without running an app.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from verifier.models import Attribution, Fidelity, Finding, Quote, Severity
from verifier.report.effective import Effective, effective
from verifier.report.review import Decision, Review
from verifier.text.display import unescape_markdown


class Status(StrEnum):
    """Where a quote is in verification."""

    PENDING = "pending"
    CHECKING = "checking"
    DONE = "done"
    ERROR = "error"


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """One quote of the article as the screen shows it."""

    index: int
    quote: Quote
    status: Status = Status.PENDING
    finding: Finding | None = None
    error: str = ""
    review: Review | None = None

    @property
    def effective(self) -> Effective | None:
        """The verdicts that count (the reviewer's override, else the engine's); None while waiting."""
        return effective(self.finding, self.review) if self.finding else None

    @property
    def fidelity(self) -> Fidelity | None:
        e = self.effective
        return e.fidelity if e else None

    @property
    def attribution(self) -> Attribution | None:
        e = self.effective
        return e.attribution if e else None

    @property
    def severity(self) -> Severity | None:
        e = self.effective
        return e.severity if e else None

    @property
    def badge(self) -> str:
        """A word that reads without colour: OK, WARN, FAIL, or the quote's state."""
        if self.status is Status.ERROR:
            return "ERROR"
        if self.status is Status.CHECKING:
            return "CHECK"
        sev = self.severity
        return sev.value.upper() if sev else "..."

    @property
    def style(self) -> str:
        """The component-class suffix colouring the badge."""
        if self.status is Status.ERROR:
            return "error"
        sev = self.severity
        return sev.value if sev else "pending"

    @property
    def verdict_text(self) -> str:
        if self.finding is None:
            return {Status.ERROR: "failed", Status.CHECKING: "checking"}.get(self.status, "waiting")
        words = str(self.fidelity)
        if self.attribution not in (Attribution.CONFIRMED, Attribution.ANONYMOUS):
            words += f"/{self.attribution}"
        return words

    @property
    def mark(self) -> str:
        """The reviewer's decision at a glance: ✓ accepted, ! overridden, ✎ a note."""
        r = self.review
        if r is None:
            return ""
        mark = {Decision.ACCEPTED: "\u2713", Decision.OVERRIDDEN: "!"}.get(r.decision, "")  # type: ignore[arg-type]
        return mark + ("\u270e" if r.note else "")

    def with_review(self, review: Review | None) -> Item:
        return replace(self, review=review)


FILTERS: tuple[tuple[str, str], ...] = (
    ("all", "All quotes"),
    ("unreviewed", "Not yet reviewed"),
    *((f"severity:{s}", f"Severity: {s}") for s in ("fail", "warn", "ok")),
    *((f"fidelity:{v}", f"Verdict: {v}") for v in Fidelity),
    *((f"attribution:{v}", f"Attribution: {v}") for v in Attribution),
)
FILTER_LABELS = dict(FILTERS)


def searchable(item: Item) -> str:
    """What ``/`` searches: the quote's words, who the article credits, who spoke in the match."""
    q = item.quote
    speaker = item.finding.speaker if item.finding else None
    parts = [q.text, q.attributed_to, q.speaker_name, speaker.label if speaker else None,
             speaker.name if speaker else None]
    return unescape_markdown(" ".join(" ".join(p.split()) for p in parts if p)).casefold()


def matches(item: Item, flt: str, search: str) -> bool:
    """Whether an item passes the filter (``kind:value``) and the search text."""
    if search and search.casefold() not in searchable(item):
        return False
    if flt == "all":
        return True
    if flt == "unreviewed":
        return item.review is None or item.review.decision is None
    kind, _, value = flt.partition(":")
    if kind == "severity":
        return item.severity is not None and item.severity.value == value
    if kind == "fidelity":
        return item.fidelity is not None and item.fidelity.value == value
    if kind == "attribution":
        return item.attribution is not None and item.attribution.value == value
    return True


def counts(items: list[Item]) -> dict[str, int]:
    """How many quotes per severity, plus those still waiting."""
    out = {"fail": 0, "warn": 0, "ok": 0, "pending": 0}
    for item in items:
        sev = item.severity
        out[sev.value if sev else "pending"] += 1
    return out
