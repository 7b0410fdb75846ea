"""Dates printed in a transcript's header, for files that carry no front matter.

Pages saved from the public sites open with the date: "August 18, 2016",
"Jan 22, 2021", "Feb. 28, 2014", "28 February 2014", "5/17/24", "2-28-14". The first
one in the opening lines is taken, and where it was found is kept so a reader can see why
the transcript has that date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        1,
    )
    for m in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
WORDY_RE = re.compile(
    r"\b(?P<month>" + _MONTH + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
DAY_FIRST_RE = re.compile(
    r"\b(?P<day>\d{1,2})\s+(?P<month>" + _MONTH + r")\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
NUMERIC_RE = re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])")
# "2-28-14", as video pages and podcast feeds print the day; not "1-800-555" (year digits).
DASHED_RE = re.compile(r"(?<![\d/-])(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d{4}|\d{2})(?![\d/-])")
ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
# A sidebar's news feed: "  • 1:52 pm Hong Kong protests: ..." under the day's date.
FEED_ITEM_RE = re.compile(r"[ \t]*[•*\-][ \t]*\d{1,2}:\d{2}[ \t]*[ap]\.?m\b", re.IGNORECASE)
# How far into the file a header date may be: past this it is something said, not the header.
HEADER_CHARS = 1500


@dataclass(frozen=True, slots=True, kw_only=True)
class FoundDate:
    """An ISO date and where it was printed (line number and the line itself)."""

    iso: str
    line: int
    text: str

    def describe(self) -> str:
        return f"header line {self.line}: {self.text!r}"


def _iso(year: str, month: str, day: str) -> str | None:
    y = int(year)
    if y < 100:
        y += 2000
    m = _MONTHS.get(month.lower().rstrip(".")) or int(month)
    try:
        return date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def date_in_header(text: str, start: int = 0, *, limit: int = HEADER_CHARS) -> FoundDate | None:
    """The date printed in the opening lines of ``text`` (from ``start``), if any.

    A dateline (a line that is only the date, as the archives print the day of
    the event) wins over a date inside a longer line (an issue's cover date).
    """
    head = text[start : start + limit]
    found: list[tuple[bool, int, str]] = []
    for rx in (WORDY_RE, DAY_FIRST_RE, NUMERIC_RE, DASHED_RE, ISO_RE):
        for m in rx.finditer(head):
            iso = _iso(m.group("year"), m.group("month"), m.group("day"))
            if iso is None:
                continue
            line_start = head.rfind("\n", 0, m.start()) + 1
            line_end = head.find("\n", m.end())
            line = head[line_start : len(head) if line_end < 0 else line_end]
            if line_end >= 0 and FEED_ITEM_RE.match(head, line_end + 1):
                continue  # the date over a site's feed of headlines, not the document's
            alone = len(line.strip(" \t,.-")) <= len(m.group(0)) + 12
            found.append((not alone, m.start(), iso))
    if not found:
        return None
    _, at, iso = min(found)
    pos = start + at
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    return FoundDate(
        iso=iso,
        line=text.count("\n", 0, pos) + 1,
        text=" ".join(text[line_start:line_end].split())[:80],
    )
