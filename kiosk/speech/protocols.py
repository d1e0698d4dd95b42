"""The two small interfaces the speech manager drives: a synthesiser and an audio output.

The real implementations are :class:`kiosk.speech.engine.SpeechEngine`
(eSpeak NG through pyttsx3) and :class:`kiosk.speech.player.Player` (a
``pw-play``/``paplay``/``aplay`` process per utterance).  Tests put fakes
behind the same protocols to check queueing, interruption and completion
deterministically, without sound or clocks.
"""

from __future__ import annotations

from typing import Callable, Protocol

from kiosk.speech.voices import VoiceInfo

__all__ = ["AudioOut", "Playback", "Synth"]


class Synth(Protocol):
    """Turns text into WAV bytes, one utterance at a time, on one thread."""

    def open(self) -> None:
        """Load the engine.  Raises :class:`~kiosk.speech.espeak_runtime.SpeechUnavailable`."""

    def voices(self) -> list[VoiceInfo]:
        """Every voice the engine offers (empty before :meth:`open`)."""

    def voice_info(self, language: str) -> VoiceInfo | None:
        """The voice that speaks ``language`` (a tag such as "de", "pt-BR"), or None."""

    def synthesise(self, text: str, language: str, *, rate: int, volume: float) -> bytes:
        """WAV bytes for ``text`` at ``rate`` words per minute and ``volume`` 0-1.

        Raises :class:`~kiosk.speech.engine.SynthesisError` when this text
        cannot be spoken (the engine still works) and
        :class:`~kiosk.speech.espeak_runtime.SpeechUnavailable` when the
        engine no longer works.
        """

    def close(self) -> None:
        """Let the engine go."""


class Playback(Protocol):
    """One sound started by :meth:`AudioOut.play`."""

    @property
    def stopped(self) -> bool:
        """True when it ended because :meth:`AudioOut.stop` was called."""

    @property
    def failure(self) -> str | None:
        """Why it ended on its own with an error (no sound server...), else None."""


class AudioOut(Protocol):
    """Plays one WAV at a time and can be silenced at once from any thread."""

    def play(self, wav: bytes, on_done: Callable[[Playback], object]) -> Playback:
        """Stop anything still playing, then start ``wav``.

        ``on_done(playback)`` is called once, from any thread, when the sound
        has ended (played out, stopped or failed).  Raises
        :class:`~kiosk.speech.player.PlayerUnavailable` when nothing can be
        played.
        """

    def stop(self) -> None:
        """Silence now (thread-safe); returns when nothing is playing."""

    def close(self) -> None:
        """Stop and release what the output holds (temporary files, processes)."""
