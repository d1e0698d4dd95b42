"""Textual messages for what the speech layer reports, and the typed speech notice.

The narrator runs on its own thread; the app's five bridge methods
(``reading_sentence`` ... ``speech_no_voice``) only post these messages,
which is thread-safe in Textual, and the app handles them on its event loop.
The reading messages are forwarded to the screens (``bubble = False`` so a
forwarded message does not come back up to the app).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual.message import Message

from kiosk.languages import _, language_info


class SentenceStarted(Message, bubble=False):
    """A sentence of a reading started playing: ``start``/``end`` are character
    offsets into the text named ``key`` (a document key such as ``s3.p1``)."""

    def __init__(self, key: str, start: int, end: int) -> None:
        super().__init__()
        self.key = key
        self.start = start
        self.end = end


class ReadingFinished(Message, bubble=False):
    """A reading ended; ``completed`` is False when it was stopped or cut off."""

    def __init__(self, completed: bool) -> None:
        super().__init__()
        self.completed = completed


class ReadingPaused(Message):
    """The reading was paused (``paused`` True) or resumed (False)."""

    def __init__(self, paused: bool) -> None:
        super().__init__()
        self.paused = paused


class SpeechUnavailable(Message):
    """Speech cannot work now (no player, no device, engine failure); ``reason``
    is for the log, never shown to the visitor."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class VoiceMissing(Message):
    """There is no voice for ``language``, so its text is not spoken (never read
    with another language's voice)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language


class NoticeKind(Enum):
    """What the status line says about speech besides on/off."""

    PAUSED = "paused"
    UNAVAILABLE = "unavailable"
    NO_VOICE = "no-voice"


@dataclass(frozen=True)
class SpeechNotice:
    """The status line's speech notice; ``language`` only for ``NO_VOICE``."""

    kind: NoticeKind
    language: str | None = None

    def words(self) -> str:
        """The notice in the visitor's language (status line and Help)."""
        if self.kind is NoticeKind.PAUSED:
            return _("Reading paused.")
        if self.kind is NoticeKind.UNAVAILABLE:
            return _("Speech is not available.")
        return _("Speech is not available in {language}.").format(
            language=language_info(self.language or "").native_name)


PAUSED = SpeechNotice(NoticeKind.PAUSED)
UNAVAILABLE = SpeechNotice(NoticeKind.UNAVAILABLE)


def no_voice(language: str) -> SpeechNotice:
    """The notice for a language that has no voice."""
    return SpeechNotice(NoticeKind.NO_VOICE, language)


class HeadphonesChanged(Message):
    """Headphones were plugged in (``plugged`` True) or pulled out, as the sound
    server reports it (``kiosk.speech.headphones``; posted from its thread)."""

    def __init__(self, plugged: bool) -> None:
        super().__init__()
        self.plugged = plugged
