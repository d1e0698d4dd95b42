"""Idle warning and visit reset, driven by a clock the test moves (no waiting on time)."""

from __future__ import annotations

from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.visit import Visit
from tests.ui.helpers import flat, make_config, open_overview, screen_text, write_catalog

TIMEOUT, WARNING = 120.0, 30.0


def idle_config(tmp_path, **changes):
    return make_config(tmp_path, idle_timeout=TIMEOUT, idle_warning=WARNING, **changes)


async def idle_for(pilot, clock, seconds: float) -> None:
    """Let ``seconds`` pass without a key, then run the app's idle check."""
    clock.advance(seconds)
    pilot.app.idle.check()
    await pilot.pause()


async def test_no_warning_on_untouched_welcome(make_app, clock, tmp_path):
    app = make_app(idle_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await idle_for(pilot, clock, TIMEOUT * 10)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.idle.warning is None


async def test_warning_then_any_key_keeps_session(make_app, clock, tmp_path):
    app = make_app(idle_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("3", "c")
        await idle_for(pilot, clock, TIMEOUT - 1)
        assert app.screen is screen, "warned before the idle timeout"
        await idle_for(pilot, clock, 1)
        warning = app.screen
        assert isinstance(warning, IdleWarningScreen)
        text = flat(screen_text(app))
        assert "Still there?" in text and "Press any key to continue." in text
        assert "Starting again for the next visitor in 30 seconds." in text
        clock.advance(WARNING - 0.5)
        warning.tick()
        await pilot.pause()
        assert "Starting again for the next visitor in 1 second." in flat(screen_text(app))
        await pilot.press("down")  # swallowed: does not move the contents
        await pilot.pause()
        assert app.screen is screen and screen.section_index == 2
        assert screen.toc.index == 2 and app.focused is screen.toc
        assert app.visit.theme == "high-contrast"
        # The countdown of the closed warning no longer resets anything.
        clock.advance(WARNING)
        warning.tick()
        await pilot.pause()
        assert app.screen is screen


async def test_countdown_resets_the_visit(make_app, clock, tmp_path):
    config = idle_config(tmp_path, languages=("en", "de"))
    write_catalog(config.locales_dir, "de", "kiosk", {"Medicine information": "Arzneimittel-Information"})
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Deutsch
        assert app.visit.language == "de"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("5", "c", "s")
        await idle_for(pilot, clock, TIMEOUT)
        warning = app.screen
        assert isinstance(warning, IdleWarningScreen)
        clock.advance(WARNING)
        warning.tick()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.visit == Visit(language="en", theme="standard")
        assert app.theme == "kiosk-standard"
        assert app.screen.menu.index == 0 and app.focused is app.screen.menu
        assert "Medicine information" in screen_text(app)
        assert "Speech: off" in screen_text(app)
        # Position forgotten: Start opens section 1 again.
        await open_overview(pilot)
        assert app.screen.section_index == 0


async def test_a_key_starts_the_idle_time_again(make_app, clock, tmp_path):
    app = make_app(idle_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await idle_for(pilot, clock, TIMEOUT - 1)
        await pilot.press("down")
        await idle_for(pilot, clock, TIMEOUT - 1)
        assert isinstance(app.screen, OverviewScreen)
        await idle_for(pilot, clock, 1)
        assert isinstance(app.screen, IdleWarningScreen)


async def test_the_language_list_keeps_its_highlight_after_still_there(make_app, clock, tmp_path):
    """"Still there?" over the language list, then a key: the highlight is where the
    visitor left it (it went back to the language in use: a newcomer's finding)."""
    app = make_app(idle_config(tmp_path, languages=("en", "de", "fr")))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("l", "down", "down")
        chooser = app.screen
        assert chooser.menu.current.key == "fr"
        await idle_for(pilot, clock, TIMEOUT)
        assert isinstance(app.screen, IdleWarningScreen)
        await pilot.press("down")  # "I am here": the warning closes
        await pilot.pause()
        assert app.screen is chooser and chooser.menu.current.key == "fr"
        await pilot.press("escape", "l")  # opened again: on the language in use
        await pilot.pause()
        assert app.screen.menu.current.key == "en"
