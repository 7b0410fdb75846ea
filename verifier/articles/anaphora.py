"""Who an attribution refers to: "he added", "the official said", "Mr. Kirby said".

The article's named and role speakers are tracked in order; a pronoun, a role noun
or a surname resolves to the most recent compatible one.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from verifier.articles.cues import (
    NAME_RUN,
    Cue,
    alternation,
    cue_words,
    is_institution_name,
    is_job_word,
    is_person_name,
    name_gender,
    nouns_before,
    role_nouns,
    speaker_kind_of,
    split_name,
)
from verifier.models import Span, SpeakerKind


@dataclass(frozen=True, slots=True)
class _Entity:
    """Someone the article has named or credited, as later anaphora may refer to them."""

    name: str | None  # resolved name, None for an unnamed role ("a senior official")
    phrase: str  # as printed
    nouns: frozenset[str]
    gender: str
    pos: int
    subject: bool = True  # printed as a person is: with a verb, an apposition or a title

    @property
    def label(self) -> str:
        return self.name or self.phrase


def _compatible(a: str, b: str) -> bool:
    return a == "any" or b == "any" or a == b


@dataclass(frozen=True, slots=True)
class Credit:
    """A resolved credit: who, what kind of speaker, and the mention an anaphor points to."""

    name: str | None
    kind: SpeakerKind
    mention: Span | None


class SpeakerResolver:
    """Resolves "he", "the official", "Mr. Kirby" to the person the article means.

    Fed the article's attributions in order; it remembers who spoke, and knows every
    full name printed anywhere in the text (so "Kirby said" finds "John Kirby").
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._mentions = _name_mentions(text)
        self._mention_pos = [m.pos for m in self._mentions]  # in print order
        self._ordinal_spans = _ordinal_mentions(text)
        self._speakers: list[_Entity] = []
        self._printed: dict[str, list[Span]] = {}  # where each speaker's credits are printed
        self._ordinal_picks: list[tuple[Span, str]] = []  # "the first official" and whom it meant
        # whole-text scans the interview, document and company credits need, done once each
        # so an article with thousands of quotes costs one pass, not one pass per quote
        self._leaders: tuple[list[int], list[tuple[str, int]]] | None = None
        self._asks: tuple[list[int], list[_Entity]] | None = None
        self._issues: list[re.Match[str]] | None = None
        self._printings: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        self._issue_ends: list[int] = []
        self._surname_counts: dict[str, int] = {}

    def resolve(self, cue: Cue, pos: int) -> str | None:
        """The resolved speaker for an attribution at ``pos``; records it for later anaphora."""
        return self.credit(cue, pos).name

    def credit(self, cue: Cue, pos: int) -> Credit:
        """Who an attribution at ``pos`` (the quote's start) means, what kind, and from where.

        A pronoun or a definite role ("the official") also reports the latest earlier
        printed mention of the person it resolved to, so a reader can check the link.
        """
        entity = self._entity_for(cue, pos)
        printed = Span(start=cue.start, end=min(len(self._text), cue.start + len(cue.speaker)))
        if entity is None:
            return Credit(None, SpeakerKind.NOBODY, None)
        self._speakers.append(entity)
        self._printed.setdefault(entity.label.lower(), []).append(printed)
        kind = speaker_kind_of(entity.name, entity.phrase, entity.nouns)
        if cue.kind == "role" and speaker_kind_of(None, cue.speaker, cue.nouns) in (SpeakerKind.INSTITUTION,):
            kind = SpeakerKind.INSTITUTION  # "the company said": whichever company it is
        mention = None
        if cue.kind == "pronoun" or (cue.kind == "role" and cue.definite):
            mention = self._mention_of(entity, cue, min(pos, cue.start))
        return Credit(entity.label, kind, mention)

    def _mention_of(self, entity: _Entity, cue: Cue, pos: int) -> Span | None:
        """The latest printed mention of ``entity`` before ``pos`` that says more than the cue."""
        printed = self._printed.get(entity.label.lower(), [])
        spans = [s for s in printed[-_RECENT_PRINTINGS:] if s.end <= pos]
        words: list[str] = [entity.phrase]
        if entity.name is not None:
            core = entity.name.split()
            words += [entity.name, core[-1]]
        for phrase in words:
            spans += self._printings_before(phrase, entity.name is None, pos)
        spans += [s for s, label in self._ordinal_picks if label == entity.label.lower()]
        anaphor = " ".join(cue.speaker.lower().split())
        pronouns = cue_words().pronouns
        useful = [
            s
            for s in spans
            if s.end <= pos
            and " ".join(s.of(self._text).lower().split()) not in pronouns
            and " ".join(s.of(self._text).lower().split()) != anaphor
        ]
        definite = cue_words().definite
        informative = [s for s in useful if not _bare_definite(s.of(self._text), definite)]
        return max(informative or useful, key=lambda s: (s.end, -s.start), default=None)

    def _printings_before(self, phrase: str, any_case: bool, pos: int) -> list[Span]:
        """Where ``phrase`` is printed as whole words, ending by ``pos``.

        The text is scanned once per phrase and the printings kept, so an article with
        thousands of pronoun credits costs one pass per name, not one per credit.
        """
        key = (phrase, any_case)
        found = self._printings.get(key)
        if found is None:
            pattern = r"\s+".join(re.escape(t) for t in phrase.split())
            flags = re.IGNORECASE if any_case else 0
            printed = re.finditer(rf"(?<![\w’'])(?:{pattern})", self._text, flags)
            found = [(m.start(), m.end()) for m in printed]
            self._printings[key] = found
        upto = bisect.bisect_right(found, pos, key=lambda se: se[1])
        out = []
        for start, end in found[max(0, upto - _RECENT_PRINTINGS) : upto]:  # the latest ones
            if end == pos or not _WORDISH.match(self._text, end):  # a whole word in text[:pos]
                out.append(Span(start=start, end=end))
        return out

    def _entity_for(self, cue: Cue, pos: int) -> _Entity | None:
        if cue.kind == "role" and cue.nouns & {"questioner", "answerer"}:
            return self._interviewee(pos) if "answerer" in cue.nouns else self._questioner(pos)
        if cue.kind == "role" and cue.nouns & cue_words().document_nouns:
            issuer = self._issuer(cue, pos)
            if issuer is not None:
                return issuer
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

    def _organisation(self, pos: int) -> _Entity | None:
        """The business an article is about: the capitalised word it prints most, not a person.

        Copy names a company once or twice ('Chemours shares plunged', 'AstraZeneca')
        and then calls it "the company"; the name it repeats at least three times, in
        mid-sentence and never as part of a person's name, is that company.
        """
        ends, leaders = self._business_leaders()
        k = bisect.bisect_right(ends, pos)
        if k == 0:
            return None
        word, n = leaders[k - 1]
        if n < _ORGANISATION_MENTIONS:
            return None
        return _Entity(word, word, frozenset({"company"}), "any", pos)

    def _business_leaders(self) -> tuple[list[int], list[tuple[str, int]]]:
        """Each candidate business word's end, and the word printed most up to it (first on ties)."""
        if self._leaders is not None:
            return self._leaders
        w = cue_words()
        people = {t for m in self._mentions if m.name and _person(m) for t in m.name.split()}
        counts: dict[str, int] = {}
        order: dict[str, int] = {}
        ends: list[int] = []
        leaders: list[tuple[str, int]] = []
        best, best_n = "", 0
        for m in _BUSINESS_WORD.finditer(self._text):
            word = m.group(1)
            before = self._text[max(0, m.start() - 1) : m.start()]
            if word in people or word in w.not_names or word in w.titles or before in ("\n", ""):
                continue
            if word in w.place_words or word.lower() in w.roles:
                continue
            order.setdefault(word, len(order))
            n = counts[word] = counts.get(word, 0) + 1
            if n > best_n or (n == best_n and order[word] < order[best]):
                best, best_n = word, n
            ends.append(m.end())
            leaders.append((best, best_n))
        self._leaders = (ends, leaders)
        return self._leaders

    def _interviewee(self, pos: int) -> _Entity | None:
        """Who answers an interview's "A:": the person the article names most often."""
        counts: dict[str, int] = {}
        people = [m for m in self._mentions if m.name and m.gender != "plural" and _person(m)]
        for m in people:
            surname = m.name.split()[-1] if m.name else ""
            if surname not in self._surname_counts:
                self._surname_counts[surname] = len(re.findall(rf"\b{re.escape(surname)}\b", self._text))
            counts[m.label] = self._surname_counts[surname]
        asker = self._questioner(pos)
        ranked = sorted(
            (e for e in people if asker is None or e.label != asker.label), key=lambda e: -counts[e.label]
        )
        return _moved(ranked[0], pos, frozenset()) if ranked else None

    def _questioner(self, pos: int) -> _Entity | None:
        """Who asks an interview's "Q:": the person the latest narration says asks, or a reporter.

        "starting with Jon Delano's questions", "Delano followed up"; narration in the first
        person ("I then joined in with my own followup questions") is the reporter's own.
        """
        ends, askers = self._askers()
        k = bisect.bisect_right(ends, pos)
        if k == 0:
            return _Entity(None, "reporter", frozenset({"reporter"}), "any", pos)
        return _moved(askers[k - 1], pos, frozenset())

    def _askers(self) -> tuple[list[int], list[_Entity]]:
        """Every narration line that says who asks, in print order, with whom it names."""
        if self._asks is not None:
            return self._asks
        reporter = _Entity(None, "reporter", frozenset({"reporter"}), "any", 0)
        ends: list[int] = []
        askers: list[_Entity] = []
        for ask in _question_re().finditer(self._text):
            # the line of narration up to the question word, within reach of it
            start = max(self._text.rfind("\n", 0, ask.start()) + 1, ask.start() - _ASK_REACH)
            line = self._text[start : ask.end()]
            if re.search(r"[“”\"]", line):
                continue  # a question word inside the quoted words themselves
            asker = self._asker_in(line, start, ask.start())
            if asker is None and re.search(r"\b(?:I|my|me)\b", line):
                asker = reporter
            if asker is not None:
                ends.append(ask.end())
                askers.append(asker)
        self._asks = (ends, askers)
        return self._asks

    def _asker_in(self, line: str, start: int, ask: int) -> _Entity | None:
        """The person a narration line names before its question word."""
        k = bisect.bisect_left(self._mention_pos, ask)
        while k > 0 and self._mentions[k - 1].pos >= start:  # the latest person named first
            k -= 1
            mention = self._mentions[k]
            if mention.name and _person(mention):
                return mention
        for m in _MENTION_RE.finditer(line):
            full = self._full_name(m.group().split()[-1], start + m.start())
            if full is not None:
                return full
        return None

    def _issuer(self, cue: Cue, pos: int) -> _Entity | None:
        """Whose words 'the statement' carries: who the copy says issued it, latest first.

        'The Liberty County Office of Emergency Management issued a statement', 'a joint
        statement from Marc Elrich and the County Council', 'In a news release, Sarah
        Poe ... said': the issuer is credited; with none printed the document stays.
        """
        m = self._last_issue(min(pos, cue.start))
        if m is None:
            return None
        group = "issuer" if m.group("issuer") else "issuer2"
        sides = [self._party(side, m.start(group)) for side in _parties(m.group(group))]
        if not sides or any(e is None for e in sides):
            return None
        parties = [e for e in sides if e is not None]
        if len(parties) == 1:
            return _moved(parties[0], pos, parties[0].nouns)
        label = " and ".join(e.label for e in parties)
        return _Entity(label, m.group(group), frozenset().union(*(e.nouns for e in parties)), "plural", pos)

    def _last_issue(self, cut: int) -> re.Match[str] | None:
        """The last 'X issued a statement' printed before ``cut``, as a scan of text[:cut] finds it.

        Matches ending well before ``cut`` are the whole-text scan's, found once; only the
        last stretch is scanned again with ``cut`` as the end, so a story with thousands
        of "the statement said" is not rescanned from its start for each.
        """
        if self._issues is None:
            self._issues = list(_issuer_re().finditer(self._text))
            self._issue_ends = [m.end() for m in self._issues]
        j = bisect.bisect_right(self._issue_ends, cut - _ISSUER_REACH)  # matches[:j] end well before the cut
        lo = max(0, cut - _ISSUER_REACH)
        if j < len(self._issues):
            lo = min(lo, self._issues[j].start())
        if j > 0:
            lo = max(lo, self._issues[j - 1].end())
        found = list(_issuer_re().finditer(self._text, lo, cut))
        if found:
            return found[-1]
        return self._issues[j - 1] if j > 0 else None

    def _party(self, phrase: str, pos: int) -> _Entity | None:
        """One issuer as printed: 'the County Council', 'Montgomery County Executive Marc Elrich'."""
        words = phrase.split()
        if words and words[0].lower() in ("the", "a", "an") and len(words) > 1 and words[1][:1].isupper():
            words = words[1:]
        name, skipped, nouns = split_name(" ".join(words))
        if name is None:
            return None
        cue = Cue(name, "name", "", pos, pos + len(name), nouns)
        return self._named(cue, pos)

    def _named(self, cue: Cue, pos: int) -> _Entity:
        expanded = _expansion(self._text, cue.speaker)
        if expanded is not None:  # "HPD said" is the Houston Police Department
            return _Entity(expanded, cue.speaker, cue.nouns, "any", pos)
        if " and " in cue.speaker:  # "Moon and Kim": each resolved, credited together
            sides = cue.speaker.split(" and ")
            parts = [self._named(dataclasses.replace(cue, speaker=side), pos) for side in sides]
            name = " and ".join(e.label for e in parts)
            return _Entity(name, cue.speaker, cue.nouns.union(*(e.nouns for e in parts)), "plural", pos)
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
        people = [m for m in self._mentions if m.name and m.gender != "plural"]
        matches = [m for m in people if m.name and m.name.split()[-1] == surname]
        if not matches:  # "Karen" for Karen Harding; "Kim" for Kim Jong Un
            matches = [m for m in people if m.name and m.name.split()[0] == surname]
        before = [m for m in matches if m.pos < pos]
        if before:
            return before[-1]
        return matches[-1] if matches else None

    def _by_pronoun(self, pronoun: str, pos: int) -> _Entity | None:
        """Speakers of the same gender, then people named; then anyone compatible.

        Places and institutions are never a he or she; a name the copy prints as a
        person's ("Tanya Mikulova, who ...") counts though its gender is unknown.
        """
        gender = cue_words().pronouns.get(pronoun, "any")
        people = [m for m in self._mentions if m.pos < pos and (m.gender != "any" or m.nouns) and _person(m)]

        def may_be(e: _Entity) -> bool:  # a he or she is never an institution
            return gender in ("any", "plural") or _kind(e) is not SpeakerKind.INSTITUTION

        exact = gender != "any"
        for same in (exact, False):
            for pool in (self._speakers, people):
                for entity in reversed(pool):  # latest first: the loop stops at the first fit
                    fits = entity.gender == gender if same else _compatible(gender, entity.gender)
                    if fits and (pool is people or may_be(entity)):
                        return self._identified(entity, gender, pos) or entity
        return self._nearby_name(pos)

    def _identified(self, entity: _Entity, gender: str, pos: int) -> _Entity | None:
        """'A mother from Ukraine said ...' then 'Tanya Mikulova, who now lives in King's Lynn,
        said ...' then 'she said': once the story names the person its unnamed lead
        described, a pronoun means that person, whose gender the vocabulary may not know."""
        if entity.name is not None or gender == "plural":
            return None
        named = [
            e
            for e in self._speakers + self._mentions
            if e.name
            and entity.pos < e.pos < pos
            and e.subject
            and _person(e)
            and e.gender != "plural"
            and _compatible(gender, e.gender)
            and not re.search(r"\d", e.name)  # "BA12 British Airways" is a flight
        ]
        return max(named, key=lambda e: e.pos) if named else None

    def _nearby_name(self, pos: int) -> _Entity | None:
        """'Ana Diaz spoke to the council.' then '"…," she said.': the person just named.

        A name whose gender the vocabulary does not know is still the likeliest
        antecedent when it is printed in this paragraph or the one before it.
        """
        for entity in reversed(self._mentions):
            if entity.pos >= pos or entity.name is None or not _person(entity):
                continue
            if not entity.subject:
                continue
            between = self._text[entity.pos : pos]
            return entity if len(re.findall(r"\n\s*", between)) <= 2 else None
        return None

    def _by_role(self, cue: Cue, pos: int) -> _Entity | None:
        """'the second official': a same-noun entity with its words, else by order or recency.

        Speakers and people the article introduced ("A senior administration official,
        speaking on condition of anonymity, ...") both count; a role group match
        ("the official" for a named spokesman) comes last.
        """
        w = cue_words()
        if name_gender("", cue.nouns) == "plural":  # "the two leaders", "the couple"
            pairs = [
                e for e in self._speakers + self._mentions if e.gender == "plural" and e.name and e.pos < pos
            ]
            if pairs:
                return max(pairs, key=lambda e: e.pos)
        roles = w.roles
        if cue.nouns & w.business_nouns and not cue.nouns - w.business_nouns - w.document_nouns:
            business = self._organisation(pos)  # "the chemicals maker said": Chemours
            if business is not None:
                return business
        modifiers = {t for t in cue.speaker.lower().split()[1:] if t not in roles and t not in w.definite}
        pool = sorted(self._speakers + [m for m in self._mentions if m.pos < pos], key=lambda e: e.pos)
        same = _distinct([e for e in pool if e.nouns & cue.nouns])
        worded = [e for e in same if modifiers <= set(e.phrase.lower().split())]
        if modifiers and worded:
            return worded[-1]
        ordinal = next((i for i, o in enumerate(_ORDINALS) if o in modifiers), None)
        if ordinal is None:
            ordinal = self._ordinal_since(same, cue.nouns, pos)
        if ordinal is not None and ordinal < len(same):
            self._note_ordinal(same[ordinal], ordinal, cue.nouns, pos)
            return same[ordinal]
        if same:
            return same[-1]
        groups = {roles[n] for n in cue.nouns if n in roles}
        for entity in reversed(self._speakers):
            if entity.gender == "plural":
                continue  # "the spokesman" is one of them, not the pair
            if {roles[n] for n in entity.nouns if n in roles} & groups:
                return entity
        if not groups:  # "the 54-year-old said": a description of someone in the story
            return self._latest_person(pos)
        return None

    def _latest_person(self, pos: int) -> _Entity | None:
        """The person last credited or, failing that, last named before ``pos``."""
        named = [e for e in self._speakers if e.name is not None and _person(e)]
        if named:
            return named[-1]
        people = [m for m in self._mentions if m.pos < pos and m.name and _person(m) and m.subject]
        return people[-1] if people else None

    def _note_ordinal(self, entity: _Entity, ordinal: int, nouns: frozenset[str], pos: int) -> None:
        """Remember where "the first official" was printed as a mention of the one it means."""
        for at, end, o, n in self._ordinal_spans:
            if o == ordinal and n & nouns and at < pos:
                self._ordinal_picks.append((Span(start=at, end=end), entity.label.lower()))

    def _ordinal_since(self, same: list[_Entity], nouns: frozenset[str], pos: int) -> int | None:
        """A bare "the official" after narration naming "the first official" means that one.

        Indirect speech ("The first official said China had been pressed") is no quote,
        so only the printed ordinal mention, newer than every same-noun speaker, tells
        which of several officials the next bare role noun refers to.
        """
        latest = max((e.pos for e in same), default=-1)
        found = [o for at, _, o, n in self._ordinal_spans if latest < at < pos and n & nouns]
        return found[-1] if found else None


