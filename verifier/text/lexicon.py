"""What two swapped words are to each other: antonyms, kindred nouns, or different things.

Facts come from WordNet 3.0 (``verifier/data/lexicon.txt.gz``, built by
``lexicon_build``) and lemmas from lemminflect, both shipped in the package and
loaded the first time a swap needs them: most quotes never do.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from verifier.text.shipped import DATA


class Relation(StrEnum):
    ANTONYMS = "antonyms"  # "increase" / "reduction": the claim flips
    KINDRED = "kindred"  # one synset, or one the kind of the other: "captives" / "hostages"
    OTHER_THINGS = "other_things"  # nouns naming different things: "shipments" / "seizures"
    UNKNOWN = "unknown"  # anything else: adjectives, verbs, words WordNet lacks


@dataclass(frozen=True, slots=True)
class Lexicon:
    antonyms: frozenset[tuple[str, str]]
    noun_synsets: dict[str, tuple[str, ...]]
    hypernyms: dict[str, tuple[str, ...]]


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, read once."""
    antonyms: set[tuple[str, str]] = set()
    nouns: dict[str, tuple[str, ...]] = {}
    hyper: dict[str, tuple[str, ...]] = defaultdict(tuple)
    with gzip.open(DATA / "lexicon.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, key, *rest = line.split()
            if kind == "A":
                antonyms.add((key, rest[0]))
            elif kind == "N":
                nouns[key] = tuple(rest)
            else:
                hyper[key] = tuple(rest)
    return Lexicon(frozenset(antonyms), nouns, dict(hyper))


@cache
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Possible lemmas by part of speech ("increases" -> NOUN and VERB "increase")."""
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    return {pos: tuple(forms) for pos, forms in found.items()} or {"X": (word,)}


def relation(a: str, b: str) -> Relation:
    """How two different words relate, by every lemma either may have."""
    lex = lexicon()
    la, lb = lemmas(a), lemmas(b)
    forms_a = {f for forms in la.values() for f in forms} | {a}
    forms_b = {f for forms in lb.values() for f in forms} | {b}
    if any((min(x, y), max(x, y)) in lex.antonyms for x in forms_a for y in forms_b):
        return Relation.ANTONYMS
    if set(la) != {"NOUN"} or set(lb) != {"NOUN"}:
        return Relation.UNKNOWN  # a verb or adjective reading: wording, not a thing renamed
    na = [lex.noun_synsets.get(f, ()) for f in la["NOUN"]]
    nb = [lex.noun_synsets.get(f, ()) for f in lb["NOUN"]]
    own_a = {s for group in na for s in group}
    own_b = {s for group in nb for s in group}
    if not own_a or not own_b:
        return Relation.UNKNOWN
    up_a = {h for s in own_a for h in lex.hypernyms.get(s, ())}
    up_b = {h for s in own_b for h in lex.hypernyms.get(s, ())}
    if own_a & own_b or own_a & up_b or up_a & own_b:
        return Relation.KINDRED
    return Relation.OTHER_THINGS
