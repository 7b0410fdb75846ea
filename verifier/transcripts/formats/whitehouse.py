"""White House briefing-room pages: YAML front matter, then labelled paragraphs.

A turn opens with an upper-case label and a colon (``MS. JEAN-PIERRE:``,
``SENIOR ADMINISTRATION OFFICIAL:``) or a bare ``Q`` for a reporter. Time
stamps (``8:05 A.M. EST``, ``END 9:02 A.M. EST``) were never said and are
kept as metadata only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from verifier.models import NO_SPEAKER, Span, Speaker, Transcript, Turn
from verifier.transcripts.formats.frontmatter import split_front_matter
from verifier.transcripts.formats.paragraphs import paragraphs, spoken_parts, trim
from verifier.transcripts.speakers import role_for_label

NAME = "whitehouse"

# An upper-case label (letters of any script, dots, hyphens, apostrophes) then a colon; pages
# pad labels with no-break spaces as well as spaces ("MR.\u00a0 SULLIVAN:").
LABEL_RE = re.compile(
    r"[ \t]*(?:\*\*)?(?P<label>(?:[^\W\d_a-z]|[.'’\- \u00a0,&()/])*?[^\W\d_a-z.,'’\-]\.?"
    r"(?: \d)?)(?:\*\*)?:(?:\*\*)?(?=[\s\u00a0]|$)"
)
Q_RE = re.compile(
    r"[ \t]*(?P<label>Q)(?::|\.(?=\s)|[ \t\u00a0]{2,}|[ \t\u00a0](?=[A-Z\u2014\"“'‘(\[]))"
)
# A page that slipped a period for the colon: an honorific, an upper-case surname, a period and
# two spaces ("MR. KIRBY.  Thank you, Karine."): never the start of a sentence in prose.
PERIOD_LABEL_RE = re.compile(
    r"[ \t]*(?P<label>(?:MR|MS|MRS|DR)\. [A-Z][A-Z'\u2019\-]+(?: [A-Z][A-Z'\u2019\-]+)?)\.(?=[ \u00a0]{2})"
)
TIME_RE = re.compile(
    r"^(?:END\s+)?\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?\.?$"
)
_MAX_LABEL = 70
# Upper-case words with a colon that head a page's sections, not a speaker's words.
_NOT_LABELS = frozenset({"TRANSCRIPT", "SOURCE", "NOTE", "UPDATE", "EDITOR'S NOTE"})
# A line that may open a turn or be a time stamp: the cheap filter before the real tests.
_CANDIDATE_LINE_RE = re.compile(
    r"(?<=\n)(?=[ \t]*(?:\d{1,2}:\d\d|END\b|Q[ \t\u00a0:.]|(?:\*\*)?[A-Z][^\n:]{0,70}:))"
)
# A paragraph with no words, or only END / MORE: page furniture, never said.
_UNSPOKEN_RE = re.compile(r"^(?:[\W_]*|[\W_]*(?:END|MORE)[\W_]*)$")


def sniff(text: str, path: str | None) -> float:
    """Front matter with a title, or lines that open with Q / UPPER-CASE labels."""
    head = text[:4000]
    score = 0.0
    if head.startswith("---") and re.search(r"^(title|source_url):", head, re.MULTILINE):
        score += 0.6
    labels = sum(
        1 for m in re.finditer(r"^(?:Q {2,}|[A-Z][A-Z .\-']{1,40}:\s)", head, re.MULTILINE)
        if m.group(0).rstrip(": \n") not in _NOT_LABELS
    )
    score += min(labels, 4) * 0.1
    if labels and any(_is_time(line) for line in head.splitlines()[:60]):
        score += 0.3  # a briefing's opening time stamp (State Department, Presidency Project)
    return min(score, 1.0)


def find_label(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The speaker label opening the paragraph at ``start`` and where its words begin."""
    m = Q_RE.match(text, start, end) or PERIOD_LABEL_RE.match(text, start, end)
    if m is None:
        m = LABEL_RE.match(text, start, end)
        if m is None:
            return None
        label = m.group("label").strip()
        if (
            len(label) > _MAX_LABEL
            or not any(c.isalpha() for c in label)
            or label != label.upper()
            or TIME_RE.match(label)
        ):
            return None
    return " ".join(m.group("label").split()), m.end()  # "MR.\u00a0 SULLIVAN" is MR. SULLIVAN


def _is_time(line: str) -> bool:
    head = line.lstrip()[:1]
    if not (head.isdigit() or head == "E"):
        return False
    return TIME_RE.match(" ".join(line.replace("\u00a0", " ").split())) is not None


