"""Real synthesis with pyttsx3 + eSpeak NG (the espeakng-loader wheel): audio, voices, rate, volume."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from speech_helpers import wav_stats
from kiosk.speech.engine import MAX_CHUNK_CHARS, SpeechEngine, SynthesisError
from kiosk.speech.sentences import split_sentences

KIOSK_LANGUAGES = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv nb is uk tr".split()
REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def engine() -> SpeechEngine:
    e = SpeechEngine()
    e.open()  # owned by the main thread, where pytest runs the tests
    return e


def test_every_overview_sentence_yields_plausible_audio(engine: SpeechEngine, overview) -> None:
    checked = 0
    for section in overview.sections:
        for paragraph in section.paragraphs:
            for sentence in split_sentences(paragraph, "en"):
                stats = wav_stats(engine.synthesise(sentence.text, "en", rate=165, volume=0.8))
                assert stats.rate == 22050
                assert stats.rms > 500, f"near-silent audio for {sentence.text!r}: RMS {stats.rms:.0f}"
                per_char = stats.duration / len(sentence.text)
                assert 0.04 <= per_char <= 0.2, (
                    f"{stats.duration:.2f}s for {len(sentence.text)} characters: {sentence.text!r}"
                )
                checked += 1
    assert checked == 31


@pytest.mark.parametrize("language", KIOSK_LANGUAGES)
def test_a_matching_voice_for_each_kiosk_language(engine: SpeechEngine, language: str) -> None:
    info = engine.voice_info(language)
    assert info is not None, f"no voice for {language}"
    assert info.language.split("-")[0] == language, info
    assert engine.voice_for(language) == info.id and engine.has_voice(language)
    stats = wav_stats(engine.synthesise("Opzelura 2023.", language))
    assert stats.rms > 500 and stats.duration > 0.3


def test_preferred_regional_voices(engine: SpeechEngine) -> None:
    assert engine.voice_for("en") == "gmw/en"  # en-gb, not en-us, for a European kiosk
    assert engine.voice_for("fr") == "roa/fr"
    assert engine.voice_for("pt") == "roa/pt"
    assert engine.voice_for("pt-BR") == "roa/pt-br"
    assert engine.voice_for("no") == engine.voice_for("nb") == "gmq/nb"
    assert engine.voice_for("xx") is None and not engine.has_voice("xx")
    with pytest.raises(SynthesisError):
        engine.synthesise("Hello.", "xx")


SENTENCE = "Opzelura is used in adults and adolescents from 12 years of age."


def test_rate_changes_duration_and_is_clamped(engine: SpeechEngine) -> None:
    slow, normal, fast = (wav_stats(engine.synthesise(SENTENCE, "en", rate=r)).duration
                          for r in (100, 165, 300))
    assert slow > normal * 1.3 and normal > fast * 1.4, (slow, normal, fast)
    too_fast = wav_stats(engine.synthesise(SENTENCE, "en", rate=2000)).duration
    fastest = wav_stats(engine.synthesise(SENTENCE, "en", rate=450)).duration
    assert abs(too_fast - fastest) < 0.05
    too_slow = wav_stats(engine.synthesise(SENTENCE, "en", rate=1)).duration
    slowest = wav_stats(engine.synthesise(SENTENCE, "en", rate=80)).duration
    assert abs(too_slow - slowest) < 0.05


def test_volume_changes_amplitude_and_has_a_floor(engine: SpeechEngine) -> None:
    loud = wav_stats(engine.synthesise(SENTENCE, "en", volume=1.0)).rms
    quiet = wav_stats(engine.synthesise(SENTENCE, "en", volume=0.3)).rms
    assert loud > quiet * 2.5, (loud, quiet)
    zero = wav_stats(engine.synthesise(SENTENCE, "en", volume=0.0)).rms
    assert zero > 50, "volume 0 must not be silent"
    over = wav_stats(engine.synthesise(SENTENCE, "en", volume=5.0)).rms
    assert abs(over - loud) < loud * 0.05


def test_long_text_is_chunked_not_crashing(engine: SpeechEngine) -> None:
    text = " ".join(["Opzelura is a cream."] * ((MAX_CHUNK_CHARS * 2) // 20 + 5))
    assert len(text) > 2 * MAX_CHUNK_CHARS
    stats = wav_stats(engine.synthesise(text, "en", rate=300))
    assert stats.rms > 500
    assert 0.02 <= stats.duration / len(text) <= 0.2


def test_synthesis_writes_nothing_to_stdout_or_stderr(engine: SpeechEngine, capfd) -> None:
    root_handlers = list(logging.getLogger().handlers)
    capfd.readouterr()
    for text in ("Hello there.", "A second sentence.", "Und jetzt Deutsch."):
        engine.synthesise(text, "en" if "Deutsch" not in text else "de")
    out, err = capfd.readouterr()
    assert out == "" and err == "", (out, err)
    # pyttsx3's driver would call logging.debug(), which installs a root stderr handler.
    assert logging.getLogger().handlers == root_handlers


def test_engine_belongs_to_the_thread_that_opened_it(engine: SpeechEngine) -> None:
    errors: list[BaseException] = []

    def other() -> None:
        try:
            engine.synthesise("Hello.", "en")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    t = threading.Thread(target=other)
    t.start()
    t.join()
    assert len(errors) == 1 and isinstance(errors[0], RuntimeError)


def test_near_crash_length_text_in_a_child_process() -> None:
    """eSpeak crashes (SIGSEGV) on ~16,000 characters in one call; chunking must prevent it.

    Run in a child so that a regression fails this test instead of killing pytest.
    """
    code = (
        "from kiosk.speech.engine import SpeechEngine\n"
        "import io, wave\n"
        "e = SpeechEngine(); e.open()\n"
        "wav = e.synthesise(' '.join(['Cream twice a day.'] * 1000), 'en', rate=450)\n"
        "w = wave.open(io.BytesIO(wav)); print(w.getnframes() / w.getframerate())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
                          timeout=60)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-500:]}"
    assert float(proc.stdout.strip().splitlines()[-1]) > 100  # 18,000 characters of speech
