"""The shipped word lists (verifier/data/words.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from verifier.text.shipped import shipped_data


@dataclass(frozen=True, slots=True)
class WordLists:
    """Vocabularies that decide how an edit is classified."""

    negations: frozenset[str]
    number_words: frozenset[str]
    fillers: tuple[tuple[str, ...], ...]  # phrases, longest first
    carrier_class: dict[str, str]  # word -> its class: "every" -> "all", "might" -> "possible"
    function_words: frozenset[str]
    auxiliaries: frozenset[str]
    contractions: tuple[tuple[str, str], ...]
    spoken: dict[str, str]  # "gonna" -> "going to"

    @property
    def qualifiers(self) -> frozenset[str]:
        """Every carrier word that bounds a claim (quantifier, condition or hedge)."""
        return frozenset(self.carrier_class)


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """Load words.yaml from the package."""
    data = shipped_data("words.yaml")
    fillers = sorted((tuple(str(f).split()) for f in data["fillers"]), key=len, reverse=True)
    return WordLists(
        negations=frozenset(map(str, data["negations"])),
        number_words=frozenset(map(str, data["number_words"])),
        fillers=tuple(fillers),
        carrier_class={
            str(word): f"{group}:{name}"
            for group in ("quantifiers", "conditions", "hedges")
            for name, words in data[group].items()
            for word in words
        },
        function_words=frozenset(map(str, data["function_words"])),
        auxiliaries=frozenset(map(str, data["auxiliaries"])),
        contractions=tuple((str(k), str(v)) for k, v in data["contractions"].items()),
        spoken={str(k): str(v) for k, v in data["spoken"].items()},
    )
