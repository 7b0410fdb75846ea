"""From the run's settings to a ReviewSource: the article read now, the session opened later."""

from __future__ import annotations

from pathlib import Path

from verifier.articles.loaders import load_article
from verifier.corpus.memory import BUNDLED_CORPUS
from verifier.errors import InputError
from verifier.session import Settings, Verifier

from .source import ReviewSource


def build_source(article_path: str, settings: Settings | None = None) -> ReviewSource:
    """Read the article (errors raise now, before any screen); open the session lazily."""
    settings = settings or Settings()
    article = load_article(article_path)
    options = settings.corpus
    root = Path(options.folder) if options.folder else BUNDLED_CORPUS
    if not options.transcripts and not root.exists():
        raise InputError("corpus not found", path=str(root))

    def open_verifier() -> Verifier:
        return Verifier.open(settings)

    return ReviewSource.for_article(article, open_verifier, corpus_label=options.label)
