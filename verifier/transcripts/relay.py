"""Whether a speaker was relaying someone else's words at a point in a transcript.

"What the President has said before stands today, which is, ..." or "he told
me, quote, ..." before the matched words, in the same sentence, means the speaker
is reporting another person's words: crediting the speaker (or that other
person) with them is then ``indirect``.
"""

from __future__ import annotations

import re

from verifier.models import Transcript
from verifier.text.tokens import fold_typography

_CUE_RE = re.compile(
    r"(?P<subject>\b(?:the\s+)?[\w.'-]+(?:\s+[\w.'-]+)?)\s+"
    r"(?:has\s+|have\s+|had\s+|has\s+long\s+|has\s+often\s+)?"
    r"(?:said|says|told\s+\w+|tells\s+\w+|stated|put\s+it|wrote|writes|made\s+(?:it\s+)?clear)\b"
    r"|\b(?:quote|in\s+(?:his|her|their)\s+words)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = {"i", "we", "i've", "we've", "i'd", "we'd", "you", "you've", "as i", "like i"}
# Words before "said" that make no speaker of it: "That said, ...", "Having said that".
_NOT_A_SUBJECT = {"that", "this", "it", "what", "which", "who", "as", "been", "having", "all",
                  "be", "is", "was", "being", "just", "well", "had", "has", "have"}
# A sentence ends at . ? ! and any closing quote after it: 'that you do?" We're dying'.
_SENTENCE_END_RE = re.compile(r"[.?!][\"”’']?\s")


def relayed_cue(transcript: Transcript, start: int, *, lookback: int = 160) -> str | None:
    """The reporting phrase before ``start``, in its sentence, when it credits someone else."""
    turn = transcript.turn_at(start)
    lo = max(start - lookback, turn.span.start if turn else 0)
    if turn is not None and turn.paragraphs:
        # only what was said: a label, a time line or a page's quote marks around a
        # segment (Factba.se prints '"The highest point ...') are not the speaker's
        spans = [p for p in turn.paragraphs if p.end > lo and p.start < start]
        raw = " ".join(transcript.text[max(p.start, lo) : min(p.end, start)] for p in spans)
        if spans and spans[-1].end < start:
            raw += " "  # the quote opens a new paragraph: the one before has ended
    else:
        raw = transcript.text[lo:start]
    before = fold_typography(raw).replace("\n", " ")
    before = _SENTENCE_END_RE.split(before)[-1]
    if before.count('"') % 2 == 1:
        return " ".join(before.split())[-60:]
    for m in reversed(list(_CUE_RE.finditer(before))):
        subject = (m.group("subject") or "").lower().split()
        if subject and (
            subject[-1] in _FIRST_PERSON
            or " ".join(subject[-2:]) in _FIRST_PERSON
            or subject[-1] in _NOT_A_SUBJECT
        ):
            continue
        return " ".join(m.group().split())
    return None
