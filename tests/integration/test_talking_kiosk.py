"""The talking kiosk end to end: keys in through Pilot, audio out at a PulseAudio null sink.

Everything is real: ``launcher.build_app`` with the Narrator (eSpeak NG via
pyttsx3, paplay), the sound server, and a recording of the sink's monitor
with arrival times, so the tests check what a listener would hear.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace

import pytest

from kiosk.ui.narration import NarratorAnnouncer
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from tests.ui.helpers import FakeClock, flat, open_overview, screen_text, write_catalog

pytestmark = pytest.mark.audio


async def wait_for(pilot, predicate, timeout=5.0, step=0.02):
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if predicate():
            return True
        await pilot.pause(step)
    return predicate()


async def quiet(pilot, app, recorder, settle=0.4):
    """Stop any speech (a key that means nothing) and wait until the sink is silent."""
    await pilot.press("x")
    await wait_for(pilot, lambda: not app.announcer.narrator.is_speaking, 3)
    await pilot.pause(settle)
    t = time.monotonic()
    assert recorder.snapshot().last_sound(start=t - 0.2) is None, "still sounding"


def spy(narrator, name):
    """Record calls of a narrator method while still calling it."""
    calls = []
    original = getattr(narrator, name)

    def wrapper(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    setattr(narrator, name, wrapper)
    return calls


async def ready(pilot, app):
    narrator = app.announcer.narrator
    assert await wait_for(pilot, lambda: narrator.is_ready, 10), "narrator did not start"
    assert narrator.is_available, narrator.unavailable_reason
    return narrator


def narrator_threads() -> list[threading.Thread]:
    """The narrator's worker threads alive now (found by the name the narrator gives them)."""
    return [t for t in threading.enumerate() if t.name == "kiosk-narrator" and t.is_alive()]


async def test_build_app_connects_a_narrator_and_closes_it(kiosk):
    app = kiosk()
    assert isinstance(app.announcer, NarratorAnnouncer)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        threads = narrator_threads()
        assert len(threads) == 1
    threads[0].join(5)
    assert not threads[0].is_alive(), "the narrator must end with the app"


async def test_listen_reads_on_highlights_and_a_key_stops_it(kiosk, recorder):
    app = kiosk(rate=220)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        await open_overview(pilot)
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("enter")  # into the text of section 1
        await quiet(pilot, app, recorder)
        t_key = time.monotonic()
        await pilot.press("r")  # listen: read all
        assert await wait_for(pilot, lambda: screen.highlight is not None, 3)
        first = recorder.snapshot().first_sound_after(t_key)
        assert first is not None and first - t_key < 0.3, "reading did not start promptly"
        # The heading first, then the first paragraph, each highlighted as it plays.
        assert screen.highlight[0] == "s1.h"
        assert await wait_for(pilot, lambda: screen.highlight[0] == "s1.p1", 8)
        key, start, end = screen.highlight
        text = next(t.text for t in screen.doc.sections[0].texts() if t.key == key)
        shown = flat(screen_text(app))
        assert " ".join(text[start:end].split()[:4]) in shown, "highlighted sentence not in view"
        # The highlight is drawn in reverse bold on exactly that span.
        body = screen.text_as_shown(next(t for t in screen.doc.sections[0].texts() if t.key == key))
        spans = [(s.start, s.end, str(s.style)) for s in body.spans if "reverse" in str(s.style)]
        assert spans == [(start, end, "reverse bold")]
        # The highlight follows the reading: the next sentence takes over.
        assert await wait_for(pilot, lambda: screen.highlight[1:] != (start, end), 15)
        await pilot.pause(0.5)  # well inside a sentence
        t_stop = time.monotonic()
        await pilot.press("x")  # any key (even one that does nothing else) stops speech
        await pilot.pause(0.6)
        recording = recorder.snapshot()
        assert recording.first_sound_after(t_stop - 0.4) is not None, "was it speaking?"
        last = recording.last_sound(start=t_stop - 0.4)
        assert last - t_stop < 0.2, f"audio went on {last - t_stop:.3f}s after the key"
        assert recording.first_sound_after(t_stop + 0.2) is None
        assert screen.highlight is None, "the highlight ends with the reading"


async def test_read_all_moves_the_pane_into_the_next_section(kiosk):
    app = kiosk(rate=300)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        await open_overview(pilot)
        screen = app.screen
        last = screen.total - 1
        await pilot.press(str(last))  # the second-last section (short), then read all
        await pilot.press("r")
        assert await wait_for(pilot, lambda: screen.highlight is not None, 3)
        assert screen.section_index == last - 1
        assert await wait_for(pilot, lambda: screen.section_index == last, 60), \
            "the reading did not carry the pane into the next section"
        assert screen.highlight[0].startswith(f"s{last + 1}.")
        assert screen.toc.index == last and app.visit.section_index == last
        narrator.stop()


