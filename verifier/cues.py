"""Attribution cues around a quote: who the article credits ("Kirby said", "said a reporter").

The words (cue verbs, role nouns, titles, pronouns) live in ``data/cues.yaml``; this module
only turns them into patterns and reads a speaker phrase the way the article prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class CueWords:
    """The cue vocabulary from data/cues.yaml."""

    verbs: tuple[str, ...]
    told_objects: tuple[str, ...]
    prepositional: tuple[str, ...]
    adverbs: tuple[str, ...]
    pronouns: dict[str, str]
    roles: dict[str, str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    honorifics: dict[str, str]
    titles: dict[str, str]
    kept_titles: frozenset[str]
    not_names: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    gendered_nouns: dict[str, str]
    bare_roles: frozenset[str]
    lead_cues: tuple[str, ...]
    tail_prepositions: tuple[str, ...]
    affiliation_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    """An attribution found in the copy; offsets are relative to the searched string.

    ``speaker`` is the phrase as printed (apposition and leading titles left out);
    ``kind`` is name, pronoun or role; ``nouns`` are role nouns printed with it
    ("spokesman" from "John Kirby, the NSC spokesman") so later anaphora can find it.
    """

    speaker: str
    kind: str
    cue: str
    start: int
    end: int
    nouns: frozenset[str] = frozenset()
    definite: bool = False


@cache
def cue_words() -> CueWords:
    """Load the cue vocabulary once."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("verifier").joinpath("data/cues.yaml").read_text(encoding="utf-8")
    )
    dets = raw["determiners"]
    return CueWords(
        verbs=tuple(raw["verbs"]),
        told_objects=tuple(raw["told_objects"]),
        prepositional=tuple(raw["prepositional"]),
        adverbs=tuple(raw["adverbs"]),
        pronouns=dict(raw["pronouns"]),
        roles=dict(raw["roles"]),
        definite=frozenset(dets["definite"]),
        indefinite=frozenset(dets["indefinite"]),
        honorifics=dict(raw["honorifics"]),
        titles=dict(raw["titles"]),
        kept_titles=frozenset(raw["kept_titles"]),
        not_names=frozenset(raw["not_names"]),
        male_names=frozenset(raw["first_names"]["male"]),
        female_names=frozenset(raw["first_names"]["female"]),
        gendered_nouns=dict(raw.get("gendered_nouns") or {}),
        bare_roles=frozenset(raw["bare_roles"]),
        lead_cues=tuple(raw["lead_cues"]),
        tail_prepositions=tuple(raw["cue_tail_prepositions"]),
        affiliation_words=tuple(raw["affiliation_words"]),
    )


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation, longest first, with spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# A capitalised name token: an initial or short abbreviation with its period, or a word.
NAME_TOKEN = r"[A-Z](?:[a-z]{0,3}\.(?=\s)|[\w’'\-]*)"
NAME_RUN = rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}|\n{NAME_TOKEN}){{0,4}}"


