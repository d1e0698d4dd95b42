"""The narrator's threading, with fakes: prompt silence, the generation gate, state, failures.

No sound and no sleeps: tests wait for events (a sound started, a sequence
ended, every call carried out) with generous timeouts that only guard
against a hang.
"""

from __future__ import annotations

import threading

import pytest

from kiosk.speech import Narrator, ReadItem, SpeechPriority, SpeechSettings
from kiosk.speech.errors import PlayerUnavailable
from speech_fakes import Events, FakeAudio, FakeSynth

WAIT = 10.0


class Rig:
    def __init__(self, **settings) -> None:
        self.synth = FakeSynth()
        self.audio = FakeAudio()
        self.events = Events()
        self.audio_error: str | None = None
        self.narrator = Narrator(SpeechSettings(**settings), on_event=self.events,
                                 synth_factory=lambda s, log: self.synth,
                                 audio_factory=self._audio)

    def _audio(self, settings, log):
        if self.audio_error:
            raise PlayerUnavailable(self.audio_error)
        return self.audio

    def settle(self) -> None:
        assert self.narrator.settle(WAIT), "the narrator did not finish its work"


@pytest.fixture
def rig():
    r = Rig()
    yield r
    r.narrator.close()


def test_speaks_in_order_and_reports_marks_and_completion(rig: Rig) -> None:
    n = rig.narrator
    reading = n.read([ReadItem("a", "One cream. Two creams."), ReadItem("b", "Three creams.")], "en")
    assert n.is_speaking, "is_speaking is true as soon as read() returns"
    assert rig.audio.wait_started(1) == ["One cream."]
    for count in (2, 3):
        rig.audio.finish()
        rig.audio.wait_started(count)
    rig.audio.finish()
    assert rig.events.wait_done(reading) is True
    assert [(m[1], m[2]) for m in rig.events.marks] == [("a", 0), ("a", 11), ("b", 0)]
    rig.settle()
    assert not n.is_speaking and n.wait_until_quiet(WAIT)


def test_cancel_silences_from_the_calling_thread_before_it_returns(rig: Rig) -> None:
    n = rig.narrator
    reading = n.read([ReadItem("a", "Alpha. Bravo.")], "en")
    rig.audio.wait_started(1)
    n.cancel()
    assert rig.audio.stops >= 1 and rig.audio.current is None, "still sounding after cancel()"
    assert not n.is_speaking
    assert rig.events.wait_done(reading) is False
    rig.settle()
    assert rig.audio.texts == ["Alpha."]


def test_an_utterance_synthesised_for_a_cancelled_call_is_never_played(rig: Rig) -> None:
    """The generation gate: the worker is caught in the middle of synthesis when the key comes."""
    n = rig.narrator
    assert n.has_voice("en")
    release = rig.synth.hold()
    first = n.say("Stale words.", "en")
    assert rig.synth.holding.wait(WAIT)
    n.cancel()
    fresh = n.say("Fresh words.", "en")
    release.set()
    assert rig.events.wait_done(first) is False
    rig.audio.wait_started(1)
    rig.settle()
    assert rig.audio.texts == ["Fresh words."], "a stale utterance reached the speaker"
    rig.audio.finish()
    assert rig.events.wait_done(fresh) is True


def test_pause_and_resume_state_is_visible_at_once(rig: Rig) -> None:
    n = rig.narrator
    n.read([ReadItem("a", "Alpha. Bravo.")], "en")
    rig.audio.wait_started(1)
    rig.settle()
    n.pause()
    assert n.is_paused and not n.is_speaking and rig.audio.current is None
    n.say("Volume 70 percent.", "en", priority=SpeechPriority.NOW)
    assert rig.audio.wait_started(2)[-1] == "Volume 70 percent."
    rig.audio.finish()
    rig.settle()
    assert n.is_paused and rig.audio.current is None
    n.resume()
    assert not n.is_paused and n.is_speaking
    assert rig.audio.wait_started(3)[-1] == "Alpha."


