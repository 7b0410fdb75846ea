"""Headless rendering to SVG, for the README and docs: the app exports its own screenshot."""

from __future__ import annotations

from pathlib import Path

from .app import ReviewApp


async def save_screenshot(app: ReviewApp, path: str, *, size: tuple[int, int], select: int = 1) -> Path:
    """Run the app headless until every quote is verified, select a quote, save an SVG."""
    target = Path(path)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(max(select, 1) - 1):
            await pilot.press("j")
        await pilot.pause()
        app.save_screenshot(filename=target.name, path=str(target.parent or "."))
    return target
