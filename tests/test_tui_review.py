"""Pilot tests of the review UI: keys in, state out (navigation, filters, decisions, failures)."""

from __future__ import annotations

import asyncio
import functools
import json
import shutil
from collections.abc import Callable, Coroutine
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tui.app import ReviewApp, create_app
from tui.commands import ReviewCommands
from tui.screens.article import ArticleScreen
from tui.screens.dialogs import ChoiceDialog, NoteDialog
from tui.screens.help import HelpScreen
from tui.screens.review import ReviewScreen
from tui.screens.transcript import TranscriptScreen
from tui.source import ReviewSource
from tui.state import Status
from tui.widgets.diff_view import DiffView
from tui.widgets.quote_list import QuoteList
from verifier.articles.loaders import load_article
from verifier.cli import main
from verifier.corpus.memory import Corpus
from verifier.corpus.search_space import SearchSpace
from verifier.errors import InputError
from verifier.models import Attribution, Fidelity, Finding, Quote, Severity
from verifier.report.review import Decision, article_hash, load_review_file, review_path_for
from verifier.session import Verifier
from verifier.transcripts.loader import load_transcript

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "counternarcotics-story.md"
BEIJING = ROOT / "corpus" / "2024-01-28-background-press-call-counternarcotics-working-group-beijing.md"


@cache
def small_corpus() -> Corpus:
    """The one background call the example article quotes (the Kirby quote is then not found)."""
    return Corpus([load_transcript(BEIJING)], path=str(BEIJING.parent))


def copy_example(folder: Path, text: str | None = None) -> Path:
    """The example article copied into ``folder`` (decisions then land there too)."""
    target = folder / EXAMPLE.name
    if text is None:
        shutil.copy(EXAMPLE, target)
    else:
        target.write_text(text, encoding="utf-8")
    return target


