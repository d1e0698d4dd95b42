"""The speech layer: sentences, eSpeak NG via pyttsx3, audio players and the narrator.

Plain Python, no UI imports (only :mod:`kiosk.ui` may import Textual).  The
UI needs :class:`Narrator`, :class:`SpeechSettings`, :class:`ReadItem` and
:class:`Sentence`; the other names are for tools, tests and benchmarks.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Names resolve on first use (PEP 562): importing kiosk.speech.settings for
# the config, or the package for one class, must not load pyttsx3 and the
# engine at every start of the kiosk, most of whose visits never speak.
_WHERE = {
    "SpeechEngine": "engine", "SynthesisError": "engine", "VoiceInfo": "engine",
    "match_voice": "engine",
    "EspeakRuntime": "espeak_runtime", "SpeechUnavailable": "espeak_runtime",
    "locate_runtime": "espeak_runtime",
    "Narrator": "narrator", "ReadItem": "narrator",
    "Playback": "player", "Player": "player", "PlayerUnavailable": "player",
    "find_player": "player",
    "Sentence": "sentences", "split_sentences": "sentences",
    "SpeechSettings": "settings",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'kiosk.speech' has no attribute {name!r}")
    value = getattr(import_module(f"kiosk.speech.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
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
