"""Meaning carriers decide `altered`; everything else a quote changes is wording (VERDICTS.md).

One row per rule, each an edit real copy makes (or could make) to a passage of a real
transcript in the bundled corpus, with the verdict a fact-checker gives it and the
edit kind that must explain it. Passages: the 2024-01-28 counternarcotics call, the
2023-12-06 and 2024-01-19 briefings, the 2023-11-24 hostage-release remarks.
"""

from __future__ import annotations

import pytest

from verifier.corpus.memory import Corpus
from verifier.engine.classify import (
    carrier_classes,
    is_comparative,
    numbers_differ,
    numbers_of,
    typography_kind,
)
from verifier.models import EditKind, EditOp, Fidelity, Finding, Quote
from verifier.session import Verifier
from verifier.text.lexicon import Relation, relation

SAO = "a senior administration official"


def judged(corpus: Corpus, quote: str, credited: str) -> Finding:
    """The finding for ``quote``, typed in and credited to ``credited``."""
    return Verifier(corpus).verify_quote(Quote.typed(quote, attributed_to=credited))


ROWS = [
    # (quote as printed, credit, fidelity, an edit kind the verdict must show)
    # meaning-preserving: each word-level change is wording, a contraction or filler
    (
        "I'm not gonna get in between the ears of Houthi leaders",
        "Kirby",
        Fidelity.MINOR_EDITS,
        EditKind.GRAMMAR,
    ),  # "gonna" for "going to"
    (
        "we are focused on pursuing every avenue to effectively reduce the flow of precursor chemicals",
        SAO,
        Fidelity.MINOR_EDITS,
        EditKind.WORDING,
    ),  # "every avenue" for "all avenues": one class
    (
        "we are focused on pursuing all avenues to effectively reduce the flow of precursor chemicals "
        "that fuel the manufacture and distribution of synthetic narcotics",
        SAO,
        Fidelity.MINOR_EDITS,
        EditKind.WORDING,
    ),  # one synonym
    (
        "I have spoken repeatedly with the Emir of Qatar, Egypt's President Abdel Fattah El-Sisi, and "
        "Israel's Benjamin Netanyahu to help secure this deal",
        "Biden",
        Fidelity.MINOR_EDITS,
        EditKind.WORDING,
    ),  # names written out in full: the same people
    ("that there is no negotiating from here", "Jean-Pierre", Fidelity.MINOR_EDITS, EditKind.FILLER),
    (
        "what my colleague just stated, that there was not any negotiating from here",
        "Jean-Pierre",
        Fidelity.MINOR_EDITS,
        EditKind.WORDING,
    ),  # "was not any" for "is no": the same polarity
    (
        "We will not stop until we get these hostages brought home",
        "Biden",
        Fidelity.MINOR_EDITS,
        EditKind.FILLER,
    ),  # "also" dropped: it adds, it does not limit
    # meaning carriers changed: altered
    (
        "We're starting to see increases in seizures of precursors at some U.S. airports already",
        SAO,
        Fidelity.ALTERED,
        EditKind.ANTONYM,
    ),
    (
        "We're starting to see reductions in shipments of precursors at some U.S. airports already",
        SAO,
        Fidelity.ALTERED,
        EditKind.CONTENT,
    ),  # two nouns for different things
    (
        "We're starting to see reductions in seizures of precursors at U.S. airports already",
        SAO,
        Fidelity.ALTERED,
        EditKind.QUALIFIER,
    ),  # "some" dropped
    (
        "we are focused on pursuing some avenues to effectively reduce the flow of precursor chemicals",
        SAO,
        Fidelity.ALTERED,
        EditKind.QUALIFIER,
    ),  # "some" for "all"
    (
        "I'm just going to reiterate what my colleague just stated, that there is negotiating from here",
        "Jean-Pierre",
        Fidelity.ALTERED,
        EditKind.NEGATION,
    ),
    (
        "I've spoken repeatedly with the Emir of Kuwait, the President Sisi of Egypt",
        "Biden",
        Fidelity.ALTERED,
        EditKind.NAME,
    ),
    (
        "A similar notice to industry that China sent out in 2019 led to a drastic reduction in seizures "
        "of fentanyl shipments from China",
        SAO,
        Fidelity.ALTERED,
        EditKind.NAME,
    ),  # "to the U.S." cut
    (
        "our focus is on pursuing all avenues to effectively reduce the flow of precursor chemicals that "
        "fuel the manufacture of synthetic drugs in China and Mexico and Canada",
        SAO,
        Fidelity.ALTERED,
        EditKind.NAME,
    ),  # names the speaker never said, added
]


