"""The speech manager's rules, driven step by step with fakes: no thread, no sound, no clock.

Each test plays the sound system itself: an utterance "ends" only when the
test calls ``audio.finish()``; so queueing, interruption by priority,
pause/resume, navigation, prefetch and completion are checked exactly.
"""

from __future__ import annotations

import itertools
import random

import pytest

from kiosk.speech.commands import LangChangeCommand, MarkCommand, ReadItem, reading_sequence
from kiosk.speech.events import MarkReached, SequenceDone
from kiosk.speech.manager import SpeechManager
from kiosk.speech.priorities import SpeechPriority
from kiosk.speech.utterances import MAX_UTTERANCE_CHARS
from speech_fakes import Events, FakeAudio, FakeSynth, text_of

NORMAL, NEXT, NOW = SpeechPriority.NORMAL, SpeechPriority.NEXT, SpeechPriority.NOW


class Rig:
    """A manager wired to fakes; ``say``/``read`` return the sequence id."""

    def __init__(self) -> None:
        self.synth = FakeSynth()
        self.audio = FakeAudio()
        self.events = Events()
        self.prosody = [165, 0.8]
        self._ids = itertools.count(1)
        self.manager = SpeechManager(self.events, lambda: (self.prosody[0], self.prosody[1]),
                                     lambda: next(self._ids))
        self.manager.synth = self.synth
        self.manager.audio = self.audio

    def say(self, text: str, priority: SpeechPriority = NORMAL, language: str = "en",
            tag: str | None = None) -> int:
        sequence_id = next(self._ids)
        self.manager.speak(sequence_id, [LangChangeCommand(language), text], priority, tag)
        return sequence_id

    def read(self, *texts: str, language: str = "en") -> int:
        sequence_id = next(self._ids)
        items = [ReadItem(f"p{i}", t) for i, t in enumerate(texts)]
        self.manager.speak(sequence_id, reading_sequence(items, language), NORMAL)
        return sequence_id

    @property
    def playing(self) -> str | None:
        current = self.audio.current
        return current.text if current else None

    def finish_all(self, limit: int = 1000) -> list[str]:
        heard = []
        while self.audio.current is not None and limit:
            heard.append(self.audio.finish())
            limit -= 1
        return heard


@pytest.fixture
def rig() -> Rig:
    return Rig()


def test_normal_sequences_queue_and_each_completes_once(rig: Rig) -> None:
    a = rig.say("One. Two.")
    b = rig.say("Three.")
    assert rig.playing == "One." and rig.manager.is_speaking
    assert rig.finish_all() == ["One.", "Two.", "Three."]
    assert [(d.sequence_id, d.completed) for d in rig.events.done] == [(a, True), (b, True)]
    assert not rig.manager.is_speaking and rig.audio.overlaps == 0


def test_now_cuts_in_and_the_reading_resumes_from_the_interrupted_sentence(rig: Rig) -> None:
    reading = rig.read("Alpha is first. Bravo is second. Charlie is third.")
    assert rig.audio.finish() == "Alpha is first."
    assert rig.playing == "Bravo is second."
    volume = rig.say("Volume 90 percent.", NOW)
    assert rig.playing == "Volume 90 percent."  # at once, not after Bravo
    assert rig.audio.started[1].stopped
    assert rig.audio.finish() == "Volume 90 percent."
    assert rig.events.completed(volume) == [True]
    assert rig.finish_all() == ["Bravo is second.", "Charlie is third."]
    assert rig.events.completed(reading) == [True]
    # Bravo's mark is reported again when Bravo starts again.
    assert [m[2] for m in rig.events.marks] == [0, 16, 16, 33]


def test_now_does_not_cut_into_now(rig: Rig) -> None:
    rig.say("Still there?", NOW)
    rig.say("Starting again in 10 seconds.", NOW)
    assert rig.playing == "Still there?"
    assert rig.finish_all() == ["Still there?", "Starting again in 10 seconds."]
    assert rig.audio.stops == 0


def test_next_waits_for_the_sentence_then_goes_before_the_rest(rig: Rig) -> None:
    rig.read("Alpha. Bravo. Charlie.")
    rig.say("Later.")  # NORMAL: after the whole reading
    rig.say("Soon.", NEXT)
    assert rig.playing == "Alpha."
    assert rig.finish_all() == ["Alpha.", "Soon.", "Bravo.", "Charlie.", "Later."]
    assert rig.audio.stops == 0


