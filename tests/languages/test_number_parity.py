"""Numbers of a translation against the English, in each language's notation."""

from __future__ import annotations

import pytest

from kiosk.languages.number_parity import compare_numbers, find_numbers

S4P3 = ("The 2 studies involved a total of 661 patients with non-segmental vitiligo. On "
        "average, around 31% of patients who received Opzelura achieved an improvement of at "
        "least 75% in the pigmentation of their face after 6 months of treatment, compared with "
        "around 10% of those who received placebo.")


@pytest.mark.parametrize("language, translation", [
    ("de", "Die 2 Studien umfassten insgesamt 661 Patienten mit nicht-segmentaler Vitiligo. "
           "Im Durchschnitt erreichten etwa 31 % der Patienten, die Opzelura erhielten, nach "
           "6 Monaten eine Verbesserung von mindestens 75 % der Pigmentierung ihres Gesichts, "
           "verglichen mit etwa 10 % der Patienten, die Placebo erhielten."),
    ("fr", "Les 2 études ont porté sur 661 patients. En moyenne, environ 31\u202f% des patients "
           "ont obtenu une amélioration d’au moins 75\u00a0% après 6 mois, contre environ "
           "10\u202f% de ceux ayant reçu le placebo."),
    ("tr", "2 çalışmaya toplam 661 hasta katıldı. Ortalama %31 hastada 6 ay sonra en az %75 "
           "iyileşme görüldü, plasebo alanlarda ise %10."),
])
def test_percent_and_spacing_styles_pass(language, translation):
    assert not compare_numbers(S4P3, translation, language)


def test_missing_number_fails_and_is_named():
    result = compare_numbers(S4P3, "Die 2 Studien umfassten 661 Patienten; etwa 31 % nach "
                                   "6 Monaten mindestens 75 %.", "de")
    assert result.missing == ("10%",) or result.missing == ("10",)
    assert "10" in result.describe()


def test_changed_number_fails_naming_both():
    result = compare_numbers(S4P3, S4P3.replace("661", "616"), "en")
    assert result.missing == ("661",)
    assert result.extra == ("616",)
    assert "661" in result.describe() and "616" in result.describe()


def test_number_written_as_a_word_is_missing():
    assert compare_numbers("In 2 main studies", "In zwei Hauptstudien", "de").missing == ("2",)


@pytest.mark.parametrize("source, translation", [
    ("valid throughout the EU on 19 April 2023.", "am 19. April 2023 erteilt."),
    ("valid throughout the EU on 19 April 2023.", "2023. április 19-én."),
    ("last updated in 04-2023.", "zuletzt aktualisiert: 04-2023."),
    ("last updated in 04-2023.", "päivitetty 4/2023."),
    ("a dose of 10.5 mg", "eine Dosis von 10,5 mg"),
    ("in 1,000 people", "bei 1.000 Personen"),
    ("in 1,000 people", "chez 1\u202f000 personnes"),
    ("in 1,000 people", "hos 1000 personer"),
    ("(F-VASI75) and JAK1 and JAK2", "(F-VASI75) og JAK1 og JAK2"),
    ("up to 1 in 10 people", "do 1 na 10 osób"),
])
def test_language_number_formats_are_equivalent(source, translation):
    assert not compare_numbers(source, translation), compare_numbers(source, translation)


def test_changed_decimal_fails():
    assert compare_numbers("a dose of 10.5 mg", "eine Dosis von 10,6 mg").missing == ("10.5",)


def test_find_numbers_reads_english_rules():
    values = [n.value for n in find_numbers("661 patients, 1,000 people, 10.5 mg, 04-2023")]
    assert [str(v) for v in values] == ["661", "1E+3", "10.5", "4", "2023"]


def test_interface_strings_may_add_a_digit_but_medical_text_may_not() -> None:
    """German keyboards label Home "Pos1"; an added number in medical text is an error."""
    from babel.messages.catalog import Catalog

    from kiosk.languages.entry_checks import check_numbers

    ui = Catalog(locale="de", domain="kiosk")
    ui.add("Home", "Pos1")
    ui.add("Section {number} of 8", "Abschnitt {number} von 9")
    problems = check_numbers(ui, "de", "kiosk")
    assert [p.entry for p in problems] == ['"Section {number} of 8"']
    assert "8" in problems[0].message

    doc = Catalog(locale="de", domain="doc-opzelura")
    doc.add("Apply twice a day.", "Zweimal täglich, 2 Wochen lang, auftragen.")
    problems = check_numbers(doc, "de", "doc-opzelura")
    assert len(problems) == 1 and "2" in problems[0].message