@pytest.mark.parametrize(("quote", "credited", "fidelity", "kind"), ROWS)
def test_carrier_table(
    bundled_corpus: Corpus, quote: str, credited: str, fidelity: Fidelity, kind: EditKind
) -> None:
    finding = judged(bundled_corpus, quote, credited)
    kinds = {e.kind for e in finding.edits if e.op is not EditOp.EQUAL}
    assert finding.fidelity is fidelity, finding.reasons
    assert kind in kinds, (kinds, finding.reasons)


def test_a_reason_names_the_carrier_that_changed(bundled_corpus: Corpus) -> None:
    quote = "We're starting to see increases in seizures of precursors at some U.S. airports already"
    finding = judged(bundled_corpus, quote, SAO)
    assert any("opposite" in r and "increases" in r and "reductions" in r for r in finding.reasons)


def test_wording_reasons_say_no_carrier_changed(bundled_corpus: Corpus) -> None:
    quote = "I'm not gonna get in between the ears of Houthi leaders"
    finding = judged(bundled_corpus, quote, "Kirby")
    assert all("altered" not in r for r in finding.reasons)
    assert finding.fidelity is Fidelity.MINOR_EDITS


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("increases", "reductions", Relation.ANTONYMS),
        ("shipments", "seizures", Relation.OTHER_THINGS),
        ("captives", "hostages", Relation.KINDRED),
        ("crucial", "critical", Relation.UNKNOWN),  # adjectives: wording, not things renamed
    ],
)
def test_word_relations_come_from_wordnet(a: str, b: str, expected: Relation) -> None:
    assert relation(a, b) is expected


def test_numbers_compare_by_value_and_a_lone_one_is_an_article() -> None:
    assert not numbers_differ(["twelve"], ["12"])
    assert not numbers_differ(["3rd"], ["3"])
    assert numbers_differ(["12"], ["20"])
    assert not numbers_differ(["longer"], ["one", "day", "more"])


def test_carrier_classes_and_comparatives() -> None:
    assert carrier_classes(["every"]) == carrier_classes(["all"])
    assert carrier_classes(["might"]) == carrier_classes(["may"])
    assert carrier_classes(["some"]) != carrier_classes(["all"])
    assert carrier_classes(["longer"]) == carrier_classes(["more"])
    assert is_comparative("longer") and not is_comparative("reporter")


def test_shipped_word_lists_hold_only_words() -> None:
    """YAML reads a bare no, on, yes or off as a boolean: "no" once silently left the negations."""
    import yaml

    from verifier.text.shipped import DATA

    def leaves(node: object) -> list[object]:
        if isinstance(node, dict):
            return [k for k in node if not isinstance(k, str)] + [x for v in node.values() for x in leaves(v)]
        if isinstance(node, list):
            return [x for v in node for x in leaves(v)]
        return [node] if isinstance(node, bool) else []

    for path in sorted(DATA.glob("*.yaml")):
        assert leaves(yaml.safe_load(path.read_text("utf-8"))) == [], path.name


# The same words written otherwise are punctuation, not a change of words (VERDICTS.md:
# "U.K." -> "UK", "cease-fire" -> "ceasefire", "Zelenskyy" -> "Zelensky"). Passages: the
# 2024-01-28 counternarcotics call.
WRITTEN_OTHERWISE = [
    # dots dropped from an abbreviation, as wire copy writes "US"
    (
        "We're starting to see reductions in seizures of precursors at some US airports already",
        Fidelity.PUNCTUATION,
        EditKind.PUNCTUATION,
    ),
    # one token misspelt, as a newspaper printed "unprecidented" for "unprecedented"
    (
        "We're starting to see reductions in siezures of precursors at some U.S. airports already",
        Fidelity.PUNCTUATION,
        EditKind.SPELLING,
    ),
    # an inflection is a word changed, not a spelling: "seizure" for "seizures"
    (
        "We're starting to see reductions in seizure of precursors at some U.S. airports already",
        Fidelity.MINOR_EDITS,
        EditKind.GRAMMAR,
    ),
    # the case of a word inside the quote: punctuation's "case", not the quote's first letter
    (
        "We're starting to see reductions in seizures of precursors at some U.S. Airports already",
        Fidelity.PUNCTUATION,
        EditKind.CAPITALISATION,
    ),
]


@pytest.mark.parametrize(("quote", "fidelity", "kind"), WRITTEN_OTHERWISE)
def test_words_written_otherwise_are_punctuation(
    call_corpus: Corpus, quote: str, fidelity: Fidelity, kind: EditKind
) -> None:
    finding = judged(call_corpus, quote, SAO)
    assert finding.fidelity is fidelity, finding.reasons
    assert kind in {e.kind for e in finding.edits}, finding.reasons


def test_the_quotes_first_letter_and_a_sentence_start_keep_it_verbatim(call_corpus: Corpus) -> None:
    quote = "We're starting to see reductions in seizures of precursors at some U.S. airports already"
    finding = judged(call_corpus, quote, SAO)
    assert finding.fidelity is Fidelity.VERBATIM, finding.reasons


