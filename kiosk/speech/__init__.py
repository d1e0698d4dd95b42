"""The speech layer: typed speech sequences, priorities, eSpeak NG via pyttsx3, players, the narrator.

Plain Python, no UI imports (only :mod:`kiosk.ui` may import Textual).  The
UI needs :class:`Narrator` (with :class:`SpeechPriority`, the sequence
commands and :class:`ReadItem`), the events it sends, and
:class:`SpeechSettings`; ``kiosk check`` needs :func:`voice_for_language`;
the other names are for tools, tests and benchmarks.

Modules, one job each: ``priorities`` (NORMAL/NEXT/NOW), ``commands``
(sequences, language changes, marks), ``spoken_text`` (numbers, dates and
codes in the language's words), ``utterances`` (sequence -> pieces
synthesised at once), ``phonemes`` (what eSpeak NG would say, for ``kiosk
check``), ``manager`` (what plays next), ``narrator`` (threads
and prompt silence), ``prosody`` (rate and volume), ``protocols`` (Synth,
AudioOut), ``engine`` and ``espeak_runtime`` (eSpeak NG), ``player``
(player processes), ``voices`` (voice matching and discovery),
``native_output`` (C libraries' output kept off the terminal).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Names resolve on first use (PEP 562): importing kiosk.speech.settings for
# the config, or the package for one class, must not load the engine at
# every start of the kiosk, most of whose visits never speak.
_WHERE = {
    "LangChangeCommand": "commands", "MarkCommand": "commands", "ReadItem": "commands",
    "SpeechCommand": "commands", "SpeechSequence": "commands",
    "reading_sequence": "commands", "text_sequence": "commands",
    "SpeechEngine": "engine",
    "PlayerUnavailable": "errors", "SpeechUnavailable": "errors", "SynthesisError": "errors",
    "EspeakRuntime": "espeak_runtime", "locate_runtime": "espeak_runtime",
    "MarkReached": "events", "SequenceDone": "events", "SpeechEvent": "events",
    "SpeechFailed": "events",
    "SpeechManager": "manager",
    "capture_native_output": "native_output",
    "Narrator": "narrator",
    "Playback": "player", "Player": "player", "find_player": "player",
    "SpeechPriority": "priorities",
    "Prosody": "prosody",
    "AudioOut": "protocols", "Synth": "protocols",
    "Sentence": "sentences", "split_sentences": "sentences",
    "SpeechSettings": "settings",
    "VoiceCheck": "voices", "VoiceInfo": "voices", "espeak_data_dir": "voices",
    "espeak_voices": "voices", "match_voice": "voices", "voice_for_language": "voices",
    "voice_in_data_dir": "voices",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'kiosk.speech' has no attribute {name!r}")
    value = getattr(import_module(f"kiosk.speech.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from kiosk.speech.commands import (LangChangeCommand, MarkCommand, ReadItem, SpeechCommand,
                                       SpeechSequence, reading_sequence, text_sequence)
    from kiosk.speech.engine import SpeechEngine
    from kiosk.speech.errors import PlayerUnavailable, SpeechUnavailable, SynthesisError
    from kiosk.speech.espeak_runtime import EspeakRuntime, locate_runtime
    from kiosk.speech.events import MarkReached, SequenceDone, SpeechEvent, SpeechFailed
    from kiosk.speech.manager import SpeechManager
    from kiosk.speech.narrator import Narrator
    from kiosk.speech.native_output import capture_native_output
    from kiosk.speech.player import Playback, Player, find_player
    from kiosk.speech.priorities import SpeechPriority
    from kiosk.speech.prosody import Prosody
    from kiosk.speech.protocols import AudioOut, Synth
    from kiosk.speech.sentences import Sentence, split_sentences
    from kiosk.speech.settings import SpeechSettings
    from kiosk.speech.voices import (VoiceCheck, VoiceInfo, espeak_data_dir, espeak_voices,
                                     match_voice, voice_for_language, voice_in_data_dir)

__all__ = [
    "AudioOut",
    "EspeakRuntime",
    "LangChangeCommand",
    "MarkCommand",
    "MarkReached",
    "Narrator",
    "Playback",
    "Player",
    "PlayerUnavailable",
    "Prosody",
    "ReadItem",
    "Sentence",
    "SequenceDone",
    "SpeechCommand",
    "SpeechEngine",
    "SpeechEvent",
    "SpeechFailed",
    "SpeechManager",
    "SpeechPriority",
    "SpeechSequence",
    "SpeechSettings",
    "SpeechUnavailable",
    "Synth",
    "SynthesisError",
    "VoiceCheck",
    "VoiceInfo",
    "capture_native_output",
    "espeak_data_dir",
    "espeak_voices",
    "find_player",
    "locate_runtime",
    "match_voice",
    "reading_sequence",
    "split_sentences",
    "text_sequence",
    "voice_for_language",
    "voice_in_data_dir",
]
