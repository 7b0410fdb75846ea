"""What the desk, ``show`` and ``check`` display: other matches once per transcript by title,
Markdown escapes dropped (offsets untouched), search over speakers, honest empty exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_tui_review import BEIJING, copy_example, make_app, settle, sync
from tui.state import Item, matches
from verifier.cli import main
from verifier.corpus.memory import Corpus
from verifier.models import (
    Alternative,
    Attribution,
    Fidelity,
    Finding,
    Match,
    Quote,
    Role,
    Severity,
    Span,
    Speaker,
)
from verifier.report.alternatives import distinct_alternatives, other_matches
from verifier.text.display import unescape_markdown
from verifier.transcripts.loader import load_transcript

THANKS = "Thanks, [moderator]. And thanks, everybody, for joining this morning."


def test_markdown_escapes_are_dropped_for_display_only() -> None:
    shown = unescape_markdown(r"Thanks, \[moderator\]. \[Redacted\] to be")
    assert shown == "Thanks, [moderator]. [Redacted] to be"
    assert unescape_markdown(r"a \_b\_ and C:\path") == r"a _b_ and C:\path"  # a lone backslash stays


def test_show_and_check_print_brackets_while_offsets_point_into_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", str(BEIJING), "--words", "40"]) == 0
    shown = capsys.readouterr().out
    assert "Thanks, [moderator]." in shown and "\\[" not in shown
    assert main(["check", THANKS, "--transcript", str(BEIJING)]) in (0, 1)
    checked = capsys.readouterr().out
    assert "said:     \u201cThanks, [moderator]." in checked and "\\[" not in checked
    main(["check", THANKS, "--transcript", str(BEIJING), "--format", "json"])
    match = json.loads(capsys.readouterr().out)["match"]
    original = BEIJING.read_text(encoding="utf-8")
    assert original[match["start"]:match["end"]].startswith("Thanks, \\[moderator\\]")


def test_other_matches_are_one_per_transcript_with_title_date_speaker_and_score() -> None:
    call = load_transcript(BEIJING)
    corpus = Corpus([call])
    turn = next(t for t in call.turns if t.speaker.role is Role.MODERATOR)
    para = turn.paragraphs[0]
    here = Span(start=para.start, end=para.end)
    elsewhere = call.turns[-1].paragraphs[0]
    match = Match(
        transcript=call, span=here, pieces=(here,), score=0.95,
        alternatives=(
            Alternative(transcript_id=call.id, span=here, score=0.95),  # the match itself
            Alternative(transcript_id="gone-since-indexing", span=here, score=0.7),
            Alternative(transcript_id=call.id, span=elsewhere, score=0.6),
            Alternative(transcript_id="gone-since-indexing", span=here, score=0.8),
            Alternative(transcript_id=call.id, span=elsewhere, score=0.5),
        ),
    )
    assert [(a.transcript_id, a.score) for a in distinct_alternatives(match)] == [
        ("gone-since-indexing", 0.8), (call.id, 0.6)
    ]
    gone, same = other_matches(match, corpus)
    assert gone.transcript is None and "no longer in the corpus" in gone.label
    assert same.label.startswith(f"{call.title} (2024-01-28) \u00b7 ")
    assert same.label.endswith("score 0.60") and same.speaker and same.speaker in same.label
    assert call.id not in same.label  # the slug is for machines


def finding_for(quote: Quote, speaker: Speaker | None) -> Finding:
    return Finding(quote=quote, match=None, speaker=speaker, edits=(), fidelity=Fidelity.VERBATIM,
                   attribution=Attribution.CONFIRMED, severity=Severity.OK, score=1.0, reasons=())


def test_search_matches_quote_text_credited_and_matched_speaker() -> None:
    quote = Quote(text="We do not seek \\[another\\] war", span=Span(start=0, end=30),
                  attributed_to="the spokesman", speaker_name="John Kirby")
    spoke = Speaker(label="MR. KIRBY", role=Role.OFFICIAL, name="John Kirby")
    reporter = Speaker(label="Q", role=Role.REPORTER, name="Peter Doocy")
    item = Item(index=0, quote=quote, finding=finding_for(quote, spoke))
    for words in ("seek [another] war", "SPOKESMAN", "kirby", "mr. kirby"):
        assert matches(item, "all", words), words
    other = Item(index=0, quote=quote, finding=finding_for(quote, reporter))
    assert matches(other, "all", "doocy") and not matches(item, "all", "doocy")


@sync
async def test_exporting_an_article_without_quotes_says_so(tmp_path: Path) -> None:
    article = copy_example(tmp_path, text="Nobody was quoted in this story.\n")
    app = make_app(article)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.review_screen
        assert screen.nothing_to_export([]) == (
            "This article has no quotes to check, so there is no report to export."
        )
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is screen  # no export dialog for nothing
    assert not list(tmp_path.glob("*.report.*"))