@dataclass(frozen=True, slots=True)
class _Patterns:
    speaker_cue: re.Pattern[str]
    cue_speaker: re.Pattern[str]
    prep_speaker: re.Pattern[str]
    tail: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compile the three attribution shapes, and what may follow one, from the vocabulary."""
    w = cue_words()
    dets = _alt(sorted(w.definite | w.indefinite))
    role = rf"(?i:\b(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,5}}?(?:{_alt(list(w.roles))}))(?![\w’'])"
    bare = rf"\b(?:{_alt([r.capitalize() for r in w.bare_roles] + list(w.bare_roles))})\b"
    pronoun = rf"\b(?:{_alt([p.capitalize() for p in w.pronouns] + list(w.pronouns))})\b"
    speaker = rf"(?P<speaker>{role}|{bare}|{pronoun}|\b{NAME_RUN})"
    affil = rf"(?:\s+(?:{_alt(w.affiliation_words)})\s+(?:the\s+)?{NAME_RUN})?"
    told = rf"told(?:\s+(?:{_alt(w.told_objects)}|(?:The\s+)?{NAME_RUN}))?"
    verbs = [v for v in w.verbs if v != "told"]
    cue = rf"(?P<cue>{told}|(?:{_alt(verbs)}))(?![\w’'])"
    appos = r"(?:,\s*(?P<appos>[^,;!?“”\"\s][^,;!?“”\"\n]{0,79}?),)?"
    tail_appos = r"(?:,\s*(?P<appos>[^,;!?“”\"\s.][^,;!?“”\"\n.]{0,79}))?"
    adverbs = rf"(?:\s+(?:{_alt(w.adverbs)}))*"
    inverted = [v for v in verbs if v not in ("called", "calls", "call", "described", "put it")]
    inv_cue = rf"(?P<cue>{_alt(inverted)})"
    prep = rf"(?P<cue>(?i:{_alt(w.prepositional)}))"
    preps = _alt(w.tail_prepositions)
    return _Patterns(
        speaker_cue=re.compile(rf"{speaker}{affil}{appos}{adverbs}\s+{cue}"),
        cue_speaker=re.compile(rf"{inv_cue}\s+{speaker}{affil}{tail_appos}"),
        prep_speaker=re.compile(rf"{prep}\s+{speaker}{affil}"),
        tail=re.compile(
            rf"{adverbs}(?:\s+(?:(?:{preps})\b|[a-z]+ing\s)[^,.;:!?“”\"\n]{{0,80}}?)?"
            r"(?=\s*(?:[,.;:!?—–“\"]|$))"
        ),
    )


def _ends_cleanly(m: re.Match[str]) -> int | None:
    """Where an attribution ends, if only adverbs or a prepositional phrase follow its cue.

    "Kirby said on Friday." ends; "Kirby said the targets were..." is reported speech
    of its own, not the attribution of the quote before it.
    """
    tail = _patterns().tail.match(m.string, m.end())
    return None if tail is None else tail.end()


def cue_after(text: str) -> Cue | None:
    """An attribution starting ``text`` (what follows a closing mark): ', Kirby said'."""
    lead = re.match(r"[\s,]*(?:[—–-]\s*)?", text)
    offset = lead.end() if lead else 0
    p = _patterns()
    for pattern in (p.speaker_cue, p.cue_speaker, p.prep_speaker):
        m = pattern.match(text, offset)
        if m is not None:
            cue = _to_cue(m, _ends_cleanly(m))
            if cue is not None:
                return cue
    return _titled_cue_after(text, offset)


def _titled_cue_after(text: str, offset: int) -> Cue | None:
    """', national security spokesman John Kirby said': a title run before the name."""
    m = _patterns().speaker_cue.search(text, offset, offset + 120)
    if m is None:
        return None
    skipped = text[offset : m.start()]
    if re.search(r"[^\w\s’'-]", skipped) or len(skipped.split()) > 6:
        return None
    cue = _to_cue(m, _ends_cleanly(m))
    if cue is None or cue.kind != "name" or not role_nouns(skipped):
        return None
    return cue


def cue_before(text: str) -> Cue | None:
    """The last attribution in ``text`` (the sentence before an opening mark)."""
    p = _patterns()
    found: list[Cue] = []
    for pattern in (p.speaker_cue, p.prep_speaker):
        for m in pattern.finditer(text):
            cue = _to_cue(m, m.end())
            if cue is not None:
                found.append(cue)
    return max(found, key=lambda c: c.end, default=None)


def cue_in(text: str) -> Cue | None:
    """The first attribution anywhere in ``text`` after a comma: recovers an unclosed quote."""
    for m in re.finditer(r"[,?!—]\s+", text):
        cue = cue_after(text[m.end() :])
        if cue is not None and cue.start == 0:
            return Cue(
                speaker=cue.speaker,
                kind=cue.kind,
                cue=cue.cue,
                start=m.start() + 1,
                end=m.end() + cue.end,
                nouns=cue.nouns,
                definite=cue.definite,
            )
    return None


def subject_cue(sentence: str) -> Cue | None:
    """The speaker who opens a sentence with no cue verb ("Andrew Bates set the scene:")."""
    w = cue_words()
    m = re.match(rf"\s*(?P<speaker>{NAME_RUN})", sentence)
    if m is None:
        return None
    name, skipped, nouns = split_name(m.group("speaker"))
    if name is None or name.split()[0] in w.not_names:
        return None
    start = m.start("speaker") + skipped
    return Cue(name, "name", "", start, start + len(name), nouns | _nouns_before(sentence, start))


def _to_cue(m: re.Match[str], end: int | None) -> Cue | None:
    """Classify the matched speaker phrase; None when it is not a speaker after all."""
    if end is None:
        return None
    w = cue_words()
    raw = m.group("speaker")
    start = m.start("speaker")
    cue_text = re.sub(r"\s+", " ", m.group("cue"))
    if cue_text.lower() in w.prepositional:
        cue_text = cue_text.lower()
    appos = m.groupdict().get("appos") or ""
    nouns = role_nouns(appos) | _nouns_before(m.string, start)
    words = raw.split()
    if words[0].lower() in w.pronouns and len(words) == 1:
        return Cue(raw, "pronoun", cue_text, start, end, nouns)
    if len(words) == 1 and words[0].lower() in w.bare_roles:
        return Cue(raw, "role", cue_text, start, end, role_nouns(raw) | nouns)
    if words[0].lower() in w.definite | w.indefinite and role_nouns(raw):
        phrase = " ".join(words)
        definite = words[0].lower() in w.definite
        return Cue(phrase, "role", cue_text, start, end, role_nouns(raw) | nouns, definite)
    name, skipped, title_nouns = split_name(raw)
    if name is None:
        return None
    return Cue(name, "name", cue_text, start + skipped, end, nouns | title_nouns)


def _nouns_before(text: str, pos: int) -> frozenset[str]:
    """Role nouns in the few words printed just before a name ("spokesman John Kirby")."""
    words = re.split(r"[^\w\s’'-]", text[max(0, pos - 60) : pos])[-1].split()[-4:]
    return role_nouns(" ".join(words))


def split_name(run: str) -> tuple[str | None, int, frozenset[str]]:
    """A name run as printed, less leading sentence words and dropped titles.

    Returns the name (None when nothing name-like is left), how many characters were
    skipped from the front, and role nouns its titles carry ("Admiral" -> admiral).
    """
    w = cue_words()
    tokens = [(t.group(), t.start()) for t in re.finditer(r"\S+", run)]
    i = 0
    while i < len(tokens) and tokens[i][0] in w.not_names:
        i += 1
    nouns: set[str] = set()
    while i < len(tokens) - 1:
        two = f"{tokens[i][0]} {tokens[i + 1][0]}" if i + 1 < len(tokens) else ""
        three = " ".join(t for t, _ in tokens[i : i + 3])
        title = next((t for t in (three, two, tokens[i][0]) if t in w.titles), None)
        if title is None or title in w.kept_titles:
            break
        nouns |= role_nouns(title) | {title.lower().rstrip(".")}
        i += len(title.split())
    if i >= len(tokens):
        return None, 0, frozenset()
    skipped = tokens[i][1]
    name = re.sub(r"\s+", " ", run[skipped:]).strip()
    if not any(c.islower() for c in name) and len(name) > 4:
        return None, 0, frozenset()  # an acronym run (NATO, U.N.) is not a speaker
    return name, skipped, frozenset(nouns)


def role_nouns(phrase: str) -> frozenset[str]:
    """Role nouns printed in a phrase ("the NSC spokesman" -> {"spokesman"})."""
    roles = cue_words().roles
    return frozenset(t for t in re.findall(r"[a-z]+", phrase.lower()) if t in roles)


def name_gender(name: str, nouns: frozenset[str] = frozenset()) -> str:
    """male, female or any: from a courtesy title, a first name, or a gendered role noun."""
    w = cue_words()
    parts = name.split()
    if parts and parts[0] in w.honorifics and w.honorifics[parts[0]] != "any":
        return w.honorifics[parts[0]]
    for part in parts:
        if part in w.male_names:
            return "male"
        if part in w.female_names:
            return "female"
    for noun in nouns:
        if noun in w.gendered_nouns:
            return w.gendered_nouns[noun]
    return "any"


# --- Who an attribution refers to ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entity:
    """Someone the article has named or credited, as later anaphora may refer to them."""

    name: str | None  # resolved name, None for an unnamed role ("a senior official")
    phrase: str  # as printed
    nouns: frozenset[str]
    gender: str
    pos: int

    @property
    def label(self) -> str:
        return self.name or self.phrase


def _compatible(a: str, b: str) -> bool:
    return a == "any" or b == "any" or a == b


class SpeakerResolver:
    """Resolves "he", "the official", "Mr. Kirby" to the person the article means.

    Fed the article's attributions in order; it remembers who spoke, and knows every
    full name printed anywhere in the text (so "Kirby said" finds "John Kirby").
    """

    def __init__(self, text: str) -> None:
        self._mentions = _name_mentions(text)
        self._speakers: list[_Entity] = []

    def resolve(self, cue: Cue, pos: int) -> str | None:
        """The resolved speaker for an attribution at ``pos``; records it for later anaphora."""
        entity = self._entity_for(cue, pos)
        if entity is None:
            return None
        self._speakers.append(entity)
        return entity.label

    def _entity_for(self, cue: Cue, pos: int) -> _Entity | None:
        if cue.kind == "name":
            return self._named(cue, pos)
        if cue.kind == "pronoun":
            found = self._by_pronoun(cue.speaker.lower(), pos)
            return None if found is None else _moved(found, pos, cue.nouns)
        if not cue.definite:
            phrase = cue.speaker[:1].lower() + cue.speaker[1:]
            return _Entity(None, phrase, cue.nouns, name_gender("", cue.nouns), pos)
        found = self._by_role(cue, pos)
        if found is None:
            return _Entity(None, cue.speaker, cue.nouns, name_gender("", cue.nouns), pos)
        return _moved(found, pos, cue.nouns)

    def _named(self, cue: Cue, pos: int) -> _Entity:
        w = cue_words()
        core = [t for t in cue.speaker.split() if t not in w.honorifics]
        bare = [t for t in core if t not in w.kept_titles and t != "Vice"]
        name = " ".join(core)
        nouns = cue.nouns
        if len(bare) < 2 or len(bare) < len(core):
            full = self._full_name(bare[-1] if bare else core[-1], pos)
            if full is not None:
                name, nouns = full.label, nouns | full.nouns
        gender = name_gender(cue.speaker, nouns)
        if gender == "any":
            gender = name_gender(name, nouns)
        return _Entity(name, cue.speaker, nouns, gender, pos)

    def _full_name(self, surname: str, pos: int) -> _Entity | None:
        """The latest full name ending in ``surname``, before ``pos`` if any, else after."""
        matches = [m for m in self._mentions if m.name and m.name.split()[-1] == surname]
        before = [m for m in matches if m.pos < pos]
        if before:
            return before[-1]
        return matches[-1] if matches else None

    def _by_pronoun(self, pronoun: str, pos: int) -> _Entity | None:
        """Speakers of the same gender, then people named; then anyone compatible."""
        gender = cue_words().pronouns.get(pronoun, "any")
        people = [m for m in self._mentions if m.pos < pos and (m.gender != "any" or m.nouns)]
        exact = gender != "any"
        for same in (exact, False):
            for pool in (self._speakers, people):
                for entity in reversed(pool):
                    if entity.gender == gender if same else _compatible(gender, entity.gender):
                        return entity
        return None

    def _by_role(self, cue: Cue, pos: int) -> _Entity | None:
        """'the second official': a same-noun entity with its words, else by order or recency.

        Speakers and people the article introduced ("A senior administration official,
        speaking on condition of anonymity, ...") both count; a role group match
        ("the official" for a named spokesman) comes last.
        """
        w = cue_words()
        roles = w.roles
        modifiers = {
            t for t in cue.speaker.lower().split()[1:] if t not in roles and t not in w.definite
        }
        pool = sorted(
            self._speakers + [m for m in self._mentions if m.pos < pos], key=lambda e: e.pos
        )
        same = _distinct([e for e in pool if e.nouns & cue.nouns])
        worded = [e for e in same if modifiers <= set(e.phrase.lower().split())]
        if modifiers and worded:
            return worded[-1]
        ordinal = next((i for i, o in enumerate(_ORDINALS) if o in modifiers), None)
        if ordinal is not None and ordinal < len(same):
            return same[ordinal]
        if same:
            return same[-1]
        groups = {roles[n] for n in cue.nouns if n in roles}
        for entity in reversed(self._speakers):
            if {roles[n] for n in entity.nouns if n in roles} & groups:
                return entity
        return None


_ORDINALS = ("first", "second", "third")


def _distinct(entities: list[_Entity]) -> list[_Entity]:
    """One entry per person, at their latest position, ordered by first appearance."""
    order: dict[str, _Entity] = {}
    for e in entities:
        key = e.label.lower()
        if key in order:
            latest = order.pop(key)
            order[key] = _Entity(latest.name, latest.phrase, latest.nouns, latest.gender, e.pos)
            continue
        order[key] = e
    firsts = {k: i for i, k in enumerate(e.label.lower() for e in entities)}
    return sorted(order.values(), key=lambda e: firsts[e.label.lower()])


def _moved(entity: _Entity, pos: int, nouns: frozenset[str]) -> _Entity:
    return _Entity(entity.name, entity.phrase, entity.nouns | nouns, entity.gender, pos)


_MENTION_RE = re.compile(rf"\b{NAME_RUN}")
_APPOS_AFTER_RE = re.compile(r",\s*(?:the|a|an)\s+([^,;.!?“”\"\n]{1,60}),")


def _name_mentions(text: str) -> list[_Entity]:
    """Every full name printed (two or more capitalised words), with role nouns around it."""
    w = cue_words()
    out: list[_Entity] = []
    for m in _MENTION_RE.finditer(text):
        name, skipped, title_nouns = split_name(m.group())
        if name is None:
            continue
        core = [t for t in name.split() if t not in w.honorifics and t not in w.kept_titles]
        if core and core[0] == "Vice":
            core = core[1:]
        if len(core) < 2:
            continue
        start = m.start() + skipped
        appos = _APPOS_AFTER_RE.match(text, m.end())
        nouns = title_nouns | _nouns_before(text, start)
        nouns |= role_nouns(appos.group(1)) if appos else frozenset()
        full = " ".join(core)
        out.append(_Entity(full, name, nouns, name_gender(name, nouns), start))
    return sorted(out + _role_mentions(text), key=lambda e: e.pos)


def _role_mentions(text: str) -> list[_Entity]:
    """Unnamed people the article introduces: "A senior administration official, ..."."""
    w = cue_words()
    dets = _alt(sorted(w.indefinite))
    pattern = rf"(?i:\b(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,4}}?(?:{_alt(list(w.roles))}))(?![\w’'])"
    out: list[_Entity] = []
    for m in re.finditer(pattern, text):
        phrase = " ".join(m.group().split())
        phrase = phrase[:1].lower() + phrase[1:]
        nouns = role_nouns(phrase)
        out.append(_Entity(None, phrase, nouns, name_gender("", nouns), m.start()))
    return out
