"""Captions: WebVTT and SRT. Cues merge into one turn per speaker run.

A speaker is named by a ``<v Name>`` voice tag, a ``NAME:`` or ``>> NAME:``
at the head of a cue line, or a line of its own (``The President:``); a bare
``>>`` or ``-`` says the speaker changed without naming them. Each cue's text
is a paragraph span (tags and markers cut out), so the aligner, which joins
paragraphs, matches sentences across cue breaks. The turn keeps the first cue's start and the last cue's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verifier.models import NO_SPEAKER, Span, Speaker, Transcript, Turn
from verifier.transcripts.formats.common import clock, make_transcript, make_turn, speaker_for, words_in
from verifier.transcripts.formats.frontmatter import split_front_matter
from verifier.transcripts.formats.paragraphs import cut_out

_TS = r"(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{1,3}"
TIMING_RE = re.compile(
    r"^[ \t]*(?P<start>" + _TS + r")[ \t]+-->[ \t]+(?P<end>" + _TS + r")[^\n]*$", re.MULTILINE
)
VOICE_RE = re.compile(r"<v(?:\.[\w.\-]+)?[ \t]+(?P<name>[^>\n]+)>")
# ``>> NAME:``, ``NAME:`` (upper case), ``>>`` alone, ``- `` at a line's head; or a line
# that is only a name in any case and a colon (``The President:``, ``President Obama:``).
LINE_SPEAKER_RE = re.compile(
    r"^[ \t]*(?:(?P<chev>>>)[ \t]*)?(?:(?P<name>[A-Z][A-Z.'’\- ]{1,40}[A-Z.]|\[[^\]\n]{1,40}\]"
    r"|[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}(?=[ \t]*:[ \t]*$))"
    r"[ \t]*:[ \t]*)?(?P<dash>-[ \t]+)?",
    re.MULTILINE,
)


# Captions for deaf and hard-of-hearing viewers describe sounds in a few bare words in
# parentheses or brackets: "(chuckles)", "(metal bangs wall)", "[MUSIC PLAYING]". Nobody said them.
_SOUND_WORDS = r"[A-Za-z][A-Za-z'’\-]*(?:[ \t]+[A-Za-z][A-Za-z'’\-]*){0,4}"
SOUND_RE = re.compile(r"\(" + _SOUND_WORDS + r"\)|\[" + _SOUND_WORDS + r"\]")

# A subtitle page's name for its clip: "English subtitles for clip: File:2009-11-07 ....ogv".
CLIP_TITLE_RE = re.compile(r"^[^\n]*\bclip: File:(?P<title>[^\n]+?)\.\w{2,5}[ \t]*$", re.MULTILINE)
# A cue that opens with a name in any case and a colon, words after it: "Amy Poehler: Hi,".
CUE_HEAD_NAME_RE = re.compile(r"[ \t]*(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2}):[ \t]+(?=\S)")


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption: when it shows, and where its text lies in the file."""

    start: str
    end: str
    text_start: int
    text_end: int


# A timing and its cue settings inside a line: a caption file whose line breaks were lost
# ("WEBVTT Kind: captions ... 00:07:10.169 --> 00:07:11.670 align:start position:0% good").
INLINE_TIMING_RE = re.compile(
    r"(?P<start>" + _TS + r")[ \t]+-->[ \t]+(?P<end>" + _TS + r")"
    r"(?:[ \t]+(?:align|position|line|size|region|vertical):\S+)*"
)


def cues(text: str, start: int = 0) -> list[Cue]:
    """Every cue with a timing line; NOTE, STYLE and REGION blocks have none and drop out."""
    found = list(TIMING_RE.finditer(text, start))
    if not found:
        return inline_cues(text, start)
    out: list[Cue] = []
    for i, m in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else len(text)
        blank = re.search(r"\n[ \t]*\n", text[m.end() : stop])
        text_end = m.end() + blank.start() if blank else stop
        out.append(Cue(m.group("start"), m.group("end"), m.end() + 1, max(m.end() + 1, text_end)))
    return out


def inline_cues(text: str, start: int = 0) -> list[Cue]:
    """Cues of a caption file flattened onto one line: each runs to the next timing."""
    found = list(INLINE_TIMING_RE.finditer(text, start))
    out: list[Cue] = []
    for i, m in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else len(text)
        out.append(Cue(m.group("start"), m.group("end"), m.end(), max(m.end(), stop)))
    return out


def sniff_vtt(text: str, path: str | None) -> float:
    """``WEBVTT`` on the first line, or a ``.vtt`` file with cue timings."""
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return 1.0
    has_timing = TIMING_RE.search(text[:4000]) is not None
    return 0.8 if has_timing and (path or "").lower().endswith(".vtt") else 0.0


