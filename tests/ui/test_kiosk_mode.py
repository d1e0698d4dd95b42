"""Kiosk mode: nothing a visitor presses escapes; staff leave with sequence + PIN."""

from __future__ import annotations

import logging

import pytest

from kiosk.keys import build_keymap
from kiosk.launcher import setup_logging
from kiosk.ui.keymap import binding_keys
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.staff_exit import StaffExitScreen
from tests.ui.helpers import PIN, make_config, open_overview, screen_text

ESCAPE_KEYS = ["ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p", "ctrl+s",
               "tab", "shift+tab", "f5", "f10", "f11", "ctrl+d", "alt+f4"]


FORBIDDEN = {"ctrl+q", "ctrl+c", "ctrl+p", "ctrl+v", "ctrl+x", "tab", "shift+tab", "escape+tab"}


def visitor_keys(config) -> set[str]:
    return {key for keys in binding_keys(config.keymap).values() for key in keys.split(",") if key}


async def test_only_visitor_keys_are_bound_on_every_screen(make_app, tmp_path):
    """Textual's own bindings (quit, copy, paste, focus cycling, command palette) are gone
    from the app, every screen, every modal and every focused widget."""
    config = make_config(tmp_path)
    app = make_app(config)
    assert app.ENABLE_COMMAND_PALETTE is False
    allowed = visitor_keys(config)
    seen = []
    async with app.run_test(size=(80, 24)) as pilot:
        async def check(where: str) -> None:
            await pilot.pause()
            active = set(app.screen.active_bindings)
            assert active, where
            assert active <= allowed, f"{where}: {sorted(active - allowed)}"
            assert not active & FORBIDDEN, where
            seen.append(where)

        await check("welcome")
        await pilot.press("l")
        await check("language")
        await pilot.press("escape", "down", "enter")
        await check("overview contents")
        await pilot.press("enter")
        await check("overview text")
        await pilot.press("f1")
        await check("help")
        await pilot.press("f1", "i")
        await check("about")
        await pilot.press("f12", "f12", "f12")
        assert isinstance(app.screen, StaffExitScreen)
        await check("staff PIN (the PIN field focused)")
    assert len(seen) == 7


async def test_outside_kiosk_mode_ctrl_q_is_bound(make_app, tmp_path):
    app = make_app(make_config(tmp_path, kiosk_mode=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "ctrl+q" in app.screen.active_bindings


@pytest.mark.parametrize("key", ESCAPE_KEYS)
async def test_escape_keys_do_nothing(make_app, key):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("down", "down")
        screen, focused, index = app.screen, app.focused, app.screen.toc.index
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is screen and app.focused is focused
        assert screen.toc.index == index and screen.section_index == 0


async def test_mouse_clicks_are_ignored(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen, focused = app.screen, app.focused
        await pilot.click("#reading", offset=(5, 5))
        await pilot.click("#toc", offset=(5, 8))
        await pilot.pause()
        assert app.screen is screen and app.focused is focused
        assert screen.toc.index == 0 and screen.section_index == 0
        assert app.is_running


async def test_staff_exit_wrong_then_right_pin(make_app, tmp_path, announcer):
    config = make_config(tmp_path)
    setup_logging(config.log_file)
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("f12", "f12")
        assert app.screen is screen
        await pilot.press("f12")
        assert isinstance(app.screen, StaffExitScreen)
        await pilot.press(*"1357")
        text = screen_text(app)
        assert "PIN: ••••" in text and "1357" not in text
        await pilot.press("enter")
        assert "Wrong PIN. 2 tries left." in screen_text(app)
        await pilot.press(*PIN)
        text = screen_text(app)
        assert "•" * len(PIN) in text and PIN not in text
        assert all(PIN not in spoken for _, _, spoken in announcer.spoken)
        await pilot.press("escape")  # Back cancels
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("f12", "f12", "f12", *PIN, "enter")
        await pilot.pause()
        assert app.return_code == 0
    log_text = config.log_file.read_text()
    assert "PIN accepted" in log_text and "wrong PIN" in log_text
    assert PIN not in log_text and "1357" not in log_text
    logging.getLogger("kiosk").handlers.clear()


async def test_three_wrong_pins_close_the_prompt(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        start = app.screen
        await pilot.press("f12", "f12", "f12")
        for _ in range(3):
            await pilot.press("1", "2", "3", "4", "enter")
        await pilot.pause()
        assert app.screen is start and app.is_running and app.return_code is None


async def test_outside_kiosk_mode_ctrl_q_quits(make_app, tmp_path):
    app = make_app(make_config(tmp_path, kiosk_mode=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_outside_kiosk_mode_staff_exit_works(make_app, tmp_path):
    app = make_app(make_config(tmp_path, kiosk_mode=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12", "f12", "f12", *PIN, "enter")
        await pilot.pause()
        assert app.return_code == 0


async def test_uncaught_error_is_logged_without_traceback_in_kiosk_mode(make_app, tmp_path, capfd):
    config = make_config(tmp_path)
    setup_logging(config.log_file)
    app = make_app(config)

    def broken():
        raise RuntimeError("boom in a handler")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_overview(pilot)
            assert isinstance(app.screen, OverviewScreen)
            app.screen.action_next_section = broken
            await pilot.press("right")
            await pilot.pause()
    assert app.return_code == 1
    printed = capfd.readouterr()
    assert "boom" not in printed.err + printed.out  # nothing printed to the terminal
    assert "Traceback" not in printed.err + printed.out
    log_text = config.log_file.read_text()
    assert "boom in a handler" in log_text and "uncaught error" in log_text
    logging.getLogger("kiosk").handlers.clear()


async def test_outside_kiosk_mode_an_uncaught_error_is_shown(make_app, tmp_path, capfd):
    """The counterpart of the test above: staff running without kiosk mode see it."""
    app = make_app(make_config(tmp_path, kiosk_mode=False))

    def broken():
        raise RuntimeError("boom for staff")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_overview(pilot)
            app.screen.action_next_section = broken
            await pilot.press("right")
    assert "boom for staff" in capfd.readouterr().err


async def test_pin_typed_in_one_burst_is_read_whole(make_app, tmp_path):
    """Digits and Action arriving together (fast typing, a keypad) are read in order:
    Action's binding runs at once, the digits wait in the PIN field's queue."""
    from textual import events

    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12", "f12", "f12")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        for key in [*PIN, "enter"]:  # posted together, as a terminal delivers a burst
            app.post_message(events.Key(key, key if key.isdigit() else None))
        await pilot.pause()
        await pilot.pause()
        assert app.return_code == 0


async def test_a_key_given_to_two_actions_is_reported_in_one_sentence(make_app, tmp_path):
    """kiosk.toml's validation stops such a keymap (tests/test_config.py); one that
    reaches the app anyway is named in the log instead of silently losing a binding."""
    config = make_config(tmp_path, keymap={**build_keymap("keyboard"), "up": ("x",),
                                          "down": ("x",)})
    setup_logging(config.log_file)
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
    lines = [line for line in config.log_file.read_text().splitlines() if "'x'" in line]
    assert len(lines) == 1, lines
    assert "[keys] keys 'X', 'x' are given to two actions" in lines[0]
    logging.getLogger("kiosk").handlers.clear()
