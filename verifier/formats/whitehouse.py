"""White House briefing-room pages: YAML front matter, then labelled paragraphs.

A turn opens with an upper-case label and a colon (``MS. JEAN-PIERRE:``,
``SENIOR ADMINISTRATION OFFICIAL:``) or a bare ``Q`` for a reporter. Time
stamps (``8:05 A.M. EST``, ``END 9:02 A.M. EST``) were never said and are
kept as metadata only.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..models import NO_SPEAKER, Span, Speaker, Transcript, Turn
from ..speakers import role_for_label
from .frontmatter import split_front_matter
from .paragraphs import paragraphs, spoken_parts, trim

NAME = "whitehouse"

# An upper-case label (letters of any script, dots, hyphens, apostrophes) then a colon.
LABEL_RE = re.compile(
    r"[ \t]*(?:\*\*)?(?P<label>(?:[^\W\d_a-z]|[.'’\- ,&()/])*?[^\W\d_a-z.,'’\-]\.?"
    r"(?: \d)?)(?:\*\*)?:(?:\*\*)?(?=[\s\u00a0]|$)"
)
Q_RE = re.compile(r"[ \t]*(?P<label>Q)(?::|\.(?=\s)|[ \t\u00a0]{2,}|[ \t\u00a0](?=[A-Z\u2014\"“'‘(\[]))")
TIME_RE = re.compile(
    r"^(?:END\s+)?\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?\.?$"
)
_MAX_LABEL = 70


def sniff(text: str, path: str | None) -> float:
    """Front matter with a title, or lines that open with Q / UPPER-CASE labels."""
    head = text[:4000]
    score = 0.0
    if head.startswith("---") and re.search(r"^(title|source_url):", head, re.MULTILINE):
        score += 0.6
    labels = sum(1 for _ in re.finditer(r"^(?:Q {2,}|[A-Z][A-Z .\-']{1,40}: )", head, re.MULTILINE))
    score += min(labels, 4) * 0.1
    return min(score, 1.0)


def find_label(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The speaker label opening the paragraph at ``start`` and where its words begin."""
    m = Q_RE.match(text, start, end)
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
    return m.group("label").strip(), m.end()


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """Parse a briefing-room page into turns; labelless pages become one speakerless turn."""
    meta, body_start = split_front_matter(text, path=path)
    turns: list[Turn] = []
    times: list[str] = []
    label: str | None = None
    turn_start = body_start
    turn_end = body_start
    parts: list[Span] = []

    def close() -> None:
        if parts:
            speaker = (
                Speaker(label=label, role=role_for_label(label)) if label is not None else NO_SPEAKER
            )
            turns.append(
                Turn(
                    speaker=speaker,
                    span=Span(start=turn_start, end=turn_end),
                    paragraphs=tuple(parts),
                )
            )

    for para in paragraphs(text, body_start):
        first_line_end = text.find("\n", para.start, para.end)
        first_line = text[para.start : first_line_end if first_line_end >= 0 else para.end]
        if TIME_RE.match(first_line.strip().replace("\u00a0", " ")):
            times.append(" ".join(first_line.split()))
            continue
        found = find_label(text, para.start, para.end)
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
