"""When two words are one word: the single rule classification and paraphrase search share.

Two words are one word when a lemma of one is a lemma of the other (lemminflect:
"said"/"say", "went"/"go", "communications"/"communication"), or when they share a
long beginning and differ only in a short ending ("Ukraine"/"Ukrainian",
"percent"/"percentage"): the derived forms a lemmatiser keeps apart but a reader
takes for the same word. Both the edit classifier ("is this swap only grammar?")
and the paraphrase search ("does the passage keep this word?") ask this one
question, so a word pair cannot be the same word in one and two words in the other.
"""

from __future__ import annotations

from functools import cache

SHARED_PREFIX = 4  # letters two forms of one word begin with, at least
ENDING_LETTERS = 3  # letters after the shared beginning that may differ, at most


INFLECTED = ("NOUN", "VERB", "AUX")  # number and tense; an adjective's degree is a claim


@cache
def forms(word: str) -> frozenset[str]:
    """The word and its lemmas as a noun or verb ("lives" -> life, live; "saw" -> see).

    Adjective and adverb lemmas are left out: "better" is not "good" said another way.
    """
    from verifier.text.lexicon import lemmas

    found = lemmas(word)
    return frozenset({word, *(f for pos in INFLECTED for f in found.get(pos, ()))})


def same_beginning(a: str, b: str) -> bool:
    """A long shared beginning and short different endings ("seizure"/"seizures")."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= SHARED_PREFIX and len(a) - n <= ENDING_LETTERS and len(b) - n <= ENDING_LETTERS


def same_word(a: str, b: str) -> bool:
    """Two forms of one word (case already folded)."""
    return a == b or same_beginning(a, b) or not forms(a).isdisjoint(forms(b))