async def test_action_in_text_reads_only_this_section(kiosk):
    app = kiosk(rate=300)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        await open_overview(pilot)
        reads = spy(narrator, "read")
        await pilot.press("enter", "enter")  # open section 1, Action in its text
        assert await wait_for(pilot, lambda: reads, 2)
        (items, language), _ = reads[-1]
        assert language == "en"
        assert [i.key for i in items][0] == "s1.h"
        assert all(i.key.startswith("s1.") for i in items)
        narrator.stop()


async def test_utterances_never_overlap_while_keys_fly(kiosk, process_watch):
    app = kiosk(rate=300)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        with process_watch() as watch:
            for key in ("down", "up", "down", "down", "enter", "r", "down", "full_stop",
                        "comma", "plus", "minus", "3", "r", "f1", "f1", "s", "s"):
                await pilot.press(key)
                await pilot.pause(0.07)
            assert await wait_for(pilot, lambda: not narrator.is_speaking, 20)
            await pilot.pause(0.2)
        assert watch.samples > 200, f"only {watch.samples} /proc samples"
        assert watch.max_alive == 1, f"player processes alive at once: {watch.overlaps}"


async def test_speech_key_is_spoken_and_shown(kiosk, recorder):
    app = kiosk(enabled=False)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = app.announcer.narrator
        await pilot.pause(0.3)
        assert isinstance(app.screen, WelcomeScreen) and not app.visit.speech_on
        assert not narrator.is_ready and not narrator_threads(), \
            "with speech off the engine must not load at start"
        says = spy(narrator, "say")
        t_on = time.monotonic()
        await pilot.press("f4")  # the first utterance starts the engine
        assert app.visit.speech_on and "Speech: on" in flat(screen_text(app))
        assert says[0][0][0] == "Speech on."
        assert await wait_for(pilot, lambda: recorder.snapshot().first_sound_after(t_on), 3)
        await ready(pilot, app)
        await quiet(pilot, app, recorder)
        says.clear()
        t_off = time.monotonic()
        await pilot.press("s")
        assert not app.visit.speech_on and "Speech: off" in flat(screen_text(app))
        assert [c[0][0] for c in says] == ["Speech off."]
        heard = await wait_for(pilot, lambda: recorder.snapshot().first_sound_after(t_off), 2)
        assert heard, "'Speech off.' must be heard before speech goes quiet"
        await wait_for(pilot, lambda: not narrator.is_speaking, 3)
        await pilot.pause(0.3)
        t_quiet = time.monotonic()
        await pilot.press("down", "down", "up")  # moving with speech off: silence
        await pilot.pause(0.6)
        assert recorder.snapshot().first_sound_after(t_quiet) is None


async def test_volume_steps_are_announced_and_never_silent(kiosk, recorder):
    app = kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        says = spy(narrator, "say")
        settings = narrator.settings
        steps = round((settings.volume - settings.volume_min) / settings.volume_step) + 2
        for _ in range(steps):
            await pilot.press("minus")
            await pilot.pause(0.05)
        words = [c[0][0] for c in says]
        assert words[0] == "Volume 70 percent."
        assert words[-1] == "Volume 20 percent. Lowest volume."
        assert len(words) == steps
        assert narrator.volume == settings.volume_min == app.visit.speech_volume
        await wait_for(pilot, lambda: not narrator.is_speaking, 5)
        # The quietest step is still clearly audible.
        t = time.monotonic()
        await pilot.press("minus")
        assert await wait_for(pilot, lambda: recorder.snapshot().first_sound_after(t), 2)
        await wait_for(pilot, lambda: not narrator.is_speaking, 5)
        assert recorder.snapshot().loud_windows(start=t), "the lowest volume is silent"
        says.clear()
        await pilot.press("plus", "right_square_bracket", "left_square_bracket")
        assert [c[0][0] for c in says] == ["Volume 30 percent.", "Faster.", "Slower."]


async def test_volume_change_during_reading_keeps_reading(kiosk):
    app = kiosk(rate=220)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        await open_overview(pilot)
        screen = app.screen
        await pilot.press("enter", "r")
        assert await wait_for(pilot, lambda: screen.highlight and screen.highlight[0] == "s1.p1", 8)
        where = screen.highlight
        await pilot.press("plus")  # a speech-control key: interjects, does not stop
        assert narrator.volume == pytest.approx(0.9)
        # After "Volume 90 percent." the interrupted sentence is read again.
        assert await wait_for(pilot, lambda: screen.highlight == where and narrator.is_speaking, 5)
        await pilot.press("p")  # pause
        assert await wait_for(pilot, lambda: narrator.is_paused, 2)
        assert "Reading paused." in flat(screen_text(app))
        await pilot.press("p")  # resume
        assert await wait_for(pilot, lambda: narrator.is_speaking and not narrator.is_paused, 2)
        assert "Reading paused." not in flat(screen_text(app))
        narrator.stop()


