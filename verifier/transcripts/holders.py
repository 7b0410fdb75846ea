"""Office holders a label means on a date: THE PRESIDENT, PRESIDENT BIDEN, TRUMP, MR. DONILON.

The offices and their dated holders are ``verifier/data/offices.yaml``; this module
reads a label against them, and gives nobody rather than a guess when there is no date.
"""

from __future__ import annotations

from verifier.transcripts.names import _HONORIFICS, norm_label, norm_phrase, split_label
from verifier.transcripts.offices import shipped_offices


def office_holder(label: str, date: str | None) -> tuple[str, str] | None:
    """(name, title) of whoever held the office a label names (THE PRESIDENT) on ``date``."""
    offices = shipped_offices()
    upper = norm_label(label)
    office = offices.labelled(upper)
    if office is not None:
        term = office.holder_on(date)
        return (term.name, term.title) if term else None
    for office in offices.offices:
        prefix = office.title.upper() + " "
        if upper.startswith(prefix):  # PRESIDENT BIDEN: the holder with that surname
            surname = norm_phrase(upper[len(prefix) :])
            for t in office.terms:
                if norm_phrase(t.name).endswith(surname):
                    return t.name, t.title
    return None


def is_office_label(label: str) -> bool:
    """Whether a label names an office rather than a person (THE PRESIDENT, The President)."""
    return shipped_offices().labelled(label) is not None


def holder_by_name(label: str, date: str | None) -> tuple[str, str] | None:
    """(name, title) when a full-name label (``Joe Biden``) held an office on ``date``."""
    name = " ".join(label.split())
    title = shipped_offices().title_of(name, date) if " " in name else None
    return (name, title) if title else None


def holder_by_surname(label: str, date: str | None) -> tuple[str, str] | None:
    """(name, title) of the office holder on ``date`` a surname label means.

    A bare surname (TRUMP, as debate transcripts print the principals) is a holder of
    an office with labels of its own; an honorific and a surname (MR. DONILON,
    MS O'BRIEN) is a holder of a staff office, since MS. TRUMP at a Trump White House
    event is his daughter, not the First Lady. A title and a surname (SECRETARY KERRY)
    is the holder whose title has those words, so SENATOR SULLIVAN is not the adviser.
    """
    word = norm_label(label)
    if date is None:
        return None
    offices = shipped_offices()
    if " " not in word and word.isalpha():
        term = offices.holder_by_surname(word, date, labelled=True)
        return (term.name, term.title) if term else None
    first, _, rest = word.partition(" ")
    if first.rstrip(".") in _HONORIFICS:
        term = offices.holder_by_surname(rest, date, labelled=False)
        return (term.name, term.title) if term else None
    title_words, surname = split_label(label)
    if title_words and surname:
        term = offices.holder_by_surname(surname, date, labelled=False)
        wanted = set(norm_phrase(title_words).split())
        if term is not None and wanted <= set(norm_phrase(term.title).split()):
            return term.name, term.title
    return None
