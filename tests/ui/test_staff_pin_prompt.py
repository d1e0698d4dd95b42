"""Issue 9, item 11: the staff PIN prompt.

Backspace deletes one digit; with the keypad profile Enter / "." / "-"
confirm, delete and cancel (no digit key does anything but type its digit,
in either NumLock state, and the prompt says exactly that); wrong PINs make
the next try wait, longer each time, also after reopening the prompt or
restarting the kiosk; and the PIN never reaches the log, speech or a
traceback.
"""

from __future__ import annotations

import logging

import pytest

from kiosk.config import StaffExit
from kiosk.keypad import KEYPAD
from kiosk.keys import build_keymap
from kiosk.logs import setup_logging
from kiosk.ui.screens.staff_exit import StaffExitScreen
from tests.ui.helpers import PIN, FakeClock, make_config, region_text, screen_text, wait_for

#: The keypad's NumLock-off key name for each digit ("5" -> "kp_begin").
NUMLOCK_OFF = {key.label: code.name for key in KEYPAD if key.label.isdigit()
               for code in key.codes if code.where == "numlock off"}


async def open_prompt(app, pilot) -> StaffExitScreen:
    await pilot.press("f12", "f12", "f12")
    await pilot.pause()
    assert isinstance(app.screen, StaffExitScreen)
    return app.screen


def shown(app, widget_id: str) -> str:
    """The words inside one widget of the prompt, as on the terminal."""
    return " ".join(region_text(app, app.screen.query_one(widget_id)).split())


def dots(app) -> int:
    line = next(line for line in screen_text(app).splitlines() if "PIN:" in line)
    return line.count("•")


async def test_backspace_deletes_one_digit(make_app, tmp_path, announcer) -> None:
    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prompt(app, pilot)
        assert shown(app, "#staff-help") == (
            "Type the PIN, then press Enter. Esc cancels. Press Backspace to delete a digit.")
        await pilot.press(*PIN, "8")
        assert dots(app) == len(PIN) + 1
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is screen and dots(app) == len(PIN)
        assert announcer.spoken[-1][2] == "Digit deleted."
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code == 0


async def test_keypad_confirm_delete_and_cancel_collide_with_no_digit(
        make_app, tmp_path, announcer) -> None:
    """5 and 0 type digits in both NumLock states; Enter confirms, "." deletes one
    digit, "-" cancels, as the prompt says."""
    config = make_config(tmp_path, key_profile="numeric-keypad",
                         keymap=build_keymap("numeric-keypad"))
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prompt(app, pilot)
        assert shown(app, "#staff-help") == (
            "Type the PIN, then press Enter. - cancels. Press . to delete a digit.")
        await pilot.press("5", NUMLOCK_OFF["5"], "0", NUMLOCK_OFF["0"])  # 5, 5, 0, 0
        assert app.screen is screen and dots(app) == 4
        for delete in ("full_stop", "decimal", "delete", "backspace"):  # "." in all states
            await pilot.press(delete)
        assert dots(app) == 0 and app.screen is screen
        await pilot.press("minus")  # "-" cancels
        await pilot.pause()
        assert not isinstance(app.screen, StaffExitScreen) and app.return_code is None
        await open_prompt(app, pilot)
        await pilot.press("subtract")  # "-" on the kitty protocol
        await pilot.pause()
        assert not isinstance(app.screen, StaffExitScreen)
        await open_prompt(app, pilot)
        # The PIN typed half with NumLock on, half with NumLock off.
        typed = [digit if i % 2 else NUMLOCK_OFF[digit] for i, digit in enumerate(PIN)]
        await pilot.press(*typed, "enter")
        await pilot.pause()
        assert app.return_code == 0
    assert all(PIN not in said for _p, _l, said in announcer.spoken)


async def three_wrong(pilot) -> None:
    for _ in range(3):
        await pilot.press("1", "2", "3", "4", "enter")
    await pilot.pause()


