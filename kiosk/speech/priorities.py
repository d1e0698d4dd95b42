"""How urgent a speech sequence is: NVDA's three speech priorities.

The shape is NVDA's ``speech.priorities.SpeechPriority`` (source/speech/
priorities.py), so that the rules are ones screen-reader users already
live with, and the kiosk needs no guess of its own (such as "announcements
closer than 0.3 s queue") to decide what interrupts what:

* What *cancels* speech is the caller's decision: a key whose action
  interrupts calls ``cancel()`` before it speaks (EN 301 549 5.1.3.5).
* What *queues* and what *cuts in* is the priority of each sequence.
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["SPEECH_PRIORITIES", "SpeechPriority"]


class SpeechPriority(IntEnum):
    """The priority of a speech sequence (higher numbers are more urgent).

    ``NORMAL``
        Queued behind everything already waiting at NORMAL (screen and
        focus announcements after a key, a reading).
    ``NEXT``
        Spoken as soon as the utterance (sentence) now being spoken ends,
        before the rest of lower-priority speech, which then carries on.
    ``NOW``
        Spoken at once, cutting into lower-priority speech; the interrupted
        sequence resumes afterwards from the start of the interrupted
        utterance (a volume change announced during a reading, the idle
        warning).  It does not cut into speech already queued at NOW.
    """

    NORMAL = 0
    NEXT = 1
    NOW = 2


#: The priorities from most to least urgent (the order the queues are served in).
SPEECH_PRIORITIES: tuple[SpeechPriority, ...] = tuple(reversed(SpeechPriority))