def test_cancel_silences_and_ends_every_sequence_exactly_once(rig: Rig) -> None:
    ids = [rig.read("Alpha. Bravo."), rig.say("Queued."), rig.say("Urgent.", NEXT)]
    rig.manager.cancel()
    assert rig.audio.current is None and rig.audio.started[0].stopped
    assert sorted(d.sequence_id for d in rig.events.done) == sorted(ids)
    assert all(not d.completed for d in rig.events.done)
    assert not rig.manager.is_speaking
    rig.manager.cancel()  # nothing left to end
    assert len(rig.events.done) == 3


def test_repeat_after_cancel_says_the_last_sentence_again_as_a_new_sequence(rig: Rig) -> None:
    first = rig.read("Alpha. Bravo. Charlie.")
    rig.audio.finish()
    rig.manager.cancel()  # during "Bravo."
    rig.manager.repeat()
    assert rig.playing == "Bravo."
    again = rig.events.marks[-1][0]
    assert again != first
    assert rig.finish_all() == ["Bravo.", "Charlie."]
    assert rig.events.completed(first) == [False] and rig.events.completed(again) == [True]


def test_reset_forgets_what_was_said(rig: Rig) -> None:
    rig.read("Alpha. Bravo.")
    rig.manager.reset()
    rig.manager.repeat()
    assert rig.audio.current is None and not rig.manager.has_history


def test_pause_holds_the_place_now_still_speaks_resume_replays_the_sentence(rig: Rig) -> None:
    reading = rig.read("Alpha. Bravo. Charlie.")
    rig.audio.finish()
    rig.manager.pause()  # during "Bravo."
    assert rig.manager.is_paused and not rig.manager.is_speaking and rig.audio.current is None
    rig.say("Queued while paused.")
    assert rig.audio.current is None, "NORMAL speech waits while paused"
    rig.say("Volume 70 percent.", NOW)
    assert rig.audio.finish() == "Volume 70 percent."
    assert rig.audio.current is None and rig.manager.is_paused, "the reading stays paused"
    rig.manager.pause()  # a second pause changes nothing
    rig.manager.resume()
    assert not rig.manager.is_paused
    assert rig.finish_all() == ["Bravo.", "Charlie.", "Queued while paused."]
    assert rig.events.completed(reading) == [True]


def test_repeat_previous_next_sentence(rig: Rig) -> None:
    reading = rig.read("Alpha. Bravo. Charlie. Delta.")
    rig.manager.pause()
    rig.manager.repeat()  # unpauses, Alpha again
    assert rig.playing == "Alpha." and not rig.manager.is_paused
    rig.manager.next_sentence()
    assert rig.playing == "Bravo."
    rig.manager.next_sentence()
    rig.manager.previous_sentence()
    assert rig.playing == "Bravo."
    rig.manager.previous_sentence()
    rig.manager.previous_sentence()  # not before the first sentence
    assert rig.playing == "Alpha."
    assert rig.finish_all() == ["Alpha.", "Bravo.", "Charlie.", "Delta."]
    assert rig.events.completed(reading) == [True]
    rig.manager.repeat()  # after the end: the last sentence once more
    assert rig.finish_all() == ["Delta."]
    rig.manager.next_sentence()  # past the end: done at once
    assert rig.audio.current is None
    assert len(rig.events.done) == 3 and all(d.completed for d in rig.events.done)


def test_the_next_sentence_is_prefetched_and_resynthesised_after_a_rate_change(rig: Rig) -> None:
    rig.read("Alpha. Bravo. Charlie.")
    rig.manager.prefetch()
    assert [c[0] for c in rig.synth.calls] == ["Alpha.", "Bravo."]
    rig.manager.prefetch()  # already there: no work
    assert len(rig.synth.calls) == 2
    rig.audio.finish()
    assert rig.playing == "Bravo." and len(rig.synth.calls) == 2, "Bravo came from the prefetch"
    rig.manager.prefetch()  # Charlie at 165
    rig.prosody[0] = 185  # "faster" while Bravo plays
    rig.audio.finish()
    assert rig.synth.calls[-1] == ("Charlie.", "en", 185, 0.8), "stale prefetch was used"
    assert rig.audio.started[-1].wav.startswith(b"en|185|0.8|")


