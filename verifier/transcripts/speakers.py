"""Who a speaker label is: role, name, title and affiliation.

Word lists live in ``verifier/data`` (``speakers.yaml`` roles and phrases,
``offices.yaml`` office holders by date, ``aliases.yaml`` people) and in a
corpus's own ``speakers.yaml``, never in code, so a newsroom can extend them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from verifier.errors import ConfigError
from verifier.models import Role, Speaker, Transcript, Turn
from verifier.text.shipped import shipped_data
from verifier.transcripts.holders import (
    holder_by_name,
    holder_by_surname,
    is_office_label,
    office_holder,
)
from verifier.transcripts.names import (
    _HONORIFICS,
    _POSSESSIVE_RE,
    _TITLE_WORDS,
    name_in_title,
    norm_label,
    norm_phrase,
    split_label,
)
from verifier.transcripts.offices import Offices, shipped_offices
from verifier.transcripts.questioners import name_questioners
from verifier.yamlnodes import load_yaml

ALIAS_FILE = "speakers.yaml"
# Name parsing and office holders live in their own modules; these are read from here too.
__all__ = [
    "_HONORIFICS", "_TITLE_WORDS", "ALIAS_FILE", "Aliases", "Person", "holder_by_name",
    "holder_by_surname", "is_office_label", "load_aliases", "merge_aliases", "norm_label",
    "norm_phrase", "office_holder", "parse_aliases", "resolve_speaker", "resolve_transcript",
    "role_for_label", "role_words", "split_label",
]


def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = shipped_data(name)
    return data


def role_words() -> dict[str, Any]:
    """The shipped role vocabulary (speakers.yaml)."""
    return _data("speakers.yaml")


@lru_cache(maxsize=1)
def _unknown_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in role_words()["unknown_label_patterns"])


@lru_cache(maxsize=4096)
def role_for_label(label: str) -> Role:
    """The role a transcript label implies on its own, before any name is known."""
    words = role_words()
    upper = norm_label(label)
    if not upper:
        return Role.UNKNOWN
    if upper in words["reporter_labels"]:
        return Role.REPORTER
    if upper in words["moderator_labels"]:
        return Role.MODERATOR
    if upper in words["unknown_labels"] or any(p.search(upper) for p in _unknown_patterns()):
        return Role.UNKNOWN
    if any(marker in upper for marker in words["anonymous_label_markers"]):
        return Role.ANONYMOUS
    if upper in words["other_labels"] or upper.startswith(tuple(words["other_label_prefixes"])):
        return Role.OTHER
    return Role.OFFICIAL


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the alias file knows: labels and phrases that mean them, maybe for a time."""

    name: str
    title: str | None
    aliases: tuple[str, ...]
    start: str | None = None  # ISO date the phrases start to mean this person
    end: str | None = None  # first ISO date they no longer do
    # (title, from, to) when the person held several offices: the title depends on the date.
    titles: tuple[tuple[str, str | None, str | None], ...] = ()
    # A journalist (``role: reporter``) asks, and is never taken for an official.
    role: Role | None = None
    affiliation: str | None = None

    def title_on(self, date: str | None) -> str | None:
        """The title held on ``date``; with dated titles and no date (or none that fits), none.

        A wrong title is worse than no title: Kirby at State in 2016 is not the
        NSC coordinator he became in 2022.
        """
        if not self.titles:
            return self.title
        for title, start, end in self.titles:
            if date is not None and (start is None or start <= date) and (end is None or date < end):
                return title
        return None

    def current(self, date: str | None) -> bool:
        if date is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class Aliases:
    """The people a corpus knows, indexed by every alias (folded with ``norm_phrase``)."""

    people: tuple[Person, ...]
    index: Mapping[str, tuple[Person, ...]]
    source: str

    def lookup(self, phrase: str, date: str | None = None) -> Person | None:
        """The person a label or phrase means on ``date`` (undated aliases always apply)."""
        found = self.index.get(norm_phrase(phrase), ())
        dated = [p for p in found if p.start or p.end]
        plain = [p for p in found if not (p.start or p.end)]
        for person in dated:
            if person.current(date):
                return person
        return plain[0] if plain else None

    def title_for(self, name: str, date: str | None) -> str | None:
        """The title ``name`` held on ``date`` by any entry for them (a role phrase has none)."""
        for person in self.people:
            if person.name == name and (title := person.title_on(date)):
                return title
        return None

    def titles_of(self, name: str) -> tuple[str, ...]:
        out = [p.title for p in self.people if p.name == name and p.title]
        out += [t[0] for p in self.people if p.name == name for t in p.titles]
        return tuple(dict.fromkeys(out))

    def phrases_of(self, name: str, date: str | None) -> set[str]:
        """Every folded alias that means ``name`` on ``date``."""
        out: set[str] = {norm_phrase(name)}
        for person in self.people:
            if person.name == name and (person.current(date) or not (person.start or person.end)):
                out.update(person.aliases)
        return out


