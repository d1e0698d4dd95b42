"""Broken or unreadable catalogs at run time: a broken entry is dropped whole and named in
the log with its file and line; an unreadable catalog is English, marked, and everything
written into an English fallback (lists, numbers, dates) is written the English way.

Every test edits a copy of the repository's own ``locales/`` (no .mo, so the kiosk
compiles the edited .po in memory, as after a translator's edit).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from lang_helpers import REPO
from kiosk.document.source_format import load_document
from kiosk.languages import translator
from kiosk.languages.catalog_files import is_loaded, load_translations
from kiosk.languages.document_catalog import localize_document, strip_format_guess
from kiosk.languages.formatting import format_long_date, section_position
from kiosk.languages.maintenance import compile_catalog


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    """The shipped catalogs, without any .mo."""
    copy = tmp_path / "locales"
    shutil.copytree(REPO / "locales", copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


def _edit(po: Path, old: str, new: str) -> int:
    """Replace the line ``old`` of ``po`` by ``new``; returns its line number (1-based)."""
    lines = po.read_text(encoding="utf-8").split("\n")
    number = lines.index(old)
    lines[number] = new
    po.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def test_an_unterminated_msgstr_drops_that_entry_and_names_file_and_line(
        locales, caplog, capfd):
    po = locales / "de" / "LC_MESSAGES" / "kiosk.po"
    line = _edit(po, 'msgstr "Wählen Sie Ihre Sprache"', 'msgstr "Wählen Sie Ihre Sprach')
    with caplog.at_level(logging.ERROR, logger="kiosk.languages"):
        german = load_translations(locales, "de", "kiosk")
    assert german.gettext("Choose your language") == "Choose your language"  # not "…Sprac"
    assert german.gettext("Choose your language. Now on: {item}.").startswith("Wählen Sie")
    assert german.gettext("Go back one step") == "Einen Schritt zurück"  # the rest still works
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(f"{po}:{line}:" in e and "'Choose your language'" in e for e in errors), errors
    assert capfd.readouterr() == ("", "")  # nothing on the terminal


def test_kiosk_catalogs_compile_refuses_it_without_msgfmt_too(locales):
    po = locales / "de" / "LC_MESSAGES" / "kiosk.po"
    line = _edit(po, 'msgstr "Wählen Sie Ihre Sprache"', 'msgstr "Wählen Sie Ihre Sprach')
    problems = compile_catalog(po, "de", "kiosk", use_msgfmt=False)
    assert [p.entry for p in problems] == [f"line {line}"]
    assert not po.with_suffix(".mo").exists()  # no truncated translation compiled


def test_a_broken_paragraph_of_a_medicine_is_shown_in_english_marked(locales, clean_translator):
    po = locales / "de" / "LC_MESSAGES" / "doc-opzelura.po"
    _edit(po, 'msgstr "Wie wird Opzelura angewendet?"', 'msgstr "Wie wird Opzelura angewendet?')
    translator.configure_locales(locales)
    local = localize_document(load_document(REPO / "content" / "opzelura"), "de")
    heading = local.sections[1].heading
    assert heading.text == "How is Opzelura used?" and heading.is_fallback
    assert not local.sections[0].heading.is_fallback


def test_a_translation_with_another_number_is_dropped_and_shown_in_english_marked(
        locales, clean_translator, caplog):
    document = load_document(REPO / "content" / "opzelura")
    english = next(t for s in document.sections for b in s.blocks
                   for t in getattr(b, "items", None) or [getattr(b, "text", "")]
                   if "10%" in t)
    po = locales / "de" / "LC_MESSAGES" / "doc-opzelura.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="de")
    message = catalog[english]
    assert "10" in message.string
    message.string = message.string.replace("10", "100", 1)  # a translator's slip
    with po.open("wb") as fh:
        write_po(fh, strip_format_guess(catalog))
    translator.configure_locales(locales)
    with caplog.at_level(logging.ERROR, logger="kiosk.languages"):
        local = localize_document(document, "de")
    shown = next(t for s in local.sections for t in s.texts() if t.source == english)
    assert shown.is_fallback and shown.text == english  # never "100 %"
    assert any(str(po) in r.getMessage() and "numbers" in r.getMessage()
               for r in caplog.records)


def test_an_unreadable_interface_catalog_is_english_marked_and_written_the_english_way(
        locales, clean_translator, caplog, capfd):
    folder = locales / "el" / "LC_MESSAGES"
    (folder / "kiosk.po").write_text("garbage line one\n\"unterminated\nmore garbage\n",
                                     encoding="utf-8")
    (folder / "kiosk.mo").write_bytes(bytes(range(256)) * 8)
    translator.configure_locales(locales)
    with caplog.at_level(logging.ERROR, logger="kiosk.languages"):
        translator.set_language("el")
    assert not translator.interface_translated("el")  # the screens mark Ελληνικά
    assert translator.interface_language() == "en"  # and the narrator reads English
    said = "Authorised in the EU on: {date}"
    assert translator.shown_language(said) == "en"
    assert (translator._(said).format(date=format_long_date(dt.date(2023, 4, 19),
                                                            translator.shown_language(said)))
            == "Authorised in the EU on: 19 April 2023")
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert str(folder / "kiosk.po") in messages and str(folder / "kiosk.mo") in messages
    assert capfd.readouterr() == ("", "")  # Babel's own warnings would print here


def test_a_dropped_interface_entry_has_its_numbers_written_the_english_way(
        locales, clean_translator):
    po = locales / "de" / "LC_MESSAGES" / "kiosk.po"
    text = po.read_text(encoding="utf-8")
    assert text.count("Abschnitt {number} von {total}") == 2  # both plural forms
    po.write_text(text.replace("Abschnitt {number} von {total}", "Abschnitt {nummer} von {total}"),
                  encoding="utf-8")
    translator.configure_locales(locales)
    translator.set_language("de")
    assert translator.interface_translated("de")
    # English words, English digit grouping: never "Section 1.234 of 2.000"
    assert section_position(1234, 2000) == "Section 1,234 of 2,000"


def test_the_shipped_catalogs_lose_no_entry(caplog):
    with caplog.at_level(logging.ERROR, logger="kiosk.languages"):
        for po in sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")):
            code = po.parent.parent.name
            assert is_loaded(load_translations(REPO / "locales", code, po.stem)), po
    assert not caplog.records, [r.getMessage() for r in caplog.records]
