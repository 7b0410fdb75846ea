"""Does the article's credit name the person speaking? The relation between a credited
phrase and a transcript speaker, and the sentence that explains it."""

from __future__ import annotations

from enum import StrEnum

from verifier.engine.classify import is_misspelling
from verifier.models import Role, Speaker, Transcript
from verifier.transcripts.speakers import (
    _HONORIFICS,
    _TITLE_WORDS,
    Aliases,
    is_office_label,
    load_aliases,
    norm_phrase,
    role_words,
)


class CreditRelation(StrEnum):
    """How the person an article credits relates to who spoke in the transcript."""

    SAME_PERSON = "same_person"  # the credited name, label or alias is the speaker
    ROLE_MATCH = "role_match"  # "the White House" for a named official at its briefing
    ANONYMOUS_MATCH = "anonymous_match"  # "a senior administration official" for one
    REPORTER_CREDITED_TO_OFFICIAL = "reporter_credited_to_official"  # a question as an answer
    UNNAMED_REPORTER = "unnamed_reporter"  # a named non-official credited with a "Q" turn
    DIFFERENT = "different"  # someone else
    NO_CREDIT = "no_credit"  # the article credits nobody
    NO_SPEAKER = "no_speaker"  # the transcript does not say who spoke


def credit_relation(
    credited: str | None,
    speaker: Speaker,
    transcript: Transcript,
    aliases: Aliases | None = None,
) -> CreditRelation:
    """How ``credited`` (as the article words it) relates to the transcript ``speaker``.

    ``speaker`` should be resolved (``resolve_transcript``); ``transcript`` gives
    the date (who was president, who was press secretary) and the event (a White
    House briefing makes "the White House" a fair credit for its officials);
    ``aliases`` defaults to the shipped ``verifier/data/aliases.yaml``. Pure: no I/O
    beyond the cached data files. ``explain_credit`` words the result for a report.
    """
    words = role_words()
    if speaker.role is Role.UNKNOWN:
        return CreditRelation.NO_SPEAKER
    phrase = norm_phrase(credited or "")
    if not phrase:
        return CreditRelation.NO_CREDIT
    aliases = aliases or load_aliases(None)
    anonymous = {norm_phrase(p) for p in words["anonymous_phrases"]}
    institution = {norm_phrase(p) for p in words["institution_phrases"]}
    if is_institution_name(phrase):
        institution.add(phrase)
    if speaker.role is Role.REPORTER:
        if phrase in {norm_phrase(p) for p in words["reporter_phrases"]} or describes_reporter(phrase):
            return CreditRelation.ROLE_MATCH
        if speaker.name and _names_match(phrase, speaker, aliases, transcript.date):
            return CreditRelation.SAME_PERSON
        if names_an_official(phrase, transcript, aliases):
            return CreditRelation.REPORTER_CREDITED_TO_OFFICIAL
        if speaker.name and not surname_beside_given_name(phrase, speaker.name):
            return CreditRelation.DIFFERENT  # the transcript names this reporter, the credit someone else
        # "Miller asked": a person the transcript's unnamed reporter may well be; no official
        return CreditRelation.UNNAMED_REPORTER
    if speaker.role is Role.MODERATOR:
        if phrase in {norm_phrase(p) for p in words["moderator_phrases"]}:
            return CreditRelation.SAME_PERSON
        return CreditRelation.ROLE_MATCH if phrase in institution else CreditRelation.DIFFERENT
    if speaker.role is Role.ANONYMOUS:
        if phrase in anonymous or phrase in institution or is_anonymous_phrase(phrase):
            return CreditRelation.ANONYMOUS_MATCH
        return CreditRelation.DIFFERENT
    if _names_match(phrase, speaker, aliases, transcript.date):
        return CreditRelation.SAME_PERSON
    if (phrase in institution or phrase in anonymous or is_anonymous_phrase(phrase)) and _is_white_house(
        transcript
    ):
        return CreditRelation.ROLE_MATCH
    unnamed = speaker.name is None
    if unnamed and (is_office_label(speaker.label) or _label_is_surname_of(speaker.label, phrase)):
        # "The President" in an undated page, "BIDEN" (Joe or Jill): the transcript does
        # not say who held the office or which Biden spoke, so it names no one else either
        return CreditRelation.NO_SPEAKER
    return CreditRelation.DIFFERENT


def _label_is_surname_of(label: str, phrase: str) -> bool:
    """An unresolved one-word label that is the credited name's surname ('BIDEN', 'Joe Biden')."""
    words = norm_phrase(label).split()
    credited = phrase.split()
    return len(words) == 1 and len(credited) >= 2 and words[0] == credited[-1]


def surname_beside_given_name(phrase: str, name: str) -> bool:
    """A one-word credit ("Alexander") for a reporter the transcript knows only by a given
    name ("Q Peter"): the transcript gives no surname to contradict it, so it is no other,
    identifiable speaker (VERDICTS.md); a full name ("Nancy Cordes") for "Peter" is."""
    return len(norm_phrase(name).split()) == 1 and len(phrase.split()) == 1


def is_anonymous_phrase(phrase: str) -> bool:
    """An unnamed official however the article counts them: "a second senior official",
    "the other official", "two administration officials". Words come from speakers.yaml."""
    words = role_words()
    tokens = f" {phrase} ".replace(" u s ", " us ").split()  # "U.S." folds to "u s"
    determiners = set(words["anonymous_determiners"])
    while tokens and tokens[0] in determiners:
        tokens = tokens[1:]
    if not tokens or tokens[-1] not in set(words["anonymous_heads"]):
        return False
    modifiers = set(words["anonymous_modifiers"])
    return all(t in modifiers for t in tokens[:-1])


