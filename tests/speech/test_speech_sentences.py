"""Sentence splitting: the offsets the UI highlights must match what is spoken."""

from __future__ import annotations

import re

import pytest

from kiosk.speech.sentences import Sentence, split_sentences


def texts(text: str, language: str = "en") -> list[str]:
    return [s.text for s in split_sentences(text, language)]


def assert_consistent(text: str, sentences: list[Sentence]) -> None:
    """Offsets point at the text; no empty sentence; all non-space text covered once, in order."""
    previous_end = 0
    for s in sentences:
        assert s.text, "empty sentence"
        assert s.text == text[s.start : s.end]
        assert s.text == s.text.strip()
        assert s.start >= previous_end
        assert text[previous_end : s.start].strip() == "", "non-space text left out"
        previous_end = s.end
    assert text[previous_end:].strip() == ""
    assert re.sub(r"\s", "", "".join(s.text for s in sentences)) == re.sub(r"\s", "", text)


def test_overview_sentences_exact(overview) -> None:
    section = overview.sections[0]
    got = texts(section.paragraphs[0])
    assert got == [
        "Opzelura is a medicine used for treating non-segmental vitiligo, a disease that causes "
        "patches of skin to lose colour on both sides of the body.",
        "In patients with vitiligo, the immune system (the body's natural defences) attacks "
        "melanocytes (the skin cells that make pigment), causing patches of pale pink or white "
        "skin (depigmentation).",
        "Opzelura is used in adults and adolescents from 12 years of age with non-segmental "
        "vitiligo that also affects the face.",
    ]


def test_every_overview_paragraph_is_consistent(overview) -> None:
    count = 0
    for section in overview.sections:
        for paragraph in section.paragraphs:
            sentences = split_sentences(paragraph, "en")
            assert_consistent(paragraph, sentences)
            count += len(sentences)
            for s in sentences:
                # Every sentence of this document ends with a full stop, and none is a fragment.
                assert s.text.endswith("."), s.text
                assert len(s.text) > 20, s.text
    assert count == 31


def find(overview, fragment: str) -> str:
    for section in overview.sections:
        for paragraph in section.paragraphs:
            if fragment in paragraph:
                return paragraph
    raise AssertionError(f"{fragment!r} not in the overview")


@pytest.mark.parametrize("fragment", ["(JAK) 1 and 2", "(F-VASI75)", "around 31% of", "(T-VASI50)"])
def test_document_fragments_stay_inside_one_sentence(overview, fragment: str) -> None:
    paragraph = find(overview, fragment)
    hits = [s for s in split_sentences(paragraph) if fragment in s.text]
    assert len(hits) == 1


def test_address_dots_do_not_split_but_the_final_dot_does(overview) -> None:
    paragraph = find(overview, "ema.europa.eu")
    got = texts(paragraph)
    assert got[0] == ("Further information on Opzelura can be found on the Agency's website: "
                      "ema.europa.eu/medicines/human/EPAR/opzelura.")
    got = texts("See ema.europa.eu/medicines/human/EPAR/opzelura. Then ask your doctor.")
    assert got == ["See ema.europa.eu/medicines/human/EPAR/opzelura.", "Then ask your doctor."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Reference EMA/100444/2023. Next sentence.", ["Reference EMA/100444/2023.", "Next sentence."]),
        ("Apply 0.5 g. Wash hands.", ["Apply 0.5 g.", "Wash hands."]),
        ("Around 31% improved. Others did not.", ["Around 31% improved.", "Others did not."]),
        ("Use e.g. a cream. Or i.e. nothing.", ["Use e.g. a cream.", "Or i.e. nothing."]),
        ("Ask Dr. Smith. She knows.", ["Ask Dr. Smith.", "She knows."]),
        ("Creams, gels, etc. are fine. Tablets are not.", ["Creams, gels, etc. are fine.", "Tablets are not."]),
        ("We used creams etc. Then we stopped.", ["We used creams etc.", "Then we stopped."]),
        ("Is it safe? Yes! Really?! Yes.", ["Is it safe?", "Yes!", "Really?!", "Yes."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("(See the leaflet.) Then ask.", ["(See the leaflet.)", "Then ask."]),
        ('She asked "why?" and left.', ['She asked "why?" and left.']),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("See No. 5 in the list. It helps.", ["See No. 5 in the list.", "It helps."]),
        ("No trailing full stop", ["No trailing full stop"]),
        ("First line.\n\nSecond block without stop\n\nThird.", ["First line.", "Second block without stop", "Third."]),
        ("   ", []),
        ("", []),
    ],
)
def test_english_cases(text: str, expected: list[str]) -> None:
    got = split_sentences(text, "en")
    assert [s.text for s in got] == expected
    assert_consistent(text, got)


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Das hilft z. B. bei Akne. Die Studie lief lange.", "de",
         ["Das hilft z. B. bei Akne.", "Die Studie lief lange."]),
        ("Das ist d. h. Teil der Therapie. Fertig.", "de", ["Das ist d. h. Teil der Therapie.", "Fertig."]),
        ("Zugelassen am 19. April 2023. Die EMA prüft weiter.", "de",
         ["Zugelassen am 19. April 2023.", "Die EMA prüft weiter."]),
        ("Im Jahr 2023. Die Studie endete.", "de", ["Im Jahr 2023.", "Die Studie endete."]),
        ("Etwa 1,5 % der Patienten. Danach nicht.", "de", ["Etwa 1,5 % der Patienten.", "Danach nicht."]),
        ("Godkendt den 19. april 2023. Det er godt.", "da", ["Godkendt den 19. april 2023.", "Det er godt."]),
        ("Voir p. ex. M. Dupont. Fin.", "fr", ["Voir p. ex. M. Dupont.", "Fin."]),
        ("¿Es seguro? ¡Sí! Vale.", "es", ["¿Es seguro?", "¡Sí!", "Vale."]),
        ("Mluvte s lékařem, např. MUDr. Novákem. Konec.", "cs",
         ["Mluvte s lékařem, např. MUDr. Novákem.", "Konec."]),
        ("Bruk f.eks. krem. Ferdig.", "nb", ["Bruk f.eks. krem.", "Ferdig."]),
        ("Δείτε π.χ. το φύλλο οδηγιών. Τέλος.", "el", ["Δείτε π.χ. το φύλλο οδηγιών.", "Τέλος."]),
        ("Вижте напр. листовката. Край.", "bg", ["Вижте напр. листовката.", "Край."]),
    ],
)
def test_other_languages(text: str, language: str, expected: list[str]) -> None:
    got = split_sentences(text, language)
    assert [s.text for s in got] == expected
    assert_consistent(text, got)


def test_german_ordinal_rule_is_language_specific() -> None:
    # English does not write ordinals with a dot: "in 19. April" is two sentences there.
    assert len(split_sentences("Born on day 19. April came later.", "en")) == 2
    assert len(split_sentences("Geboren am 19. April kam später.", "de")) == 1


def test_offsets_survive_leading_whitespace_and_newlines() -> None:
    text = "  One here.\n Two there.  "
    got = split_sentences(text)
    assert [(s.start, s.end) for s in got] == [(2, 11), (13, 23)]
    assert_consistent(text, got)
