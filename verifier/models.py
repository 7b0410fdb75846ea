"""Frozen value types shared by every part of quotecheck.

Every span is a half-open range of character offsets into an *original*
text (the article as loaded, or a transcript's ``text``), never into a
normalised copy, so a report can always point at exactly what was printed.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A half-open character range [start, end) in an original, un-normalised text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Role(StrEnum):
    """What part a speaker plays at the event: decides how attribution is judged."""

    OFFICIAL = "official"
    ANONYMOUS = "anonymous_official"
    MODERATOR = "moderator"
    REPORTER = "reporter"
    OTHER = "other"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """Who holds the floor: the label as printed, and who that label really is."""

    label: str
    role: Role
    name: str | None = None
    title: str | None = None
    affiliation: str | None = None

    @property
    def display(self) -> str:
        """A short human label: the resolved name when known, else the label."""
        return self.name or self.label


NO_SPEAKER = Speaker(label="", role=Role.UNKNOWN)


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """One speaker's uninterrupted stretch; ``paragraphs`` cover only the words said.

    ``span`` runs from the speaker label to the end of the turn; ``paragraphs``
    leave out labels, time stamps and cue timings so they are never matched as words.
    """

    speaker: Speaker
    span: Span
    paragraphs: tuple[Span, ...]
    start_time: str | None = None
    end_time: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Transcript:
    """A parsed transcript: the original text plus the turns found in it."""

    id: str
    title: str
    text: str
    turns: tuple[Turn, ...]
    format: str
    date: str | None = None
    source_url: str | None = None
    path: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def turn_index_at(self, offset: int) -> int | None:
        """Index of the turn whose span contains ``offset``, if any."""
        starts = [turn.span.start for turn in self.turns]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.turns[i].span.end:
            return i
        return None

    def turn_at(self, offset: int) -> Turn | None:
        """The turn whose span contains ``offset``, if any."""
        i = self.turn_index_at(offset)
        return None if i is None else self.turns[i]

    @property
    def has_speakers(self) -> bool:
        return any(turn.speaker.role is not Role.UNKNOWN for turn in self.turns)


class QuoteFlag(StrEnum):
    """Facts about how a quote was printed that change how it is judged."""

    PARTIAL = "partial"  # a fragment inside the article's own sentence
    MULTI_PARAGRAPH = "multi_paragraph"  # reopened at each paragraph
    SPLIT = "split"  # interrupted by its attribution, matched as if elided
    SCARE = "scare"  # 1-2 words with no attribution: scare quote or title
    UNCLOSED = "unclosed"  # the article never closes it (recovered)
    UNOPENED = "unopened"  # a closing mark with no opening (recovered)
    NESTED = "nested"  # a single-quoted quote inside another quote
    TITLE = "title"  # a plan, book, programme or ranking's name (always with SCARE): not speech


class SpeakerKind(StrEnum):
    """What kind of speaker the article credits: decides what a credit can be checked against."""

    PERSON = "person"  # a named person ("John Kirby", "he" resolved to him)
    ROLE = "role"  # a described, unnamed person ("the moderator", "a man who ...")
    ANONYMOUS = "anonymous"  # an unnamed official, source or aide
    INSTITUTION = "institution"  # "police", "the Department of Transportation"
    REPORTER = "reporter"  # a reporter asking
    NOBODY = "nobody"  # no credit, or a pronoun with nobody to point back to


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A quoted passage as the article prints it, with whom the article credits.

    ``text`` is the quote's words; when ``pieces`` holds several spans (a quote
    split around its attribution, or over paragraphs) ``text`` joins them with
    `` ... `` so matching treats the join as an ellipsis.
    """

    text: str
    span: Span
    pieces: tuple[Span, ...] = ()
    attributed_to: str | None = None
    speaker_name: str | None = None
    cue: str | None = None
    context: Span | None = None
    flags: frozenset[QuoteFlag] = frozenset()
    transcript_hint: str | None = None
    speaker_kind: SpeakerKind = SpeakerKind.NOBODY
    speaker_mention: Span | None = None  # the earlier mention a pronoun or "the official" means
    speaker_mention_text: str | None = None  # that mention as printed, for reports

    @classmethod
    def typed(cls, text: str, *, attributed_to: str | None = None) -> Quote:
        """A quote typed by a user (not taken from an article): its span is itself."""
        return cls(text=text, span=Span(start=0, end=len(text)), attributed_to=attributed_to)


@dataclass(frozen=True, slots=True, kw_only=True)
class Alternative:
    """Another place the quote also matches, ranked below the best one."""

    transcript_id: str
    span: Span
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """Where a quote landed: the transcript span and where each piece fell."""

    transcript: Transcript
    span: Span
    pieces: tuple[Span, ...]
    score: float
    alternatives: tuple[Alternative, ...] = ()
    stitched: bool = False


class Fidelity(StrEnum):
    VERBATIM = "verbatim"
    PUNCTUATION = "punctuation"
    ELIDED = "elided"
    BRACKETED = "bracketed"
    MINOR_EDITS = "minor_edits"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"
    NOT_FOUND = "not_found"


class Attribution(StrEnum):
    CONFIRMED = "confirmed"
    MISATTRIBUTED = "misattributed"
    INDIRECT = "indirect"
    ANONYMOUS = "anonymous"
    UNATTRIBUTED = "unattributed"
    UNKNOWN = "unknown"


class Severity(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return {"ok": 0, "warn": 1, "fail": 2}[self.value]


class EditOp(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"  # words in the quote that the transcript does not have
    INSERT = "insert"  # words in the transcript that the quote does not have


class EditKind(StrEnum):
    """What an edit is, from harmless to meaning-changing."""

    SAME = "same"
    TYPOGRAPHY = "typography"
    PUNCTUATION = "punctuation"
    CAPITALISATION = "capitalisation"
    ELISION = "elision"
    BRACKET = "bracket"
    FILLER = "filler"
    GRAMMAR = "grammar"  # tense, number or contraction of the same word
    FUNCTION_WORD = "function_word"  # an article, preposition or conjunction
    SPELLING = "spelling"  # the same word spelt differently (a typo corrected)
    NEGATION = "negation"
    NUMBER = "number"
    NAME = "name"
    QUALIFIER = "qualifier"  # a quantifier, limiter, condition or hedge
    ANTONYM = "antonym"  # a word swapped for its opposite
    WORDING = "wording"  # ordinary words swapped: a synonym, a phrase tightened
    CONTENT = "content"  # a clause invented or dropped, a noun for a different thing


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """One step of the word-level edit script from the quote to the transcript."""

    op: EditOp
    quote_text: str
    transcript_text: str
    kind: EditKind
    quote_span: Span | None = None  # offsets into Quote.text
    transcript_span: Span | None = None  # offsets into Transcript.text


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """The verdict on one quote: what matched, how it differs, and why it matters."""

    quote: Quote
    match: Match | None
    speaker: Speaker | None
    edits: tuple[Edit, ...]
    fidelity: Fidelity
    attribution: Attribution
    severity: Severity
    score: float
    reasons: tuple[str, ...]
    lead: int = 0  # which reason decided the severity (the attribution's, when it is the worse)

    @property
    def deciding_reason(self) -> str | None:
        """The reason a one-line view shows: the one behind the verdict that counts most."""
        if not self.reasons:
            return None
        return self.reasons[self.lead if 0 <= self.lead < len(self.reasons) else 0]


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """An article as loaded: the text quotes are offsets into, and its metadata."""

    text: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    format: str = "text"  # text | markdown | html | claims
    claims: tuple[Quote, ...] | None = None  # a claims file's quotes, given not extracted
