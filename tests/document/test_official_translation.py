"""The EMA's own translations into the document catalogs (issue 10).

Round trip: the shipped translations of the Opzelura overview
(locales/<lang>/LC_MESSAGES/doc-opzelura.po) are laid out as the EMA would
publish them (a PDF per language, headings in that language, the contact
block in English and the copyright line in the language), imported back with
``kiosk import FILE --translation-of opzelura`` into empty catalogs in a tmp
folder, and must match the shipped catalog entry for entry: a Latin
(German), a Greek and a Cyrillic (Bulgarian) language, plus Finnish text
copied out of a PDF.

One allowance: a PDF's text layer gives a no-break space ("75\u00a0%") back
as an ordinary space (the font has one glyph for both, as in the agency's
word-processor PDFs), so no-break spaces compare as spaces.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from doc_paths import OPZELURA_CONTENT, REPO
from ema_pdf import overview_from_document, write_overview_pdf
from import_helpers import INPUTS
from kiosk.cli import main as kiosk_main
from kiosk.config import ConfigError, KioskConfig, config_from_dict
from kiosk.document.source_format import load_document
from kiosk.languages import translator
from kiosk.languages.document_catalog import localize_document
from kiosk.languages.medical_text import medical_text_status, provenance_report
from kiosk.languages.provenance import KIOSK_NOTE, OFFICIAL_NOTE, load_provenance

SHIPPED = REPO / "locales"
COPYRIGHT = {
    "el": "© Ευρωπαϊκός Οργανισμός Φαρμάκων, 2023. Επιτρέπεται η αναπαραγωγή υπό τον όρο ότι "
          "αναφέρεται η πηγή.",
    "bg": "© Европейска агенция по лекарствата, 2023. Възпроизвеждането е разрешено при "
          "позоваване на източника.",
    "de": "© Europäische Arzneimittel-Agentur, 2023. Nachdruck mit Angabe der Quelle "
          "gestattet.",
}
PAGE = {"el": "Σελίδα", "bg": "Страница", "de": "Seite"}


def same_spaces(entries: dict[str, str]) -> dict[str, str]:
    return {k: v.replace("\u00a0", " ").replace("\u202f", " ") for k, v in entries.items()}


def shipped_translations(language: str) -> dict[str, str]:
    with (SHIPPED / language / "LC_MESSAGES" / "doc-opzelura.po").open("rb") as fh:
        catalog = read_po(fh, locale=language)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def written_translations(locales: Path, language: str, slug: str = "opzelura") -> dict[str, str]:
    with (locales / language / "LC_MESSAGES" / f"doc-{slug}.po").open("rb") as fh:
        catalog = read_po(fh, locale=language)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


@pytest.fixture
def kiosk_dirs(tmp_path):
    content, locales = tmp_path / "content", tmp_path / "locales"
    shutil.copytree(OPZELURA_CONTENT.parent, content / "opzelura")
    locales.mkdir()
    return content, locales


def ema_pdf(language: str, folder: Path, change=lambda text: text) -> Path:
    """The overview in ``language`` as the EMA lays it out."""
    document = load_document(OPZELURA_CONTENT)
    translations = shipped_translations(language)
    substance = translations["Opzelura contains the active substance ruxolitinib."]
    substance = substance.rstrip(".").split()[-1]
    overview = overview_from_document(
        document, lambda text: change(translations[text]), title=f"Opzelura ({substance})",
        copyright=COPYRIGHT[language], page_word=PAGE[language])
    return write_overview_pdf(overview, folder / f"opzelura-{language}.pdf")


def run_import(capsys, pdf: Path, content: Path, locales: Path, *extra: str):
    code = kiosk_main(["import", str(pdf), "--translation-of", "opzelura", "--output",
                       str(content), "--locales", str(locales), *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("language", ["de", "el", "bg"])
def test_round_trip_of_the_shipped_translation_through_an_ema_pdf(language, kiosk_dirs,
                                                                 tmp_path, capsys) -> None:
    content, locales = kiosk_dirs
    pdf = ema_pdf(language, tmp_path)
    code, out, err = run_import(capsys, pdf, content, locales)  # language detected
    assert code == 0, err
    assert err == ""
    expected = shipped_translations(language)
    written = written_translations(locales, language)
    assert len(expected) == len(list(load_document(OPZELURA_CONTENT).units()))
    assert same_spaces(written) == same_spaces(expected)  # entry for entry
    assert f"({language})" in out and "Aligned: 29 of 29 units, numbers checked" in out
    record = load_provenance(locales, language, "doc-opzelura")
    assert record.status == "official" and record.translator == "European Medicines Agency"
    assert len(record.official_entries) == 29
    status = medical_text_status(locales, language, "opzelura")
    assert (status.status, status.official, status.translated) == ("official", 29, 29)
    po_text = (locales / language / "LC_MESSAGES" / "doc-opzelura.po").read_text("utf-8")
    assert "# Medical text: the official EMA translation, imported from " \
           f"opzelura-{language}.pdf" in po_text


def test_finnish_text_copied_from_a_pdf_imports_into_the_catalog(tmp_path, capsys) -> None:
    content, locales = tmp_path / "content", tmp_path / "locales"
    assert kiosk_main(["import", str(INPUTS / "ocaliva-en-pdf-text.txt"), "--output",
                       str(content)]) == 0
    code = kiosk_main(["import", str(INPUTS / "ocaliva-fi-pdf-text.txt"), "--translation-of",
                       "ocaliva", "--output", str(content), "--locales", str(locales)])
    out, err = capsys.readouterr()
    assert code == 0, err
    written = written_translations(locales, "fi", "ocaliva")
    assert written["What is Ocaliva and what is it used for?"] == \
        "Mitä Ocaliva on ja mihin sitä käytetään?"
    assert written["Other information about Ocaliva"] == "Muita tietoja Ocalivasta"
    assert written["have liver disease without cirrhosis;"] == \
        "joilla on maksasairaus ilman kirroosia;"
    assert written["The company will provide the results of a study of 2,000 patients to "
                   "confirm the benefits of the medicine."].endswith("osallistuu 2 000 "
                                                                     "potilasta.")
    assert len(written) == len(list(load_document(content / "ocaliva").units()))


def test_screens_get_the_official_note_and_lose_it_when_an_entry_is_edited(
        kiosk_dirs, tmp_path, capsys, restore_translator) -> None:
    content, locales = kiosk_dirs
    assert run_import(capsys, ema_pdf("el", tmp_path), content, locales)[0] == 0
    document = load_document(content / "opzelura")
    translator.configure_locales(locales)
    localized = localize_document(document, "el")
    assert localized.is_translated and localized.is_official_translation
    assert all(t.is_official for s in localized.sections for t in s.texts())
    assert localized.translation_note() == OFFICIAL_NOTE
    assert localize_document(document, "en").translation_note() == ""
    po = locales / "el" / "LC_MESSAGES" / "doc-opzelura.po"
    text = po.read_text("utf-8")
    po.write_text(text.replace("ρουξολιτινίμπη.", "ρουξολιτινίμπη (αλλαγή).", 1), "utf-8")
    translator.configure_locales(locales)  # drop the cached catalog
    edited = localize_document(document, "el")
    assert not edited.is_official_translation
    assert edited.translation_note() == KIOSK_NOTE
    status = medical_text_status(locales, "el", "opzelura")
    assert (status.status, status.official, status.translated) == ("unreviewed", 28, 29)
    assert "28 of 29 entries are the EMA's" in status.describe()


def test_provenance_survives_kiosk_catalogs_update(kiosk_dirs, tmp_path, capsys) -> None:
    """Babel drops unknown PO header fields when it rewrites a catalog; the record beside
    the catalog and the header comment are kept."""
    from kiosk.languages.maintenance import update

    content, locales = kiosk_dirs
    assert run_import(capsys, ema_pdf("bg", tmp_path), content, locales)[0] == 0
    update(locales, content, languages=["bg"])
    assert medical_text_status(locales, "bg", "opzelura").status == "official"
    po_text = (locales / "bg" / "LC_MESSAGES" / "doc-opzelura.po").read_text("utf-8")
    assert "# Medical text: the official EMA translation" in po_text


def test_a_changed_number_is_refused_naming_the_unit(kiosk_dirs, tmp_path, capsys) -> None:
    content, locales = kiosk_dirs
    pdf = ema_pdf("de", tmp_path, change=lambda text: re.sub("mehr als 10", "mehr als 12", text))
    code, out, err = run_import(capsys, pdf, content, locales, "--language", "de")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unit s2.p2" in err and "10" in err
    assert "nothing was written" in err
    assert not (locales / "de").exists()


def test_a_missing_paragraph_is_refused_naming_the_section(kiosk_dirs, tmp_path,
                                                          capsys) -> None:
    content, locales = kiosk_dirs
    document = load_document(OPZELURA_CONTENT)
    translations = shipped_translations("el")
    dropped = document.sections[1].paragraphs[3]
    overview = overview_from_document(document, lambda text: translations[text])
    overview.blocks = [b for b in overview.blocks if b != ("para", translations[dropped])]
    pdf = write_overview_pdf(overview, tmp_path / "short-el.pdf")
    code, out, err = run_import(capsys, pdf, content, locales)
    assert code == 1
    assert "section 2 ('How is Opzelura used?')" in err
    assert "the English has 4 paragraph(s), the translation 3 paragraph(s)" in err
    assert not (locales / "el").exists()


def test_a_language_option_that_contradicts_the_text_is_refused(kiosk_dirs, tmp_path,
                                                               capsys) -> None:
    content, locales = kiosk_dirs
    code, out, err = run_import(capsys, ema_pdf("de", tmp_path), content, locales,
                                "--language", "fi")
    assert code == 1 and "reads as German" in err and "--language fi" in err


def test_translation_of_an_unknown_medicine_says_to_import_the_english_first(
        kiosk_dirs, tmp_path, capsys) -> None:
    content, locales = kiosk_dirs
    code = kiosk_main(["import", str(INPUTS / "ocaliva-fi-pdf-text.txt"), "--translation-of",
                       "ocaliva", "--output", str(content), "--locales", str(locales)])
    err = capsys.readouterr().err
    assert code == 1 and "import the English overview first" in err


def test_stdout_prints_the_catalog_and_writes_nothing(kiosk_dirs, tmp_path, capsys) -> None:
    content, locales = kiosk_dirs
    code, out, err = run_import(capsys, ema_pdf("el", tmp_path), content, locales, "--stdout")
    assert code == 0
    assert 'msgid "How is Opzelura used?"' in out and "Printed the catalog" in err
    assert list(locales.iterdir()) == []


def test_the_kiosks_own_translations_stay_marked_as_the_kiosks() -> None:
    for language in ("uk", "tr"):
        status = medical_text_status(SHIPPED, language, "opzelura")
        assert status.status == "unreviewed"
        assert status.describe().startswith("the kiosk's translation, unreviewed")


def test_kiosk_check_shows_who_translated_each_medicine(kiosk_dirs, tmp_path, capsys) -> None:
    from kiosk.commands.check import run_check_command

    content, locales = kiosk_dirs
    assert run_import(capsys, ema_pdf("el", tmp_path), content, locales)[0] == 0
    shutil.copytree(SHIPPED / "uk", locales / "uk")
    config = KioskConfig(locales_dir=locales, content_dir=content,
                         log_file=tmp_path / "logs" / "kiosk.log")
    run_check_command(config, ["el", "uk", "de"])
    out = capsys.readouterr().out
    assert "el  opzelura: official EMA translation (29 of 29 entries)" in out
    assert "uk  opzelura: the kiosk's translation, unreviewed" in out
    assert "de  opzelura: no catalog: shown in English" in out
    assert provenance_report(locales, ["el"], []) == []


def test_deployer_offers_only_official_or_reviewed_languages(kiosk_dirs, tmp_path,
                                                             capsys) -> None:
    from kiosk.launcher import offered_languages

    content, locales = kiosk_dirs
    assert run_import(capsys, ema_pdf("el", tmp_path), content, locales)[0] == 0
    for language in ("de", "uk"):
        shutil.copytree(SHIPPED / language, locales / language)
    (locales / "de" / "LC_MESSAGES" / "doc-opzelura.provenance.toml").write_text(
        'status = "reviewed"\ntranslator = "A. Translator"\nreviewer = "B. Reviewer"\n',
        encoding="utf-8")
    base = KioskConfig(content_dir=content, locales_dir=locales)
    assert offered_languages(base) == ["de", "el", "en", "uk"]
    assert offered_languages(KioskConfig(content_dir=content, locales_dir=locales,
                                         medical_translations="reviewed")) == ["de", "el", "en"]
    assert offered_languages(KioskConfig(content_dir=content, locales_dir=locales,
                                         medical_translations="official")) == ["el", "en"]


def test_the_config_key_is_validated() -> None:
    table = {"kiosk": {"kiosk_mode": False, "medical_translations": "official"}}
    assert config_from_dict(table).medical_translations == "official"
    assert config_from_dict({"kiosk": {"kiosk_mode": False}}).medical_translations == "any"
    with pytest.raises(ConfigError) as caught:
        config_from_dict({"kiosk": {"kiosk_mode": False, "medical_translations": "checked"}})
    assert str(caught.value) == ('kiosk.toml: [kiosk] medical_translations must be one of '
                                 '"any", "reviewed", "official", not \'checked\'.')


def test_a_translated_web_copy_without_the_first_heading_aligns(kiosk_dirs, tmp_path,
                                                                capsys) -> None:
    """The EMA site leaves out the first section's heading: its translation stays English."""
    content, locales = kiosk_dirs
    document = load_document(OPZELURA_CONTENT)
    greek = shipped_translations("el")
    lines = ["Opzelura", "ρουξολιτινίμπη", "Email", "Help", "", greek[document.subtitle], ""]
    for number, section in enumerate(document.sections):
        if number:
            lines += [greek[section.heading], ""]
        lines += [line for p in section.paragraphs for line in (greek[p], "")]
    source = tmp_path / "opzelura-el-web.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run_import(capsys, source, content, locales)
    assert code == 0, err
    assert "Aligned: 28 of 29 units" in out
    assert "the heading of section 1 is not in the translation" in out
    written = written_translations(locales, "el")
    expected = dict(greek)
    del expected[document.sections[0].heading]
    assert written == expected
