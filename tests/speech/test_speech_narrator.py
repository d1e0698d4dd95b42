"""The narrator end to end: real eSpeak NG, real paplay, a real (null) sound server.

Smoke tests of the real path.  The rules (queueing, interruption,
navigation, prefetch) are tested with fakes in test_speech_manager.py and
test_speech_narrator_logic.py; here every check waits on events (speech
events, audio arriving at the sink, the sink falling silent), never on the
clock.  How fast speech starts and stops is measured by
benchmarks/speech_benchmark.py.
"""

from __future__ import annotations

import time

import pytest

from kiosk.speech import Narrator, ReadItem, SpeechPriority, SpeechSettings
from speech_fakes import Events

pytestmark = pytest.mark.audio

WAIT = 30.0  # safety net only: every wait ends as soon as its event happens


def make(pulse, events: Events, **overrides) -> Narrator:
    settings = SpeechSettings(enabled=True, device=pulse.sink, player="paplay", **overrides)
    narrator = Narrator(settings, on_event=events)
    assert narrator.has_voice("en"), narrator.unavailable_reason
    return narrator


SHORT = [ReadItem("a", "One cream. Two creams."), ReadItem("b", "Three creams.")]


def test_reads_items_in_order_into_the_sink(pulse, recorder) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    try:
        t_read = time.monotonic()
        reading = narrator.read(SHORT, "en")
        assert narrator.is_speaking
        assert recorder.wait_for_sound(t_read, WAIT) is not None, "no audio reached the sink"
        assert events.wait_done(reading, WAIT) is True
        assert [(name, start) for _, name, start, _ in events.marks] == [
            ("a", 0), ("a", 11), ("b", 0)]
        assert narrator.wait_until_quiet(WAIT) and not narrator.is_speaking
        assert recorder.wait_for_silence(t_read, 0.3, WAIT)
    finally:
        narrator.close()


def test_cancel_silences_the_sink_and_nothing_more_is_said(pulse, recorder, overview,
                                                          process_watch) -> None:
    events = Events()
    narrator = make(pulse, events)
    try:
        items = [ReadItem(f"p{i}", p) for i, p in enumerate(overview.sections[0].paragraphs)]
        t_read = time.monotonic()
        reading = narrator.read(items, "en")
        heard = recorder.wait_for_sound(t_read, WAIT)
        assert heard is not None, "was it speaking at all?"
        narrator.cancel()
        with process_watch() as watch:
            assert watch.alive() == [], "the player must be gone when cancel() returns"
        assert not narrator.is_speaking
        assert events.wait_done(reading, WAIT) is False
        assert recorder.wait_for_silence(heard, 0.3, WAIT), "the sink did not fall silent"
        t_quiet = time.monotonic()
        after = recorder.wait_for_stream(t_quiet, 0.5, WAIT)
        assert after.first_sound_after(t_quiet) is None, "speech went on after cancel()"
        assert len(events.marks) == 1, "no further sentence may start"
    finally:
        narrator.close()


def test_utterances_never_overlap(pulse, recorder, process_watch) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    try:
        with process_watch() as watch:
            t = time.monotonic()
            first = narrator.say("First announcement, quite long so that it is still playing.", "en")
            assert recorder.wait_for_sound(t, WAIT)
            narrator.cancel()
            ids = [narrator.say("Second.", "en"), narrator.read(SHORT, "en")]
            for _ in range(5):
                narrator.next_sentence()
                narrator.previous_sentence()
            ids.append(narrator.say("Last one.", "en", priority=SpeechPriority.NOW))
            assert narrator.wait_until_quiet(WAIT)
        assert watch.max_alive == 1, f"player processes alive at once: {watch.overlaps}"
        assert watch.alive() == []
        assert events.wait_done(first) is False
        assert [events.wait_done(i) for i in ids] == [True, True, True]
    finally:
        narrator.close()


