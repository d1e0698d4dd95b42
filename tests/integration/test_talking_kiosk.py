"""The talking kiosk end to end: keys in through Pilot, audio out at a PulseAudio null sink.

Everything is real: ``launcher.build_app`` with the Narrator (eSpeak NG via
pyttsx3, paplay), the sound server, and a recording of the sink's monitor
with arrival times, so the tests check what a listener would hear.

Every check waits for an event or a condition (a highlight, audio at the
sink, the sink falling silent for a stretch of its stream, the narrator
having nothing left to say); the timeouts are safety nets that fail loudly,
never what decides a result.  How fast speech starts and stops after a key
is measured by benchmarks/speech_benchmark.py.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import pytest

from kiosk.ui.narration import NarratorAnnouncer
from kiosk.ui.screens.overview import OverviewScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from tests.ui.helpers import FakeClock, flat, open_overview, screen_text, wait_for, write_catalog

pytestmark = pytest.mark.audio

WAIT = 30.0  # safety net only


async def heard_after(recorder, t):
    """When sound after ``t`` reached the sink (None: none within the safety timeout)."""
    return await asyncio.to_thread(recorder.wait_for_sound, t, WAIT)


async def silent_after(recorder, t, quiet=0.3):
    """True once the sink has been silent for ``quiet`` seconds of its stream after ``t``."""
    return await asyncio.to_thread(recorder.wait_for_silence, t, quiet, WAIT)


async def nothing_heard_for(recorder, seconds):
    """Record ``seconds`` more of the sink's stream (not of the clock) and say whether it is silent."""
    t = time.monotonic()
    recording = await asyncio.to_thread(recorder.wait_for_stream, t, seconds, WAIT)
    return recording.first_sound_after(t) is None


async def narrator_quiet(narrator):
    return await asyncio.to_thread(narrator.wait_until_quiet, WAIT)


async def quiet(pilot, app, recorder):
    """Stop any speech (a key that means nothing) and wait until the sink is silent."""
    t = time.monotonic()
    await pilot.press("x")
    assert await narrator_quiet(app.announcer.narrator)
    assert await silent_after(recorder, t), "still sounding"


def spy(narrator, name):
    """Record calls of a narrator method while still calling it."""
    calls = []
    original = getattr(narrator, name)

    def wrapper(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    setattr(narrator, name, wrapper)
    return calls


async def overview(pilot):
    """Open the overview and wait until it is the screen."""
    await open_overview(pilot)
    assert await wait_for(pilot, lambda: isinstance(pilot.app.screen, OverviewScreen))
    return pilot.app.screen


async def ready(pilot, app):
    narrator = app.announcer.narrator
    assert await wait_for(pilot, lambda: narrator.is_ready), "narrator did not start"
    assert narrator.is_available, narrator.unavailable_reason
    return narrator


async def test_build_app_connects_a_narrator_and_closes_it(kiosk):
    app = kiosk()
    assert isinstance(app.announcer, NarratorAnnouncer)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        assert narrator.running
    assert not narrator.running, "the narrator must end with the app"


async def test_listen_reads_on_highlights_and_a_key_stops_it(kiosk, recorder, process_watch):
    app = kiosk(rate=220)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, app)
        screen = await overview(pilot)
        assert isinstance(screen, OverviewScreen)
        await pilot.press("enter")  # into the text of section 1
        await quiet(pilot, app, recorder)
        watch = process_watch()
        t_key = time.monotonic()
        await pilot.press("r")  # listen: read all
        assert await wait_for(pilot, lambda: screen.highlight is not None)
        assert await heard_after(recorder, t_key) is not None, "the reading is not heard"
        # The heading first, then the first paragraph, each highlighted as it plays.
        assert screen.highlight[0] == "s1.h"
        assert await wait_for(pilot, lambda: screen.highlight[0] == "s1.p1")
        key, start, end = screen.highlight
        text = next(t.text for t in screen.doc.sections[0].texts() if t.key == key)
        shown = flat(screen_text(app))
        assert " ".join(text[start:end].split()[:4]) in shown, "highlighted sentence not in view"
        # The highlight is drawn in reverse bold on exactly that span.
        body = screen.text_as_shown(next(t for t in screen.doc.sections[0].texts() if t.key == key))
        spans = [(s.start, s.end, str(s.style)) for s in body.spans if "reverse" in str(s.style)]
        assert spans == [(start, end, "reverse bold")]
        # The highlight follows the reading: the next sentence takes over.
        assert await wait_for(pilot, lambda: screen.highlight[1:] != (start, end))
        t_sentence = time.monotonic()
        assert await heard_after(recorder, t_sentence), "was it speaking?"
        await pilot.press("x")  # any key (even one that does nothing else) stops speech
        t_stop = time.monotonic()
        assert watch.alive() == [], "the player must be gone once the key is handled"
        assert await silent_after(recorder, t_stop), "the sink did not fall silent"
        assert await nothing_heard_for(recorder, 0.5), "speech went on after the key"
        assert await wait_for(pilot, lambda: screen.highlight is None), \
            "the highlight ends with the reading"


