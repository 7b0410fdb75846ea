"""From the run's settings to a ReviewSource: the article read now, the session opened later."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from verifier.articles.loaders import load_article
from verifier.cli import ExitStatus
from verifier.corpus.memory import BUNDLED_CORPUS
from verifier.errors import InputError
from verifier.session import Settings, Verifier

from .app import ReviewApp
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


def run_app(app: ReviewApp) -> int:
    """Run the app in the terminal; the exit status (see ``finish``)."""
    app.run()
    return finish(app, err=sys.stderr)


def finish(app: ReviewApp, *, err: TextIO) -> int:
    """After the app stopped: decisions saved (one more try), and an honest exit status.

    Textual prints an unexpected error's traceback as the app closes; this adds one line
    saying the decisions are safe (they are written at every change), and makes the
    process exit non-zero so a wrapper or a shell sees that the desk did not end well.
    """
    store = app.review_screen.store
    problem = store.save() if store.unsaved else None
    reviewed = len(store.file.reviews)
    where = str(store.path) if store.path else "memory only (no file)"
    if problem:
        err.write(f"quotecheck: {problem}\n")
    if app.return_code:
        err.write(
            "quotecheck: the review desk stopped on an unexpected error (shown above); "
            f"{reviewed} decision(s) kept in {where}\n"
        )
        return ExitStatus.ERROR
    return ExitStatus.ERROR if problem else ExitStatus.OK
