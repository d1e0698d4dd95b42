"""Issue 9 items 1 and 3: a visitor who cannot see learns that the kiosk talks, and every
key gives visible feedback, on every screen.

The walk presses every binding on every screen, from a fresh visit with speech off
(as a visitor meets the kiosk), and compares the characters on the terminal before
and after: a key that changes nothing a sighted visitor can see fails, even when it
said something (speech is off).  Help is checked against the same walk: the keys it
lists as doing nothing on a screen are exactly those that only showed a notice.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.speech.priorities import SpeechPriority
from kiosk.ui.screens.help import HelpScreen
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.helpers import flat, make_config, open_overview, screen_text
from tests.ui.test_speech_coverage import SCREENS, action_keys, go, two_medicines

HINT = "Speech is off. To turn it on, press F4 or S."
NOTHING = "This key does nothing here."


def seen(app) -> str:
    """What a sighted visitor sees: characters and colours (Textual's SVG screenshot)."""
    return app.export_screenshot()


async def settle(pilot) -> None:
    """Let the key's work and the notice line's mount reach the screen."""
    await pilot.pause()
    await pilot.pause()


async def keys_without_a_visible_answer(make_app, clock, tmp_path, which: str, *,
                                        speech_on: bool) -> list[str]:
    """Press every bound key once on screen ``which`` (reached afresh each time);
    the keys after which the screen looks exactly as before, as "action (key)"."""
    config = make_config(tmp_path, content_dir=two_medicines(tmp_path), languages=("en", "de"))
    app = make_app(config)
    unseen = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for action, key in action_keys(config).items():
            if which == "staff-exit" and action == "section_number":
                key = "3"  # a PIN digit: shown as a dot
            await go(pilot, clock, which)
            if speech_on:
                app.visit = replace(app.visit, speech_on=True)
            await settle(pilot)
            before = seen(app)
            await pilot.press(key)
            await settle(pilot)
            if seen(app) == before:
                unseen.append(f"{action} ({key})")
    return unseen


# --- item 3: every key answers visibly ---------------------------------------------
@pytest.mark.parametrize("which", SCREENS)
async def test_every_key_changes_the_screen_or_shows_a_notice(make_app, announcer, clock,
                                                              tmp_path, which):
    unseen = await keys_without_a_visible_answer(make_app, clock, tmp_path, which,
                                                 speech_on=False)
    assert not unseen, f"keys with no visible answer on the {which} screen: {unseen}"


async def test_left_at_the_first_and_right_at_the_last_section_are_shown(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("left")
        await settle(pilot)
        assert screen.section_index == 0
        assert "This is the first section." in flat(screen_text(app))
        assert announcer.last == "This is the first section."
        await pilot.press("8")
        await settle(pilot)
        assert "This is the first section." not in flat(screen_text(app))  # the next key cleared it
        await pilot.press("right")
        await settle(pilot)
        assert screen.section_index == 7
        assert "This is the last section." in flat(screen_text(app))


async def test_enter_in_the_text_turns_speech_on_and_reads(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_overview(pilot)
        await pilot.press("enter")  # into the text of section 1
        await settle(pilot)
        assert not app.visit.speech_on and "Speech: off" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.visit.speech_on and "Speech: on" in screen_text(app)
        assert announcer.last == "Speech on." and announcer.commands == ["read"]
        heading = announcer.texts[-1][0][0]
        assert heading == app.localized("opzelura").sections[0].heading.text
        # Pressed again with speech on it reads again, and says nothing about speech.
        spoken = len(announcer.spoken)
        await pilot.press("enter")
        assert announcer.commands == ["read", "read"] and len(announcer.spoken) == spoken


async def test_home_starts_the_visit_over_keeping_language_and_display(make_app, announcer,
                                                                       clock, tmp_path):
    from kiosk.languages import configure_locales

    from tests.ui.helpers import PROJECT

    config = make_config(tmp_path, locales_dir=PROJECT / "locales", languages=("en", "de"),
                         idle_timeout=60, idle_warning=10)
    app = make_app(config)
    configure_locales(config.locales_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.choose_language("de")
        await pilot.press("c", "s")  # display: high contrast; speech on
        await open_overview(pilot)
        await pilot.press("3")
        assert app.screen.section_index == 2
        await pilot.press("home")
        await settle(pilot)
        # The highlight on the language kept (Action there keeps it), not on the first.
        assert isinstance(app.screen, WelcomeScreen) and app.screen.menu.current.key == "lang:de"
        visit = app.visit
        assert (visit.language, visit.theme, visit.speech_on) == ("de", "high-contrast", True)
        assert visit.medicine_slug is None and visit.section_index == 0
        await open_overview(pilot)  # Start opens section 1, not the last one read
        assert isinstance(app.screen, OverviewScreen) and app.screen.section_index == 0
        # Back (not Home) keeps the place.
        await pilot.press("4", "backspace")
        await settle(pilot)
        await open_overview(pilot)
        assert app.screen.section_index == 3
        # Home on the welcome screen itself: the highlight back on the language in use,
        # and a visible answer.
        await pilot.press("down", "home")
        await settle(pilot)
        assert app.screen.menu.current.key == "lang:de"
        await pilot.press("home")
        await settle(pilot)
        assert "Sie sind auf der Startseite." in flat(screen_text(app))
        # Only the idle reset forgets everything.
        clock.advance(60)
        app.idle.check()
        await settle(pilot)
        clock.advance(10)
        app.idle.warning.tick()
        await settle(pilot)
        assert app.visit == app.defaults


# --- Help: exactly what each key does on that screen ---------------------------------
@pytest.mark.parametrize("which", ["welcome", "overview", "overview-text", "about", "language",
                                   "medicines", "message"])
async def test_help_names_what_does_nothing_exactly_as_the_keys_behave(make_app, announcer,
                                                                      clock, tmp_path, which):
    config = make_config(tmp_path, content_dir=two_medicines(tmp_path), languages=("en", "de"))
    app = make_app(config)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await go(pilot, clock, which)
        screen = app.screen
        rows = dict(screen.key_rows())
        nothing_keys = next((keys for keys, what in rows.items() if what == "These keys do nothing here."),
                            "")
        said_nothing = []
        for action, key in action_keys(config).items():
            await go(pilot, clock, which)
            await pilot.press(key)
            await settle(pilot)
            if announcer.last == NOTHING:
                said_nothing.append(action)
        # Every action that answers "does nothing" is among Help's "do nothing" keys ...
        from kiosk.ui.keynames import digit_range_label, keys_label

        for action in said_nothing:
            keys = config.keymap[action]
            label = digit_range_label(keys) if action == "section_number" else keys_label(
                keys, limit=len(keys))
            assert label in nothing_keys, (action, nothing_keys)
        # ... and Help opened on the screen shows the same rows.
        await go(pilot, clock, which)
        await pilot.press("f1")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        for keys, what in rows.items():
            assert f"{keys}: {what}" in help_screen.pane.plain


# --- item 1: a visitor who cannot see learns that the kiosk talks -------------------
async def test_first_key_and_help_say_which_key_turns_speech_on(make_app, announcer, clock):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert not app.visit.speech_on
        await pilot.press("down")
        await settle(pilot)
        assert announcer.hints == [("en", HINT)]
        await pilot.press("down", "up")  # later keys: no more hints
        await settle(pilot)
        assert announcer.hints == [("en", HINT)]
        await pilot.press("f1")  # Help always talks
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert announcer.hints == [("en", HINT)] * 2
        await pilot.press("f1")  # closing Help: no hint
        await settle(pilot)
        assert announcer.hints == [("en", HINT)] * 2
        # A speech key with speech off shows and says the hint; speed and volume
        # still change (for when speech comes on), the others have nothing to act on.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert announcer.hints[-1] == ("en", HINT) and len(announcer.hints) == 3
        assert f"Speak faster. {HINT}" in flat(screen_text(app))
        await pilot.press("a")
        await settle(pilot)
        assert len(announcer.hints) == 4 and announcer.commands == ["faster"]
        assert "Repeat" not in flat(screen_text(app)) and HINT in flat(screen_text(app))
        # With speech on, no hint at all.
        await pilot.press("f4", "f1")
        await settle(pilot)
        assert len(announcer.hints) == 4
        # The idle reset starts a new visit: its first key gets the hint again.
        clock.advance(app.config.idle_timeout)
        app.idle.check()
        await settle(pilot)
        clock.advance(app.config.idle_warning)
        app.idle.warning.tick()
        await settle(pilot)
        assert not app.visit.speech_on
        await pilot.press("up")
        await settle(pilot)
        assert len(announcer.hints) == 5


async def test_first_key_that_turns_speech_on_gets_no_hint(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert app.visit.speech_on and announcer.hints == []
        said = [text for _priority, _language, text in announcer.spoken]
        assert "Speech on." in said and HINT not in said


async def test_hint_is_in_the_language_on_screen(make_app, announcer, tmp_path):
    from kiosk.languages import configure_locales

    from tests.ui.helpers import PROJECT

    config = make_config(tmp_path, locales_dir=PROJECT / "locales", languages=("en", "el"))
    app = make_app(config)
    configure_locales(config.locales_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.choose_language("el")
        await pilot.press("down")
        await settle(pilot)
        (language, text), = announcer.hints
        assert language == "el" and "F4" in text and text != HINT
        assert all(priority is SpeechPriority.NORMAL for priority, _l, t in announcer.spoken
                   if t == text)


@pytest.mark.parametrize("which", ["welcome", "overview", "overview-text", "about", "help"])
async def test_with_speech_on_every_key_still_answers_visibly(make_app, announcer, clock,
                                                              tmp_path, which):
    unseen = await keys_without_a_visible_answer(make_app, clock, tmp_path, which,
                                                 speech_on=True)
    assert not unseen, f"keys with no visible answer on the {which} screen: {unseen}"


async def test_a_speech_key_as_the_first_key_says_the_hint_once(make_app, announcer):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p")  # pause, with speech off: nothing to pause
        await settle(pilot)
        assert announcer.hints == [("en", HINT)] and announcer.commands == []
        assert HINT in flat(screen_text(app))
