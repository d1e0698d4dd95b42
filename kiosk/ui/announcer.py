"""The hook through which the kiosk talks: a typed speech interface, NVDA-shaped.

The UI says sentences (:meth:`Announcer.say`, with an explicit
:class:`~kiosk.speech.priorities.SpeechPriority`), cancels speech when an
action says so (:meth:`Announcer.cancel`), reads texts with a highlight
(:meth:`Announcer.read`) and passes the speech keys on as typed calls.
All these calls are made in one place, :mod:`kiosk.ui.speech_output`.  The
speech layer's :class:`kiosk.ui.narration.NarratorAnnouncer` is the real
one; :class:`LoggingAnnouncer` only logs (so the UI runs without audio) and
:class:`RecordingAnnouncer` keeps every call for tests and benchmarks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol, Sequence, runtime_checkable

from kiosk.speech.priorities import SpeechPriority
from kiosk.visit import Visit

if TYPE_CHECKING:
    from kiosk.speech.commands import ReadItem

log = logging.getLogger("kiosk.announce")


@runtime_checkable
class Announcer(Protocol):
    """What the UI needs from a speech layer."""

    def say(self, text: str, language: str,
            priority: SpeechPriority = SpeechPriority.NORMAL, *, even_if_off: bool = False) -> None:
        """Say ``text`` (already translated, in ``language``) if speech is on.

        NORMAL queues behind what is being said (a key whose action
        interrupts has called :meth:`cancel` first); NOW cuts in at once and
        lets the interrupted speech go on after it (the idle warning).
        ``even_if_off``: say it although the visit's speech is off (only the
        sentence that tells how to turn speech on: EN 301 549 5.2).
        """

    def cancel(self) -> None:
        """Silence now and drop what was queued (an action that interrupts speech)."""

    def read(self, items: Sequence["ReadItem"], language: str) -> None:
        """Read ``items`` aloud, sentence by sentence, with a highlight for each."""

    def toggle_pause(self) -> bool:
        """Pause a reading, or resume it; returns whether it is paused now."""

    def repeat(self) -> None:
        """Say the current (or last) sentence again."""

    def previous_sentence(self) -> None:
        """Back one sentence in a reading."""

    def next_sentence(self) -> None:
        """On one sentence in a reading."""

    def change_rate(self, faster: bool, language: str) -> int:
        """One step faster or slower, said in ``language``; returns words per minute."""

    def change_volume(self, louder: bool, language: str) -> float:
        """One step louder or quieter (never silent), said; returns the volume (0-1)."""

    def attach(self, app: object) -> None:
        """The app runs: events can reach it from now on."""

    def new_visit(self, visit: Visit) -> None:
        """A visit was reset: silence, rate and volume back to defaults, speech tried again."""

    def close(self) -> None:
        """The app ends."""

    def at_defaults(self) -> bool:
        """True when the visitor changed no speech setting (rate, volume) a reset would undo."""


class LoggingAnnouncer:
    """Default announcer: writes what would be spoken to the log (rate and volume never change)."""

    rate = 165  # words per minute, reported by change_rate
    volume = 0.8  # 0-1, reported by change_volume

    def say(self, text: str, language: str,
            priority: SpeechPriority = SpeechPriority.NORMAL, *, even_if_off: bool = False) -> None:
        log.info("say [%s/%s] %s", priority.name, language, text)

    def cancel(self) -> None:
        log.info("speech cancelled")

    def read(self, items: Sequence["ReadItem"], language: str) -> None:
        log.info("read %d texts in %s", len(items), language)

    def toggle_pause(self) -> bool:
        return False

    def repeat(self) -> None:
        pass

    def previous_sentence(self) -> None:
        pass

    def next_sentence(self) -> None:
        pass

    def change_rate(self, faster: bool, language: str) -> int:
        return self.rate

    def change_volume(self, louder: bool, language: str) -> float:
        return self.volume

    def attach(self, app: object) -> None:
        pass

    def new_visit(self, visit: Visit) -> None:
        pass

    def close(self) -> None:
        pass

    def at_defaults(self) -> bool:
        return True


class RecordingAnnouncer(LoggingAnnouncer):
    """Keeps every call, for tests and for the benchmark.

    ``spoken``: (priority, language, text) of each :meth:`say`;
    ``commands``: the speech keys in order ("read", "toggle_pause", "repeat",
    "previous_sentence", "next_sentence", "slower", "faster", "quieter",
    "louder"); ``texts``: the (text, language) pairs of each reading;
    ``stops``: how many times speech was cancelled; ``hints``: the
    (language, text) of what was said ``even_if_off`` (heard although the
    visit's speech is off; also in ``spoken``).
    """

    def __init__(self) -> None:
        self.spoken: list[tuple[SpeechPriority, str, str]] = []
        self.hints: list[tuple[str, str]] = []
        self.commands: list[str] = []
        self.texts: list[list[tuple[str, str]]] = []
        self.stops = 0

    def say(self, text: str, language: str,
            priority: SpeechPriority = SpeechPriority.NORMAL, *, even_if_off: bool = False) -> None:
        self.spoken.append((priority, language, text))
        if even_if_off:
            self.hints.append((language, text))
        super().say(text, language, priority)

    def cancel(self) -> None:
        self.stops += 1

    def read(self, items: Sequence["ReadItem"], language: str) -> None:
        self.commands.append("read")
        self.texts.append([(item.text, item.language or language) for item in items])

    def toggle_pause(self) -> bool:
        self.commands.append("toggle_pause")
        return False

    def repeat(self) -> None:
        self.commands.append("repeat")

    def previous_sentence(self) -> None:
        self.commands.append("previous_sentence")

    def next_sentence(self) -> None:
        self.commands.append("next_sentence")

    def change_rate(self, faster: bool, language: str) -> int:
        self.commands.append("faster" if faster else "slower")
        return self.rate

    def change_volume(self, louder: bool, language: str) -> float:
        self.commands.append("louder" if louder else "quieter")
        return self.volume

    @property
    def last(self) -> str:
        """The most recent announcement's text ("" if none)."""
        return self.spoken[-1][2] if self.spoken else ""