def parse_aliases(data: object, *, source: str, offices: Offices | None = None) -> Aliases:
    """Aliases from a parsed YAML mapping (``Name: [..]`` or ``Name: {title, aliases}``).

    Each person's dated titles come first from the office data (``offices.yaml``), then
    from the entry's own ``titles``; an office's ``phrases`` ("the press secretary")
    mean each of its holders for the time they held it.
    """
    offices = offices or shipped_offices()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("speaker aliases must be a mapping of name to aliases", path=source)
    people: list[Person] = []
    for key, value in data.items():
        entry: dict[str, Any] = {"aliases": value} if isinstance(value, list) else value or {}
        if not isinstance(entry, dict) or not isinstance(entry.get("aliases", []), list):
            raise ConfigError(f"bad entry for {key!r}: expected a list of aliases", path=source)
        name = str(entry.get("name") or key)
        aliases = tuple(norm_phrase(str(a)) for a in [name, *entry.get("aliases", [])])
        start, end = entry.get("from"), entry.get("to")
        role = entry.get("role")
        if role is not None and role not in {r.value for r in Role}:
            raise ConfigError(f"bad role for {key!r}: {role!r}", path=source)
        titles = entry.get("titles") or []
        if not isinstance(titles, list) or not all(
            isinstance(t, dict) and t.get("title") for t in titles
        ):
            raise ConfigError(f"bad titles for {key!r}: expected [{{title, from, to}}]", path=source)
        people.append(
            Person(
                name=name,
                title=str(entry["title"]) if entry.get("title") else None,
                aliases=aliases,
                start=str(start) if start else None,
                end=str(end) if end else None,
                titles=_office_titles(offices, name) + tuple(
                    (str(t["title"]), str(t["from"]) if t.get("from") else None,
                     str(t["to"]) if t.get("to") else None)
                    for t in titles
                ),
                role=Role(role) if role else None,
                affiliation=str(entry["affiliation"]) if entry.get("affiliation") else None,
            )
        )
    people += _office_phrases(offices)
    index: dict[str, tuple[Person, ...]] = {}
    for person in people:
        for alias in person.aliases:
            index[alias] = (*index.get(alias, ()), person)
    return Aliases(people=tuple(people), index=index, source=source)


def _office_titles(offices: Offices, name: str) -> tuple[tuple[str, str | None, str | None], ...]:
    return tuple((t.title, t.start, t.end) for t in offices.terms_of(name))


def _office_phrases(offices: Offices) -> list[Person]:
    """A dated person per holder of an office that articles name by a phrase."""
    return [
        Person(name=t.name, title=t.title, aliases=tuple(norm_phrase(p) for p in o.phrases),
               start=t.start, end=t.end, titles=_office_titles(offices, t.name))
        for o in offices.offices if o.phrases for t in o.terms
    ]


def merge_aliases(base: Aliases, extra: Aliases | None) -> Aliases:
    """``base`` with ``extra``'s people added (a config file's aliases over a corpus's)."""
    if extra is None:
        return base
    index: dict[str, tuple[Person, ...]] = dict(base.index)
    for key, people in extra.index.items():
        index[key] = tuple(people) + tuple(p for p in index.get(key, ()) if p not in people)
    return Aliases(
        people=base.people + extra.people, index=index, source=f"{base.source} + {extra.source}"
    )


def load_aliases(corpus_dir: str | Path | None = None) -> Aliases:
    """The corpus's ``speakers.yaml`` if it has one, else the shipped defaults."""
    if corpus_dir is not None:
        path = Path(corpus_dir) / ALIAS_FILE
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            stamp = None
        if stamp is not None:
            return _alias_file(str(path), stamp)
    return _shipped_aliases()


@lru_cache(maxsize=1)
def _shipped_aliases() -> Aliases:
    return parse_aliases(_data("aliases.yaml"), source="verifier/data/aliases.yaml")


@lru_cache(maxsize=16)
def _alias_file(path: str, stamp: int) -> Aliases:
    """An alias file, parsed once per modification time."""
    try:
        raw = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read speaker aliases: {exc}", path=path) from None
    data, _ = load_yaml(raw, path=path, what="speaker aliases YAML", error=ConfigError)
    return parse_aliases(data, source=path)


def resolve_transcript(transcript: Transcript, aliases: Aliases | None = None) -> Transcript:
    """The transcript with names, titles and named questioners filled in where they can be told."""
    aliases = aliases or load_aliases(None)
    cache: dict[str, Speaker] = {}
    turns: list[Turn] = []
    sole = None if transcript.has_speakers else speaker_from_title(transcript, aliases)
    names = full_names(transcript)
    for turn in transcript.turns:
        if sole is not None:
            turns.append(replace(turn, speaker=sole))
            continue
        label = turn.speaker.label
        if label not in cache:
            full = first_name_of(label, names)
            spoken = replace(turn.speaker, label=full) if full else turn.speaker
            cache[label] = replace(resolve_speaker(spoken, transcript, aliases), label=label)
        turns.append(replace(turn, speaker=cache[label]))
    return replace(transcript, turns=name_questioners(transcript.text, turns))


