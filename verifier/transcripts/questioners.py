"""Who asked: a moderator or press secretary names the next questioner, and we listen.

"Our first question is going to go to Cate Cadell with the Washington Post",
"Next, we'll go to Demetri with the FT", "Go ahead, Zeke": the reporter turns
(``Q``) that follow get that name and outlet, until the floor is handed on again.
A handoff with no name ("Go ahead.") ends the naming, so no later question is
credited to the wrong reporter.
"""

from __future__ import annotations

import re
from dataclasses import replace

from verifier.models import Role, Turn
from verifier.text.tokens import fold_typography

# A person's name as printed: one to three capitalised words (a middle initial allowed).
_NAME = r"(?P<name>[A-Z][\w'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'\-]+){0,2})"
_AFF = (
    r"(?:,?\s+(?:with|from|of|at)\s+(?P<aff>(?:the\s+)?[A-Z][\w.&’'\-]*"
    r"(?:\s+(?:[A-Z][\w.&’'\-]*|of|the|and|for|de|\d+))*))?"
)
_HANDOFFS = [
    r"(?i:(?:first|next|last|final|following)\s+question(?:\s+(?:is\s+going\s+to|will|we'll|"
    r"we\s+will))?\s+(?:go(?:es)?\s+(?:to|over\s+to)|come(?:s)?\s+from|is\s+from|be\s+from))\s+"
    + _NAME + _AFF,
    r"(?i:(?:we'll|we\s+will|we're\s+going\s+to|let's|let\s+me|I'll|I\s+will|I'm\s+going\s+to)"
    r"\s+(?:go|turn|come)\s+(?:over\s+|next\s+)?to)\s+" + _NAME + _AFF,
    r"\b(?:Go\s+ahead|Yes|Yeah|Okay|OK|Sure|Please),?\s+" + _NAME + _AFF + r"\s*[.!,?]",
    r"(?:^|[.!?]\s+)" + _NAME + _AFF + r",\s+go\s+ahead\b",
    r"^" + _NAME + _AFF + r"\.?$",
    r"(?:^|[.!?]\s+)" + _NAME
    + r",\s+(?:with|from|of)\s+(?P<aff2>[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*)*)\s*[.!?]?\s*$",
]
_HANDOFF_RE = [re.compile(p) for p in _HANDOFFS]
_NAMELESS_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:Yeah|Yes|Okay|OK|All\s+right|Sure),?\s+)?(?:go\s+ahead|next\s+question|"
    r"you\s+go\s+ahead)\s*[.!]?\s*$",
    re.IGNORECASE,
)
# Capitalised words that open a sentence but are never a name.
_NOT_NAMES = frozenset(
    "the a an our your my we i you it this that thanks thank yes yeah okay ok sure all "
    "go next first last let and but so well please mr ms mrs dr sir ma'am folks everybody "
    "everyone guys one two three back in on with right exactly correct absolutely no nope "
    "great good sorry hello hi bye true wow indeed certainly oh um uh look listen again "
    "fine perfect nothing none done president secretary".split()
)
_AFF_TRAILING = re.compile(r"(?:\s+(?:of|the|and|for|de))+$")


def find_handoff(words: str) -> tuple[str, str | None] | None | bool:
    """The last questioner a turn names: (name, outlet); False for a nameless handoff."""
    words = fold_typography(words)
    best: tuple[int, str, str | None] | None = None
    for pattern in _HANDOFF_RE:
        for m in pattern.finditer(words):
            name = m.group("name")
            if name.split()[0].casefold() in _NOT_NAMES:
                continue
            groups = m.groupdict()
            aff = groups.get("aff") or groups.get("aff2")
            if aff:
                aff = re.sub(r"^the\s+", "", aff).rstrip(".,")
                aff = _AFF_TRAILING.sub("", aff).strip() or None
            if best is None or m.start() >= best[0]:
                best = (m.start(), name, aff)
    nameless = _NAMELESS_RE.search(words)
    if nameless is not None and (best is None or nameless.start() > best[0]):
        return False
    return None if best is None else (best[1], best[2])


def _ends_of(text: str, turn: Turn, head: int = 160, tail: int = 400) -> str:
    """A turn's opening and closing words, folded: where handoffs are made."""
    first, last = turn.paragraphs[0], turn.paragraphs[-1]
    if last.end - first.start <= head + tail:
        raw = " ".join(p.of(text) for p in turn.paragraphs)
    else:
        opening = text[first.start : min(first.end, first.start + head)]
        closing = text[max(last.start, last.end - tail) : last.end]
        raw = f"{opening} … {closing}"
    return " ".join(fold_typography(raw).replace("\\", "").split())


def name_questioners(text: str, turns: list[Turn]) -> tuple[Turn, ...]:
    """Give each reporter turn the name and outlet the last handoff before it named."""
    current: tuple[str, str | None] | None = None
    out: list[Turn] = []
    for turn in turns:
        role = turn.speaker.role
        if role is Role.REPORTER:
            if current is not None and turn.speaker.name is None:
                name, aff = current
                turn = replace(turn, speaker=replace(turn.speaker, name=name, affiliation=aff))
        elif role in (Role.MODERATOR, Role.OFFICIAL, Role.ANONYMOUS):
            found = find_handoff(_ends_of(text, turn))
            if found is False:
                current = None
            elif found is not None:
                current = found  # type: ignore[assignment]
        out.append(turn)
    return tuple(out)