def test_a_volume_change_also_invalidates_the_prefetched_sentence(rig: Rig) -> None:
    rig.read("Alpha. Bravo.")
    rig.manager.prefetch()
    rig.prosody[1] = 0.9  # "louder" while Alpha plays
    rig.audio.finish()
    assert rig.audio.started[-1].wav == b"en|165|0.9|Bravo."
    assert [c[3] for c in rig.synth.calls] == [0.8, 0.8, 0.9]


def test_marks_are_reported_when_the_sentence_starts_playing_not_when_synthesised(rig: Rig) -> None:
    reading = rig.read("Alpha. Bravo.", "Charlie.")
    rig.manager.prefetch()
    assert rig.events.marks == [(reading, "p0", 0, 6)]
    rig.audio.finish()
    assert rig.events.marks[-1] == (reading, "p0", 7, 13)
    rig.audio.finish()
    assert rig.events.marks[-1] == (reading, "p1", 0, 8)
    assert [e for e in rig.events.events if isinstance(e, SequenceDone)] == []
    rig.audio.finish()
    assert rig.events.done == [SequenceDone(reading, True, True)]


def test_a_language_without_voice_is_never_spoken(rig: Rig) -> None:
    bad = rig.say("tlhIngan Hol.", language="tlh")
    rig.manager.speak(99, [LangChangeCommand("en"), "Fine.", LangChangeCommand("xx"), "Not fine."],
                      NORMAL)
    assert rig.audio.started == [] and rig.synth.calls == []
    assert rig.events.completed(bad) == [False] and rig.events.completed(99) == [False]


def test_a_sentence_that_cannot_be_synthesised_is_skipped(rig: Rig) -> None:
    rig.synth.fail_texts.add("Bravo.")
    reading = rig.read("Alpha. Bravo. Charlie.")
    assert rig.finish_all() == ["Alpha.", "Charlie."]
    assert rig.events.completed(reading) == [True]


def test_engine_failure_is_reported_once_and_every_sequence_ends(rig: Rig) -> None:
    ok = rig.read("Alpha. Bravo.")
    rig.synth.broken = "eSpeak NG data folder /x has lost phontab"
    rig.audio.finish()
    assert rig.audio.current is None
    assert rig.events.failures == ["eSpeak NG data folder /x has lost phontab"]
    assert rig.events.completed(ok) == [False]
    later = rig.say("Hello.")
    assert rig.events.completed(later) == [False] and len(rig.events.failures) == 1
    rig.synth.broken = None
    rig.manager.recover()
    rig.say("Back.")
    assert rig.finish_all() == ["Back."]


def test_a_failing_player_makes_speech_unavailable(rig: Rig) -> None:
    first = rig.say("One. Two.")
    rig.audio.finish(failure="audio player paplay failed (exit status 1): Connection refused")
    assert rig.events.failures == ["audio player paplay failed (exit status 1): Connection refused"]
    assert rig.events.completed(first) == [False]
    rig.manager.recover()
    rig.audio.unavailable = "no audio player found"
    second = rig.say("Three.")
    assert rig.events.failures[-1] == "no audio player found"
    assert rig.events.completed(second) == [False]


def test_a_newer_tagged_sequence_replaces_the_older_one(rig: Rig) -> None:
    reading = rig.read("Alpha. Bravo.")
    first = rig.say("Volume 70 percent.", NOW, tag="setting")
    second = rig.say("Volume 60 percent.", NOW, tag="setting")
    assert rig.playing == "Volume 60 percent."
    assert rig.events.completed(first) == [False]
    third = rig.say("Volume 50 percent.", NOW, tag="setting")
    rig.say("Faster.", NOW)  # untagged: queued behind
    assert rig.events.completed(second) == [False]
    assert rig.finish_all() == ["Volume 50 percent.", "Faster.", "Alpha.", "Bravo."]
    assert rig.events.completed(third) == [True] and rig.events.completed(reading) == [True]


