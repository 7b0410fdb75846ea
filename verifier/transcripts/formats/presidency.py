"""The American Presidency Project and the printed Presidential Documents.

A turn opens a paragraph with a name in title case and a full stop, not a colon:

    The President. Good morning. ...
    Q. Mr. President, ...
    Secretary Rice. Thank you.

The speaker and the date stand in a header above the first turn; both are
kept as ``metadata["header"]`` (the date is read from it when the file is loaded).
"""

from __future__ import annotations

import re

from verifier.models import NO_SPEAKER, Role, Speaker, Transcript, Turn
from verifier.transcripts.formats.common import make_transcript, make_turn, words_in
from verifier.transcripts.formats.frontmatter import split_front_matter
from verifier.transcripts.speakers import role_for_label

NAME = "presidency"
# A title-case head: an office ("The President"), a reporter ("Q"), or a title and a surname.
HEAD_RE = re.compile(
    r"^[ \t]*(?P<label>Q|Reporter"
    r"|The (?:President|Vice President|First Lady|Second Gentleman|Press Secretary)"
    r"|(?:Mr|Mrs|Ms|Dr|Secretary|Ambassador|General|Admiral|Senator|Governor|Prime Minister"
    r"|Chancellor|Chairman|Chairwoman|Director|Administrator|Leader|Speaker|President)\.?"
    r"(?: [A-Z][\w'’\-]+){1,3}(?: \[[^\]\n]{1,40}\])?)\.(?:[ \t]+|[ \t]*\n[ \t]*)(?=\S)",
    re.MULTILINE,
)


def sniff(text: str, path: str | None) -> float:
    """Several paragraphs opening ``The President.`` or ``Q.``."""
    heads = [m.group("label") for m in HEAD_RE.finditer(text[:20000])]
    if not heads:
        return 0.0
    return min(0.45 + 0.1 * len(heads), 0.9)


def speaker_of(label: str) -> Speaker:
    """A speaker from a title-case head: ``Q`` is a reporter; an office is looked up by date."""
    if label in ("Q", "Reporter"):
        return Speaker(label=label, role=Role.REPORTER)
    upper = label.upper()
    return Speaker(label=upper, role=role_for_label(upper))


def parse(text: str, *, path: str | None = None, id: str = "") -> Transcript:
    """Turns from title-case heads; the lines above the first head are the header."""
    meta, body = split_front_matter(text, path=path)
    heads = list(HEAD_RE.finditer(text, body))
    turns: list[Turn] = []
    metadata = dict(meta)
    if heads:
        header = [" ".join(x.split()) for x in text[body : heads[0].start()].splitlines()]
        metadata.setdefault("header", [x for x in header if x])
        if not metadata.get("title") and metadata["header"]:
            metadata["title"] = _title_from(metadata["header"])
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        turns.append(make_turn(speaker_of(m.group("label")), m.start(), end,
                               words_in(text, m.end(), end)))
    if not heads:
        turns.append(make_turn(NO_SPEAKER, body, len(text),
                               words_in(text, body, len(text))))
    return make_transcript(text, turns, fmt=NAME, meta=metadata, path=path, id=id)


def _title_from(header: list[str]) -> str:
    """The first header line that is neither a bracketed note nor a markup tag nor a photo caption
    (the Project prints its portrait as "Photo of Donald Trump" above the title)."""
    for line in header:
        caption = line.endswith(" photo") or line.startswith("Photo of ")
        if not line.startswith(("[", "<")) and not caption:
            return line
    return header[0]
