"""What speech says for numbers on screen: every kind rewritten, nothing else touched, offsets kept.

These tests run the rules with the English forms and with the repository's
own catalogs (the spoken forms translators review); the eSpeak NG tests of
what the voices then really say are in test_spoken_phonemes.py.
"""

from __future__ import annotations

import gettext

import pytest

from kiosk.languages.spoken_forms import LETTERS, forms_from, parse_abbreviations, parse_letters
from kiosk.speech.commands import ReadItem, reading_sequence
from kiosk.speech.spoken_text import cue_words, speakable
from kiosk.speech.utterances import utterances_of

ENGLISH = forms_from(gettext.NullTranslations(), "en")


def spoken(text: str, language: str = "en", forms=ENGLISH) -> str:
    return speakable(text, language, forms).spoken


@pytest.mark.parametrize(("shown", "said"), [
    ("more than 10% of the body", "more than 10 percent of the body"),
    ("around 31 % of", "around 31 percent of"),
    ("around 31\u00a0% of", "around 31 percent of"),
    ("1.5% cream", "1.5 percent cream"),
    ("vücudun %10’undan", "vücudun 10 percent’undan"),  # the sign before (Turkish), suffix kept
    ("10–20 % of", "10 to 20 percent of"),
    ("10 %:lle", "10 percentlle"),  # a case ending on the sign joins the word (no English one)
    ("up to 1/10 people", "up to 1 in 10 people"),
    ("≥1/1,000", "≥1 in 1000"),
    ("aged 12-17 years", "aged 12 to 17 years"),
    ("aged 12 – 17 years", "aged 12 to 17 years"),
    ("1 … 8: go to a section", "1 to 8: go to a section"),
    ("last updated in 04-2023.", "last updated in April 2023."),
    ("updated 04/2023 and 12.2019", "updated April 2023 and December 2019"),
    ("2023-04", "April 2023"),
    ("f’04-2023", "f’April 2023"),  # Maltese elided preposition
    ("(F-VASI75)", "(F, V, A, S, I, 75)"),
    ("EMA/H/C/005843", "E, M, A, H, C, 0 0 5 8 4 3"),
    ("EMA/100444/2023.", "E, M, A, 1 0 0 4 4 4, 2 0 2 3."),
    ("blocking JAK1 and JAK2", "blocking J, A, K, 1 and J, A, K, 2"),
    ("l-JAK1", "l-J, A, K, 1"),  # after a Maltese article
    ("Help: F1", "Help: F, 1"),
])
def test_every_kind_of_number_is_said_in_words(shown: str, said: str) -> None:
    assert spoken(shown) == said


@pytest.mark.parametrize("text", [
    "The 2 studies involved a total of 661 patients.",
    "Janus kinase (JAK) 1 and 2, interferon-gamma (IFN-gamma).",
    "ema.europa.eu/medicines/human/EPAR/opzelura",
    "on 19 April 2023",
    "0.5 or 0,5 or 1,000",
    "17-12 (a score, not a range)",
    "a 12-aastastel noorukitel",
    "1/10/2023",
    "mRNA-1273 and pH 5",
    "",
])
def test_everything_else_is_said_as_written(text: str) -> None:
    assert spoken(text) == text


def test_parts_keep_offsets_into_both_texts() -> None:
    text = "On 04-2023, 31% (F-VASI75) of 12-17 year olds; EMA/H/C/005843."
    result = speakable(text, "en", ENGLISH)
    assert [p.kind for p in result.parts] == ["date", "percent", "code", "range", "code"]
    for part in result.parts:
        assert text[part.start:part.end] == part.shown
        assert result.spoken[part.spoken_start:part.spoken_end] == part.spoken
        assert result.shown_offset(part.spoken_start) == part.start
    # outside the parts, a character of the spoken text is the same one on screen
    for i, ch in enumerate(result.spoken):
        if not any(p.spoken_start <= i < p.spoken_end for p in result.parts):
            assert text[result.shown_offset(i)] == ch


def test_cues_are_the_words_that_carry_the_unit() -> None:
    assert cue_words("{number} fil-mija") == ("fil-mija",)
    assert cue_words("yüzde {number}") == ("yüzde",)
    assert cue_words("{number}%") == ()
    result = speakable("10–20 % in 04-2023", "en", ENGLISH)
    assert [p.cues for p in result.parts] == [("percent", "to"), ("April",)]


def test_a_translation_that_lost_its_field_falls_back_to_the_english_form() -> None:
    class Broken(gettext.NullTranslations):
        def npgettext(self, context, singular, plural, n):
            return "fil-mija"  # the number is gone

        def pgettext(self, context, message):
            return {"{first} to {last}": "sa"}.get(message, message)

    forms = forms_from(Broken(), "mt")
    assert spoken("10% and 12-17", "mt", forms) == "10 percent and 12 to 17"


def test_letter_and_abbreviation_lists_parse_or_are_refused() -> None:
    assert parse_letters(LETTERS)["Q"] == "Q"
    czech = parse_letters("á, bé, cé, dé, é, ef, gé, há, í, jé, ká, el, em, en, ó, pé, kvé, er, "
                          "es, té, ú, vé, dvojité vé, iks, ypsilon, zet")
    assert czech["W"] == "dvojité vé"
    assert parse_letters("a, b, c") is None
    assert parse_abbreviations("r. = roku") == (("r.", "roku"),)
    assert parse_abbreviations("m. = metų; d. = dienos") == (("m.", "metų"), ("d.", "dienos"))
    assert parse_abbreviations("-") == () and parse_abbreviations("(none)") == ()
    assert parse_abbreviations("r. =") is None and parse_abbreviations("x; r. = roku") is None


