"""The reviewer's decisions while the app runs: loaded once, saved at every change.

A thin stateful wrapper over ``verifier.report.review``: it remembers the file, lays it on the
article's quotes, and never lets a failed save or an unreadable file lose a decision.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from verifier.about import version
from verifier.models import Article, Quote
from verifier.report.review import (
    QuoteKey,
    Reconciled,
    Review,
    ReviewFile,
    ReviewFileError,
    article_hash,
    backup_path,
    decide,
    load_review_file,
    rebase,
    reconcile,
    save_review_file,
)


class DecisionStore:
    """Decisions for one article; ``problems`` holds what the reviewer must be told."""

    def __init__(self, article: Article, path: Path | None) -> None:
        self.article = article
        self.path = path
        self.problems: list[str] = []
        self.unsaved = False
        self.reconciled = Reconciled()
        self._broken = False
        file = None
        if path is not None:
            try:
                file = load_review_file(path)
            except ReviewFileError as exc:
                self._broken = True
                self.problems.append(f"{exc} \u2014 it will be kept as {backup_path(path).name}")
        self.file = file or ReviewFile(
            article_sha=article_hash(article.text), version=version(), article_path=_rel(path, article)
        )

    def attach(self, quotes: Sequence[Quote]) -> dict[int, Review]:
        """Lay saved decisions on the quotes; note a changed article and stale decisions."""
        self.reconciled = reconcile(self.file, quotes, self.article.text)
        r = self.reconciled
        if r.article_changed:
            self.problems.append(
                "The article changed since it was reviewed: "
                f"{len(r.by_index)} decision(s) still match"
                + (f" ({r.moved} moved)" if r.moved else "")
                + (f", {len(r.stale)} no longer match any quote." if r.stale else ".")
            )
        for review in r.stale:
            words = " ".join(review.quote.split())
            what = review.decision or "note"
            self.problems.append(f"No longer in the article: \u201c{words[:70]}\u201d ({what})")
        self.file = rebase(self.file, r, self.article.text)
        return dict(r.by_index)

    def review_for(self, quote: Quote) -> Review | None:
        key = QuoteKey.of(quote)
        return next((r for r in self.file.reviews if r.key == key), None)

    def change(self, quote: Quote, **changes: object) -> Review | None:
        """Apply a change (see ``verifier.report.review.decide``); the quote's decision now. Not saved."""
        self.file = decide(self.file, quote, **changes)  # type: ignore[arg-type]
        self.unsaved = True
        return self.review_for(quote)

    def save(self) -> str | None:
        """Write the file atomically; an error message when it could not be written."""
        if self.path is None:
            return None
        try:
            if self._broken and self.path.exists():
                os.replace(self.path, backup_path(self.path))
            self._broken = False
            save_review_file(self.path, self.file)
        except OSError as exc:
            self.unsaved = True
            return f"Could not save decisions to {self.path}: {exc.strerror or exc}. Will retry."
        self.unsaved = False
        return None


def _rel(path: Path | None, article: Article) -> str | None:
    """The article's file name as seen from the review file's folder."""
    if article.path is None:
        return None
    return Path(article.path).name if path is not None else article.path
