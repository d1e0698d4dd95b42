"""Voice matching and voice discovery for ``kiosk check`` (kiosk.speech.voices)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.speech.voices import (VoiceFile, VoiceInfo, espeak_data_dir, espeak_voices,
                                 match_voice, voice_for_language, voice_in_data_dir)

KIOSK_LANGUAGES = ("bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv nb "
                   "is uk tr").split()


def test_matching_prefers_exact_then_regional_then_bare_then_shortest() -> None:
    voices = [VoiceInfo("gmw/en-US", "English US", "en-us"), VoiceInfo("gmw/en", "English", "en-gb"),
              VoiceInfo("roa/pt", "Portuguese", "pt"), VoiceInfo("roa/pt-BR", "Brazil", "pt-br"),
              VoiceInfo("gmq/nb", "Norwegian", "nb"), VoiceInfo("zls/hr", "Croatian", "hr-hr")]
    assert match_voice(voices, "en").id == "gmw/en"
    assert match_voice(voices, "en_US").id == "gmw/en-US"
    assert match_voice(voices, "pt-BR").id == "roa/pt-BR"
    assert match_voice(voices, "pt").id == "roa/pt"
    assert match_voice(voices, "no").id == match_voice(voices, "nn").id == "gmq/nb"
    assert match_voice(voices, "hr").id == "zls/hr"
    assert match_voice(voices, "tlh") is None


def test_every_kiosk_language_has_a_voice_in_the_bundled_data() -> None:
    data = espeak_data_dir()
    assert data.name == "espeak-ng-data"
    missing = {code: r.detail for code in KIOSK_LANGUAGES
               if not (r := voice_for_language(code)).available}
    assert not missing, missing
    assert voice_for_language("en").detail == "voice gmw/en"


def fake_data(tmp_path: Path) -> Path:
    data = tmp_path / "espeak-ng-data"
    (data / "lang" / "gmw").mkdir(parents=True)
    (data / "lang" / "gmq").mkdir(parents=True)
    (data / "lang" / "gmw" / "de").write_text("name German\nlanguage de\n")
    (data / "lang" / "gmq" / "nb").write_text("name Norwegian\nlanguage nb\ndictionary no\n")
    (data / "lang" / "README").write_text("no language line here\n")
    (data / "de_dict").write_bytes(b"x")
    return data


def test_voice_files_and_their_dictionaries(tmp_path: Path) -> None:
    data = fake_data(tmp_path)
    assert espeak_voices(data) == [VoiceFile("gmq/nb", "Norwegian", "nb", "no"),
                                   VoiceFile("gmw/de", "German", "de", "de")]
    assert espeak_voices(data)[1] == ("gmw/de", "German", "de", "de")  # still a plain tuple
    assert voice_in_data_dir("de", data).available is True
    no_voice = voice_in_data_dir("ga", data)
    assert no_voice.available is False and "ga" in no_voice.detail and str(data) in no_voice.detail
    no_dict = voice_in_data_dir("nb", data)
    assert no_dict.available is False and "no_dict" in no_dict.detail


def test_what_cannot_be_found_is_unknown_with_the_reason(tmp_path: Path) -> None:
    empty = tmp_path / "espeak-ng-data"
    empty.mkdir()
    assert espeak_voices(empty) == []
    unknown = voice_in_data_dir("de", empty)
    assert unknown.available is None and "no voice files" in unknown.detail
    gone = voice_for_language("de", str(tmp_path / "libespeak-ng.so.1"), str(empty))
    assert gone.available is None and "library not found" in gone.detail


@pytest.mark.parametrize("only", ["library_path", "data_path"])
def test_half_a_system_espeak_is_named(only: str) -> None:
    paths = {"library_path": None, "data_path": None, only: "/somewhere"}
    result = voice_for_language("de", **paths)
    assert result.available is None and "both library_path and data_path" in result.detail