def make_app(
    article_path: Path,
    *,
    open_corpus: Callable[[], SearchSpace] | None = None,
    keep_decisions: bool = True,
    theme: str | None = None,
    **source_changes: object,
) -> ReviewApp:
    """The app the CLI would build, on a small corpus; decisions beside the article copy."""
    opener = open_corpus or small_corpus
    source = ReviewSource.for_article(load_article(article_path), lambda: Verifier(opener()))
    if not keep_decisions:
        source = replace(source, review_path=None)
    if source_changes:
        source = replace(source, **source_changes)  # type: ignore[arg-type]
    return create_app(source, theme=theme)


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async pilot test on its own event loop (no asyncio plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(app: ReviewApp, pilot: object) -> None:
    """Wait until verification has finished and the screen has handled every message."""
    await app.workers.wait_for_complete()
    for _ in range(200):
        await pilot.pause()  # type: ignore[attr-defined]
        if app.review_screen.done:
            break
    await pilot.pause()  # type: ignore[attr-defined]


QUOTES = 11
ALTERED = 3  # "shipments" where the transcript has "seizures"
MISATTRIBUTED = 5  # a reporter's question credited to the official


def screen_of(app: ReviewApp) -> ReviewScreen:
    return app.review_screen


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


@sync
async def test_list_fills_in_article_order_and_keys_move_through_it(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        assert [it.index for it in screen.items] == list(range(QUOTES))
        assert all(it.status is Status.DONE for it in screen.items)
        assert screen.items[ALTERED].finding.fidelity is Fidelity.ALTERED
        assert screen.current_index == 0
        await pilot.press("j", "j", "down")
        assert screen.current_index == 3
        await pilot.press("k")
        assert screen.current_index == 2
        assert screen.query_one(QuoteList).has_focus


@sync
async def test_filter_by_severity_then_escape_shows_all(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        await pilot.press("f")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "enter")  # all, unreviewed, severity: fail
        await pilot.pause()
        assert screen.filter == "severity:fail"
        shown = screen.shown_items()
        assert shown and all(it.severity is Severity.FAIL for it in shown)
        assert screen.query_one(QuoteList).option_count == len(shown) < QUOTES
        await pilot.press("escape")
        assert screen.filter == "all"
        assert screen.query_one(QuoteList).option_count == QUOTES


@sync
async def test_search_narrows_the_list_by_text(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        await pilot.press("slash")
        await pilot.press(*"precursors")
        await pilot.pause()
        assert screen.search == "precursors"
        assert [it.index for it in screen.shown_items()] == [ALTERED, 6]
        await pilot.press("enter")
        assert screen.query_one(QuoteList).has_focus
        assert screen.current_index == ALTERED


@sync
async def test_next_and_previous_change_wrap_around(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        for _ in range(ALTERED):
            await pilot.press("j")
        diff = screen.query_one(DiffView)
        assert diff.changes == 2
        await pilot.press("n")
        assert diff.cursor == 0
        await pilot.press("n")
        assert diff.cursor == 1
        cell = next(c for c in diff.cells if c.change == 1)
        assert (cell.article, cell.transcript, cell.kind) == ("shipments", "seizures", "change")
        await pilot.press("n")
        assert diff.cursor == 0
        await pilot.press("p")
        assert diff.cursor == 1
        await pilot.press("j")
        assert diff.cursor is None


@sync
async def test_accept_override_and_note_are_saved_at_once_and_restored(article: Path) -> None:
    review_file = review_path_for(article)
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        await pilot.press("a")  # accept quote 1, move to quote 2
        assert screen.current_index == 1
        saved = load_review_file(review_file)
        assert saved is not None and saved.reviews[0].decision is Decision.ACCEPTED
        for _ in range(ALTERED - 1):
            await pilot.press("j")
        await pilot.press("o")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("up", "enter")  # from altered (the engine's) up to minor_edits
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"asked the desk", "enter")
        await pilot.pause()
        item = screen.items[ALTERED]
        assert item.fidelity is Fidelity.MINOR_EDITS and item.review.note == "asked the desk"
        assert item.mark == "!\u270e"
    saved = load_review_file(review_file)
    assert [(r.decision, r.verdict, r.note) for r in saved.reviews] == [
        (Decision.ACCEPTED, None, ""),
        (Decision.OVERRIDDEN, Fidelity.MINOR_EDITS, "asked the desk"),
    ]
    reopened = make_app(article)
    async with reopened.run_test(size=(120, 36)) as pilot:
        await settle(reopened, pilot)
        items = screen_of(reopened).items
        assert items[0].review.decision is Decision.ACCEPTED
        assert items[ALTERED].fidelity is Fidelity.MINOR_EDITS
        assert items[ALTERED].review.note == "asked the desk"
        assert sum(1 for it in items if it.review) == 2


@sync
async def test_a_changed_article_keeps_moved_decisions_and_names_stale_ones(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")  # quote 1 accepted
        for _ in range(ALTERED - 1):
            await pilot.press("j")
        await pilot.press("e", *"wrong word", "enter")  # a note on the altered quote
        await pilot.pause()
    text = article.read_text(encoding="utf-8")
    text = text.replace("# U.S. and China", "An editor's new first paragraph.\n\n# U.S. and China")
    text = text.replace("reductions in shipments of", "reductions in shipping of")
    article.write_text(text, encoding="utf-8")
    reopened = make_app(article)
    async with reopened.run_test(size=(120, 36)) as pilot:
        await settle(reopened, pilot)
        screen = screen_of(reopened)
        assert screen.store.reconciled.article_changed
        assert screen.items[0].review.decision is Decision.ACCEPTED  # moved with its words
        (stale,) = screen.store.reconciled.stale
        assert stale.note == "wrong word" and "shipments" in stale.quote
        assert screen.items[ALTERED].review is None
        await pilot.press("j", "a")  # a new decision keeps the stale one in the file
    saved = load_review_file(review_path_for(article))
    assert {r.note for r in saved.reviews} >= {"wrong word"}
    assert saved.article_sha == article_hash(load_article(article).text)


@sync
async def test_article_view_highlights_the_quote_and_returns_to_another(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "v")
        assert isinstance(app.screen, ArticleScreen) and app.screen.current == 1
        await pilot.press("j", "escape")
        assert screen_of(app).current_index == 2
        await pilot.press("t")
        assert isinstance(app.screen, TranscriptScreen)
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is screen_of(app)


@sync
async def test_export_writes_the_report_with_decisions(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", "x")
        await pilot.press("down", "enter")  # JSON
        await pilot.pause()
    report = json.loads(article.with_name("counternarcotics-story.report.json").read_text(encoding="utf-8"))
    assert report["findings"][0]["review"]["decision"] == "accepted"
    assert len(report["findings"]) == QUOTES


@sync
async def test_a_missing_corpus_is_a_message_not_a_traceback(article: Path) -> None:
    def missing() -> Corpus:
        raise InputError("corpus not found", path="/nowhere")

    app = make_app(article, open_corpus=missing)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        assert "cannot open the corpus" in screen.status
        assert all(it.status is Status.ERROR for it in screen.items)
        assert screen.check_action("accept", ()) is None


@sync
async def test_one_failing_quote_shows_its_state_and_the_rest_go_on(article: Path) -> None:
    class Flaky(Verifier):
        def verify_quote(self, quote: Quote, *, near_date: str | None = None) -> Finding:
            if "shipments" in quote.text:
                raise RuntimeError("alignment blew up")
            return super().verify_quote(quote, near_date=near_date)

    app = make_app(article, open_verifier=lambda: Flaky(small_corpus()))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        items = screen_of(app).items
        assert items[ALTERED].status is Status.ERROR and "alignment blew up" in items[ALTERED].error
        assert items[ALTERED].badge == "ERROR"
        assert sum(1 for it in items if it.status is Status.DONE) == QUOTES - 1


@sync
async def test_an_article_without_quotes_says_so(tmp_path: Path) -> None:
    path = copy_example(tmp_path, text="Nobody was quoted in this story.\n")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        assert screen.items == [] and "no quotes" in screen.status


def test_an_unreadable_article_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(tmp_path / "missing.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quotecheck: ") and "Traceback" not in err
    assert main(["review", str(EXAMPLE), "--corpus", str(tmp_path / "nope")]) == 2
    assert "corpus not found" in capsys.readouterr().err


@sync
async def test_the_palette_offers_jumps_filters_and_actions(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        provider = ReviewCommands(app.review_screen)
        names = [name for name, _, _ in provider.commands()]
        assert "Accept" in names and "Open transcript" in names
        assert any(n.startswith("Jump to quote 11:") for n in names)
        assert "Filter: Severity: fail" in names
        assert any(n.startswith("Export:") for n in names)


@sync
async def test_overriding_the_attribution_changes_the_badge_and_is_saved(article: Path) -> None:
    """The reviewer knows better who spoke: the attribution verdict is theirs to set too."""
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        for _ in range(MISATTRIBUTED):
            await pilot.press("j")
        item = screen.items[MISATTRIBUTED]
        assert (item.attribution, item.badge) == (Attribution.MISATTRIBUTED, "FAIL")
        await pilot.press("O")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("up", "enter")  # from misattributed (the engine's) up to confirmed
        await pilot.pause()
        item = screen.items[MISATTRIBUTED]
        assert (item.attribution, item.badge) == (Attribution.CONFIRMED, "OK")
    saved = load_review_file(review_path_for(article))
    assert [(r.decision, r.verdict, r.attribution) for r in saved.reviews] == [
        (Decision.OVERRIDDEN, None, Attribution.CONFIRMED)
    ]
