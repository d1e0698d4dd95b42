"""What eSpeak NG really says for the numbers on screen: its phonemes, per voice (no mocks).

The bundled eSpeak NG prints the phonemes it would speak
(kiosk.speech.phonemes, in a child process).  The first test records the
defect this fixes: the Maltese voice says "10%" exactly as "10".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.commands.spoken_check import normalise_phonemes
from kiosk.languages.document_catalog import localize_document
from kiosk.speech.commands import ReadItem, reading_sequence, text_sequence
from kiosk.speech.engine import SpeechEngine
from kiosk.speech.phonemes import text_to_phonemes
from kiosk.speech.spoken_text import speakable
from kiosk.speech.utterances import utterances_of
from kiosk.speech.voices import voice_for_language
from speech_helpers import heard_in, wav_stats

RAW_MALTESE = "Opzelura m’għandux jiġi applikat fuq aktar minn 10% tal-ġisem."


def voice(language: str) -> str:
    found = voice_for_language(language)
    assert found.available, found.detail
    return found.detail.removeprefix("voice ")


def phonemes(language: str, *texts: str) -> list[str]:
    result = text_to_phonemes([(voice(language), list(texts))])[voice(language)]
    assert result.error is None, result.error
    return list(result.phonemes)


def test_the_maltese_voice_drops_the_sign_and_hears_the_spoken_form(repository_catalogs) -> None:
    with_sign, without, said, unit = phonemes(
        "mt", RAW_MALTESE, RAW_MALTESE.replace("10%", "10"),
        speakable(RAW_MALTESE, "mt").spoken, "fil-mija")
    assert with_sign == without, "eSpeak NG's Maltese voice now says '%': update the notes"
    assert said != with_sign
    assert heard_in(normalise_phonemes(unit), normalise_phonemes(said))
    assert not heard_in(normalise_phonemes(unit), normalise_phonemes(with_sign))


def test_the_maltese_voice_says_the_unit_in_real_audio(repository_catalogs) -> None:
    """Through the narrator's own engine (pyttsx3 + eSpeak NG): the sign alone makes no sound,
    the spoken form adds "fil-mija"."""
    engine = SpeechEngine()
    engine.open()
    with_sign = wav_stats(engine.synthesise(RAW_MALTESE, "mt"))
    without = wav_stats(engine.synthesise(RAW_MALTESE.replace("10%", "10"), "mt"))
    (utterance,) = utterances_of(text_sequence(RAW_MALTESE, "mt"))
    said = wav_stats(engine.synthesise(utterance.text, "mt"))
    # measured: 4.504 s and 4.504 s (a few samples apart); a syllable lasts 0.1 s or more
    assert abs(with_sign.duration - without.duration) < 0.05
    assert said.duration > with_sign.duration + 0.3 and said.rms > 500  # 5.14 s measured


def _reading(overview, language: str) -> tuple[list, dict[str, str]]:
    local = localize_document(overview, language)
    items = [ReadItem(text.key, text.text, text.language)
             for section in local.sections for block in section.blocks for text in block.texts]
    return utterances_of(reading_sequence(items, language)), {i.key: i.text for i in items}


@pytest.mark.parametrize(("language", "percent", "month"), [
    ("mt", "fil-mija", "April"),
    ("de", "Prozent", "April"),
    ("el", "τοις εκατό", "Απρίλιο"),
    ("ga", "faoin gcéad", "Aibreán"),
    ("cs", "procent", "dubnu"),
    ("uk", "відсотків", "квітні"),
    ("is", "prósent", "apríl"),
    ("hu", "százalék", "áprilisában"),
    ("tr", "yüzde", "Nisan"),
])
def test_the_overview_read_aloud_says_every_percent_and_the_month(
        repository_catalogs, overview, language, percent, month) -> None:
    """The real reading of the whole overview: each of its nine percentages is heard with
    the language's word, in the language's own voice, and 04-2023 with the month's name."""
    utterances, texts = _reading(overview, language)
    with_percent = [u for u in utterances if "%" in u.shown]
    assert len([1 for u in with_percent for _ in range(u.shown.count("%"))]) == 9
    dated = [u for u in utterances if "04-2023" in u.shown]
    assert len(dated) == 1 and "04-2023" not in dated[0].text
    said = phonemes(language, percent, month, *(u.text for u in with_percent + dated))
    unit, name, sentences = said[0], said[1], said[2:]
    for utterance, sentence in zip(with_percent + dated, sentences):
        assert "%" not in utterance.text
        assert "(en)" not in sentence or "(en)" in phonemes(language, utterance.shown)[0]
    for sentence in sentences[:-1]:
        assert heard_in(normalise_phonemes(unit), normalise_phonemes(sentence)), sentence
    assert heard_in(normalise_phonemes(name), normalise_phonemes(sentences[-1])), sentences[-1]
    for u in utterances:  # the highlight still marks the characters on screen
        if u.mark is not None:
            assert texts[u.mark.name][u.mark.start:u.mark.end] == u.shown


@pytest.mark.parametrize("language", ["el", "bg", "uk"])
def test_codes_are_spelled_in_the_languages_own_voice(repository_catalogs, language) -> None:
    """Greek, Bulgarian and Ukrainian voices hand Latin letters to the English voice; spelled
    with the catalog's letter names they stay in the language's voice."""
    raw, said = phonemes(language, "EMA/H/C/005843", speakable("EMA/H/C/005843", language).spoken)
    assert "(en)" in raw
    assert "(en)" not in said and "(" not in said


def test_a_voice_eSpeak_cannot_read_is_reported_and_the_others_still_answer() -> None:
    answers = text_to_phonemes([("gmw/de", ["10 %"]), ("no/such-voice", ["10 %"]),
                                ("sem/mt", ["10 fil-mija"])])
    assert answers["no/such-voice"].error and not answers["no/such-voice"].phonemes
    assert normalise_phonemes(answers["gmw/de"].phonemes[0]) == "tsenprotsent"
    assert answers["sem/mt"].error is None and "mI" in answers["sem/mt"].phonemes[0]


def test_bad_data_ends_only_the_child(tmp_path: Path) -> None:
    """eSpeak NG given broken data fails in the child process; the caller gets an error per voice."""
    import espeakng_loader

    package = Path(espeakng_loader.__file__).parent
    data = tmp_path / "espeak-ng-data"
    data.mkdir()
    for entry in (package / "espeak-ng-data").iterdir():
        (data / entry.name).symlink_to(entry)
    (data / "phondata").unlink()
    (data / "phondata").write_bytes(b"not phoneme data" * 64)
    answers = text_to_phonemes([("gmw/de", ["10 %"]), ("sem/mt", ["10%"])],
                               str(package / "libespeak-ng.so.1"), str(data))
    assert set(answers) == {"gmw/de", "sem/mt"}
    assert all(a.error and "eSpeak NG exited" in a.error for a in answers.values())
