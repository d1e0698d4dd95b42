"""``kiosk check``'s speech part: eSpeak NG has a voice for every language.

The voice is found as the narrator would find it, without loading eSpeak
NG (:func:`kiosk.speech.voices.voice_for_language`).
"""

from __future__ import annotations

from kiosk.languages.problems import Problem
from kiosk.speech.voices import voice_for_language


def check_voice(language: str, library_path: str | None = None,
                data_path: str | None = None) -> tuple[list[Problem], list[str]]:
    """Problems (no voice) and warnings (could not tell) for one language.

    Args:
        library_path, data_path: a system eSpeak NG (``[speech]`` in the
            configuration), or ``None`` for the bundled one.
    """
    result = voice_for_language(language, library_path, data_path)
    if result.available is False:
        return [Problem(language, "*", "", "voice", result.detail)], []
    if result.available is None:
        return [], [f"{language}: the speech voice could not be checked: {result.detail}"]
    return [], []
