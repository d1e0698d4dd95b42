"""``[speech] headphones_turn_speech_on``: plugging headphones in turns speech on.

A null sink cannot be plugged into, so the sound server is replaced here by a fake
event source with the shape of :class:`kiosk.speech.headphones.HeadphoneWatch`,
which calls back from its own thread as the real one does (``pactl subscribe`` and
the port logic are tested against the real server in tests/speech/test_headphones.py).
"""

from __future__ import annotations

import threading

from kiosk.speech import SpeechSettings
from tests.ui.helpers import flat, make_config, screen_text


class FakeHeadphones:
    """Headphones a test plugs in and out; the callback runs on another thread."""

    def __init__(self) -> None:
        self.on_change = None
        self.closed = False

    def start(self, on_change) -> None:
        self.on_change = on_change

    def plug(self, plugged: bool) -> None:
        thread = threading.Thread(target=self.on_change, args=(plugged,))
        thread.start()
        thread.join()

    def close(self) -> None:
        self.closed = True


def headphone_config(tmp_path, **speech):
    return make_config(tmp_path, idle_timeout=60, idle_warning=10,
                       speech=SpeechSettings(headphones_turn_speech_on=True, **speech))


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_plugging_in_turns_speech_on_and_pulling_out_turns_it_off(make_app, announcer,
                                                                        clock, tmp_path):
    app = make_app(headphone_config(tmp_path))
    fake = app.headphones = FakeHeadphones()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert fake.on_change is not None, "the watch was not started"
        assert not app.visit.speech_on
        fake.plug(True)
        await settle(pilot)
        assert app.visit.speech_on and "Speech: on" in screen_text(app)
        said = [text for _p, _l, text in announcer.spoken]
        assert said[said.index("Speech on.") + 1].startswith("Welcome to the medicine")
        # The next visitor too, while the headphones stay in.
        await pilot.press("c")
        clock.advance(60)
        app.idle.check()
        await settle(pilot)
        clock.advance(10)
        app.idle.warning.tick()
        await settle(pilot)
        assert app.visit.speech_on and app.visit.theme == "standard"
        assert app.at_fresh_start()
        fake.plug(False)
        await settle(pilot)
        assert not app.visit.speech_on
        assert "Speech: off" in screen_text(app) and "Speech off." in flat(screen_text(app))
        assert announcer.last != "Speech off."  # not said over the speaker
        assert app.at_fresh_start()
    assert fake.closed


async def test_speech_the_visitor_turned_on_stays_when_headphones_come_out(make_app, tmp_path):
    app = make_app(headphone_config(tmp_path))
    fake = app.headphones = FakeHeadphones()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        fake.plug(True)
        fake.plug(False)
        await settle(pilot)
        assert app.visit.speech_on


async def test_without_the_setting_nothing_is_watched(make_app, tmp_path):
    config = make_config(tmp_path)
    assert not config.speech.headphones_turn_speech_on
    app = make_app(config)
    fake = app.headphones = FakeHeadphones()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert fake.on_change is None
    assert not fake.closed


def test_the_setting_is_read_from_kiosk_toml():
    from kiosk.config import ConfigError, config_from_dict

    pin = {"staff": {"exit_pin": "2468"}}
    assert not config_from_dict(pin).speech.headphones_turn_speech_on
    on = config_from_dict({**pin, "speech": {"headphones_turn_speech_on": True}})
    assert on.speech.headphones_turn_speech_on
    try:
        config_from_dict({**pin, "speech": {"headphones_turn_speech_on": "yes"}})
    except ConfigError as exc:
        assert "[speech] headphones_turn_speech_on must be true or false" in str(exc)
    else:
        raise AssertionError("a wrong value was accepted")