_ORDINALS = ("first", "second", "third")
_ORGANISATION_MENTIONS = 3  # times a business's name is printed before "the company" means it
_ASK_REACH = 500  # characters of narration before 'asked' searched for who asks
_ISSUER_REACH = 2000  # characters before a document credit scanned afresh for its issuer
_BUSINESS_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][A-Za-z&]{2,})\b(?![ \t]+[A-Z])", re.M)


def _person(entity: _Entity) -> bool:
    return entity.name is None or is_person_name(entity.name)


def _bare_definite(phrase: str, definite: frozenset[str]) -> bool:
    """'the official': an anaphor itself, a weaker mention than the phrase it points back to."""
    words = phrase.lower().split()
    return len(words) <= 2 and bool(words) and words[0] in definite


def _ordinal_mentions(text: str) -> list[tuple[int, int, int, frozenset[str]]]:
    """Every "the first official" printed, as (start, end, ordinal index, role nouns)."""
    w = cue_words()
    roles = alternation(list(w.roles))
    ordinals = alternation(list(_ORDINALS))
    pattern = rf"(?i:\bthe\s+({ordinals})\s+(?:[\w’'\-.]+\s+){{0,3}}?(?:{roles}))(?![\w’'])"
    out: list[tuple[int, int, int, frozenset[str]]] = []
    for m in re.finditer(pattern, text):
        ordinal = _ORDINALS.index(m.group(1).lower())
        out.append((m.start(), m.end(), ordinal, role_nouns(m.group())))
    return out


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
    firsts: dict[str, int] = {}
    for i, e in enumerate(entities):
        firsts.setdefault(e.label.lower(), i)
    return sorted(order.values(), key=lambda e: firsts[e.label.lower()])


