"""Normalisation keeps offsets into the original text; tokens carry original offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verifier.text.tokens import fold, split_ellipsis, tokenize

_ALPHABET = st.sampled_from(
    list("abcXYZ019 ,.;'\"-\n")
    + ["\u2019", "\u201c", "\u201d", "\u2014", "\u2026", "\u00a0", "\\[", "]", "İ"]
)
texts = st.lists(_ALPHABET, max_size=60).map("".join)


@given(texts)
def test_fold_offsets_point_back_into_the_original(text: str) -> None:
    folded = fold(text)
    assert len(folded.offsets) == len(folded.text) + 1
    assert list(folded.offsets) == sorted(folded.offsets)
    for i, ch in enumerate(folded.text):
        original = text[folded.offsets[i]]
        if ch.isalnum():
            assert ch in original.lower() or ch == original.lower()[:1] or original == "\u2026"


@given(texts)
def test_token_offsets_round_trip(text: str) -> None:
    for tok in tokenize(text):
        printed = text[tok.start : tok.end]
        assert printed.replace("[", "").replace("]", "").lower().replace("\u2019", "'") == tok.norm


def test_typography_is_folded_but_offsets_are_original() -> None:
    text = "We\u2019re at \\[redacted\\] U.S. airports \u2014 100,000"
    toks = tokenize(text)
    assert [t.norm for t in toks] == ["we're", "at", "redacted", "u.s.", "airports", "100,000"]
    assert text[toks[0].start : toks[0].end] == "We\u2019re"
    assert toks[2].bracketed and toks[2].editorial
    assert toks[5].gap_before == "\u2014"


def test_editor_letters_in_brackets_stay_one_word() -> None:
    toks = tokenize("[T]he plan")
    assert toks[0].norm == "the" and toks[0].bracketed and not toks[0].editorial


def test_ellipsis_spellings_split_a_quote() -> None:
    for mark in ("...", "\u2026", ". . .", " \u2026 "):
        text = f"first part{mark}second part"
        assert [text[a:b].strip() for a, b in split_ellipsis(text)] == ["first part", "second part"]


def test_fold_drops_escapes_and_spells_the_ellipsis() -> None:
    f = fold("A  \\[B\\]\u2026")
    assert f.text == "a [b]..."
    assert f.original_span(2, 5) == (4, 8)
