"""Each check on a small catalog that breaks exactly one rule, and a clean one that passes."""

from __future__ import annotations

import pytest

from lang_helpers import make_catalog, write_catalog
from kiosk.commands.check import format_report
from kiosk.commands import voice_check
from kiosk.languages import catalog_reading, checks
from kiosk.languages.catalog_reading import check_msgfmt, load_catalog
from kiosk.languages.checks import run_checks
from kiosk.languages.entry_checks import (
    check_completeness,
    check_numbers,
    check_text_safety,
    check_up_to_date,
)
from kiosk.languages.placeholders import check_placeholders
from kiosk.languages.plural_forms import check_plural_forms
from kiosk.languages.registry import SUPPORTED_LANGUAGES
from kiosk.languages.templates import Templates

needs_msgfmt = pytest.mark.skipif(
    catalog_reading.msgfmt_command() is None,
    reason="msgfmt (GNU gettext) is not installed: apt-get install gettext",
)

UI = [
    ("Go back one step", "Einen Schritt zurück"),
    ("Section {number} of {total}", "Abschnitt {number} von {total}"),
    ("Hello %(name)s", "Hallo %(name)s"),
]


def ui_template():
    return make_catalog(None, [(m, "") for m, _ in UI])


def only(problems, check):
    found = [p for p in problems if p.check == check]
    assert found, f"expected a {check} problem, got {problems}"
    return found


def test_a_clean_catalog_passes_every_check(tmp_path):
    path = write_catalog(tmp_path, "de", "kiosk", make_catalog("de", UI))
    report = run_checks(tmp_path, tmp_path / "no-content", ["de"],
                        templates=Templates({"kiosk": ui_template()}))
    assert report.problems == [], "\n".join(map(str, report.problems))
    stats = report.stats[("de", "kiosk")]
    assert (stats.entries, stats.translated, stats.fuzzy, stats.untranslated) == (3, 3, 0, 0)
    assert path.is_file()


def test_brace_placeholder_renamed_is_named(tmp_path):
    bad = make_catalog("de", [("Section {number} of {total}", "Abschnitt {nummer} von {total}")])
    problems = check_placeholders(bad, "de", "kiosk")
    assert [(p.language, p.domain, p.entry, p.check) for p in problems] == [
        ("de", "kiosk", '"Section {number} of {total}"', "placeholders")] * 2
    assert "unknown placeholder {nummer}" in problems[0].message
    assert "{number}" in problems[1].message and "missing" in problems[1].message


def test_brace_placeholder_missing_and_broken(tmp_path):
    missing = check_placeholders(
        make_catalog("fr", [("Section {number} of {total}", "Section {number}")]), "fr", "kiosk")
    assert "{total}" in only(missing, "placeholders")[0].message
    broken = check_placeholders(
        make_catalog("fr", [("Section {number} of {total}", "Section {number of {total}")]),
        "fr", "kiosk")
    assert "broken" in only(broken, "placeholders")[0].message


def test_percent_placeholders_checked(tmp_path):
    named = check_placeholders(make_catalog("de", [("Hello %(name)s", "Hallo %(nom)s")]), "de", "kiosk")
    assert "%(nom)s" in only(named, "placeholders")[0].message
    positional = check_placeholders(make_catalog("de", [("%s of %d", "%s von")]), "de", "kiosk")
    assert only(positional, "placeholders")[0].entry == '"%s of %d"'


def test_document_text_is_not_a_format_string():
    """ "10% of" is a percentage: "10 Prozent" must not be a placeholder error."""
    doc = make_catalog("de", [("more than 10% of the body", "mehr als 10 Prozent des Körpers")],
                       domain="doc-testium")
    assert check_placeholders(doc, "de", "doc-testium") == []


@needs_msgfmt
def test_msgfmt_rejects_a_broken_brace_placeholder_and_names_the_entry(tmp_path):
    path = write_catalog(tmp_path, "de", "kiosk", make_catalog("de", [
        ("Go back one step", "Einen Schritt zurück"),
        ("Section {number} of {total}", "Abschnitt {nummer} von {total}"),
    ]))
    catalog, _ = load_catalog(path, "de", "kiosk")
    problems = check_msgfmt(path, "de", "kiosk", catalog)
    assert problems
    assert all(p.check == "msgfmt" and p.language == "de" for p in problems)
    assert any("Section {number} of {total}" in p.entry for p in problems), problems


@needs_msgfmt
def test_msgfmt_accepts_document_percent_after_update_flags(tmp_path):
    doc = make_catalog("de", [("more than 10% of the body", "mehr als 10 Prozent")],
                       domain="doc-testium")
    path = write_catalog(tmp_path, "de", "doc-testium", doc)
    assert check_msgfmt(path, "de", "doc-testium") == []


def test_msgfmt_missing_is_reported_as_a_warning_not_a_pass(tmp_path, monkeypatch):
    write_catalog(tmp_path, "de", "kiosk", make_catalog("de", UI))
    monkeypatch.setattr(checks, "msgfmt_command", lambda: None)
    report = run_checks(tmp_path, tmp_path, ["de"], templates=Templates({"kiosk": ui_template()}))
    assert any("msgfmt" in w and "could not run" in w for w in report.warnings)
    assert "WARNING" in format_report(report)


