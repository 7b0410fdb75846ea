"""Whether a speaker was relaying someone else's words at a point in a transcript.

"As the President has said, ..." or "he told me, quote, ..." before the matched
words means the speaker is reporting another person's words: the article
crediting the speaker (or that other person) is then ``indirect``.
"""

from __future__ import annotations

import re

from .models import Transcript
from .text import fold_typography

_CUE_RE = re.compile(
    r"(?P<cue>(?P<subject>(?:\b[\w.'-]+\s+){0,4}?)"
    r"\b(?:has\s+|have\s+|had\s+)?(?:said|says|say|saying|told\s+\w+|tells\s+\w+|stated|"
    r"put\s+it|wrote|writes|in\s+(?:his|her|their)\s+words|quote)"
    r"(?:\s+that)?)\s*[,:]?\s*(?:quote[,:]?\s*)?\"?\s*$",
    re.IGNORECASE,
)
_FIRST_PERSON = {"i", "we", "i've", "we've", "i'd", "we'd", "as i", "like i"}


def relayed_cue(transcript: Transcript, start: int, *, lookback: int = 90) -> str | None:
    """The reporting phrase right before ``start`` when it credits someone else."""
    turn = transcript.turn_at(start)
    lo = max(start - lookback, turn.span.start if turn else 0)
    before = fold_typography(transcript.text[lo:start]).replace("\n", " ")
    before = re.split(r"[.?!]\s", before)[-1]
    if open_quote_before(before):
        return before.strip()[-60:]
    m = _CUE_RE.search(before)
    if m is None:
        return None
    subject = m.group("subject").strip().lower().split()
    if not subject or subject[-1] in _FIRST_PERSON or " ".join(subject[-2:]) in _FIRST_PERSON:
        return None
    return " ".join(m.group("cue").split())


def open_quote_before(text: str) -> bool:
    """The speaker opened a quotation mark that is still open."""
    return text.count('"') % 2 == 1