def test_pause_resume_repeat_previous_next_with_real_sound(pulse, recorder) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    items = [ReadItem("x", "Alpha is first. Bravo is second. Charlie is third. Delta is fourth.")]
    sentences = {0: "Alpha", 16: "Bravo", 33: "Charlie", 51: "Delta"}

    def heard() -> list[str]:
        return [sentences[start] for _, _, start, _ in events.marks]

    def wait_marks(n: int) -> None:
        with events.lock:
            assert events.lock.wait_for(lambda: len(events.marks) >= n, WAIT), heard()

    try:
        reading = narrator.read(items, "en")
        wait_marks(1)
        narrator.pause()
        assert not narrator.is_speaking and narrator.is_paused
        t_pause = time.monotonic()
        assert recorder.wait_for_silence(t_pause, 0.3, WAIT)
        assert narrator.settle(WAIT) and narrator.is_paused and len(events.marks) == 1
        narrator.resume()  # the paused sentence again, from its start
        wait_marks(2)
        narrator.next_sentence()
        wait_marks(3)
        narrator.previous_sentence()
        wait_marks(4)
        narrator.repeat()
        wait_marks(5)
        assert heard() == ["Alpha", "Alpha", "Bravo", "Alpha", "Alpha"]
        assert events.wait_done(reading, WAIT) is True
        assert heard()[5:] == ["Bravo", "Charlie", "Delta"]
        narrator.repeat()  # after the end: the last sentence once more
        wait_marks(9)
        assert heard()[-1] == "Delta"
    finally:
        narrator.close()


def test_unknown_language_is_not_spoken(pulse) -> None:
    events = Events()
    narrator = make(pulse, events)
    try:
        reading = narrator.read(SHORT, "xx")
        assert events.wait_done(reading, WAIT) is False
        assert events.marks == [] and narrator.is_available
    finally:
        narrator.close()


def test_no_player_makes_speech_unavailable_once_and_retry_recovers(pulse, monkeypatch,
                                                                    tmp_path) -> None:
    events = Events()
    monkeypatch.setenv("PATH", str(tmp_path))  # no pw-play, paplay or aplay here
    narrator = Narrator(SpeechSettings(enabled=True, device=pulse.sink), on_event=events)
    try:
        assert narrator.has_voice("en") is False  # waits for the start attempt
        ids = [narrator.read(SHORT, "en"), narrator.say("Hello.", "en"), narrator.read(SHORT, "en")]
        assert [events.wait_done(i) for i in ids] == [False, False, False]
        assert len(events.failures) == 1 and "no audio player" in events.failures[0]
        assert not narrator.is_available and narrator.unavailable_reason == events.failures[0]
        assert narrator.settle(WAIT) and not narrator.is_speaking
        monkeypatch.setenv("PATH", "/usr/local/bin:/usr/bin:/bin")
        narrator.retry()
        again = narrator.read(SHORT[1:], "en")
        assert events.wait_done(again, WAIT) is True
        assert narrator.is_available and narrator.unavailable_reason is None
        assert len(events.failures) == 1
    finally:
        narrator.close()


def test_sound_server_failure_is_reported_once(monkeypatch, tmp_path) -> None:
    events = Events()
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/no-server")
    narrator = Narrator(SpeechSettings(enabled=True, player="paplay"), on_event=events)
    try:
        first = narrator.read(SHORT, "en")
        assert events.wait_done(first, WAIT) is False
        second = narrator.read(SHORT, "en")
        assert events.wait_done(second, WAIT) is False
        assert len(events.failures) == 1
        assert "paplay" in events.failures[0] and "failed" in events.failures[0]
    finally:
        narrator.close()


def test_a_rate_change_is_heard_from_the_next_sentence_even_if_it_was_synthesised_ahead() -> None:
    """Real eSpeak NG, fake audio output: the WAVs played are measured, not the clock."""
    from speech_fakes import FakeAudio
    from speech_helpers import wav_stats

    events, audio = Events(), FakeAudio()
    narrator = Narrator(SpeechSettings(rate=100), on_event=events,
                        audio_factory=lambda settings, log: audio)
    try:
        reading = narrator.read([ReadItem("x", "Apply the cream. Apply the cream. Apply the cream.")],
                                "en")
        audio.wait_started(1)
        assert narrator.settle(WAIT)  # the second sentence is now synthesised ahead, at 100
        for _ in range(10):
            narrator.prosody.faster()
        for count in (2, 3):
            audio.finish()
            audio.wait_started(count)
        audio.finish()
        assert events.wait_done(reading, WAIT) is True
        durations = [wav_stats(p.wav).duration for p in audio.started]
        assert durations[1] < durations[0] * 0.6 and durations[2] < durations[0] * 0.6, durations
    finally:
        narrator.close()