def test_unreadable_catalog_is_a_parse_problem(tmp_path):
    path = tmp_path / "de" / "LC_MESSAGES" / "kiosk.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid "a"\nmsgstr "b"\nthis is not po\n', encoding="utf-8")
    catalog, problems = load_catalog(path, "de", "kiosk")
    assert catalog is None
    assert problems[0].check == "parse" and problems[0].language == "de"


def test_plural_forms_counted_against_the_catalogs_own_header(tmp_path):
    path = write_catalog(tmp_path, "uk", "kiosk", make_catalog("uk", []))
    with path.open("a", encoding="utf-8") as fh:  # Babel would pad the forms: write by hand
        fh.write('\nmsgid "{n} section"\nmsgid_plural "{n} sections"\n'
                 'msgstr[0] "{n} розділ"\nmsgstr[1] "{n} розділи"\n')
    loaded, _ = load_catalog(path, "uk", "kiosk")
    assert len(loaded.get("{n} section").string) == 3  # Babel pads: the check counts the file
    problems = check_plural_forms(loaded, "uk", "kiosk", path)
    [problem] = only(problems, "plural-forms")
    assert problem.entry == '"{n} section"' and "needs 3" in problem.message

    # a header that is not CLDR's is not an entry problem: its forms count
    older = write_catalog(tmp_path, "pl", "kiosk", make_catalog("pl", [("a", "b")]),
                          raw_header_plural="nplurals=2; plural=(n != 1);")
    with older.open("a", encoding="utf-8") as fh:
        fh.write('\nmsgid "{n} file"\nmsgid_plural "{n} files"\n'
                 'msgstr[0] "{n} plik"\nmsgstr[1] "{n} pliki"\n')
    loaded, _ = load_catalog(older, "pl", "kiosk")
    assert check_plural_forms(loaded, "pl", "kiosk", older) == []

    missing = write_catalog(tmp_path, "fr", "kiosk",
                            make_catalog("fr", [(("{n} file", "{n} files"), ("a", "b"))]),
                            raw_header_plural="")
    loaded, _ = load_catalog(missing, "fr", "kiosk")
    assert "no Plural-Forms" in check_plural_forms(loaded, "fr", "kiosk", missing)[0].message


def test_equivalent_plural_expression_is_accepted(tmp_path):
    path = write_catalog(tmp_path, "de", "kiosk", make_catalog("de", [("a", "b")]),
                         raw_header_plural="nplurals=2; plural=n!=1;")
    loaded, _ = load_catalog(path, "de", "kiosk")
    assert check_plural_forms(loaded, "de", "kiosk") == []


def test_untranslated_and_fuzzy_entries_are_each_named():
    catalog = make_catalog("fi", [
        ("Go back one step", ""),
        ("Next section", "Seuraava osio", {"fuzzy": True, "previous": "Next part"}),
        ("Help", "Ohje"),
    ])
    problems = check_completeness(catalog, "fi", "kiosk")
    assert [(p.entry, p.check) for p in problems] == [
        ('"Go back one step"', "untranslated"), ('"Next section"', "fuzzy")]
    assert "changed" in problems[1].message


def test_out_of_date_catalog_names_missing_and_obsolete_entries():
    template = make_catalog(None, [("Go back one step", ""), ("Help", "")])
    catalog = make_catalog("sv", [("Go back one step", "Gå tillbaka"), ("Old text", "Gammal")])
    problems = check_up_to_date(catalog, template, "sv", "kiosk")
    assert {(p.entry, "missing" in p.message, "obsolete" in p.message) for p in problems} == {
        ('"Help"', True, False), ('"Old text"', False, True)}


def test_number_parity_names_unit_key_and_number():
    catalog = make_catalog("de", [(
        "The 2 studies involved a total of 661 patients.",
        "Die 2 Studien umfassten insgesamt 616 Patienten.",
        {"comments": ["s4.p3: paragraph"]},
    )], domain="doc-testium")
    [problem] = check_numbers(catalog, "de", "doc-testium")
    assert problem.check == "numbers" and problem.language == "de"
    assert problem.entry.startswith("s4.p3 ")
    assert "661" in problem.message and "616" in problem.message


def test_control_characters_and_markup_are_flagged():
    catalog = make_catalog("it", [
        ("Go back one step", "Torna \x1b[31mindietro"),
        ("Help", "[bold]Aiuto[/bold]"),
        ("Press [Enter]", "Premere [Invio]"),
    ])
    problems = check_text_safety(catalog, "it", "kiosk")
    assert [(p.entry, p.check) for p in problems] == [
        ('"Go back one step"', "unsafe-text"), ('"Help"', "markup"), ('"Press [Enter]"', "markup")]
    assert "ESCAPE" in problems[0].message or "U+001B" in problems[0].message


def test_missing_catalog_is_a_problem_with_its_size(tmp_path):
    report = run_checks(tmp_path, tmp_path, ["nb"], templates=Templates({"kiosk": ui_template()}))
    [problem] = [p for p in report.problems if p.check == "up-to-date"]
    assert problem.language == "nb" and "missing" in problem.message and "3 texts" in problem.message
    assert report.stats[("nb", "kiosk")].untranslated == 3


def test_every_language_has_a_speech_voice():
    missing = {}
    for code in SUPPORTED_LANGUAGES:
        problems, warnings = voice_check.check_voice(code)
        assert not warnings, warnings  # the bundled eSpeak NG data is always there
        if problems:
            missing[code] = problems[0].message
    assert not missing, missing
