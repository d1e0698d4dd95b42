"""Why speech cannot go on: the three failures the speech layer tells apart.

* :class:`SpeechUnavailable` - the engine cannot work here (library or data
  missing or broken): speech stops until the next attempt.
* :class:`PlayerUnavailable` - nothing can play sound (no player program,
  it cannot start): speech stops until the next attempt.
* :class:`SynthesisError` - this one text could not be synthesised; the
  engine still works and the narrator skips the text.

Each carries a ``reason`` in words a deployer understands; it goes to the
log, never onto the visitor's screen.
"""

from __future__ import annotations

__all__ = ["PlayerUnavailable", "SpeechUnavailable", "SynthesisError"]


class _Reasoned(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SpeechUnavailable(_Reasoned):
    """Speech cannot work here; ``reason`` says why."""


class PlayerUnavailable(_Reasoned):
    """No usable audio player; ``reason`` says why."""


class SynthesisError(_Reasoned):
    """One text could not be synthesised (the engine may still work for others)."""
