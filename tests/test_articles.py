"""Article loading and quote extraction: loaders, each quoting pattern, offsets, the scoreboard."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.articles.quotes import extract_quotes, load_article, load_article_text
from verifier.errors import ArticleError, InputError
from verifier.eval.extraction import evaluate_extraction, format_extraction_scores
from verifier.models import Article, Quote, QuoteFlag

DATA = Path(__file__).parent / "data" / "articles"
ARTICLES = sorted(p for p in DATA.iterdir() if p.is_file() and p.name != "labels.yaml") + sorted(
    (DATA / "real").glob("*.txt")
)

P = QuoteFlag.PARTIAL
S = QuoteFlag.SPLIT
M = QuoteFlag.MULTI_PARAGRAPH


def quotes_of(text: str) -> list[Quote]:
    return extract_quotes(load_article_text(text))


def only(text: str) -> Quote:
    found = quotes_of(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# --- one quoting pattern per row: text, quote words, attributed_to, speaker, cue, flags ----

PATTERNS = [
    (
        "“We’re not interested in a war with Yemen,” Kirby said.",
        "We’re not interested in a war with Yemen,",
        "Kirby",
        "Kirby",
        "said",
        set(),
    ),
    (
        "“We’re not interested in a war,” said John Kirby, the NSC spokesman.",
        "We’re not interested in a war,",
        "John Kirby",
        "John Kirby",
        "said",
        set(),
    ),
    (
        "Kirby said: “We’re not interested in a conflict of any kind here.”",
        "We’re not interested in a conflict of any kind here.",
        "Kirby",
        "Kirby",
        "said",
        set(),
    ),
    (
        "Kirby told reporters “We’re not interested in a war.”",
        "We’re not interested in a war.",
        "Kirby",
        "Kirby",
        "told reporters",
        set(),
    ),
    (
        "According to a senior administration official, “we saw companies shut down.”",
        "we saw companies shut down.",
        "a senior administration official",
        "a senior administration official",
        "according to",
        set(),
    ),
    (
        "“Is the President ready for a war in Yemen?” a reporter asked.",
        "Is the President ready for a war in Yemen?",
        "a reporter",
        "a reporter",
        "asked",
        set(),
    ),
    (
        "“It is a disaster,” Hugh Hill, a doctor, said.",
        "It is a disaster,",
        "Hugh Hill",
        "Hugh Hill",
        "said",
        set(),
    ),
    (
        "The official called it a “pivotal moment” for diplomacy.",
        "pivotal moment",
        "The official",
        "The official",
        "called",
        {P},
    ),
    (
        "“We are coming in,” the official said, “with goals of furthering the work.”",
        "We are coming in, ... with goals of furthering the work.",
        "the official",
        "the official",
        "said",
        {S},
    ),
    (
        "“Fire away,” national security spokesman John Kirby said on Friday.",
        "Fire away,",
        "John Kirby",
        "John Kirby",
        "said",
        set(),
    ),
    (
        "Cate Cadell of the Washington Post asked whether they would “come in with any outcome.”",
        "come in with any outcome.",
        "Cate Cadell",
        "Cate Cadell",
        "asked",
        {P},
    ),
    (
        "The theme is “African Americans and the Arts.”",
        "African Americans and the Arts.",
        None,
        None,
        None,
        {P},
    ),
]


@pytest.mark.parametrize(("text", "words", "attributed", "speaker", "cue", "flags"), PATTERNS)
def test_quoting_patterns(
    text: str,
    words: str,
    attributed: str | None,
    speaker: str | None,
    cue: str | None,
    flags: set[QuoteFlag],
) -> None:
    quote = only(text)
    assert quote.text == words
    assert quote.attributed_to == attributed
    assert quote.speaker_name == speaker
    assert quote.cue == cue
    assert set(quote.flags) == flags


def test_scare_quote_without_attribution() -> None:
    quote = only("The White House has a favorite word, and it is “Bidenomics.”")
    assert quote.text == "Bidenomics."
    assert QuoteFlag.SCARE in quote.flags
    assert quote.attributed_to is None


def test_reported_speech_after_a_question_is_not_its_attribution() -> None:
    quote = only('Asked "Is the President ready?" Kirby said the focus was shipping.')
    assert quote.attributed_to is None


def test_straight_quotes_and_apostrophes() -> None:
    found = quotes_of("\"We're not interested in a war,\" he said of the Houthis' attacks.")
    assert [q.text for q in found] == ["We're not interested in a war,"]
    assert found[0].cue == "said"


def test_apostrophes_never_close_and_nested_single_quotes_stay_inside() -> None:
    text = (
        "In the ’90s, nobody’s talks looked like this. “The People’s Republic isn’t ‘a partner’"
        " yet,” the official said of the Biden administration’s plan."
    )
    quote = only(text)
    assert quote.text == "The People’s Republic isn’t ‘a partner’ yet,"
    assert QuoteFlag.NESTED in quote.flags


def test_multi_paragraph_quote_is_one_quote_in_pieces() -> None:
    text = (
        "“I don’t think I have to tell anybody here that 100,000 people a year die.\n\n"
        "“As all of you also know, cooperation has been suspended.\n\n"
        "“But that changed in November,” the official said."
    )
    quote = only(text)
    assert len(quote.pieces) == 3
    assert M in quote.flags and QuoteFlag.UNCLOSED not in quote.flags
    assert quote.text.count(" ... ") == 2
    assert quote.attributed_to == "the official"


def test_unclosed_quote_recovers_at_its_attribution() -> None:
    text = "“He made the decision after the attack on Tuesday, John Kirby said.\n\nMore copy."
    quote = only(text)
    assert quote.text == "He made the decision after the attack on Tuesday,"
    assert QuoteFlag.UNCLOSED in quote.flags
    assert quote.speaker_name == "John Kirby"


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    quote = only("They vowed to retaliate. “They’ve got choices to make here\n\nNext paragraph.")
    assert quote.text == "They’ve got choices to make here"
    assert QuoteFlag.UNCLOSED in quote.flags


def test_unopened_quote_recovers_from_paragraph_start() -> None:
    quote = only("Kirby spoke.\n\nWhen he was briefed, he called his team together,” Kirby said.")
    assert quote.text == "When he was briefed, he called his team together,"
    assert QuoteFlag.UNOPENED in quote.flags
    assert quote.attributed_to == "Kirby"


def test_anaphora_resolves_to_the_named_speaker() -> None:
    text = (
        "Karine Jean-Pierre and John Kirby briefed reporters.\n\n"
        "“The border deal is tough,” Jean-Pierre said.\n\n"
        "“We are not seeking war,” Kirby said.\n\n"
        "“It is fair,” she added.\n\n"
        "“We will act,” Mr. Kirby said.\n\n"
        "“The strikes were lawful,” he said."
    )
    names = [q.speaker_name for q in quotes_of(text)]
    assert names == ["Karine Jean-Pierre", "John Kirby", "Karine Jean-Pierre", "John Kirby", "John Kirby"]


def test_the_official_resolves_to_an_earlier_role_phrase() -> None:
    text = (
        "“We are coming in,” a senior administration official said.\n\n"
        "“It’s by far not the only marker of progress,” the official said."
    )
    assert [q.speaker_name for q in quotes_of(text)] == [
        "a senior administration official",
        "a senior administration official",
    ]


def test_the_spokesman_resolves_by_role_noun() -> None:
    text = (
        "National security spokesman John Kirby defended the strikes.\n\n"
        "“They were valid targets,” the spokesman said."
    )
    assert only(text).speaker_name == "John Kirby"


def test_quote_with_no_credit_has_no_speaker() -> None:
    quote = only("Nobody spoke.\n\n“Prices are falling everywhere.”")
    assert quote.attributed_to is None and quote.speaker_name is None


# --- offsets ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_piece_is_exactly_what_the_quote_holds(path: Path) -> None:
    article = load_article(path)
    for quote in extract_quotes(article):
        pieces = [p.of(article.text) for p in quote.pieces]
        assert quote.text == " ... ".join(pieces)
        assert quote.span.start == quote.pieces[0].start
        assert quote.span.end == quote.pieces[-1].end
        assert all(p.strip() == p and p for p in pieces)
        if quote.context is not None:
            assert quote.context.start <= quote.span.start <= quote.span.end <= quote.context.end


# --- loaders ----------------------------------------------------------------------------


def test_markdown_front_matter_is_metadata_and_offsets_index_the_body() -> None:
    article = load_article(DATA / "markdown-black-history.md")
    assert article.format == "markdown"
    assert article.title and article.title.startswith("White House marks Black History Month")
    assert article.outlet == "The Dispatch"
    assert article.date == "2024-02-06"
    assert article.url and article.url.startswith("https://")
    assert not article.text.startswith("---")
    first = extract_quotes(article)[0]
    assert first.span.of(article.text).startswith("This year’s theme")


def test_html_keeps_the_story_and_drops_boilerplate() -> None:
    article = load_article(DATA / "html-page-houthi.html")
    assert article.format == "html"
    assert article.outlet == "The Capital Ledger"
    assert article.date == "2024-01-12"
    assert "We’re not interested in a war with Yemen" in article.text
    for junk in ("cookies", "Refinance", "Privacy Policy", "Subscribe", "The Briefing"):
        assert junk not in article.text
    texts = [q.text for q in extract_quotes(article)]
    assert not any("cookies" in t or "Briefing" in t for t in texts)


def test_claims_file_gives_quotes_with_hints() -> None:
    article = load_article(DATA / "claims-kirby.yaml")
    assert article.format == "claims" and article.claims is not None
    quotes = extract_quotes(article)
    assert len(quotes) == 4
    assert quotes[0].speaker_name == "John Kirby"
    assert quotes[0].transcript_hint and quotes[0].transcript_hint.startswith("2024-01-12")
    for quote in quotes:
        assert quote.span.of(article.text) == quote.text


def test_claims_from_text_with_a_mapping_and_unknown_key(tmp_path: Path) -> None:
    text = "title: Checks\nclaims:\n  - quote: Hello there\n    speaker: Kirby\n"
    article = load_article_text(text, kind="claims")
    assert article.title == "Checks" and extract_quotes(article)[0].text == "Hello there"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- quote: fine\n- quote: typo\n  speeker: Kirby\n", encoding="utf-8")
    with pytest.raises(ArticleError) as err:
        load_article(bad)
    assert err.value.line == 2 and "speeker" in str(err.value)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.md", "---\ntitle: ok\nurl: [unclosed\n---\nBody “quote,” he said.\n", 3),
        ("open.md", "---\ntitle: never closed\nBody.\n", 1),
        ("bad.yaml", "- quote: fine\n- quote: [broken\n", 3),
    ],
)
def test_bad_yaml_raises_article_error_with_line(tmp_path: Path, name: str, content: str, line: int) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert err.value.path == str(path)
    assert err.value.line == line


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x00\x01binary", b"caf\xe9 au lait"])
def test_unreadable_files_raise_input_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(InputError):
        load_article(path)


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_article(tmp_path / "nope.txt")


def test_load_article_text_for_stdin() -> None:
    article = load_article_text("“Hi there,” Kirby said.", path="-")
    assert isinstance(article, Article) and article.path == "-" and article.format == "text"
    with pytest.raises(ArticleError):
        load_article_text("x", kind="pdf")


def test_lines_are_paragraphs_when_there_are_no_blank_lines() -> None:
    article = load_article(DATA / "wire-single-newlines.txt")
    quotes = extract_quotes(article)
    assert len(quotes) == 5
    assert all(QuoteFlag.UNCLOSED not in q.flags for q in quotes)


# --- the scoreboard ---------------------------------------------------------------------


def test_extraction_scores_on_the_labelled_articles() -> None:
    scores = evaluate_extraction(DATA / "labels.yaml")
    report = format_extraction_scores(scores)
    assert scores.articles >= 15
    assert scores.precision >= 0.9, report
    assert scores.recall >= 0.9, report
    assert scores.speaker_accuracy >= 0.85, report


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "\u2018They\u2019ve got choices to make here,\u2019 he said.",
            "They\u2019ve got choices to make here,",
            "he",
        ),
        ("'We are coming in with goals,' Kirby said.", "We are coming in with goals,", "Kirby"),
        ("\u2018We are coming in with goals\u2019, Kirby said.", "We are coming in with goals", "Kirby"),
    ],
)
def test_single_quote_house_style(text: str, quote: str, speaker: str) -> None:
    quotes = extract_quotes(load_article_text(text))
    assert [(q.text, q.attributed_to) for q in quotes] == [(quote, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "The officials\u2019 views were clear on the \u201990s and don\u2019t matter.",
        "Rock 'n' roll isn't dead, the fans' leader said.",
    ],
)
def test_apostrophes_never_open_a_single_quoted_quote(text: str) -> None:
    assert extract_quotes(load_article_text(text)) == []


def test_bare_role_after_ordinal_narration_is_that_official() -> None:
    """'The first official said China ...' then 'the official said' means the first one."""
    article = load_article(Path(__file__).parent.parent / "examples" / "counternarcotics-story.md")
    quote = next(q for q in extract_quotes(article) if q.text.startswith("Is there anything"))
    assert quote.speaker_name == "a senior administration official"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Two people were hurt,” police said.", "police"),
        ("“We are reviewing the matter,” the department said in a statement.", "the department"),
        ("Ana Diaz spoke to the council on Monday.\n\n“We are pleased,” she said.", "Ana Diaz"),
    ],
)
def test_institutions_and_pronouns_after_an_unknown_first_name(text: str, speaker: str) -> None:
    """Institutions credit a quote; a pronoun finds the person just named, whatever the name."""
    (quote,) = extract_quotes(load_article_text(text))
    assert quote.speaker_name == speaker


def test_dash_credit_after_the_quote_names_the_speaker() -> None:
    """'"..." — Commissioner Ruth Hale' closing a paragraph credits her, title left out."""
    text = "The board met.\n\n“The budget is balanced.” — Commissioner Ruth Hale\n\nIt adjourned."
    (quote,) = extract_quotes(load_article_text(text))
    assert (quote.text, quote.speaker_name) == ("The budget is balanced.", "Ruth Hale")
    assert text[quote.span.start : quote.span.end] == quote.text


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("She unveiled her “Growing Jobs Plan” on Monday.", True),
        ("The state topped the “Best State for Business” list.", True),
        ("The group called it “a very bad idea” on Monday.", False),
    ],
)
def test_title_cased_names_in_quotes_are_kept_as_scare_quotes(text: str, scare: bool) -> None:
    """Plans, books and rankings printed in quotes are not verified as speech."""
    (quote,) = extract_quotes(load_article_text(text))
    assert (QuoteFlag.SCARE in quote.flags) is scare


@pytest.mark.parametrize(
    "text",
    ["“We are pleased,” Tom Reed and Ana Diaz said.", "Tom Reed and Ana Diaz said: “We are pleased.”"],
)
def test_two_named_speakers_are_both_credited(text: str) -> None:
    (quote,) = extract_quotes(load_article_text(text))
    assert quote.speaker_name == "Tom Reed and Ana Diaz"


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("The chairwoman was blunt:", "The chairwoman"),
        ("And from the chairwoman:", "the chairwoman"),
        ("The plan is simple:", None),
    ],
)
def test_role_introduced_in_the_paragraph_above(intro: str, speaker: str | None) -> None:
    (quote,) = extract_quotes(load_article_text(f"{intro}\n\n“We will not fund it.”"))
    assert quote.speaker_name == speaker