def test_a_paragraph_without_full_stop_is_spoken_in_bounded_pieces(rig: Rig) -> None:
    """Issue 9, item 10: 100,000 characters without a full stop."""
    words = itertools.cycle("apply the cream, twice a day to the affected skin".split())
    paragraph = " ".join(next(words) for _ in range(20_000))[:100_000]
    reading = rig.read(paragraph)
    rig.manager.prefetch()
    assert len(rig.synth.calls) == 2, "only the piece playing and the next are synthesised"
    assert max(len(c[0]) for c in rig.synth.calls) <= MAX_UTTERANCE_CHARS
    assert rig.events.marks == [(reading, "p0", 0, len(paragraph))]
    rig.audio.finish()
    rig.manager.cancel()  # any key: silence, and no further synthesis
    assert rig.audio.current is None and len(rig.synth.calls) == 2
    assert rig.events.completed(reading) == [False]
    heard = Rig()
    heard.read(paragraph)
    assert " ".join(heard.finish_all()) == " ".join(paragraph.split())


def test_text_before_a_language_is_refused(rig: Rig) -> None:
    with pytest.raises(ValueError, match="before its language"):
        rig.manager.speak(1, ["Hello.", LangChangeCommand("en")], NORMAL)


@pytest.mark.parametrize("seed", range(40))
def test_exactly_one_completion_per_sequence_and_never_two_sounds(seed: int) -> None:
    """Random speech, keys and sound ends: every sequence ends once, sounds never overlap."""
    rng = random.Random(seed)
    rig = Rig()
    ids: list[int] = []
    texts = ["One.", "Two. Three.", "Four. Five. Six."]
    for _ in range(200):
        op = rng.choice(["say", "say", "read", "finish", "finish", "finish", "cancel", "pause",
                         "resume", "repeat", "previous", "next", "prefetch", "rate"])
        if op == "say":
            ids.append(rig.say(rng.choice(texts), rng.choice(list(SpeechPriority)),
                               tag=rng.choice([None, "setting"])))
        elif op == "read":
            ids.append(rig.read(*rng.sample(texts, 2)))
        elif op == "finish" and rig.audio.current is not None:
            rig.audio.finish()
        elif op == "rate":
            rig.prosody[0] = rng.choice([145, 165, 185])
        elif op in ("cancel", "pause", "resume", "repeat", "prefetch"):
            getattr(rig.manager, op)()
        elif op in ("previous", "next"):
            getattr(rig.manager, f"{op}_sentence")()
    rig.manager.resume()
    rig.finish_all()
    done = [d.sequence_id for d in rig.events.done]
    revived = set(done) - set(ids)
    assert sorted(done) == sorted(ids + list(revived)), "a sequence ended twice"
    assert set(ids) <= set(done), "a sequence never ended"
    assert all(m[0] in done for m in rig.events.marks)
    assert rig.audio.overlaps == 0
    assert not rig.manager.is_speaking and rig.audio.current is None
    assert all(isinstance(e, (MarkReached, SequenceDone)) for e in rig.events.events)


def test_mark_names_and_offsets_point_into_the_item_text(rig: Rig) -> None:
    text = "Opzelura is a cream. It contains ruxolitinib (1.5%). Apply it twice a day."
    rig.manager.speak(7, [LangChangeCommand("en"), MarkCommand("s1.p1", 0, 20), text[:20]], NORMAL)
    reading = rig.read(text)
    rig.finish_all()
    spans = [(s, e) for sid, _name, s, e in rig.events.marks if sid == reading]
    assert [text[s:e] for s, e in spans] == [
        "Opzelura is a cream.", "It contains ruxolitinib (1.5%).", "Apply it twice a day."]
    assert text_of(rig.audio.started[0].wav) == "Opzelura is a cream."


def test_unavailable_speech_and_a_missing_voice_are_logged_once(rig: Rig, caplog) -> None:
    """A kiosk without sound for months: one log line says so, not one per sentence
    (half of a newcomer's log was "speech unavailable, not speaking")."""
    import logging

    with caplog.at_level(logging.INFO, logger="kiosk.speech"):
        for _ in range(3):
            rig.say("tlhIngan Hol.", language="tlh")
        rig.say("One.")
        rig.audio.finish(failure="audio player paplay failed (exit status 1): Connection refused")
        for number in range(5):
            rig.say(f"Sentence {number}.")
    lines = [record.getMessage() for record in caplog.records]
    assert sum("unavailable" in line for line in lines) == 1, lines
    assert sum("no eSpeak voice" in line for line in lines) == 1, lines
