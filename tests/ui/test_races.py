"""Issue 9 item 8: screens closed before they finish mounting, and work after shutdown began.

Textual mounts a pushed screen in the screen's own task, so a key handled
in the same tick can close it first.  These tests do both in one tick (no
``await`` between them), as the event loop does when two keys arrive in one
read or a key meets the idle timer, then check that the kiosk still runs,
shows the screen it should and says nothing for the screen that has gone.
"""

from __future__ import annotations

from typing import Callable

import pytest

from kiosk.ui.screens.about import AboutScreen
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.medicine_list import MedicineListScreen
from kiosk.ui.screens.message import MessageScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.helpers import make_config, open_overview

TIMEOUT, WARNING = 120.0, 30.0

#: Every screen the kiosk opens, opened the way the app opens it.
OPENERS: dict[str, Callable] = {
    "help": lambda app: app.action_open_help("Section 3 of 8."),
    "language": lambda app: app.action_open_language_choice(),
    "staff prompt": lambda app: app.open_staff_prompt(),
    "about": lambda app: app.push_screen(AboutScreen("opzelura")),
    "overview": lambda app: app.push_screen(OverviewScreen("opzelura", 3)),
    "medicine list": lambda app: app.push_screen(MedicineListScreen()),
    "message": lambda app: app.push_screen(MessageScreen("a test message")),
}
#: Every way a screen is closed: Back/Escape, Home, the idle reset.
CLOSERS: dict[str, Callable] = {
    "back": lambda app: app.pop_screen(),
    "home": lambda app: app.action_go_home(),
    "idle reset": lambda app: app.reset_visit(),
}


def idle_config(tmp_path, **changes):
    return make_config(tmp_path, idle_timeout=TIMEOUT, idle_warning=WARNING, **changes)


async def test_key_in_the_same_tick_as_the_idle_warning(make_app, clock, tmp_path, announcer):
    """The issue's reproduction: in section 3, the idle check and a key in one tick."""
    app = make_app(idle_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, OverviewScreen) and screen.section_index == 2
        clock.advance(TIMEOUT)
        app.idle.check()  # opens "Still there?" ...
        assert isinstance(app.screen, IdleWarningScreen)
        app.key_hook.before_key("down")  # ... and a key keeps the visit before it mounted
        await pilot.pause()
        await pilot.pause()
        assert app.return_code is None, "the kiosk stopped"
        assert app.screen is screen and screen.section_index == 2
        assert app.idle.warning is None
        # The idle watch still works: the next idle time warns again.
        clock.advance(TIMEOUT)
        app.idle.check()
        await pilot.pause()
        assert isinstance(app.screen, IdleWarningScreen)
        assert "Still there?" in app.screen.describe_location()


@pytest.mark.parametrize("closer", CLOSERS)
@pytest.mark.parametrize("opener", OPENERS)
async def test_screen_closed_in_the_tick_it_opened(make_app, tmp_path, announcer, opener, closer):
    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("s")  # speech on: a screen that has gone must not speak
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        heard = len(announcer.spoken)
        OPENERS[opener](app)
        CLOSERS[closer](app)
        await pilot.pause()
        await pilot.pause()
        assert app.return_code is None, "the kiosk stopped"
        expected = overview if closer == "back" else app.screen_stack[0]
        assert app.screen is expected
        assert isinstance(expected, (OverviewScreen, WelcomeScreen))
        spoken_in_race = {text for _priority, _language, text in announcer.spoken[heard:]}
        # The same screen opens and works normally afterwards, and says where it is.
        heard = len(announcer.spoken)
        OPENERS[opener](app)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is not expected and app.screen.is_mounted
        assert app.return_code is None
        if app.visit.speech_on:  # (the idle reset turned speech off again)
            said_on_opening = {text for _p, _l, text in announcer.spoken[heard:]}
            assert said_on_opening, "the screen said nothing on opening: nothing to compare"
            assert not said_on_opening & spoken_in_race, "the closed screen spoke"


