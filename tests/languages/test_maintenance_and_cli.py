"""kiosk catalogs extract / update / compile, and kiosk check, on temporary folders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lang_helpers import REPO, SMALL_DOCUMENT, make_catalog, write_catalog
from kiosk.cli import main
from kiosk.languages import checks, maintenance
from kiosk.languages.templates import read_catalog_bytes, ui_template


@pytest.fixture
def project(tmp_path):
    """A content folder with one small medicine and an empty locales folder."""
    content = tmp_path / "content" / "testium"
    content.mkdir(parents=True)
    (content / "overview.md").write_text(SMALL_DOCUMENT, encoding="utf-8")
    locales = tmp_path / "locales"
    locales.mkdir()
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[kiosk]\nkiosk_mode = false\ncontent_dir = "{tmp_path / "content"}"\n'
        f'locales_dir = "{locales}"\n', encoding="utf-8")
    return tmp_path


def _read(path: Path, lang: str):
    return read_catalog_bytes(path.read_bytes(), lang, path.stem)


def test_ui_extraction_finds_marked_strings_with_plurals():
    template = ui_template(REPO)
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in template if m.id}
    assert "Go back one step" in ids  # N_() in kiosk/keys.py
    assert "Section {number} of {total}" in ids
    assert isinstance(ids["Section {number} of {total}"].id, tuple)  # ngettext keeps the plural
    assert all(loc.startswith("kiosk/") for m in template if m.id for loc, _ in m.locations)


def test_update_creates_every_language_and_marks_changed_text_fuzzy(project, capsys):
    locales, content = project / "locales", project / "content"
    maintenance.update(locales, content, languages=["de", "fr"])
    de = locales / "de" / "LC_MESSAGES" / "doc-testium.po"
    assert de.is_file() and (locales / "fr" / "LC_MESSAGES" / "kiosk.po").is_file()
    assert (locales / "doc-testium.pot").is_file() and (locales / "kiosk.pot").is_file()
    assert "python-format" not in de.read_text().replace("no-python-format", "")

    # a translator translates the paragraph, then the agency changes it
    text = de.read_text(encoding="utf-8")
    old = "Testium is a cream for 12 years and older."
    de.write_text(text.replace(f'msgid "{old}"\nmsgstr ""', f'msgid "{old}"\nmsgstr "Testium ist eine Creme ab 12 Jahren."'),
                  encoding="utf-8")
    overview = content / "testium" / "overview.md"
    overview.write_text(overview.read_text().replace(old, "Testium is a cream for 14 years and older."))
    assert maintenance.pending_updates(locales, content, ["de", "fr"])

    maintenance.update(locales, content, languages=["de", "fr"])
    catalog = _read(de, "de")
    changed = catalog.get("Testium is a cream for 14 years and older.")
    assert changed.fuzzy and changed.previous_id == [old]
    assert changed.string == "Testium ist eine Creme ab 12 Jahren."
    assert maintenance.pending_updates(locales, content, ["de", "fr"]) == []
    maintenance.update(locales, content, languages=["de", "fr"])  # a second update keeps "#|"
    assert _read(de, "de").get("Testium is a cream for 14 years and older.").previous_id == [old]

    # the fuzzy entry is not compiled: the kiosk shows the new English, and check names it
    report = checks.run_checks(locales, content, ["de"])
    fuzzy = [p for p in report.problems if p.check == "fuzzy"]
    assert [p.entry.split(" ")[0] for p in fuzzy] == ["s1.p1"]


def test_compile_writes_mo_without_fuzzy_and_refuses_broken_catalogs(project):
    locales = project / "locales"
    good = make_catalog("de", [("Help", "Hilfe"), ("Next", "Weiter", {"fuzzy": True})])
    write_catalog(locales, "de", "kiosk", good)
    bad = make_catalog("fr", [("Section {number} of {total}", "Section {nombre} sur {total}")])
    write_catalog(locales, "fr", "kiosk", bad)
    problems = maintenance.compile_all(locales)
    assert problems and {p.language for p in problems} == {"fr"}
    assert any("{nombre}" in p.message for p in problems)
    assert not (locales / "fr" / "LC_MESSAGES" / "kiosk.mo").exists()
    import gettext
    with (locales / "de" / "LC_MESSAGES" / "kiosk.mo").open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    assert mo.gettext("Help") == "Hilfe" and mo.gettext("Next") == "Next"


def test_catalogs_compile_command_exits_non_zero_on_errors(project, capsys):
    write_catalog(project / "locales", "fr", "kiosk",
                  make_catalog("fr", [("Go \x1b[2J", "Aller \x1b[2J")]))
    assert main(["--config", str(project / "kiosk.toml"), "catalogs", "compile"]) == 1
    out = capsys.readouterr().out
    assert "fr/LC_MESSAGES/kiosk.po" in out and "unsafe-text" in out


def test_kiosk_check_command_prints_the_table_and_fails_on_a_broken_catalog(project, capsys):
    locales = project / "locales"
    maintenance.update(locales, project / "content", languages=["de"])
    write_catalog(locales, "de", "kiosk",
                  make_catalog("de", [("Section {number} of {total}", "Abschnitt {nummer}")]))
    code = main(["--config", str(project / "kiosk.toml"), "check", "--language", "de-AT"])
    out = capsys.readouterr().out
    assert code == 1
    header = out.splitlines()[0]
    for column in ("language", "domain(s)", "entries", "translated", "fuzzy", "untranslated",
                   "problems"):
        assert column in header
    assert "de German" in out
    assert 'de kiosk "Section {number} of {total}": placeholders: unknown placeholder {nummer}' in out


def test_kiosk_check_rejects_an_unknown_language(project, capsys):
    assert main(["--config", str(project / "kiosk.toml"), "check", "--language", "xx"]) == 2
    assert "not a kiosk language" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) is not installed")
def test_pybabel_agrees_that_updated_catalogs_are_up_to_date(project):
    locales, content = project / "locales", project / "content"
    maintenance.update(locales, content, languages=["de", "pl"])
    for domain in ("kiosk", "doc-testium"):
        result = subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", "update", "--check",
             "--ignore-pot-creation-date", "-i", str(locales / f"{domain}.pot"),
             "-d", str(locales), "-D", domain],
            capture_output=True, text=True,
        )
        assert result.returncode == 0, result.stderr
    for po in locales.glob("*/LC_MESSAGES/*.po"):
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)]).returncode == 0
