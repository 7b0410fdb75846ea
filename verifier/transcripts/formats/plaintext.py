"""Plain text: ``NAME:`` turns, or no speakers at all.

A turn opens at a line that starts with a short label and a colon (``KIRBY:``,
``John Kirby:``, ``Q:``). Text with no labels is one turn whose speaker is
``NO_SPEAKER``, so attribution is then ``unknown`` rather than guessed.

Above the first label a saved page prints its header: the title, the date, a
section name, a ``Source:`` line, a ``TRANSCRIPT`` line. Nobody said those, so
they are kept as ``metadata["header"]``, not as a speakerless turn.
"""

from __future__ import annotations

import re

from verifier.models import Transcript, Turn
from verifier.transcripts.formats.common import make_transcript, make_turn, speaker_for, words_in
from verifier.transcripts.formats.frontmatter import split_front_matter

NAME = "plain"
_WORD = r"(?:[A-Z][\w.'’\-]*|[A-Z]{1,2}\.|\d+)"
_JOIN = r"(?:[ \t]+(?:" + _WORD + r"|of|the|de|van|von|for|al|bin|da|del))"
LABEL_RE = re.compile(
    r"^[ \t]*(?:>>[ \t]*)?(?P<label>" + _WORD + _JOIN + r"{0,5})[ \t]*:[ \t]+(?=\S)", re.MULTILINE
)
_NOT_LABELS = frozenset({"NOTE", "UPDATE", "EDITOR'S NOTE", "SOURCE", "TRANSCRIPT", "DATE",
                         "LOCATION", "TITLE", "URL", "PS", "P.S."})


# A line that says the transcript starts below it: "TRANSCRIPT", "Transcript:", "Full transcript".
TRANSCRIPT_LINE_RE = re.compile(
    r"^[ \t]*(?:full |episode |video |official )?transcript[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
)
# How a spoken line ends (inside any closing quote or bracket); a header line (a title, a
# dateline, "Source: Politico, 8-15-17") does not.
_SENTENCE_ENDS = (".", "?", "!", "…", "—")
_CLOSERS = " )]\"'”’"
# A header line is short: a longer one is a paragraph of prose, even without a full stop.
HEADER_LINE_CHARS = 200

# A video page's transcript puts the time at the head of each line: "00:14At the risk of".
CLOCK_LINE_RE = re.compile(r"^(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)[ \t]?(?=\S)(?!\d)", re.MULTILINE)
# Fewer clock-headed lines than this is text that mentions times, not a video transcript.
MIN_CLOCK_LINES = 3


def labels(text: str, start: int = 0) -> list[re.Match[str]]:
    """The label matches that open turns (``Note:``, or a site's ``More From Forbes: http…``,
    are not speakers)."""
    return [
        m for m in LABEL_RE.finditer(text, start)
        if m.group("label").upper().rstrip(".") not in _NOT_LABELS
        and not text.startswith(("http://", "https://", "www."), m.end())
    ]


def sniff(text: str, path: str | None) -> float:
    """Any text is plain text (the fallback); more so with ``NAME:`` lines (one is enough:
    a news site's clip transcript often has a single ``BIDEN:``)."""
    n = len(labels(text[:4000]))
    return 0.45 if n >= 2 else 0.3 if n == 1 else 0.05


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """Turns at ``NAME:`` lines; words before the first label are a speakerless turn.

    A video transcript with a time at the head of every line is one speakerless
    turn from its first timed line: the page above it was never said, and the
    times are cut out of the words.
    """
    meta, body = split_front_matter(text, path=path)
    clocks = list(CLOCK_LINE_RE.finditer(text, body))
    if len(clocks) >= MIN_CLOCK_LINES:
        parts = [span for i, m in enumerate(clocks)
                 for span in words_in(text, m.end(), _line_end(text, m.end()))]
        meta = {**meta, "header": _header_lines(text, body, clocks[0].start())}
        turn = make_turn(speaker_for(None), clocks[0].start(), len(text), parts,
                         start_time=clocks[0].group("clock"))
        return make_transcript(text, [turn], fmt=NAME, meta=meta, path=path, id=id)
    found = labels(text, body) if sniff(text[body:], path) > 0.1 else []
    turns: list[Turn] = []
    first = found[0].start() if found else len(text)
    if found and not meta.get("title"):
        # the page's own title line, so that labels can be named from it
        meta = {**meta, "title": next(
            (x for x in _header_lines(text, body, first) if _is_title_line(x)), "")}
    said_from = _header_end(text, body, first) if found else body
    if said_from > body:
        meta = {**meta, "header": meta.get("header") or _header_lines(text, body, said_from)}
    if text[said_from:first].strip():
        turns.append(make_turn(speaker_for(None), said_from, first, words_in(text, said_from, first)))
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        turns.append(make_turn(speaker_for(m.group("label")), m.start(), end,
                               words_in(text, m.end(), end)))
    return make_transcript(text, turns, fmt=NAME, meta=meta, path=path, id=id)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _header_end(text: str, body: int, first: int) -> int:
    """Where the page's header above the first label ends and unlabelled words may start.

    Past the last ``TRANSCRIPT`` line; and when no line left above the label
    ends as a spoken sentence does, the header runs to the label.
    """
    start = body
    for m in TRANSCRIPT_LINE_RE.finditer(text, body, first):
        start = m.end()
    rest = [line.strip() for line in text[start:first].splitlines() if line.strip()]
    if all(len(line) <= HEADER_LINE_CHARS and not line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)
           for line in rest):
        return first
    return start


def _header_lines(text: str, start: int, end: int) -> list[str]:
    """The non-blank lines above the first turn, spacing made plain."""
    return [" ".join(line.split()) for line in text[start:end].splitlines() if line.strip()]


def _is_title_line(line: str) -> bool:
    """A header line that can be the page's title: not a dateline, a bullet or a section word."""
    short_dateline = len(line) < 30 and any(c.isdigit() for c in line)
    return (
        len(line) <= 200 and " " in line and not short_dateline
        and not line.endswith(":") and line[0] not in "•*-–—·"
    )