def full_names(transcript: Transcript) -> tuple[str, ...]:
    """The full names a transcript gives its speakers: its participant list, then its
    two-word-or-longer name labels (``Ned Price``), in order."""
    listed = transcript.metadata.get("participants") or []
    labels = [t.speaker.label for t in transcript.turns]
    out = [str(n) for n in listed] + [x for x in labels if len(x.split()) >= 2 and x != x.upper()]
    return tuple(dict.fromkeys(out))


def first_name_of(label: str, names: tuple[str, ...]) -> str | None:
    """The one full name whose first name is ``label`` (Rev's ``Karine:`` for Karine
    Jean-Pierre); None when no name or several fit, or the label is not a bare name."""
    if " " in label or not label[:1].isupper() or label == label.upper():
        return None
    if role_for_label(label) is not Role.OFFICIAL:
        return None
    fits = [n for n in names if n.split()[0].casefold() == label.casefold() and n != label]
    return fits[0] if len(fits) == 1 else None


def _surname_in_title(surname: str, label: str, title: str) -> tuple[str, str | None] | None:
    """The name and title words the page title gives for a label's surname.

    A surname of several words is looked for whole ("Mayor Bill de Blasio", "Lisa
    Blunt Rochester") unless what that finds holds title words ("National Climate
    Advisor Ali Zaidi": the label's words were a title the vocabulary lacks), when its
    last word answers instead. The last word alone must come with a given name, or
    with the label's other words as its title: TAOISEACH VARADKAR is "Leo Varadkar" and
    PRESIDEN BIDEN the title's "President Biden", but NATALIE BIDEN is not.
    """
    last = name_in_title(surname.split()[-1], title)
    if " " not in surname or label != label.upper():
        return last
    whole = name_in_title(surname, title)
    if whole is not None and not (last and _TITLE_WORDS & set(norm_phrase(whole[0]).split())):
        return whole
    if last is None or " " in last[0]:
        return last
    printed = norm_phrase(last[1] or "").split()
    extra = norm_phrase(surname).split()[:-1]
    close = all(any(SequenceMatcher(None, w, t).ratio() >= 0.8 for t in printed) for w in extra)
    return last if close else None


_BY_TITLE_RE = re.compile(
    r"^(?:Remarks|Prepared Remarks|Keynote Remarks|Address|Statement)\b[^:]*?\bby\s+"
    r"(?P<who>(?:[A-Z][\w.’'\-]*\s*)+?)"
    r"(?=\s+(?:at|on|in|to|for|before|during|after|announcing|honoring|addressing|with|"
    r"celebrating|marking|and)\b|\s*[:,(]|\s*$)"
)


def speaker_from_title(transcript: Transcript, aliases: Aliases) -> Speaker | None:
    """The one speaker of a page with no labels, when its title names them.

    "Remarks as Prepared for Delivery by First Lady Jill Biden at …" is all hers:
    without this, every quote from a prepared speech would be judged with no speaker.
    """
    m = _BY_TITLE_RE.match(transcript.title)
    if m is None:
        return None
    who = " ".join(m.group("who").split())
    speaker = resolve_speaker(Speaker(label=who.upper(), role=Role.OFFICIAL), transcript, aliases)
    return replace(speaker, label=who)


def resolve_speaker(
    speaker: Speaker, transcript: Transcript, aliases: Aliases | None = None
) -> Speaker:
    """Fill a speaker's name and title from aliases, office holders and the transcript title."""
    if speaker.name or speaker.role not in (Role.OFFICIAL, Role.OTHER):
        return speaker
    aliases = aliases or load_aliases(None)
    date = transcript.date
    person = aliases.lookup(speaker.label, date)
    if person is not None:
        found = name_in_title(person.name.split()[-1], transcript.title)
        title = found[1] if found and found[0] == person.name else None
        if person.role is not None and person.role is not Role.OFFICIAL:
            return replace(speaker, role=person.role, name=person.name,
                           affiliation=person.affiliation)
        dated = person.title_on(date) or aliases.title_for(person.name, date)
        if person.titles and title and dated and dated.casefold().endswith(title.casefold()):
            title = dated  # "Spokesperson" in the title, "State Department Spokesperson" that day
        title = title or dated
        return replace(speaker, name=person.name, title=title, affiliation=person.affiliation)
    held = (office_holder(speaker.label, date) or holder_by_surname(speaker.label, date)
            or holder_by_name(speaker.label, date))
    if held is not None:
        return replace(speaker, name=held[0], title=held[1])
    if speaker.role is Role.OTHER or is_office_label(speaker.label):
        return speaker  # THE PRESIDENT with no date: nobody, rather than a guess
    title_words, surname = split_label(speaker.label)
    if surname is None:
        return speaker
    found = _surname_in_title(surname, speaker.label, transcript.title)
    if found is not None and found[1] and _POSSESSIVE_RE.search(found[1]):
        # "Secretary Blinken With The Atlantic’s Jeffrey Goldberg": the outlet's interviewer
        outlet = _POSSESSIVE_RE.sub("", found[1])
        return replace(speaker, role=Role.REPORTER, name=found[0], affiliation=outlet)
    if found is not None:
        return replace(speaker, name=found[0], title=found[1] or title_words)
    return replace(speaker, name=surname, title=title_words)


