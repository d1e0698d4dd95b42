"""The narrator: the thread-safe front of the speech layer, the one object the UI talks to.

Why a worker thread: synthesis and process handling must never block the
UI, and eSpeak NG with pyttsx3 is a process-wide singleton that wants one
owning thread.  Every public method returns at once; the work becomes a
command on a queue that the worker executes in order, on a
:class:`~kiosk.speech.manager.SpeechManager` (which decides what plays).

How speech stops at once and never overlaps:

* An interrupting call (cancel, pause, repeat, previous/next sentence)
  silences the audio output from the *calling* thread and raises a
  *generation* number, under the lock that the worker also holds when it
  starts a sound.  The worker starts a sound only while the command it is
  executing is of the current generation; anything older is dropped (the
  interrupting command, queued behind it, then sets the new state).
* :class:`~kiosk.speech.player.Player` kills and reaps a sound before it
  starts another, so two utterances never play together.

Failures never raise into the UI: the narrator becomes *unavailable*, sends
:class:`~kiosk.speech.events.SpeechFailed` once per attempt, answers every
sequence with ``SequenceDone(completed=False)``, and :meth:`Narrator.retry`
tries again.  The listener (``on_event``) is called on the worker thread.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from typing import Callable, Sequence

from kiosk.speech.commands import (
    ReadItem,
    SpeechSequence,
    check_sequence,
    reading_sequence,
    text_sequence,
)
from kiosk.speech.engine import SpeechEngine
from kiosk.speech.errors import PlayerUnavailable, SpeechUnavailable
from kiosk.speech.events import SequenceDone, SpeechEvent
from kiosk.speech.manager import SpeechManager
from kiosk.speech.player import Player
from kiosk.speech.priorities import SpeechPriority
from kiosk.speech.prosody import Prosody
from kiosk.speech.protocols import AudioOut, Playback, Synth
from kiosk.speech.sentences import split_sentences
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.voices import VoiceInfo, match_voice

__all__ = ["Narrator", "ReadItem"]

SynthFactory = Callable[[SpeechSettings, logging.Logger], Synth]
AudioFactory = Callable[[SpeechSettings, logging.Logger], AudioOut]

_INIT_WAIT_S = 2.0  # has_voice() waits at most this long for the engine to start


class _Suppressed:
    """Stands for a sound the gate did not start because a newer call interrupted."""

    stopped = True
    failure = None


class _GatedAudio:
    """The audio output as the manager sees it: starts sounds only for the current generation."""

    def __init__(self, narrator: "Narrator") -> None:
        self._narrator = narrator

    def play(self, wav: bytes, on_done: Callable[[Playback], object]) -> Playback:
        n = self._narrator
        with n._lock:
            if n._worker_gen != n._gen or n._audio is None:
                return _Suppressed()
            return n._audio.play(wav, on_done)

    def stop(self) -> None:
        audio = self._narrator._audio
        if audio is not None:
            audio.stop()

    def close(self) -> None:
        pass


class Narrator:
    """Speaks sequences by priority; reads documents sentence by sentence.

    ``settings`` gives the defaults (rate, volume, player, eSpeak paths);
    :attr:`prosody` owns the visit's rate and volume.  ``synth_factory`` and
    ``audio_factory`` build the engine and the audio output at each start
    attempt (eSpeak NG and a player process unless given, e.g. fakes).
    """

    def __init__(self, settings: SpeechSettings, logger: logging.Logger | None = None, *,
                 on_event: Callable[[SpeechEvent], object] | None = None,
                 synth_factory: SynthFactory = SpeechEngine.from_settings,
                 audio_factory: AudioFactory = Player.from_settings) -> None:
        self.settings = settings
        self.on_event = on_event
        self.prosody = Prosody(settings)
        self._log = logger or logging.getLogger("kiosk.speech")
        self._make_synth, self._make_audio = synth_factory, audio_factory
        self._lock = threading.RLock()
        self._settled = threading.Condition(self._lock)
        self._commands: queue.SimpleQueue[tuple[int, Callable[[], object] | None]] = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._closed = False
        self._gen = self._worker_gen = 0
        self._pending = 0
        self._speaking = self._paused = self._history = False
        self._voices: list[VoiceInfo] = []
        self._synth: Synth | None = None
        self._audio: AudioOut | None = None
        self._manager = SpeechManager(self._emit, self.prosody.current, self._next_id, self._log)
        self._manager.audio = _GatedAudio(self)
        self._manager.playback_done = self._playback_done

    # ------------------------------------------------------------------ state
    @property
    def is_speaking(self) -> bool:
        """True while speech plays or is about to (not while paused, unless NOW speech plays)."""
        return self._speaking

    @property
    def is_paused(self) -> bool:
        """True from :meth:`pause` until resume, cancel or a sentence key."""
        return self._paused

    @property
    def is_available(self) -> bool:
        """False once speech is known not to work (see :attr:`unavailable_reason`)."""
        return self._manager.unavailable_reason is None

    @property
    def unavailable_reason(self) -> str | None:
        """Why speech does not work, for the log (None while it works or is not known yet)."""
        return self._manager.unavailable_reason

    @property
    def is_ready(self) -> bool:
        """True once the worker has tried to start the engine (voices known if available)."""
        return self._ready.is_set()

    @property
    def running(self) -> bool:
        """True while the worker thread lives (from the first utterance until :meth:`close`)."""
        thread = self._thread
        return thread is not None and thread.is_alive()

    def voice_for(self, language: str) -> VoiceInfo | None:
        """The voice that would speak ``language`` (None: no voice, or not started yet)."""
        if not self._ready.is_set() or not self.is_available:
            return None
        return match_voice(self._voices, language)

    def has_voice(self, language: str) -> bool:
        """Whether ``language`` can be spoken; starts the engine and waits (at most 2 s) for it."""
        self.start()
        self._ready.wait(_INIT_WAIT_S)
        return self.voice_for(language) is not None

    def settle(self, timeout: float) -> bool:
        """Wait until every call made so far has been carried out; False on timeout."""
        with self._settled:
            return self._settled.wait_for(lambda: self._pending == 0, timeout)

    def wait_until_quiet(self, timeout: float) -> bool:
        """Wait until nothing is being or about to be spoken; False on timeout."""
        with self._settled:
            return self._settled.wait_for(lambda: self._pending == 0 and not self._speaking,
                                          timeout)

    # -------------------------------------------------------------- lifecycle
    def start(self) -> None:
        """Start the worker, which starts the engine and audio (failures: unavailable)."""
        with self._lock:
            if self._thread is not None or self._closed:
                return
            self._thread = threading.Thread(target=self._run, name="kiosk-narrator", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Stop speaking, end every sequence (``completed=False``) and the worker thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._interrupt_locked()
            self._speaking = self._paused = False
            self._commands.put((self._gen, None))
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(5.0)

    def retry(self) -> None:
        """Try again to start speech if it is unavailable (the app calls it at each new visit)."""
        self.start()
        self._post(self._retry)

    # --------------------------------------------------------------- speaking
    def speak(self, sequence: SpeechSequence, priority: SpeechPriority = SpeechPriority.NORMAL,
              *, tag: str | None = None) -> int:
        """Queue ``sequence`` at ``priority``; returns its id (see :class:`SequenceDone`).

        ``tag``: an older sequence with the same tag, still queued or
        playing, is cancelled (e.g. "Volume 70 percent." by "... 60 ...").
        Raises :class:`ValueError` when text comes before any
        :class:`~kiosk.speech.commands.LangChangeCommand`.
        """
        check_sequence(sequence)
        sequence_id = self._next_id()
        with self._lock:
            if self._closed:
                self._emit(SequenceDone(sequence_id, False, False))
                return sequence_id
            if self.is_available:
                self._speaking = True
        self.start()
        items = list(sequence)
        self._post(lambda: self._manager.speak(sequence_id, items, priority, tag))
        return sequence_id

    def say(self, text: str, language: str, *, priority: SpeechPriority = SpeechPriority.NORMAL,
            tag: str | None = None) -> int:
        """Speak ``text`` in ``language`` at ``priority``; returns the sequence id."""
        return self.speak(text_sequence(text, language), priority, tag=tag)

    def read(self, items: Sequence[ReadItem], language: str) -> int:
        """Read ``items`` sentence by sentence, reporting a mark as each sentence starts.

        Each item is read in its own language, or ``language``.  Returns the
        sequence id; the listener gets ``MarkReached`` per sentence and one
        ``SequenceDone``.
        """
        return self.speak(reading_sequence(items, language))

    def cancel(self) -> None:
        """Silence now and drop everything queued; what was said last can still be repeated."""
        self._post(self._manager.cancel, interrupt=(False, False))

    def reset(self) -> None:
        """Cancel, forget what was said, rate and volume back to the defaults (next visitor)."""
        self.prosody.reset()
        self._post(self._manager.reset, interrupt=(False, False))

    def pause(self) -> None:
        """Stop the sentence playing but keep the place; :meth:`resume` replays it from its start."""
        with self._lock:
            paused = self._paused or self._speaking
        self._post(self._manager.pause, interrupt=(False, paused))

    def resume(self) -> None:
        """Carry on after :meth:`pause`."""
        with self._lock:
            if self._paused:
                self._paused, self._speaking = False, True
        self._post(self._manager.resume)

    def repeat(self) -> None:
        """Say again the sentence playing, or the one said last, and go on from there."""
        self._navigate(self._manager.repeat)

    def previous_sentence(self) -> None:
        """Go back one sentence (from the one playing or said last)."""
        self._navigate(self._manager.previous_sentence)

    def next_sentence(self) -> None:
        """Skip to the next sentence (from the one playing or said last)."""
        self._navigate(self._manager.next_sentence)

    # ================================================================ internals
    def _next_id(self) -> int:
        with self._lock:
            return next(self._ids)

    def _emit(self, event: SpeechEvent) -> None:
        listener = self.on_event
        if listener is None:
            return
        try:
            listener(event)
        except Exception:
            self._log.exception("speech listener failed on %r", event)

    def _navigate(self, action: Callable[[], None]) -> None:
        with self._lock:
            speaking = self._history and self.is_available
        self._post(action, interrupt=(speaking, False))

    def _interrupt_locked(self) -> None:
        """New generation, and silence now.  Caller holds ``self._lock``."""
        self._gen += 1
        if self._audio is not None:
            self._audio.stop()

    def _post(self, action: Callable[[], object], *,
              interrupt: tuple[bool, bool] | None = None) -> None:
        """Queue ``action`` for the worker.  ``interrupt``: silence now, in a new
        generation, and show (speaking, paused) until the worker has caught up."""
        with self._lock:
            if self._closed:
                return
            if interrupt is not None:
                self._interrupt_locked()
                self._speaking, self._paused = interrupt
            self._pending += 1
            self._commands.put((self._gen, action))

    def _playback_done(self, playback: Playback) -> None:
        """On the audio's thread: hand the end of a sound to the worker."""
        self._post(lambda: self._manager.played(playback))

    def _run(self) -> None:
        self._initialise()
        self._ready.set()
        while True:
            gen, action = self._commands.get()
            if action is None:
                break
            with self._lock:
                self._worker_gen = gen
            try:
                action()
                if self._commands.empty():
                    self._manager.prefetch()
            except Exception:  # a bug must not end speech for the rest of the day
                self._log.exception("speech command failed")
            with self._settled:
                self._pending -= 1
                if self._pending == 0:
                    m = self._manager
                    self._speaking, self._paused, self._history = (
                        m.is_speaking, m.is_paused, m.has_history)
                    self._settled.notify_all()
        self._shutdown()

    def _retry(self) -> None:
        if not self.is_available:
            self._manager.recover()  # a new attempt, reported again if it fails
            self._initialise()

    def _initialise(self) -> None:
        """Start the engine and the audio output; on failure become unavailable."""
        try:
            if self._synth is not None:
                self._synth.close()
            self._synth = self._make_synth(self.settings, self._log)
            self._synth.open()
            audio = self._make_audio(self.settings, self._log)
            split_sentences("Warm up. The rules.", "en")  # pays Babel's import now, not at first read
        except (SpeechUnavailable, PlayerUnavailable) as exc:
            reason = exc.reason
        except Exception as exc:  # anything else from a C library or pyttsx3
            reason = f"speech engine failed to start: {exc!r}"
        else:
            with self._lock:
                old, self._audio = self._audio, audio
                self._voices = self._synth.voices()
            if old is not None:
                old.close()
            self._manager.synth = self._synth
            self._manager.recover()
            self._log.info("speech ready: %d voices", len(self._voices))
            return
        self._manager.fail(reason)

    def _shutdown(self) -> None:
        self._manager.reset()
        with self._lock:
            audio, self._audio = self._audio, None
        if audio is not None:
            audio.close()
        if self._synth is not None:
            self._synth.close()
        with self._settled:
            self._pending = 0
            self._speaking = self._paused = False
            self._settled.notify_all()

