"""Pieces the line-oriented formats share: clock times, noise markers, building a Transcript."""

from __future__ import annotations

import re
from typing import Any

from verifier.models import NO_SPEAKER, Span, Speaker, Transcript, Turn
from verifier.transcripts.formats.paragraphs import cut_out, paragraphs, spoken_parts
from verifier.transcripts.formats.whitehouse import clean_title, iso_date
from verifier.transcripts.speakers import role_for_label

# Transcription-service markers that stand for no words: cut out of spoken spans.
NOISE_RE = re.compile(
    r"\[(?:inaudible|crosstalk|cross talk|laughter|laughs|applause|music|silence|foreign language|"
    r"unintelligible|indiscernible|overlapping|background noise|no audio|pause|coughs?|"
    r"\d{1,2}:\d{2}(?::\d{2})?)[^\]\n]{0,40}\]"
    r"|\((?:inaudible|crosstalk|laughs|laughter|applause|music|silence)[^)\n]{0,40}\)"
    r"|<[^>\n]{0,200}>",
    re.IGNORECASE,
)


def clock(value: str) -> str:
    """A time stamp as HH:MM:SS: ``01:09`` -> ``00:01:09``, ``1:02:03,500`` -> ``01:02:03``."""
    parts = re.split(r"[:]", re.split(r"[.,]", value.strip())[0])
    nums = [int(p) for p in parts if p.isdigit()][-3:]
    while len(nums) < 3:
        nums.insert(0, 0)
    return "{:02d}:{:02d}:{:02d}".format(*nums)


def words_in(text: str, start: int, end: int) -> list[Span]:
    """The spoken spans of ``text[start:end]``: noise markers and stage directions cut out."""
    out: list[Span] = []
    for para in paragraphs(text, start, end):
        for piece in cut_out(text, para, NOISE_RE):
            out.extend(spoken_parts(text, piece))
    return [p for p in out if any(c.isalnum() for c in p.of(text))]


def speaker_for(label: str | None) -> Speaker:
    """A speaker from a printed label (stripped of ``>>``, brackets and spacing)."""
    if label is None:
        return NO_SPEAKER
    clean = " ".join(label.strip(" \t[]>-").split())
    return Speaker(label=clean, role=role_for_label(clean)) if clean else NO_SPEAKER


def make_turn(
    speaker: Speaker, start: int, end: int, paragraphs: list[Span],
    start_time: str | None = None, end_time: str | None = None,
) -> Turn:
    return Turn(
        speaker=speaker,
        span=Span(start=start, end=max(start, end)),
        paragraphs=tuple(paragraphs),
        start_time=start_time,
        end_time=end_time,
    )


def make_transcript(
    text: str, turns: list[Turn], *, fmt: str, meta: dict[str, Any], path: str | None, id: str
) -> Transcript:
    """A Transcript from parsed turns and front matter (title falls back to the file name)."""
    title = clean_title(str(meta.get("title") or ""))
    if not title and path:
        title = re.sub(r"[-_]+", " ", path.rsplit("/", 1)[-1].rsplit(".", 1)[0]).strip()
    return Transcript(
        id=id,
        title=title,
        text=text,
        turns=tuple(t for t in turns if t.paragraphs),
        format=fmt,
        date=iso_date(meta.get("date")),
        source_url=str(meta["source_url"]) if meta.get("source_url") else None,
        path=path,
        metadata=dict(meta),
    )
