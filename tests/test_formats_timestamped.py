"""Speaker-and-timestamp transcripts and timestamped segment lists."""

from __future__ import annotations

from pathlib import Path

from verifier.models import Role
from verifier.transcripts.formats import detect
from verifier.transcripts.loader import load_transcript

DATA = Path(__file__).parent / "data" / "transcripts"


def test_timestamped_headers_continuations_and_markers() -> None:
    t = load_transcript(DATA / "rev_style.txt")
    assert t.format == "timestamped"
    assert [turn.speaker.label for turn in t.turns] == [
        "Speaker 1", "Joe Biden", "Audience", "Kamala Harris"]
    assert t.turns[0].speaker.role is Role.UNKNOWN  # a generic label says nobody in particular
    assert t.turns[2].speaker.role is Role.OTHER
    biden = t.turns[1]
    assert biden.speaker.name == "Joe Biden"
    assert (biden.start_time, biden.end_time) == ("00:00:28", "00:01:30")
    words = [p.of(t.text) for p in biden.paragraphs]
    assert words == ["Thank you. Thank you very much.", "Please, sit down.",
                     "We are going to build it back better.", "And that's a promise."]
    assert t.turns[3].start_time == "01:02:03"


def test_segments_merge_a_speakers_run_and_keep_times() -> None:
    text = (DATA / "segments.txt").read_text("utf-8")
    assert detect(text).name == "segments"
    t = load_transcript(DATA / "segments.txt")
    assert [turn.speaker.label for turn in t.turns] == ["Joe Biden", "Reporter", "Joe Biden"]
    first = t.turns[0]
    assert (first.start_time, first.end_time) == ("00:00:00", "00:00:09")
    assert [p.of(t.text) for p in first.paragraphs] == [
        "Thank you very much. Please, sit down.", "It's great to be back in Scranton."]
    assert t.turns[1].speaker.role is Role.REPORTER
    assert "sec" not in " ".join(p.of(t.text) for turn in t.turns for p in turn.paragraphs)
