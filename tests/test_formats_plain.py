"""Plain text with NAME: turns, and with no speakers at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.errors import TranscriptError
from verifier.models import NO_SPEAKER, Role
from verifier.transcripts.formats import get_format
from verifier.transcripts.loader import load_transcript

DATA = Path(__file__).parent / "data" / "transcripts"


def test_plain_labels() -> None:
    t = load_transcript(DATA / "labels.txt")
    assert t.format == "plain"
    assert [turn.speaker.label for turn in t.turns] == ["", "KIRBY", "Q", "John Kirby"]
    assert t.turns[1].speaker.name == t.turns[3].speaker.name == "John Kirby"
    assert t.turns[2].speaker.role is Role.REPORTER
    assert [p.of(t.text) for p in t.turns[3].paragraphs] == ["It is not a yes."]


def test_plain_header_lines_are_not_a_turn_but_unlabelled_speech_is() -> None:
    """Written by hand: a title and a dateline above the first label are the header; words
    under a "Transcript" line that end as sentences do are someone speaking, unnamed."""
    plain = get_format("plain")
    t = plain.parse("Remarks on the Economy\nMay 3, 2019\n\nKIRBY: Good afternoon.\n")
    assert [turn.speaker.label for turn in t.turns] == ["KIRBY"]
    assert t.metadata["header"] == ["Remarks on the Economy", "May 3, 2019"]
    t = plain.parse(
        "Remarks on the Economy\n\nTranscript:\n\nThank you all for coming.\n\nKIRBY: Good afternoon.\n"
    )
    assert [turn.speaker.label for turn in t.turns] == ["", "KIRBY"]
    assert [p.of(t.text) for p in t.turns[0].paragraphs] == ["Thank you all for coming."]
    assert t.metadata["header"] == ["Remarks on the Economy", "Transcript:"]


def test_plain_without_speakers_is_one_unknown_turn() -> None:
    t = load_transcript(DATA / "nospeakers.txt")
    assert t.format == "plain"
    assert len(t.turns) == 1 and t.turns[0].speaker == NO_SPEAKER
    assert len(t.turns[0].paragraphs) == 2


def test_unknown_format_name_is_a_clear_error() -> None:
    with pytest.raises(TranscriptError, match="known: .*plain"):
        get_format("docx")
