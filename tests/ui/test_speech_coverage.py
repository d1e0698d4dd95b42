"""No silent screen: every key on every screen says something (or reaches the speech layer).

A visitor who cannot see depends on hearing a reply to every key; and the
staff PIN must never be spoken.
"""

from __future__ import annotations

import shutil

import pytest

from kiosk.speech.priorities import SpeechPriority

from kiosk.ui.screens.help import HELP_TWICE_WINDOW
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.medicine_list import MedicineListScreen
from kiosk.ui.screens.message import MessageScreen
from kiosk.ui.screens.staff_exit import StaffExitScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.helpers import CONTENT, make_config

SCREENS = ("welcome", "language", "medicines", "overview", "overview-text", "about", "help",
           "idle-warning", "staff-exit", "message")


def two_medicines(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "opzelura", content / "opzelura")
    second = content / "zz-second"
    shutil.copytree(CONTENT / "opzelura", second)
    md = second / "overview.md"
    md.write_text(md.read_text().replace('name = "Opzelura"', 'name = "Secondmed"', 1))
    return content


async def go(pilot, clock, which: str) -> None:
    """From anywhere to a fresh ``which`` screen (a new visit, then the app's actions)."""
    app = pilot.app
    if app.idle.warning is not None:
        app.idle.keep()
    app.reset_visit()
    await pilot.pause()
    assert isinstance(app.screen, WelcomeScreen)
    if which == "language":
        app.action_open_language_choice()
    elif which == "medicines":
        app.push_screen(MedicineListScreen())
    elif which in ("overview", "overview-text", "idle-warning"):
        app.action_open_medicine("opzelura")
    elif which == "about":
        app.action_open_about("opzelura")
    elif which == "help":
        app.screen.action_help()
    elif which == "staff-exit":
        app.open_staff_prompt()
    elif which == "message":
        app.push_screen(MessageScreen("detail for staff"))
    await pilot.pause()
    if which == "idle-warning":
        clock.advance(app.config.idle_timeout)
        app.idle.check()
        await pilot.pause()
        assert isinstance(app.screen, IdleWarningScreen)
    clock.advance(HELP_TWICE_WINDOW + 1)  # the visitor takes a moment (not "Help twice quickly")
    if which == "overview-text":
        await pilot.press("enter")
        await pilot.pause()


from kiosk.keys import ACTION_INFO  # noqa: E402


def action_keys(config):
    keys = {}
    for action, bound in config.keymap.items():
        if bound:
            keys[action] = "3" if action == "section_number" else bound[0]
    return keys


@pytest.mark.parametrize("which", SCREENS)
async def test_every_key_on_every_screen_is_answered(make_app, announcer, clock, tmp_path, which):
    config = make_config(tmp_path, content_dir=two_medicines(tmp_path), languages=("en", "de"))
    app = make_app(config)
    silent = []
    async with app.run_test(size=(80, 24)) as pilot:
        for action, key in action_keys(config).items():
            if which == "staff-exit" and action == "section_number":
                continue  # digits are the PIN there: deliberately not spoken
            await go(pilot, clock, which)
            before = len(announcer.spoken) + len(announcer.commands)
            stops = announcer.stops
            await pilot.press(key)
            await pilot.pause()
            if len(announcer.spoken) + len(announcer.commands) == before:
                silent.append(f"{action} ({key})")
            if ACTION_INFO[action].interrupts_speech or which == "idle-warning":
                assert announcer.stops > stops, f"{action} did not stop the speech first"
            elif which != "staff-exit":
                assert announcer.stops == stops, f"{action} stopped the speech it acts on"
    assert not silent, f"silent keys on the {which} screen: {silent}"


async def test_screen_changes_are_announced(make_app, announcer, clock, tmp_path):
    config = make_config(tmp_path, content_dir=two_medicines(tmp_path), languages=("en", "de"))
    app = make_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        for which in SCREENS[1:]:
            await go(pilot, clock, which)
            announcer.spoken.clear()
            await go(pilot, clock, which)
            assert announcer.spoken or which == "staff-exit", which
        # The PIN prompt says only where it is.
        await go(pilot, clock, "staff-exit")
        assert announcer.spoken[-1][2] == "Staff PIN entry."


async def test_pin_digits_are_never_spoken(make_app, announcer, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12", "f12", "f12")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        for attempt in ("24680", "13579"):
            await pilot.press(*attempt, "down", "enter")
            await pilot.pause()
        said = " ".join(text for _kind, _lang, text in announcer.spoken)
        assert "Wrong PIN" in said and "Staff PIN entry." in said
        for secret in ("24680", "13579", "2468", "1357"):
            assert secret not in said
        texts = " ".join(t for batch in announcer.texts for t, _l in batch)
        assert "2468" not in texts and "1357" not in texts


async def test_help_is_spoken_with_keys_and_status(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        said = [text for _kind, _lang, text in announcer.spoken]
        start = next(i for i, t in enumerate(said) if t.startswith("Help."))
        spoken = " ".join(said[start:])
        # The status line and the key legend have spoken equivalents.
        assert "Display: standard. Speech: off." in spoken and "Language: English." in spoken
        assert "F4 or S: Turn speech on or off." in spoken
        assert "To close help, press F1 or ? or Backspace or Esc." in spoken


async def test_help_twice_quickly_closes_help_silently(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        count = len(announcer.spoken)
        stops = announcer.stops
        await pilot.press("f1")
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert len(announcer.spoken) == count and announcer.stops > stops


async def test_idle_warning_countdown_is_spoken(make_app, announcer, clock, tmp_path):
    app = make_app(make_config(tmp_path, idle_timeout=120, idle_warning=11.5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")  # a changed display: not a fresh start any more
        clock.advance(120)
        app.idle.check()
        await pilot.pause()
        warning = app.screen
        assert isinstance(warning, IdleWarningScreen)
        warnings = [t for k, _l, t in announcer.spoken if k is SpeechPriority.NOW]
        assert warnings == ["Still there? Press any key to continue.",
                            "Starting again for the next visitor in 12 seconds."]
        clock.advance(1.0)  # 10.5 s left: nothing new to say yet
        warning.tick()
        assert len([t for k, _l, t in announcer.spoken if k is SpeechPriority.NOW]) == 2
        clock.advance(1.0)  # 9.5 s left: "10 seconds", once
        warning.tick()
        warning.tick()
        warnings = [t for k, _l, t in announcer.spoken if k is SpeechPriority.NOW]
        assert warnings[2:] == ["Starting again for the next visitor in 10 seconds."]
        clock.advance(5.0)  # 4.5 s left: "5 seconds"
        warning.tick()
        assert [t for k, _l, t in announcer.spoken if k is SpeechPriority.NOW][-1] == \
            "Starting again for the next visitor in 5 seconds."
        await pilot.press("down")
        await pilot.pause()
        assert not isinstance(app.screen, IdleWarningScreen)
