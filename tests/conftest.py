"""Shared fixtures: the bundled corpus is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from verifier.corpus.memory import BUNDLED_CORPUS, Corpus
from verifier.corpus.search_space import SearchSpace
from verifier.session import CorpusOptions, open_space
from verifier.transcripts.loader import load_transcript

REPO = Path(__file__).resolve().parent.parent
CALL = BUNDLED_CORPUS / "2024-01-28-background-press-call-counternarcotics-working-group-beijing.md"


@pytest.fixture(scope="session")
def bundled_corpus() -> Corpus:
    return Corpus.from_path(BUNDLED_CORPUS)


@pytest.fixture(scope="session")
def call_corpus() -> Corpus:
    """Just the 2024-01-28 counternarcotics call: fast, and enough for most engine tests."""
    return Corpus([load_transcript(CALL)], path=str(CALL))


# beside the repository; a worktree elsewhere names it with QUOTECHECK_ARCHIVE
ARCHIVE = Path(os.environ.get("QUOTECHECK_ARCHIVE") or REPO.parent / "shared" / "corpora" / "wh-briefings")


@pytest.fixture(scope="session")
def archive_space(tmp_path_factory: pytest.TempPathFactory) -> SearchSpace:
    """The whole wh-briefings archive (13 million words), indexed once per test session
    into a temporary file: the shared folder is never written to."""
    if not ARCHIVE.is_dir():
        pytest.skip(f"archive not found at {ARCHIVE} (../shared/corpora/wh-briefings)")
    index = tmp_path_factory.mktemp("archive") / "wh.sqlite"
    return open_space(CorpusOptions(folder=str(ARCHIVE), index=str(index)))
