"""Where the review UI gets its data: the article and how to open the verifying session.

The app never builds these itself; the CLI and the tests hand one in, so a test can
pass a two-transcript corpus and the CLI the configured one, through the same factory.
The session is the same ``Verifier`` that ``quotecheck article`` uses, opened from the
same settings, so the review desk and the report give the same verdicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from verifier.articles.quotes import extract_quotes
from verifier.models import Article, Quote
from verifier.report.review import review_path_for
from verifier.session import Verifier


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewSource:
    """An article to review and how to open the session that verifies it.

    ``open_verifier`` may be slow (seconds): it is only ever called from the worker.
    ``review_path`` is where decisions are saved; None keeps them in memory only.
    """

    article: Article
    open_verifier: Callable[[], Verifier]
    review_path: Path | None = None
    corpus_label: str = "corpus"

    def quotes(self) -> list[Quote]:
        return extract_quotes(self.article)

    @classmethod
    def for_article(
        cls, article: Article, open_verifier: Callable[[], Verifier], *, corpus_label: str = "corpus"
    ) -> ReviewSource:
        """Decisions beside the article file (``story.review.yaml``), if it has a path."""
        path = review_path_for(article.path) if article.path else None
        return cls(article=article, open_verifier=open_verifier, review_path=path, corpus_label=corpus_label)
