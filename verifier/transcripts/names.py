"""Names in speaker labels and page titles: the surname, the title words, the printed case.

``MS. JEAN-PIERRE`` is Jean-Pierre, ``SENATOR VAN HOLLEN`` a senator named Van Hollen,
``MAYOR DE BLASIO`` de Blasio: the words that make a name stay together, in the case
the name is printed in. The vocabulary (honorifics, title words, particles) is data in
``verifier/data/speakers.yaml``.
"""

from __future__ import annotations

import re
from typing import Any

from verifier.text.shipped import shipped_data
from verifier.text.tokens import fold_typography

_ROLE_WORDS: dict[str, Any] = shipped_data("speakers.yaml")


def norm_label(label: str) -> str:
    """A label upper-cased with its spacing made plain, for comparing labels."""
    return " ".join(fold_typography(label).upper().split())


def norm_phrase(text: str) -> str:
    """A name or phrase folded for comparison: lower case, punctuation to spaces."""
    folded = fold_typography(text).casefold().replace("'s ", " ")
    return " ".join(re.sub(r"[^\w'\-]+", " ", folded).replace("-", " ").split())


_HONORIFICS = frozenset(_ROLE_WORDS["honorifics"])
_TITLE_WORDS = frozenset(_ROLE_WORDS["title_words"])
_CONNECTORS = frozenset({"of", "for", "the"})
_LOWER_PARTICLES = frozenset(_ROLE_WORDS.get("lowercase_particles", []))


def split_label(label: str) -> tuple[str | None, str | None]:
    """(title words, surname) of a label: ``SECRETARY MAYORKAS`` -> (Secretary, Mayorkas).

    A mixed-case label (``Joe Biden``) is taken as the name itself.
    """
    plain = " ".join(label.replace("\u00a0", " ").split())
    if plain != plain.upper():
        words = plain.split()
        return None, plain if len(words) >= 1 and words[0][:1].isupper() else None
    words = plain.split()
    if len(words) >= 2 and words[0].rstrip(".").upper() in _HONORIFICS:
        return None, name_case(" ".join(words[1:]))
    if len(words) >= 2 and words[0] != "THE":
        # leading title words (and 'of STATE' after one) are the title; the rest is the
        # name, particles and all: SENATOR DE LA CRUZ, ANDREW ROSS SORKIN
        n = 0
        while n < len(words) - 1:
            if words[n].rstrip(".").lower() in _TITLE_WORDS:
                n += 1
            elif n and words[n].lower() in _CONNECTORS and n + 2 < len(words):
                n += 2
            else:
                break
        title = name_case(" ".join(words[:n])) if n else None
        if title is not None:
            title = re.sub(r"\b(Of|The|For)\b", lambda m: m.group(0).lower(), title)
        return title, name_case(" ".join(words[n:]))
    return None, None


def name_case(word: str) -> str:
    """Upper-case words in name case: ``MCCARTHY`` -> ``McCarthy``, ``O’NEAL`` -> ``O’Neal``."""
    out = re.sub(r"\bMc(\w)", lambda m: "Mc" + m.group(1).upper(), word.title())
    words = out.split(" ")
    # DE BLASIO -> de Blasio, VON DER LEYEN -> von der Leyen: a listed particle is lower
    # case before the surname or another listed particle; DE LA CRUZ keeps its capitals
    low = [w.lower() in _LOWER_PARTICLES for w in words]
    keep = [False] * len(words)
    for k in range(len(words) - 2, -1, -1):
        keep[k] = low[k] and (k == len(words) - 2 or keep[k + 1])
    return " ".join(w.lower() if keep[k] else w for k, w in enumerate(words))


def surname_of(label: str) -> str | None:
    """The surname in an honorific label (``MS. JEAN-PIERRE`` -> ``Jean-Pierre``)."""
    title, surname = split_label(label)
    return surname if title is None and label == label.upper() else None


_SEPARATOR_RE = re.compile(r"(?:\b(?i:by|and|with|on|from|featuring)\s+|[,:;]\s*|\s[–—-]\s)")
# An outlet's possessive before a name in a title: "The Atlantic’s", "NPR's".
_POSSESSIVE_RE = re.compile(r"[’']s$")


def name_in_title(surname: str, title: str) -> tuple[str, str | None] | None:
    """Find ``surname`` in a title like '... by Press Secretary Karine Jean-Pierre and ...'."""
    m = re.search(
        r"\b([A-Z][\w’'\-]+\s+(?:[A-Z]\.\s+)?)(?i:"
        + r"\s+".join(re.escape(w) for w in surname.split())
        + r")\b",
        title,
    )
    if m is None:
        return None
    first = m.group(1).strip()
    surname_printed = title[m.end(1) : m.end()]
    # "Remarks by President Biden", "by Sir Elton John": a title or honorific, not a given name
    if first.casefold() in _TITLE_WORDS or first.rstrip(".").upper() in _HONORIFICS:
        first = ""
    name = f"{first} {surname_printed}".strip()
    if not first:
        m = re.search(re.escape(surname_printed), title)
        assert m is not None
    before = title[: m.start()]
    pieces = _SEPARATOR_RE.split(before)
    title_words = pieces[-1].strip() if pieces else ""
    if title_words and not title_words[0].isupper():
        title_words = ""
    return name, title_words or None
