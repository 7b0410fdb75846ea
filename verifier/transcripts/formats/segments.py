"""Timestamped segment lists, as presidential-transcript archives publish them.

    Joe Biden
    00:00:00-00:00:06 (6 sec)
    Thank you very much.  Please, sit down.

A name line, a segment line (start-end and its length), then the words. A
segment line with no name line before it continues the previous speaker;
consecutive segments of one speaker make one turn.

Factba.se / Roll Call pages also print a sentiment label beside the name
("Somewhat Positive"), analysis panels after the words (Sentiment, Moderation,
Topics) and a participant list at the top ("Donald Trump said 44 sentences of a
total of 46"): labels and panels are never the speaker or the words, and the
participants are kept as ``metadata["participants"]``.
"""

from __future__ import annotations

import re

from verifier.models import Role, Speaker, Transcript, Turn
from verifier.transcripts.formats.common import clock, make_transcript, make_turn, speaker_for, words_in
from verifier.transcripts.formats.frontmatter import split_front_matter

NAME = "segments"
_T = r"\d{1,2}:\d{2}(?::\d{2})?"
SEGMENT_RE = re.compile(
    r"^[ \t]*(?P<start>" + _T + r")[ \t]*[-–—][ \t]*(?P<end>" + _T + r")"
    r"(?:[ \t]*\(\s*[\d.]+\s*(?:sec|s|seconds?)\s*\))?[ \t]*$",
    re.MULTILINE,
)

PARTICIPANT_RE = re.compile(r"^(?P<name>[^\n]{1,60}?) said \d+ sentences of a total", re.MULTILINE)
# The speaker list at the top of a Factba.se page: "  • Tom Carper" over "    Person".
BULLET_RE = re.compile(r"^[ \t]*•[ \t]+(?P<name>[^\n]{1,60}?)[ \t]*\n[ \t]+Person[ \t]*$", re.MULTILINE)
# Sentiment labels printed beside a turn ("Leans Positive", "Unknown"): never the speaker, never words.
SENTIMENT_RE = re.compile(
    r"(?:(?:very|somewhat|slightly|leans|mostly|strongly)\s+)?"
    r"(?:positive|negative|neutral|mixed|unknown)",
    re.IGNORECASE,
)
# A segment's words in quotes with the page's sentence number after them: '"Thank you." 4'.
COUNTER_RE = re.compile(r"(?<=[.?!,;:\-—\"”)\]])[ \t]+\d{1,5}[ \t]*$")
# The page's heading: "Remarks: Joe Biden Meets With Senators ... - February 11, 2021".
HEADING_RE = re.compile(
    r"^[A-Z][\w ]{2,30}: [^\n]{10,200}? - [A-Z][a-z]+ \d{1,2}, \d{4}[ \t]*$", re.MULTILINE
)
# The first line of an analysis panel: the turn's words end before it.
PANEL_RE = re.compile(
    r"^[ \t]*(?:Sentiment|Moderation|Topics|Entities|StressLens)[ \t]*$", re.MULTILINE
)
_QUESTION_LABELS = frozenset({"question", "reporter", "unknown speaker", "audience member"})


def sniff(text: str, path: str | None) -> float:
    """Several ``00:00:00-00:00:06 (6 sec)`` lines."""
    n = sum(1 for _ in SEGMENT_RE.finditer(text[:6000]))
    return 0.0 if n == 0 else min(0.55 + 0.1 * n, 0.97)


def is_sentiment(line: str) -> bool:
    """A sentiment label the page prints beside a turn."""
    return SENTIMENT_RE.fullmatch(" ".join(line.split())) is not None


def _unwrap(text: str, start: int, end: int) -> tuple[int, int]:
    """A segment's words without the page's quote marks and sentence number around them."""
    while end > start and text[end - 1].isspace():
        end -= 1
    m = COUNTER_RE.search(text, start, end)
    if m is not None:
        end = m.start()
    while start < end and text[start].isspace():
        start += 1
    if end - start >= 2 and text[start] in "\"“" and text[end - 1] in "\"”":
        start, end = start + 1, end - 1
    return start, end


def _name_before(text: str, lo: int, seg_start: int) -> tuple[str, int] | None:
    """The name line just above a segment line, and where it starts, if there is one."""
    chunk = text[lo:seg_start].rstrip()
    line_start = chunk.rfind("\n") + 1
    name = chunk[line_start:].strip()
    while is_sentiment(name) and line_start > 0:
        chunk = chunk[:line_start].rstrip()
        line_start = chunk.rfind("\n") + 1
        name = chunk[line_start:].strip()
    words = name.split()
    if not words or len(words) > 6 or name[-1] in ".?!,;:\"”" or not name[0].isupper():
        return None
    return name, lo + line_start


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """One turn per run of a speaker's segments; segment times on the turn."""
    meta, body = split_front_matter(text, path=path)
    segs = list(SEGMENT_RE.finditer(text, body))
    turns: list[Turn] = []
    speaker: Speaker | None = None
    # Per segment: (speaker, head start, words start, words end, start time, end time)
    pieces: list[tuple[Speaker, int, int, int, str, str]] = []
    ends: list[int] = []
    for i, m in enumerate(segs):
        lo = segs[i - 1].end() if i else body
        named = _name_before(text, lo, m.start())
        if named is not None:
            speaker = _speaker(named[0])
            ends.append(named[1])
        else:
            ends.append(m.start())
        pieces.append(
            (speaker or speaker_for(None), named[1] if named else m.start(), m.end(), 0,
             clock(m.group("start")), clock(m.group("end")))
        )
    ends = ends[1:] + [len(text)] if pieces else []  # no segments: no turns (an error below)
    for (spk, head, w_start, _, t0, t1), w_end in zip(pieces, ends, strict=True):
        panel = PANEL_RE.search(text, w_start, w_end)
        said = _unwrap(text, w_start, panel.start() if panel else w_end)
        parts = [p for p in words_in(text, *said) if not is_sentiment(p.of(text))]
        last = turns[-1] if turns else None
        if last is not None and last.speaker == spk:
            turns[-1] = make_turn(spk, last.span.start, w_end, [*last.paragraphs, *parts],
                                  start_time=last.start_time, end_time=t1)
        else:
            turns.append(make_turn(spk, head, w_end, parts, start_time=t0, end_time=t1))
    if not segs:
        turns.append(make_turn(speaker_for(None), body, len(text), words_in(text, body, len(text))))
    listed = [*BULLET_RE.finditer(text, body), *PARTICIPANT_RE.finditer(text, body)]
    participants = list(dict.fromkeys(" ".join(m.group("name").split()) for m in listed))
    if participants:
        meta = {**meta, "participants": participants}
    heading = HEADING_RE.search(text, body, segs[0].start() if segs else len(text))
    if heading is not None and not meta.get("title"):
        meta = {**meta, "title": heading.group(0).strip()}
    return make_transcript(text, turns, fmt=NAME, meta=meta, path=path, id=id)


def _speaker(label: str) -> Speaker:
    """A speaker from a name line; the page's 'Question' is a reporter."""
    if label.casefold() in _QUESTION_LABELS:
        return Speaker(label=label, role=Role.REPORTER)
    return speaker_for(label)