async def test_wrong_pins_make_the_next_try_wait_even_after_reopening(make_app, tmp_path,
                                                                       announcer) -> None:
    wall = FakeClock(1_800_000_000.0)
    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.key_hook.pin_guard.clock = wall
        start = app.screen
        await open_prompt(app, pilot)
        await three_wrong(pilot)
        assert app.screen is start
        assert announcer.spoken[-1][2] == "Wrong PIN. Too many wrong PINs. Try again in 30 seconds."
        await open_prompt(app, pilot)  # reopened at once: no fresh tries
        assert shown(app, "#staff-message") == "Too many wrong PINs. Try again in 30 seconds."
        await pilot.press(*PIN, "enter")  # even the right PIN waits
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, StaffExitScreen)
        assert announcer.spoken[-1][2] == "Too many wrong PINs. Try again in 30 seconds."
        wall.advance(30)
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert app.return_code == 0


async def test_the_wait_survives_a_restart(make_app, tmp_path) -> None:
    wall = FakeClock(1_800_000_000.0)
    config = make_config(tmp_path)
    first = make_app(config)
    async with first.run_test(size=(80, 24)) as pilot:
        first.key_hook.pin_guard.clock = wall
        await open_prompt(first, pilot)
        await three_wrong(pilot)
    wall.advance(10)
    restarted = make_app(config)  # a new kiosk process: the guard reads its file
    async with restarted.run_test(size=(80, 24)) as pilot:
        restarted.key_hook.pin_guard.clock = wall
        await open_prompt(restarted, pilot)
        assert shown(restarted, "#staff-message") == (
            "Too many wrong PINs. Try again in 20 seconds.")
        wall.advance(20)
        await pilot.press("1", "2", "3", "4", "enter")  # the fourth wrong PIN in a row
        await pilot.pause()
        assert not isinstance(restarted.screen, StaffExitScreen)
        assert restarted.key_hook.pin_guard.wait_seconds() == 60


async def test_the_pin_never_reaches_a_traceback_or_the_log(make_app, tmp_path, monkeypatch,
                                                            capfd) -> None:
    """Textual logs an uncaught error with every frame's local variables; the PIN
    typed must not be among them (nor in any other log line)."""
    config = make_config(tmp_path)
    setup_logging(config.log_file)

    def broken(self, attempt) -> bool:
        raise RuntimeError("the check broke")

    monkeypatch.setattr(StaffExit, "pin_matches", broken)
    app = make_app(config)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_prompt(app, pilot)
            await pilot.press(*PIN, "enter")
            await pilot.pause()
    log_text = config.log_file.read_text()
    logging.getLogger("kiosk").handlers.clear()
    assert "the check broke" in log_text and "attempt = <PinDigits: 5 digits>" in log_text
    assert PIN not in log_text
    printed = capfd.readouterr()
    assert PIN not in printed.out + printed.err


async def test_a_burst_that_opens_the_prompt_and_types_the_pin(make_app, tmp_path) -> None:
    """F12 three times, the PIN and Enter in one burst (a terminal delivers them
    together): every digit reaches the prompt (the screen keeps the digits itself,
    so none depends on the PIN field being mounted yet)."""
    from textual import events

    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ["f12", "f12", "f12", *PIN, "enter"]:
            app.post_message(events.Key(key, key if key.isdigit() else None))
        await pilot.pause()
        await pilot.pause()
        assert app.return_code == 0


async def test_the_wait_counts_down_while_the_prompt_is_open(make_app, tmp_path) -> None:
    """The wait goes down second by second on screen (it read "30 seconds" until a key
    was pressed), and when it is over only the instructions remain."""
    wall = FakeClock(1_800_000_000.0)
    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        app.key_hook.pin_guard.clock = wall
        await open_prompt(app, pilot)
        await three_wrong(pilot)
        screen = await open_prompt(app, pilot)
        assert shown(app, "#staff-message") == "Too many wrong PINs. Try again in 30 seconds."
        wall.advance(12)
        # The prompt's once-a-second timer shows the guard's clock (here the test's):
        # wait for its next tick.
        assert await wait_for(pilot, lambda: "in 18 seconds" in screen.message)
        assert shown(app, "#staff-message") == "Too many wrong PINs. Try again in 18 seconds."
        wall.advance(18)
        assert await wait_for(pilot, lambda: screen.message == "")
        assert shown(app, "#staff-message") == ""
        assert screen.countdown is None  # stopped once the wait is over

