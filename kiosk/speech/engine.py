"""Synthesise one sentence to WAV bytes with pyttsx3's eSpeak NG driver.

pyttsx3 is the documented engine path, but its espeak driver (2.99) needs
care; each work-around below answers a measured quirk:

* It plays through a blocking ``aplay`` that cannot be stopped, so we never
  let it play: we only use ``save_to_file`` and play the WAV ourselves
  (:mod:`kiosk.speech.player`).  The driver writes the file with
  :mod:`wave`, which also accepts a file object, so the WAV never touches
  the disk: we pass an :class:`io.BytesIO`.
* After saving it ``print()``s "Audio saved to ...", and it logs through the
  *root* logger with ``logging.debug(...)``, which silently installs a
  stderr handler on the root logger when none exists.  Either would write
  into the full-screen TUI (Textual draws on fd 2 on Linux, fd 1 is not ours
  either).  Redirecting a file descriptor with ``os.dup2`` would be
  process-wide and would swallow or corrupt the UI thread's own writes in
  that window, so instead we replace the driver module's ``print`` and
  ``logging`` names with quiet stand-ins routed to our logger.  Nothing
  global is touched.
* ``runAndWait()`` returns before the audio exists the first time, and
  synthesis finishes on eSpeak's own thread; we wait for pyttsx3's
  ``finished-utterance`` notification, with a timeout.
* eSpeak and the driver are process-wide singletons (one synth callback for
  the whole process), so all engines share one pyttsx3 engine under one
  lock, and each :class:`SpeechEngine` is owned by the thread that opened it.
* Texts of ~16,000 characters crash eSpeak; longer texts are synthesised in
  chunks of at most :data:`MAX_CHUNK_CHARS` and joined (the narrator itself
  never asks for more than :data:`kiosk.speech.utterances.MAX_UTTERANCE_CHARS`).
* eSpeak NG prints errors on file descriptor 2 and speaks noise when its
  data folder disappears while it runs; every synthesis first checks that
  the data files are still there and raises :class:`SpeechUnavailable`
  instead (see also :mod:`kiosk.speech.native_output`).
* Rate and volume are not clamped by the driver; we clamp (eSpeak documents
  80..450 wpm) and keep a volume floor so speech is never silent by accident.
* ``setProperty("voice", "fr-fr")`` fails silently; we match the kiosk
  language to ``voice.languages`` and set the voice *id*.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import time
import wave
from typing import Any

from kiosk.speech.errors import SpeechUnavailable, SynthesisError
from kiosk.speech.espeak_runtime import (
    EspeakRuntime,
    load_runtime,
    locate_runtime,
    missing_data,
)
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.voices import VoiceInfo, match_voice

__all__ = [
    "MAX_CHUNK_CHARS",
    "RATE_MAX",
    "RATE_MIN",
    "SAMPLE_RATE",
    "VOLUME_FLOOR",
    "SpeechEngine",
    "SynthesisError",
]

log = logging.getLogger("kiosk.speech")

RATE_MIN, RATE_MAX = 80, 450
VOLUME_FLOOR = 0.1
SAMPLE_RATE = 22050  # what pyttsx3's driver writes into the WAV header
MAX_CHUNK_CHARS = 2000  # far below the ~16,000 that crash eSpeak


class _DriverLogging:
    """Stands in for the ``logging`` module inside pyttsx3's espeak driver.

    The driver calls ``logging.debug(...)`` on the root logger; that call
    configures a root stderr handler as a side effect.  This routes the
    messages to our logger instead.
    """

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger

    def __getattr__(self, name: str) -> Any:
        return getattr(self._logger, name)


class _SharedDriver:
    """The process's single pyttsx3 engine and its completion signal."""

    def __init__(self) -> None:
        import pyttsx3
        import pyttsx3.drivers.espeak as driver_module
        from pyttsx3.drivers import _espeak

        quiet = logging.getLogger("kiosk.speech.pyttsx3")
        driver_module.print = lambda *args, **kwargs: quiet.debug(  # type: ignore[attr-defined]
            " ".join(str(a) for a in args)
        )
        driver_module.logging = _DriverLogging(quiet)  # type: ignore[attr-defined]
        self.lock = threading.Lock()
        self.engine = pyttsx3.init("espeak")
        self._done = threading.Event()
        self._error: BaseException | None = None
        self.engine.connect("finished-utterance", self._on_finished)
        self.engine.connect("error", self._on_error)
        self._espeak = _espeak
        voices = []
        for v in self.engine.getProperty("voices"):
            languages = list(getattr(v, "languages", None) or [])
            voices.append(VoiceInfo(str(v.id), str(v.name), str(languages[0]) if languages else ""))
        self.voices = voices
        self.broken: str | None = None
        # The proxy starts "busy" and queues setProperty until the first
        # runAndWait, where the driver's endLoop cancels them (see _apply).
        # One throw-away utterance leaves it idle, so properties apply at once.
        with self.lock:
            self._run("a", io.BytesIO())

    def _drain(self) -> None:
        """Wait until eSpeak's command queue has executed our parameter changes."""
        deadline = time.monotonic() + 2.0
        while self._espeak.IsPlaying():
            if time.monotonic() > deadline:
                raise SpeechUnavailable("eSpeak NG's command queue does not drain")
            time.sleep(0.0002)

    def _apply(self, voice_id: str, rate: int, volume: float) -> None:
        """Set voice, rate and volume, and check that eSpeak really has them.

        Measured quirk: eSpeak queues parameter changes on its own thread,
        and runAndWait()'s endLoop calls espeak_Cancel() whenever that queue
        is not empty - dropping the change, so rate and volume would apply
        late or never.  We therefore wait for the queue to drain and read
        the values back before synthesising.
        """
        engine, espeak = self.engine, self._espeak
        want = (rate, int(round(volume * 100, 2)))
        for _ in range(3):
            engine.setProperty("voice", voice_id)
            engine.setProperty("rate", rate)
            engine.setProperty("volume", volume)
            self._drain()
            if (espeak.GetParameter(espeak.RATE), espeak.GetParameter(espeak.VOLUME)) == want:
                return
        raise SynthesisError(f"eSpeak NG did not take rate {rate} / volume {volume}")

    def _on_finished(self, **_: Any) -> None:
        self._done.set()

    def _on_error(self, exception: BaseException | None = None, **_: Any) -> None:
        self._error = exception or RuntimeError("pyttsx3 reported an error")
        self._done.set()

    def synthesise(self, text: str, voice_id: str, rate: int, volume: float) -> bytes:
        """WAV bytes for ``text``; caller holds ``self.lock``."""
        if self.broken:
            raise SpeechUnavailable(self.broken)
        self._apply(voice_id, rate, volume)
        buffer = io.BytesIO()
        self._run(text, buffer)
        if self._error is not None:
            raise SynthesisError(f"pyttsx3 error: {self._error!r}")
        return buffer.getvalue()

    def _run(self, text: str, buffer: io.BytesIO) -> None:
        """save_to_file + runAndWait, then wait for eSpeak's thread to finish."""
        self._done.clear()
        self._error = None
        engine = self.engine
        engine.save_to_file(text, buffer)
        try:
            engine.runAndWait()
        except Exception as exc:  # the engine's loop state is now unknown
            self.broken = f"pyttsx3 run loop failed: {exc!r}"
            raise SpeechUnavailable(self.broken) from exc
        if not self._done.wait(5.0 + len(text) * 0.01):
            self.broken = "eSpeak NG did not finish synthesising (timed out)"
            raise SpeechUnavailable(self.broken)


