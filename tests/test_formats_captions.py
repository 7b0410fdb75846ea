"""Captions: WebVTT voice tags, >> speaker changes, SRT; cues merged per speaker run."""

from __future__ import annotations

from pathlib import Path

from verifier.models import Role
from verifier.transcripts.formats import detect, get_format
from verifier.transcripts.loader import load_transcript

DATA = Path(__file__).parent / "data" / "transcripts"


def test_vtt_voice_tags_merge_cues_and_drop_tags() -> None:
    t = load_transcript(DATA / "voices.vtt")
    assert t.format == "webvtt"
    assert [turn.speaker.label for turn in t.turns] == ["Karine Jean-Pierre", "Q", "Karine Jean-Pierre"]
    first = t.turns[0]
    assert [p.of(t.text) for p in first.paragraphs] == [
        "Good afternoon, everybody. Today we are", "announcing new steps on fentanyl."]
    assert (first.start_time, first.end_time) == ("00:00:01", "00:00:07")
    words = " ".join(p.of(t.text) for turn in t.turns for p in turn.paragraphs)
    for unsaid in ("<", ">", "-->", "NOTE", "Laughter", "align"):
        assert unsaid not in words
    assert t.turns[1].speaker.role is Role.REPORTER


def test_vtt_chevron_speaker_changes() -> None:
    t = load_transcript(DATA / "chevrons.vtt")
    assert [turn.speaker.label for turn in t.turns] == ["MR. KIRBY", "", "MR. KIRBY"]
    assert t.turns[0].speaker.name == "John Kirby"
    assert [p.of(t.text) for p in t.turns[0].paragraphs] == [
        "Good afternoon. We are", "watching this very closely."]


def test_srt_cues_and_stage_directions() -> None:
    text = (DATA / "captions.srt").read_text("utf-8")
    assert detect(text).name == "srt"
    t = load_transcript(DATA / "captions.srt")
    assert [turn.speaker.label for turn in t.turns] == ["THE PRESIDENT", "AUDIENCE"]
    president = t.turns[0]
    assert (president.start_time, president.end_time) == ("00:00:01", "00:00:06")
    assert [p.of(t.text) for p in president.paragraphs] == [
        "My fellow Americans,\ntonight I speak to you", "about the state of our union."]


def test_format_can_be_named() -> None:
    assert get_format("srt").name == "srt"
    t = load_transcript(DATA / "voices.vtt", format="webvtt")
    assert t.format == "webvtt"


def test_rolling_auto_captions_keep_each_word_once() -> None:
    """Auto-captions show each line twice (bottom of one cue, top of the next)."""
    from verifier.transcripts.loader import load_transcript

    t = load_transcript(Path(__file__).parent / "data" / "transcripts" / "rolling.vtt")
    said = " ".join(" ".join(p.of(t.text) for p in turn.paragraphs) for turn in t.turns)
    assert " ".join(said.split()) == (
        "good afternoon everybody I have a few things at the top the secretary will travel "
        "very very soon"
    )


def test_caption_sound_descriptions_are_not_words() -> None:
    """Written by hand: captions for deaf viewers describe sounds in bare words in parentheses
    or brackets; a cue of nothing else says nothing, and one inside a line is cut out."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Anna>We have had, (chuckles) a long week.</v>\n\n"
        "00:00:03.000 --> 00:00:04.000\n(door slams)\n[MUSIC PLAYING]\n\n"
        "00:00:04.000 --> 00:00:06.000\nAnd we are done.\n"
    )
    t = get_format("webvtt").parse(vtt)
    said = [p.of(t.text) for turn in t.turns for p in turn.paragraphs]
    assert said == ["We have had,", "a long week.", "And we are done."]
