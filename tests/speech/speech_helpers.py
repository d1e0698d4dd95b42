"""WAV analysis for the speech tests (a uniquely named module: several test
folders have a conftest.py, so "from conftest import ..." would be ambiguous)."""

from __future__ import annotations

import array
import io
import math
import wave
from dataclasses import dataclass


@dataclass(frozen=True)
class WavStats:
    duration: float  # seconds
    rms: float  # over the whole file, 16-bit sample units
    peak: int
    rate: int


def wav_stats(wav: bytes) -> WavStats:
    """Length and loudness of WAV bytes, with the standard library only."""
    with wave.open(io.BytesIO(wav), "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        frames = w.getnframes()
        samples = array.array("h", w.readframes(frames))
        rate = w.getframerate()
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0
    return WavStats(frames / rate, rms, max((abs(s) for s in samples), default=0), rate)


def heard_in(unit: str, sentence: str, ratio: float = 0.7) -> bool:
    """True when ``unit``'s phonemes occur, nearly, in ``sentence``'s (both normalised).

    Nearly: some stretch of the sentence as long as the unit (plus two)
    matches at least ``ratio`` of the unit's phonemes, in order (a sound or
    two may change in context).
    """
    from difflib import SequenceMatcher

    if not unit:
        return False
    width = len(unit)
    for start in range(0, max(1, len(sentence) - width + 1)):
        window = sentence[start:start + width + 2]
        blocks = SequenceMatcher(None, unit, window, autojunk=False).get_matching_blocks()
        if sum(block.size for block in blocks) >= ratio * width:
            return True
    return False
