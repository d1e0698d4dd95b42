"""The hook through which the kiosk talks.

Every screen calls :meth:`Announcer.announce` with a short, spoken-style
sentence whenever the screen changes or focus moves ("Overview of Opzelura.
Section 3 of 8: How does Opzelura work?"), and the speech keys land in
:meth:`Announcer.speech_command`.  The default implementation only logs, so
the UI runs (and is tested) without audio; the speech layer plugs its
Narrator in through :class:`kiosk.ui.narration.NarratorAnnouncer`, which
also offers the typed API (``say`` with a priority, ``cancel``, ``read``...).
"""

from __future__ import annotations

import logging
from typing import Protocol, Sequence, runtime_checkable

from kiosk.visit import Visit

log = logging.getLogger("kiosk.announce")


@runtime_checkable
class Announcer(Protocol):
    """What the UI needs from a speech layer."""

    def announce(self, text: str, *, kind: str = "focus", language: str = "en") -> None:
        """Say ``text`` (already translated), after what is already being said.

        ``kind`` says what it is about: "screen", "focus", "content",
        "state", "error" are queued behind one another (a key that
        interrupts has called :meth:`stop` before); "warning" is said at
        once, cutting into other speech.  ``language`` is the language the
        text is in (English for untranslated document parts).
        """

    def speech_command(self, action: str, visit: Visit, texts: Sequence[tuple[str, str]],
                       *, keys: Sequence[str] | None = None) -> None:
        """A speech key was pressed: ``speech``, ``listen``, ``pause``, ``repeat``,
        ``previous_sentence``, ``next_sentence``, ``slower``, ``faster``,
        ``volume_down`` or ``volume_up``.

        ``visit`` holds the state after the UI's own change (``speech_on`` is
        already toggled for ``speech``); ``texts`` is what the current screen
        would read aloud, as ``(text, language)`` pairs in reading order.
        ``keys`` (same length, or None) names each text, e.g. the document
        key ``s3.p1``, so a reading can report which one it is in.
        """

    def stop(self) -> None:
        """Stop speaking at once (a key whose action interrupts, visit reset, PIN prompt, exit)."""

    def attach(self, app: object) -> None:
        """The app runs: events can reach it from now on."""

    def new_visit(self, visit: Visit) -> None:
        """A visit was reset: silence, rate and volume back to defaults, speech tried again."""

    def close(self) -> None:
        """The app ends."""

    def at_defaults(self) -> bool:
        """True when the visitor changed no speech setting (rate, volume) a reset would undo."""


class LoggingAnnouncer:
    """Default announcer: writes what would be spoken to the log."""

    def announce(self, text: str, *, kind: str = "focus", language: str = "en") -> None:
        log.info("announce [%s/%s] %s", kind, language, text)

    def speech_command(self, action: str, visit: Visit, texts: Sequence[tuple[str, str]],
                       *, keys: Sequence[str] | None = None) -> None:
        log.info("speech command %s (speech %s, %d texts)", action,
                 "on" if visit.speech_on else "off", len(texts))

    def stop(self) -> None:
        log.info("speech stop")

    def attach(self, app: object) -> None:
        pass

    def new_visit(self, visit: Visit) -> None:
        pass

    def close(self) -> None:
        pass

    def at_defaults(self) -> bool:
        return True


class RecordingAnnouncer(LoggingAnnouncer):
    """Keeps every call, for tests and for the benchmark."""

    def __init__(self) -> None:
        self.spoken: list[tuple[str, str, str]] = []
        self.commands: list[str] = []
        self.texts: list[list[tuple[str, str]]] = []  # the texts of each command
        self.stops = 0

    def announce(self, text: str, *, kind: str = "focus", language: str = "en") -> None:
        self.spoken.append((kind, language, text))
        super().announce(text, kind=kind, language=language)

    def speech_command(self, action: str, visit: Visit, texts: Sequence[tuple[str, str]],
                       *, keys: Sequence[str] | None = None) -> None:
        self.commands.append(action)
        self.texts.append(list(texts))
        super().speech_command(action, visit, texts, keys=keys)

    def stop(self) -> None:
        self.stops += 1

    @property
    def last(self) -> str:
        """The most recent announcement's text ("" if none)."""
        return self.spoken[-1][2] if self.spoken else ""
