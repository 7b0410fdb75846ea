"""YAML front matter (``---`` … ``---``) at the head of a Markdown file."""

from __future__ import annotations

import re
from typing import Any

from verifier.errors import QuotecheckError, TranscriptError
from verifier.yamlnodes import load_yaml

_OPEN_RE = re.compile(r"\A---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def body_offset(text: str) -> int:
    """Where the body starts, without parsing the YAML (0 if no closed front matter)."""
    opened = _OPEN_RE.match(text)
    close = _CLOSE_RE.search(text, opened.end()) if opened else None
    if close is None:
        return 0
    return close.end() + 1 if close.end() < len(text) else close.end()


def split_front_matter(
    text: str, *, path: str | None = None, error: type[QuotecheckError] = TranscriptError
) -> tuple[dict[str, Any], int]:
    """The front matter as a dict and the offset where the body starts (0 if none)."""
    if not _OPEN_RE.match(text):
        return {}, 0
    close = _CLOSE_RE.search(text, _OPEN_RE.match(text).end())  # type: ignore[union-attr]
    if close is None:
        raise error("front matter opened with '---' is never closed", path=path, line=1)
    raw = text[_OPEN_RE.match(text).end() : close.start()]  # type: ignore[union-attr]
    data: Any = {}
    if raw.strip():
        data, _ = load_yaml(
            raw, path=path, what="front matter", error=error, line_offset=1, bad="malformed front matter"
        )
    if not isinstance(data, dict):
        raise error("front matter must be a YAML mapping (key: value)", path=path, line=2)
    body = close.end() + 1 if close.end() < len(text) else close.end()
    return data, body
