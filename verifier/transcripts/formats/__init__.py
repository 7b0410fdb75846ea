"""Transcript formats: each module can say how likely a text is its format, and parse it.

``detect`` asks every format and takes the most confident one; a user can
override it by name. Adding a format is adding a module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from verifier.errors import TranscriptError
from verifier.models import Transcript
from verifier.transcripts.formats import captions, plaintext, presidency, segments, timestamped, whitehouse


@dataclass(frozen=True, slots=True)
class TranscriptFormat:
    """A named parser with a confidence test (0 = surely not, 1 = surely)."""

    name: str
    sniff: Callable[[str, str | None], float]
    parse: Callable[..., Transcript]


FORMATS: dict[str, TranscriptFormat] = {
    "whitehouse": TranscriptFormat("whitehouse", whitehouse.sniff, whitehouse.parse),
    "presidency": TranscriptFormat("presidency", presidency.sniff, presidency.parse),
    "timestamped": TranscriptFormat("timestamped", timestamped.sniff, timestamped.parse),
    "segments": TranscriptFormat("segments", segments.sniff, segments.parse),
    "webvtt": TranscriptFormat("webvtt", captions.sniff_vtt, captions.parse_vtt),
    "srt": TranscriptFormat("srt", captions.sniff_srt, captions.parse_srt),
    "plain": TranscriptFormat("plain", plaintext.sniff, plaintext.parse),
}


def detect(text: str, path: str | None = None) -> TranscriptFormat:
    """The format that claims ``text`` most confidently (ties: the first registered)."""
    best = max(FORMATS.values(), key=lambda fmt: fmt.sniff(text, path))
    return best if best.sniff(text, path) > 0 else FORMATS["plain"]


def get_format(name: str) -> TranscriptFormat:
    """A format by name, or a clear error listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise TranscriptError(f"unknown transcript format {name!r} (known: {known})") from None