async def test_staff_sequence_works_after_an_idle_reset_closed_the_pin_prompt(make_app, clock,
                                                                             tmp_path):
    """The visit reset pops the PIN prompt without its result: the sequence must still open it."""
    from kiosk.ui.screens.staff_exit import StaffExitScreen

    app = make_app(idle_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("f12", "f12", "f12")
        assert isinstance(app.screen, StaffExitScreen)
        clock.advance(TIMEOUT)
        app.idle.check()
        await pilot.pause()
        warning = app.screen
        assert isinstance(warning, IdleWarningScreen)
        clock.advance(WARNING)
        warning.tick()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("f12", "f12", "f12")
        assert isinstance(app.screen, StaffExitScreen), "staff can no longer leave the kiosk"


async def test_language_key_over_help_over_the_language_list(make_app, tmp_path):
    """Found by the monkey (seed 424242): the language list is one installed screen, so
    pushing it while it is already on the stack put it there twice and the
    compositor recursed until Python gave up."""
    from kiosk.ui.screens.help import HelpScreen
    from kiosk.ui.screens.language import LanguageScreen

    app = make_app(make_config(tmp_path, languages=("en", "de")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LanguageScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("l")
        await pilot.pause()
        assert app.return_code is None, "the kiosk stopped"
        assert isinstance(app.screen, LanguageScreen)
        assert len(app.screen_stack) == len(set(map(id, app.screen_stack))), "a screen twice"
        await pilot.press("escape")
        assert isinstance(app.screen, WelcomeScreen)


async def test_pin_prompt_closing_as_the_idle_warning_opens(make_app, clock, tmp_path):
    """The third wrong PIN is checked in the tick "Still there?" opens over the prompt:
    the prompt must close itself, not the warning above it."""
    from kiosk.ui.screens.staff_exit import StaffExitScreen

    app = make_app(idle_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        overview = app.screen
        await pilot.press("f12", "f12", "f12")
        await pilot.press("1", "enter", "1", "enter", "1")
        prompt = app.screen
        assert isinstance(prompt, StaffExitScreen)
        prompt.action_action()  # the check of the third PIN is queued ...
        clock.advance(TIMEOUT)
        app.idle.check()  # ... and the warning opens over the prompt in the same tick
        await pilot.pause()
        await pilot.pause()
        warning = app.idle.warning
        assert isinstance(app.screen, IdleWarningScreen) and app.screen is warning
        await pilot.press("down")  # the visitor is still here
        await pilot.pause()
        assert app.idle.warning is None
        assert app.screen is overview, [type(s).__name__ for s in app.screen_stack]
        # The idle watch still works.
        clock.advance(TIMEOUT)
        app.idle.check()
        await pilot.pause()
        assert isinstance(app.screen, IdleWarningScreen)
        assert app.return_code is None


async def test_speech_messages_handled_after_shutdown_began(make_app, tmp_path):
    """The narrator's thread posts to the app at any time; during shutdown Textual empties
    the screen stacks while the app still handles its messages (found by the
    visits benchmark: ``on_sentence_started`` raised ScreenStackError).  Each
    handler is called here as it would run then: with no screen left."""
    from kiosk.ui.messages import (
        ReadingFinished, ReadingPaused, SentenceStarted, SpeechUnavailable, VoiceMissing,
    )

    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
    assert not app.screen_stack
    app.on_sentence_started(SentenceStarted("s1.p1", 0, 10))
    app.on_reading_finished(ReadingFinished(True))
    app.on_reading_paused(ReadingPaused(True))
    app.on_speech_unavailable(SpeechUnavailable("the sound server went away"))
    app.on_voice_missing(VoiceMissing("mt"))
    # The bridge's own calls (from the narrator's thread) post nothing once the app closed.
    app.reading_sentence("s1.p1", 0, 10)
    app.speech_unavailable("gone")


async def test_pin_check_queued_when_home_closed_the_prompt(make_app, tmp_path):
    """Found by the monkey (seed 777002): the PIN check queued by Action ran after Home had
    popped the prompt, and its dismiss popped the last screen (the kiosk exited 1)."""
    from kiosk.ui.screens.staff_exit import StaffExitScreen

    app = make_app(make_config(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(pilot)
        await pilot.press("f12", "f12", "f12")
        await pilot.press("1", "enter", "1", "enter", "1")
        prompt = app.screen
        assert isinstance(prompt, StaffExitScreen)
        prompt.action_action()  # the third wrong PIN's check is queued ...
        app.action_go_home()  # ... and Home closes the prompt in the same tick
        await pilot.pause()
        await pilot.pause()
        assert app.return_code is None, "the kiosk stopped"
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 1
        await pilot.press("f12", "f12", "f12")
        assert isinstance(app.screen, StaffExitScreen)
