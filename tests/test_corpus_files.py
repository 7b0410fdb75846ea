"""A folder of mixed transcripts: every file loaded or warned about, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from verifier.corpus import files as corpus_files
from verifier.corpus.files import (
    format_transcript,
    load_corpus_files,
    slug_id,
    summarize_corpus,
)
from verifier.errors import TranscriptError

DATA = Path(__file__).parent / "data" / "transcripts"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    for name in ("gaggle.md", "remarks.md", "voices.vtt", "captions.srt"):
        shutil.copy(DATA / name, root / "a" / name)
    shutil.copy(DATA / "rev_style.txt", root / "b" / "rev_style.txt")
    shutil.copy(DATA / "gaggle.md", root / "b" / "gaggle.md")  # same body, other name
    (root / "b" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nMR. X:  Hi.\n")
    (root / "b" / "empty.txt").write_text("")
    (root / "README.md").write_text("# not a transcript\n")
    (root / "index.sqlite3").write_bytes(b"SQLite format 3\x00")
    (root / ".hidden.md").write_text("Q  hidden\n")
    (root / "speakers.yaml").write_text("Zeke Miller: [Zeke]\n")
    return root


def test_mixed_folder_loads_with_warnings_and_duplicates(corpus: Path) -> None:
    load = load_corpus_files(corpus)
    assert [t.id for t in load.transcripts] == [
        "a-captions", "a-gaggle", "a-remarks", "a-voices", "b-rev-style"]
    assert {t.format for t in load.transcripts} == {
        "srt", "whitehouse", "webvtt", "timestamped"}
    warned = {Path(w.path).name: w for w in load.warnings}
    assert set(warned) == {"broken.md", "empty.txt"}
    assert warned["broken.md"].line is not None
    assert [(Path(d.path).name, Path(d.same_as).parent.name) for d in load.duplicates] == [
        ("gaggle.md", "a")]
    assert load.files_seen == 8


def test_strict_raises_on_the_first_bad_file(corpus: Path) -> None:
    with pytest.raises(TranscriptError, match="broken.md"):
        load_corpus_files(corpus, strict=True)


def test_corpus_alias_file_applies(corpus: Path) -> None:
    load = load_corpus_files(corpus)
    gaggle = next(t for t in load.transcripts if t.id == "a-gaggle")
    assert gaggle.turns[1].speaker.name == "Zeke"  # named questioner, not an alias lookup
    assert gaggle.turns[0].speaker.name is None or gaggle.turns[0].speaker.label


def test_parallel_and_serial_agree(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = load_corpus_files(corpus, workers=1)
    monkeypatch.setattr(corpus_files, "PARALLEL_ABOVE", 1)
    parallel = load_corpus_files(corpus, workers=2)
    assert [t.id for t in parallel.transcripts] == [t.id for t in serial.transcripts]
    assert parallel.transcripts == serial.transcripts
    assert parallel.warnings == serial.warnings


def test_ids_are_unique_and_stable(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x-y.txt").write_text("A: one.\nB: two.\n")
    (tmp_path / "x" / "y.txt").write_text("A: three.\nB: four.\n")
    ids = [t.id for t in load_corpus_files(tmp_path).transcripts]
    assert ids == ["x-y", "x-y-2"] or ids == ["x-y-2", "x-y"]
    assert len(set(ids)) == 2
    assert slug_id("2023-11/Press Briefing.md") == "2023-11-press-briefing"


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="not found"):
        load_corpus_files(tmp_path / "nope")


def test_summary_and_show(corpus: Path) -> None:
    load = load_corpus_files(corpus)
    summary = summarize_corpus(load)
    assert "5 transcripts from 8 files" in summary
    assert "whitehouse" in summary and "2023-12" in summary
    assert "broken.md" in summary and "Duplicates (1" in summary
    assert "Karine Jean-Pierre" in summary
    shown = format_transcript(next(t for t in load.transcripts if t.id == "a-gaggle"))
    assert "Q = Demetri, FT [reporter]: Thank you. On Ukraine" in shown
    assert "MR. KIRBY = John Kirby, NSC Coordinator for Strategic Communications" in shown
    timed = format_transcript(next(t for t in load.transcripts if t.format == "srt"))
    assert "00:00:01-00:00:06 THE PRESIDENT" in timed
