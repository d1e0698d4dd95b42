"""The speech layer: sentences, eSpeak NG via pyttsx3, audio players and the narrator.

Plain Python, no UI imports (only :mod:`kiosk.ui` may import Textual).  The
UI needs :class:`Narrator`, :class:`SpeechSettings`, :class:`ReadItem` and
:class:`Sentence`; the other names are for tools, tests and benchmarks.
"""

from kiosk.speech.engine import SpeechEngine, SynthesisError, VoiceInfo, match_voice
from kiosk.speech.espeak_runtime import EspeakRuntime, SpeechUnavailable, locate_runtime
from kiosk.speech.narrator import Narrator, ReadItem
from kiosk.speech.player import Playback, Player, PlayerUnavailable, find_player
from kiosk.speech.sentences import Sentence, split_sentences
from kiosk.speech.settings import SpeechSettings

__all__ = [
    "EspeakRuntime",
    "Narrator",
    "Playback",
    "Player",
    "PlayerUnavailable",
    "ReadItem",
    "Sentence",
    "SpeechEngine",
    "SpeechSettings",
    "SpeechUnavailable",
    "SynthesisError",
    "VoiceInfo",
    "find_player",
    "locate_runtime",
    "match_voice",
    "split_sentences",
]
