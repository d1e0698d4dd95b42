"""The visit's speech rate and volume: their one owner.

The visitor changes them in steps (EN 301 549 5.1.3.11/12: volume without
sight, in steps) and they return to the configured defaults for the next
visitor (5.1.3.13).  Nothing else keeps a copy: the narrator reads them when
it synthesises each utterance, so a change is heard from the next utterance
on (one synthesised ahead at the old values is synthesised again).
"""

from __future__ import annotations

import threading

from kiosk.speech.settings import SpeechSettings

__all__ = ["Prosody"]


class Prosody:
    """Rate (words per minute) and volume (0-1 of eSpeak's full amplitude), thread-safe.

    Steps and limits come from :class:`~kiosk.speech.settings.SpeechSettings`:
    ``rate_step`` between ``rate_min`` and ``rate_max``, ``volume_step``
    between ``volume_min`` (above zero, so "quieter" never silences the
    kiosk) and ``volume_max``.
    """

    def __init__(self, settings: SpeechSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._rate = settings.rate
        self._volume = settings.volume

    @property
    def rate(self) -> int:
        """Words per minute used for the next utterance."""
        return self._rate

    @property
    def volume(self) -> float:
        """Volume 0-1 used for the next utterance."""
        return self._volume

    def current(self) -> tuple[int, float]:
        """(rate in words per minute, volume 0-1), read together."""
        with self._lock:
            return self._rate, self._volume

    @property
    def at_defaults(self) -> bool:
        """True when rate and volume are the configured defaults (nothing for a reset to undo)."""
        with self._lock:
            return (self._rate, self._volume) == (self.settings.rate, self.settings.volume)

    def faster(self) -> int:
        """One step faster, at most ``rate_max``; returns the new rate (words per minute)."""
        s = self.settings
        with self._lock:
            self._rate = min(s.rate_max, self._rate + s.rate_step)
            return self._rate

    def slower(self) -> int:
        """One step slower, at least ``rate_min``; returns the new rate (words per minute)."""
        s = self.settings
        with self._lock:
            self._rate = max(s.rate_min, self._rate - s.rate_step)
            return self._rate

    def louder(self) -> float:
        """One step louder, at most ``volume_max``; returns the new volume (0-1)."""
        s = self.settings
        with self._lock:
            self._volume = round(min(s.volume_max, self._volume + s.volume_step), 3)
            return self._volume

    def quieter(self) -> float:
        """One step quieter, never below ``volume_min``; returns the new volume (0-1)."""
        s = self.settings
        with self._lock:
            self._volume = round(max(s.volume_min, self._volume - s.volume_step), 3)
            return self._volume

    def reset(self) -> None:
        """Back to the configured defaults (at the end of every visit)."""
        with self._lock:
            self._rate = self.settings.rate
            self._volume = self.settings.volume