# --- with the repository's catalogs: the forms translators review ----------------------------

@pytest.mark.parametrize(("language", "shown", "said"), [
    ("mt", "aktar minn 10% tal-ġisem", "aktar minn 10 fil-mija tal-ġisem"),
    ("cs", "1 %, 2 %, 10 %", "1 procento, 2 procenta, 10 procent"),
    ("uk", "31%, 22% і 10%", "31 відсоток, 22 відсотки і 10 відсотків"),
    ("sl", "1 %, 2 %, 3 %, 5 %", "1 odstotek, 2 odstotka, 3 odstotki, 5 odstotkov"),
    ("tr", "vücudun %10’undan", "vücudun yüzde 10’undan"),
    ("is", "10 %", "10 prósent"),
    ("hu", "legalább 50%-kal javult a 22%-ánál", "legalább 50 százalékkal javult a 22 százalékánál"),
    ("fi", "yli 10 %:lle kehon", "yli 10 prosentille kehon"),
    ("et", "10%-le kehast, 6%-ga", "10 protsendile kehast, 6 protsendiga"),
    ("de", "die 10-%-Grenze", "die 10-%-Grenze"),  # a sign inside a compound is left to the voice
    ("de", "zuletzt im 04-2023 aktualisiert", "zuletzt im April 2023 aktualisiert"),
    ("cs", "aktualizován v 04-2023.", "aktualizován v dubnu 2023."),
    ("hu", "utoljára 04-2023-ban frissült", "utoljára 2023 áprilisában frissült"),
    ("uk", "19 квітня 2023 р.", "19 квітня 2023 року."),
    ("lt", "2023 m. balandžio 19 d.", "2023 metų balandžio 19 dienos."),
    ("pl", "w dniu 19 kwietnia 2023 r.", "w dniu 19 kwietnia 2023 roku."),
    ("pl", "2023 r. w UE", "2023 roku w UE"),
    ("el", "(F-VASI75)", "(εφ, βι, έι, ες, άι, 75)"),
    ("bg", "EMA/H/C/005843", "е, ем, а, ха, це, 0 0 5 8 4 3"),
    ("hu", "12-17 éves", "12–17 éves"),  # Hungarian eSpeak says "minus" for "-", not for "–"
])
def test_the_catalogs_spoken_forms_are_used(repository_catalogs, language, shown, said) -> None:
    assert speakable(shown, language).spoken == said


def test_utterances_say_the_spoken_form_and_marks_point_at_the_shown_sentence(
        repository_catalogs, overview) -> None:
    """The Maltese reading of section 2: the 10% sentence is heard with "fil-mija", and its
    mark still highlights exactly the sentence on screen that shows "10%"."""
    from kiosk.languages.document_catalog import localize_document

    local = localize_document(overview, "mt")
    section = local.sections[1]
    items = [ReadItem(text.key, text.text, text.language)
             for block in section.blocks for text in block.texts]
    sequence = reading_sequence(items, "mt")
    utterances = utterances_of(sequence)
    texts = {item.key: item.text for item in items}
    percent = [u for u in utterances if "fil-mija" in u.text]
    assert len(percent) == 1
    utterance = percent[0]
    shown = texts[utterance.mark.name][utterance.mark.start:utterance.mark.end]
    assert shown == utterance.shown
    assert "10%" in shown and "%" not in utterance.text
    assert utterance.text == shown.replace("10%", "10 fil-mija")
    for u in utterances:  # every mark still names the characters its utterance was made from
        if u.mark is not None:
            assert texts[u.mark.name][u.mark.start:u.mark.end] == u.shown


def test_an_english_paragraph_in_a_maltese_reading_uses_the_english_forms(
        repository_catalogs) -> None:
    items = [ReadItem("a", "Aktar minn 10% tal-ġisem."),
             ReadItem("b", "More than 10% of the body.", language="en")]
    said = [(u.language, u.text) for u in utterances_of(reading_sequence(items, "mt"))]
    assert said == [("mt", "Aktar minn 10 fil-mija tal-ġisem."),
                    ("en", "More than 10 percent of the body.")]


def test_the_narrator_says_spoken_forms_in_announcements_and_readings(repository_catalogs) -> None:
    """Every caller gets it: an announcement (say) and a reading (read) through the narrator."""
    from kiosk.speech import Narrator, SpeechSettings
    from speech_fakes import Events, FakeAudio, FakeSynth

    synth, audio, events = FakeSynth(), FakeAudio(), Events()
    narrator = Narrator(SpeechSettings(), on_event=events, synth_factory=lambda s, log: synth,
                        audio_factory=lambda s, log: audio)
    try:
        text = "Nicht auf mehr als 10 % auftragen. Zuletzt im 04-2023 aktualisiert."
        said = narrator.say("Produktnummer: EMA/H/C/005843", "de")
        assert audio.wait_started(1) == ["Produktnummer: E, M, A, H, C, 0 0 5 8 4 3"]
        audio.finish()
        assert events.wait_done(said) is True
        reading = narrator.read([ReadItem("s2.p2", text)], "de")
        assert audio.wait_started(2)[-1] == "Nicht auf mehr als 10 Prozent auftragen."
        audio.finish()
        assert audio.wait_started(3)[-1] == "Zuletzt im April 2023 aktualisiert."
        audio.finish()
        assert events.wait_done(reading) is True
        assert [text[m[2]:m[3]] for m in events.marks] == [
            "Nicht auf mehr als 10 % auftragen.", "Zuletzt im 04-2023 aktualisiert."]
    finally:
        narrator.close()