def credit_core(phrase: str) -> str:
    """A credit without the words a writer puts between its article and its title:
    "the visibly angry president" -> "the president". Unchanged when it ends in no title."""
    tokens = phrase.split()
    if len(tokens) < 3 or tokens[0] not in ("the", "a", "an"):
        return phrase
    k = len(tokens)
    while k > 1 and tokens[k - 1] in _TITLE_WORDS:
        k -= 1
    return " ".join(["the", *tokens[k:]]) if k < len(tokens) else phrase


def is_institution_name(phrase: str) -> bool:
    """ "White House", "the Biden administration": an institution named, any determiner first."""
    tokens = phrase.split()
    while tokens and tokens[0] in ("the", "a", "an"):
        tokens = tokens[1:]
    return " ".join(tokens) in {norm_phrase(n) for n in role_words()["institution_names"]}


def names_an_official(phrase: str, transcript: Transcript, aliases: Aliases) -> bool:
    """The credit means an official: one the alias data knows on that date, a description of
    an office ("the president", "a senior official"), or someone speaking as an official
    in this transcript."""
    if aliases.lookup(phrase, transcript.date) is not None or is_anonymous_phrase(phrase):
        return True
    words = role_words()
    if phrase in {norm_phrase(p) for p in (*words["institution_phrases"], *words["anonymous_phrases"])}:
        return True
    if is_institution_name(phrase) or any(w in _TITLE_WORDS for w in phrase.split()):
        return True
    return any(
        turn.speaker.role in (Role.OFFICIAL, Role.ANONYMOUS)
        and _names_match(phrase, turn.speaker, aliases, transcript.date)
        for turn in transcript.turns
    )


def describes_reporter(phrase: str) -> bool:
    """A credit that calls the speaker a journalist: a reporter head noun among its words."""
    heads = set(role_words()["reporter_heads"])
    return any(t in heads for t in phrase.split())


def _is_white_house(transcript: Transcript) -> bool:
    """A White House event: its own archive, or a title that says so."""
    where = f"{transcript.source_url or ''} {transcript.format}".casefold()
    return "whitehouse" in where or "white house" in transcript.title.casefold()


def _names_match(phrase: str, speaker: Speaker, aliases: Aliases, date: str | None) -> bool:
    """Whether a folded credit names this speaker: full name, surname, alias, or their title."""
    candidates = {norm_phrase(speaker.label)}
    titles = {speaker.title or "", *(aliases.titles_of(speaker.name) if speaker.name else ())}
    candidates.update("the " + norm_phrase(t) for t in titles if t)
    if speaker.name:
        candidates.update(aliases.phrases_of(speaker.name, date))
    if phrase in candidates or credit_core(phrase) in candidates:
        return True
    if not speaker.name:
        return False
    name_words = norm_phrase(speaker.name).split()
    words = phrase.split()
    surname = name_words[-1:]
    for i in range(len(words) - len(surname) + 1):
        if words[i : i + len(surname)] != surname and not (
            len(surname) == 1 and is_misspelling(words[i], surname[0])  # "Zelenksy"
        ):
            continue
        before = [w for w in words[:i] if len(w) > 1]  # "John F. Kirby": a middle initial
        if not before or len(name_words) == 1:
            return True  # "Sims", or "Lt. Gen. Douglas Sims" when the transcript gives only "Sims"
        if before[-1] in name_words:  # "John Kirby", "Joe Biden"
            return True
        return all(w in _TITLE_WORDS or w in name_words for w in before) or before[-1] in {
            w.rstrip(".").casefold() for w in _HONORIFICS
        }
    return False


def explain_credit(relation: CreditRelation, credited: str | None, speaker: Speaker) -> str:
    """One plain sentence a fact-checker can read about an attribution."""
    who = speaker.display if speaker.label or speaker.name else "an unlabelled speaker"
    if speaker.title and speaker.name:
        who = f"{speaker.name} ({speaker.title})"
    if speaker.role is Role.REPORTER:
        outlet = f", {speaker.affiliation}" if speaker.affiliation else ""
        who = f"a reporter ({speaker.name}{outlet})" if speaker.name else "a reporter"
    said = f"The article credits {credited!r}" if credited else "The article credits nobody"
    return {
        CreditRelation.SAME_PERSON: f"{said}; the transcript speaker is {who}, the same person.",
        CreditRelation.ROLE_MATCH: f"{said}, a fair description of {who}, who spoke for it.",
        CreditRelation.ANONYMOUS_MATCH: f"{said}; the transcript speaker is {who}, "
        "an official speaking on background.",
        CreditRelation.REPORTER_CREDITED_TO_OFFICIAL: f"{said}, but these words were asked "
        f"by {who}, not said by an official.",
        CreditRelation.UNNAMED_REPORTER: f"{said}; the words were asked by {who}, whom the "
        "transcript does not name in full, and the credit names no official.",
        CreditRelation.DIFFERENT: f"{said}, but the transcript speaker is {who}.",
        CreditRelation.NO_CREDIT: f"{said}; the transcript speaker is {who}.",
        CreditRelation.NO_SPEAKER: f"{said}; the transcript does not say who spoke.",
    }[relation]
