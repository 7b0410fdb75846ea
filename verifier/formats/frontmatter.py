"""YAML front matter (``---`` … ``---``) at the head of a Markdown file."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import QuotecheckError, TranscriptError

_OPEN_RE = re.compile(r"\A---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
# libyaml's safe loader when installed (same safety, ~10x faster), else the pure-Python one.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    try:
        data = yaml.load(raw, Loader=_SafeLoader) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise error(f"malformed front matter: {problem}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise error("front matter must be a YAML mapping (key: value)", path=path, line=2)
    body = close.end() + 1 if close.end() < len(text) else close.end()
    return data, body
