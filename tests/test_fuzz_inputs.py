"""Whatever text a user hands quotecheck, each reader either understands it or says what is
wrong with a QuotecheckError (one line, exit 2): never another exception, never a hang.

Generated inputs mix the characters that steer each parser (quote marks of every style,
dashes, colons, brackets, upper-case labels, time stamps, YAML punctuation) with words, so
the parsers' own branches are reached rather than only their "nothing here" paths.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier.articles.loaders import load_article_text
from verifier.articles.quotes import extract_quotes
from verifier.config import parse_config
from verifier.errors import QuotecheckError
from verifier.report.review import SCHEMA, load_review_file, parse_review_data
from verifier.transcripts.formats import FORMATS
from verifier.transcripts.loader import parse_transcript
from verifier.transcripts.speakers import parse_aliases
from verifier.yamlnodes import load_yaml

# fmt: off
PIECES = [
    "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "\u2014", "--", "...", "\u2026", ":", "\n",
    "\n\n", "  ", "[", "]", "(", ")", "Q", "Q:", "MR. KIRBY:", "THE PRESIDENT:", "Speaker 1 (00:00):",
    "00:00:01,000 --> 00:00:02,000", "WEBVTT", "<v Joe>", "---", "title: x", "date: 2024-01-28",
    "he said", "said Kirby", "\u2014 Kirby", "according to", "&a", "*a", "- ", "{", "}", "#", "<p>",
    "</p>", "<script>", "we", "will", "not", "stop", "Biden", "the", "official", ".", ",", "?",
]
# fmt: on
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map(" ".join)
# 120 examples a target in the ordinary run (about 40 s for the file); set
# QUOTECHECK_FUZZ_EXAMPLES=2000 for a longer search before a release.
EXAMPLES = int(os.environ.get("QUOTECHECK_FUZZ_EXAMPLES", "120"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _bounded(started: float) -> None:
    assert time.perf_counter() - started < 5.0, "a reader took seconds on a small input"


@FAST
@given(text=TEXT, kind=st.sampled_from(["text", "markdown", "html"]))
def test_articles_and_their_quotes(text: str, kind: str) -> None:
    started = time.perf_counter()
    try:
        article = load_article_text(text, path="fuzz", kind=kind)
    except QuotecheckError:
        return
    for quote in extract_quotes(article):
        assert 0 <= quote.span.start <= quote.span.end <= len(article.text)
    _bounded(started)


@FAST
@given(text=TEXT, name=st.sampled_from(sorted(FORMATS)))
def test_transcripts_in_every_format(text: str, name: str) -> None:
    started = time.perf_counter()
    try:
        transcript = parse_transcript(text, path="fuzz.txt", format=name)
    except QuotecheckError:
        return
    for turn in transcript.turns:
        assert 0 <= turn.span.start <= turn.span.end <= len(transcript.text)
    _bounded(started)


@FAST
@given(text=TEXT)
def test_transcripts_with_a_detected_format(text: str) -> None:
    try:
        parse_transcript(text, path="fuzz.md")
    except QuotecheckError:
        pass


def _read_or_one_line(read: Callable[[str], object], text: str) -> None:
    """``read(text)`` understands the text or says in one line what is wrong with it."""
    try:
        read(text)
    except QuotecheckError as exc:
        assert "\n" not in str(exc)


@FAST
@given(text=TEXT)
def test_the_user_yaml_loader(text: str) -> None:
    _read_or_one_line(lambda t: load_yaml(t, path="fuzz.yaml"), text)


# YAML-shaped text: keys of every user file, indentation, flow and block collections,
# tags, anchors and scalars YAML reads as numbers, dates, booleans or infinities.
# fmt: off
YAML_PIECES = [
    "\n", "\n  ", "\n    ", "- ", ": ", "claims:", "quote:", "speaker:", "transcript:", "note:",
    "title:", "corpus:", "fail_on:", "thresholds:", "not_found_below:", "speakers:", "aliases:",
    f"schema: {SCHEMA}", "decisions:", "start:", "end:", "quote_sha:", "decision:", "accepted",
    "overridden", "verdict:", "altered", "article:", "sha256:", ".inf", "-.inf", ".nan", "1e309",
    "-1", "0", "1.5", "true", "null", "~", "2024-02-30", "[", "]", "{", "}", ",", "'", '"', "&a",
    "*a", "!!str", "!!python/object:os.system", "!!binary", "|", ">", "#", "---", "...", "?",
    "Kirby", "\u201cwords\u201d",
]
# fmt: on
YAML_TEXT = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=6)), max_size=50).map("".join)


@FAST
@given(text=YAML_TEXT)
def test_claims_files(text: str) -> None:
    started = time.perf_counter()
    try:
        article = load_article_text(text, path="fuzz.yaml", kind="claims")
    except QuotecheckError as exc:
        assert "\n" not in str(exc)
        return
    assert article.claims and all(q.text == article.text[q.span.start : q.span.end] for q in article.claims)
    _bounded(started)


def _speaker_aliases(text: str) -> object:
    data, _ = load_yaml(text, path="speakers.yaml")
    return parse_aliases(data, source="speakers.yaml")


@pytest.mark.parametrize(
    "read",
    [lambda t: parse_config(t, path="quotecheck.yaml"), _speaker_aliases],
    ids=["config", "speaker_aliases"],
)
@FAST
@given(text=YAML_TEXT)
def test_yaml_user_files(read: Callable[[str], object], text: str) -> None:
    _read_or_one_line(read, text)


@FAST
@given(text=YAML_TEXT, schema=st.booleans())
def test_review_files_as_text(text: str, schema: bool, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.review.yaml"
    path.write_text(f"schema: {SCHEMA}\ndecisions:\n  - " + text if schema else text, "utf-8")
    try:
        load_review_file(path)
    except QuotecheckError as exc:
        assert "\n" not in str(exc)


# fmt: off
REVIEW_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["schema", "reviews", "start", "end", "text", "decision",
                                         "note", "quote", "at", "fidelity", "article"]), inner,
                        max_size=6),
    ),
    max_leaves=20,
)
# fmt: on


@FAST
@given(data=REVIEW_VALUES, schema=st.booleans())
def test_review_files(data: object, schema: bool) -> None:
    if schema and isinstance(data, dict):
        data = {**data, "schema": SCHEMA}
    try:
        parse_review_data(data, path="fuzz.review.yaml")
    except QuotecheckError:
        pass


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_long_line_of_marks_stays_fast(name: str) -> None:
    text = ("Q: \u201c" * 5000) + ("\u2014 " * 5000)
    started = time.perf_counter()
    try:
        parse_transcript(text, path="long.txt", format=name)
    except QuotecheckError:
        pass
    _bounded(started)