async def test_read_all_moves_the_pane_into_the_next_section(kiosk):
    app = kiosk(rate=300)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        screen = await overview(pilot)
        last = screen.total - 1
        await pilot.press(str(last))  # the second-last section (short), then read all
        await pilot.press("r")
        assert await wait_for(pilot, lambda: screen.highlight is not None)
        assert screen.section_index == last - 1
        assert await wait_for(pilot, lambda: screen.section_index == last, 90), \
            "the reading did not carry the pane into the next section"
        assert screen.highlight[0].startswith(f"s{last + 1}.")
        assert screen.toc.index == last and app.visit.section_index == last
        narrator.cancel()


async def test_action_in_text_reads_only_this_section(kiosk):
    app = kiosk(rate=300)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        await overview(pilot)
        reads = spy(narrator, "read")
        await pilot.press("enter", "enter")  # open section 1, Action in its text
        assert await wait_for(pilot, lambda: reads)
        (items, language), _ = reads[-1]
        assert language == "en"
        assert [i.key for i in items][0] == "s1.h"
        assert all(i.key.startswith("s1.") for i in items)
        narrator.cancel()


async def test_utterances_never_overlap_while_keys_fly(kiosk, process_watch):
    app = kiosk(rate=300)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        with process_watch() as watch:
            for key in ("down", "up", "down", "down", "enter", "r", "down", "full_stop",
                        "comma", "plus", "minus", "3", "r", "f1", "f1", "s", "s"):
                await pilot.press(key)
                await pilot.pause(0.07)  # keys at a brisk visitor's pace (not a condition)
            assert await narrator_quiet(narrator), "speech never ended"
        assert watch.samples > 10, f"only {watch.samples} /proc samples"
        assert watch.max_alive == 1, f"player processes alive at once: {watch.overlaps}"
        assert watch.alive() == []


async def test_speech_key_is_spoken_and_shown(kiosk, recorder):
    app = kiosk(enabled=False)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = app.announcer.narrator
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and not app.visit.speech_on
        assert not narrator.running, "with speech off the engine must not load at start"
        says = spy(narrator, "say")
        t_on = time.monotonic()
        await pilot.press("f4")  # the first utterance starts the engine
        assert app.visit.speech_on and "Speech: on" in flat(screen_text(app))
        assert says[0][0][0] == "Speech on."
        assert await heard_after(recorder, t_on), "'Speech on.' is not heard"
        await ready(pilot, app)
        await quiet(pilot, app, recorder)
        says.clear()
        t_off = time.monotonic()
        await pilot.press("s")
        assert not app.visit.speech_on and "Speech: off" in flat(screen_text(app))
        assert [c[0][0] for c in says] == ["Speech off."]
        assert await heard_after(recorder, t_off), "'Speech off.' must be heard before speech goes quiet"
        assert await narrator_quiet(narrator)
        assert await silent_after(recorder, t_off)
        says.clear()
        await pilot.press("down", "down", "up")  # moving with speech off: silence
        assert says == []
        assert await nothing_heard_for(recorder, 0.6)


async def test_volume_steps_are_announced_and_never_silent(kiosk, recorder):
    app = kiosk()
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        await quiet(pilot, app, recorder)  # the welcome would resume after each step
        says = spy(narrator, "say")
        settings = narrator.settings
        steps = round((settings.volume - settings.volume_min) / settings.volume_step) + 2
        for _ in range(steps):
            await pilot.press("minus")
        words = [c[0][0] for c in says]
        assert words[0] == "Volume 70 percent."
        assert words[-1] == "Volume 20 percent. Lowest volume."
        assert len(words) == steps
        assert narrator.prosody.volume == settings.volume_min
        assert await narrator_quiet(narrator)
        # The quietest step is still clearly audible.
        t = time.monotonic()
        await pilot.press("minus")
        assert await heard_after(recorder, t)
        assert await narrator_quiet(narrator)
        assert await silent_after(recorder, t)
        assert recorder.snapshot(t).loud_windows(start=t), "the lowest volume is silent"
        says.clear()
        await pilot.press("plus", "right_square_bracket", "left_square_bracket")
        assert [c[0][0] for c in says] == ["Volume 30 percent.", "Faster.", "Slower."]


