"""Who a speaker label is: role, name, title and affiliation.

The words that mark roles (reporters, moderators, anonymous officials) live in
``verifier/data/speakers.yaml``, not in code, so a newsroom can extend them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .models import Role, Speaker, Transcript, Turn

_HONORIFIC_RE = re.compile(
    r"^(?:MR|MS|MRS|DR|MX|MISS|SEN|REP|GEN|ADM|AMB)\.?\s+", re.IGNORECASE
)


@lru_cache(maxsize=1)
def role_words() -> dict[str, Any]:
    """The shipped role vocabulary (speakers.yaml)."""
    text = resources.files("verifier").joinpath("data/speakers.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def role_for_label(label: str) -> Role:
    """The role a transcript label implies on its own, before any name is known."""
    words = role_words()
    upper = " ".join(label.upper().replace("\u00a0", " ").split())
    if upper in words["reporter_labels"]:
        return Role.REPORTER
    if upper in words["moderator_labels"]:
        return Role.MODERATOR
    if any(marker in upper for marker in words["anonymous_label_markers"]):
        return Role.ANONYMOUS
    if upper in words["other_labels"] or upper.startswith(tuple(words["other_label_prefixes"])):
        return Role.OTHER
    return Role.OFFICIAL


def surname_of(label: str) -> str | None:
    """The surname in an honorific label (``MS. JEAN-PIERRE`` -> ``Jean-Pierre``)."""
    m = _HONORIFIC_RE.match(label)
    if m is None:
        return None
    rest = label[m.end() :].strip()
    return rest.title() if rest else None


def resolve_transcript(transcript: Transcript) -> Transcript:
    """The transcript with every speaker's name and title filled in where it can be told."""
    cache: dict[str, Speaker] = {}
    turns: list[Turn] = []
    for turn in transcript.turns:
        label = turn.speaker.label
        if label not in cache:
            cache[label] = resolve_speaker(turn.speaker, transcript)
        turns.append(replace(turn, speaker=cache[label]))
    return replace(transcript, turns=tuple(turns))


def resolve_speaker(speaker: Speaker, transcript: Transcript) -> Speaker:
    """Fill a speaker's name and title from the transcript's title, when it names them."""
    if speaker.name or speaker.role is not Role.OFFICIAL:
        return speaker
    surname = surname_of(speaker.label)
    if surname is None:
        return speaker
    found = name_in_title(surname, transcript.title)
    if found is None:
        return replace(speaker, name=surname)
    name, title = found
    return replace(speaker, name=name, title=title)


def name_in_title(surname: str, title: str) -> tuple[str, str | None] | None:
    """Find ``surname`` in a title like '... by Press Secretary Karine Jean-Pierre and ...'."""
    m = re.search(
        r"((?:[A-Z][\w.’'\-]*\s+){0,8}?)([A-Z][\w’'\-]+\s+(?:[A-Z]\.\s+)?)" + re.escape(surname)
        + r"\b",
        title,
    )
    if m is None:
        return None
    first = m.group(2).strip()
    name = f"{first} {surname}".strip()
    title_words = m.group(1).strip()
    title_words = re.sub(r"^(?:.*\b(?:by|and|with|of)\s+)", "", title_words).strip()
    return name, title_words or None