def test_rate_and_volume_have_one_owner_and_apply_from_the_next_utterance(rig: Rig) -> None:
    n = rig.narrator
    s = n.settings
    assert [n.prosody.faster() for _ in range(10)][-1] == s.rate_max
    assert n.prosody.slower() == s.rate_max - s.rate_step
    assert [n.prosody.quieter() for _ in range(10)][-1] == s.volume_min
    assert n.prosody.louder() == pytest.approx(s.volume_min + s.volume_step)
    assert not n.prosody.at_defaults
    n.say("Hello.", "en")
    rig.audio.wait_started(1)
    assert rig.audio.started[0].wav.startswith(
        f"en|{s.rate_max - s.rate_step}|{round(s.volume_min + s.volume_step, 3)}|".encode())
    n.reset()
    assert n.prosody.at_defaults and (n.prosody.rate, n.prosody.volume) == (s.rate, s.volume)


def test_no_player_is_reported_once_per_attempt_and_retry_recovers(rig: Rig) -> None:
    rig.audio_error = "no audio player found (looked for pw-play, paplay, aplay)"
    n = rig.narrator
    assert n.has_voice("en") is False
    ids = [n.say("Hello.", "en"), n.read([ReadItem("a", "Alpha.")], "en")]
    assert [rig.events.wait_done(i) for i in ids] == [False, False]
    rig.settle()
    assert rig.events.failures == [rig.audio_error]
    assert not n.is_available and n.unavailable_reason == rig.audio_error and not n.is_speaking
    n.retry()  # still broken: reported again for this attempt
    rig.settle()
    assert len(rig.events.failures) == 2
    rig.audio_error = None
    n.retry()
    rig.settle()
    assert n.is_available and n.unavailable_reason is None
    again = n.say("Back.", "en")
    rig.audio.wait_started(1)
    rig.audio.finish()
    assert rig.events.wait_done(again) is True and len(rig.events.failures) == 2


def test_close_ends_every_sequence_and_the_thread() -> None:
    rig = Rig()
    n = rig.narrator
    ids = [n.say("One.", "en"), n.say("Two.", "en")]
    rig.audio.wait_started(1)
    n.close()
    assert not n.running and rig.audio.closed
    assert [rig.events.completed(i) for i in ids] == [[False], [False]]
    late = n.say("After closing.", "en")
    assert rig.events.completed(late) == [False]


def test_storm_of_calls_from_two_threads_never_overlaps_and_ends_each_once(rig: Rig) -> None:
    n = rig.narrator
    ids: list[int] = []
    stop = threading.Event()

    def ends_sounds() -> None:  # the "sound system": ends whatever plays, as fast as it can
        while not stop.is_set():
            with rig.audio.changed:
                rig.audio.changed.wait_for(lambda: rig.audio.current is not None or stop.is_set(),
                                           WAIT)
            if rig.audio.current is not None:
                try:
                    rig.audio.finish()
                except AssertionError:
                    pass  # stopped between the check and the finish

    player = threading.Thread(target=ends_sounds)
    player.start()
    try:
        for i in range(300):
            action = i % 6
            if action in (0, 1):
                ids.append(n.say(f"Sentence {i}. And more.", "en"))
            elif action == 2:
                ids.append(n.read([ReadItem("a", "Alpha. Bravo. Charlie.")], "en"))
            elif action == 3:
                n.cancel()
            elif action == 4:
                n.next_sentence()
            else:
                ids.append(n.say("Volume.", "en", priority=SpeechPriority.NOW, tag="setting"))
        assert n.wait_until_quiet(WAIT)
    finally:
        stop.set()
        with rig.audio.changed:
            rig.audio.changed.notify_all()
        player.join(WAIT)
    assert rig.audio.overlaps == 0
    for sequence_id in ids:
        assert len(rig.events.completed(sequence_id)) == 1, sequence_id


def test_an_engine_that_breaks_mid_visit_makes_speech_unavailable_until_a_retry_works(rig: Rig) -> None:
    n = rig.narrator
    first = n.read([ReadItem("a", "Alpha. Bravo. Charlie.")], "en")
    rig.audio.wait_started(1)
    rig.settle()  # Bravo is synthesised ahead
    rig.synth.broken = "eSpeak NG data folder /x has lost phontab"
    rig.audio.finish()  # Bravo plays; Charlie cannot be synthesised
    assert rig.events.wait_done(first) is False
    rig.settle()
    assert not n.is_available and n.unavailable_reason == rig.synth.broken
    assert rig.events.failures == [rig.synth.broken]
    assert n.voice_for("en") is None
    rig.synth.broken = None
    n.retry()
    rig.settle()
    assert n.is_available and rig.synth.opened == 2
    again = n.say("Back.", "en")
    assert rig.audio.wait_started(3)[-1] == "Back."
    rig.audio.finish()
    assert rig.events.wait_done(again) is True