async def test_volume_change_during_reading_keeps_reading(kiosk):
    app = kiosk(rate=220)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        screen = await overview(pilot)
        sentences = spy(app, "reading_sentence")
        await pilot.press("enter", "r")
        assert await wait_for(pilot, lambda: screen.highlight and screen.highlight[0] == "s1.p1")
        await pilot.press("plus")  # a speech-control key: cuts in, does not stop the reading
        assert narrator.prosody.volume == pytest.approx(0.9)
        # After "Volume 90 percent." the interrupted sentence is read again: the same
        # sentence is highlighted twice in a row, which a reading alone never does.
        calls = lambda: [args for args, _ in sentences]  # noqa: E731
        assert await wait_for(pilot, lambda: any(a == b for a, b in zip(calls(), calls()[1:])))
        assert narrator.is_speaking
        await pilot.press("p")  # pause
        assert await wait_for(pilot, lambda: narrator.is_paused)
        assert "Reading paused." in flat(screen_text(app))
        await pilot.press("p")  # resume
        assert await wait_for(pilot, lambda: narrator.is_speaking and not narrator.is_paused)
        assert "Reading paused." not in flat(screen_text(app))
        narrator.cancel()


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
        assert await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        await pilot.press("enter", "r")
        assert await wait_for(pilot, lambda: reads)
        (items, language), _ = reads[-1]
        assert language == "de" and {i.language for i in items} == {"en"}
        narrator.cancel()


async def test_language_without_a_voice_is_shown_not_misread(kiosk, recorder, tmp_path):
    # A catalog makes "tlh" a language the kiosk has (one named in the config
    # without a catalog is left out, issue 9 item 12); eSpeak NG has no voice for it.
    write_catalog(tmp_path / "locales", "tlh", "kiosk", {"Start": "Start"})
    app = kiosk(config_changes={"languages": ("en", "tlh")})
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = await ready(pilot, app)
        assert narrator.voice_for("tlh") is None
        says = spy(narrator, "say")
        await pilot.press("down", "enter")
        assert app.visit.language == "tlh"
        assert await wait_for(pilot, lambda: "Speech is not available in" in flat(screen_text(app)))
        assert all(lang != "tlh" for (_, lang), _ in says), "spoken with a wrong voice"
        await pilot.press("up", "up", "enter")  # back to English: notice gone, speech back
        assert await wait_for(pilot, lambda: "Speech is not available" not in flat(screen_text(app)))
        assert says and says[-1][0][1] == "en"


async def run_out_the_visit(pilot, clock) -> None:
    """No key for the idle timeout, then the whole countdown: the visit resets."""
    app = pilot.app
    clock.advance(app.config.idle_timeout)
    app.idle.check()
    assert await wait_for(pilot, lambda: isinstance(app.screen, IdleWarningScreen)
                          and app.screen.is_mounted)
    warning = app.screen
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
        assert narrator.prosody.volume == pytest.approx(settings.volume + 2 * settings.volume_step)
        assert narrator.prosody.rate == settings.rate + settings.rate_step
        await run_out_the_visit(pilot, clock)
        assert await wait_for(pilot, lambda: any("Still there?" in c[0][0] for c in says)), \
            "the warning is spoken"
        assert await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert any("Starting again for the next visitor" in c[0][0] for c in says)
        assert await wait_for(pilot, lambda: not app.visit.speech_on)
        assert (narrator.prosody.rate, narrator.prosody.volume) == (settings.rate, settings.volume)
        assert await narrator_quiet(narrator)
        assert "Speech: off" in flat(screen_text(app))


async def test_a_visit_that_only_changed_the_volume_is_still_reset(kiosk):
    """EN 301 549 5.1.3.13: the volume goes back to the default after every visitor."""
    clock = FakeClock()
    app = kiosk(enabled=False, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = app.announcer.narrator
        settings = narrator.settings
        await pilot.press("minus")  # speech off, welcome screen: only the volume changes
        assert narrator.prosody.volume == pytest.approx(settings.volume - settings.volume_step)
        assert app.visit == app.defaults, "nothing else changed"
        await run_out_the_visit(pilot, clock)  # the warning comes although nothing else changed
        assert await wait_for(pilot, lambda: narrator.prosody.at_defaults)
        assert narrator.prosody.volume == settings.volume


async def test_no_player_shows_once_keeps_working_and_retries_next_visit(kiosk, tmp_path):
    clock = FakeClock()
    app = kiosk(player=str(tmp_path / "no-such-player"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        narrator = app.announcer.narrator
        assert await wait_for(pilot, lambda: narrator.is_ready)
        assert not narrator.is_available
        assert await wait_for(pilot, lambda: "Speech is not available." in flat(screen_text(app)))
        assert flat(screen_text(app)).count("Speech is not available.") == 1
        await overview(pilot)  # the kiosk keeps working, silently
        await pilot.press("3", "r", "plus")
        assert app.screen.section_index == 2 and app.is_running
        assert flat(screen_text(app)).count("Speech is not available.") == 1
        log_text = app.config.log_file.read_text()
        assert "no-such-player" in log_text
        # Next visit: the player is there now (staff fixed it): speech comes back.
        narrator.settings = replace(narrator.settings, player="paplay")
        await run_out_the_visit(pilot, clock)
        assert await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        assert await wait_for(pilot, lambda: narrator.is_available), narrator.unavailable_reason
        assert await wait_for(pilot, lambda: "Speech is not available." not in flat(screen_text(app)))
        assert "trying again for the new visit" in app.config.log_file.read_text()