def sniff_srt(text: str, path: str | None) -> float:
    """Numbered cues with ``00:00:01,000 --> 00:00:04,000`` timings."""
    head = text[:4000]
    if head.lstrip().startswith("WEBVTT"):
        return 0.0
    n = sum(1 for m in TIMING_RE.finditer(head) if "," in m.group("start"))
    if n == 0:
        return 0.0
    return 0.98 if re.match(r"\s*\d+\s*\n", head) else min(0.5 + 0.1 * n, 0.9)


def parse_vtt(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    return _parse(text, fmt="webvtt", path=path, id=id)


def parse_srt(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    return _parse(text, fmt="srt", path=path, id=id)


def _parse(text: str, *, fmt: str, path: str | None, id: str) -> Transcript:
    meta, body = split_front_matter(text, path=path)
    turns: list[Turn] = []
    speaker: Speaker = NO_SPEAKER
    changed = True  # the first cue opens a turn
    previous: list[str] = []  # the words of the cue before, for rolling auto-captions
    for cue in cues(text, body):
        words = _words(text, cue.text_start, cue.text_end)
        repeat_end = _repeated_prefix_end(previous, words)
        previous = [w for w, _ in words]
        for piece_start, piece_end, new_speaker, change in _cue_pieces(text, cue):
            if repeat_end is not None:
                # the words the last cue already showed: said once, kept once
                piece_start = max(piece_start, min(repeat_end, piece_end))
            if new_speaker is not None:
                changed = changed or new_speaker != speaker
                speaker = new_speaker
            elif change:
                changed, speaker = True, NO_SPEAKER
            parts = said_in(text, piece_start, piece_end)
            if not parts:
                continue
            if changed or not turns:
                turns.append(make_turn(speaker, parts[0].start, parts[-1].end, parts,
                                       start_time=clock(cue.start), end_time=clock(cue.end)))
                changed = False
            else:
                last = turns[-1]
                turns[-1] = make_turn(last.speaker, last.span.start, parts[-1].end,
                                      [*last.paragraphs, *parts],
                                      start_time=last.start_time, end_time=clock(cue.end))
    clip = CLIP_TITLE_RE.search(text, body, body + 400)
    if clip is not None and not meta.get("title"):
        meta = {**meta, "title": clip.group("title").strip()}
    return make_transcript(text, turns, fmt=fmt, meta=meta, path=path, id=id)


def said_in(text: str, start: int, end: int) -> list[Span]:
    """The spoken spans of a cue: noise markers, stage directions and sound descriptions cut out."""
    out = [piece for span in words_in(text, start, end) for piece in cut_out(text, span, SOUND_RE)]
    return [p for p in out if any(c.isalnum() for c in p.of(text))]


_WORD_RE = re.compile(r"[\w'’]+")
# Fewer shared words than this at a cue boundary is speech ("very, very"), not a rolled line.
MIN_ROLLED_WORDS = 2


def _words(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """A cue's words, folded, each with the offset just past it (tags left out)."""
    out: list[tuple[str, int]] = []
    for span in said_in(text, start, end):
        for m in _WORD_RE.finditer(text, span.start, span.end):
            out.append((m.group(0).casefold().replace("’", "'"), m.end()))
    return out


def _repeated_prefix_end(previous: list[str], words: list[tuple[str, int]]) -> int | None:
    """Where a cue's words stop repeating the end of the cue before (rolling auto-captions).

    YouTube-style captions show each line twice: at the bottom of one cue and
    the top of the next. The longest run of the new cue's opening words that
    ends the previous cue is cut, so each word is spoken once.
    """
    longest = min(len(previous), len(words))
    for k in range(longest, MIN_ROLLED_WORDS - 1, -1):
        if previous[-k:] == [w for w, _ in words[:k]]:
            return words[k - 1][1]
    return None


def _cue_pieces(text: str, cue: Cue) -> list[tuple[int, int, Speaker | None, bool]]:
    """A cue's text cut where the speaker changes: (start, end, named speaker, changed)."""
    marks: list[tuple[int, int, Speaker | None, bool]] = []  # (at, words start, speaker, change)
    for m in VOICE_RE.finditer(text, cue.text_start, cue.text_end):
        marks.append((m.start(), m.end(), speaker_for(m.group("name")), False))
    for m in LINE_SPEAKER_RE.finditer(text, cue.text_start, cue.text_end):
        if m.end() == m.start():
            continue
        name = m.group("name")
        spk = speaker_for(name) if name else None
        change = spk is None and bool(m.group("chev") or m.group("dash"))
        marks.append((m.start(), m.end(), spk, change))
    head = CUE_HEAD_NAME_RE.match(text, cue.text_start, cue.text_end)
    if head is not None and not marks:
        marks.append((head.start(), head.end(), speaker_for(head.group("name")), False))
    marks.sort()
    pieces: list[tuple[int, int, Speaker | None, bool]] = []
    pos, spk, change = cue.text_start, None, False
    for at, words_start, mark_spk, mark_change in marks:
        if at < pos:
            continue
        pieces.append((pos, at, spk, change))
        pos, spk, change = words_start, mark_spk, mark_change
    pieces.append((pos, cue.text_end, spk, change))
    return pieces

