"""Speaker-and-timestamp transcripts, as transcription services publish them.

    Speaker 1 (00:01):            Joe Biden: (00:28)
    Good afternoon, everybody.    Thank you.  [crosstalk]

    (01:09)                       (00:20):
    A bare time stamp continues the turn, with or without a colon.

The time stamp goes on ``Turn.start_time``; ``[inaudible 00:03:15]`` and
``[crosstalk]`` stand for no words and are cut out of the spoken spans.
"""

from __future__ import annotations

import re

from verifier.models import Span, Transcript, Turn
from verifier.transcripts.formats.common import clock, make_transcript, make_turn, speaker_for, words_in
from verifier.transcripts.formats.frontmatter import split_front_matter

NAME = "timestamped"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"
HEADER_RE = re.compile(
    r"^[ \t]*(?:\*\*)?(?P<label>[^\s():\[\]*][^\n():\[\]*]{0,60}?)(?:\*\*)?[ \t]*"
    r"(?:\([ \t]*(?P<t1>" + _TIME + r")[ \t]*\)[ \t]*:|:[ \t]*\([ \t]*(?P<t2>" + _TIME
    + r")[ \t]*\)|\[(?P<t3>" + _TIME + r")\][ \t]*:?)[ \t]*",
    re.MULTILINE,
)
# ``(01:09)`` alone on a line; automatic transcripts (iHeart) print ``(00:20):``.
BARE_TIME_RE = re.compile(r"^[ \t]*[(\[](?P<t>" + _TIME + r")[)\]]:?[ \t]*$", re.MULTILINE)


def sniff(text: str, path: str | None) -> float:
    """Several ``Name (00:01):`` or ``Name: (00:28)`` headers."""
    head = text[:6000]
    n = sum(1 for _ in HEADER_RE.finditer(head))
    return 0.0 if n == 0 else min(0.5 + 0.1 * n, 0.95)


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """Turns from headers; bare ``(01:09)`` lines continue the turn and are not words."""
    meta, body = split_front_matter(text, path=path)
    heads = list(HEADER_RE.finditer(text, body))
    turns: list[Turn] = []
    meta = dict(meta)
    if heads and text[body : heads[0].start()].strip():
        # the page's date, title and description above the first turn: nobody said them
        header = [" ".join(x.split()) for x in text[body : heads[0].start()].splitlines()]
        meta.setdefault("header", [x for x in header if x])
        if not meta.get("title"):
            meta["title"] = next((x for x in meta["header"] if not _is_dateline(x)), "")
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        stamp = m.group("t1") or m.group("t2") or m.group("t3")
        nxt = heads[i + 1] if i + 1 < len(heads) else None
        next_stamp = (nxt.group("t1") or nxt.group("t2") or nxt.group("t3")) if nxt else None
        turns.append(
            make_turn(
                speaker_for(m.group("label")), m.start(), end, _spoken(text, m.end(), end),
                start_time=clock(stamp), end_time=clock(next_stamp) if next_stamp else None,
            )
        )
    if not heads:
        turns.append(make_turn(speaker_for(None), body, len(text), _spoken(text, body, len(text))))
    return make_transcript(text, turns, fmt=NAME, meta=meta, path=path, id=id)


def _is_dateline(line: str) -> bool:
    return len(line) < 20 and any(c.isdigit() for c in line)


def _spoken(text: str, start: int, end: int) -> list[Span]:
    """Spoken spans between ``start`` and ``end``, split at bare time-stamp lines."""
    out: list[Span] = []
    pos = start
    for m in BARE_TIME_RE.finditer(text, start, end):
        out.extend(words_in(text, pos, m.start()))
        pos = m.end()
    out.extend(words_in(text, pos, end))
    return out
