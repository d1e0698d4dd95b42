"""eSpeak NG voices: which voice speaks a kiosk language, and which voices a data folder holds.

Two users need the same answer:

* the narrator, from the voices pyttsx3 lists once eSpeak NG is loaded
  (:func:`match_voice`);
* ``kiosk check``, which must not load eSpeak NG (it calls ``exit()`` on bad
  data), so it reads the voice files of the ``espeak-ng-data`` folder the
  narrator would load (:func:`voice_for_language`).

Both use :func:`match_voice`, so the check names the voice the kiosk will
really use.  A voice also needs its pronunciation dictionary
(``<dictionary>_dict`` in the data folder), which the check verifies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kiosk.speech.espeak_runtime import SpeechUnavailable, locate_runtime

__all__ = [
    "VoiceCheck",
    "VoiceFile",
    "VoiceInfo",
    "espeak_data_dir",
    "espeak_voices",
    "match_voice",
    "voice_for_language",
    "voice_in_data_dir",
]

# When a language has several voices, the one a European kiosk wants.
_PREFERRED_TAG = {"en": "en-gb", "fr": "fr-fr", "pt": "pt", "es": "es", "de": "de", "nl": "nl"}
# Kiosk tags eSpeak knows under another name.
_ALIASES = {"no": "nb", "nn": "nb"}


@dataclass(frozen=True)
class VoiceInfo:
    """An eSpeak voice: ``id`` ("gmw/en"), ``name``, ``language`` tag ("en-gb")."""

    id: str
    name: str
    language: str


class VoiceFile(NamedTuple):
    """A voice file of an ``espeak-ng-data`` folder, and the dictionary it needs."""

    id: str
    name: str
    language: str
    dictionary: str


@dataclass(frozen=True)
class VoiceCheck:
    """Whether a language can be spoken (None: could not be found out), and how."""

    available: bool | None
    detail: str


def match_voice(voices: list[VoiceInfo], language: str) -> VoiceInfo | None:
    """The best voice for a kiosk language tag ("de", "pt-BR", "nb"), or None.

    Order: exact tag; the preferred regional voice; a voice tagged with the
    bare language; the voice of that language with the shortest tag.
    """
    tag = language.strip().lower().replace("_", "-")
    base = tag.split("-")[0]
    primary = _ALIASES.get(base, base)
    if base in _ALIASES:
        tag = primary + tag[len(base):]
    by_tag = {v.language.lower(): v for v in voices}
    for candidate in (tag, _PREFERRED_TAG.get(primary), primary):
        if candidate and candidate in by_tag:
            return by_tag[candidate]
    same = [v for v in voices if v.language.lower().split("-")[0] == primary]
    return min(same, key=lambda v: len(v.language)) if same else None


def espeak_data_dir(library_path: str | None = None, data_path: str | None = None) -> Path:
    """The ``espeak-ng-data`` folder the narrator would load with these settings.

    Same lookup as the narrator (:func:`kiosk.speech.espeak_runtime.locate_runtime`):
    the bundled wheel's data, or a system eSpeak NG when both paths are set.
    Raises :class:`~kiosk.speech.espeak_runtime.SpeechUnavailable` naming
    what is missing.
    """
    return locate_runtime(library_path, data_path).data_dir


def espeak_voices(data_dir: Path) -> list[VoiceFile]:
    """The voices described under ``data_dir/lang`` (empty when there is no such folder)."""
    voices: list[VoiceFile] = []
    lang_dir = data_dir / "lang"
    if not lang_dir.is_dir():
        return voices
    for path in sorted(p for p in lang_dir.rglob("*") if p.is_file()):
        fields: dict[str, str] = {}
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0] in ("name", "language", "dictionary"):
                fields.setdefault(parts[0], " ".join(parts[1:]) if parts[0] == "name" else parts[1])
        language = fields.get("language")
        if language:
            voice_id = path.relative_to(lang_dir).as_posix()
            voices.append(VoiceFile(voice_id, fields.get("name", voice_id), language,
                                    fields.get("dictionary", language.split("-")[0])))
    return voices


def voice_in_data_dir(language: str, data_dir: Path) -> VoiceCheck:
    """The voice for ``language`` in one ``espeak-ng-data`` folder, and whether its dictionary is there."""
    voices = espeak_voices(data_dir)
    if not voices:
        return VoiceCheck(None, f"no voice files under {data_dir / 'lang'}")
    found = match_voice([VoiceInfo(v.id, v.name, v.language) for v in voices], language)
    if found is None:
        return VoiceCheck(False, f"eSpeak NG has no voice for {language} in {data_dir}")
    dictionary = next(v.dictionary for v in voices if v.id == found.id)
    if not (data_dir / f"{dictionary}_dict").is_file():
        return VoiceCheck(False, f"voice {found.id} needs {dictionary}_dict, which is missing "
                                 f"from {data_dir}")
    return VoiceCheck(True, f"voice {found.id}")


def voice_for_language(language: str, library_path: str | None = None,
                       data_path: str | None = None) -> VoiceCheck:
    """The eSpeak NG voice the narrator would use for ``language``, found without loading eSpeak.

    ``library_path``/``data_path`` are the ``[speech]`` settings (both or
    neither).  ``available`` is None when the data folder cannot be found,
    with the reason in ``detail``.
    """
    try:
        data_dir = espeak_data_dir(library_path, data_path)
    except SpeechUnavailable as exc:
        return VoiceCheck(None, f"eSpeak NG data not found: {exc.reason}")
    return voice_in_data_dir(language, data_dir)
