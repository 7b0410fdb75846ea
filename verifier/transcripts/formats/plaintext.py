"""Plain text: ``NAME:`` turns, or no speakers at all.

A turn opens at a line that starts with a short label and a colon (``KIRBY:``,
``John Kirby:``, ``Q:``). Text with no labels is one turn whose speaker is
``NO_SPEAKER``, so attribution is then ``unknown`` rather than guessed.
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


def labels(text: str, start: int = 0) -> list[re.Match[str]]:
    """The label matches that open turns (words such as ``Note:`` are not speakers)."""
    return [
        m for m in LABEL_RE.finditer(text, start)
        if m.group("label").upper().rstrip(".") not in _NOT_LABELS
    ]


def sniff(text: str, path: str | None) -> float:
    """Any text is plain text (the fallback); more so with ``NAME:`` lines (one is enough:
    a news site's clip transcript often has a single ``BIDEN:``)."""
    n = len(labels(text[:4000]))
    return 0.45 if n >= 2 else 0.3 if n == 1 else 0.05


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """Turns at ``NAME:`` lines; words before the first label are a speakerless turn."""
    meta, body = split_front_matter(text, path=path)
    found = labels(text, body) if sniff(text[body:], path) > 0.1 else []
    turns: list[Turn] = []
    first = found[0].start() if found else len(text)
    if text[body:first].strip():
        turns.append(make_turn(speaker_for(None), body, first, words_in(text, body, first)))
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        turns.append(make_turn(speaker_for(m.group("label")), m.start(), end,
                               words_in(text, m.end(), end)))
    return make_transcript(text, turns, fmt=NAME, meta=meta, path=path, id=id)
