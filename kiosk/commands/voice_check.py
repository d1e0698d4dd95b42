"""A voice for every language: the eSpeak NG voice the narrator would use.

Found without loading eSpeak (whose C code can call exit() on bad data):
the voice files of the data tree the narrator would load are read and
matched with the narrator's own :func:`kiosk.speech.match_voice`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.languages.problems import Problem


@dataclass(frozen=True)
class VoiceCheck:
    """Whether a language can be spoken, and how that was found out."""

    available: bool | None  # None: could not be determined
    detail: str


def _espeak_data_dir(library_path: str | None, data_path: str | None) -> Path:
    from kiosk.speech import locate_runtime  # the narrator's own lookup

    return locate_runtime(library_path, data_path).data_dir


def espeak_voices(data_dir: Path) -> list[tuple[str, str, str, str]]:
    """The voices of an espeak-ng-data tree: (id, name, language, dictionary)."""
    voices = []
    lang_dir = data_dir / "lang"
    if not lang_dir.is_dir():
        return voices
    for path in sorted(p for p in lang_dir.rglob("*") if p.is_file()):
        name = language = dictionary = ""
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0] == "name" and not name:
                name = " ".join(parts[1:])
            elif len(parts) >= 2 and parts[0] == "language" and not language:
                language = parts[1]
            elif len(parts) >= 2 and parts[0] == "dictionary" and not dictionary:
                dictionary = parts[1]
        if language:
            voice_id = path.relative_to(lang_dir).as_posix()
            voices.append((voice_id, name or voice_id, language,
                           dictionary or language.split("-")[0]))
    return voices


def voice_for_language(language: str, library_path: str | None = None,
                       data_path: str | None = None) -> VoiceCheck:
    """(g) find the eSpeak NG voice the narrator would use, without loading eSpeak.

    Uses :func:`kiosk.speech.match_voice` (the narrator's matching) on the
    voice files of the data tree it would load, and checks that the voice's
    pronunciation dictionary is there too.
    """
    try:
        data_dir = _espeak_data_dir(library_path, data_path)
    except Exception as exc:  # SpeechUnavailable, ImportError ...
        return VoiceCheck(None, f"eSpeak NG data not found: {getattr(exc, 'reason', exc)}")
    return voice_in_data_dir(language, data_dir)


def voice_in_data_dir(language: str, data_dir: Path) -> VoiceCheck:
    """The voice for ``language`` in one ``espeak-ng-data`` folder, and its dictionary."""
    voices = espeak_voices(data_dir)
    if not voices:
        return VoiceCheck(None, f"no voice files under {data_dir / 'lang'}")
    dictionaries = {v[0]: v[3] for v in voices}
    from kiosk.speech import VoiceInfo, match_voice

    found = match_voice([VoiceInfo(v[0], v[1], v[2]) for v in voices], language)
    voice_id = found.id if found else None
    if voice_id is None:
        return VoiceCheck(False, f"eSpeak NG has no voice for {language} in {data_dir}")
    dictionary = dictionaries.get(voice_id, language)
    if not (data_dir / f"{dictionary}_dict").is_file():
        return VoiceCheck(False, f"voice {voice_id} needs {dictionary}_dict, which is missing "
                                 f"from {data_dir}")
    return VoiceCheck(True, f"voice {voice_id}")


def check_voice(language: str, library_path: str | None = None,
                data_path: str | None = None) -> tuple[list[Problem], list[str]]:
    """(g) problems (no voice) and warnings (could not tell) for one language."""
    result = voice_for_language(language, library_path, data_path)
    if result.available is False:
        return [Problem(language, "*", "", "voice", result.detail)], []
    if result.available is None:
        return [], [f"{language}: the speech voice could not be checked: {result.detail}"]
    return [], []
