"""The whole White House archive parses: no file fails, labelled pages have speaker turns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from verifier.corpus.files import corpus_paths, load_corpus_files
from verifier.transcripts.formats.frontmatter import body_offset

ARCHIVE = Path(__file__).parents[2] / "shared/corpora/wh-briefings"
# A line that looks like a speaker label: "Q" with spacing, or an upper-case label and colon.
LABEL_LINE_RE = re.compile(
    r"^(?:Q(?:[ \t\u00a0]{2,}|:)\S|(?:THE |MR\. |MS\. |DR\. )?[A-Z][A-Z.\-' ]{2,40}:[\u00a0 ]{1,3}\S)",
    re.MULTILINE,
)


@pytest.mark.slow
def test_every_archive_transcript_parses() -> None:
    if not ARCHIVE.is_dir():
        pytest.skip(f"archive not found at {ARCHIVE} (shared/corpora/wh-briefings)")
    paths = corpus_paths(ARCHIVE)
    assert len(paths) >= 3756
    load = load_corpus_files(ARCHIVE)
    assert load.warnings == ()
    assert len(load.transcripts) + len(load.duplicates) == len(paths)
    missing = []
    for t in load.transcripts:
        if LABEL_LINE_RE.search(t.text, body_offset(t.text)) and not t.has_speakers:
            missing.append(t.path)
    assert missing == []
