"""The persistent corpus index: build it, check it is fresh, open it.

``build_index(dir)`` writes ``dir/.quotecheck-index.sqlite`` (or ``index_path``),
re-parsing only files whose content changed; ``IndexedCorpus(path)`` reads it
as the same SearchSpace an in-memory ``Corpus`` is, with the same answers.
The index is only ever for speed: without it everything works the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verifier.corpus.index.read import IndexedCorpus
from verifier.corpus.index.store import (
    INDEX_NAME,
    Freshness,
    Progress,
    check_freshness,
    clean_stale_tmp,
    default_index_path,
)

if TYPE_CHECKING:
    from verifier.corpus.index.build import IndexStats, build_index
    from verifier.corpus.memory import Corpus

__all__ = [
    "INDEX_NAME",
    "Freshness",
    "IndexStats",
    "IndexedCorpus",
    "Progress",
    "build_index",
    "check_freshness",
    "default_index_path",
    "open_corpus_dir",
]


def __getattr__(name: str) -> Any:
    """The build, imported when first asked for: opening a fresh index never needs it."""
    if name in ("IndexStats", "build_index"):
        from verifier.corpus.index import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_corpus_dir(
    root: str | Path,
    *,
    index_path: str | Path | None = None,
    use_index: bool = True,
    build_missing: bool = False,
    strict: bool = False,
    note: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> Corpus | IndexedCorpus:
    """A folder's corpus: from its index when there is one (brought up to date first), else
    parsed in memory. ``build_missing`` writes an index when there is none (the bundled corpus).

    A stale index is updated, not ignored: only changed files are parsed again, which is no
    slower than parsing them all into memory, and later runs are fast. When the index cannot
    be written (a read-only folder), the corpus is parsed in memory and ``note`` says why.
    """
    from verifier.corpus.memory import Corpus
    from verifier.errors import TranscriptError

    root = Path(root)
    if not use_index:
        return Corpus.from_path(root, strict=strict)
    ipath = Path(index_path) if index_path else default_index_path(root)
    if ipath.parent.is_dir():
        clean_stale_tmp(ipath)  # a killed build's temporary file goes on the next use, not the next build
    state = check_freshness(root, ipath)
    if not state.fresh and (state.exists or build_missing):
        why = state.reason or f"{state.added} added, {state.changed} changed, {state.deleted} deleted"
        if note:
            note(f"{'updating' if state.exists else 'building'} the index {ipath} ({why})")
        from verifier.corpus.index.build import build_index

        try:
            build_index(root, ipath, progress=progress)
        except OSError as exc:
            if note:
                note(f"cannot write the index ({exc.strerror}); reading the folder instead")
            return Corpus.from_path(root, strict=strict)
    elif not state.exists:
        return Corpus.from_path(root, strict=strict)
    corpus = IndexedCorpus(ipath, root=root)
    if strict and corpus.warnings:
        raise TranscriptError(f"malformed transcript: {corpus.warnings[0]}")
    return corpus
