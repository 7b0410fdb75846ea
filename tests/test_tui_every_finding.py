"""Every finding can be shown and every key pressed on it; a crash never loses a decision.

Four articles of findings: the example story against its call (every fidelity and
attribution the story holds, not found included), against an unrelated transcript (nothing
found), against the call with its speaker labels removed (no speakers), and with a verifier
that fails on every quote (errors). Each is walked by keyboard alone at 80x24 and 120x36.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from tests.test_tui_review import BEIJING, QUOTES, copy_example, make_app, settle, sync
from tui.launch import finish
from tui.screens.review import ReviewScreen
from tui.state import Status
from tui.widgets.attribution import AttributionPanel
from tui.widgets.context_view import ContextView
from tui.widgets.verdict_bar import VerdictBar
from verifier.corpus.memory import Corpus
from verifier.models import Finding, Quote
from verifier.report.review import Decision, load_review_file, review_path_for
from verifier.session import Verifier
from verifier.transcripts.loader import load_transcript

ROOT = Path(__file__).resolve().parent.parent
UNRELATED = next((ROOT / "corpus" / "speeches-remarks" / "2023-12").glob("*wisconsin-black-chamber*.md"))
# Every key of the desk, each dialog or view it opens closed again with escape.
KEYS = ("n", "p", "m", "m", "t", "v", "o", "O", "e", "f", "x", "slash", "question_mark", "a", "u", "k", "j")


def unlabelled(folder: Path) -> Corpus:
    """The Beijing call as plain paragraphs: its words, no front matter, no speaker labels."""
    text = BEIJING.read_text(encoding="utf-8").split("---", 2)[2]
    text = re.sub(r"^[A-Z][A-Z .’']+:\s+", "", text, flags=re.M)
    path = folder / "beijing-unlabelled.txt"
    path.write_text(text, encoding="utf-8")
    return Corpus([load_transcript(path)], path=str(folder))


class Broken(Verifier):
    def verify_quote(self, quote: Quote, *, near_date: str | None = None) -> Finding:
        raise RuntimeError("the index is corrupt")


def opener(kind: str, folder: Path):  # type: ignore[no-untyped-def]
    if kind == "story":
        return lambda: Verifier(Corpus([load_transcript(BEIJING)]))
    if kind == "nothing-found":
        return lambda: Verifier(Corpus([load_transcript(UNRELATED)]))
    if kind == "no-speakers":
        corpus = unlabelled(folder)
        return lambda: Verifier(corpus)
    return lambda: Broken(Corpus([load_transcript(BEIJING)]))


def text_of(widget: object) -> str:
    console = Console(width=100, record=True, color_system=None)
    console.print(widget.render())  # type: ignore[attr-defined]
    return console.export_text()


def assert_rendering(screen: ReviewScreen, kind: str) -> None:
    """Each kind of finding has its own calm rendering: badge and verdict in the bar,
    and the reason there is no passage where there is none."""
    item = screen.current
    assert item is not None
    bar = text_of(screen.query_one(VerdictBar))
    assert item.badge in bar and "Review" in bar
    context = text_of(screen.query_one(ContextView))
    if kind == "errors":
        assert "the index is corrupt" in bar and "could not be verified" in context
    elif item.finding is not None and item.finding.match is None:
        assert "not_found" in bar and "Nothing in the corpus matches" in context
    elif kind == "no-speakers" and item.finding is not None and item.finding.speaker is None:
        assert "names no speaker" in text_of(screen.query_one(AttributionPanel))
    if item.finding is not None and item.finding.reasons:
        reason = item.finding.deciding_reason or ""  # the reason behind the severity that counts
        assert " ".join(reason.split())[:30] in " ".join(bar.split())


@pytest.mark.parametrize(
    ("kind", "size", "walk"),
    [("story", (80, 24), QUOTES), ("story", (120, 36), QUOTES), ("nothing-found", (80, 24), 3),
     ("no-speakers", (80, 24), 3), ("errors", (120, 36), 2)],
    ids=["story-80x24", "story-120x36", "nothing-found", "no-speakers", "errors"],
)
@sync
async def test_every_key_on_every_quote_of_every_kind_of_finding(
    tmp_path: Path, kind: str, size: tuple[int, int], walk: int
) -> None:
    """The story holds every kind of verdict, so it is walked whole at both sizes; the
    other articles repeat one kind of finding, so their first quotes stand for the rest."""
    article = copy_example(tmp_path)
    app = make_app(article, open_verifier=opener(kind, tmp_path))
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = app.review_screen
        assert len(screen.items) == QUOTES
        if kind == "nothing-found":
            assert all(it.finding and it.finding.match is None for it in screen.items)
        if kind == "errors":
            assert all(it.status is Status.ERROR for it in screen.items)
        if kind == "no-speakers":
            assert any(it.finding and it.finding.match for it in screen.items)
        for step in range(walk):
            screen.jump_to(step)
            await pilot.pause()
            assert_rendering(screen, kind)
            for key in KEYS:
                await pilot.press(key)
                while app.screen is not screen:
                    await pilot.press("escape")
                    await pilot.pause()
                if key == "slash":
                    await pilot.press("escape")
            assert isinstance(app.screen, ReviewScreen)
            assert screen.current is not None
        assert app.return_code in (None, 0)


@sync
async def test_an_unexpected_error_exits_non_zero_and_keeps_every_saved_decision(tmp_path: Path) -> None:
    article = copy_example(tmp_path)
    app = make_app(article)

    def boom() -> None:
        raise RuntimeError("injected failure")

    with pytest.raises(RuntimeError, match="injected failure"):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("a", "e", *"called the press office", "enter")  # two decisions
            await pilot.pause()
            app.review_screen.action_filter = boom  # type: ignore[method-assign]
            await pilot.press("f")
            await pilot.pause()
    assert app.return_code == 1
    saved = load_review_file(review_path_for(article))
    assert saved is not None
    assert [(r.decision, r.note) for r in saved.reviews] == [
        (Decision.ACCEPTED, ""), (None, "called the press office")
    ]
    err = io.StringIO()
    assert finish(app, err=err) == 2
    assert "unexpected error" in err.getvalue() and "2 decision(s) kept in" in err.getvalue()
