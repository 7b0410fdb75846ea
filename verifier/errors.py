"""The only exceptions quotecheck raises on purpose: unusable input, with where and why."""

from __future__ import annotations


class QuotecheckError(Exception):
    """Input quotecheck cannot use. Carries the file and line so the CLI can say where."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(QuotecheckError):
    """A file is missing, unreadable, empty, binary or not valid UTF-8."""


class TranscriptError(QuotecheckError):
    """A transcript cannot be parsed: malformed front matter, no speakers where needed."""


class ArticleError(QuotecheckError):
    """An article or claims file cannot be read."""


class ConfigError(QuotecheckError):
    """A configuration file has an unknown key or a bad value."""


class CorpusIndexError(QuotecheckError):
    """A persistent corpus index is unusable (corrupt, or from another version)."""


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset, for error messages."""
    return text.count("\n", 0, offset) + 1
