"""From command-line arguments to a ReviewSource: the article read now, the corpus later."""

from __future__ import annotations

import argparse
from pathlib import Path

from verifier.article_loaders import load_article
from verifier.corpus import BUNDLED_CORPUS
from verifier.errors import InputError
from verifier.search_space import SearchSpace

from .source import ReviewSource


def build_source(
    article_path: str, *, corpus: str | None = None, transcripts: list[str] | None = None
) -> ReviewSource:
    """Read the article (errors raise now, before any screen); open the corpus lazily."""
    article = load_article(article_path)
    root = Path(corpus) if corpus else BUNDLED_CORPUS
    if not transcripts and not root.exists():
        raise InputError("corpus not found", path=str(root))

    def open_corpus() -> SearchSpace:
        from verifier.commands.common import open_corpus as open_from_args

        args = argparse.Namespace(corpus=corpus, transcript=transcripts, transcript_format=None, strict=False)
        return open_from_args(args)

    label = ", ".join(transcripts) if transcripts else str(root)
    return ReviewSource.for_article(article, open_corpus, corpus_label=label)
