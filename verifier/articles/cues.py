"""Attribution cues around a quote: who the article credits ("Kirby said", "said a reporter").

The words (cue verbs, role nouns, titles, pronouns) live in ``data/cues.yaml``; this module
only turns them into patterns and reads a speaker phrase the way the article prints it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from verifier.models import SpeakerKind
from verifier.text.shipped import shipped_data


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
    anonymous_nouns: frozenset[str]
    not_speech_leads: tuple[str, ...]
    place_words: frozenset[str]
    title_words: frozenset[str]
    suffixes: frozenset[str]
    fragment_verbs: frozenset[str]
    title_aliases: dict[str, str]
    institution_words: frozenset[str]
    not_descriptors: frozenset[str]
    document_nouns: frozenset[str]
    interview_labels: dict[str, str]
    business_nouns: frozenset[str]
    question_words: tuple[str, ...]
    issue_verbs: tuple[str, ...]


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
    raw: dict[str, Any] = shipped_data("cues.yaml")
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
        anonymous_nouns=frozenset(raw["speaker_kinds"]["anonymous_nouns"]),
        not_speech_leads=tuple(raw["not_speech_leads"]),
        place_words=frozenset(raw["place_words"]),
        title_words=frozenset(raw["title_words"]),
        suffixes=frozenset(raw["name_suffixes"]),
        fragment_verbs=frozenset(raw["fragment_verbs"]),
        title_aliases=dict(raw["title_aliases"]),
        institution_words=frozenset(raw["speaker_kinds"]["institution_words"]),
        not_descriptors=frozenset(raw["not_descriptors"]),
        document_nouns=frozenset(raw["documents"]["nouns"]),
        interview_labels=dict(raw["interview_labels"]),
        business_nouns=frozenset(raw["business_nouns"]),
        question_words=tuple(raw["question_words"]),
        issue_verbs=tuple(raw["documents"]["issue_verbs"]),
    )


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation, longest first, with spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# A capitalised name token: an initial or short abbreviation with its period, or a word.
NAME_TOKEN = r"[A-Z](?:[a-z]{0,3}\.(?=\s)|[\w’'\-]*)"
NAME_RUN = rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}|\n{NAME_TOKEN}){{0,6}}"


_AGE = r"(?:,\s*\d{1,3},)"  # "Jonas, 34, and Turner, 27, said"


@dataclass(frozen=True, slots=True)
class _Patterns:
    speaker_cue: re.Pattern[str]
    cue_speaker: re.Pattern[str]
    prep_speaker: re.Pattern[str]
    tail: re.Pattern[str]
    titled_cue_speaker: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """Compile the three attribution shapes, and what may follow one, from the vocabulary."""
    w = cue_words()
    dets = alternation(sorted(w.definite | w.indefinite))
    role = rf"(?i:\b(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,5}}?(?:{alternation(list(w.roles))}))(?![\w’'])"
    bare = rf"\b(?:{alternation([r.capitalize() for r in w.bare_roles] + list(w.bare_roles))})\b"
    pronoun = rf"\b(?:{alternation([p.capitalize() for p in w.pronouns] + list(w.pronouns))})\b"
    pair = rf"\b{NAME_RUN}(?:{_AGE}?\s+and\s+{NAME_RUN})?"
    speaker = rf"(?P<speaker>{role}|{bare}|{pronoun}|{pair})"
    # "said a man who gave only his first name": a described speaker keeps its clause
    relative = r"(?:\s+who\s+[^,;:!?“”\"\n.]{1,60}?(?=[,.;]|\s*$))?"
    inv_speaker = rf"(?P<speaker>{role}{relative}|{bare}|{pronoun}|{pair})"
    affil = rf"(?:\s+(?:{alternation(w.affiliation_words)})\s+(?:the\s+)?(?P<affil>{NAME_RUN}))?"
    told = (
        rf"told(?:\s+(?:{alternation(w.told_objects)}|(?:[Tt]he\s+)?{NAME_RUN}"
        r"|(?:an?|the|his|her|their)\s+(?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*(?=[\s,.;]|$)))?"
    )
    verbs = [v for v in w.verbs if v != "told"]
    cue = rf"(?P<cue>{told}|(?:{alternation(verbs)}))(?![\w’'])"
    # a single line break inside is a hard wrap; a blank line would end the paragraph
    appos = r"(?:,\s*(?P<appos>[^,;!?“”\"\s][^,;!?“”\"]{0,79}?),)?"
    tail_appos = r"(?:,\s*(?P<appos>[^,;!?“”\"\s.][^,;!?“”\"\n.]{0,79}))?"
    adverbs = rf"(?:\s+(?:{alternation(w.adverbs)}))*"
    inverted = [v for v in verbs if v not in ("called", "calls", "call", "described", "put it")]
    inv_cue = rf"(?P<cue>{alternation(inverted)})"
    prep = rf"(?P<cue>(?i:{alternation(w.prepositional)}))"
    preps = alternation(w.tail_prepositions)
    and_verbs = alternation(["added", "adds", "said", "says", "noted", "explained", "continued", "went on"])
    return _Patterns(
        speaker_cue=re.compile(rf"{speaker}{affil}{appos}{adverbs}\s+{cue}"),
        cue_speaker=re.compile(rf"{inv_cue}\s+{inv_speaker}{affil}{tail_appos}"),
        prep_speaker=re.compile(rf"{prep}\s+{speaker}{affil}"),
        tail=re.compile(
            rf"{adverbs}(?:\s+(?:(?:{preps})\b|[a-z]+ing\s|and\s+(?:{and_verbs})\b)[^,.;:!?“”\"\n]{{0,160}}?)?"
            r"(?=\s*(?:[,.;:!?—–“\"]|$))"
        ),
        titled_cue_speaker=re.compile(
            rf"{inv_cue}\s+(?P<desc>(?:[\w’'()-]+\s+){{1,5}}?)(?P<speaker>\b{NAME_RUN}){affil}{tail_appos}"
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
    return (
        _titled_cue_after(text, offset)
        or _titled_inverted_after(text, offset)
        or _described_cue_after(text, offset)
    )


def _titled_inverted_after(text: str, offset: int) -> Cue | None:
    """'…,” said commissioners chairman Lance Lambros.': a description between verb and name."""
    m = _patterns().titled_cue_speaker.match(text, offset)
    if m is None or not describes(m.group("desc")):
        return None
    cue = _to_cue(m, _ends_cleanly(m))
    if cue is None or cue.kind != "name" or not is_person_name(cue.speaker):
        return None
    return dataclasses.replace(cue, nouns=cue.nouns | role_nouns(m.group("desc")))


_DESCRIBED = re.compile(
    r"(?P<speaker>the\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z0-9][a-z0-9’'-]*[a-z0-9]))\s+"
    r"(?P<cue>said|says|told\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|added|explained|continued)"
    r"(?![\w’'])"
)


def _described_cue_after(text: str, offset: int) -> Cue | None:
    """'…,” the 54-year-old said': a description the vocabulary does not know as a role.

    Copy varies how it names the person it is quoting ("the disability support pensioner
    told Yahoo News"); such a definite description right after a quote points back to
    someone already in the story, and is resolved like "the official".
    """
    m = _DESCRIBED.match(text, offset)
    if m is None or _ends_cleanly(m) is None:
        return None
    phrase = " ".join(m.group("speaker").split())
    nouns = role_nouns(phrase) or frozenset({m.group("noun")})
    cue_text = " ".join(m.group("cue").split())
    return Cue(phrase, "role", cue_text, m.start("speaker"), _ends_cleanly(m) or m.end(), nouns, True)


def _titled_cue_after(text: str, offset: int) -> Cue | None:
    """', national security spokesman John Kirby said': a title run before the name."""
    m = _patterns().speaker_cue.search(text, offset, offset + 120)
    if m is None:
        return None
    skipped = text[offset : m.start()]
    if re.search(r"[^\w\s’'()-]", skipped) or len(skipped.split()) > 6:
        return None
    cue = _to_cue(m, _ends_cleanly(m))
    if cue is None or cue.kind != "name":
        return None
    if role_nouns(skipped) or (describes(skipped) and is_person_name(cue.speaker)):
        return cue
    return None


def describes(words: str) -> bool:
    """'neighbor', 'BRHD health officer', 'commissioners chairman': words describing a person.

    A description before a name holds no clause words (and, while, that, he ...), which
    would make the name the subject of a sentence of its own.
    """
    stops = cue_words().not_descriptors
    tokens = re.findall(r"[\w’'-]+", words.lower())
    return bool(tokens) and not any(t in stops for t in tokens)


def cue_before(text: str) -> Cue | None:
    """The last attribution in ``text`` (the sentence before an opening mark)."""
    p = _patterns()
    found: list[Cue] = []
    for pattern in (p.speaker_cue, p.prep_speaker):
        for m in pattern.finditer(text):
            if pattern is p.speaker_cue and _after_preposition(text, m.start()):
                continue
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
        return _role_subject(sentence)
    name, skipped, nouns = split_name(m.group("speaker"))
    if name is None or name.split()[0] in w.not_names:
        return _role_subject(sentence)
    start = m.start("speaker") + skipped
    return Cue(name, "name", "", start, start + len(name), nouns | nouns_before(sentence, start))


def _role_subject(sentence: str) -> Cue | None:
    """'The chairwoman was blunt:' or 'And from the chairwoman:' before a quote paragraph."""
    w = cue_words()
    dets = alternation(sorted(w.definite | w.indefinite))
    role = rf"(?i:\b(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,3}}?(?:{alternation(list(w.roles))}))(?![\w’'])"
    m = re.match(rf"\s*(?:(?i:and\s+)?(?i:from)\s+)?(?P<speaker>{role})", sentence)
    if m is None:
        return None
    phrase = " ".join(m.group("speaker").split())
    definite = phrase.split()[0].lower() in w.definite
    start = m.start("speaker")
    return Cue(phrase, "role", "", start, m.end(), role_nouns(phrase), definite)


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
    nouns = role_nouns(appos) | nouns_before(m.string, start)
    words = raw.split()
    if words[0].lower() in w.pronouns and len(words) == 1:
        return Cue(raw, "pronoun", cue_text, start, end, nouns)
    if len(words) == 1 and words[0].lower() in w.bare_roles:
        return Cue(raw, "role", cue_text, start, end, role_nouns(raw) | nouns)
    if words[0].lower() in w.definite | w.indefinite and role_nouns(raw):
        phrase = " ".join(words)
        definite = words[0].lower() in w.definite
        return Cue(phrase, "role", cue_text, start, end, role_nouns(raw) | nouns, definite)
    first, sep, second = re.sub(rf"{_AGE}(?=\s+and\s)", "", raw).partition(" and ")
    name, skipped, title_nouns = split_name(first if sep else raw)
    if name is None:
        return None
    affil = m.groupdict().get("affil")
    if affil and not sep:  # "Texas Department of Public Safety Director Steven McCraw"
        person, cut, job = split_name(affil)
        if person is not None and cut > 0 and is_person_name(person):
            at = m.start("affil") + cut
            return Cue(person, "name", cue_text, at, end, nouns | job)
    if not sep and is_job_word(name.split()[-1]) and not _institutional(name):  # "Boeing CEO said"
        phrase = " ".join(raw[skipped:].split())
        nouns |= job_nouns(phrase) | title_nouns
        return Cue(phrase, "role", cue_text, start + skipped, end, nouns, True)
    if sep:  # "Tom Reed and Ana Diaz said": both are credited, in print order
        other, _, other_nouns = split_name(second)
        if other is None:
            return None
        name, title_nouns = f"{name} and {other}", title_nouns | other_nouns
    return Cue(name, "name", cue_text, start + skipped, end, nouns | title_nouns)


def nouns_before(text: str, pos: int) -> frozenset[str]:
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
        if title is None:
            break
        if title in w.kept_titles and len(tokens) - i - len(title.split()) < 2:
            break  # "President Biden" is printed and resolved as such; "President Joe Biden" not
        nouns |= role_nouns(title) | {title.lower().rstrip(".")} | job_nouns(title)
        i += len(title.split())
    if i >= len(tokens):
        return None, 0, frozenset()
    institution = _institutional(" ".join(t for t, _ in tokens[i:]))  # "Malheur County Health Department"
    if tokens[i][0] not in w.kept_titles and not institution:
        i, cut = _after_job_words(tokens, i)
        nouns |= cut
    skipped = tokens[i][1]
    name = re.sub(r"\s+", " ", run[skipped:]).strip()
    last = name.split()[-1]
    if last.endswith(".") and len(last) > 2 and last not in w.honorifics and last not in w.suffixes:
        name = name[:-1]  # "said William Bell." ends a sentence, not an abbreviation
    if not any(c.islower() for c in name) and len(name) > 4:
        return None, 0, frozenset()  # an acronym run (NATO, U.N.) is not a speaker
    words = name.split()
    if (
        len(name) == 1
        or words[-1].endswith(("’s", "'s", "’", "s'"))
        or (len(words) == 1 and words[0].capitalize() in w.not_names)
    ):
        return None, 0, frozenset()  # "Hamilton’s comments", "THE": no speaker
    return name, skipped, frozenset(nouns)


def _after_job_words(tokens: list[tuple[str, int]], i: int) -> tuple[int, frozenset[str]]:
    """Skip a title run before a name: everything up to its last job word.

    "Tucson Police Chief Chris Magnus" is Chris Magnus; the run keeps at least one word,
    and a name of one capitalised word after the job words is a surname ("Chief Goodman").
    """
    w = cue_words()
    last = None
    for k in range(i, len(tokens) - 1):
        word = tokens[k][0].rstrip(",")
        bare = word.rstrip(".").lower()
        if (
            word in w.title_words
            or word in w.titles
            or bare in w.roles
            or (len(word) >= 3 and word.isupper() and word.isalpha())
            or word.endswith(("’s", "'s"))
        ):
            last = k
    if last is None:
        return i, frozenset()
    return last + 1, job_nouns(" ".join(t for t, _ in tokens[i : last + 1]))


def is_job_word(word: str) -> bool:
    """A title word that ends a run with no name after it ("Boeing CEO", "the Minister")."""
    w = cue_words()
    bare = word.rstrip(".,").lower()
    return (
        word in w.title_words
        or bare in w.roles
        or w.title_aliases.get(bare, "") in w.roles
        or (len(word) >= 3 and word.isupper() and word.isalpha() and bare in w.roles)
    )


def job_nouns(phrase: str) -> frozenset[str]:
    """Role nouns a printed title carries, abbreviations spelled out ("Gov." -> governor)."""
    w = cue_words()
    words = [t.rstrip(".").lower() for t in phrase.split()]
    return role_nouns(phrase) | frozenset(
        w.title_aliases.get(t, t) for t in words if w.title_aliases.get(t, t) in w.roles
    )


def role_nouns(phrase: str) -> frozenset[str]:
    """Role nouns printed in a phrase ("the NSC spokesman" -> {"spokesman"})."""
    roles = cue_words().roles
    return frozenset(t for t in re.findall(r"[a-z]+", phrase.lower()) if t in roles)


def name_gender(name: str, nouns: frozenset[str] = frozenset()) -> str:
    """male, female, plural or any: a title, a first name, a gendered role noun, or a pair."""
    w = cue_words()
    if " and " in name:
        return "plural"  # "Joe Jonas and Sophie Turner": they
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


def speaker_kind_of(name: str | None, phrase: str, nouns: frozenset[str]) -> SpeakerKind:
    """Person, institution, reporter, anonymous or described role, from the words printed.

    A resolved name is a person unless it carries an institution word ("Department of
    Transportation"); an unnamed role phrase is a reporter, an institution ("police"),
    an anonymous official or source, or else a described person ("the moderator").
    """
    w = cue_words()
    if name is not None:
        if re.fullmatch(r"[A-Z][A-Z&.]{1,9}", name):  # "CBT said", "the NWS warned"
            return SpeakerKind.INSTITUTION
        parts = name.split(" and ")
        return SpeakerKind.INSTITUTION if all(map(_institutional, parts)) else SpeakerKind.PERSON
    groups = {w.roles[n] for n in nouns if n in w.roles} | {
        w.roles[t] for t in phrase.lower().split() if t in w.roles
    }
    words = set(re.findall(r"[a-z]+", phrase.lower()))
    if "reporter" in groups:
        return SpeakerKind.REPORTER
    if "institution" in groups and not words & set(w.roles).difference(
        n for n, g in w.roles.items() if g == "institution"
    ):
        return SpeakerKind.INSTITUTION
    if words & w.anonymous_nouns:
        return SpeakerKind.ANONYMOUS
    return SpeakerKind.ROLE


def _institutional(name: str) -> bool:
    """An institution word ending the name, or opening an "X of Y" name.

    "Police Chief Ana Diaz" and "House Speaker Mike Johnson" end in a person's name;
    "the White House" and "Department of Transportation" do not.
    """
    w = cue_words()
    tokens = name.split()
    if not tokens:
        return False
    if tokens[-1] in w.institution_words:
        return True
    # "Department of Transportation", "Liberty County Office of Emergency Management"
    return "of" in tokens and any(t in w.institution_words for t in tokens[: tokens.index("of")])


def is_institution_name(name: str) -> bool:
    """'the County Council', 'Department of Transportation': an institution's printed name."""
    return _institutional(name)


def is_person_name(name: str) -> bool:
    """A printed name a pronoun may point back to: not a place's or an institution's."""
    tokens = name.split()
    if not tokens or tokens[-1] in cue_words().place_words:
        return False
    return not _institutional(name)


def fragment_subject(sentence: str) -> Cue | None:
    """The subject of the sentence a quoted fragment ends, when a speech verb links them."""
    cue = verb_subject(sentence) or sentence_subject(sentence)
    if cue is None:
        return None
    w = cue_words()
    words = set(re.findall(r"[a-z]+", sentence[cue.end :]))
    verbs = w.fragment_verbs | {v for v in w.verbs if " " not in v}
    speaking = {re.sub(r"(e|ed)$", "", v) + "ing" for v in verbs}  # declared -> declaring
    return cue if words & (verbs | speaking) else None


@cache
def _verb_subject_re() -> re.Pattern[str]:
    w = cue_words()
    dets = alternation(sorted(w.definite | w.indefinite))
    role = rf"(?i:\b(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,4}}?(?:{alternation(list(w.roles))}))(?![\w’'])"
    pronoun = rf"\b(?:{alternation([p.capitalize() for p in w.pronouns] + list(w.pronouns))})\b"
    verbs = alternation(sorted(w.fragment_verbs | {v for v in w.verbs if " " not in v}))
    aux = r"(?:\s+(?:also|later|then|even|again|already|has|had|have|was|is|had\s+already|once|earlier))*"
    return re.compile(
        rf"(?P<speaker>\b{NAME_RUN}|{role}|{pronoun})(?:(?:,[^,;:“”\"]{{1,60}}){{1,3}},)?{aux}\s+(?:{verbs})(?![\w’'])"
    )


_OBJECT_PREPOSITIONS = (
    "in",
    "at",
    "from",
    "of",
    "to",
    "for",
    "with",
    "on",
    "by",
    "near",
    "outside",
    "inside",
)


def _after_preposition(text: str, pos: int) -> bool:
    """A name printed right after "in", "from", "of" is an object, never the speaker."""
    return (
        re.search(rf"\b(?:{alternation(list(_OBJECT_PREPOSITIONS))})\s+$", text[max(0, pos - 12) : pos])
        is not None
    )


def verb_subject(sentence: str) -> Cue | None:
    """Who the speech verb nearest a quoted fragment belongs to, anywhere in its sentence.

    'Before all this though Christopher Pyne had already declared victory ... "an
    election winning machine"', 'investigations editor Sharri Markson reported that the
    ABC "is facing questions"': the last speaker phrase printed just before a speech verb.
    """
    found = list(_verb_subject_re().finditer(sentence))
    for m in reversed(found):
        raw = m.group("speaker")
        if _after_preposition(sentence, m.start()):
            continue  # "who now lives in King's Lynn, Norfolk, said": a place, not the subject
        first = raw.split()[0]
        w = cue_words()
        if first.lower() in w.pronouns:
            return Cue(raw, "pronoun", "", m.start("speaker"), m.end("speaker"))
        if first.lower() in w.definite | w.indefinite and role_nouns(raw):
            phrase = " ".join(raw.split())
            definite = first.lower() in w.definite
            return Cue(phrase, "role", "", m.start("speaker"), m.end("speaker"), role_nouns(phrase), definite)
        name, skipped, nouns = split_name(raw)
        if name is None or (len(name.split()) == 1 and name in w.not_names):
            continue
        start = m.start("speaker") + skipped
        return Cue(name, "name", "", start, m.end("speaker"), nouns | nouns_before(sentence, start))
    return None


def sentence_subject(sentence: str) -> Cue | None:
    """Who a sentence is about, when it opens with them and a verb follows.

    'Ortberg acknowledged that restoring the brand will "take time"', 'She cancelled the
    meeting, saying it was not "appropriate"': a fragment quoted inside the article's own
    sentence is its subject's words. Leading connectives ("However,") are skipped.
    """
    w = cue_words()
    lead = re.match(r"[\s\u2022\u00b7*\u2013\u2014-]*(?:(?:[A-Z][a-z]+|and|but|so)\s*,?\s+)*?", sentence)
    pos = lead.end() if lead else 0
    dets = alternation(sorted(w.definite | w.indefinite))
    role = rf"(?i:(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,4}}?(?:{alternation(list(w.roles))}))(?![\w’'])"
    pronoun = alternation([p.capitalize() for p in w.pronouns])
    verb = r"(?=(?:,[^,]{1,80},)?\s+(?:(?:also|later|then|even|again|has|had|have)\s+)*[a-z]{2,})"
    for _ in range(3):  # past up to three connectives that are not a subject
        m = re.compile(rf"(?P<speaker>{role}|(?:{pronoun})\b|{NAME_RUN}){verb}").match(sentence, pos)
        if m is None:
            return None
        raw = m.group("speaker")
        first = raw.split()[0]
        if first.lower() in w.pronouns:
            return Cue(raw, "pronoun", "", m.start(), m.end())
        if first.lower() in w.definite | w.indefinite and role_nouns(raw):
            phrase = " ".join(raw.split())
            definite = first.lower() in w.definite
            return Cue(phrase, "role", "", m.start(), m.end(), role_nouns(phrase), definite)
        if first in w.not_names and len(raw.split()) == 1:
            pos = m.end()
            nxt = re.match(r",?\s+", sentence[pos:])
            pos += nxt.end() if nxt else 0
            continue
        name, skipped, nouns = split_name(raw)
        if name is None:
            return None
        start = m.start() + skipped
        return Cue(name, "name", "", start, m.end(), nouns | nouns_before(sentence, start))
    return None


def label_lead(prefix: str) -> Cue | None:
    """'Armbruster: “…”' or 'Paul Pettit, Public Health director: “…”': a speaker label."""
    m = re.fullmatch(
        rf"\s*(?P<speaker>{NAME_RUN})(?:,[^:“”\"\n]{{1,80}})?\s*:\s*(?:\([^()\n]{{1,40}}\)\s*)?", prefix
    )
    if m is None:
        return None
    interview = cue_words().interview_labels.get(m.group("speaker").rstrip("."))
    if interview is not None:  # "Q:" and "A:" in an interview
        return Cue(
            m.group("speaker"), "role", "", m.start("speaker"), m.end("speaker"), frozenset({interview}), True
        )
    name, skipped, nouns = split_name(m.group("speaker"))
    if name is None:
        return None
    start = m.start("speaker") + skipped
    return Cue(name, "name", "", start, m.end("speaker"), nouns)
