"""The speech manager: which utterance plays next, modelled on NVDA's ``speech.manager``.

NVDA keeps one queue per :class:`~kiosk.speech.priorities.SpeechPriority`
and always speaks from the most urgent queue that has speech; a sequence
keeps its place while a more urgent one is spoken, and resumes after it.
This class does the same for the kiosk, one utterance (sentence, or piece
of a long sentence) at a time, and adds what a talking kiosk needs on top:

* pause and resume, repeat, previous and next sentence (EN 301 549 5.1.3.4);
* the next utterance synthesised while the current one plays, so there is
  no gap between sentences, and synthesised again when the rate or volume
  changed meanwhile;
* a :class:`~kiosk.speech.events.SequenceDone` exactly once per sequence,
  whatever ends it;
* tagged sequences: a newer one with the same tag replaces the older one
  still waiting or playing (the newest volume is heard, not every step).

It is a plain state machine with no thread, lock or clock of its own: the
:class:`~kiosk.speech.narrator.Narrator` runs it on its worker thread and
feeds it calls and the ends of playbacks in order; tests drive it directly
with a fake :class:`~kiosk.speech.protocols.Synth` and
:class:`~kiosk.speech.protocols.AudioOut`.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Callable, Iterable, NamedTuple

from kiosk.speech.commands import SpeechCommand
from kiosk.speech.errors import PlayerUnavailable, SpeechUnavailable, SynthesisError
from kiosk.speech.events import MarkReached, SequenceDone, SpeechEvent, SpeechFailed
from kiosk.speech.priorities import SPEECH_PRIORITIES, SpeechPriority
from kiosk.speech.protocols import AudioOut, Playback, Synth
from kiosk.speech.utterances import Utterance, utterances_of
from kiosk.speech.voices import match_voice

__all__ = ["SpeechManager"]


class _WavKey(NamedTuple):
    """What a synthesised utterance depends on: a prefetched WAV is used only if all match."""

    sequence_id: int
    index: int
    language: str
    rate: int
    volume: float


class _Run:
    """A queued sequence: its utterances and how far it has been spoken."""

    __slots__ = ("id", "priority", "utterances", "tag", "index", "done", "has_marks")

    def __init__(self, sequence_id: int, priority: SpeechPriority,
                 utterances: list[Utterance], tag: str | None) -> None:
        self.id = sequence_id
        self.priority = priority
        self.utterances = utterances
        self.tag = tag
        self.index = 0  # the utterance to play next (or playing now)
        self.done = False
        self.has_marks = any(u.mark is not None for u in utterances)


class SpeechManager:
    """Queues speech sequences by priority and plays them utterance by utterance.

    ``listener`` receives the :mod:`~kiosk.speech.events`; ``prosody()``
    returns the (rate in words per minute, volume 0-1) to synthesise with;
    ``new_id()`` numbers the sequences the manager starts by itself (a
    finished reading spoken again by repeat).  Set :attr:`synth` and
    :attr:`audio` before speaking, and route every playback's end to
    :meth:`played` (through :attr:`playback_done`, which calls it directly
    unless the owner replaces it, e.g. to hop threads).
    """

    def __init__(self, listener: Callable[[SpeechEvent], object],
                 prosody: Callable[[], tuple[int, float]], new_id: Callable[[], int],
                 logger: logging.Logger | None = None) -> None:
        self.synth: Synth | None = None
        self.audio: AudioOut | None = None
        self.playback_done: Callable[[Playback], object] = self.played
        self._listener = listener
        self._prosody = prosody
        self._new_id = new_id
        self._log = logger or logging.getLogger("kiosk.speech")
        self._queues: dict[SpeechPriority, deque[_Run]] = {p: deque() for p in SpeechPriority}
        self._speaking: _Run | None = None  # the run whose utterance is playing
        self._playback: Playback | None = None
        self._paused = False
        self._last: tuple[_Run, int] | None = None  # the utterance started last
        self._prefetched: tuple[_WavKey, bytes] | None = None
        self._reported = False
        #: Why speech does not work (None: it works, as far as is known).
        self.unavailable_reason: str | None = None
        #: Languages already logged as having no voice.
        self._voiceless: set[str] = set()

    # ------------------------------------------------------------- state
    @property
    def is_speaking(self) -> bool:
        """True while an utterance plays (NOW speech plays even while paused)."""
        return self._speaking is not None

    @property
    def is_paused(self) -> bool:
        """True from :meth:`pause` until resume, cancel or a sentence key."""
        return self._paused

    @property
    def has_history(self) -> bool:
        """True once something has been spoken that repeat could say again."""
        return self._last is not None

    # ----------------------------------------------------------- speaking
    def speak(self, sequence_id: int, sequence: Iterable[str | SpeechCommand],
              priority: SpeechPriority = SpeechPriority.NORMAL, tag: str | None = None) -> None:
        """Queue ``sequence`` under ``sequence_id`` at ``priority`` (see :class:`SpeechPriority`).

        Not spoken at all (``SequenceDone(completed=False)`` at once) when
        speech is unavailable or a language in it has no voice: a text is
        never read by another language's voice.  ``tag``: an older sequence
        with the same tag, still queued or playing, is cancelled first.
        Raises :class:`ValueError` for text before any language.
        """
        run = _Run(sequence_id, priority, utterances_of(list(sequence)), tag)
        if self.unavailable_reason is not None:
            # Said once, as a warning, by fail(); a line per sentence filled half the log.
            self._log.debug("speech unavailable, not speaking: %s", self.unavailable_reason)
            self._done(run, False)
            return
        voices = self.synth.voices() if self.synth is not None else []
        for language in dict.fromkeys(u.language for u in run.utterances):
            if match_voice(voices, language) is None:
                if language not in self._voiceless:  # once per language, not per sentence
                    self._voiceless.add(language)
                    self._log.warning("no eSpeak voice for language %r; not speaking", language)
                self._done(run, False)
                return
        if not run.utterances:
            self._done(run, True)
            return
        if tag is not None:
            self._drop_tagged(tag)
        queue = self._queues[priority]
        first = not queue
        queue.append(run)
        if self._speaking is None:
            self._push_next()
        elif priority is SpeechPriority.NOW and first and self._speaking.priority < priority:
            self._silence()  # the interrupted run keeps its place and resumes later
            self._push_next()

    def cancel(self) -> None:
        """Silence now and drop everything queued (each sequence gets ``completed=False``).

        What was spoken last is kept, so repeat can say it again.
        """
        self._silence()
        self._paused = False
        self._prefetched = None
        runs = [run for p in SPEECH_PRIORITIES for run in self._queues[p]]
        for queue in self._queues.values():
            queue.clear()
        for run in runs:
            self._done(run, False)

    def reset(self) -> None:
        """:meth:`cancel`, and forget what was spoken (for the next visitor)."""
        self.cancel()
        self._last = None

    def pause(self) -> None:
        """Stop the utterance playing and keep the place; nothing plays until resumed.

        Speech queued at NOW is still spoken while paused (the answer to a
        key).  Does nothing when nothing is playing.
        """
        if self._speaking is None:
            return
        self._silence()
        self._paused = True

    def resume(self) -> None:
        """Carry on after :meth:`pause`, from the start of the paused utterance."""
        if not self._paused:
            return
        self._paused = False
        if self._speaking is None:
            self._push_next()

    def repeat(self) -> None:
        """Say again the sentence playing, or the one spoken last, and go on from there."""
        self._navigate(0)

    def previous_sentence(self) -> None:
        """Go back to the sentence before the one playing (or spoken last)."""
        self._navigate(-1)

    def next_sentence(self) -> None:
        """Skip to the sentence after the one playing (or spoken last)."""
        self._navigate(+1)

    def played(self, playback: Playback) -> None:
        """A playback has ended: go on with the next utterance (or report the failure)."""
        if playback is not self._playback or playback.stopped:
            return  # an older or interrupted utterance
        run = self._speaking
        self._speaking = self._playback = None
        if playback.failure is not None:
            self.fail(playback.failure)
            return
        if run is not None:
            run.index += 1
        self._push_next()

    def prefetch(self) -> None:
        """While an utterance plays, synthesise the one that will follow it."""
        upcoming = self._upcoming()
        if upcoming is None or self._speaking is None or self.synth is None:
            return
        run, index = upcoming
        key = self._key(run, index)
        if self._prefetched is not None and self._prefetched[0] == key:
            return
        try:
            wav = self._synthesise(run.utterances[index], key)
        except SynthesisError:
            return  # skipped with a log line when its turn comes
        except SpeechUnavailable as exc:
            self.fail(exc.reason)
            return
        self._prefetched = (key, wav)

    # ------------------------------------------------------- availability
    def fail(self, reason: str) -> None:
        """Speech stopped working: drop everything, report once until :meth:`recover`."""
        self.unavailable_reason = reason
        self.cancel()
        if not self._reported:
            self._reported = True
            self._log.warning("speech unavailable: %s", reason)
            self._emit(SpeechFailed(reason))

    def recover(self) -> None:
        """Speech works again (after a successful retry)."""
        self.unavailable_reason = None
        self._reported = False

    # ---------------------------------------------------------- internals
    def _emit(self, event: SpeechEvent) -> None:
        try:
            self._listener(event)
        except Exception:  # a listener bug must not stop speech
            self._log.exception("speech listener failed on %r", event)

    def _done(self, run: _Run, completed: bool) -> None:
        if run.done:
            return
        run.done = True
        self._emit(SequenceDone(run.id, completed, run.has_marks))

    def _finish(self, run: _Run) -> None:
        queue = self._queues[run.priority]
        if run in queue:
            queue.remove(run)
        self._done(run, True)

    def _silence(self) -> None:
        if self._speaking is not None and self.audio is not None:
            self.audio.stop()
        self._speaking = self._playback = None

    def _drop_tagged(self, tag: str) -> None:
        for queue in self._queues.values():
            for run in [r for r in queue if r.tag == tag]:
                if run is self._speaking:
                    self._silence()
                queue.remove(run)
                self._done(run, False)

    def _next_run(self) -> _Run | None:
        for priority in SPEECH_PRIORITIES:
            if self._paused and priority is not SpeechPriority.NOW:
                return None
            if self._queues[priority]:
                return self._queues[priority][0]
        return None

    def _upcoming(self) -> tuple[_Run, int] | None:
        """The utterance that would play after the current one ends."""
        for priority in SPEECH_PRIORITIES:
            if self._paused and priority is not SpeechPriority.NOW:
                return None
            for run in self._queues[priority]:
                index = run.index + (1 if run is self._speaking else 0)
                if index < len(run.utterances):
                    return run, index
        return None

    def _push_next(self) -> None:
        """Start the most urgent utterance waiting (skipping ones that cannot be synthesised)."""
        while self._speaking is None and self.unavailable_reason is None:
            run = self._next_run()
            if run is None:
                return
            if run.index >= len(run.utterances):
                self._finish(run)
                continue
            self._start(run)

    def _start(self, run: _Run) -> None:
        utterance = run.utterances[run.index]
        key = self._key(run, run.index)
        try:
            if self._prefetched is not None and self._prefetched[0] == key:
                wav = self._prefetched[1]
                self._prefetched = None
            else:
                wav = self._synthesise(utterance, key)
        except SynthesisError as exc:
            self._log.warning("skipping %r: %s", utterance.text[:60], exc.reason)
            run.index += 1
            return
        except SpeechUnavailable as exc:
            self.fail(exc.reason)
            return
        assert self.audio is not None
        try:
            playback = self.audio.play(wav, self.playback_done)
        except PlayerUnavailable as exc:
            self.fail(exc.reason)
            return
        self._speaking, self._playback = run, playback
        self._last = (run, run.index)
        if utterance.mark is not None:
            self._emit(MarkReached(run.id, utterance.mark))

    def _key(self, run: _Run, index: int) -> _WavKey:
        rate, volume = self._prosody()
        return _WavKey(run.id, index, run.utterances[index].language, rate, volume)

    def _synthesise(self, utterance: Utterance, key: _WavKey) -> bytes:
        assert self.synth is not None
        return self.synth.synthesise(utterance.text, utterance.language,
                                     rate=key.rate, volume=key.volume)

    def _navigate(self, step: int) -> None:
        """Play from the sentence ``step`` away from the one spoken last."""
        if self._last is None or self.unavailable_reason is not None:
            return
        run, index = self._last
        target = max(0, run.utterances[index].sentence + step)
        new_index = next((i for i, u in enumerate(run.utterances) if u.sentence >= target),
                         len(run.utterances))
        self._silence()
        self._paused = False
        if run.done:  # finished or cancelled: speak it again, as a new sequence
            run = _Run(self._new_id(), run.priority, run.utterances, run.tag)
            self._queues[run.priority].appendleft(run)
        run.index = new_index
        self._push_next()
