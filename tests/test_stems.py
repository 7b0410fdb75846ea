"""One rule for "the same word", shared by the edit classifier and the paraphrase search."""

from __future__ import annotations

import pytest

from verifier.text.stems import forms, same_word


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("said", "say"),  # irregular tense, from the lemmatiser
        ("went", "go"),
        ("lives", "life"),
        ("communications", "communication"),
        ("seizure", "seizures"),  # a short different ending
        ("ukraine", "ukrainian"),  # derived forms a lemmatiser keeps apart
        ("worked", "work"),
    ],
)
def test_forms_of_one_word(a: str, b: str) -> None:
    assert same_word(a, b) and same_word(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("better", "good"),  # a degree is a claim, not an inflection
        ("worst", "bad"),
        ("state", "statement"),
        ("shipments", "seizures"),
        ("prevent", "previous"),
    ],
)
def test_different_words(a: str, b: str) -> None:
    assert not same_word(a, b)


def test_unknown_words_are_their_own_form() -> None:
    assert forms("hizballah") == frozenset({"hizballah"})


def test_classifier_and_paraphrase_search_share_the_rule() -> None:
    import verifier.engine.classify as classify
    import verifier.engine.paraphrase as paraphrase

    assert classify.same_word is same_word and paraphrase.same_word is same_word
