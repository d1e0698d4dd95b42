"""The narrator end to end: real eSpeak, real paplay, a real (null) sound server."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import pytest

from kiosk.speech import Narrator, ReadItem, Sentence, SpeechSettings

pytestmark = pytest.mark.audio


@dataclass
class Events:
    sentences: list[tuple[float, str, str]] = field(default_factory=list)
    finished: list[tuple[float, bool]] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def on_sentence(self, key: str, sentence: Sentence) -> None:
        self.sentences.append((time.monotonic(), key, sentence.text))

    def on_finished(self, completed: bool) -> None:
        self.finished.append((time.monotonic(), completed))
        self.done.set()

    def wait_sentences(self, n: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.sentences) < n:
            assert time.monotonic() < deadline, f"only {len(self.sentences)} sentences started"
            time.sleep(0.005)


def make(pulse, events: Events, **overrides) -> Narrator:
    settings = SpeechSettings(enabled=True, device=pulse.sink, player="paplay", **overrides)
    narrator = Narrator(settings, on_sentence=events.on_sentence, on_finished=events.on_finished,
                        on_unavailable=events.unavailable.append)
    narrator.start()
    assert narrator.has_voice("en"), narrator.unavailable_reason
    return narrator


SHORT = [ReadItem("a", "One cream. Two creams."), ReadItem("b", "Three creams.")]


def test_reads_items_in_order_and_highlights_as_each_sentence_plays(pulse, recorder) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    try:
        t_read = time.monotonic()
        narrator.read(SHORT, "en")
        assert narrator.is_speaking
        assert events.done.wait(15)
        assert [(k, t) for _, k, t in events.sentences] == [
            ("a", "One cream."), ("a", "Two creams."), ("b", "Three creams.")]
        assert [c for _, c in events.finished] == [True]
        assert not narrator.is_speaking
        recording = recorder.snapshot()
        first = recording.first_sound_after(t_read)
        assert first is not None and first - t_read < 0.3, "first audio too late or missing"
        # on_sentence fires when a sentence starts *playing*: each is followed by its audio
        # at once, and they are spread over the reading, not bunched at synthesis time.
        for t, _, text in events.sentences:
            heard = recording.first_sound_after(t - 0.02)
            assert heard is not None and heard - t < 0.15, f"no audio right after {text!r}"
        gaps = [b[0] - a[0] for a, b in zip(events.sentences, events.sentences[1:])]
        assert min(gaps) > 0.4, gaps
    finally:
        narrator.close()


def test_stop_silences_within_200_ms_and_reports_not_completed(pulse, recorder, overview) -> None:
    events = Events()
    narrator = make(pulse, events)
    try:
        items = [ReadItem(f"p{i}", p) for i, p in enumerate(overview.sections[0].paragraphs)]
        narrator.read(items, "en")
        events.wait_sentences(1)
        time.sleep(0.8)  # well inside the first, long sentence
        t_stop = time.monotonic()
        narrator.stop()
        assert time.monotonic() - t_stop < 0.05, "stop() must not block"
        assert not narrator.is_speaking
        assert events.done.wait(2) and [c for _, c in events.finished] == [False]
        time.sleep(0.5)
        recording = recorder.snapshot()
        assert recording.first_sound_after(t_stop - 0.5) is not None, "was it speaking at all?"
        last = recording.last_sound(start=t_stop - 0.5)
        assert last - t_stop < 0.2, f"audio went on {last - t_stop:.3f}s after stop()"
        assert recording.first_sound_after(t_stop + 0.2) is None
        assert len(events.sentences) == 1
    finally:
        narrator.close()


def test_utterances_never_overlap(pulse, recorder, process_watch) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    try:
        with process_watch() as watch:
            narrator.say("First announcement, quite long so that it is still playing.", "en")
            time.sleep(0.15)
            narrator.say("Second.", "en")
            narrator.read(SHORT, "en")
            for _ in range(5):
                time.sleep(0.05)
                narrator.next_sentence()
                narrator.previous_sentence()
            narrator.say("Last one.", "en")
            deadline = time.monotonic() + 10
            while narrator.is_speaking and time.monotonic() < deadline:
                time.sleep(0.01)
        assert not narrator.is_speaking
        assert watch.samples > 200, f"only {watch.samples} /proc samples"
        assert watch.max_alive == 1, f"player processes alive at once: {watch.overlaps}"
        assert [c for _, c in events.finished] == [False]  # the reading was interrupted once
        assert watch.alive() == []
    finally:
        narrator.close()


def test_pause_resume_repeat_next_previous(pulse, recorder) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    items = [ReadItem("x", "Alpha is first. Bravo is second. Charlie is third. Delta is fourth.")]
    try:
        narrator.read(items, "en")
        events.wait_sentences(1)
        t_pause = time.monotonic()
        narrator.pause()
        assert not narrator.is_speaking and narrator.is_paused
        time.sleep(0.4)
        recording = recorder.snapshot()
        last = recording.last_sound(start=t_pause - 0.3)
        assert last is None or last - t_pause < 0.2
        assert len(events.sentences) == 1
        narrator.resume()  # the paused sentence again, from its start
        events.wait_sentences(2)
        narrator.next_sentence()
        events.wait_sentences(3)
        narrator.previous_sentence()
        events.wait_sentences(4)
        narrator.repeat()
        events.wait_sentences(5)
        texts = [t for _, _, t in events.sentences]
        assert texts == ["Alpha is first.", "Alpha is first.", "Bravo is second.",
                         "Alpha is first.", "Alpha is first."]
        assert events.done.wait(15)
        texts = [t for _, _, t in events.sentences]
        assert texts[5:] == ["Bravo is second.", "Charlie is third.", "Delta is fourth."]
        assert [c for _, c in events.finished] == [True]
        narrator.repeat()  # after the end: the last sentence once more
        events.wait_sentences(9)
        assert events.sentences[-1][2] == "Delta is fourth."
    finally:
        narrator.close()


def test_start_sentence_and_rate_volume_steps(pulse) -> None:
    events = Events()
    narrator = make(pulse, events, rate=300)
    try:
        narrator.read(SHORT, "en", start_sentence=2)
        assert events.done.wait(10)
        assert [t for _, _, t in events.sentences] == ["Three creams."]
        s = narrator.settings
        assert [narrator.faster() for _ in range(3)] == [300, 300, 300]
        assert narrator.slower() == 280
        assert [narrator.quieter() for _ in range(10)][-1] == s.volume_min
        assert narrator.louder() == pytest.approx(s.volume_min + s.volume_step)
        narrator.reset_to_defaults()
        assert (narrator.rate, narrator.volume) == (s.rate, s.volume)
    finally:
        narrator.close()


def test_rate_change_applies_to_the_following_sentences(pulse) -> None:
    events = Events()
    narrator = make(pulse, events, rate=100)
    items = [ReadItem("x", "Apply the cream. Apply the cream. Apply the cream.")]
    try:
        narrator.read(items, "en")
        events.wait_sentences(1)
        for _ in range(10):
            narrator.faster()
        assert events.done.wait(20)
        starts = [t for t, _, _ in events.sentences] + [events.finished[0][0]]
        durations = [b - a for a, b in zip(starts, starts[1:])]
        # Sentence 2 may have been synthesised ahead at the old rate; sentence 3 is faster.
        assert durations[2] < durations[0] * 0.6, durations
    finally:
        narrator.close()


def test_disabled_or_unknown_language_does_not_speak(pulse) -> None:
    events = Events()
    narrator = make(pulse, events)
    try:
        narrator.enabled = False
        narrator.say("Hello.", "en")
        narrator.read(SHORT, "en")
        assert events.done.wait(5) and [c for _, c in events.finished] == [False]
        assert not narrator.is_speaking
        narrator.enabled = True
        events.done.clear()
        narrator.read(SHORT, "xx")  # no eSpeak voice
        assert events.done.wait(5) and [c for _, c in events.finished] == [False, False]
        assert events.sentences == [] and narrator.is_available
    finally:
        narrator.close()


def test_no_player_makes_speech_unavailable_once_and_retry_recovers(pulse, monkeypatch, tmp_path) -> None:
    events = Events()
    monkeypatch.setenv("PATH", str(tmp_path))  # no pw-play, paplay or aplay here
    narrator = Narrator(SpeechSettings(enabled=True, device=pulse.sink),
                        on_sentence=events.on_sentence, on_finished=events.on_finished,
                        on_unavailable=events.unavailable.append)
    try:
        narrator.start()
        narrator.has_voice("en")  # wait for initialisation
        narrator.read(SHORT, "en")
        narrator.say("Hello.", "en")
        narrator.read(SHORT, "en")
        deadline = time.monotonic() + 5
        while len(events.finished) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [c for _, c in events.finished] == [False, False]
        assert len(events.unavailable) == 1 and "no audio player" in events.unavailable[0]
        assert not narrator.is_available and narrator.unavailable_reason == events.unavailable[0]
        assert not narrator.is_speaking
        monkeypatch.setenv("PATH", "/usr/local/bin:/usr/bin:/bin")
        narrator.retry()
        events.done.clear()
        narrator.read(SHORT[1:], "en")
        assert events.done.wait(10) and events.finished[-1][1] is True
        assert narrator.is_available and narrator.unavailable_reason is None
        assert len(events.unavailable) == 1
    finally:
        narrator.close()


def test_sound_server_failure_is_reported_once(monkeypatch, tmp_path) -> None:
    events = Events()
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/no-server")
    narrator = Narrator(SpeechSettings(enabled=True, player="paplay"),
                        on_finished=events.on_finished, on_unavailable=events.unavailable.append)
    try:
        narrator.start()
        narrator.read(SHORT, "en")
        assert events.done.wait(10)
        narrator.read(SHORT, "en")
        deadline = time.monotonic() + 5
        while len(events.finished) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [c for _, c in events.finished] == [False, False]
        assert len(events.unavailable) == 1
        assert "paplay" in events.unavailable[0] and "failed" in events.unavailable[0]
    finally:
        narrator.close()
