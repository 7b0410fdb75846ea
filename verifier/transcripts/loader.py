"""Loading one transcript file: read safely, detect the format, parse, resolve speakers."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from verifier.errors import TranscriptError
from verifier.models import Transcript
from verifier.text.decode import read_text
from verifier.transcripts.formats import detect, get_format
from verifier.transcripts.formats.dates import HEADER_CHARS, FoundDate, date_in_header
from verifier.transcripts.speakers import Aliases, resolve_transcript


def transcript_id(path: str | Path) -> str:
    """A stable slug for a transcript: its file name without the extension."""
    stem = Path(path).stem
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "transcript"


def parse_transcript(
    text: str,
    *,
    path: str | None = None,
    format: str | None = None,
    id: str | None = None,
    aliases: Aliases | None = None,
) -> Transcript:
    """Parse transcript text (format detected unless named) and resolve its speakers.

    ``aliases`` (``speakers.load_aliases(corpus_dir)``) names who labels are; the
    shipped defaults apply when it is None.
    """
    fmt = get_format(format) if format else detect(text, path)
    tid = id or (transcript_id(path) if path else "transcript")
    transcript = fmt.parse(text, path=path, id=tid)
    if not transcript.turns:
        raise TranscriptError("no transcript text found (nothing but front matter?)", path=path)
    return resolve_transcript(with_date_source(transcript), aliases)


def with_date_source(transcript: Transcript) -> Transcript:
    """The transcript with its date and ``metadata["date_source"]`` saying where it came from.

    Front matter wins; else a date in the page's title line (a Rev page is
    posted the day after the event its title names); else the first date printed
    in the header, so that a page saved from a public site is dated as it prints itself.
    """
    if transcript.date:
        where = "front matter" if transcript.metadata.get("date") else "document"
        meta = {**transcript.metadata}
        meta.setdefault("date_source", where)
        return replace(transcript, metadata=meta)
    found = _date_in_title(transcript) or date_in_header(
        transcript.text, limit=min(HEADER_CHARS, _first_words_spoken(transcript))
    )
    if found is None:
        return transcript
    meta = {**transcript.metadata, "date_source": found.describe()}
    return replace(transcript, date=found.iso, metadata=meta)


def load_transcript(
    path: str | Path,
    *,
    format: str | None = None,
    require_speakers: bool = False,
    aliases: Aliases | None = None,
) -> Transcript:
    """Load one transcript file; with ``require_speakers``, refuse one with no speaker turns."""
    text = read_text(path, what="transcript")
    transcript = parse_transcript(text, path=str(path), format=format, aliases=aliases)
    if require_speakers and not transcript.has_speakers:
        raise TranscriptError(
            "no speaker turns found (expected labels such as 'MS. JEAN-PIERRE:' or 'Q')",
            path=str(path),
        )
    return transcript


def _first_words_spoken(transcript: Transcript) -> int:
    """Where the first labelled speaker starts: a date past it is something said, not the
    header's ("MR. KIRBY: On January 5, 2016, we..."). A page with no labels is all header
    as far as this can tell, so the header's usual length stands."""
    labelled = [t.span.start for t in transcript.turns if t.speaker.label]
    return min(labelled) if labelled else HEADER_CHARS


def _date_in_title(transcript: Transcript) -> FoundDate | None:
    """The date printed in the document's own title line, when the header holds that line."""
    title = str(transcript.metadata.get("title") or "")
    at = transcript.text.find(title[:60]) if title else -1
    if at < 0 or at > HEADER_CHARS:
        return None
    line_start = transcript.text.rfind("\n", 0, at) + 1
    line_end = transcript.text.find("\n", at)
    line_end = len(transcript.text) if line_end < 0 else line_end
    return date_in_header(transcript.text, line_start, limit=line_end - line_start)
