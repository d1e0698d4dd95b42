"""Visits leave nothing behind: the screens a visitor opened do not keep their drawn lines.

Textual 8.2 keeps the line caches of up to 1024 removed widgets alive (see
``VisitorActions.let_go_of_rendered_lines``); without the kiosk emptying
them, every visit kept about 600 drawn lines (~1 MiB) for good.
"""

from __future__ import annotations

import gc

import asyncio

from textual.strip import Strip

from kiosk.ui.screens.overview import OverviewScreen
from tests.ui.helpers import open_overview


def strips_alive() -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, Strip))


async def removed_screens_closed(pilot) -> None:
    """Wait until the overviews of past visits are gone (a safety net fails loudly)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + 10
    while True:
        gc.collect()
        if not any(isinstance(obj, OverviewScreen) for obj in gc.get_objects()):
            return
        assert loop.time() < end, "the removed overview screens never closed"
        await pilot.pause()


async def visit(pilot) -> None:
    await open_overview(pilot)
    await pilot.press(*"12345678", "i", "escape", "f1", "f1", "home")
    await pilot.pause()


async def test_visits_do_not_accumulate_drawn_lines(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await visit(pilot)
        await removed_screens_closed(pilot)
        before = strips_alive()
        for _ in range(8):
            await visit(pilot)
        await removed_screens_closed(pilot)
        grown = strips_alive() - before
        assert grown < 8 * 100, f"{grown} drawn lines kept after 8 visits"
