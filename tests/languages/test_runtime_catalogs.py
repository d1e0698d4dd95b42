"""Run-time loading: per-unit English fallback, stale .mo files, lazy loading."""

from __future__ import annotations

import io
import os

from babel.messages.mofile import write_mo

from lang_helpers import document_catalog_for, make_catalog, write_catalog
from kiosk.languages import translator
from kiosk.languages.catalog_files import load_translations
from kiosk.languages.document_catalog import localize_document


def _german(document):
    units = {u.key: u.text for u in document.units()}
    return units, {
        units["subtitle"]: "Ein Überblick über Testium",
        units["s1.h"]: "Was ist Testium?",
        units["s1.p1"]: "Testium ist eine Creme für Personen ab 12 Jahren.",
        units["s1.p2"]: "Es darf nicht auf mehr als 10 % des Körpers aufgetragen werden.",
        units["s2.h"]: "Welcher Nutzen wurde gezeigt?",
        units["s2.p1"]: "Die 2 Studien umfassten 661 Patienten; etwa 31 % besserten sich.",
    }


def test_fuzzy_paragraph_falls_back_to_english_alone(tmp_path, small_document, clean_translator):
    units, german = _german(small_document)
    catalog = document_catalog_for(small_document, "de", german, fuzzy={units["s1.p2"]})
    write_catalog(tmp_path, "de", "doc-testium", catalog)
    translator.configure_locales(tmp_path)

    local = localize_document(small_document, "de")
    by_key = {t.key: t for s in local.sections for t in s.texts()}
    fuzzy = by_key["s1.p2"]
    assert fuzzy.is_fallback and fuzzy.language == "en"
    assert fuzzy.text == units["s1.p2"]
    others = [t for k, t in by_key.items() if k != "s1.p2"]
    assert all(not t.is_fallback and t.language == "de" for t in others)
    assert by_key["s1.p1"].text == german[units["s1.p1"]]
    assert local.subtitle.text == "Ein Überblick über Testium"
    assert local.fallback_count == 1 and local.is_translated


def test_changed_english_paragraph_falls_back(tmp_path, small_document, clean_translator):
    units, german = _german(small_document)
    old = units["s2.p1"]
    german = {(k.replace("661", "600") if k == old else k): v for k, v in german.items()}
    write_catalog(tmp_path, "de", "doc-testium",
                  document_catalog_for(small_document, "de", german))
    # the catalog was written for the old English; its msgid no longer matches s2.p1
    path = tmp_path / "de" / "LC_MESSAGES" / "doc-testium.po"
    text = path.read_text(encoding="utf-8").replace(old.split(";")[0], old.split(";")[0].replace("661", "600"))
    path.write_text(text, encoding="utf-8")
    translator.configure_locales(tmp_path)

    local = localize_document(small_document, "de")
    changed = [t for s in local.sections for t in s.texts() if t.key == "s2.p1"][0]
    assert changed.is_fallback and changed.text == old and changed.language == "en"
    assert local.fallback_count == 1


def test_stale_mo_is_ignored_in_favour_of_the_newer_po(tmp_path):
    old = make_catalog("de", [("Help", "Hilfe (alt)")])
    po = write_catalog(tmp_path, "de", "kiosk", old)
    buffer = io.BytesIO()
    write_mo(buffer, old)
    mo = po.with_suffix(".mo")
    mo.write_bytes(buffer.getvalue())
    assert load_translations(tmp_path, "de", "kiosk").gettext("Help") == "Hilfe (alt)"

    write_catalog(tmp_path, "de", "kiosk", make_catalog("de", [("Help", "Hilfe")]))
    stamp = mo.stat().st_mtime
    os.utime(po, (stamp + 60, stamp + 60))  # the .po was edited after the compile
    assert load_translations(tmp_path, "de", "kiosk").gettext("Help") == "Hilfe"


def test_only_the_chosen_language_is_loaded(tmp_path, clean_translator):
    for code in ("de", "fr", "fi"):
        write_catalog(tmp_path, code, "kiosk", make_catalog(code, [("Help", f"Help-{code}")]))
    translator.configure_locales(tmp_path)
    assert translator._cache == {}
    translator.set_language("de")
    assert list(translator._cache) == [("de", "kiosk")]
    assert translator._("Help") == "Help-de"
    translator.set_language("en")
    assert list(translator._cache) == [("de", "kiosk")]
