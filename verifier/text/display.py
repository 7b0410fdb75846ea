"""Text as a person reads it: Markdown backslash escapes dropped, for display only.

Transcripts and articles saved as Markdown print ``\\[Redacted\\]`` for ``[Redacted]``.
Every span stays an offset into the original text; only what is shown is unescaped,
piece by piece, after the original has been cut at its offsets.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def unescape_markdown(text: str) -> str:
    """``\\[moderator\\]`` -> ``[moderator]``: a backslash before Markdown punctuation dropped."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text
