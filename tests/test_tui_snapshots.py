"""Snapshots of the review screen, one per kind of finding (pinned Textual, fixed size)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_tui_review import ALTERED, MISATTRIBUTED, copy_example, make_app, settle

VERBATIM, ELIDED = 0, 1
NOT_FOUND = 6  # the Beijing-arrests quote: in no transcript of the small corpus

# On a loaded machine the quote list's scroll position can still settle one row apart
# between two runs (seen about once in ten full-suite runs at 80x24, never run alone).
# A picture that differs only by that timing is taken again, up to twice; a real layout
# change differs every time and still fails.
pytestmark = pytest.mark.flaky(reruns=2)


def run_to(index: int, *, changes: int = 0):  # type: ignore[no-untyped-def]
    """Wait for every finding, then move to quote ``index`` and step through changes."""

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot.app, pilot)
        await pilot.press(*["j"] * index, *["n"] * changes)
        # A scroll-to-cursor may land late on a loaded machine: wait until every scrollable
        # pane has kept its scroll position for two checks in a row before the picture.
        last = None
        for _ in range(40):
            await pilot.wait_for_scheduled_animations()
            await pilot.pause(0.1)
            state = tuple(
                (w.scroll_offset.x, w.scroll_offset.y) for w in pilot.app.screen.query("*") if w.is_scrollable
            )
            if state == last:
                break
            last = state

    return before


@pytest.mark.parametrize(
    ("index", "changes"),
    [(VERBATIM, 0), (ELIDED, 1), (ALTERED, 2), (MISATTRIBUTED, 0), (NOT_FOUND, 0)],
    ids=["verbatim", "elided", "altered", "misattributed", "not-found"],
)
def test_review_screen(snap_compare, tmp_path: Path, index: int, changes: int) -> None:  # type: ignore[no-untyped-def]
    app = make_app(copy_example(tmp_path), keep_decisions=False)
    assert snap_compare(app, terminal_size=(120, 36), run_before=run_to(index, changes=changes))


def test_review_screen_at_80_by_24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The smallest terminal we promise: the verdict bar, its first reason and the footer's keys."""
    app = make_app(copy_example(tmp_path), keep_decisions=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_to(ALTERED, changes=2))


def test_review_screen_in_the_light_theme(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Badges, marks and highlights stay readable on a light background."""
    app = make_app(copy_example(tmp_path), keep_decisions=False, theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 36), run_before=run_to(ALTERED, changes=2))
