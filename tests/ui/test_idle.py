"""Idle warning and visit reset."""

from __future__ import annotations

import asyncio

from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.visit import Visit
from tests.ui.helpers import flat, make_config, open_overview, screen_text, write_catalog


async def wait_for(pilot, predicate, timeout=3.0):
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if predicate():
            await pilot.pause()
            return True
        await pilot.pause(0.05)
    return predicate()


def quick(tmp_path, **changes):
    return make_config(tmp_path, idle_timeout=0.5, idle_warning=0.6, **changes)


async def test_no_warning_on_untouched_welcome(make_app, tmp_path):
    app = make_app(quick(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(1.0)
        assert isinstance(app.screen, WelcomeScreen)


async def test_warning_then_any_key_keeps_session(make_app, tmp_path):
    app = make_app(quick(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("3", "c")
        assert await wait_for(pilot, lambda: isinstance(app.screen, IdleWarningScreen))
        text = flat(screen_text(app))
        assert "Still there?" in text and "Press any key to continue." in text
        assert "Starting again for the next visitor in 1 second." in text
        await pilot.press("down")  # swallowed: does not move the contents
        await pilot.pause()
        assert app.screen is screen and screen.section_index == 2
        assert screen.toc.index == 2 and app.focused is screen.toc
        assert app.visit.theme == "high-contrast"


async def test_countdown_resets_the_visit(make_app, tmp_path):
    config = quick(tmp_path, languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "kiosk", {"Medicine information": "Arzneimittel-Information"})
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Deutsch
        assert app.visit.language == "de"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("5", "c", "s")
        assert await wait_for(pilot, lambda: isinstance(app.screen, IdleWarningScreen))
        assert await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), 3.0)
        await pilot.pause()
        assert app.visit == Visit(language="en", theme="standard")
        assert app.theme == "kiosk-standard"
        assert app.screen.menu.index == 0 and app.focused is app.screen.menu
        assert "Medicine information" in screen_text(app)
        # Position forgotten: Start opens section 1 again.
        await open_overview(pilot)
        assert app.screen.section_index == 0


def test_visit_reset_copies_defaults():
    defaults = Visit(language="de", theme="terminal")
    visit = defaults.copy()
    visit.language, visit.section_index, visit.speech_on, visit.medicine_slug = "uk", 4, True, "x"
    visit.reset(defaults)
    assert visit == defaults and visit is not defaults