def _moved(entity: _Entity, pos: int, nouns: frozenset[str]) -> _Entity:
    return _Entity(entity.name, entity.phrase, entity.nouns | nouns, entity.gender, pos)


_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "de"})


def _expansion(text: str, acronym: str) -> str | None:
    """The printed name an acronym stands for: 'NWS' -> 'National Weather Service'.

    Only a run of capitalised words (small words like "of" between them) whose initials
    spell the acronym counts; the first such run printed anywhere in the article wins.
    """
    letters = acronym.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return None
    for m in _CAPITAL_RUN.finditer(text):
        words = m.group().split()
        for i in range(len(words)):
            initials = ""
            for j in range(i, len(words)):
                if words[j] in _SMALL_WORDS:
                    continue
                initials += words[j][0]
                if initials == letters and words[i] not in _SMALL_WORDS:
                    return " ".join(words[i : j + 1])
                if not letters.startswith(initials):
                    break
    return None


_CAPITAL_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|the|on|de)\s+)?[A-Z][\w’'-]*)+")


def _parties(phrase: str) -> list[str]:
    """'Marc Elrich and the County Council' is two issuers; 'Office of Emergency Management
    and Homeland Security' one: each side must stand as a person or an institution."""
    sides = re.split(r"\s+and\s+", phrase)
    if len(sides) != 2:
        return [phrase]
    for side in sides:
        name, _, nouns = split_name(re.sub(r"^(?:[Tt]he|an?)\s+", "", side))
        if name is None:
            return [phrase]
        if not (is_institution_name(name) or nouns or name_gender(name) != "any"):
            return [phrase]
    return sides


@cache
def _question_re() -> re.Pattern[str]:
    """A word of narration about asking: 'asked', 'followed up', 'questions'."""
    return re.compile(rf"(?i:\b(?:{alternation(list(cue_words().question_words))})\b)")


@cache
def _issuer_re() -> re.Pattern[str]:
    """Who issued a document: 'X issued a statement', 'a statement from X'."""
    w = cue_words()
    docs = alternation(sorted(w.document_nouns | {f"{n}s" for n in w.document_nouns}))
    verbs = alternation(list(w.issue_verbs))
    dets = r"(?:a|an|the|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}?"
    # "Office of Emergency Management", "Department of State"
    run = rf"{NAME_RUN}(?:\s+(?:of|for|on)\s+(?:the\s+)?{NAME_RUN}){{0,3}}"
    party = rf"(?:[Tt]he\s+)?{run}(?:\s+and\s+(?:the\s+)?{run})?"
    return re.compile(
        rf"(?P<issuer>{party})(?:,[^,;:“”\"]{{1,80}},)?\s+(?:has\s+|had\s+|have\s+)?(?:{verbs})\s+{dets}(?:{docs})\b"
        rf"|(?:{docs})\s+(?:from|by|of)\s+(?P<issuer2>{party})"
    )


_MENTION_RE = re.compile(rf"\b{NAME_RUN}")
_WORDISH = re.compile(r"[\w’']")
# The latest printings of a name a mention is chosen from: the one reported is the latest
# informative one, which a long run of bare pronoun credits cannot push further back.
_RECENT_PRINTINGS = 64


@cache
def _kind_of(name: str | None, phrase: str, nouns: frozenset[str]) -> SpeakerKind:
    return speaker_kind_of(name, phrase, nouns)


def _kind(entity: _Entity) -> SpeakerKind:
    return _kind_of(entity.name, entity.phrase, entity.nouns)


_POSSESSIVE_END = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_APPOS_AFTER_RE = re.compile(r",\s*(?:the|a|an)\s+([^,;.!?“”\"\n]{1,60}),")


_SUBJECT_AFTER_RE = re.compile(r"(?:’s|'s)?(?:\s*,\s*(?:the|a|an|who|[a-z0-9])|\s+[a-z]{2,})")


def _name_mentions(text: str) -> list[_Entity]:
    """Every full name printed (two or more capitalised words), with role nouns around it."""
    w = cue_words()
    out: list[_Entity] = []
    for m in _MENTION_RE.finditer(text):
        run = _POSSESSIVE_END.sub("", m.group())  # "Sheriff Don Pounds’ comments" names him
        run = re.split(r"(?<=[a-z]\.)\n", run)[0]  # "… Officer Diane Lee.\nNone of the cases"
        name, skipped, title_nouns = split_name(run)
        if name is None or text[m.end() : m.end() + 1] == "/":  # "Jill Bennett/BBC": a credit line
            continue
        core = [t for t in name.split() if t not in w.honorifics and t not in w.kept_titles]
        if core and core[0] == "Vice":
            core = core[1:]
        if len(core) < 2:
            continue
        start = m.start() + skipped
        appos = _APPOS_AFTER_RE.match(text, m.end())
        nouns = title_nouns | nouns_before(text, start)
        nouns |= role_nouns(appos.group(1)) if appos else frozenset()
        full = " ".join(core)
        gender = name_gender(name, nouns)
        subject = gender != "any" or bool(nouns) or _SUBJECT_AFTER_RE.match(text, m.end()) is not None
        out.append(_Entity(full, name, nouns, gender, start, subject))
    return sorted(out + _pair_mentions(text, out) + _role_mentions(text), key=lambda e: e.pos)


# a lookahead, so "Prime Minister and Boris Johnson and Joe Biden" is tried at every name
_PAIR_RE = re.compile(rf"(?=\b(?P<a>{NAME_RUN})(?:,\s*\d{{1,3}},)?\s+and\s+(?P<b>{NAME_RUN}))")


def _pair_mentions(text: str, people: list[_Entity]) -> list[_Entity]:
    """Two people printed together ("Moon and Kim", "Jonas, 34, and Turner, 27"): they.

    Each side must be a person the article names in full somewhere, so "North and
    South Korea" or "Lynn and Norfolk" never pair.
    """
    out: list[_Entity] = []
    index = _people_index(people)
    for m in _PAIR_RE.finditer(text):
        names = [_full_of(m.group(g), index) for g in ("a", "b")]
        if None in names or names[0] == names[1]:
            continue
        a, b = (e for e in names if e is not None)
        label = f"{a.label} and {b.label}"
        if out and out[-1].label == label and out[-1].pos + len(out[-1].phrase) >= m.start():
            continue  # the same pair, tried again from its second word
        phrase = text[m.start() : m.end("b")]
        out.append(_Entity(label, phrase, a.nouns | b.nouns, "plural", m.start()))
    return out


def _people_index(people: list[_Entity]) -> tuple[dict[str, _Entity], dict[str, _Entity]]:
    """The first person printed under each full name, and under each first name or surname."""
    full: dict[str, _Entity] = {}
    one: dict[str, _Entity] = {}
    for e in people:
        if e.name is None or not _person(e):
            continue
        parts = e.name.split()
        full.setdefault(e.name, e)
        one.setdefault(parts[0], e)
        one.setdefault(parts[-1], e)
    return full, one


def _full_of(run: str, index: tuple[dict[str, _Entity], dict[str, _Entity]]) -> _Entity | None:
    """The person a printed name stands for: itself when in full, else the full name it ends."""
    name, _, _ = split_name(run)
    if name is None:
        return None
    words = [t for t in name.split() if t not in cue_words().honorifics]
    if not words or is_job_word(words[-1]):  # "Prime Minister and Boris Johnson"
        return None
    full, one = index
    return one.get(words[0]) if len(words) == 1 else full.get(" ".join(words))


def _role_mentions(text: str) -> list[_Entity]:
    """Unnamed people the article introduces: "A senior administration official, ..."."""
    w = cue_words()
    dets = alternation(sorted(w.indefinite))
    pattern = rf"(?i:\b(?:{dets})\s+(?:[\w’'\-.]+\s+){{0,4}}?(?:{alternation(list(w.roles))}))(?![\w’'])"
    out: list[_Entity] = []
    for m in re.finditer(pattern, text):
        phrase = " ".join(m.group().split())
        phrase = phrase[:1].lower() + phrase[1:]
        nouns = role_nouns(phrase)
        out.append(_Entity(None, phrase, nouns, name_gender("", nouns), m.start()))
    return out
