"""What the speech layer tells its listener, as typed events.

The narrator calls its listener with one of these on the narrator's own
thread; the UI turns them into its own messages (Textual's ``post_message``
is thread-safe), so the speech layer never imports the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

from kiosk.speech.commands import MarkCommand

__all__ = ["MarkReached", "SequenceDone", "SpeechEvent", "SpeechFailed", "SpeechListener"]


@dataclass(frozen=True)
class MarkReached:
    """The speech after ``mark`` in sequence ``sequence_id`` has started playing."""

    sequence_id: int
    mark: MarkCommand


@dataclass(frozen=True)
class SequenceDone:
    """Sequence ``sequence_id`` will not be spoken any further; sent exactly once per sequence.

    ``completed`` is True when all of it was played, False when it was
    cancelled, could not be spoken (no voice, speech unavailable) or failed
    part-way.  ``has_marks`` tells a reading (a sequence with marks, whose
    highlight should now end) from an announcement.
    """

    sequence_id: int
    completed: bool
    has_marks: bool


@dataclass(frozen=True)
class SpeechFailed:
    """Speech stopped working: ``reason`` says why, in words for the log and for staff.

    Sent once per attempt to start speech (at start-up or after ``retry``).
    """

    reason: str


SpeechEvent = Union[MarkReached, SequenceDone, SpeechFailed]
SpeechListener = Callable[[SpeechEvent], object]
