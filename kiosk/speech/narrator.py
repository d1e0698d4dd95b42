"""The narrator: the one object the UI talks to for speech.

Why a worker thread: synthesis (eSpeak via pyttsx3) and process handling
must never block the UI, and eSpeak/pyttsx3 are process-wide singletons that
want a single owning thread.  The UI calls non-blocking methods; each
becomes a command on a queue that the worker executes in order.

How speech stays prompt and never overlaps:

* Text is split into sentences; the worker synthesises sentence *n+1* while
  sentence *n* plays (about 10 ms of work for seconds of audio), so the next
  sentence starts as soon as the previous player process ends.
* Every interrupting call (say, read, stop, pause, next...) bumps a
  *generation* number and kills the playing process right away, from the
  calling thread, under the same lock the worker holds while starting a
  player.  The worker only starts a player for the current generation, and
  :class:`~kiosk.speech.player.Player` kills and reaps the previous process
  before starting another.  So speech stops at once and two utterances can
  never play together.
* A sentence that fails to synthesise is skipped and logged.  A missing
  player, a failing eSpeak or a failing sound server makes the narrator
  *unavailable* with a reason (``on_unavailable`` once per attempt); nothing
  raises into the UI, and :meth:`Narrator.retry` tries again.

Callbacks run on the narrator's thread; a Textual UI should wrap them with
``app.call_from_thread``.  ``on_sentence`` and ``on_finished`` concern
:meth:`Narrator.read` only (``on_finished`` is called exactly once per
``read()``); announcements made with :meth:`Narrator.say` call neither.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass
from typing import Any, Callable

from kiosk.speech.engine import SpeechEngine, SynthesisError, VoiceInfo, match_voice
from kiosk.speech.espeak_runtime import SpeechUnavailable
from kiosk.speech.player import Playback, Player, PlayerUnavailable
from kiosk.speech.sentences import Sentence, split_sentences
from kiosk.speech.settings import SpeechSettings

__all__ = ["Narrator", "ReadItem"]

SentenceCallback = Callable[[str, Sentence], Any]
FinishedCallback = Callable[[bool], Any]
UnavailableCallback = Callable[[str], Any]

_PRIORITIES = ("announcement", "polite", "interject")
_INIT_WAIT_S = 2.0


@dataclass(frozen=True)
class ReadItem:
    """A piece of text to read, e.g. one paragraph; ``key`` comes back in ``on_sentence``."""

    key: str
    text: str
    #: The language this item is in, when it differs from the reading's
    #: (an English fallback paragraph in a translated document).
    language: str | None = None


@dataclass(eq=False)
class _Utterance:
    """What the worker is speaking: a flat list of (item key, sentence)."""

    parts: list[tuple[str, Sentence]]
    language: str
    is_read: bool
    gen: int
    index: int = 0
    paused: bool = False
    languages: list[str] | None = None  # per part, when items differ from ``language``

    def language_of(self, index: int) -> str:
        return self.languages[index] if self.languages else self.language


class Narrator:
    """Speaks announcements and reads documents sentence by sentence.

    All public methods are thread-safe and return at once (``close`` waits
    briefly for the worker to end).
    """

    def __init__(
        self,
        settings: SpeechSettings,
        logger: logging.Logger | None = None,
        *,
        on_sentence: SentenceCallback | None = None,
        on_finished: FinishedCallback | None = None,
        on_unavailable: UnavailableCallback | None = None,
    ) -> None:
        self.settings = settings
        self.on_sentence = on_sentence
        self.on_finished = on_finished
        self.on_unavailable = on_unavailable
        self._log = logger or logging.getLogger("kiosk.speech")
        self._lock = threading.RLock()
        self._commands: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._closed = False
        self._gen = 0
        self._enabled = settings.enabled
        self._rate = settings.rate
        self._volume = settings.volume
        self._available: bool | None = None  # None: not known yet
        self._reason: str | None = None
        self._reported = False
        self._speaking = False
        self._paused = False
        self._voices: list[VoiceInfo] = []
        # Worker-owned state.
        self._engine: SpeechEngine | None = None
        self._player: Player | None = None
        self._program: _Utterance | None = None
        self._pending: list[_Utterance] = []
        self._playback: Playback | None = None
        self._last: tuple[_Utterance, int] | None = None
        self._prefetched: tuple[_Utterance, int, str, int, float, bytes] | None = None

    # ------------------------------------------------------------------ state
    @property
    def is_speaking(self) -> bool:
        """True while an announcement or a reading is playing or about to play (not paused)."""
        return self._speaking

    @property
    def is_paused(self) -> bool:
        """True between :meth:`pause` and the next resume/stop/say/read/navigation."""
        return self._paused

    @property
    def is_available(self) -> bool:
        """False once speech is known not to work (see :attr:`unavailable_reason`)."""
        return self._available is not False

    @property
    def unavailable_reason(self) -> str | None:
        return self._reason if self._available is False else None

    @property
    def enabled(self) -> bool:
        """When False, ``say`` and ``read`` are ignored (speech switched off)."""
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._enabled = bool(value)
        if not value:
            self.stop()

    @property
    def rate(self) -> int:
        return self._rate

    @property
    def volume(self) -> float:
        return self._volume

    def has_voice(self, language: str) -> bool:
        """Whether eSpeak has a voice for the language.

        Waits (at most 2 s, once) for the worker's initialisation if it is
        still running; False when speech is unavailable.
        """
        self.start()
        if not self._ready.is_set():
            self._ready.wait(_INIT_WAIT_S)
        return match_voice(self._voices, language) is not None

    def voice_for(self, language: str) -> VoiceInfo | None:
        """The eSpeak voice that would speak ``language`` (None: none, or not ready)."""
        if not self._ready.is_set() or self._available is False:
            return None
        return match_voice(self._voices, language)

    @property
    def is_ready(self) -> bool:
        """True once the worker has tried to initialise (voices are known if available)."""
        return self._ready.is_set()

    # -------------------------------------------------------------- lifecycle
    def start(self) -> None:
        """Start the worker; it initialises the engine and player (failures -> unavailable)."""
        with self._lock:
            if self._thread is not None or self._closed:
                return
            self._thread = threading.Thread(target=self._run, name="kiosk-narrator", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Stop speaking and end the worker thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._interrupt_locked()
            thread = self._thread
        self._commands.put(("close",))
        if thread is not None and thread is not threading.current_thread():
            thread.join(5.0)

    def retry(self) -> None:
        """Try again to initialise speech if it is unavailable (call at each new visit)."""
        self.start()
        self._commands.put(("retry",))

    # --------------------------------------------------------------- speaking
    def say(self, text: str, language: str, *, priority: str = "announcement") -> None:
        """Speak ``text``.  "announcement" interrupts anything current; "polite"
        waits until current speech has finished; "interject" cuts in on a
        reading and then resumes it from the start of the interrupted
        sentence (a volume or speed change announced during a reading)."""
        if priority not in _PRIORITIES:
            raise ValueError(f"priority must be one of {_PRIORITIES}, got {priority!r}")
        if not self._enabled or not text.strip():
            return
        self.start()
        with self._lock:
            if priority == "polite":
                gen = self._gen
            else:
                was_paused = self._paused
                gen = self._interrupt_locked()
                if priority == "interject":
                    self._paused = was_paused  # a paused reading stays paused
            if self._available is not False:
                self._speaking = True
        self._commands.put(("say", gen, text, language, priority))

    def read(self, items: list[ReadItem], language: str, start_sentence: int = 0) -> None:
        """Read ``items`` from sentence ``start_sentence`` (counted over all items).

        ``on_sentence(item_key, sentence)`` is called as each sentence starts
        playing and ``on_finished(completed)`` once at the end (also when
        speech is disabled, unavailable or stopped).
        """
        self.start()
        with self._lock:
            gen = self._interrupt_locked()
            if self._enabled and self._available is not False:
                self._speaking = True
        self._commands.put(("read", gen, list(items), language, max(0, start_sentence), self._enabled))

    def stop(self) -> None:
        """Stop at once and forget what was queued (``on_finished(False)`` for a reading)."""
        self._control("stop")

    def pause(self) -> None:
        """Stop the current sentence but remember it; :meth:`resume` replays it from its start."""
        self._control("pause")

    def resume(self) -> None:
        self._control("resume")

    def repeat(self) -> None:
        """Replay the sentence being spoken, or the last one spoken."""
        self._control("repeat")

    def previous_sentence(self) -> None:
        self._control("previous")

    def next_sentence(self) -> None:
        self._control("next")

    def _control(self, name: str) -> None:
        with self._lock:
            gen = self._interrupt_locked()
            if name in ("pause", "stop"):
                self._speaking = False
            if name == "pause" and self._speaking_or_paused_program():
                self._paused = True
        self._commands.put((name, gen))

    def _speaking_or_paused_program(self) -> bool:
        return self._program is not None or self._pending != []

    def _interrupt_locked(self) -> int:
        """New generation, and silence now.  Caller holds ``self._lock``."""
        self._gen += 1
        self._paused = False
        if self._player is not None:
            self._player.stop()
        return self._gen

    # ------------------------------------------------------- rate and volume
    def faster(self) -> int:
        """Raise the rate by one step (from the next sentence); returns the new rate."""
        with self._lock:
            self._rate = min(self.settings.rate_max, self._rate + self.settings.rate_step)
            return self._rate

    def slower(self) -> int:
        with self._lock:
            self._rate = max(self.settings.rate_min, self._rate - self.settings.rate_step)
            return self._rate

    def louder(self) -> float:
        """Raise the volume by one step (from the next sentence); returns the new volume."""
        with self._lock:
            self._volume = round(min(self.settings.volume_max,
                                     self._volume + self.settings.volume_step), 3)
            return self._volume

    def quieter(self) -> float:
        """Lower the volume by one step, never below ``volume_min``."""
        with self._lock:
            self._volume = round(max(self.settings.volume_min,
                                     self._volume - self.settings.volume_step), 3)
            return self._volume

    def reset_to_defaults(self) -> None:
        """Rate and volume back to the configured defaults (end of every visit)."""
        with self._lock:
            self._rate = self.settings.rate
            self._volume = self.settings.volume

    # ================================================================ worker
    def _run(self) -> None:
        self._initialise()
        self._ready.set()
        while True:
            command = self._commands.get()
            if command[0] == "close":
                break
            try:
                self._handle(command)
                if self._commands.empty():
                    self._prefetch()
            except Exception:  # a bug must not end speech for the rest of the day
                self._log.exception("narrator command %r failed", command[0])
        self._shutdown()

    def _initialise(self) -> None:
        """Open the engine and find the player; on failure become unavailable."""
        try:
            engine = self._engine or SpeechEngine(
                self.settings.library_path, self.settings.data_path, self._log
            )
            if not engine.is_open:
                engine.open()
            self._engine = engine
            self._voices = engine.voices()
            if self._player is None:
                self._player = Player(self.settings.player, self.settings.device, self._log)
            split_sentences("Warm up. The rules.", "en")  # pays babel's import now, not at first read
        except (SpeechUnavailable, PlayerUnavailable) as exc:
            self._fail(exc.reason)
            return
        except Exception as exc:  # anything else from a C library or pyttsx3
            self._fail(f"speech engine failed to start: {exc!r}")
            return
        with self._lock:
            self._available = True
            self._reason = None
        self._log.info("speech ready: player %s, %d voices", self._player.path, len(self._voices))

    def _shutdown(self) -> None:
        with self._lock:
            player, self._player = self._player, None
        if player is not None:
            player.close()
        self._finish_all(False)
        if self._engine is not None:
            self._engine.close()

    def _fail(self, reason: str) -> None:
        with self._lock:
            self._available = False
            self._reason = reason
            self._speaking = False
            self._paused = False
            report = not self._reported
            self._reported = True
            if self._player is not None:
                self._player.stop()
        self._log.warning("speech unavailable: %s", reason)
        self._finish_all(False)
        if report:
            self._emit(self.on_unavailable, reason)

    def _handle(self, command: tuple[Any, ...]) -> None:
        name = command[0]
        if name == "played":
            self._on_played(command[1])
        elif name == "retry":
            if self._available is False:
                with self._lock:
                    self._reported = False
                self._initialise()
        elif name == "say":
            _, gen, text, language, priority = command
            current = self._program
            keep = (priority == "interject" and current is not None and current.is_read)
            if priority == "announcement" or (priority == "interject" and not keep):
                self._finish_all(False)  # it interrupts whatever was being said
            utterance = self._utterance([("", text, language)], language, is_read=False, gen=gen)
            if utterance is None:
                self._not_speaking(gen)
            elif keep:
                # Cut in: the reading waits (at its current sentence) behind the announcement.
                assert current is not None
                self._playback = None
                self._prefetched = None
                self._pending = [p for p in self._pending if p is not current]
                self._pending.insert(0, current)
                self._program = utterance
                self._play_current()
            elif priority == "polite" and self._program is not None:
                self._pending.append(utterance)
            else:
                self._replace(utterance)
        elif name == "read":
            _, gen, items, language, start, enabled = command
            self._finish_all(False)  # a new reading interrupts whatever was being said
            if not enabled:
                self._emit(self.on_finished, False)
                self._not_speaking(gen)
                return
            utterance = self._utterance([(i.key, i.text, i.language or language) for i in items],
                                        language, is_read=True, gen=gen)
            if utterance is None:
                self._not_speaking(gen)  # on_finished(False) already sent
                return
            utterance.index = start
            self._replace(utterance)
        else:
            self._control_command(name, command[1])

    def _utterance(self, pieces: list[tuple[str, str, str]], language: str, *, is_read: bool,
                   gen: int) -> _Utterance | None:
        """Build an utterance, or report why it cannot be spoken (None).

        Never reads a text with another language's voice: when any piece's
        language has no voice, nothing is spoken.
        """
        problem = None
        if self._available is not True:
            problem = f"speech unavailable, not speaking: {self._reason}"
        else:
            for lang in dict.fromkeys([language] + [p[2] for p in pieces]):
                if match_voice(self._voices, lang) is None:
                    problem = f"no eSpeak voice for language {lang!r}; not speaking"
                    break
        if problem is not None:
            self._log.warning(problem)
            if is_read:
                self._emit(self.on_finished, False)
            return None
        parts: list[tuple[str, Sentence]] = []
        langs: list[str] = []
        for key, text, lang in pieces:
            for s in split_sentences(text, lang):
                parts.append((key, s))
                langs.append(lang)
        mixed = any(lang != language for lang in langs)
        return _Utterance(parts, language, is_read, gen, languages=langs if mixed else None)

    def _not_speaking(self, gen: int) -> None:
        """Clear ``is_speaking`` unless a newer request or a program is under way."""
        with self._lock:
            if gen == self._gen and self._program is None:
                self._speaking = False

    def _replace(self, utterance: _Utterance) -> None:
        """Drop whatever was being said (a reading gets on_finished(False)) and start anew."""
        self._finish_all(False)
        self._program = utterance
        self._play_current()

    def _control_command(self, name: str, gen: int) -> None:
        program = self._program
        if name == "stop":
            self._finish_all(False)
            return
        if program is None:
            if name in ("repeat", "previous", "next") and self._last is not None:
                # After the end: go back to the last sentence spoken.
                program, index = self._last
                program.index = index
                self._program = program
            else:
                with self._lock:
                    if gen == self._gen:
                        self._paused = False  # nothing left to pause
                return
        program.gen = gen
        if name == "pause":
            program.paused = True
            self._playback = None
            with self._lock:
                self._speaking = False
            return
        if name == "previous":
            program.index = max(0, program.index - 1)
        elif name == "next":
            program.index += 1
        program.paused = False
        self._play_current()

    def _play_current(self) -> None:
        """Start the program's current sentence, skipping ones that fail to synthesise."""
        while True:
            program = self._program
            if program is None or program.paused:
                return
            if program.index >= len(program.parts):
                self._finish_program(program, True)
                return
            key, sentence = program.parts[program.index]
            wav = self._audio(program, program.index)
            if wav is None:
                if self._available is False:
                    return
                program.index += 1
                continue
            with self._lock:
                if program.gen != self._gen or self._player is None:
                    return
                try:
                    self._playback = self._player.play(wav, self._played)
                except PlayerUnavailable as exc:
                    self._playback = None
                    fail_reason: str | None = exc.reason
                else:
                    fail_reason = None
                    self._speaking = True
            if fail_reason is not None:
                self._fail(fail_reason)
                return
            self._last = (program, program.index)
            if program.is_read:
                self._emit(self.on_sentence, key, sentence)
            return

    def _audio(self, program: _Utterance, index: int) -> bytes | None:
        """WAV for a sentence (prefetched if it still matches rate and volume)."""
        rate, volume = self._rate, self._volume
        voice = program.language_of(index)
        pre = self._prefetched
        if pre is not None and pre[0] is program and pre[1:5] == (index, voice, rate, volume):
            self._prefetched = None
            return pre[5]
        return self._synthesise(program, index, rate, volume)

    def _synthesise(self, program: _Utterance, index: int, rate: int, volume: float) -> bytes | None:
        assert self._engine is not None
        sentence = program.parts[index][1]
        try:
            return self._engine.synthesise(sentence.text, program.language_of(index),
                                           rate=rate, volume=volume)
        except SynthesisError as exc:
            self._log.warning("skipping sentence %r: %s", sentence.text[:60], exc)
        except SpeechUnavailable as exc:
            self._fail(exc.reason)
        return None

    def _prefetch(self) -> None:
        """Synthesise the next sentence while the current one plays (no gap between them)."""
        program = self._program
        if program is None or program.paused or self._playback is None:
            return
        index = program.index + 1
        if index >= len(program.parts):
            return
        rate, volume = self._rate, self._volume
        pre = self._prefetched
        voice = program.language_of(index)
        if pre is not None and pre[0] is program and pre[1:5] == (index, voice, rate, volume):
            return
        wav = self._synthesise(program, index, rate, volume)
        if wav is not None:
            self._prefetched = (program, index, voice, rate, volume, wav)

    def _played(self, playback: Playback) -> None:
        """Called on the player's watcher thread: hand over to the worker."""
        self._commands.put(("played", playback))

    def _on_played(self, playback: Playback) -> None:
        if playback is not self._playback or playback.stopped:
            return  # an old or interrupted sentence
        self._playback = None
        if playback.failed:
            name = playback.proc.args[0] if isinstance(playback.proc.args, list) else "player"
            self._fail(f"audio player {name} failed (exit status {playback.returncode}): "
                       f"{playback.error_text or 'no message'}")
            return
        program = self._program
        if program is None:
            return
        program.index += 1
        self._play_current()

    def _finish_program(self, program: _Utterance, completed: bool) -> None:
        if self._program is program:
            self._program = None
        self._playback = None
        self._prefetched = None
        if program.is_read:
            self._emit(self.on_finished, completed)
        if self._pending:
            nxt = self._pending.pop(0)
            with self._lock:
                nxt.gen = self._gen
            self._program = nxt
            self._play_current()
            if nxt.paused:  # a paused reading waited behind an interjection: stay paused
                with self._lock:
                    if nxt.gen == self._gen:
                        self._speaking = False
            return
        with self._lock:
            if program.gen == self._gen:
                self._speaking = False

    def _finish_all(self, completed: bool) -> None:
        """End the current program and drop queued announcements (and a reading
        waiting behind an interjection: it gets ``on_finished`` too)."""
        waiting = [p for p in self._pending if p.is_read]
        self._pending.clear()
        program = self._program
        self._program = None
        self._playback = None
        self._prefetched = None
        if program is not None and program.is_read:
            self._emit(self.on_finished, completed)
        for _ in waiting:
            self._emit(self.on_finished, completed)

    def _emit(self, callback: Callable[..., Any] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            self._log.exception("speech callback %r failed", callback)
