"""VERDICTS.md's evidence rules, on passages of real briefings in the bundled corpus.

A reporter's question credited to a reporter is confirmed, to an official who speaks there is
misattributed; words said at an event where the credited speaker does not speak are
not_found for them, with a reason that names who said them; a short phrase is never enough
to accuse anyone; credits are read by their grammar, not looked up as whole phrases.
"""

from __future__ import annotations

import pytest

from verifier.corpus.memory import Corpus
from verifier.engine.credit import credit_core, describes_reporter, is_anonymous_phrase
from verifier.models import Attribution, Fidelity, Quote
from verifier.session import Verifier
from verifier.transcripts.speakers import norm_phrase

QUESTION = "Why aren't they afraid of the U.S.?"  # a reporter, 2024-01-19 briefing, to Kirby


@pytest.mark.parametrize(
    ("credit", "attribution"),
    [
        ("Daily Caller White House correspondent Reagan Reese", Attribution.CONFIRMED),
        ("a reporter", Attribution.CONFIRMED),
        ("Reese", Attribution.CONFIRMED),  # a name no official has: the unnamed reporter
        ("Kirby", Attribution.MISATTRIBUTED),  # the official who answered it, there
    ],
)
def test_a_reporters_question_by_credit(
    bundled_corpus: Corpus, credit: str, attribution: Attribution
) -> None:
    finding = Verifier(bundled_corpus).verify_quote(Quote.typed(QUESTION, attributed_to=credit))
    assert finding.fidelity is Fidelity.VERBATIM, finding.reasons
    assert finding.attribution is attribution, finding.reasons


def test_words_from_an_event_the_credited_speaker_missed_are_not_found_for_them(
    bundled_corpus: Corpus,
) -> None:
    quote = (
        "I have no doubt that they\u2019ll have an opportunity to discuss what things look like "
        "along that battlefront."
    )
    finding = Verifier(bundled_corpus).verify_quote(Quote.typed(quote, attributed_to="Jean-Pierre"))
    assert finding.fidelity is Fidelity.NOT_FOUND
    assert finding.attribution is not Attribution.MISATTRIBUTED
    assert "John Kirby said these words on 2024-02-06" in finding.reasons[0]


def test_a_short_phrase_never_accuses(bundled_corpus: Corpus) -> None:
    """Two words the President never says in the corpus but officials do: no accusation."""
    finding = Verifier(bundled_corpus).verify_quote(
        Quote.typed("final warning", attributed_to="Bashar al-Assad")
    )
    assert finding.attribution is not Attribution.MISATTRIBUTED
    assert finding.fidelity is Fidelity.NOT_FOUND, finding.reasons
    assert "said these words" in finding.reasons[0]


def test_the_credited_speakers_own_words_win_among_equals(bundled_corpus: Corpus) -> None:
    """Kirby answers "Why aren't they afraid": his own words, nearest the date, are chosen."""
    quote = "you'd have to ask the Houthis what's in their mindset"
    finding = Verifier(bundled_corpus).verify_quote(
        Quote.typed(quote, attributed_to="Kirby"), near_date="2024-01-19"
    )
    assert finding.attribution is Attribution.CONFIRMED
    assert finding.match is not None and finding.match.transcript.date == "2024-01-19"


@pytest.mark.parametrize(
    "phrase",
    [
        "the u.s. official",
        "another senior american official",
        "a top biden administration official",
        "u.s. officials",
        "one official",
        "a second senior administration official",
    ],
)
def test_anonymous_credits_by_grammar(phrase: str) -> None:
    assert is_anonymous_phrase(norm_phrase(phrase))


def test_reporter_and_title_credits_by_grammar() -> None:
    assert describes_reporter("the same reporter")
    assert describes_reporter("daily caller white house correspondent reagan reese")
    assert not describes_reporter("the press secretary")
    assert credit_core("the visibly angry president") == "the president"
    assert credit_core("the president") == "the president"


def test_the_deciding_reason_of_a_faithful_misattributed_quote_is_the_attribution(
    bundled_corpus: Corpus,
) -> None:
    """A one-line view (the review desk's verdict bar) shows why it fails, not "word for word"."""
    finding = Verifier(bundled_corpus).verify_quote(Quote.typed(QUESTION, attributed_to="Kirby"))
    assert finding.reasons[0].startswith("The quote matches the transcript word for word")
    assert finding.deciding_reason is not None and "asked by" in finding.deciding_reason


def test_a_surname_credit_fits_a_reporter_known_by_a_given_name() -> None:
    """The 2023-10-11 briefing names a questioner only "Peter"; RedState credits the question
    to "Alexander". The transcript gives no surname to contradict that, so the words are the
    credited reporter's; a full name with another given name is someone else."""
    from tests.test_speakers import briefing
    from verifier.engine.credit import CreditRelation, credit_relation
    from verifier.models import Role, Speaker

    t = briefing("Q", date="2023-10-11")
    peter = Speaker(label="Q", role=Role.REPORTER, name="Peter")
    assert credit_relation("Alexander", peter, t) is CreditRelation.UNNAMED_REPORTER
    assert credit_relation("Peter Alexander", peter, t) is CreditRelation.SAME_PERSON
    assert credit_relation("Nancy Cordes", peter, t) is CreditRelation.DIFFERENT
    assert credit_relation("Kirby", peter, t) is CreditRelation.REPORTER_CREDITED_TO_OFFICIAL


def test_a_middle_initial_names_the_same_person() -> None:
    # The New York Times, 2023-10-11: "said John F. Kirby, a White House spokesman".
    from tests.test_speakers import briefing
    from verifier.engine.credit import CreditRelation, credit_relation

    t = briefing("MR. KIRBY", date="2023-10-11")
    relation = credit_relation("John F. Kirby, a White House spokesman", t.turns[0].speaker, t)
    assert relation is CreditRelation.SAME_PERSON
