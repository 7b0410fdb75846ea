"""Who held which office when, from ``verifier/data/offices.yaml``, parsed once.

A label names a person (MR. KIRBY) or an office (THE PRESIDENT); either way the
title that fits is the one held on the transcript's date. Kirby spoke for the State
Department in 2016 and for the NSC in 2023: one title per person would put the
wrong words in a report, so the dates live here, as data, and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from verifier.errors import ConfigError
from verifier.text.shipped import shipped_data
from verifier.text.tokens import fold_typography

OFFICES_FILE = "verifier/data/offices.yaml"


@dataclass(frozen=True, slots=True)
class Term:
    """One holder of one office, from ``start`` until (not including) ``end``."""

    name: str
    title: str
    start: str
    end: str | None = None

    def holds_on(self, date: str | None) -> bool:
        return date is not None and self.start <= date and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Office:
    """An office: its title, the labels that name it, the phrases articles use for it."""

    key: str
    title: str
    labels: tuple[str, ...]
    phrases: tuple[str, ...]
    terms: tuple[Term, ...]

    def holder_on(self, date: str | None) -> Term | None:
        return next((t for t in self.terms if t.holds_on(date)), None)


@dataclass(frozen=True, slots=True)
class Offices:
    """Every office, and every term a person served, in the order the file gives them."""

    offices: tuple[Office, ...]

    def terms_of(self, name: str) -> tuple[Term, ...]:
        """Every term ``name`` served, in any office (the file's order)."""
        return tuple(t for o in self.offices for t in o.terms if t.name == name)

    def title_of(self, name: str, date: str | None) -> str | None:
        """The title ``name`` held on ``date``; None with no date or no term that day."""
        return next((t.title for t in self.terms_of(name) if t.holds_on(date)), None)

    def labelled(self, label: str) -> Office | None:
        """The office a label names on its own (THE PRESIDENT), compared upper-case."""
        upper = _upper(label)
        return next((o for o in self.offices if upper in o.labels), None)

    def holder_by_surname(self, surname: str, date: str | None, *, labelled: bool) -> Term | None:
        """The holder on ``date`` whose name ends in ``surname`` (``O'BRIEN``, ``VAN HOLLEN``),
        among the offices that have labels of their own (``labelled``) or those that have none."""
        words = _words(surname)
        if date is None or not words:
            return None
        for office in self.offices:
            if bool(office.labels) is not labelled:
                continue
            term = office.holder_on(date)
            if term is not None and _words(term.name)[-len(words) :] == words:
                return term
        return None


def _upper(text: str) -> str:
    return " ".join(fold_typography(text).upper().split())


def _words(name: str) -> list[str]:
    """A name's words folded for comparing surnames: ``Jean-Pierre`` is ``JEAN PIERRE``."""
    return _upper(name).replace("-", " ").replace(".", " ").split()


def parse_offices(data: object, *, source: str = OFFICES_FILE) -> Offices:
    """Offices from parsed YAML; a holder with no start, an end before its start or two
    holders of one office at once is a ``ConfigError`` naming the office."""
    if not isinstance(data, dict):
        raise ConfigError("offices must be a mapping of office to title and holders", path=source)
    offices: list[Office] = []
    for key, entry in data.items():
        if not isinstance(entry, dict) or not entry.get("title"):
            raise ConfigError(f"office {key!r} needs a title", path=source)
        title = str(entry["title"])
        terms = tuple(_term(key, title, h, source) for h in entry.get("holders") or [])
        _check_no_overlap(key, terms, source)
        offices.append(
            Office(
                key=str(key),
                title=title,
                labels=tuple(_upper(str(x)) for x in entry.get("labels") or []),
                phrases=tuple(str(x) for x in entry.get("phrases") or []),
                terms=terms,
            )
        )
    return Offices(offices=tuple(offices))


def _term(key: object, title: str, holder: Any, source: str) -> Term:
    if not isinstance(holder, dict) or not holder.get("name") or not holder.get("from"):
        raise ConfigError(f"office {key!r}: every holder needs a name and a from date", path=source)
    start, end = str(holder["from"]), str(holder["to"]) if holder.get("to") else None
    if end is not None and end <= start:
        raise ConfigError(f"office {key!r}: {holder['name']} ends before starting", path=source)
    return Term(name=str(holder["name"]), title=str(holder.get("title") or title), start=start, end=end)


def _check_no_overlap(key: object, terms: tuple[Term, ...], source: str) -> None:
    ordered = sorted(terms, key=lambda t: t.start)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.end is None or after.start < before.end:
            raise ConfigError(f"office {key!r}: {before.name} and {after.name} overlap", path=source)


@cache
def shipped_offices() -> Offices:
    """The shipped office data, parsed and checked once per process."""
    return parse_offices(shipped_data("offices.yaml"))
