"""Fakes behind the speech protocols: a synthesiser and an audio output with no sound and no clock.

:class:`FakeSynth` "synthesises" bytes that name what was asked for
(``"en|165|0.8|Hello."``), so a test can see which text was played at
which rate and volume.  :class:`FakeAudio` plays nothing: a sound ends
only when the test calls :meth:`FakeAudio.finish` (or stop is called), so
every test decides exactly when each utterance ends.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

from kiosk.speech.errors import PlayerUnavailable, SpeechUnavailable, SynthesisError
from kiosk.speech.events import MarkReached, SequenceDone, SpeechEvent, SpeechFailed
from kiosk.speech.voices import VoiceInfo

VOICES = [VoiceInfo("gmw/en", "English", "en-gb"), VoiceInfo("gmw/de", "German", "de"),
          VoiceInfo("roa/fr", "French", "fr-fr")]


def wav_for(text: str, language: str, rate: int, volume: float) -> bytes:
    return f"{language}|{rate}|{volume}|{text}".encode()


def text_of(wav: bytes) -> str:
    """The text a fake WAV was made for ("" for real WAV bytes)."""
    if wav.startswith(b"RIFF"):
        return ""
    return wav.decode().split("|", 3)[3]


class FakeSynth:
    """Synthesises instantly; ``fail_texts`` raise SynthesisError, ``broken`` SpeechUnavailable.

    ``gate`` (an Event), when set up with :meth:`hold`, makes synthesis wait
    until the test releases it, to catch the worker in the middle of work.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, int, float]] = []
        self.fail_texts: set[str] = set()
        self.broken: str | None = None
        self.open_error: str | None = None
        self.opened = 0
        self._hold: threading.Event | None = None
        self.holding = threading.Event()

    def hold(self) -> threading.Event:
        """Make the next synthesis wait; returns the event that releases it."""
        self._hold = threading.Event()
        return self._hold

    def open(self) -> None:
        if self.open_error:
            raise SpeechUnavailable(self.open_error)
        self.opened += 1

    def voices(self) -> list[VoiceInfo]:
        return list(VOICES)

    def synthesise(self, text: str, language: str, *, rate: int, volume: float) -> bytes:
        hold, self._hold = self._hold, None
        if hold is not None:
            self.holding.set()
            assert hold.wait(30), "the test never released the synthesis"
        self.calls.append((text, language, rate, volume))
        if self.broken:
            raise SpeechUnavailable(self.broken)
        if text in self.fail_texts:
            raise SynthesisError(f"cannot say {text!r}")
        return wav_for(text, language, rate, volume)

    def close(self) -> None:
        pass


@dataclass(eq=False)
class FakePlayback:
    wav: bytes
    on_done: Callable[["FakePlayback"], object]
    stopped: bool = False
    failure: str | None = None
    ended: bool = False

    @property
    def text(self) -> str:
        return text_of(self.wav)


class FakeAudio:
    """Plays nothing; remembers what it was asked to play and whether sounds ever overlapped."""

    def __init__(self) -> None:
        self.started: list[FakePlayback] = []
        self.stops = 0
        self.overlaps = 0
        self.unavailable: str | None = None
        self.closed = False
        self._lock = threading.RLock()
        self.changed = threading.Condition(self._lock)

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.started]

    @property
    def current(self) -> FakePlayback | None:
        with self._lock:
            live = [p for p in self.started if not p.ended]
        return live[-1] if live else None

    def play(self, wav: bytes, on_done: Callable[[FakePlayback], object]) -> FakePlayback:
        if self.unavailable:
            raise PlayerUnavailable(self.unavailable)
        self.stop_quietly()
        playback = FakePlayback(wav, on_done)
        with self.changed:
            if any(not p.ended for p in self.started):
                self.overlaps += 1
            self.started.append(playback)
            self.changed.notify_all()
        return playback

    def stop_quietly(self) -> None:
        for playback in self._end_live(stopped=True):
            playback.on_done(playback)

    def stop(self) -> None:
        with self._lock:
            self.stops += 1
        self.stop_quietly()

    def finish(self, failure: str | None = None) -> str:
        """The sound playing now ends on its own (``failure``: with an error); returns its text."""
        with self._lock:
            live = [p for p in self.started if not p.ended]
            assert live, "nothing is playing"
            playback = live[-1]
            playback.ended = True
            playback.failure = failure
            self.changed.notify_all()
        playback.on_done(playback)
        return playback.text

    def wait_started(self, count: int, timeout: float = 10.0) -> list[str]:
        """Wait until ``count`` sounds have been started (by another thread)."""
        with self.changed:
            ok = self.changed.wait_for(lambda: len(self.started) >= count, timeout)
        assert ok, f"only {len(self.started)} sounds started: {self.texts}"
        return self.texts

    def close(self) -> None:
        self.closed = True
        self.stop_quietly()

    def _end_live(self, *, stopped: bool) -> list[FakePlayback]:
        with self.changed:
            live = [p for p in self.started if not p.ended]
            for playback in live:
                playback.ended = True
                playback.stopped = stopped
            self.changed.notify_all()
        return live


@dataclass
class Events:
    """Collects speech events (from any thread) and lets a test wait for them."""

    events: list[SpeechEvent] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)

    def __call__(self, event: SpeechEvent) -> None:
        with self.lock:
            self.events.append(event)
            self.lock.notify_all()

    @property
    def done(self) -> list[SequenceDone]:
        return [e for e in self.events if isinstance(e, SequenceDone)]

    @property
    def marks(self) -> list[tuple[int, str, int, int]]:
        return [(e.sequence_id, e.mark.name, e.mark.start, e.mark.end)
                for e in self.events if isinstance(e, MarkReached)]

    @property
    def failures(self) -> list[str]:
        return [e.reason for e in self.events if isinstance(e, SpeechFailed)]

    def completed(self, sequence_id: int) -> list[bool]:
        return [d.completed for d in self.done if d.sequence_id == sequence_id]

    def wait_done(self, sequence_id: int, timeout: float = 10.0) -> bool:
        """Wait for the (first) SequenceDone of ``sequence_id``; returns ``completed``."""
        with self.lock:
            ok = self.lock.wait_for(lambda: self.completed(sequence_id), timeout)
        assert ok, f"sequence {sequence_id} never finished; events: {self.events}"
        return self.completed(sequence_id)[0]
