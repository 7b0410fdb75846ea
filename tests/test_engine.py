"""verify_quote on real passages of the 2024-01-28 call: one table row per verdict rule."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.corpus.memory import Corpus
from verifier.corpus.search_space import doc_tokens
from verifier.models import Attribution, EditKind, EditOp, Fidelity, Quote, Severity
from verifier.session import verify_quote

SAO = "a senior administration official"
ROWS = [
    # (quote, credited, fidelity, attribution)
    (
        "We\u2019re starting to see reductions in seizures of precursors at some U.S. airports already",
        SAO, Fidelity.VERBATIM, Attribution.ANONYMOUS,
    ),
    (
        "We're starting to see reductions in shipments of precursors at some U.S. airports already",
        SAO, Fidelity.ALTERED, Attribution.ANONYMOUS,
    ),
    (
        "What's to stop them from instead of shipping directly to the U.S., shipping via third countries",
        SAO, Fidelity.VERBATIM, Attribution.MISATTRIBUTED,
    ),
    (
        "President Biden has made beating the overdose epidemic a key priority \u2026 including a focus "
        "on cracking down on global illicit drug trafficking",
        SAO, Fidelity.ELIDED, Attribution.ANONYMOUS,
    ),
    (
        "[The] working group is a whole-of-government effort. It includes a delegation from DOJ, "
        "DHS, State, and Treasury",
        "the official", Fidelity.BRACKETED, Attribution.ANONYMOUS,
    ),
    (
        "And I think I have to tell anybody here that 100,000 people a year die in the United "
        "States from fentanyl overdoses",
        SAO, Fidelity.ALTERED, Attribution.ANONYMOUS,
    ),
    (
        "I don't think I have to tell anybody here that 10,000 people a year die in the United "
        "States from fentanyl overdoses",
        SAO, Fidelity.ALTERED, Attribution.ANONYMOUS,
    ),
    (
        "we are starting to see reductions in seizures of precursors at some U.S. airports already",
        SAO, Fidelity.MINOR_EDITS, Attribution.ANONYMOUS,
    ),
    (
        "The moon landing was staged in a studio in Nevada by the Treasury Department",
        SAO, Fidelity.NOT_FOUND, Attribution.UNKNOWN,
    ),
    (
        "we're starting to see reductions in seizures of precursors at some U.S. airports already",
        None, Fidelity.VERBATIM, Attribution.UNATTRIBUTED,
    ),
    (
        "We're starting to see reductions in seizures of precursors; at some U.S. airports, already",
        SAO, Fidelity.PUNCTUATION, Attribution.ANONYMOUS,
    ),
]


@pytest.mark.parametrize(("quote", "credited", "fidelity", "attribution"), ROWS)
def test_verdict_table(call_corpus: Corpus, quote: str, credited: str | None,
                       fidelity: Fidelity, attribution: Attribution) -> None:
    finding = verify_quote(Quote.typed(quote, attributed_to=credited), call_corpus)
    assert (finding.fidelity, finding.attribution) == (fidelity, attribution), finding.reasons


def test_negation_reason_names_the_word(call_corpus: Corpus) -> None:
    quote = ("I think I have to tell anybody here that 100,000 people a year die in the United "
             "States from fentanyl overdoses")
    finding = verify_quote(Quote.typed(quote, attributed_to=SAO), call_corpus)
    assert any("negation" in r and "don\u2019t" in r for r in finding.reasons)
    assert finding.severity is Severity.FAIL


def test_elision_edit_holds_what_the_ellipsis_dropped(call_corpus: Corpus) -> None:
    quote = ("President Biden has made beating the overdose epidemic a key priority ... including "
             "a focus on cracking down")
    finding = verify_quote(Quote.typed(quote, attributed_to=SAO), call_corpus)
    elisions = [e for e in finding.edits if e.kind is EditKind.ELISION]
    assert len(elisions) == 1
    assert " ".join(elisions[0].transcript_text.split()) == "in his Unity Agenda for the nation,"[:-1]
    assert len(finding.match.pieces) == 2


def test_span_is_exact_original_text(call_corpus: Corpus) -> None:
    quote = "reductions in seizures of precursors at some U.S. airports"
    finding = verify_quote(Quote.typed(quote), call_corpus)
    t = finding.match.transcript
    assert finding.match.span.of(t.text) == "reductions in seizures of precursors at\nsome U.S. airports"


@pytest.fixture(scope="module")
def official_runs(call_corpus: Corpus) -> list[tuple[str, int, int]]:
    """Every turn of the call, as (text, start, end) word runs to sample from."""
    t = call_corpus.transcript(0)
    toks = doc_tokens(t)
    return [(t.text, toks.starts[k], toks.ends[k]) for k in range(len(toks.norms))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_verbatim_run_is_found_at_its_exact_span(call_corpus: Corpus, data: st.DataObject) -> None:
    """A run of 6+ words from one turn, retyped with curly quotes and a changed first letter."""
    t = call_corpus.transcript(0)
    toks = call_corpus.tokens(0)
    n = len(toks.norms)
    start = data.draw(st.integers(0, n - 7))
    turn = toks.turns[start]
    length = data.draw(st.integers(6, 14))
    end = start + length
    if end > n or toks.turns[end - 1] != turn:
        return
    original = t.text[toks.starts[start] : toks.ends[end - 1]]
    retyped = " ".join(original.split()).replace("\u2019", "'").replace("'", "\u2019")
    retyped = retyped[0].swapcase() + retyped[1:]
    finding = verify_quote(Quote.typed(f"\u201c{retyped}\u201d"), call_corpus)
    assert finding.fidelity in (Fidelity.VERBATIM, Fidelity.PUNCTUATION), finding.reasons
    assert finding.match is not None
    span = finding.match.span
    found = t.text[span.start : span.end]
    # exactly this run, or an identical run elsewhere (a phrase the speaker repeated)
    assert found == original or found.split() == original.split()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(
    "we are starting to see reductions in seizures of precursors at some airports not the "
    "moon 100,000 people china".split()), min_size=3, max_size=16))
def test_equal_and_delete_parts_rebuild_the_quote(call_corpus: Corpus, words: list[str]) -> None:
    quote = " ".join(words)
    finding = verify_quote(Quote.typed(quote), call_corpus)
    rebuilt = [e.quote_text for e in finding.edits if e.op in (EditOp.EQUAL, EditOp.DELETE)]
    if finding.match is not None:
        assert " ".join(" ".join(rebuilt).split()) == " ".join(quote.split())


RULES = [
    # (quote, fidelity): one general rule each, on passages of the 2024-01-28 call
    ("This essentially is a notice putting their chemical companies on notice",
     Fidelity.MINOR_EDITS),  # "their companies —" broken off by a dash: a false start
    ("A similar notice to industry that China sent out in 2019 led to a reduction in seizures "
     "of fentanyl shipments", Fidelity.ALTERED),  # a meaningful word ("drastic") dropped
    ("Sixteen similar notice to industry that China sent out in 2019 led to a drastic reduction",
     Fidelity.ALTERED),  # a word swapped at the head of the quote
    ("this working group is a really critical and pivotal moment for our direct diplomacy",
     Fidelity.MINOR_EDITS),  # "as I said, I think": filler only
    ("Take to do to so you who which the.", Fidelity.NOT_FOUND),  # small words hold nothing
]


@pytest.mark.parametrize(("quote", "fidelity"), RULES)
def test_edit_rules(call_corpus: Corpus, quote: str, fidelity: Fidelity) -> None:
    finding = verify_quote(Quote.typed(quote), call_corpus)
    assert finding.fidelity is fidelity, finding.reasons


def test_a_reworded_quote_is_a_paraphrase_of_its_source(bundled_corpus: Corpus) -> None:
    quote = ("We are pursuing every possible path to cut the supply of the chemicals that feed the "
             "production of synthetic drugs such as fentanyl")
    finding = verify_quote(Quote.typed(quote, attributed_to=SAO), bundled_corpus)
    assert finding.fidelity is Fidelity.PARAPHRASE, finding.reasons
    assert finding.match.transcript.id.startswith("2024-01-28-background-press-call-counternarcotics")
    assert finding.severity is Severity.WARN


def test_an_on_topic_claim_with_a_new_figure_is_not_found(bundled_corpus: Corpus) -> None:
    quote = "Fentanyl seizures at our ports of entry have fallen by a third since Woodside."
    finding = verify_quote(Quote.typed(quote, attributed_to=SAO), bundled_corpus)
    assert finding.fidelity is Fidelity.NOT_FOUND
    assert finding.attribution is Attribution.UNKNOWN


def test_two_sentences_from_far_apart_are_called_stitched(call_corpus: Corpus) -> None:
    """Even when one sentence matches perfectly, the other must not read as 'added'."""
    quote = ("It will take place in Beijing. So we saw companies shut down, and we saw "
             "international payment accounts blocked.")
    finding = verify_quote(Quote.typed(quote, attributed_to=SAO), call_corpus)
    assert finding.fidelity is Fidelity.ALTERED
    assert finding.match.stitched
    assert any("joins two passages" in r for r in finding.reasons), finding.reasons


def test_a_match_explaining_little_of_the_quote_is_not_found_without_rare_words(
    call_corpus: Corpus,
) -> None:
    """Under 60% of the words in place and no distinctive words kept: no source, not 'altered'."""
    quote = "We are starting to see the weather change, and then there will be more of it"
    finding = verify_quote(Quote.typed(quote, attributed_to=SAO), call_corpus)
    assert finding.fidelity is Fidelity.NOT_FOUND, finding.reasons
    assert finding.reasons[0].startswith("No transcript passage matches these words")


def test_many_words_swapped_in_place_is_a_paraphrase(call_corpus: Corpus) -> None:
    """One synonym swapped is minor_edits; a spun copy that rewords the passage in several
    places, or in mostly other words, is a paraphrase (VERDICTS.md)."""
    one = ("we are focused on pursuing all avenues to effectively cut the flow of precursor "
           "chemicals that fuel the manufacture and distribution of synthetic drugs")
    finding = verify_quote(Quote.typed(one, attributed_to=SAO), call_corpus)
    assert finding.fidelity is Fidelity.MINOR_EDITS, finding.reasons
    spun = ("we are focused on chasing every avenue to effectively cut the flow of precursor "
            "chemicals that feed the manufacture and distribution of synthetic drugs")
    finding = verify_quote(Quote.typed(spun, attributed_to=SAO), call_corpus)
    assert finding.fidelity is Fidelity.PARAPHRASE, finding.reasons
    heavy = ("our focus is on chasing every route to cut down the flow of precursor "
             "chemicals feeding the manufacture and distribution of synthetic drugs")
    finding = verify_quote(Quote.typed(heavy, attributed_to=SAO), call_corpus)
    assert finding.fidelity is Fidelity.PARAPHRASE, finding.reasons
    assert finding.severity is Severity.WARN