async def test_language_switch_changes_the_voice(kiosk):
    app = kiosk(config_changes={"languages": ("en", "de")})
    write_catalog(app.config.locales_dir, "de", "kiosk", {"Start": "Los"})
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        says = spy(narrator, "say")
        await pilot.press("down")  # "Deutsch", spoken in German
        assert says[-1][0] == ("Deutsch", "de")
        await pilot.press("enter")
        assert app.visit.language == "de"
        assert says[-1][0][1] == "de"
        assert narrator.voice_for("de").language.startswith("de")
        assert narrator.voice_for("en").language.startswith("en")
        assert narrator.voice_for("de") != narrator.voice_for("en")
        # The document has no German translation here: its texts are English
        # fallbacks and are read by the English voice.
        reads = spy(narrator, "read")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("enter", "r")
        assert await wait_for(pilot, lambda: reads, 2)
        (items, language), _ = reads[-1]
        assert language == "de" and {i.language for i in items} == {"en"}
        narrator.stop()


async def test_language_without_a_voice_is_shown_not_misread(kiosk, recorder):
    app = kiosk(config_changes={"languages": ("en", "tlh")})
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        assert narrator.voice_for("tlh") is None
        says = spy(narrator, "say")
        await pilot.press("down", "enter")
        assert app.visit.language == "tlh"
        await pilot.pause(0.2)
        assert all(lang != "tlh" for (_, lang), _ in says), "spoken with a wrong voice"
        assert "Speech is not available in" in flat(screen_text(app))
        await pilot.press("up", "up", "enter")  # back to English: notice gone, speech back
        await pilot.pause(0.2)
        assert "Speech is not available" not in flat(screen_text(app))
        assert says and says[-1][0][1] == "en"


async def run_out_the_visit(pilot, clock) -> None:
    """No key for the idle timeout, then the whole countdown: the visit resets."""
    app = pilot.app
    clock.advance(app.config.idle_timeout)
    app.idle.check()
    await pilot.pause()
    warning = app.screen
    assert isinstance(warning, IdleWarningScreen)
    await pilot.pause(0.1)
    clock.advance(app.config.idle_warning)
    warning.tick()
    await pilot.pause()


async def test_idle_reset_restores_rate_volume_and_speech_mode(kiosk):
    clock = FakeClock()
    app = kiosk(enabled=False, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = app.announcer.narrator
        settings = narrator.settings
        says = spy(narrator, "say")
        await pilot.press("s")  # speech on: the engine starts with "Speech on."
        await ready(pilot, app)
        await pilot.press("plus", "plus", "right_square_bracket")
        assert app.visit.speech_on
        assert narrator.volume == pytest.approx(settings.volume + 2 * settings.volume_step)
        assert narrator.rate == settings.rate + settings.rate_step
        await run_out_the_visit(pilot, clock)
        assert any("Still there?" in c[0][0] for c in says), "the warning is spoken"
        assert any("Starting again for the next visitor" in c[0][0] for c in says)
        assert await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), 3)
        await pilot.pause(0.1)
        assert not app.visit.speech_on
        assert (narrator.rate, narrator.volume) == (settings.rate, settings.volume)
        assert (app.visit.speech_rate, app.visit.speech_volume) == (settings.rate, settings.volume)
        assert not narrator.is_speaking
        assert "Speech: off" in flat(screen_text(app))


async def test_no_player_shows_once_keeps_working_and_retries_next_visit(kiosk, tmp_path):
    clock = FakeClock()
    app = kiosk(player=str(tmp_path / "no-such-player"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = app.announcer.narrator
        assert await wait_for(pilot, lambda: narrator.is_ready, 10)
        assert not narrator.is_available
        assert await wait_for(pilot, lambda: "Speech is not available." in flat(screen_text(app)), 2)
        assert flat(screen_text(app)).count("Speech is not available.") == 1
        await open_overview(pilot)  # the kiosk keeps working, silently
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("3", "r", "plus")
        assert app.screen.section_index == 2 and app.is_running
        assert flat(screen_text(app)).count("Speech is not available.") == 1
        log_text = app.config.log_file.read_text()
        assert "no-such-player" in log_text
        # Next visit: the player is there now (staff fixed it): speech comes back.
        narrator.settings = replace(narrator.settings, player="paplay")
        await run_out_the_visit(pilot, clock)
        assert await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen), 5)
        assert await wait_for(pilot, lambda: narrator.is_available, 5), narrator.unavailable_reason
        await pilot.pause(0.1)
        assert "Speech is not available." not in flat(screen_text(app))
        assert "trying again for the new visit" in app.config.log_file.read_text()
