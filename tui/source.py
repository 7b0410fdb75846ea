"""Where the review UI gets its data: the article, a corpus loader and the verifier.

The app never builds these itself; the CLI and the tests hand one in, so a test can
pass a two-transcript corpus and the CLI the bundled one, through the same factory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from verifier.articles import extract_quotes
from verifier.models import Article, Finding, Quote
from verifier.pipeline import verify_quote
from verifier.review import review_path_for
from verifier.search_space import SearchSpace


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewSource:
    """An article to review and how to get what verifying it needs.

    ``open_corpus`` may be slow (seconds): it is only ever called from the worker.
    ``review_path`` is where decisions are saved; None keeps them in memory only.
    """

    article: Article
    open_corpus: Callable[[], SearchSpace]
    review_path: Path | None = None
    corpus_label: str = "corpus"
    verify: Callable[[Quote, SearchSpace], Finding] = verify_quote

    def quotes(self) -> list[Quote]:
        return extract_quotes(self.article)

    @classmethod
    def for_article(
        cls, article: Article, open_corpus: Callable[[], SearchSpace], *, corpus_label: str = "corpus"
    ) -> ReviewSource:
        """Decisions beside the article file (``story.review.yaml``), if it has a path."""
        path = review_path_for(article.path) if article.path else None
        return cls(article=article, open_corpus=open_corpus, review_path=path, corpus_label=corpus_label)
