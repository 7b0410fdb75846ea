"""Messages the verification worker posts; widgets are only ever touched on the UI thread."""

from __future__ import annotations

from textual.message import Message

from verifier.corpus.search_space import SearchSpace
from verifier.models import Finding, Quote


class QuotesFound(Message):
    """The article's quotes, in order, before any is verified."""

    def __init__(self, quotes: list[Quote]) -> None:
        super().__init__()
        self.quotes = quotes


class CorpusReady(Message):
    """The corpus is loaded; ``seconds`` is how long that took."""

    def __init__(self, corpus: SearchSpace, seconds: float) -> None:
        super().__init__()
        self.corpus = corpus
        self.seconds = seconds


class VerifyStarted(Message):
    """Quote ``index`` is being verified now."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class FindingReady(Message):
    """Quote ``index`` has its finding."""

    def __init__(self, index: int, finding: Finding) -> None:
        super().__init__()
        self.index = index
        self.finding = finding


class VerifyFailed(Message):
    """Something went wrong: for one quote (``index``) or for all of them (``index`` None)."""

    def __init__(self, index: int | None, error: str) -> None:
        super().__init__()
        self.index = index
        self.error = error


class VerifyDone(Message):
    """Every quote has a finding or an error."""
