"""Speech settings, shared by the config validator and the narrator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeechSettings:
    """The kiosk's own speech defaults; a visit may change rate and volume in steps."""

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