def test_typography_only_quote_marks_are_verbatim() -> None:
    assert typography_kind(["we\u2019re"], ["we're"]) is EditKind.TYPOGRAPHY
    assert typography_kind(["us"], ["u.s."]) is EditKind.PUNCTUATION
    assert typography_kind(["wellbeing"], ["well", "being"]) is EditKind.PUNCTUATION


def test_numbers_in_words_compare_by_value() -> None:
    # Fox News printed Psaki's "100,000 troops" (2022-01-25) as "a hundred thousand troops".
    assert numbers_of("a hundred thousand troops".split()) == numbers_of(["100,000", "troops"])
    assert numbers_of("twenty-five million".split()) == ["25000000"]
    assert numbers_of(["1.5", "billion"]) == numbers_of(["1,500,000,000"])
    assert numbers_of(["hundreds", "of", "people"]) == ["hundreds"]  # no value: a word
    assert numbers_differ("a hundred thousand".split(), ["10,000"])


# Bundled passages: Biden at the 2024-01-19 mayors' conference ("all the data shows"; "since
# the end of World War Two"), the 2024-01-26 briefing ("that decision, as we all know, is
# incredibly difficult").
CARRIER_KEPT = [
    # "all" moved within the quote: dropped in one place, printed in another
    ("And, by the way, the data all shows it saves the economy money", "Biden", Fidelity.MINOR_EDITS),
    # without it printed elsewhere, the quantifier is gone
    ("And, by the way, the data shows it saves the economy money", "Biden", Fidelity.ALTERED),
    # "we all" names the same people as "we"
    ("And that decision, as we know, is incredibly difficult.", "Jean-Pierre", Fidelity.MINOR_EDITS),
]


@pytest.mark.parametrize(("quote", "credited", "fidelity"), CARRIER_KEPT)
def test_a_moved_or_restating_quantifier_keeps_the_claim(
    bundled_corpus: Corpus, quote: str, credited: str, fidelity: Fidelity
) -> None:
    finding = judged(bundled_corpus, quote, credited)
    assert finding.fidelity is fidelity, finding.reasons


def test_a_roman_numeral_is_its_number(bundled_corpus: Corpus) -> None:
    quote = "in the most powerful position we've been since the end of World War II"
    finding = judged(bundled_corpus, quote, "Biden")
    assert finding.fidelity in (Fidelity.VERBATIM, Fidelity.PUNCTUATION), finding.reasons
    assert numbers_differ(["ii"], ["3"]) and not numbers_differ(["ii"], ["two"])


def test_a_capitalised_contraction_at_a_sentence_start_is_no_name() -> None:
    # The transcript prints curly apostrophes; tokens fold them ("They're" for "It's").
    from verifier.engine.classify import LowerWords

    assert "they're" in LowerWords("and they\u2019re about competing visions")


def test_a_hedge_added_is_certainty_not_tense(call_corpus: Corpus) -> None:
    # VERDICTS.md: certainty ("we will" -> "we might") is a meaning carrier, even where the
    # rest is only an auxiliary swapped ("might be" for "are").
    quote = "We might be starting to see reductions in seizures of precursors at some U.S. airports already"
    finding = judged(call_corpus, quote, SAO)
    assert finding.fidelity is Fidelity.ALTERED, finding.reasons
    assert EditKind.QUALIFIER in {e.kind for e in finding.edits}


# A few words cut without an ellipsis, no meaning carrier among them, keep the claim
# (VERDICTS.md: minor_edits "drops a few words without changing the claim"); a name or a
# negation changed does not. Passage: Biden, 2023-11-16, Woodside.
SILENT_CUTS = [
    (
        "So, today, we’re taking action to significantly reduce the flow of precursor chemicals and "
        "pill presses from China to the Western Hemisphere. It’s going to save lives",
        Fidelity.MINOR_EDITS,
    ),  # "with this new understanding" cut
    (
        "First, I am pleased to announce that we are restarting cooperation between the United States "
        "and the PRC on counternarcotics",
        Fidelity.ALTERED,
    ),  # "after many years of being on hold": a quantified time phrase dropped
    (
        "First, I am pleased to announce that after many years of being on hold, we are restarting "
        "cooperation between the United States on counternarcotics",
        Fidelity.ALTERED,
    ),  # "and the PRC" dropped from the pair: a different claim
    (
        "In 2019, you may remember, China did not take action to greatly reduce the amount of fentanyl",
        Fidelity.ALTERED,
    ),  # negation added
]


@pytest.mark.parametrize(("quote", "fidelity"), SILENT_CUTS)
def test_a_silent_cut_is_minor_and_a_changed_claim_is_not(
    bundled_corpus: Corpus, quote: str, fidelity: Fidelity
) -> None:
    finding = judged(bundled_corpus, quote, "Biden")
    assert finding.fidelity is fidelity, finding.reasons
