"""Speech settings, shared by the config validator and the narrator.

Ranges are validated by :mod:`kiosk.config` when the TOML is read; the
narrator additionally clamps everything it applies, so a hand-built
settings object cannot make the kiosk silent or unintelligible.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeechSettings:
    """The kiosk's own speech defaults; a visit may change rate and volume in steps.

    ``rate`` is in words per minute; ``volume`` is 0..1 of eSpeak's full
    amplitude, and ``volume_min`` is above zero on purpose so that pressing
    "quieter" cannot silence the kiosk by accident.  The narrator copies
    the defaults and returns to them after every visit (EN 301 549
    5.1.3.13); this object never changes.  ``player`` is ``"auto"``
    (pw-play, then paplay, then aplay) or a command name or path;
    ``device`` is the output handed to the player (pw-play/paplay sink
    name, aplay ALSA device), ``None`` for the default output.  A system
    eSpeak NG is used only when both ``library_path`` and ``data_path`` are
    set; otherwise the espeakng-loader wheel's copy is used.
    """

    enabled: bool = False
    rate: int = 165
    rate_step: int = 20
    rate_min: int = 100
    rate_max: int = 300
    volume: float = 0.8
    volume_step: float = 0.1
    volume_min: float = 0.2
    volume_max: float = 1.0
    player: str = "auto"
    library_path: str | None = None
    data_path: str | None = None
    device: str | None = None
    #: Speech comes on when headphones are plugged in (``kiosk.speech.headphones``).
    headphones_turn_speech_on: bool = False