def _opens_turn_midway(text: str, start: int, end: int, after_hard_break: bool) -> bool:
    """A line inside a paragraph that opens a new turn (the page lost a blank line)."""
    head = text[start : min(end, start + _MAX_LABEL + 6)].lstrip(" \t*")
    if not head[:1].isupper() or (head[0] != "Q" and ":" not in head):
        return False
    found = find_label(text, start, end)
    if found is None:
        return False
    if after_hard_break:
        return True
    opening = text[start : found[1] + 2]
    return "\u00a0" in opening or "  " in opening


def _labelled_lines(text: str, para: Span) -> int:
    """How many of a paragraph's lines open with a label: two or more is a page that
    lost its blank lines (``MR PRICE: Hello.`` over ``QUESTION: Hello.``), one turn a line."""
    n = 0
    pos = para.start
    while pos < para.end:
        end = text.find("\n", pos, para.end)
        end = para.end if end < 0 else end
        found = find_label(text, pos, end)
        n += found is not None and found[0] not in _NOT_LABELS
        pos = end + 1
    return n


def blocks(text: str, start: int) -> Iterator[Span]:
    """Paragraphs, also split before a time-stamp line or a labelled line inside one."""
    for para in paragraphs(text, start):
        cut = para.start
        dense = _labelled_lines(text, para) >= 2
        for m in _CANDIDATE_LINE_RE.finditer(text, para.start, para.end):
            pos = m.end()
            line_end = text.find("\n", pos, para.end)
            line_end = para.end if line_end < 0 else line_end
            before = text[max(para.start, m.start() - 2) : m.start()]
            hard = dense or before.endswith(("  ", "\u00a0", "\\")) or _is_time(
                text[text.rfind("\n", para.start, m.start()) + 1 : m.start()]
            )
            is_time = _is_time(text[pos:line_end])
            if is_time or _opens_turn_midway(text, pos, line_end, hard):
                for a, b in ((cut, pos), (pos, line_end)) if is_time else ((cut, pos),):
                    span = trim(text, a, b)
                    if span is not None:
                        yield span
                cut = line_end if is_time else pos
        span = trim(text, cut, para.end)
        if span is not None:
            yield span


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """Parse a briefing-room page into turns; labelless pages become one speakerless turn.

    Lines before the opening time stamp (the room, the city, the date) and
    lines of bare punctuation (``\\###``, ``END``) were never said: they are kept
    as ``metadata["header"]`` or dropped, never put in a turn.
    """
    meta, body_start = split_front_matter(text, path=path)
    all_blocks = list(blocks(text, body_start))
    first_time = next(
        (i for i, b in enumerate(all_blocks[:8]) if _is_time(_first_line(text, b))), None
    )
    header: list[str] = []
    turns: list[Turn] = []
    times: list[str] = []
    label: str | None = None
    turn_start = body_start
    turn_end = body_start
    parts: list[Span] = []

    def close() -> None:
        if parts:
            speaker = NO_SPEAKER
            if label is not None:
                speaker = Speaker(label=label, role=role_for_label(label))
            turns.append(
                Turn(
                    speaker=speaker,
                    span=Span(start=turn_start, end=turn_end),
                    paragraphs=tuple(parts),
                )
            )

    for i, para in enumerate(all_blocks):
        first_line = _first_line(text, para)
        if _is_time(first_line):
            times.append(" ".join(first_line.replace("\u00a0", " ").split()))
            continue
        found = find_label(text, para.start, para.end)
        if found is None and first_time is not None and i < first_time:
            header.append(" ".join(para.of(text).replace("*", " ").split()))
            continue
        if found is None and _UNSPOKEN_RE.match(para.of(text)):
            continue
        words_start = para.start
        if found is not None:
            close()
            label, words_start = found
            turn_start = para.start
            parts = []
        content = trim(text, words_start, para.end)
        if content is not None:
            parts.extend(spoken_parts(text, content))
        turn_end = para.end
    close()
    metadata: dict[str, Any] = dict(meta)
    if times:
        metadata.setdefault("times", times)
    if header:
        metadata.setdefault("header", header)
    return Transcript(
        id=id,
        title=clean_title(str(meta.get("title") or "")),
        text=text,
        turns=tuple(turns),
        format=NAME,
        date=iso_date(meta.get("date")),
        source_url=str(meta["source_url"]) if meta.get("source_url") else None,
        path=path,
        metadata=metadata,
    )


def _first_line(text: str, span: Span) -> str:
    nl = text.find("\n", span.start, span.end)
    return text[span.start : nl if nl >= 0 else span.end]


def clean_title(title: str) -> str:
    """A title with its non-breaking spaces and runs of spaces made plain."""
    return " ".join(title.replace("\u00a0", " ").split())


def iso_date(value: object) -> str | None:
    """A front-matter date as YYYY-MM-DD, whether YAML parsed it or left it a string."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None