_shared_lock = threading.Lock()
_shared: _SharedDriver | None = None


def _shared_driver(runtime: EspeakRuntime) -> _SharedDriver:
    global _shared
    with _shared_lock:
        if _shared is None:
            load_runtime(runtime)  # must precede the first pyttsx3 driver import
            try:
                _shared = _SharedDriver()
            except Exception as exc:
                raise SpeechUnavailable(f"pyttsx3 could not start its espeak driver: {exc!r}") from exc
        else:
            load_runtime(runtime)  # raises if a different runtime was asked for
        return _shared


def _chunks(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Split over-long text at spaces (or hard) into pieces of at most ``limit``."""
    out: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        out.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        out.append(rest)
    return [c for c in out if c]


def _join_wavs(parts: list[bytes]) -> bytes:
    frames = []
    params = None
    for part in parts:
        with wave.open(io.BytesIO(part), "rb") as w:
            params = params or w.getparams()
            frames.append(w.readframes(w.getnframes()))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        assert params is not None
        w.setnchannels(params.nchannels)
        w.setsampwidth(params.sampwidth)
        w.setframerate(params.framerate)
        w.writeframes(b"".join(frames))
    return out.getvalue()


class SpeechEngine:
    """Sentence-at-a-time speech synthesis, owned by the thread that calls :meth:`open`.

    The real :class:`~kiosk.speech.protocols.Synth`.  Typical use (in the
    narrator's worker thread)::

        engine = SpeechEngine()
        engine.open()                       # SpeechUnavailable on any problem
        wav = engine.synthesise("Hello.", "en", rate=165, volume=0.8)
    """

    def __init__(self, library_path: str | None = None, data_path: str | None = None,
                 logger: logging.Logger | None = None) -> None:
        self._library_path = library_path
        self._data_path = data_path
        self._log = logger or log
        self._driver: _SharedDriver | None = None
        self._runtime: EspeakRuntime | None = None
        self._owner: int | None = None
        self._voice_cache: dict[str, VoiceInfo | None] = {}

    @classmethod
    def from_settings(cls, settings: SpeechSettings, logger: logging.Logger) -> "SpeechEngine":
        """The engine the ``[speech]`` settings ask for (loaded by :meth:`open`)."""
        return cls(settings.library_path, settings.data_path, logger)

    # -- lifecycle --------------------------------------------------------
    def open(self) -> None:
        """Locate, check and load eSpeak NG and pyttsx3; bind to the calling thread."""
        runtime = locate_runtime(self._library_path, self._data_path)
        self._driver = _shared_driver(runtime)
        self._runtime = runtime
        self._owner = threading.get_ident()
        self._log.debug("speech engine opened with %d voices", len(self._driver.voices))

    def close(self) -> None:
        """Forget the engine (eSpeak itself stays loaded: it cannot be unloaded)."""
        self._driver = None
        self._owner = None

    @property
    def is_open(self) -> bool:
        """True between :meth:`open` and :meth:`close`."""
        return self._driver is not None

    # -- voices -----------------------------------------------------------
    def voices(self) -> list[VoiceInfo]:
        """All voices eSpeak offers (empty before :meth:`open`)."""
        return list(self._driver.voices) if self._driver else []

    def voice_info(self, language: str) -> VoiceInfo | None:
        """The voice that speaks ``language`` (see :func:`~kiosk.speech.voices.match_voice`)."""
        if language not in self._voice_cache:
            self._voice_cache[language] = match_voice(self.voices(), language)
        return self._voice_cache[language]

    def voice_for(self, language: str) -> str | None:
        """The eSpeak voice id for a kiosk language tag ("de" -> "gmw/de"), or None."""
        info = self.voice_info(language)
        return info.id if info else None

    def has_voice(self, language: str) -> bool:
        """Whether some voice speaks ``language``."""
        return self.voice_for(language) is not None

    # -- synthesis --------------------------------------------------------
    @staticmethod
    def clamp_rate(rate: float) -> int:
        """``rate`` in words per minute, within what eSpeak NG documents (80-450)."""
        return int(min(RATE_MAX, max(RATE_MIN, round(rate))))

    @staticmethod
    def clamp_volume(volume: float) -> float:
        """``volume`` within :data:`VOLUME_FLOOR`-1 (never silent by accident)."""
        return float(min(1.0, max(VOLUME_FLOOR, volume)))

    def synthesise(self, text: str, language: str, *, rate: int = 165, volume: float = 0.8) -> bytes:
        """WAV bytes (22,050 Hz, mono, 16-bit) for ``text`` in ``language``.

        Raises :class:`SynthesisError` for a problem with this text (no voice,
        nothing to say) and :class:`SpeechUnavailable` when the engine itself
        no longer works.
        """
        if self._driver is None:
            raise SpeechUnavailable("speech engine is not open")
        if threading.get_ident() != self._owner:
            raise RuntimeError("SpeechEngine used from a thread that does not own it")
        lost = missing_data(self._runtime.data_dir) if self._runtime else None
        if lost:
            raise SpeechUnavailable(lost)
        voice = self.voice_for(language)
        if voice is None:
            raise SynthesisError(f"no eSpeak voice for language {language!r}")
        chunks = _chunks(re.sub(r"\s+", " ", text))
        if not chunks:
            raise SynthesisError("nothing to say")
        rate_, volume_ = self.clamp_rate(rate), self.clamp_volume(volume)
        with self._driver.lock:
            parts = [self._driver.synthesise(c, voice, rate_, volume_) for c in chunks]
        return parts[0] if len(parts) == 1 else _join_wavs(parts)
